/**
 * The entry points generated cases use to ship less (`__when`, `__caseProtocol`, `__optional`,
 * `__rest`) make the same cases as `when`, `protocol`, `optional` and `rest`: same dispatch, same
 * reasons and messages when nothing matches, same keys, same setup errors.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  __caseProtocol,
  __optional,
  __rest,
  __when,
  NoMatchingOverloadError,
  SetupError,
  casesOf,
  optional,
  overload,
  protocol,
  rest,
  when,
  which,
  type Issue,
  type ProtocolDefinition,
} from '../src/index.js';
import { notAMatcher } from '../src/messages.js';
import { loose, thrown } from './support/thrown.js';

const MATCHERS = Symbol.for('duckcall/matchers');

class Vec {
  #tag = 1;
  constructor(readonly x: number) {}
  get tag(): number {
    return this.#tag;
  }
}

/** Definitions as the transformer writes them: leaf types without `validate`, an object type with one. */
const definitions: Record<string, ProtocolDefinition<unknown>> = {
  number: { name: 'number', is: (v: unknown): v is number => typeof v === 'number', key: 'number' },
  string: { name: 'string', is: (v: unknown): v is string => typeof v === 'string', key: 'string' },
  Vec: { name: 'Vec', is: (v: unknown): v is Vec => v instanceof Vec, key: 'Vec' },
  Point: {
    name: 'Point',
    is: (v: unknown): v is { x: number } => typeof v === 'object' && v !== null && typeof (v as { x?: unknown }).x === 'number',
    validate: (v: unknown): Issue[] =>
      typeof v === 'object' && v !== null ? [{ path: '$input.x', expected: 'number', value: (v as { x?: unknown }).x }] : [{ path: '$input', expected: 'Point', value: v }],
    key: 'Point',
  },
  // A getter that throws, and a validate that reports more than the limit.
  Hostile: {
    name: 'Hostile',
    is: (v: unknown): v is never => (v as { boom: boolean }).boom,
    validate: (v: unknown): Issue[] => Array.from({ length: 150 }, (_, i) => ({ path: `$input[${i}]`, expected: 'never', value: v })),
    key: 'Hostile',
  },
};

type Build = (d: ProtocolDefinition<unknown>) => unknown;
type Mark = (matchers: unknown[], fn: Function, signature?: string) => Function;

/** One overload set, built with the given entry points. */
function shapes(build: Build, mark: Mark, opt: (m: unknown) => unknown, many: (m: unknown) => unknown) {
  const p = Object.fromEntries(Object.entries(definitions).map(([k, d]) => [k, build(d)]));
  return loose(
    overload(
      mark([p.number], (n: number) => `number ${n}`, '(n: number) => string') as never,
      mark([p.string, opt(p.number)], (s: string, k?: number) => `string ${s} ${k}`, '(s: string, k?: number) => string') as never,
      mark([p.Vec], (v: Vec) => `vec ${v.x}`, '(v: Vec) => string') as never,
      mark([p.Point, p.Hostile], () => 'never', '(p: Point, h: Hostile) => string') as never,
      mark([p.Vec, many(p.string)], (_v: Vec, ...s: string[]) => `rest ${s.length}`, '(v: Vec, ...s: string[]) => string') as never,
    ),
  );
}

const full = shapes((d) => protocol(d), when as unknown as Mark, (m) => optional(m as never), (m) => rest(m as never));
const lean = shapes((d) => __caseProtocol(d), __when as unknown as Mark, (m) => __optional(m as never), (m) => __rest(m as never));

/** What a call gives, as text and values compared by identity (some are hostile: nothing looks into them). */
function outcome(f: (...args: unknown[]) => unknown, args: unknown[]): { text: unknown; values: unknown[] } {
  try {
    return { text: f(...args), values: [] };
  } catch (error) {
    if (!(error instanceof NoMatchingOverloadError)) throw error;
    const reasons = error.candidates.map((c) => [c.signature, c.errors.map((i) => `${i.path}: ${i.expected}`)]);
    return { text: [error.message, reasons], values: [...error.args, ...error.candidates.flatMap((c) => c.errors.map((i) => i.value))] };
  }
}

function expectSame(a: ReturnType<typeof outcome>, b: ReturnType<typeof outcome>): void {
  expect(a.text).toEqual(b.text);
  expect(a.values.length).toBe(b.values.length);
  a.values.forEach((v, i) => expect(Object.is(v, b.values[i])).toBe(true));
}

/** Values fast-check must not look at, made when a property runs. */
const hostile = (): unknown[] => {
  const revoked = Proxy.revocable({}, {});
  revoked.revoke();
  return [
    revoked.proxy,
    new Proxy({}, { getPrototypeOf: () => { throw new Error('trap'); }, get: () => { throw new Error('get'); } }),
    { get boom(): boolean { throw new Error('boom'); }, x: 'no' },
    Object.create(null),
    new Vec(1),
  ];
};

describe('generated cases through __when and __caseProtocol', () => {
  it('dispatch, explain and name every case as when and protocol do', () => {
    const value = fc.oneof(fc.anything().map((v) => () => v), fc.nat(4).map((i) => () => hostile()[i]));
    fc.assert(
      fc.property(fc.array(value, { maxLength: 4 }), (makes) => {
        const args = makes.map((make) => make());
        expectSame(outcome(lean, args), outcome(full, args));
        expect(which(lean, ...args)?.signature).toBe(which(full, ...args)?.signature);
      }),
      { numRuns: 2000 },
    );
    for (const a of hostile()) for (const b of hostile()) expectSame(outcome(lean, [a, b]), outcome(full, [a, b]));
    expect(casesOf(lean).map((c) => c.signature)).toEqual(casesOf(full).map((c) => c.signature));
  });

  it('give a case the same key as when, so a subclass case with the same types replaces it', () => {
    const lean1 = __when([__caseProtocol(definitions.number!), __optional(__caseProtocol(definitions.string!))], () => 1, '(a: number, b?: string) => number');
    const full1 = when([protocol(definitions.number!), optional(protocol(definitions.string!))] as never, () => 1);
    const key = (f: Function) => (f as unknown as Record<symbol, { key: string }>)[MATCHERS]!.key;
    expect(key(lean1)).toBe(key(full1));
    expect(key(lean1)).toBe('type:number,?type:string,');
  });

  it('make a case protocol with what a check reads and nothing a user calls', () => {
    const p = __caseProtocol(definitions.Point!);
    const q = protocol(definitions.Point!);
    expect(Object.keys(p)).toEqual(['name', 'is', 'validate']);
    expect(Object.isFrozen(p)).toBe(true);
    for (const v of [{ x: 1 }, { x: 'a' }, null, 3, ...hostile()]) {
      expect(p.is(v)).toBe(q.is(v));
      const [a, b] = [p.validate(v), q.validate(v)];
      expect(a.success).toBe(b.success);
      if (!a.success && !b.success) expect(a.errors.map((i) => [i.path, i.expected, Object.is(i.value, v)])).toEqual(b.errors.map((i) => [i.path, i.expected, Object.is(i.value, v)]));
    }
    // Still a matcher for when and @overload.
    expect(loose(overload(when([p], () => 'p')))({ x: 1 })).toBe('p');
  });

  it('reject anything but a protocol with the SetupError when gives a value that is no matcher', () => {
    const error = thrown(() => __when([Number], () => 1, '(n: number) => number'));
    expect(error).toBeInstanceOf(SetupError);
    expect((error as Error).message).toBe(notAMatcher('when()', 0, Number));
    expect(thrown(() => __when([__rest(__caseProtocol(definitions.number!)), __caseProtocol(definitions.number!)], () => 1))).toEqual(
      thrown(() => when([rest(protocol(definitions.number!)), protocol(definitions.number!)] as never, () => 1)),
    );
    expect(thrown(() => __when({} as never, () => 1))).toEqual(thrown(() => when({} as never, () => 1)));
    expect(thrown(() => __when([], 1 as never))).toEqual(thrown(() => when([], 1 as never)));
  });
});
