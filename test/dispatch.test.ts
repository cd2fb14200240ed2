import { describe, expect, it } from 'vitest';
import { NoMatchingOverloadError, SetupError, optional, overload, rest, when, which } from '../src/index.js';
import { thrown, loose } from './support/thrown.js';

/*
 * The dispatcher is built per argument count, with a block per number of cases (one to four,
 * then chained four at a time). These tests walk every count and every block size, so a block
 * that drops a case, calls the wrong one or loses `this` fails here by name.
 */

/** `k` cases of `n` arguments; case `i` accepts exactly the literal `i` at every position. */
function literalCases(k: number, n: number) {
  const runs: number[] = [];
  const cases = Array.from({ length: k }, (_, i) =>
    when(Array.from({ length: n }, () => i), function (this: unknown, ...args: unknown[]) {
      runs.push(i);
      return { i, self: this, args };
    }),
  );
  return { f: loose(overload(...cases)), runs };
}

describe('every argument count and number of cases', () => {
  const counts = [1, 2, 3, 4];
  const sizes = [1, 2, 3, 4, 5, 8, 9];

  for (const n of counts) {
    for (const k of sizes) {
      it(`${k} case(s) of ${n} argument(s): each call runs its case, with this and exactly its arguments`, () => {
        // Arrange
        const { f, runs } = literalCases(k, n);
        const self = { name: 'receiver' };

        for (let i = 0; i < k; i++) {
          const args = Array.from({ length: n }, () => i);

          // Act
          const result = f.call(self, ...args);

          // Assert
          expect(result).toEqual({ i, self, args });
        }
        expect(runs).toEqual(Array.from({ length: k }, (_, i) => i));
      });

      it(`${k} case(s) of ${n} argument(s): a miss at the last position is no match`, () => {
        const { f, runs } = literalCases(k, n);

        for (let i = 0; i < k; i++) {
          const args = Array.from({ length: n }, (_, p) => (p === n - 1 ? -1 : i));

          const error = thrown(() => f(...args));

          expect(error).toBeInstanceOf(NoMatchingOverloadError);
          expect((error as NoMatchingOverloadError).candidates).toHaveLength(k);
        }
        expect(runs).toEqual([]);
      });
    }
  }

  it('cases of different argument counts interleaved: each count keeps the order its cases were given in', () => {
    // Arrange: cases of 1 and 2 arguments alternate; the later case of each count accepts more
    const f = loose(
      overload(
        when([1], () => 'one:1'),
        when([Number, Number], () => 'two:numbers'),
        when([Number], () => 'one:number'),
        when([1, 1], () => 'two:1,1 (shadowed)'),
        when([Object], () => 'one:object'),
        when([Object, Object], () => 'two:objects'),
      ),
    );

    // Act / Assert
    expect([f(1), f(2), f('x'), f(1, 1), f('x', 'y')]).toEqual(['one:1', 'one:number', 'one:object', 'two:numbers', 'two:objects']);
  });

  it('a zero-argument call runs the first case that takes none, with this', () => {
    const self = {};
    const f = loose(
      overload(
        when([Number], () => 'number'),
        when([rest(Number)], function (this: unknown) {
          return this;
        }),
        when([], () => 'none'),
      ),
    );

    expect(f.call(self)).toBe(self);
  });
});

describe('a check that throws says no, once', () => {
  /** A value whose `kind` getter throws, counting its reads. */
  function hostile() {
    const value = {
      reads: 0,
      get kind(): never {
        value.reads++;
        throw new Error('getter');
      },
    };
    return value;
  }
  const hasKind = (v: unknown) => (v as { kind?: unknown }).kind === 'k';

  it.each([1, 2, 3, 4])('the next case runs and the getter was read once (%i arguments)', (n) => {
    // Arrange: the hostile value is the last argument, read only by the first case
    const f = loose(
      overload(
        when([...Array.from({ length: n - 1 }, () => Number), hasKind], () => 'kind'),
        when(Array.from({ length: n }, () => Object), () => 'objects'),
      ),
    );
    const value = hostile();

    // Act
    const result = f(...Array.from({ length: n - 1 }, () => 0), value);

    // Assert
    expect(result).toBe('objects');
    expect(value.reads).toBe(1);
  });

  it('a Proxy whose getPrototypeOf trap throws: an instanceof check says no and the next case runs', () => {
    class Shape {}
    const proxy = new Proxy(
      {},
      {
        getPrototypeOf() {
          throw new Error('trap');
        },
      },
    );
    const f = loose(overload(when([Shape], () => 'shape'), when([Object], () => 'object')));

    expect(f(proxy)).toBe('object');
    expect(which(f, [proxy])).toBeDefined();
  });

  it('a predicate whose result has a throwing then getter says no; a SetupError from a predicate still propagates', () => {
    // Arrange
    const poisoned = {
      get then(): never {
        throw new Error('then');
      },
    };
    let error: unknown;
    const itself = (v: unknown): unknown => {
      if (error !== undefined) throw error;
      return v;
    };
    const f = loose(overload(when([itself], () => 'predicate'), when([Object], () => 'object')));

    // Act / Assert
    expect(f(poisoned)).toBe('object');
    error = thrownSetupError();
    expect(thrown(() => f(poisoned))).toBe(error);
  });
});

/** A SetupError duckcall made (a nested modifier), to throw from a check. */
function thrownSetupError(): unknown {
  const error = thrown(() => optional(optional(Number) as never));
  expect(error).toBeInstanceOf(SetupError);
  return error;
}
