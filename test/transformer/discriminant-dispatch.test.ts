/**
 * Dispatch on the discriminant (issue 10 item 2): where the cases at a position are told apart by a
 * literal-typed property, the compiled dispatcher switches on it, and still picks exactly the case a
 * first-match chain of the cases' guards picks, and the one `which(...)` names: for sets of 4, 16 and
 * 64 discriminated cases with shared values and cases without a discriminant mixed in
 * (support/discriminated-sets.ts), for values near each case, any values, and hostile ones.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { casesOf, NoMatchingOverloadError, overload, which } from '../../src/index.js';
import {
  firstMatch,
  four,
  fourChain,
  fourPools,
  sixteen,
  sixteenChain,
  sixteenPools,
  sixtyFour,
  sixtyFourChain,
  sixtyFourPools,
  type ChainCase,
  type Pool,
} from './support/discriminated-sets.js';

// The fallback behind a compiled dispatcher (`fallbackFor`, used only by `compiled`) counts its
// calls: a compiled dispatcher that missed a case would still be right through it, only slow.
const fallbacks = vi.hoisted(() => ({ calls: 0 }));
vi.mock('../../src/dispatch.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/dispatch.js')>();
  return {
    ...original,
    fallbackFor(...args: Parameters<typeof original.fallbackFor>) {
      const inner = original.fallbackFor(...args);
      return function (this: unknown, ...rest: unknown[]) {
        fallbacks.calls++;
        return inner.apply(this, rest);
      };
    },
  };
});

const RUNS = Number(process.env['DUCKCALL_PROPERTY_RUNS'] ?? 2_000);

/** Calls the compiled dispatcher: the index its case returns, or -1 when it throws no-match. */
function ran(fn: Function, args: readonly unknown[]): number {
  try {
    return fn(...args) as number;
  } catch (error) {
    expect(error).toBeInstanceOf(NoMatchingOverloadError);
    return -1;
  }
}

function named(fn: Function, args: readonly unknown[]): number {
  const chosen = which(fn, ...args);
  return chosen ? casesOf(fn).indexOf(chosen) : -1;
}

/** Values whose checks throw, which the compiled dispatcher leaves to the ordinary one. */
const hostile = new WeakSet<object>();

/** A property whose read throws, and a Proxy whose reads throw. */
function throwingAt(key: string, rest: object): object {
  return hostileOne(Object.defineProperty({ ...rest }, key, {
    enumerable: true,
    get() {
      throw new Error(`read of ${key}`);
    },
  }));
}

function hostileOne<T extends object>(value: T): T {
  hostile.add(value);
  return value;
}
// Symbol keys are left alone: fast-check looks for its own symbols on the values it generates.
const hostileProxy = hostileOne(new Proxy({}, {
  get(_, key) {
    if (typeof key === 'symbol') return undefined;
    throw new Error('get trap');
  },
  getPrototypeOf() {
    throw new Error('getPrototypeOf trap');
  },
}));

const fieldValue = fc.constantFrom<unknown>(0, 1.5, -3, 'x', '', true, false, null, undefined, [], [1, 2], ['a'], {}, { kind: 'k0' });

/** A value of the type a fixture field's first letter names (see support/discriminated-sets.ts). */
function rightValue(field: string): unknown {
  return { n: 1, u: 2, s: 's', o: 'o', b: true, t: false, l: [1, 2], z: null }[field[0]!];
}

/** Objects near the cases of a set: a case's kinds and fields (right or wrong values), now and then a stranger's. */
function nearValues(pools: readonly Pool[]): fc.Arbitrary<unknown> {
  const kinds = [...new Set(pools.flatMap((p) => p.kinds)), 'zz', 999, undefined];
  const near = fc
    .record({
      pool: fc.constantFrom(...pools),
      other: fc.constantFrom(...pools),
      stranger: fc.constantFrom(...kinds),
      values: fc.array(fieldValue, { minLength: 4, maxLength: 4 }),
      dice: fc.array(fc.nat(99), { minLength: 6, maxLength: 6 }),
      shape: fc.oneof(
        { weight: 6, arbitrary: fc.constant('plain') },
        { weight: 1, arbitrary: fc.constantFrom('nullProto', 'getters', 'throwsOnKind', 'throwsOnField', 'instance') },
      ),
    })
    .map(({ pool, other, stranger, values, dice, shape }) => {
      const [kindDie, extraDie, ...fieldDice] = dice as [number, number, ...number[]];
      const fields = [...pool.fields, ...(extraDie < 30 ? other.fields : [])];
      // Mostly the case's own kind and right values; sometimes a stranger's kind, a wrong value, or none.
      const own = pool.kinds[kindDie % Math.max(1, pool.kinds.length)];
      const kind = kindDie < 75 ? own : kindDie < 92 ? stranger : undefined;
      const plain: Record<string, unknown> = {};
      fields.forEach((f, i) => {
        const die = fieldDice[i % 4]!;
        if (die < 90) plain[f] = die < 72 ? rightValue(f) : values[i % 4];
      });
      if (kind !== undefined) plain['kind'] = kind;
      switch (shape) {
        case 'plain':
          return plain;
        case 'nullProto':
          return Object.assign(Object.create(null), plain);
        case 'getters': {
          const o: Record<string, unknown> = {};
          for (const [k, v] of Object.entries(plain)) Object.defineProperty(o, k, { enumerable: true, get: () => v });
          return o;
        }
        case 'throwsOnKind':
          return throwingAt('kind', plain);
        case 'throwsOnField':
          return fields.length > 0 ? throwingAt(fields[0]!, plain) : plain;
        default:
          return Object.assign(new (class Holder {})(), plain);
      }
    });
  return fc.oneof({ weight: 6, arbitrary: near }, { weight: 1, arbitrary: fc.anything() }, { weight: 1, arbitrary: fc.constantFrom<unknown>(null, undefined, 'k0', 0, 5, [1], [], hostileProxy, Symbol('s')) });
}

const SETS: readonly { name: string; fn: Function; chain: readonly ChainCase[]; pools: readonly Pool[]; discriminated: number }[] = [
  { name: '4', fn: four, chain: fourChain, pools: fourPools, discriminated: 4 },
  { name: '16', fn: sixteen, chain: sixteenChain, pools: sixteenPools, discriminated: 16 },
  { name: '64', fn: sixtyFour, chain: sixtyFourChain, pools: sixtyFourPools, discriminated: 64 },
];

describe.each(SETS)('$name discriminated cases', ({ fn, chain, pools }) => {
  it('leave no match to the fallback, which the test counts', () => {
    fallbacks.calls = 0;
    expect(ran(fn, [Symbol('none')])).toBe(-1);
    expect(fallbacks.calls).toBe(1);
  });

  it('compile to a switch on the discriminant', () => {
    expect(fn.toString()).toMatch(/switch \((k1|a === null \|\| a === void 0 \? fallback : a\.kind)\) \{/);
  });

  it('run the case a first-match chain of the guards picks, and which(...) names, for any arguments', () => {
    const args = fc.oneof(
      { weight: 6, arbitrary: nearValues(pools).map((v) => [v]) },
      { weight: 2, arbitrary: fc.tuple(nearValues(pools), fc.oneof(fc.integer(), fc.constant(undefined), fc.string())) },
      { weight: 1, arbitrary: fc.array(nearValues(pools), { maxLength: 3 }) },
    );
    fc.assert(
      fc.property(args, (list) => {
        const expected = firstMatch(chain, list);
        expect(named(fn, list)).toBe(expected);
        fallbacks.calls = 0;
        expect(ran(fn, list)).toBe(expected);
        // It chose by itself, unless there was nothing to choose or a check threw.
        if (expected !== -1 && !list.some((v) => typeof v === 'object' && v !== null && hostile.has(v))) expect(fallbacks.calls).toBe(0);
      }),
      { numRuns: RUNS },
    );
  });

  it('matches every case with a value made for it', () => {
    let matched = 0;
    pools.forEach((pool, index) => {
      for (const kind of pool.kinds) {
        const value: Record<string, unknown> = { kind };
        for (const field of pool.fields) value[field] = rightValue(field);
        const args = chain[index]!.counts.includes(1) ? [value] : [value, 3];
        const expected = firstMatch(chain, args);
        expect(ran(fn, args)).toBe(expected);
        if (expected === index) matched++;
      }
    });
    // Most cases are the first to accept a value made for them (a few lose to an earlier case sharing a kind).
    expect(matched).toBeGreaterThan(pools.length / 2);
  });
});

interface Circle { kind: 'circle'; r: number }
interface Square { kind: 'square'; side: number }
interface Triangle { kind: 'triangle'; a: number; b: number; c: number }

describe('the switch keeps the chain’s semantics', () => {
  const shapes = overload(
    (s: Circle) => 'circle',
    (s: Square) => 'square',
    (s: Triangle) => 'triangle',
    (x: object) => 'object',
    (x: string) => 'string',
  );

  it('reads the discriminant once for a plain object case', () => {
    let reads = 0;
    const circle = { get kind() { reads++; return 'circle'; }, r: 1 };
    expect(shapes(circle as Circle)).toBe('circle');
    expect(reads).toBe(1);
  });

  it('reads it once across several runs, and not for a case before the first', () => {
    const split = overload(
      (x: { size: number }) => 'size',
      (s: Circle) => 'circle',
      (s: Square) => 'square',
      (x: string) => 'string',
      (s: Triangle) => 'triangle',
      (s: { kind: 'oval'; rx: number; ry: number }) => 'oval',
    );
    expect(split.toString()).toContain('var k1 = ');
    let reads = 0;
    const counted = <T extends object>(kind: string, rest: T) => Object.defineProperty(rest, 'kind', { get: () => (reads++, kind), enumerable: true });
    expect(split(counted('circle', { size: 1 }) as never)).toBe('size');
    expect(reads).toBe(0);
    expect(split(counted('oval', { rx: 1, ry: 2 }) as never)).toBe('oval');
    expect(reads).toBe(1);
  });

  it('lets a discriminant whose read throws not match, as in the chain', () => {
    expect(shapes(throwingAt('kind', { r: 1 }) as Circle)).toBe('object');
    expect(shapes(hostileProxy as Circle)).toBe('object');
  });

  it('goes on to the cases without a discriminant for values it does not list', () => {
    expect(shapes({ kind: 'hexagon' } as never)).toBe('object');
    expect(shapes({ kind: 'circle', r: 'wide' } as never)).toBe('object');
    expect(shapes('circle' as never)).toBe('string');
    expect(() => (shapes as Function)(null)).toThrow(NoMatchingOverloadError);
    expect(() => (shapes as Function)(undefined)).toThrow(NoMatchingOverloadError);
    expect(() => (shapes as Function)(7)).toThrow(NoMatchingOverloadError);
  });

  it('reads the discriminant of a primitive as its guard does (through the prototype)', () => {
    const kinds = overload((s: { kind: 'n' }) => 'n', (s: { kind: 'm' }) => 'm', (s: { kind: 'o' }) => 'o', (x: number) => 'number');
    Object.defineProperty(Number.prototype, 'kind', { configurable: true, get: () => 'm' });
    try {
      expect(kinds(5 as never)).toBe('m');
    } finally {
      delete (Number.prototype as { kind?: unknown }).kind;
    }
    expect(kinds(5 as never)).toBe('number');
  });

  it('switches on numbers, booleans and null as discriminants too', () => {
    const tagged = overload(
      (s: { tag: 1; v: number }) => 'one',
      (s: { tag: true; v: string }) => 'true',
      (s: { tag: null; v: boolean }) => 'null',
      (s: { tag: '1'; v: number }) => 'text one',
    );
    expect(tagged.toString()).toContain('switch (a === null || a === void 0 ? fallback : a.tag)');
    expect(tagged({ tag: 1, v: 2 })).toBe('one');
    expect(tagged({ tag: '1', v: 2 })).toBe('text one');
    expect(tagged({ tag: true, v: 'x' })).toBe('true');
    expect(tagged({ tag: null, v: false })).toBe('null');
    expect(() => (tagged as Function)({ tag: 1, v: 'x' })).toThrow(NoMatchingOverloadError);
  });
});
