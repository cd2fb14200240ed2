/**
 * The overload sets of dispatch-property.test.ts over objects with a discriminant (two sets: the
 * second mixes shared, missing, multiple and numeric discriminant values), nested objects,
 * arrays, tuples, classes and recursive types, written the three ways dispatch-sets.ts describes.
 * The `when` versions take `protocol<T>()` objects as matchers for the object, nested and tuple
 * sets, and the reference predicates (or built-in matchers) for the others.
 */
import fc from 'fast-check';
import { overload, protocol, when, type Overloaded } from '../../../src/index.js';
import {
  arrayOf,
  caseOf,
  either,
  isNumber,
  isString,
  objectWith,
  oneOf,
  param,
  recordOf,
  recursive,
  tupleOf,
  type SetModel,
} from './dispatch-model.js';
import { body, hit, num, str, type OverloadSet } from './dispatch-sets.js';

// ---- objects with a discriminant ----------------------------------------------------------------------

interface Circle { kind: 'circle'; r: number }
interface Rect { kind: 'rect'; w: number; h: number }
interface Triangle { kind: 'triangle'; b: number; h: number }
interface Labelled { kind: string; label?: string }

const circle = param('Circle', objectWith({ kind: oneOf('circle'), r: isNumber }), fc.record({ kind: fc.constant('circle'), r: num.valid }));
const rect = param(
  'Rect',
  objectWith({ kind: oneOf('rect'), w: isNumber, h: isNumber }),
  fc.record({ kind: fc.constant('rect'), w: num.valid, h: num.valid }),
);
const triangle = param(
  'Triangle',
  objectWith({ kind: oneOf('triangle'), b: isNumber, h: isNumber }),
  fc.record({ kind: fc.constant('triangle'), b: num.valid, h: num.valid }),
);
const labelled = param(
  'Labelled',
  objectWith({ kind: isString }, { label: isString }),
  fc.record({ kind: fc.constantFrom('circle', 'rect', 'square', ''), label: str.valid }, { requiredKeys: ['kind'] }),
);
const circleOrRect = param('Circle | Rect', either(circle.accepts, rect.accepts), fc.oneof(circle.valid, rect.valid));

const shapesModel: SetModel = [caseOf([circle]), caseOf([rect]), caseOf([triangle, num]), caseOf([labelled]), caseOf([circleOrRect, num])];

const shapesTyped = overload(
  (s: Circle) => hit(0),
  (s: Rect) => hit(1),
  (s: Triangle, scale: number) => hit(2),
  (s: Labelled) => hit(3),
  (s: Circle | Rect, scale: number) => hit(4),
);

class ShapeMethods {
  @overload('f') c0(s: Circle) { return hit(0, this); }
  @overload('f') c1(s: Rect) { return hit(1, this); }
  @overload('f') c2(s: Triangle, scale: number) { return hit(2, this); }
  @overload('f') c3(s: Labelled) { return hit(3, this); }
  @overload('f') c4(s: Circle | Rect, scale: number) { return hit(4, this); }
  declare f: Overloaded<[ShapeMethods['c0'], ShapeMethods['c1'], ShapeMethods['c2'], ShapeMethods['c3'], ShapeMethods['c4']]>;
}

const shapesWhen = overload(
  when([protocol<Circle>()], body(0)),
  when([protocol<Rect>()], body(1)),
  when([protocol<Triangle>(), Number], body(2)),
  when([protocol<Labelled>()], body(3)),
  when([protocol<Circle | Rect>(), Number], body(4)),
);

// ---- cases a compiled dispatcher may switch on: shared, missing, multiple and numeric discriminants ----

interface KindA { kind: 'a'; x: number }
interface KindB { kind: 'b'; y: string }
interface KindAText { kind: 'a'; x: string }
interface Tagged { tag: 1 }
type CorD = { kind: 'c' } | { kind: 'd'; z: boolean };
interface BOrC { kind: 'b' | 'c'; w: number }
interface KindOne { kind: 1 }
interface MaybeE { kind?: 'e'; id: number }

const kindA = param('KindA', objectWith({ kind: oneOf('a'), x: isNumber }), fc.record({ kind: fc.constant('a'), x: num.valid }));
const kindB = param('KindB', objectWith({ kind: oneOf('b'), y: isString }), fc.record({ kind: fc.constant('b'), y: str.valid }));
const kindAText = param('KindAText', objectWith({ kind: oneOf('a'), x: isString }), fc.record({ kind: fc.constant('a'), x: str.valid }));
const tagged = param('Tagged', objectWith({ tag: oneOf(1) }), fc.record({ tag: fc.constant(1), kind: fc.constantFrom('a', 'b', 1) }, { requiredKeys: ['tag'] }));
const cOrD = param(
  'CorD',
  either(objectWith({ kind: oneOf('c') }), objectWith({ kind: oneOf('d'), z: (v) => typeof v === 'boolean' })),
  fc.oneof(fc.record({ kind: fc.constant('c') }), fc.record({ kind: fc.constant('d'), z: fc.boolean() })),
);
const bOrC = param('BOrC', objectWith({ kind: oneOf('b', 'c'), w: isNumber }), fc.record({ kind: fc.constantFrom('b', 'c'), w: num.valid }));
const kindOne = param('KindOne', objectWith({ kind: oneOf(1) }), fc.record({ kind: fc.constant(1) }));
const maybeE = param('MaybeE', objectWith({ id: isNumber }, { kind: oneOf('e') }), fc.record({ kind: fc.constant('e'), id: num.valid }, { requiredKeys: ['id'] }));

const kindsModel: SetModel = [kindA, kindB, kindAText, tagged, cOrD, bOrC, kindOne, maybeE].map((p) => caseOf([p]));

const kindsTyped = overload(
  (s: KindA) => hit(0),
  (s: KindB) => hit(1),
  (s: KindAText) => hit(2),
  (s: Tagged) => hit(3),
  (s: CorD) => hit(4),
  (s: BOrC) => hit(5),
  (s: KindOne) => hit(6),
  (s: MaybeE) => hit(7),
);

class KindMethods {
  @overload('f') c0(s: KindA) { return hit(0, this); }
  @overload('f') c1(s: KindB) { return hit(1, this); }
  @overload('f') c2(s: KindAText) { return hit(2, this); }
  @overload('f') c3(s: Tagged) { return hit(3, this); }
  @overload('f') c4(s: CorD) { return hit(4, this); }
  @overload('f') c5(s: BOrC) { return hit(5, this); }
  @overload('f') c6(s: KindOne) { return hit(6, this); }
  @overload('f') c7(s: MaybeE) { return hit(7, this); }
  declare f: Overloaded<[
    KindMethods['c0'], KindMethods['c1'], KindMethods['c2'], KindMethods['c3'],
    KindMethods['c4'], KindMethods['c5'], KindMethods['c6'], KindMethods['c7'],
  ]>;
}

const kindsWhen = overload(
  when([kindA.accepts], body(0)),
  when([kindB.accepts], body(1)),
  when([kindAText.accepts], body(2)),
  when([protocol<Tagged>()], body(3)),
  when([protocol<CorD>()], body(4)),
  when([bOrC.accepts], body(5)),
  when([kindOne.accepts], body(6)),
  when([maybeE.accepts], body(7)),
);

// ---- nested objects and an index signature ------------------------------------------------------------

interface Address { city: string; zip: string | number }
interface Order { id: number; customer: { name: string; address?: Address }; lines: { sku: string; qty: number }[] }
interface LegacyOrder { id: string; customer: { name: string } }
interface Anonymous { customer: null }

const order = param(
  'Order',
  objectWith({
    id: isNumber,
    customer: objectWith({ name: isString }, { address: objectWith({ city: isString, zip: either(isString, isNumber) }) }),
    lines: arrayOf(objectWith({ sku: isString, qty: isNumber })),
  }),
  fc.record({
    id: fc.integer(),
    customer: fc.record(
      { name: str.valid, address: fc.record({ city: str.valid, zip: fc.oneof(str.valid, fc.integer()) }) },
      { requiredKeys: ['name'] },
    ),
    lines: fc.array(fc.record({ sku: str.valid, qty: fc.integer() }), { maxLength: 3 }),
  }),
);
const legacyOrder = param(
  'LegacyOrder',
  objectWith({ id: isString, customer: objectWith({ name: isString }) }),
  fc.record({ id: str.valid, customer: fc.record({ name: str.valid }) }),
);
const anonymous = param('Anonymous', objectWith({ customer: oneOf(null) }), fc.record({ customer: fc.constant(null) }));
const numberRecord = param('Record<string, number>', recordOf(isNumber), fc.dictionary(str.valid, num.valid, { maxKeys: 3 }));

const ordersModel: SetModel = [caseOf([order]), caseOf([legacyOrder]), caseOf([anonymous, str]), caseOf([numberRecord])];

const ordersTyped = overload(
  (o: Order) => hit(0),
  (o: LegacyOrder) => hit(1),
  (o: Anonymous, note: string) => hit(2),
  (totals: Record<string, number>) => hit(3),
);

class OrderMethods {
  @overload('f') c0(o: Order) { return hit(0, this); }
  @overload('f') c1(o: LegacyOrder) { return hit(1, this); }
  @overload('f') c2(o: Anonymous, note: string) { return hit(2, this); }
  @overload('f') c3(totals: Record<string, number>) { return hit(3, this); }
  declare f: Overloaded<[OrderMethods['c0'], OrderMethods['c1'], OrderMethods['c2'], OrderMethods['c3']]>;
}

const ordersWhen = overload(
  when([protocol<Order>()], body(0)),
  when([protocol<LegacyOrder>()], body(1)),
  when([protocol<Anonymous>(), String], body(2)),
  when([protocol<Record<string, number>>()], body(3)),
);

// ---- arrays -------------------------------------------------------------------------------------------

const numbers = param('number[]', arrayOf(isNumber), fc.array(num.valid, { maxLength: 4 }));
const stringGrid = param('string[][]', arrayOf(arrayOf(isString)), fc.array(fc.array(str.valid, { maxLength: 3 }), { maxLength: 3 }));
const circlesOrNulls = param(
  'readonly (Circle | null)[]',
  arrayOf(either(oneOf(null), circle.accepts)),
  fc.array(fc.oneof(fc.constant(null), circle.valid), { maxLength: 3 }),
);
const unknowns = param('unknown[]', (v) => Array.isArray(v), fc.array(fc.anything({ maxDepth: 1 }), { maxLength: 3 }));

const arraysModel: SetModel = [caseOf([numbers]), caseOf([stringGrid]), caseOf([circlesOrNulls, num]), caseOf([unknowns])];

const arraysTyped = overload(
  (xs: number[]) => hit(0),
  (xs: string[][]) => hit(1),
  (xs: readonly (Circle | null)[], n: number) => hit(2),
  (xs: unknown[]) => hit(3),
);

class ArrayMethods {
  @overload('f') c0(xs: number[]) { return hit(0, this); }
  @overload('f') c1(xs: string[][]) { return hit(1, this); }
  @overload('f') c2(xs: readonly (Circle | null)[], n: number) { return hit(2, this); }
  @overload('f') c3(xs: unknown[]) { return hit(3, this); }
  declare f: Overloaded<[ArrayMethods['c0'], ArrayMethods['c1'], ArrayMethods['c2'], ArrayMethods['c3']]>;
}

const arraysWhen = overload(
  when([numbers.accepts], body(0)),
  when([stringGrid.accepts], body(1)),
  when([circlesOrNulls.accepts, Number], body(2)),
  when([Array], body(3)),
);

// ---- tuples -------------------------------------------------------------------------------------------

const pair = param('[string, number]', tupleOf([isString, isNumber], 2), fc.tuple(str.valid, num.valid));
const headed = param(
  '[number, ...string[]]',
  tupleOf([isNumber], 1, isString),
  fc.tuple(num.valid, fc.array(str.valid, { maxLength: 3 })).map(([head, tail]) => [head, ...tail]),
);
const maybeFlag = param(
  '[flag?: boolean]',
  tupleOf([(v) => typeof v === 'boolean'], 0),
  fc.oneof(fc.constant([]), fc.tuple(fc.oneof(fc.boolean(), fc.constant(undefined)))),
);
const triple = param('readonly [string, string, string]', tupleOf([isString, isString, isString], 3), fc.tuple(str.valid, str.valid, str.valid));
const empty = param('[]', tupleOf([], 0), fc.constant([]));

const tuplesModel: SetModel = [caseOf([pair]), caseOf([headed]), caseOf([maybeFlag]), caseOf([triple]), caseOf([pair, empty])];

const tuplesTyped = overload(
  (t: [string, number]) => hit(0),
  (t: [number, ...string[]]) => hit(1),
  (t: [flag?: boolean]) => hit(2),
  (t: readonly [string, string, string]) => hit(3),
  (t: [string, number], u: []) => hit(4),
);

class TupleMethods {
  @overload('f') c0(t: [string, number]) { return hit(0, this); }
  @overload('f') c1(t: [number, ...string[]]) { return hit(1, this); }
  @overload('f') c2(t: [flag?: boolean]) { return hit(2, this); }
  @overload('f') c3(t: readonly [string, string, string]) { return hit(3, this); }
  @overload('f') c4(t: [string, number], u: []) { return hit(4, this); }
  declare f: Overloaded<[TupleMethods['c0'], TupleMethods['c1'], TupleMethods['c2'], TupleMethods['c3'], TupleMethods['c4']]>;
}

const tuplesWhen = overload(
  when([protocol<[string, number]>()], body(0)),
  when([protocol<[number, ...string[]]>()], body(1)),
  when([protocol<[flag?: boolean]>()], body(2)),
  when([protocol<readonly [string, string, string]>()], body(3)),
  when([protocol<[string, number]>(), protocol<[]>()], body(4)),
);

// ---- classes and built-ins ----------------------------------------------------------------------------

/** Nominal: its `#private` member makes TypeScript (and so duckcall) check it with `instanceof`. */
export class Token {
  readonly #secret = 1;
  constructor(readonly id: string) {}
  reveal(): number {
    return this.#secret;
  }
}
class SubToken extends Token {}

/** Structural: any `{ x: number, y: number, norm(): number }` is a Point to TypeScript. */
export class Point {
  constructor(
    public x: number,
    public y: number,
  ) {}
  norm(): number {
    return Math.hypot(this.x, this.y);
  }
}

class LaterDate extends Date {}

const everyEntry = (v: Map<unknown, unknown>, ok: (key: unknown, value: unknown) => boolean): boolean => {
  for (const [key, value] of Map.prototype.entries.call(v)) if (!ok(key, value)) return false;
  return true;
};

const token = param(
  'Token',
  (v) => v instanceof Token,
  fc.oneof(str.valid.map((id) => new Token(id)), fc.constant(new SubToken('sub')), fc.constant(Object.create(Token.prototype) as unknown)),
);
const point = param(
  'Point',
  objectWith({ x: isNumber, y: isNumber, norm: (v) => typeof v === 'function' }),
  fc.oneof(
    fc.tuple(num.valid, num.valid).map(([x, y]) => new Point(x, y)),
    fc.record({ x: num.valid, y: num.valid }).map((p) => ({ ...p, norm: () => 0 })),
  ),
);
const date = param('Date', (v) => v instanceof Date, fc.oneof(fc.date(), fc.constant(new LaterDate(0))));
const stringToNumber = param(
  'Map<string, number>',
  (v) => v instanceof Map && everyEntry(v, (key, value) => typeof key === 'string' && typeof value === 'number'),
  fc.array(fc.tuple(str.valid, num.valid), { maxLength: 3 }).map((entries) => new Map(entries)),
);
const error = param(
  'Error',
  objectWith({ name: isString, message: isString }, { stack: isString }),
  fc.oneof(str.valid.map((m) => new Error(m)), str.valid.map((m) => new RangeError(m)), fc.record({ name: str.valid, message: str.valid })),
);
const stringSet = param(
  'Set<string>',
  (v) => v instanceof Set && [...Set.prototype.values.call(v)].every(isString),
  fc.array(str.valid, { maxLength: 3 }).map((values) => new Set(values)),
);

const classesModel: SetModel = [caseOf([token]), caseOf([point]), caseOf([date]), caseOf([stringToNumber]), caseOf([error]), caseOf([stringSet])];

const classesTyped = overload(
  (t: Token) => hit(0),
  (p: Point) => hit(1),
  (d: Date) => hit(2),
  (m: Map<string, number>) => hit(3),
  (e: Error) => hit(4),
  (s: Set<string>) => hit(5),
);

class ClassMethods {
  @overload('f') c0(t: Token) { return hit(0, this); }
  @overload('f') c1(p: Point) { return hit(1, this); }
  @overload('f') c2(d: Date) { return hit(2, this); }
  @overload('f') c3(m: Map<string, number>) { return hit(3, this); }
  @overload('f') c4(e: Error) { return hit(4, this); }
  @overload('f') c5(s: Set<string>) { return hit(5, this); }
  declare f: Overloaded<[ClassMethods['c0'], ClassMethods['c1'], ClassMethods['c2'], ClassMethods['c3'], ClassMethods['c4'], ClassMethods['c5']]>;
}

const classesWhen = overload(
  when([Token], body(0)),
  when([point.accepts], body(1)),
  when([Date], body(2)),
  when([stringToNumber.accepts], body(3)),
  when([error.accepts], body(4)),
  when([stringSet.accepts], body(5)),
);

// ---- recursive types ----------------------------------------------------------------------------------

interface Tree { value: number; children: Tree[] }
type List = { head: string; tail: List } | null;
type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

const isTree = recursive((self) => objectWith({ value: isNumber, children: arrayOf(self) }));
const isList = recursive((self) => (v) => v === null || objectWith({ head: isString, tail: self })(v));
const isJson = recursive((self) => (v) => v === null || ['string', 'number', 'boolean'].includes(typeof v) || arrayOf(self)(v) || recordOf(self)(v));

const treeValue: fc.Arbitrary<Tree> = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.record({
    value: fc.integer(),
    children: fc.oneof({ maxDepth: 3, depthIdentifier: 'tree' }, fc.constant<Tree[]>([]), fc.array(tie('tree'), { maxLength: 2 })),
  }),
})).tree;
const listValue = fc
  .array(str.valid, { maxLength: 6 })
  .map((heads) => heads.reduceRight<List>((tail, head) => ({ head, tail }), null));

const tree = param('Tree', isTree, treeValue);
const list = param('List', isList, listValue);
const json = param('Json', isJson, fc.jsonValue({ maxDepth: 3 }));

const recursiveModel: SetModel = [caseOf([tree]), caseOf([list, num]), caseOf([json])];

const recursiveTyped = overload(
  (t: Tree) => hit(0),
  (l: List, depth: number) => hit(1),
  (j: Json) => hit(2),
);

class RecursiveMethods {
  @overload('f') c0(t: Tree) { return hit(0, this); }
  @overload('f') c1(l: List, depth: number) { return hit(1, this); }
  @overload('f') c2(j: Json) { return hit(2, this); }
  declare f: Overloaded<[RecursiveMethods['c0'], RecursiveMethods['c1'], RecursiveMethods['c2']]>;
}

const recursiveWhen = overload(when([isTree], body(0)), when([isList, Number], body(1)), when([isJson], body(2)));

export const STRUCTURED_SETS: readonly OverloadSet[] = [
  { name: 'discriminated objects', model: shapesModel, typed: shapesTyped, when: shapesWhen, methods: new ShapeMethods() },
  { name: 'discriminants', model: kindsModel, typed: kindsTyped, when: kindsWhen, methods: new KindMethods() },
  { name: 'nested objects', model: ordersModel, typed: ordersTyped, when: ordersWhen, methods: new OrderMethods() },
  { name: 'arrays', model: arraysModel, typed: arraysTyped, when: arraysWhen, methods: new ArrayMethods() },
  { name: 'tuples', model: tuplesModel, typed: tuplesTyped, when: tuplesWhen, methods: new TupleMethods() },
  { name: 'classes', model: classesModel, typed: classesTyped, when: classesWhen, methods: new ClassMethods() },
  { name: 'recursive types', model: recursiveModel, typed: recursiveTyped, when: recursiveWhen, methods: new RecursiveMethods() },
];
