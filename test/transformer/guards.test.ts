/**
 * Typia-style fixtures for the generated guards: for each type, values that must be accepted and
 * values that must be rejected together with the first path `validate<T>` reports. The ground truth
 * is TypeScript's own verdict on `const x: T = <the value written as a literal>` (excess properties
 * allowed, as API.md says), checked with the real compiler where it is not obvious.
 */
import { describe, expect, it } from 'vitest';
import { assert, is, overload, ProtocolError, validate, type Validation } from '../../src/index.js';
import { fixture, paths } from './support/fixture.js';

const fn = function named(): number {
  return 1;
};
class Plain {
  x = 1;
}
class Empty {}

// ---- literals -----------------------------------------------------------------------------------

fixture('string literal "a"', { is: (v) => is<'a'>(v), validate: (v) => validate<'a'>(v) }, ['a'], [
  ['b', '$input'],
  ['A', '$input'],
  ['', '$input'],
  [1, '$input'],
  [undefined, '$input'],
  [new String('a'), '$input'],
]);

fixture('number literal 42', { is: (v) => is<42>(v), validate: (v) => validate<42>(v) }, [42, 42.0], [
  ['42', '$input'],
  [42n, '$input'],
  [43, '$input'],
  [-42, '$input'],
  [new Number(42), '$input'],
]);

fixture('negative number literal -1', { is: (v) => is<-1>(v), validate: (v) => validate<-1>(v) }, [-1], [
  [1, '$input'],
  ['-1', '$input'],
  [-1n, '$input'],
]);

fixture('zero literal 0', { is: (v) => is<0>(v), validate: (v) => validate<0>(v) }, [0, -0], [
  [false, '$input'],
  ['0', '$input'],
  [0n, '$input'],
  [null, '$input'],
]);

fixture('fractional literal 2.5', { is: (v) => is<2.5>(v), validate: (v) => validate<2.5>(v) }, [2.5], [
  [2, '$input'],
  ['2.5', '$input'],
]);

fixture('boolean literal true', { is: (v) => is<true>(v), validate: (v) => validate<true>(v) }, [true], [
  [false, '$input'],
  [1, '$input'],
  ['true', '$input'],
  [new Boolean(true), '$input'],
]);

fixture('boolean literal false', { is: (v) => is<false>(v), validate: (v) => validate<false>(v) }, [false], [
  [true, '$input'],
  [0, '$input'],
  ['', '$input'],
  [null, '$input'],
]);

fixture('bigint literal 10n', { is: (v) => is<10n>(v), validate: (v) => validate<10n>(v) }, [10n, BigInt(10)], [
  [10, '$input'],
  ['10', '$input'],
  [11n, '$input'],
  [-10n, '$input'],
]);

fixture('negative bigint literal -5n', { is: (v) => is<-5n>(v), validate: (v) => validate<-5n>(v) }, [-5n], [
  [5n, '$input'],
  [-5, '$input'],
]);

fixture(
  'literal union "a" | 1 | true | null | 3n',
  { is: (v) => is<'a' | 1 | true | null | 3n>(v), validate: (v) => validate<'a' | 1 | true | null | 3n>(v) },
  ['a', 1, true, null, 3n],
  [
    ['b', '$input'],
    [2, '$input'],
    [false, '$input'],
    [undefined, '$input'],
    [3, '$input'],
  ],
);

// ---- primitives ---------------------------------------------------------------------------------

fixture('string', { is: (v) => is<string>(v), validate: (v) => validate<string>(v) }, ['', 'x', 'ünïcödé'], [
  [1, '$input'],
  [null, '$input'],
  [undefined, '$input'],
  [new String('x'), '$input'],
  [Symbol('x'), '$input'],
  [['x'], '$input'],
]);

fixture('number', { is: (v) => is<number>(v), validate: (v) => validate<number>(v) }, [0, -0, 1.5, -7, NaN, Infinity, -Infinity, Number.MAX_VALUE], [
  ['1', '$input'],
  [1n, '$input'],
  [new Number(1), '$input'],
  [null, '$input'],
  [true, '$input'],
]);

fixture('boolean', { is: (v) => is<boolean>(v), validate: (v) => validate<boolean>(v) }, [true, false], [
  [0, '$input'],
  ['false', '$input'],
  [new Boolean(false), '$input'],
  [undefined, '$input'],
]);

fixture('bigint', { is: (v) => is<bigint>(v), validate: (v) => validate<bigint>(v) }, [0n, -1n, 2n ** 100n, BigInt(7)], [
  [1, '$input'],
  ['1', '$input'],
  [Object(1n), '$input'],
]);

const aSymbol = Symbol('a');
fixture('symbol', { is: (v) => is<symbol>(v), validate: (v) => validate<symbol>(v) }, [Symbol(), aSymbol, Symbol.iterator, Symbol.for('x')], [
  ['Symbol()', '$input'],
  [Object(Symbol()), '$input'],
  [{}, '$input'],
  [undefined, '$input'],
  [0, '$input'],
]);

fixture('null', { is: (v) => is<null>(v), validate: (v) => validate<null>(v) }, [null], [
  [undefined, '$input'],
  [0, '$input'],
  ['', '$input'],
  [{}, '$input'],
]);

fixture('undefined', { is: (v) => is<undefined>(v), validate: (v) => validate<undefined>(v) }, [undefined, void 0], [
  [null, '$input'],
  [0, '$input'],
  ['undefined', '$input'],
]);

fixture('void', { is: (v) => is<void>(v), validate: (v) => validate<void>(v) }, [undefined], [
  [null, '$input'],
  [0, '$input'],
  [false, '$input'],
]);

const anything: unknown[] = [undefined, null, 0, NaN, '', 'x', true, 0n, Symbol(), {}, [], fn, new Date(), Object.create(null)];

fixture('unknown', { is: (v) => is<unknown>(v), validate: (v) => validate<unknown>(v) }, anything, []);

fixture('any', { is: (v) => is<any>(v), validate: (v) => validate<any>(v) }, anything, []);

// ---- unions -------------------------------------------------------------------------------------

fixture('string | number', { is: (v) => is<string | number>(v), validate: (v) => validate<string | number>(v) }, ['', 'x', 0, NaN], [
  [true, '$input'],
  [null, '$input'],
  [undefined, '$input'],
  [{}, '$input'],
  [1n, '$input'],
]);

fixture('string | null | undefined', { is: (v) => is<string | null | undefined>(v), validate: (v) => validate<string | null | undefined>(v) }, ['x', null, undefined], [
  [0, '$input'],
  [false, '$input'],
]);

fixture('symbol | string', { is: (v) => is<symbol | string>(v), validate: (v) => validate<symbol | string>(v) }, [Symbol(), 'x'], [
  [1, '$input'],
  [null, '$input'],
]);

type Shape = { kind: 'circle'; r: number } | { kind: 'rect'; w: number; h: number };
fixture(
  'discriminated union',
  { is: (v) => is<Shape>(v), validate: (v) => validate<Shape>(v) },
  [{ kind: 'circle', r: 1 }, { kind: 'rect', w: 1, h: 2 }, { kind: 'rect', w: 1, h: 2, r: 'extra' }],
  [
    [{ kind: 'circle', w: 1, h: 2 }, '$input.r'],
    [{ kind: 'square', r: 1 }, '$input.kind'],
    [{ r: 1 }, '$input.kind'],
    [null, '$input'],
    ['circle', '$input'],
  ],
);

type SameTag = { kind: 'a'; x: number } | { kind: 'a'; y: string };
fixture(
  'union of object types with the same discriminant value',
  { is: (v) => is<SameTag>(v), validate: (v) => validate<SameTag>(v) },
  [{ kind: 'a', x: 1 }, { kind: 'a', y: 'y' }, { kind: 'a', x: 'no', y: 'yes' }],
  [
    [{ kind: 'a' }, '$input'],
    [{ kind: 'a', x: 'no' }, '$input.x'],
    [{ kind: 'b', x: 1 }, '$input.kind'],
  ],
);

fixture(
  'string[] | number (one structured member: validate descends)',
  { is: (v) => is<string[] | number>(v), validate: (v) => validate<string[] | number>(v) },
  [[], ['a'], 1],
  [
    [['a', 1], '$input[1]'],
    ['a', '$input'],
  ],
);

// ---- intersections ------------------------------------------------------------------------------

type AB = { a: number } & { b: string };
fixture(
  '{ a: number } & { b: string }',
  { is: (v) => is<AB>(v), validate: (v) => validate<AB>(v) },
  [{ a: 1, b: 'x' }, { a: 1, b: 'x', c: null }],
  [
    [{ a: 1 }, '$input.b'],
    [{ b: 'x' }, '$input.a'],
    [{ a: 'x', b: 1 }, '$input.a'],
    [null, '$input'],
  ],
);

// Brands are phantom (API.md §1): no runtime value carries one, so the guard checks the primitive
// part, and `is<Brand>(s)` is how a checked string becomes a Brand.
type Brand = string & { __brand: 'x' };
fixture('branded primitive string & { __brand: "x" }', { is: (v) => is<Brand>(v), validate: (v) => validate<Brand>(v) }, ['abc', ''], [
  [{ __brand: 'x' }, '$input'],
  [Object.assign(new String('a'), { __brand: 'x' }), '$input'],
  [1, '$input'],
]);

type UserId = number & { readonly __tag: unique symbol };
fixture('branded number with a unique symbol tag', { is: (v) => is<UserId>(v), validate: (v) => validate<UserId>(v) }, [1, 0, NaN], [
  ['1', '$input'],
  [{ __tag: 1 }, '$input'],
  [new Number(1), '$input'],
]);

fixture('number & {}', { is: (v) => is<number & {}>(v), validate: (v) => validate<number & {}>(v) }, [0, 1.5, NaN], [
  ['1', '$input'],
  [null, '$input'],
  [undefined, '$input'],
]);

type Narrowed = { a: string } & { a: 'x' };
fixture('intersection narrowing a property', { is: (v) => is<Narrowed>(v), validate: (v) => validate<Narrowed>(v) }, [{ a: 'x' }], [
  [{ a: 'y' }, '$input.a'],
  [{}, '$input.a'],
]);

// ---- tuples -------------------------------------------------------------------------------------

fixture(
  '[string, number]',
  { is: (v) => is<[string, number]>(v), validate: (v) => validate<[string, number]>(v) },
  [['a', 1], ['', NaN]],
  [
    [['a'], '$input'],
    [['a', 1, 2], '$input'],
    [[1, 'a'], '$input[0]'],
    [['a', 'b'], '$input[1]'],
    [[], '$input'],
    [{ 0: 'a', 1: 1, length: 2 }, '$input'],
    [[, 1], '$input[0]'],
    ['a1', '$input'],
  ],
);

fixture(
  'readonly [number, number]',
  { is: (v) => is<readonly [number, number]>(v), validate: (v) => validate<readonly [number, number]>(v) },
  [[1, 2], Object.freeze([1, 2])],
  [
    [[1, undefined], '$input[1]'],
    [[1], '$input'],
  ],
);

fixture('[] (the empty tuple)', { is: (v) => is<[]>(v), validate: (v) => validate<[]>(v) }, [[]], [
  [[1], '$input'],
  [[undefined], '$input'],
  [{}, '$input'],
]);

fixture(
  '[string, number?] (an optional element)',
  { is: (v) => is<[string, number?]>(v), validate: (v) => validate<[string, number?]>(v) },
  [['a'], ['a', 1], ['a', undefined]],
  [
    [['a', 'b'], '$input[1]'],
    [[], '$input'],
    [['a', 1, 2], '$input'],
    [[1], '$input[0]'],
    [['a', null], '$input[1]'],
  ],
);

fixture(
  '[string, ...number[]] (a rest element)',
  { is: (v) => is<[string, ...number[]]>(v), validate: (v) => validate<[string, ...number[]]>(v) },
  [['a'], ['a', 1], ['a', 1, 2, 3]],
  [
    [[], '$input'],
    [[1], '$input[0]'],
    [['a', 1, 'x'], '$input[2]'],
    [['a', , 2], '$input[1]'],
    [{ 0: 'a', length: 1 }, '$input'],
  ],
);

type Labelled = [name: string, flag?: boolean, ...scores: number[]];
fixture(
  '[name: string, flag?: boolean, ...scores: number[]]',
  { is: (v) => is<Labelled>(v), validate: (v) => validate<Labelled>(v) },
  [['a'], ['a', true], ['a', false, 1, 2], ['a', undefined, 1]],
  [
    [['a', 1], '$input[1]'],
    [['a', true, 'x'], '$input[2]'],
    [[true], '$input[0]'],
  ],
);

// ---- arrays -------------------------------------------------------------------------------------

fixture(
  'number[] (every element, holes included)',
  { is: (v) => is<number[]>(v), validate: (v) => validate<number[]>(v) },
  [[], [1, 2, 3], Object.freeze([1]), new Array<number>(0)],
  [
    [[1, '2', 3], '$input[1]'],
    [[1, 2, 3, 4, 5, null], '$input[5]'],
    // eslint-disable-next-line no-sparse-arrays
    [[1, , 3], '$input[1]'],
    [new Array(2), '$input[0]'],
    [{ length: 0 }, '$input'],
    ['123', '$input'],
    [new Set([1]), '$input'],
    [new Uint8Array(2), '$input'],
    [null, '$input'],
  ],
);

fixture(
  '(number | undefined)[] (holes are undefined)',
  { is: (v) => is<(number | undefined)[]>(v), validate: (v) => validate<(number | undefined)[]>(v) },
  // eslint-disable-next-line no-sparse-arrays
  [[1, , 3], new Array(3), [undefined]],
  [[[null], '$input[0]']],
);

fixture(
  'readonly string[]',
  { is: (v) => is<readonly string[]>(v), validate: (v) => validate<readonly string[]>(v) },
  [[], ['a'], Object.freeze(['a', 'b'])],
  [[['a', 1], '$input[1]']],
);

fixture(
  'Array<{ id: number }>',
  { is: (v) => is<Array<{ id: number }>>(v), validate: (v) => validate<Array<{ id: number }>>(v) },
  [[], [{ id: 1 }, { id: 2, extra: true }]],
  [
    [[{ id: 1 }, { id: '2' }], '$input[1].id'],
    [[{ id: 1 }, null], '$input[1]'],
    [[{}], '$input[0].id'],
  ],
);

fixture(
  'string[][]',
  { is: (v) => is<string[][]>(v), validate: (v) => validate<string[][]>(v) },
  [[], [[]], [['a'], ['b', 'c']]],
  [
    [[['a'], ['b', 2]], '$input[1][1]'],
    [['a'], '$input[0]'],
  ],
);

// ---- objects ------------------------------------------------------------------------------------

type AString = { a: number; b: string };
const nullProto = Object.assign(Object.create(null) as object, { a: 1, b: 'x' });
fixture(
  '{ a: number; b: string } (structural, excess properties allowed)',
  { is: (v) => is<AString>(v), validate: (v) => validate<AString>(v) },
  [{ a: 1, b: 'x' }, { a: 1, b: 'x', c: true, d: undefined }, nullProto, Object.freeze({ a: 0, b: '' }), Object.assign(() => 0, { a: 1, b: 'x' }), Object.assign(new Plain(), { a: 2, b: 'y' })],
  [
    [{ a: 1 }, '$input.b'],
    [{ b: 'x' }, '$input.a'],
    [{ a: '1', b: 'x' }, '$input.a'],
    [{ a: 1, b: undefined }, '$input.b'],
    [{}, '$input.a'],
    [null, '$input'],
    [undefined, '$input'],
    ['ab', '$input'],
    [[1, 'x'], '$input.a'],
  ],
);

fixture(
  '{ length: number } (primitives have properties too)',
  { is: (v) => is<{ length: number }>(v), validate: (v) => validate<{ length: number }>(v) },
  ['abc', [], fn, { length: 0 }],
  [
    [{ length: '0' }, '$input.length'],
    [5, '$input'],
    [null, '$input'],
  ],
);

type Quoted = { 'a-b': number; 'with space': string; 0: boolean };
fixture(
  'keys that need quoting',
  { is: (v) => is<Quoted>(v), validate: (v) => validate<Quoted>(v) },
  [{ 'a-b': 1, 'with space': '', 0: true }, { 'a-b': 1, 'with space': '', '0': false }],
  [
    [{ 'a-b': 'x', 'with space': '', 0: true }, '$input["a-b"]'],
    [{ 'a-b': 1, 'with space': 1, 0: true }, '$input["with space"]'],
    [{ 'a-b': 1, 'with space': '' }, '$input["0"]'],
  ],
);

type Owner = { owner: { name: string; pet: { species: 'cat' | 'dog' } } };
fixture(
  'nested objects',
  { is: (v) => is<Owner>(v), validate: (v) => validate<Owner>(v) },
  [{ owner: { name: 'a', pet: { species: 'cat' } } }],
  [
    [{ owner: { name: 1, pet: { species: 'cat' } } }, '$input.owner.name'],
    [{ owner: { name: 'a', pet: { species: 'cow' } } }, '$input.owner.pet.species'],
    [{ owner: { name: 'a', pet: null } }, '$input.owner.pet'],
    [{ owner: null }, '$input.owner'],
    [{}, '$input.owner'],
  ],
);

interface ReadonlyUser {
  readonly id: number;
  readonly tags: readonly string[];
}
fixture(
  'interface with readonly properties',
  { is: (v) => is<ReadonlyUser>(v), validate: (v) => validate<ReadonlyUser>(v) },
  [{ id: 1, tags: [] }, Object.freeze({ id: 1, tags: Object.freeze(['a']) })],
  [
    [{ id: 1, tags: [1] }, '$input.tags[0]'],
    [{ id: '1', tags: [] }, '$input.id'],
  ],
);

// ---- optional properties and undefined ----------------------------------------------------------

type WithOptional = { id: number; a?: number; b?: string | null };
fixture(
  'optional properties',
  { is: (v) => is<WithOptional>(v), validate: (v) => validate<WithOptional>(v) },
  [{ id: 1 }, { id: 1, a: undefined }, { id: 1, a: 2 }, { id: 1, b: null }, { id: 1, a: 1, b: 's' }],
  [
    [{ id: 1, a: 'x' }, '$input.a'],
    [{ id: 1, a: null }, '$input.a'],
    [{ id: 1, b: 1 }, '$input.b'],
    [{ a: 1 }, '$input.id'],
  ],
);

type MaybeA = { a: number | undefined };
fixture(
  'a required property whose type includes undefined (missing is not present-undefined)',
  { is: (v) => is<MaybeA>(v), validate: (v) => validate<MaybeA>(v) },
  [{ a: undefined }, { a: 1 }, Object.create({ a: undefined }) as object],
  [
    [{}, '$input.a'],
    [{ b: undefined }, '$input.a'],
    [{ a: null }, '$input.a'],
  ],
);

fixture(
  '{ a: unknown } (present, any value)',
  { is: (v) => is<{ a: unknown }>(v), validate: (v) => validate<{ a: unknown }>(v) },
  [{ a: undefined }, { a: null }, { a: {} }],
  [
    [{}, '$input.a'],
    [null, '$input'],
  ],
);

fixture(
  '{ a: any }',
  { is: (v) => is<{ a: any }>(v), validate: (v) => validate<{ a: any }>(v) },
  [{ a: undefined }, { a: 1 }],
  [[{}, '$input.a']],
);

fixture(
  '{ a?: number } (a weak type: a value with properties must share one)',
  { is: (v) => is<{ a?: number }>(v), validate: (v) => validate<{ a?: number }>(v) },
  [{}, { a: 1 }, { a: undefined }, { a: 1, b: 2 }, Object.create(null), new Empty()],
  [
    [{ a: 'x' }, '$input.a'],
    [{ b: 1 }, '$input'],
    [5, '$input'],
    ['str', '$input'],
    [true, '$input'],
    [[], '$input'],
    [fn, '$input'],
    [new Plain(), '$input'],
    [new Date(), '$input'],
    [null, '$input'],
    [undefined, '$input'],
  ],
);

fixture(
  '{ length?: number } (a weak type a string shares a property with)',
  { is: (v) => is<{ length?: number }>(v), validate: (v) => validate<{ length?: number }>(v) },
  ['abc', [], {}],
  [[5, '$input']],
);

type WeakBoth = { a?: number } & { b?: string };
fixture(
  'an intersection of weak types is one weak type',
  { is: (v) => is<WeakBoth>(v), validate: (v) => validate<WeakBoth>(v) },
  [{ b: 'x' }, { a: 1 }, {}, { a: 1, c: 2 }],
  [
    [{ c: 1 }, '$input'],
    [5, '$input'],
    [{ b: 1 }, '$input.b'],
    [{ a: 'x', b: 'y' }, '$input.a'],
  ],
);

type WeakAndRequired = { a?: number } & { b: string };
fixture(
  'a weak member of an intersection is not checked on its own',
  { is: (v) => is<WeakAndRequired>(v), validate: (v) => validate<WeakAndRequired>(v) },
  [{ b: 'x' }, { a: 1, b: 'x' }],
  [
    [{ a: 1 }, '$input.b'],
    [{ a: 'x', b: 'x' }, '$input.a'],
  ],
);

// ---- index signatures ---------------------------------------------------------------------------

class Instance {
  a = 1;
}
fixture(
  'Record<string, number> (plain objects only, every value checked)',
  { is: (v) => is<Record<string, number>>(v), validate: (v) => validate<Record<string, number>>(v) },
  [{}, { a: 1, b: 2 }, Object.create(null), Object.assign(Object.create(null) as object, { x: 1 }), { [Symbol('k')]: 'symbol keys are not string keys' }],
  [
    [{ a: 'x' }, '$input.a'],
    [{ a: 1, b: undefined }, '$input.b'],
    [{ a: 1, 'b c': null }, '$input["b c"]'],
    [new Date(), '$input'],
    [new Map(), '$input'],
    [new Map([['a', 1]]), '$input'],
    [[1, 2], '$input'],
    [[], '$input'],
    [fn, '$input'],
    [new Instance(), '$input'],
    [new Empty(), '$input'],
    [null, '$input'],
    ['abc', '$input'],
    [1, '$input'],
  ],
);

fixture(
  '{ [k: string]: number | undefined }',
  { is: (v) => is<{ [k: string]: number | undefined }>(v), validate: (v) => validate<{ [k: string]: number | undefined }>(v) },
  [{ a: undefined }, { a: 1 }],
  [[{ a: null }, '$input.a']],
);

type Dict = { id: string; [k: string]: string };
fixture(
  'an index signature with a property',
  { is: (v) => is<Dict>(v), validate: (v) => validate<Dict>(v) },
  [{ id: 'a' }, { id: 'a', other: 'b' }],
  [
    [{}, '$input.id'],
    [{ id: 'a', other: 1 }, '$input.other'],
    [{ id: 1 }, '$input.id'],
  ],
);

fixture(
  '{ [k: number]: string } (numeric keys only; arrays, typed arrays and strings have one too)',
  { is: (v) => is<{ [k: number]: string }>(v), validate: (v) => validate<{ [k: number]: string }>(v) },
  [{}, { 0: 'a', 1: 'b' }, { x: 1 }, { '01': 1 }, ['a', 'b'], [], 'abc'],
  [
    [{ 0: 1 }, '$input["0"]'],
    [{ '1.5': 1 }, '$input["1.5"]'],
    [{ '-1': 1 }, '$input["-1"]'],
    [{ NaN: 1 }, '$input.NaN'],
    [['a', 1], '$input["1"]'],
    [new Date(), '$input'],
    [fn, '$input'],
    [new Instance(), '$input'],
    [1, '$input'],
    [null, '$input'],
  ],
);

fixture(
  '{ [k: number]: number } accepts a typed array',
  { is: (v) => is<{ [k: number]: number }>(v), validate: (v) => validate<{ [k: number]: number }>(v) },
  [new Uint8Array(2), new Float64Array([1.5]), [1, 2]],
  [
    ['abc', '$input'],
    [new DataView(new ArrayBuffer(1)), '$input'],
  ],
);

fixture(
  "Record<'x' | 'y', number> (a mapped type: plain properties)",
  { is: (v) => is<Record<'x' | 'y', number>>(v), validate: (v) => validate<Record<'x' | 'y', number>>(v) },
  [{ x: 1, y: 2 }, Object.assign(new Instance(), { x: 1, y: 2 })],
  [
    [{ x: 1 }, '$input.y'],
    [{ x: '1', y: 2 }, '$input.x'],
  ],
);

// ---- enums --------------------------------------------------------------------------------------

enum Color {
  Red,
  Green = 5,
  Blue,
}
fixture('numeric enum', { is: (v) => is<Color>(v), validate: (v) => validate<Color>(v) }, [0, 5, 6, Color.Red, Color.Blue], [
  [1, '$input'],
  [7, '$input'],
  [-1, '$input'],
  ['0', '$input'],
  ['Red', '$input'],
  [undefined, '$input'],
]);

fixture('one numeric enum member', { is: (v) => is<Color.Green>(v), validate: (v) => validate<Color.Green>(v) }, [5], [
  [0, '$input'],
  [6, '$input'],
]);

enum Direction {
  Up = 'UP',
  Down = 'DOWN',
}
// TypeScript rejects the literal 'UP' for Direction (string enums are nominal), but at run time
// Direction.Up *is* 'UP', so the member values are what a guard can and must accept.
fixture('string enum', { is: (v) => is<Direction>(v), validate: (v) => validate<Direction>(v) }, [Direction.Up, Direction.Down, 'UP'], [
  ['up', '$input'],
  ['Up', '$input'],
  [0, '$input'],
]);

enum Mixed {
  No = 0,
  Yes = 'yes',
}
fixture('mixed enum', { is: (v) => is<Mixed>(v), validate: (v) => validate<Mixed>(v) }, [0, 'yes'], [
  [1, '$input'],
  ['no', '$input'],
  ['0', '$input'],
]);

enum Computed {
  A = 'abc'.length,
  B = 10,
}
// A computed member's value is unknown to the checker, so TypeScript lets any number through.
fixture('enum with a computed member', { is: (v) => is<Computed>(v), validate: (v) => validate<Computed>(v) }, [3, 10, 999, -1.5], [
  ['3', '$input'],
  [null, '$input'],
]);

fixture('a literal enum member of a computed enum', { is: (v) => is<Computed.B>(v), validate: (v) => validate<Computed.B>(v) }, [10], [[3, '$input']]);

// ---- template literal types ---------------------------------------------------------------------

type Px = `${number}px`;
fixture(
  '`${number}px` (whatever Number() reads as finite)',
  { is: (v) => is<Px>(v), validate: (v) => validate<Px>(v) },
  ['1px', '0px', '-1px', '1.5px', ' 1px', '0x1Fpx', '.5px', '1.px', '1e3px', '0b11px', '+1px', '  px'],
  [
    ['px', '$input'],
    ['apx', '$input'],
    ['1', '$input'],
    ['1pxx', '$input'],
    ['Infinitypx', '$input'],
    ['NaNpx', '$input'],
    ['1_000px', '$input'],
    ['-0x1Fpx', '$input'],
    [1, '$input'],
    [null, '$input'],
  ],
);

type Prefixed = `prefix-${string}`;
fixture('`prefix-${string}`', { is: (v) => is<Prefixed>(v), validate: (v) => validate<Prefixed>(v) }, ['prefix-', 'prefix-abc', 'prefix--'], [
  ['prefix', '$input'],
  ['pre-x', '$input'],
  [' prefix-a', '$input'],
  [['prefix-a'], '$input'],
]);

type Tagged = `${'a' | 'b'}-${number}`;
fixture('`${"a" | "b"}-${number}`', { is: (v) => is<Tagged>(v), validate: (v) => validate<Tagged>(v) }, ['a-1', 'b-2.5', 'a--1', 'b-0x10'], [
  ['c-1', '$input'],
  ['a-', '$input'],
  ['a-x', '$input'],
  ['a1', '$input'],
  ['ab-1', '$input'],
]);

type BigText = `${bigint}`;
fixture(
  '`${bigint}` (what the scanner reads as one bigint literal)',
  { is: (v) => is<BigText>(v), validate: (v) => validate<BigText>(v) },
  ['0', '-0', '123', '-5', '0x1F', '0X1f', '-0x1F', '0b101', '-0b1', '0o17', '0O7', '90071992547409930000'],
  [
    ['', '$input'],
    ['01', '$input'],
    ['00', '$input'],
    ['-01', '$input'],
    ['1.5', '$input'],
    [' 1', '$input'],
    ['- 1', '$input'],
    ['1_000', '$input'],
    ['1e3', '$input'],
    ['1n', '$input'],
    ['0x', '$input'],
    ['0b2', '$input'],
    [1n, '$input'],
  ],
);

type BoolText = `${boolean}`;
fixture('`${boolean}`', { is: (v) => is<BoolText>(v), validate: (v) => validate<BoolText>(v) }, ['true', 'false'], [
  ['True', '$input'],
  ['1', '$input'],
  [true, '$input'],
]);

type NumText = `${number}`;
fixture('`${number}`', { is: (v) => is<NumText>(v), validate: (v) => validate<NumText>(v) }, ['0', '-1.5', ' 7 ', '1e-7', '0o7'], [
  ['', '$input'],
  ['abc', '$input'],
  ['1,5', '$input'],
]);

// TypeScript does not search for a split: each placeholder but the last ends at the first
// occurrence of the text after it (one character when none), the last takes the rest.
type Dash = `${string}-${number}`;
fixture('`${string}-${number}` (leftmost split, as the checker does)', { is: (v) => is<Dash>(v), validate: (v) => validate<Dash>(v) }, ['a-1', '-1', 'abc-1.5', 'a--1'], [
  ['a-b-1', '$input'],
  ['a-', '$input'],
  ['a1', '$input'],
]);

type Adjacent = `${number}${string}`;
fixture('`${number}${string}` (adjacent placeholders: the first takes one character)', { is: (v) => is<Adjacent>(v), validate: (v) => validate<Adjacent>(v) }, ['1', '12ab', '1x'], [
  ['', '$input'],
  ['-1x', '$input'],
  ['x1', '$input'],
]);

type Middle = `${string}a${number}`;
fixture('`${string}a${number}`', { is: (v) => is<Middle>(v), validate: (v) => validate<Middle>(v) }, ['xa1', 'a1', 'bba-2'], [
  ['xa1a2', '$input'],
  ['x1', '$input'],
]);

type Dotted = `${string}.${number}`;
fixture('`${string}.${number}`', { is: (v) => is<Dotted>(v), validate: (v) => validate<Dotted>(v) }, ['v.1', '1.2.3', '.5'], [
  ['v.x', '$input'],
  ['v', '$input'],
]);

type TemplateInObject = { size: Px; id: `user-${number}` };
fixture(
  'template literal types as properties',
  { is: (v) => is<TemplateInObject>(v), validate: (v) => validate<TemplateInObject>(v) },
  [{ size: '1px', id: 'user-1' }],
  [
    [{ size: '1em', id: 'user-1' }, '$input.size'],
    [{ size: '1px', id: 'user-x' }, '$input.id'],
  ],
);

// ---- built-in classes ---------------------------------------------------------------------------

class MyDate extends Date {}
fixture('Date', { is: (v) => is<Date>(v), validate: (v) => validate<Date>(v) }, [new Date(), new Date(NaN), new MyDate()], [
  ['2020-01-01', '$input'],
  [Date.now(), '$input'],
  [{ getTime: () => 0 }, '$input'],
  [null, '$input'],
]);

fixture('RegExp', { is: (v) => is<RegExp>(v), validate: (v) => validate<RegExp>(v) }, [/x/, new RegExp('a', 'g')], [
  ['/x/', '$input'],
  [{ source: 'x', flags: '' }, '$input'],
]);

fixture('Error', { is: (v) => is<Error>(v), validate: (v) => validate<Error>(v) }, [new Error('x'), new TypeError('y')], []);

fixture(
  'Map<string, number> (entries checked)',
  { is: (v) => is<Map<string, number>>(v), validate: (v) => validate<Map<string, number>>(v) },
  [new Map(), new Map([['a', 1], ['b', 2]])],
  [
    [new Map([['a', 'x']]), '$input[0][1]'],
    [new Map<unknown, unknown>([[1, 1]]), '$input[0][0]'],
    [new Map<unknown, unknown>([['a', 1], ['b', undefined]]), '$input[1][1]'],
    [{}, '$input'],
    [[['a', 1]], '$input'],
    [new WeakMap(), '$input'],
  ],
);

fixture(
  'Set<number> (elements checked)',
  { is: (v) => is<Set<number>>(v), validate: (v) => validate<Set<number>>(v) },
  [new Set(), new Set([1, 2])],
  [
    [new Set(['a']), '$input[0]'],
    [new Set([1, 'a']), '$input[1]'],
    [[1, 2], '$input'],
    [new WeakSet(), '$input'],
  ],
);

fixture(
  'Map<string, Set<number>> (nested element checks)',
  { is: (v) => is<Map<string, Set<number>>>(v), validate: (v) => validate<Map<string, Set<number>>>(v) },
  [new Map([['a', new Set([1])]])],
  [
    [new Map([['a', new Set(['x'])]]), '$input[0][1][0]'],
    [new Map([['a', [1]]]), '$input[0][1]'],
  ],
);

fixture('Uint8Array', { is: (v) => is<Uint8Array>(v), validate: (v) => validate<Uint8Array>(v) }, [new Uint8Array(2), Buffer.from('x')], [
  [[1, 2], '$input'],
  [new Int8Array(2), '$input'],
  [new Uint16Array(1), '$input'],
  [new Uint8ClampedArray(1), '$input'],
  [new ArrayBuffer(2), '$input'],
]);

fixture('Float64Array', { is: (v) => is<Float64Array>(v), validate: (v) => validate<Float64Array>(v) }, [new Float64Array(1)], [
  [new Float32Array(1), '$input'],
  [[1.5], '$input'],
]);

fixture('BigInt64Array', { is: (v) => is<BigInt64Array>(v), validate: (v) => validate<BigInt64Array>(v) }, [new BigInt64Array(1)], [
  [new BigUint64Array(1), '$input'],
]);

fixture('ArrayBuffer', { is: (v) => is<ArrayBuffer>(v), validate: (v) => validate<ArrayBuffer>(v) }, [new ArrayBuffer(1)], [
  [new Uint8Array(1), '$input'],
]);

fixture('Promise<number>', { is: (v) => is<Promise<number>>(v), validate: (v) => validate<Promise<number>>(v) }, [Promise.resolve(1)], [
  [{ then: () => undefined }, '$input'],
  [1, '$input'],
]);

type Dated = { when: Date; tags: Set<string>; bytes?: Uint8Array };
fixture(
  'built-in classes as properties',
  { is: (v) => is<Dated>(v), validate: (v) => validate<Dated>(v) },
  [{ when: new Date(), tags: new Set(['a']) }, { when: new Date(), tags: new Set(), bytes: new Uint8Array() }],
  [
    [{ when: '2020', tags: new Set() }, '$input.when'],
    [{ when: new Date(), tags: new Set([1]) }, '$input.tags[0]'],
    [{ when: new Date(), tags: new Set(), bytes: [1] }, '$input.bytes'],
  ],
);

// ---- symbols inside structures ------------------------------------------------------------------

type Keyed = { key: symbol; maybe?: symbol | null };
fixture(
  'symbol properties',
  { is: (v) => is<Keyed>(v), validate: (v) => validate<Keyed>(v) },
  [{ key: Symbol() }, { key: Symbol.iterator, maybe: null }, { key: aSymbol, maybe: Symbol() }],
  [
    [{ key: 'k' }, '$input.key'],
    [{}, '$input.key'],
    [{ key: Symbol(), maybe: 'x' }, '$input.maybe'],
  ],
);

fixture(
  'symbol[]',
  { is: (v) => is<symbol[]>(v), validate: (v) => validate<symbol[]>(v) },
  [[Symbol(), Symbol.for('a')]],
  [[[Symbol(), 'a'], '$input[1]']],
);

// ---- recursive types ----------------------------------------------------------------------------

interface Tree {
  value: number;
  children: Tree[];
}
const leaf = (value: number): Tree => ({ value, children: [] });
fixture(
  'a recursive tree',
  { is: (v) => is<Tree>(v), validate: (v) => validate<Tree>(v) },
  [leaf(1), { value: 1, children: [leaf(2), { value: 3, children: [leaf(4)] }] }],
  [
    [{ value: 1, children: [leaf(2), { value: 3, children: [leaf(4), { value: 'x', children: [] }] }] }, '$input.children[1].children[1].value'],
    [{ value: 1, children: [{ value: 2 }] }, '$input.children[0].children'],
    [{ value: 1, children: [null] }, '$input.children[0]'],
    [{ value: 1 }, '$input.children'],
  ],
);

interface List {
  value: number;
  next: List | null;
}
function list(length: number, bad?: number): List {
  let head: List | null = null;
  for (let i = length - 1; i >= 0; i--) head = { value: i === bad ? (NaN as number) : i, next: head };
  return head!;
}
fixture(
  'a linked list',
  { is: (v) => is<List>(v), validate: (v) => validate<List>(v) },
  [list(1), list(10)],
  [
    [{ value: 0, next: { value: 1, next: { value: 2, next: { value: '3', next: null } } } }, '$input.next.next.next.value'],
    [{ value: 0, next: { value: 1 } }, '$input.next.next'],
    [{ value: 0, next: undefined }, '$input.next'],
  ],
);

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
fixture(
  'Json (recursive through an array and an index signature)',
  { is: (v) => is<Json>(v), validate: (v) => validate<Json>(v) },
  ['x', 1, null, [], {}, [1, 'a', [true, null]], { a: [1, { b: { c: [] } }] }],
  [
    [undefined, '$input'],
    [{ a: [1, undefined] }, '$input.a[1]'],
    [{ a: { b: 1n } }, '$input.a.b'],
    [[1, [2, [Symbol()]]], '$input[1][1][0]'],
    [new Date(), '$input'],
    [{ a: new Map() }, '$input.a'],
    [fn, '$input'],
  ],
);

type Nested = number | Nested[];
fixture(
  'number | Nested[] (recursive through an array only)',
  { is: (v) => is<Nested>(v), validate: (v) => validate<Nested>(v) },
  [1, [], [1, [2, [3, []]]]],
  [
    ['1', '$input'],
    [[1, [2, ['3']]], '$input[1][1][0]'],
  ],
);

type Cons = [number, Cons] | null;
fixture(
  '[number, Cons] | null (recursive through a tuple)',
  { is: (v) => is<Cons>(v), validate: (v) => validate<Cons>(v) },
  [null, [1, null], [1, [2, [3, null]]]],
  [
    [[1, [2, ['3', null]]], '$input[1][1][0]'],
    [[1], '$input'],
  ],
);

type Chain = { next?: Chain } & { id: number };
fixture(
  '{ next?: Chain } & { id: number } (recursive through an intersection)',
  { is: (v) => is<Chain>(v), validate: (v) => validate<Chain>(v) },
  [{ id: 1 }, { id: 1, next: { id: 2, next: { id: 3 } } }],
  [
    [{ id: 1, next: { id: 2, next: { id: '3' } } }, '$input.next.next.id'],
    [{ id: 1, next: {} }, '$input.next.id'],
  ],
);

type Pairs = [number, Pairs?];
fixture(
  '[number, Pairs?] (recursive through an optional tuple element)',
  { is: (v) => is<Pairs>(v), validate: (v) => validate<Pairs>(v) },
  [[1], [1, [2]], [1, [2, [3, undefined]]]],
  [[[1, [2, ['3']]], '$input[1][1][0]']],
);

interface Parent {
  name: string;
  kids: Kid[];
}
interface Kid {
  name: string;
  parent: Parent | null;
}
fixture(
  'mutually recursive interfaces',
  { is: (v) => is<Parent>(v), validate: (v) => validate<Parent>(v) },
  [{ name: 'p', kids: [{ name: 'k', parent: null }] }],
  [[{ name: 'p', kids: [{ name: 'k', parent: { name: 'q', kids: [{ name: 1, parent: null }] } }] }, '$input.kids[0].parent.kids[0].name']],
);

describe('cyclic values get a verdict without overflowing the stack', () => {
  it('a list whose node points at itself', () => {
    const a: { value: number; next: unknown } = { value: 1, next: null };
    a.next = a;
    expect(is<List>(a)).toBe(true);
    expect(validate<List>(a)).toEqual({ success: true, data: a });
    a.value = 'x' as unknown as number;
    expect(is<List>(a)).toBe(false);
    expect(paths(validate<List>(a))).toEqual(['$input.value']);
  });

  it('two nodes pointing at each other', () => {
    const a: { value: number; next: unknown } = { value: 1, next: null };
    const b = { value: 2, next: a };
    a.next = b;
    expect(is<List>(a)).toBe(true);
    expect(is<List>(b)).toBe(true);
    b.value = null as unknown as number;
    expect(is<List>(a)).toBe(false);
    expect(paths(validate<List>(a))).toEqual(['$input.next.value']);
    expect(paths(validate<List>(b))[0]).toBe('$input.value');
  });

  it('a tree that contains itself', () => {
    const t: Tree = { value: 1, children: [] };
    t.children.push(t, leaf(2), t);
    expect(is<Tree>(t)).toBe(true);
    expect(validate<Tree>(t).success).toBe(true);
    t.children.push({ value: 'bad' } as unknown as Tree);
    expect(is<Tree>(t)).toBe(false);
    expect(paths(validate<Tree>(t))).toEqual(['$input.children[3].value', '$input.children[3].children']);
  });

  it('mutually recursive types over a cyclic value', () => {
    const parent: Parent = { name: 'p', kids: [] };
    parent.kids.push({ name: 'k', parent });
    expect(is<Parent>(parent)).toBe(true);
    expect(is<Kid>(parent.kids[0])).toBe(true);
  });

  it('arrays that contain themselves, for a type recursive through arrays', () => {
    const a: unknown[] = [1];
    a.push(a);
    expect(is<Nested>(a)).toBe(true);
    expect(is<Json>(a)).toBe(true);
    const o: Record<string, unknown> = { x: 1 };
    o.self = o;
    o.list = [o, [o]];
    expect(is<Json>(o)).toBe(true);
    o.bad = undefined;
    expect(is<Json>(o)).toBe(false);
    expect(paths(validate<Json>(o))).toEqual(['$input.bad']);
  });

  it('a cyclic value against a type that is not recursive', () => {
    const a: Record<string, unknown> = { x: 1 };
    a.self = a;
    expect(is<{ x: number; self: { x: number; self: { x: number } } }>(a)).toBe(true);
    expect(is<{ x: number; self: { x: string } }>(a)).toBe(false);
    expect(is<Record<string, unknown>>(a)).toBe(true);
  });

  /** A list of `length` nodes whose node at `bad` holds a string. */
  function broken(length: number, bad: number): List {
    const head = list(length);
    let node: List = head;
    for (let i = 0; i < bad; i++) node = node.next!;
    node.value = 'x' as unknown as number;
    return head;
  }

  it('a 5,000-long linked list, valid and with one bad node', () => {
    const long = list(5000);
    expect(is<List>(long)).toBe(true);
    expect(validate<List>(long)).toEqual({ success: true, data: long });
    expect(is<List>(broken(5000, 4990))).toBe(false);
    expect(is<List>(broken(5000, 3))).toBe(false);
    expect(paths(validate<List>(broken(5000, 3)))).toEqual(['$input.next.next.next.value']);
    expect(paths(validate<List>(broken(1000, 990)))).toEqual([`$input${'.next'.repeat(990)}.value`]);
  });

  it('validate on a 5,000-long linked list failing near its end reports the node, without overflowing', () => {
    expect(paths(validate<List>(broken(5000, 4990)))).toEqual([`$input${'.next'.repeat(4990)}.value`]);
  });

  it('a 1,000-deep nested array', () => {
    let deep: Nested = 1;
    for (let i = 0; i < 1000; i++) deep = [deep];
    expect(is<Nested>(deep)).toBe(true);
  });
});

// ---- methods and callables ----------------------------------------------------------------------

type HasOwner = { owner: { greet(): string } };
fixture(
  'methods must be functions at every depth',
  { is: (v) => is<HasOwner>(v), validate: (v) => validate<HasOwner>(v) },
  [{ owner: { greet: () => 'hi' } }, { owner: { greet() { return 'hi'; } } }, { owner: { greet: String } }],
  [
    [{ owner: { greet: 'hi' } }, '$input.owner.greet'],
    [{ owner: {} }, '$input.owner.greet'],
    [{ owner: { greet: undefined } }, '$input.owner.greet'],
    [{ owner: { greet: { call() {} } } }, '$input.owner.greet'],
  ],
);

interface Duck {
  name: string;
  quack(): string;
}
class Mallard {
  name = 'mallard';
  quack(): string {
    return 'quack';
  }
}
fixture(
  'an interface with a method (prototype methods count)',
  { is: (v) => is<Duck>(v), validate: (v) => validate<Duck>(v) },
  [new Mallard(), { name: 'd', quack: () => '' }],
  [
    [{ name: 'd' }, '$input.quack'],
    [{ name: 'd', quack: 'quack' }, '$input.quack'],
    [{ quack: () => '' }, '$input.name'],
  ],
);

fixture(
  '{ toFixed(): string } (a number has that method)',
  { is: (v) => is<{ toFixed(): string }>(v), validate: (v) => validate<{ toFixed(): string }>(v) },
  [5, { toFixed: () => '' }],
  [
    ['5', '$input'],
    [{ toFixed: '5' }, '$input.toFixed'],
  ],
);

type OptionalMethod = { id: number; m?(): void; f?: (x: number) => void };
fixture(
  'optional methods',
  { is: (v) => is<OptionalMethod>(v), validate: (v) => validate<OptionalMethod>(v) },
  [{ id: 1 }, { id: 1, m: undefined }, { id: 1, m() {} }, { id: 1, f: () => undefined }],
  [
    [{ id: 1, m: 1 }, '$input.m'],
    [{ id: 1, m: null }, '$input.m'],
    [{ id: 1, f: {} }, '$input.f'],
  ],
);

type Callback = { cb: (x: number) => void; ctor: new () => object };
fixture(
  'function-typed properties',
  { is: (v) => is<Callback>(v), validate: (v) => validate<Callback>(v) },
  [{ cb: () => undefined, ctor: class {} }, { cb: Math.max, ctor: Map }],
  [
    [{ cb: {}, ctor: Map }, '$input.cb'],
    [{ cb: fn }, '$input.ctor'],
  ],
);

interface Callable {
  (x: number): string;
  tag: string;
}
fixture(
  'a callable interface with a property',
  { is: (v) => is<Callable>(v), validate: (v) => validate<Callable>(v) },
  [Object.assign((x: number) => String(x), { tag: 't' })],
  [
    [{ tag: 't' }, '$input'],
    [(x: number) => String(x), '$input.tag'],
    [Object.assign(() => '', { tag: 1 }), '$input.tag'],
  ],
);

// Only `typeof` can be checked: parameters and return types are not visible at run time.
fixture(
  'a function type',
  { is: (v) => is<(x: number) => string>(v), validate: (v) => validate<(x: number) => string>(v) },
  [(x: number) => String(x), () => '', String],
  [
    [{}, '$input'],
    [{ call: () => '' }, '$input'],
  ],
);

// ---- {}, object, Object, Function ----------------------------------------------------------------

fixture('{}', { is: (v) => is<{}>(v), validate: (v) => validate<{}>(v) }, [0, '', false, 0n, Symbol(), {}, [], fn, new Date()], [
  [null, '$input'],
  [undefined, '$input'],
]);

interface EmptyInterface {}
fixture('an empty interface', { is: (v) => is<EmptyInterface>(v), validate: (v) => validate<EmptyInterface>(v) }, [0, 'x', {}, []], [
  [null, '$input'],
  [undefined, '$input'],
]);

fixture('object', { is: (v) => is<object>(v), validate: (v) => validate<object>(v) }, [{}, [], fn, new Date(), Object.create(null), new Map()], [
  [0, '$input'],
  ['x', '$input'],
  [true, '$input'],
  [0n, '$input'],
  [Symbol(), '$input'],
  [null, '$input'],
  [undefined, '$input'],
]);

fixture('Object', { is: (v) => is<Object>(v), validate: (v) => validate<Object>(v) }, [0, 'x', false, 1n, Symbol(), {}, [], fn], [
  [null, '$input'],
  [undefined, '$input'],
]);

fixture('Function', { is: (v) => is<Function>(v), validate: (v) => validate<Function>(v) }, [fn, () => 1, class {}, Math.max, Function.prototype], [
  [{}, '$input'],
  [{ call() {}, apply() {}, bind() {} }, '$input'],
  [null, '$input'],
]);

// ---- type parameters ----------------------------------------------------------------------------

function hasId<T extends { id: string }>(x: unknown): boolean {
  return is<T>(x);
}
function validateId<T extends { id: string }>(x: unknown): Validation<T> {
  return validate<T>(x);
}
function keyed<K extends 'a' | 'b'>(x: unknown): boolean {
  return is<K>(x);
}
fixture('a type parameter is checked as its constraint', { is: hasId, validate: validateId }, [{ id: 'a' }, { id: '', more: 1 }], [
  [{ id: 1 }, '$input.id'],
  [{}, '$input.id'],
  [null, '$input'],
]);

describe('type parameters', () => {
  it('constrained to a literal union', () => {
    expect(keyed('a')).toBe(true);
    expect(keyed('b')).toBe(true);
    expect(keyed('c')).toBe(false);
  });
});

interface Box<T> {
  value: T;
}
fixture('an instantiated generic interface Box<number[]>', { is: (v) => is<Box<number[]>>(v), validate: (v) => validate<Box<number[]>>(v) }, [{ value: [] }, { value: [1] }], [
  [{ value: ['1'] }, '$input.value[0]'],
  [{ value: 1 }, '$input.value'],
]);

// ---- classes ------------------------------------------------------------------------------------

class Point {
  x = 0;
  y = 0;
  norm(): number {
    return Math.hypot(this.x, this.y);
  }
}
fixture(
  'a plain class is structural',
  { is: (v) => is<Point>(v), validate: (v) => validate<Point>(v) },
  [new Point(), { x: 1, y: 2, norm: () => 0 }, Object.assign(Object.create(Point.prototype) as object, { x: 1, y: 1 })],
  [
    [{ x: 1, y: 2 }, '$input.norm'],
    [{ x: 1, y: '2', norm: () => 0 }, '$input.y'],
    [{ x: 1, y: 2, norm: 0 }, '$input.norm'],
  ],
);

class Secret {
  private key = 1;
  read(): number {
    return this.key;
  }
}
class SubSecret extends Secret {
  extra = 2;
}
fixture(
  'a class with a private member is nominal (instanceof)',
  { is: (v) => is<Secret>(v), validate: (v) => validate<Secret>(v) },
  [new Secret(), new SubSecret(), Object.create(Secret.prototype)],
  [
    [{ key: 1, read: () => 1 }, '$input'],
    [{}, '$input'],
    [null, '$input'],
  ],
);
fixture(
  'a subclass of a nominal class is nominal too',
  { is: (v) => is<SubSecret>(v), validate: (v) => validate<SubSecret>(v) },
  [new SubSecret()],
  [
    [new Secret(), '$input'],
    [{ key: 1, read: () => 1, extra: 2 }, '$input'],
  ],
);

class Guarded {
  protected level = 0;
}
class MoreGuarded extends Guarded {}
fixture(
  'a class with a protected member is nominal',
  { is: (v) => is<Guarded>(v), validate: (v) => validate<Guarded>(v) },
  [new Guarded(), new MoreGuarded()],
  [[{ level: 0 }, '$input']],
);

class Hashed {
  #hash = 'h';
  get hash(): string {
    return this.#hash;
  }
}
fixture(
  'a class with a #private member is nominal',
  { is: (v) => is<Hashed>(v), validate: (v) => validate<Hashed>(v) },
  [new Hashed()],
  [
    [{ hash: 'h' }, '$input'],
    [{ '#hash': 'h', hash: 'h' }, '$input'],
  ],
);

class PrivateMethod {
  private helper(): void {}
  n = 1;
}
fixture('a class with a private method is nominal', { is: (v) => is<PrivateMethod>(v), validate: (v) => validate<PrivateMethod>(v) }, [new PrivateMethod()], [
  [{ n: 1, helper() {} }, '$input'],
]);

class StaticPrivate {
  static #count = 0;
  static count(): number {
    return StaticPrivate.#count;
  }
  n = 1;
}
fixture(
  'static private members do not make instances nominal',
  { is: (v) => is<StaticPrivate>(v), validate: (v) => validate<StaticPrivate>(v) },
  [new StaticPrivate(), { n: 1 }],
  [[{ n: '1' }, '$input.n']],
);

type InClass = { secret: Secret; points: Point[] };
fixture(
  'nominal and structural classes inside an object',
  { is: (v) => is<InClass>(v), validate: (v) => validate<InClass>(v) },
  [{ secret: new SubSecret(), points: [new Point(), { x: 0, y: 0, norm: () => 0 }] }],
  [
    [{ secret: { key: 1, read: () => 1 }, points: [] }, '$input.secret'],
    [{ secret: new Secret(), points: [{ x: 0, y: 0 }] }, '$input.points[0].norm'],
  ],
);

// ---- utility, mapped, conditional and indexed types --------------------------------------------

interface User {
  id: number;
  name: string;
  email?: string;
  tags: string[];
}
fixture(
  'Partial<User>',
  { is: (v) => is<Partial<User>>(v), validate: (v) => validate<Partial<User>>(v) },
  [{}, { id: 1 }, { name: 'n', tags: [] }, { id: undefined }],
  [
    [{ id: '1' }, '$input.id'],
    [{ tags: [1] }, '$input.tags[0]'],
    [{ other: 1 }, '$input'],
    [1, '$input'],
    [[], '$input'],
    [null, '$input'],
  ],
);

fixture(
  "Pick<User, 'id' | 'name'>",
  { is: (v) => is<Pick<User, 'id' | 'name'>>(v), validate: (v) => validate<Pick<User, 'id' | 'name'>>(v) },
  [{ id: 1, name: 'n' }, { id: 1, name: 'n', tags: 'not checked' }],
  [
    [{ id: 1 }, '$input.name'],
    [{ id: 1, name: 2 }, '$input.name'],
  ],
);

fixture(
  "Omit<User, 'tags' | 'email'>",
  { is: (v) => is<Omit<User, 'tags' | 'email'>>(v), validate: (v) => validate<Omit<User, 'tags' | 'email'>>(v) },
  [{ id: 1, name: 'n' }],
  [[{ name: 'n' }, '$input.id']],
);

fixture(
  'Required<{ a?: number }> (no longer optional, undefined excluded)',
  { is: (v) => is<Required<{ a?: number }>>(v), validate: (v) => validate<Required<{ a?: number }>>(v) },
  [{ a: 1 }],
  [
    [{}, '$input.a'],
    [{ a: undefined }, '$input.a'],
  ],
);

fixture(
  'Readonly<{ a: number }>',
  { is: (v) => is<Readonly<{ a: number }>>(v), validate: (v) => validate<Readonly<{ a: number }>>(v) },
  [{ a: 1 }, Object.freeze({ a: 1 })],
  [[{ a: '1' }, '$input.a']],
);

type Flags<T> = { [K in keyof T]: boolean };
fixture(
  'a mapped type after instantiation',
  { is: (v) => is<Flags<{ x: string; y: number }>>(v), validate: (v) => validate<Flags<{ x: string; y: number }>>(v) },
  [{ x: true, y: false }],
  [
    [{ x: true, y: 1 }, '$input.y'],
    [{ x: true }, '$input.y'],
  ],
);

type Getters<T> = { [K in keyof T as `get${Capitalize<string & K>}`]: () => T[K] };
fixture(
  'a mapped type with key remapping',
  { is: (v) => is<Getters<{ name: string }>>(v), validate: (v) => validate<Getters<{ name: string }>>(v) },
  [{ getName: () => 'n' }],
  [
    [{ name: () => 'n' }, '$input.getName'],
    [{ getName: 'n' }, '$input.getName'],
  ],
);

type Wrap<T> = T extends string ? { s: T } : T extends number ? { n: T } : never;
fixture(
  'a conditional type after instantiation',
  { is: (v) => is<Wrap<'a'>>(v), validate: (v) => validate<Wrap<'a'>>(v) },
  [{ s: 'a' }],
  [
    [{ s: 'b' }, '$input.s'],
    [{ n: 'a' }, '$input.s'],
  ],
);

fixture(
  'a distributive conditional type',
  { is: (v) => is<Wrap<'a' | 1>>(v), validate: (v) => validate<Wrap<'a' | 1>>(v) },
  [{ s: 'a' }, { n: 1 }],
  [
    [{ s: 1 }, '$input.s'],
    [{ n: 'a' }, '$input.n'],
  ],
);

fixture(
  "Exclude<'a' | 'b' | 1, string>",
  { is: (v) => is<Exclude<'a' | 'b' | 1, string>>(v), validate: (v) => validate<Exclude<'a' | 'b' | 1, string>>(v) },
  [1],
  [['a', '$input']],
);

fixture('NonNullable<string | null>', { is: (v) => is<NonNullable<string | null>>(v), validate: (v) => validate<NonNullable<string | null>>(v) }, ['x'], [
  [null, '$input'],
]);

fixture(
  'ReturnType<() => { ok: boolean }>',
  { is: (v) => is<ReturnType<() => { ok: boolean }>>(v), validate: (v) => validate<ReturnType<() => { ok: boolean }>>(v) },
  [{ ok: true }],
  [[{ ok: 1 }, '$input.ok']],
);

fixture('Awaited<Promise<number>>', { is: (v) => is<Awaited<Promise<number>>>(v), validate: (v) => validate<Awaited<Promise<number>>>(v) }, [1], [
  [Promise.resolve(1), '$input'],
]);

fixture("User['tags'] (indexed access)", { is: (v) => is<User['tags']>(v), validate: (v) => validate<User['tags']>(v) }, [[], ['a']], [
  [[1], '$input[0]'],
]);

fixture("Parameters<(a: string, b?: number) => void>", { is: (v) => is<Parameters<(a: string, b?: number) => void>>(v), validate: (v) => validate<Parameters<(a: string, b?: number) => void>>(v) }, [['a'], ['a', 1]], [
  [['a', 'b'], '$input[1]'],
  [[], '$input'],
]);

// ---- keyof --------------------------------------------------------------------------------------

fixture("keyof { a: 1; b: 2 }", { is: (v) => is<keyof { a: 1; b: 2 }>(v), validate: (v) => validate<keyof { a: 1; b: 2 }>(v) }, ['a', 'b'], [
  ['c', '$input'],
  [0, '$input'],
]);

fixture("keyof { 0: 'x'; a: 1 }", { is: (v) => is<keyof { 0: 'x'; a: 1 }>(v), validate: (v) => validate<keyof { 0: 'x'; a: 1 }>(v) }, [0, 'a'], [
  ['0', '$input'],
  [1, '$input'],
]);

fixture(
  'keyof { [k: string]: unknown } (string | number)',
  { is: (v) => is<keyof { [k: string]: unknown }>(v), validate: (v) => validate<keyof { [k: string]: unknown }>(v) },
  ['x', 1],
  [
    [Symbol(), '$input'],
    [true, '$input'],
  ],
);

const config = { host: 'h', port: 1 } as const;
fixture('keyof typeof a const object', { is: (v) => is<keyof typeof config>(v), validate: (v) => validate<keyof typeof config>(v) }, ['host', 'port'], [
  ['Host', '$input'],
]);

fixture(
  '(typeof config)[keyof typeof config]',
  { is: (v) => is<(typeof config)[keyof typeof config]>(v), validate: (v) => validate<(typeof config)[keyof typeof config]>(v) },
  ['h', 1],
  [
    ['host', '$input'],
    [2, '$input'],
  ],
);

// ---- every violation is reported ---------------------------------------------------------------

describe('validate reports every violation, in order', () => {
  it('in an object, nested objects included', () => {
    type T = { a: number; b: string; c: { d: boolean; e: null }; f?: number };
    const result = validate<T>({ a: 'x', b: 1, c: { d: 'no', e: 0 }, f: 'y' });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.errors).toEqual([
      { path: '$input.a', expected: 'number', value: 'x' },
      { path: '$input.b', expected: 'string', value: 1 },
      { path: '$input.c.d', expected: 'boolean', value: 'no' },
      { path: '$input.c.e', expected: 'null', value: 0 },
      { path: '$input.f', expected: expect.stringContaining('number') as unknown as string, value: 'y' },
    ]);
  });

  it('missing properties', () => {
    expect(paths(validate<{ a: number; b: string; c: number | undefined }>({}))).toEqual(['$input.a', '$input.b', '$input.c']);
  });

  it('in arrays and tuples', () => {
    expect(paths(validate<number[]>([1, 'a', 2, 'b', null]))).toEqual(['$input[1]', '$input[3]', '$input[4]']);
    expect(paths(validate<[string, number, boolean]>([1, 'a', true]))).toEqual(['$input[0]', '$input[1]']);
    expect(paths(validate<[string, ...number[]]>([1, 2, 'x', 3, 'y']))).toEqual(['$input[0]', '$input[2]', '$input[4]']);
  });

  it('in index signatures', () => {
    expect(paths(validate<Record<string, number>>({ a: 1, b: 'x', c: 2, d: null }))).toEqual(['$input.b', '$input.d']);
  });

  it('in intersections', () => {
    expect(paths(validate<{ a: number } & { b: string }>({ a: 'x', b: 1 }))).toEqual(['$input.a', '$input.b']);
    expect(paths(validate<{ a?: number } & { b?: string }>({ a: 'x', b: 1 }))).toEqual(['$input.a', '$input.b']);
    expect(paths(validate<{ x: { a: number } & { b: string } | null }>({ x: { a: 'x', b: 1 } }))).toEqual(['$input.x.a', '$input.x.b']);
  });

  it('deep in recursive types', () => {
    const tree = { value: 'root', children: [leaf(1), { value: 2, children: 'none' }, { value: null, children: [] }] };
    expect(paths(validate<Tree>(tree))).toEqual(['$input.value', '$input.children[1].children', '$input.children[2].value']);
  });

  it('assert throws a ProtocolError listing every violation', () => {
    const value: unknown = { id: 'x', name: 1, tags: ['a', 2] };
    let thrown: unknown;
    try {
      assert<User>(value);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ProtocolError);
    expect((thrown as ProtocolError).errors.map((issue) => issue.path)).toEqual(['$input.id', '$input.name', '$input.tags[1]']);
    expect(() => assert<User>({ id: 1, name: 'n', tags: [] })).not.toThrow();
  });
});

// ---- checks never mutate, and hostile values ----------------------------------------------------

type Traps = 'set' | 'defineProperty' | 'deleteProperty' | 'setPrototypeOf' | 'preventExtensions';
/** A deep Proxy over `target` that records every trap that could change it. */
function recording<T extends object>(target: T, log: Traps[], cache = new WeakMap<object, object>()): T {
  const known = cache.get(target);
  if (known) return known as T;
  const proxy = new Proxy(target, {
    get(t, key, receiver) {
      const value: unknown = Reflect.get(t, key, receiver);
      // Built-in objects with internal slots (Map, Date) cannot be proxied transparently; leave them.
      const wrap = typeof value === 'object' && value !== null && (Array.isArray(value) || Object.getPrototypeOf(value) === Object.prototype);
      return wrap ? recording(value, log, cache) : value;
    },
    set(t, key, value, receiver) {
      log.push('set');
      return Reflect.set(t, key, value, receiver);
    },
    defineProperty(t, key, descriptor) {
      log.push('defineProperty');
      return Reflect.defineProperty(t, key, descriptor);
    },
    deleteProperty(t, key) {
      log.push('deleteProperty');
      return Reflect.deleteProperty(t, key);
    },
    setPrototypeOf(t, proto) {
      log.push('setPrototypeOf');
      return Reflect.setPrototypeOf(t, proto);
    },
    preventExtensions(t) {
      log.push('preventExtensions');
      return Reflect.preventExtensions(t);
    },
  });
  cache.set(target, proxy);
  return proxy;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  }
  return value;
}

describe('a check never mutates the value', () => {
  const samples = (): Record<string, unknown> => {
    const cyclic: { value: number; next: unknown } = { value: 1, next: null };
    cyclic.next = cyclic;
    const badCycle: { value: unknown; next: unknown } = { value: 'x', next: null };
    badCycle.next = { value: 2, next: badCycle };
    return {
      user: { id: 1, name: 'n', tags: ['a'], email: undefined },
      badUser: { id: 'x', name: 2, tags: [1, 'a', null] },
      record: { a: 1, b: 'x' },
      tree: { value: 1, children: [leaf(2), { value: 'x', children: [] }] },
      json: { a: [1, { b: [null, undefined] }] },
      cyclic,
      badCycle,
      tuple: ['a', 1, 'x'],
      weak: { other: 1 },
    };
  };

  function runAll(values: Record<string, unknown>): void {
    for (const value of Object.values(values)) {
      is<User>(value);
      validate<User>(value);
      is<Record<string, number>>(value);
      validate<Record<string, number>>(value);
      is<Tree>(value);
      validate<Tree>(value);
      is<Json>(value);
      validate<Json>(value);
      is<List>(value);
      validate<List>(value);
      is<[string, ...number[]]>(value);
      validate<[string, ...number[]]>(value);
      is<Partial<User>>(value);
      validate<Partial<User>>(value);
      is<Shape>(value);
      validate<Shape>(value);
      is<Duck>(value);
      validate<Duck>(value);
      is<Secret>(value);
      validate<Secret>(value);
      is<{ [k: number]: string }>(value);
      validate<{ [k: number]: string }>(value);
      is<MaybeA>(value);
      validate<MaybeA>(value);
    }
  }

  it('no trap that changes a value fires while checking a Proxy', () => {
    const log: Traps[] = [];
    const proxied = Object.fromEntries(Object.entries(samples()).map(([k, v]) => [k, recording(v as object, log)]));
    runAll(proxied);
    expect(log).toEqual([]);
  });

  it('deeply frozen values are checked without errors, with the same verdicts', () => {
    const plain = samples();
    const frozen = deepFreeze(samples());
    expect(() => runAll(frozen)).not.toThrow();
    for (const key of Object.keys(plain)) {
      expect(is<User>(frozen[key])).toBe(is<User>(plain[key]));
      expect(is<Tree>(frozen[key])).toBe(is<Tree>(plain[key]));
      expect(is<Json>(frozen[key])).toBe(is<Json>(plain[key]));
      expect(is<List>(frozen[key])).toBe(is<List>(plain[key]));
      expect(paths(validate<Tree>(frozen[key]))).toEqual(paths(validate<Tree>(plain[key])));
    }
  });

  it('values are structurally unchanged after checking', () => {
    const values = samples();
    const before = JSON.stringify({ ...values, cyclic: undefined, badCycle: undefined });
    runAll(values);
    expect(JSON.stringify({ ...values, cyclic: undefined, badCycle: undefined })).toBe(before);
    expect(Object.keys(values.user as object)).toEqual(['id', 'name', 'tags', 'email']);
  });
});

describe('getters and hostile values', () => {
  it('is<T> reads each property once', () => {
    const reads: string[] = [];
    const value = {
      get id() {
        reads.push('id');
        return 1;
      },
      get name() {
        reads.push('name');
        return 'n';
      },
      get tags() {
        reads.push('tags');
        return [];
      },
    };
    expect(is<User>(value)).toBe(true);
    expect(reads).toEqual(['id', 'name', 'tags']);
  });

  it('a getter that throws: is<T> is false, validate<T> says where, assert<T> throws ProtocolError', () => {
    const boom = new Error('boom');
    const value = {
      id: 1,
      get name(): string {
        throw boom;
      },
      tags: [],
    };
    expect(is<User>(value)).toBe(false);
    expect(validate<User>(value)).toEqual({ success: false, errors: [{ path: '$input.name', expected: 'string (reading it threw)', value: boom }] });
    expect(() => assert<User>(value)).toThrow(ProtocolError);
  });

  it('a revoked Proxy: is<T> is false, never throws, overflows or hangs', () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(is<User>(proxy)).toBe(false);
    // A type that does not look inside the value gives a verdict.
    expect(is<object>(proxy)).toBe(true);
    expect(is<{}>(proxy)).toBe(true);
  });

  it('overload dispatch treats a guard that throws as "this case does not match"', () => {
    const describeIt = overload(
      (u: User) => `user ${u.id}`,
      (o: object) => `object ${Object.keys(o).length}`,
    );
    const hostile = {
      id: 1,
      get name(): string {
        throw new Error('boom');
      },
      tags: [],
    };
    expect(describeIt(hostile as unknown as object)).toBe('object 3');
  });
});
