/**
 * Verdicts where duckcall once differed from TypeScript's checker (issue "The guard agrees with the
 * checker"), each as a fixture: the values the checker accepts as `const x: T = <value>` and those
 * it rejects, with the path `validate` reports.
 */
import { describe, expect, it } from 'vitest';
import { is, overload, validate } from '../../src/index.js';
import { fixture } from './support/fixture.js';

class Plain {
  x = 1;
}

// ReadonlyMap and ReadonlySet: a real Map or Set has its entries checked, like Map and Set.
fixture(
  'ReadonlyMap<string, number>',
  { is: (v) => is<ReadonlyMap<string, number>>(v), validate: (v) => validate<ReadonlyMap<string, number>>(v) },
  [new Map(), new Map([['a', 1]])],
  [
    [new Map([['a', 'x']]), '$input[0][1]'],
    [new Map([[1, 1]]), '$input[0][0]'],
    [new Set([1]), '$input'],
    [{}, '$input'],
  ],
);
fixture(
  'ReadonlySet<number>',
  { is: (v) => is<ReadonlySet<number>>(v), validate: (v) => validate<ReadonlySet<number>>(v) },
  [new Set(), new Set([1, 2])],
  [
    [new Set(['a']), '$input[0]'],
    [[1], '$input'],
  ],
);

// `any` keeps its meaning inside types: an index signature of `any` admits every non-primitive.
const nonPrimitives = [{}, { a: 1 }, [], [1, 'x'], new Date(), () => 1, new Plain(), new Map(), Object.create(null)];
fixture('Record<string, any>', { is: (v) => is<Record<string, any>>(v), validate: (v) => validate<Record<string, any>>(v) }, nonPrimitives, [
  [1, '$input'],
  ['x', '$input'],
  [null, '$input'],
  [undefined, '$input'],
]);
fixture('{ [k: string]: any }', { is: (v) => is<{ [k: string]: any }>(v), validate: (v) => validate<{ [k: string]: any }>(v) }, nonPrimitives, [
  [true, '$input'],
]);
fixture('Record<string, unknown> (no any: object literals only)', { is: (v) => is<Record<string, unknown>>(v), validate: (v) => validate<Record<string, unknown>>(v) }, [{}, { a: 1 }], [
  [[], '$input'],
  [new Date(), '$input'],
]);

describe('an overload case (r: Record<string, any>) takes what the checker gives it', () => {
  it('runs for a Date and an array, as the checker resolves the call', () => {
    const kind = overload(
      (r: Record<string, any>) => 'record',
      (n: number) => 'number',
    );
    expect([kind(new Date()), kind([1]), kind({}), kind(1)]).toEqual(['record', 'record', 'record', 'number']);
  });
});

// Generic classes compared nominally keep their type arguments.
class Box<T> {
  private readonly v: T;
  constructor(v: T) {
    this.v = v;
  }
  get(): T {
    return this.v;
  }
}
class Secret<T> {
  readonly #hidden = 1;
  constructor(readonly value: T) {}
  peek(): number {
    return this.#hidden;
  }
}
fixture('Box<number> (private member of type T)', { is: (v) => is<Box<number>>(v), validate: (v) => validate<Box<number>>(v) }, [new Box(1)], [
  [new Box('s'), '$input'],
  [{ v: 1, get: () => 1 }, '$input'],
]);
fixture('Secret<string> (#private, public member of type T)', { is: (v) => is<Secret<string>>(v), validate: (v) => validate<Secret<string>>(v) }, [new Secret('a')], [
  [new Secret(1), '$input'],
]);
describe('overload cases told apart by a type argument', () => {
  it('runs the case whose type argument fits', () => {
    const unbox = overload(
      (b: Box<number>) => `number ${b.get()}`,
      (b: Box<string>) => `string ${b.get()}`,
    );
    expect([unbox(new Box(1)), unbox(new Box('a'))]).toEqual(['number 1', 'string a']);
  });
});

class Registry {
  private static count = 0;
  static next(): number {
    return ++Registry.count;
  }
}
class SubRegistry extends Registry {}
fixture('typeof Registry (a private static member)', { is: (v) => is<typeof Registry>(v), validate: (v) => validate<typeof Registry>(v) }, [Registry, SubRegistry], [
  [class {}, '$input'],
  [new Registry(), '$input'],
  [{ next: () => 1 }, '$input'],
]);

// A rest element whose elements are arrays.
fixture('[string, ...number[][]]', { is: (v) => is<[string, ...number[][]]>(v), validate: (v) => validate<[string, ...number[][]]>(v) }, [['a'], ['a', [1]], ['a', [], [1, 2]]], [
  [['a', 1], '$input[1]'],
  [['a', [1, 'x']], '$input[1][1]'],
  [['a', [1], 2], '$input[2]'],
]);

// Error is an interface of data.
fixture('Error', { is: (v) => is<Error>(v), validate: (v) => validate<Error>(v) }, [{ name: 'E', message: 'm' }, new Error('x'), new TypeError('y')], [
  [{ name: 'E' }, '$input.message'],
  [{ name: 'E', message: 1 }, '$input.message'],
  [null, '$input'],
]);

// `__proto__` is inherited by every object but declared by no type the checker sees: read as an own
// property. `constructor` is declared by lib's Object interface: the checker compares the inherited one.
// (`{ a: 1 }` fails the weak-type rule: none of the type's properties, all optional.)
fixture('{ __proto__?: number }', { is: (v) => is<{ __proto__?: number }>(v), validate: (v) => validate<{ __proto__?: number }>(v) }, [{}, JSON.parse('{"__proto__": 1}')], [
  [JSON.parse('{"__proto__": "x"}'), '$input.__proto__'],
  [{ a: 1 }, '$input'],
]);
fixture('{ constructor?: string }', { is: (v) => is<{ constructor?: string }>(v), validate: (v) => validate<{ constructor?: string }>(v) }, [{ constructor: 'x' }], [
  [{}, '$input.constructor'],
  [{ constructor: 1 }, '$input.constructor'],
]);
fixture('ReadonlySet<number> against a Map', { is: (v) => is<ReadonlySet<number>>(v), validate: (v) => validate<ReadonlySet<number>>(v) }, [], [
  [new Map(), '$input'],
]);
fixture('{ toString: string } (required, not inherited)', { is: (v) => is<{ toString: string }>(v), validate: (v) => validate<{ toString: string }>(v) }, [{ toString: 'x' }], [
  [{}, '$input.toString'],
]);

// The wrapper interfaces of primitives: the primitive or its boxed object, nothing else with a valueOf.
fixture('Boolean', { is: (v) => is<Boolean>(v), validate: (v) => validate<Boolean>(v) }, [true, false, new Boolean(false)], [
  [0, '$input'],
  ['x', '$input'],
  [{ valueOf: () => 1 }, '$input'],
]);
fixture('Number', { is: (v) => is<Number>(v), validate: (v) => validate<Number>(v) }, [1, NaN, new Number(2)], [
  ['1', '$input'],
  [1n, '$input'],
]);
fixture('String', { is: (v) => is<String>(v), validate: (v) => validate<String>(v) }, ['', new String('a')], [[1, '$input']]);

// Index signatures keyed by a branded key are their primitive key.
type Uuid = string & { readonly __format: 'uuid' };
fixture('{ [key: Uuid]: string }', { is: (v) => is<{ [key: Uuid]: string }>(v), validate: (v) => validate<{ [key: Uuid]: string }>(v) }, [{}, { a: 'x' }], [
  [{ a: 1 }, '$input.a'],
]);

// Classes the lib declares with a global constructor are checked against it, not member by member.
fixture('URL', { is: (v) => is<URL>(v), validate: (v) => validate<URL>(v) }, [new URL('https://example.org/')], [
  [{ href: 'https://example.org/' }, '$input'],
]);
fixture('Blob', { is: (v) => is<Blob>(v), validate: (v) => validate<Blob>(v) }, [new Blob([])], [[{ size: 0, type: '' }, '$input']]);
fixture('File', { is: (v) => is<File>(v), validate: (v) => validate<File>(v) }, [new File([], 'x.txt')], [[new Blob([]), '$input']]);

// validate reports inside the part that failed, as typia does.
interface CircleShape { kind: 'circle'; r: number }
interface SquareShape { kind: 'square'; side: number }
fixture('CircleShape | SquareShape (paths inside the member the discriminant picks)', { is: (v) => is<CircleShape | SquareShape>(v), validate: (v) => validate<CircleShape | SquareShape>(v) }, [{ kind: 'circle', r: 1 }], [
  [{ kind: 'circle', r: 'x' }, '$input.r'],
  [{ kind: 'square', side: null }, '$input.side'],
  [{ kind: 'other' }, '$input.kind'],
]);
// A discriminant through intersection members, Maps, Sets and arrays inside unions: typia's paths.
type Point = { x: number; y: number };
type Segment = { p1: Point; p2: Point };
fixture('(Point & { type: "point" }) | (Segment & { type: "line" })', {
  is: (v) => is<(Point & { type: 'point' }) | (Segment & { type: 'line' })>(v),
  validate: (v) => validate<(Point & { type: 'point' }) | (Segment & { type: 'line' })>(v),
}, [{ type: 'point', x: 1, y: 2 }], [
  [{ type: 'line', x: 1, y: 2 }, '$input.p1'],
  [{ type: 'circle', x: 1, y: 2 }, '$input.type'],
]);
fixture('Map<string, number> | null', { is: (v) => is<Map<string, number> | null>(v), validate: (v) => validate<Map<string, number> | null>(v) }, [null, new Map([['a', 1]])], [
  [new Map<unknown, unknown>([['a', 1], ['b', 'x']]), '$input[1][1]'],
]);
fixture('Set<string> | Set<number>', { is: (v) => is<Set<string> | Set<number>>(v), validate: (v) => validate<Set<string> | Set<number>>(v) }, [new Set(['a']), new Set([1])], [
  [new Set<unknown>(['a', 'b', 3]), '$input[2]'],
]);
fixture('boolean[] | number[] | string[]', { is: (v) => is<boolean[] | number[] | string[]>(v), validate: (v) => validate<boolean[] | number[] | string[]>(v) }, [[true], [1], ['a']], [
  [[false, true, 3], '$input[2]'],
]);
fixture('Map<string, number> (paths at the entry)', { is: (v) => is<Map<string, number>>(v), validate: (v) => validate<Map<string, number>>(v) }, [new Map([['a', 1]])], [
  [new Map<unknown, unknown>([['a', 1], ['b', 'x']]), '$input[1][1]'],
  [new Map<unknown, unknown>([[2, 1]]), '$input[0][0]'],
]);
fixture('Set<number> (paths at the element)', { is: (v) => is<Set<number>>(v), validate: (v) => validate<Set<number>>(v) }, [new Set([1])], [
  [new Set<unknown>([1, 'x']), '$input[1]'],
]);
fixture('{ [k: number]: string } (paths per key)', { is: (v) => is<{ [k: number]: string }>(v), validate: (v) => validate<{ [k: number]: string }>(v) }, [{ 0: 'a' }], [
  [{ 0: 'a', 1: 2 }, '$input["1"]'],
]);
fixture('{ [k: `data-${string}`]: number } (paths per key)', { is: (v) => is<{ [k: `data-${string}`]: number }>(v), validate: (v) => validate<{ [k: `data-${string}`]: number }>(v) }, [{ 'data-a': 1, other: 'x' }], [
  [{ 'data-a': 'x' }, '$input["data-a"]'],
]);
