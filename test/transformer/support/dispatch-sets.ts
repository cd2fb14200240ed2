/**
 * The overload sets of dispatch-property.test.ts, each written three ways: typed cases compiled by
 * the transformer (`overload((a: T) => …)`), `@overload('f')` methods of a class, and `when` cases
 * with matchers; plus, per set, its reference model (dispatch-model.ts). Every body records that it
 * ran in `hits`. This file holds the sets over primitives, literals, unions and optional and rest
 * parameters; dispatch-sets-structured.ts holds those over objects, arrays, tuples, classes and
 * recursive types.
 */
import fc from 'fast-check';
import { optional, overload, rest, when, type Overloaded } from '../../../src/index.js';
import {
  anything,
  caseOf,
  either,
  isBoolean,
  isNumber,
  isObject,
  isString,
  objectWith,
  oneOf,
  optionalParam,
  param,
  arrayOf,
  type SetModel,
} from './dispatch-model.js';

// ---- recording which body ran -------------------------------------------------------------------------

export interface Hit {
  readonly index: number;
  readonly self: unknown;
  /** What the body returned: the dispatcher must return this very object. */
  readonly result: object;
}

/** Every body run since the test last emptied it. */
export const hits: Hit[] = [];

export function hit(index: number, self?: unknown): object {
  const result = { ran: index };
  hits.push({ index, self, result });
  return result;
}

/** A `when` body for case `index` that records `this`. */
export const body = (index: number) =>
  function (this: unknown): object {
    return hit(index, this);
  };

/** One overload set, three ways, with its model. `methods` is an instance whose `f` dispatches. */
export interface OverloadSet {
  readonly name: string;
  readonly model: SetModel;
  readonly typed: Function;
  readonly when: Function;
  readonly methods: { readonly f: Function };
}

// ---- parameter types ------------------------------------------------------------------------------

const shortString = fc.string({ maxLength: 3 });

export const num = param('number', isNumber, fc.double());
export const str = param('string', isString, shortString);
const bool = param('boolean', isBoolean, fc.boolean());
const big = param('bigint', (v) => typeof v === 'bigint', fc.bigInt({ min: -5n, max: 5n }));
const sym = param('symbol', (v) => typeof v === 'symbol', fc.constantFrom(Symbol('local'), Symbol.iterator, Symbol.for('duckcall-test')));
const nul = param('null', oneOf(null), fc.constant(null));
const undef = param('undefined', oneOf(undefined), fc.constant(undefined));

export enum Color {
  Red,
  Green = 'g',
}

/** TypeScript's `${number}`: any string but '' that `Number()` reads as a finite number. */
const numeric = (s: string): boolean => s !== '' && Number.isFinite(Number(s));

const hex = param("'hex'", oneOf('hex'), fc.constant('hex'));
const yes = param('true', oneOf(true), fc.constant(true));
const oneTwoThree = param('1 | 2 | 3', oneOf(1, 2, 3), fc.constantFrom(1, 2, 3));
const ab = param("'a' | 'b'", oneOf('a', 'b'), fc.constantFrom('a', 'b'));
const zeroNOrMinusOne = param('0n | -1', oneOf(0n, -1), fc.constantFrom(0n, -1));
const templateId = param(
  '`id-${number}`',
  (v) => typeof v === 'string' && v.startsWith('id-') && numeric(v.slice(3)),
  fc.oneof(
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => `id-${n}`),
    fc.constantFrom('id-0x1F', 'id- 1', 'id-.5', 'id-1.', 'id-1e3', 'id-  ', 'id--0'),
  ),
);
const unit = param("'px' | 'em'", oneOf('px', 'em'), fc.constantFrom('px', 'em'));
const color = param('Color', oneOf(Color.Red, Color.Green), fc.constantFrom(Color.Red, Color.Green));

const strOrNum = param('string | number', either(isString, isNumber), fc.oneof(str.valid, num.valid));
const boolOrNull = param('boolean | null', either(isBoolean, oneOf(null)), fc.oneof(bool.valid, nul.valid));
const numbersOrN = param(
  'number[] | { n: number }',
  either(arrayOf(isNumber), objectWith({ n: isNumber })),
  fc.oneof(fc.array(num.valid, { maxLength: 3 }), fc.record({ n: num.valid })),
);
const dateOrStrings = param(
  'Date | string[] | undefined',
  (v) => v === undefined || v instanceof Date || arrayOf(isString)(v),
  fc.oneof(fc.date(), fc.array(str.valid, { maxLength: 3 }), fc.constant(undefined)),
);
const obj = param(
  'object',
  isObject,
  fc.oneof(fc.object({ maxDepth: 1 }), fc.array(fc.integer(), { maxLength: 2 }), fc.constant(() => 0), fc.constant(new Map())),
);
const unknownValue = param('unknown', anything, fc.anything({ maxDepth: 1 }));
const numOrUndefined = param('number | undefined', (v) => v === undefined || isNumber(v), fc.oneof(num.valid, undef.valid));

// ---- primitives ---------------------------------------------------------------------------------------

const primitivesModel: SetModel = [
  caseOf([num]),
  caseOf([str]),
  caseOf([bool]),
  caseOf([big]),
  caseOf([sym]),
  caseOf([nul]),
  caseOf([undef]),
  caseOf([num, num]),
  caseOf([]),
];

const primitivesTyped = overload(
  (a: number) => hit(0),
  (a: string) => hit(1),
  (a: boolean) => hit(2),
  (a: bigint) => hit(3),
  (a: symbol) => hit(4),
  (a: null) => hit(5),
  (a: undefined) => hit(6),
  (a: number, b: number) => hit(7),
  () => hit(8),
);

class PrimitiveMethods {
  @overload('f') c0(a: number) { return hit(0, this); }
  @overload('f') c1(a: string) { return hit(1, this); }
  @overload('f') c2(a: boolean) { return hit(2, this); }
  @overload('f') c3(a: bigint) { return hit(3, this); }
  @overload('f') c4(a: symbol) { return hit(4, this); }
  @overload('f') c5(a: null) { return hit(5, this); }
  @overload('f') c6(a: undefined) { return hit(6, this); }
  @overload('f') c7(a: number, b: number) { return hit(7, this); }
  @overload('f') c8() { return hit(8, this); }
  declare f: Overloaded<[
    PrimitiveMethods['c0'], PrimitiveMethods['c1'], PrimitiveMethods['c2'], PrimitiveMethods['c3'], PrimitiveMethods['c4'],
    PrimitiveMethods['c5'], PrimitiveMethods['c6'], PrimitiveMethods['c7'], PrimitiveMethods['c8'],
  ]>;
}

const primitivesWhen = overload(
  when([Number], body(0)),
  when([String], body(1)),
  when([Boolean], body(2)),
  when([BigInt], body(3)),
  when([Symbol], body(4)),
  when([null], body(5)),
  when([undefined], body(6)),
  when([Number, Number], body(7)),
  when([], body(8)),
);

// ---- literals -----------------------------------------------------------------------------------------

const literalsModel: SetModel = [
  caseOf([hex, num]),
  caseOf([yes]),
  caseOf([oneTwoThree]),
  caseOf([ab, zeroNOrMinusOne]),
  caseOf([str, num]),
  caseOf([templateId]),
  caseOf([color]),
  caseOf([num, unit]),
];

const literalsTyped = overload(
  (mode: 'hex', n: number) => hit(0),
  (flag: true) => hit(1),
  (n: 1 | 2 | 3) => hit(2),
  (s: 'a' | 'b', t: 0n | -1) => hit(3),
  (mode: string, n: number) => hit(4),
  (id: `id-${number}`) => hit(5),
  (c: Color) => hit(6),
  (n: number, u: 'px' | 'em') => hit(7),
);

class LiteralMethods {
  @overload('f') c0(mode: 'hex', n: number) { return hit(0, this); }
  @overload('f') c1(flag: true) { return hit(1, this); }
  @overload('f') c2(n: 1 | 2 | 3) { return hit(2, this); }
  @overload('f') c3(s: 'a' | 'b', t: 0n | -1) { return hit(3, this); }
  @overload('f') c4(mode: string, n: number) { return hit(4, this); }
  @overload('f') c5(id: `id-${number}`) { return hit(5, this); }
  @overload('f') c6(c: Color) { return hit(6, this); }
  @overload('f') c7(n: number, u: 'px' | 'em') { return hit(7, this); }
  declare f: Overloaded<[
    LiteralMethods['c0'], LiteralMethods['c1'], LiteralMethods['c2'], LiteralMethods['c3'],
    LiteralMethods['c4'], LiteralMethods['c5'], LiteralMethods['c6'], LiteralMethods['c7'],
  ]>;
}

const literalsWhen = overload(
  when(['hex', Number], body(0)),
  when([true], body(1)),
  when([oneTwoThree.accepts], body(2)),
  when([ab.accepts, zeroNOrMinusOne.accepts], body(3)),
  when([String, Number], body(4)),
  when([templateId.accepts], body(5)),
  when([color.accepts], body(6)),
  when([Number, unit.accepts], body(7)),
);

// ---- unions -------------------------------------------------------------------------------------------

const unionsModel: SetModel = [
  caseOf([strOrNum, boolOrNull]),
  caseOf([strOrNum]),
  caseOf([numbersOrN]),
  caseOf([dateOrStrings]),
  caseOf([obj]),
  caseOf([unknownValue, unknownValue]),
];

const unionsTyped = overload(
  (a: string | number, b: boolean | null) => hit(0),
  (a: string | number) => hit(1),
  (a: number[] | { n: number }) => hit(2),
  (a: Date | string[] | undefined) => hit(3),
  (a: object) => hit(4),
  (a: unknown, b: unknown) => hit(5),
);

class UnionMethods {
  @overload('f') c0(a: string | number, b: boolean | null) { return hit(0, this); }
  @overload('f') c1(a: string | number) { return hit(1, this); }
  @overload('f') c2(a: number[] | { n: number }) { return hit(2, this); }
  @overload('f') c3(a: Date | string[] | undefined) { return hit(3, this); }
  @overload('f') c4(a: object) { return hit(4, this); }
  @overload('f') c5(a: unknown, b: unknown) { return hit(5, this); }
  declare f: Overloaded<[UnionMethods['c0'], UnionMethods['c1'], UnionMethods['c2'], UnionMethods['c3'], UnionMethods['c4'], UnionMethods['c5']]>;
}

const unionsWhen = overload(
  when([strOrNum.accepts, boolOrNull.accepts], body(0)),
  when([strOrNum.accepts], body(1)),
  when([numbersOrN.accepts], body(2)),
  when([dateOrStrings.accepts], body(3)),
  when([isObject], body(4)),
  when([anything, anything], body(5)),
);

// ---- optional, defaulted and rest parameters ----------------------------------------------------------

const optionalRestModel: SetModel = [
  caseOf([num, optionalParam(str)]),
  caseOf([str, optionalParam(num)]),
  caseOf([str], num),
  caseOf([bool, optionalParam(num)], str),
  caseOf([], bool),
  caseOf([numOrUndefined, str]),
];

const optionalRestTyped = overload(
  (a: number, b?: string) => hit(0),
  (a: string, b = 10) => hit(1),
  (a: string, ...more: number[]) => hit(2),
  (a: boolean, b?: number, ...more: string[]) => hit(3),
  (...all: boolean[]) => hit(4),
  (a: number | undefined, b: string) => hit(5),
);

class OptionalRestMethods {
  @overload('f') c0(a: number, b?: string) { return hit(0, this); }
  @overload('f') c1(a: string, b = 10) { return hit(1, this); }
  @overload('f') c2(a: string, ...more: number[]) { return hit(2, this); }
  @overload('f') c3(a: boolean, b?: number, ...more: string[]) { return hit(3, this); }
  @overload('f') c4(...all: boolean[]) { return hit(4, this); }
  @overload('f') c5(a: number | undefined, b: string) { return hit(5, this); }
  declare f: Overloaded<[
    OptionalRestMethods['c0'], OptionalRestMethods['c1'], OptionalRestMethods['c2'],
    OptionalRestMethods['c3'], OptionalRestMethods['c4'], OptionalRestMethods['c5'],
  ]>;
}

const optionalRestWhen = overload(
  when([Number, optional(String)], body(0)),
  when([String, optional(Number)], body(1)),
  when([String, rest(Number)], body(2)),
  when([Boolean, optional(Number), rest(String)], body(3)),
  when([rest(Boolean)], body(4)),
  when([numOrUndefined.accepts, String], body(5)),
);

// ---- optional and defaulted parameters only (the compiled dispatcher takes these; a rest parameter
// sends the typed set above to the ordinary one) --------------------------------------------------------

const optionalDate = optionalParam(param('Date', (v) => v instanceof Date, fc.date()));

const optionalModel: SetModel = [
  caseOf([num, optionalParam(str), optionalParam(bool)]),
  caseOf([str, optionalParam(num)]),
  caseOf([optionalDate]),
  caseOf([numOrUndefined, str]),
  caseOf([bool, undef, optionalParam(num)]),
];

const optionalTyped = overload(
  (a: number, b?: string, c?: boolean) => hit(0),
  (a: string, b = 10) => hit(1),
  (a?: Date) => hit(2),
  (a: number | undefined, b: string) => hit(3),
  (a: boolean, b: undefined, c?: number) => hit(4),
);

class OptionalMethods {
  @overload('f') c0(a: number, b?: string, c?: boolean) { return hit(0, this); }
  @overload('f') c1(a: string, b = 10) { return hit(1, this); }
  @overload('f') c2(a?: Date) { return hit(2, this); }
  @overload('f') c3(a: number | undefined, b: string) { return hit(3, this); }
  @overload('f') c4(a: boolean, b: undefined, c?: number) { return hit(4, this); }
  declare f: Overloaded<[OptionalMethods['c0'], OptionalMethods['c1'], OptionalMethods['c2'], OptionalMethods['c3'], OptionalMethods['c4']]>;
}

const optionalWhen = overload(
  when([Number, optional(String), optional(Boolean)], body(0)),
  when([String, optional(Number)], body(1)),
  when([optional(Date)], body(2)),
  when([numOrUndefined.accepts, String], body(3)),
  when([Boolean, undefined, optional(Number)], body(4)),
);

export const SCALAR_SETS: readonly OverloadSet[] = [
  { name: 'primitives', model: primitivesModel, typed: primitivesTyped, when: primitivesWhen, methods: new PrimitiveMethods() },
  { name: 'literals', model: literalsModel, typed: literalsTyped, when: literalsWhen, methods: new LiteralMethods() },
  { name: 'unions', model: unionsModel, typed: unionsTyped, when: unionsWhen, methods: new UnionMethods() },
  { name: 'optional and rest', model: optionalRestModel, typed: optionalRestTyped, when: optionalRestWhen, methods: new OptionalRestMethods() },
  { name: 'optional and defaulted', model: optionalModel, typed: optionalTyped, when: optionalWhen, methods: new OptionalMethods() },
];
