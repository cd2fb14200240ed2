import { describe, expect, it, vi } from 'vitest';
import { NoMatchingOverloadError, SetupError, casesOf, optional, overload, protocol, rest, when, which } from '../src/index.js';
import { caseWithoutGuards, noCases, notACase, thrownDuringCheck } from '../src/messages.js';
import { thrown, loose, type Loose } from './support/thrown.js';



const isPositive = (v: unknown): v is number => typeof v === 'number' && v > 0;

describe('first match', () => {
  it('runs the first case whose matchers accept the arguments', () => {
    const f = loose(overload(when([isPositive], () => 'positive'), when([Number], () => 'number')));

    expect(f(1)).toBe('positive');
    expect(f(-1)).toBe('number');
  });

  it('depends on the order the cases are given in', () => {
    const f = loose(overload(when([Number], () => 'number'), when([isPositive], () => 'positive')));

    expect(f(1)).toBe('number');
    expect(f(-1)).toBe('number');
  });

  it('passes the arguments through to the case', () => {
    const f = overload(
      when([Number, Number], (w: number, h: number) => w * h),
      when(['hex', Number], (_: 'hex', n: number) => n.toString(16)),
    );

    expect(f(2, 3)).toBe(6);
    expect(f('hex', 255)).toBe('ff');
  });
});

describe('argument count', () => {
  it('a case accepts required ≤ n ≤ max arguments', () => {
    const f = loose(overload(when([Number, optional(Number)], (n: number, digits = 2) => n.toFixed(digits))));

    expect(f(1)).toBe('1.00');
    expect(f(1, 0)).toBe('1');
    expect(() => f()).toThrow(NoMatchingOverloadError);
    expect(() => f(1, 2, 3)).toThrow(NoMatchingOverloadError);
  });

  it('an optional argument may be left out or be undefined, and the case sees exactly the arguments given', () => {
    const f = loose(overload(when([Number, optional(String)], (...args: unknown[]) => args.length)));

    expect(f(1)).toBe(1);
    expect(f(1, undefined)).toBe(2);
    expect(f(1, 'x')).toBe(2);
    expect(() => f(1, null)).toThrow(NoMatchingOverloadError);
  });

  it('an optional before a required matcher still needs its argument: [optional(Number), String] takes 2', () => {
    const f = loose(overload(when([optional(Number), String], (n: number | undefined, s: string) => `${n}:${s}`)));

    expect(f(1, 'x')).toBe('1:x');
    expect(f(undefined, 'x')).toBe('undefined:x');
    expect(() => f('x')).toThrow(NoMatchingOverloadError);
  });

  it('a rest matcher takes any number of further arguments', () => {
    const f = loose(overload(when([String, rest(String)], (...parts: string[]) => parts.join(' '))));

    expect(f('a')).toBe('a');
    expect(f('a', 'b', 'c', 'd')).toBe('a b c d');
    expect(f('a', 'b', 'c', 'd', 'e', 'f', 'g')).toBe('a b c d e f g');
    expect(() => f()).toThrow(NoMatchingOverloadError);
  });

  it('too many arguments is no match even when the leading ones fit', () => {
    const f = loose(overload(when([Number], () => 'one'), when([Number, Number], () => 'two')));

    expect(f(1)).toBe('one');
    expect(f(1, 2)).toBe('two');
    expect(() => f(1, 2, 3)).toThrow(NoMatchingOverloadError);
  });

  it('a zero-argument case runs only for a call without arguments', () => {
    const f = loose(overload(when([], () => 'none'), when([Number], () => 'one')));

    expect(f()).toBe('none');
    expect(f(1)).toBe('one');
  });

  it('a zero-argument call runs the first case that accepts no arguments', () => {
    const f = loose(overload(when([Number], () => 'number'), when([optional(String)], () => 'optional'), when([], () => 'none')));

    expect(f()).toBe('optional');
  });
});

describe('calls with more than four arguments', () => {
  const f = loose(
    overload(
      when([Number, Number, Number, Number, Number], (...xs: number[]) => `five:${xs.join('')}`),
      when([Number, Number, Number, Number, Number, optional(String)], (...xs: unknown[]) => `six:${xs.length}`),
      when([String, rest(Number)], (...xs: unknown[]) => `rest:${xs.length}`),
      when([Boolean, Boolean, Boolean, Boolean, Boolean, Boolean, Boolean], () => 'seven'),
    ),
  );

  it('dispatch on every argument, in order', () => {
    expect(f(1, 2, 3, 4, 5)).toBe('five:12345');
    expect(f(1, 2, 3, 4, 5, 'x')).toBe('six:6');
    expect(f(1, 2, 3, 4, 5, undefined)).toBe('six:6');
    expect(f('s', 1, 2, 3, 4, 5, 6)).toBe('rest:7');
    expect(f(true, false, true, false, true, false, true)).toBe('seven');
  });

  it('reject a mismatch at a late position', () => {
    expect(() => f(1, 2, 3, 4, 'x')).toThrow(NoMatchingOverloadError);
    expect(() => f('s', 1, 2, 3, 4, 'x')).toThrow(NoMatchingOverloadError);
    expect(() => f(true, false, true, false, true, false, 1)).toThrow(NoMatchingOverloadError);
  });

  it('report every case as a candidate', () => {
    const error = thrown(() => f(1, 2, 3, 4, 5, 6, 7)) as NoMatchingOverloadError;

    expect(error).toBeInstanceOf(NoMatchingOverloadError);
    expect(error.args).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(error.candidates).toHaveLength(4);
  });
});

describe('composition', () => {
  it('an overloaded function given as a case has its cases spliced in at that position', () => {
    // Arrange
    const base = overload(when([Number], () => 'base-number'), when([String], () => 'base-string'));
    const first = () => 'first';
    const last = () => 'last';

    // Act
    const extended = loose(overload(when([isPositive], first), base, when([Boolean], last)));

    // Assert
    expect(extended(5)).toBe('first');
    expect(extended(-5)).toBe('base-number');
    expect(extended('s')).toBe('base-string');
    expect(extended(true)).toBe('last');
    expect(casesOf(extended).map((c) => c.fn)).toEqual([first, ...casesOf(base).map((c) => c.fn), last]);
  });

  it('leaves the original unchanged', () => {
    const base = overload(when([Number], () => 'number'));

    overload(base, when([String], () => 'string'));

    expect(casesOf(base)).toHaveLength(1);
    expect(() => loose(base)('s')).toThrow(NoMatchingOverloadError);
  });
});

describe('this', () => {
  interface Scaler {
    factor: number;
    scale: Loose;
  }

  it('is passed through to the case', () => {
    const scale = overload(
      when([Number], function (this: Scaler, n: number) {
        return this.factor * n;
      }),
    );
    const obj: Scaler = { factor: 10, scale: loose(scale) };

    expect(obj.scale(2)).toBe(20);
    expect(loose(scale).call({ factor: 3 }, 2)).toBe(6);
  });

  it('is passed through on calls with more than four arguments', () => {
    const sum = overload(
      when([rest(Number)], function (this: Scaler, ...xs: number[]) {
        return this.factor * xs.reduce((a, b) => a + b, 0);
      }),
    );
    const obj: Scaler = { factor: 2, scale: loose(sum) };

    expect(obj.scale(1, 1, 1, 1, 1, 1)).toBe(12);
  });
});

describe('results and errors of a case', () => {
  it('a returned promise is returned unchanged', () => {
    const promise = Promise.resolve(1);
    const f = loose(overload(when([Number], () => promise)));

    const result = f(1);

    expect(result).toBe(promise);
  });

  it('a rejected promise from an async case is returned, not turned into no-match', async () => {
    const boom = new Error('async boom');
    const f = loose(overload(when([Number], async () => Promise.reject(boom)), when([Object], () => 'other')));

    const result = f(1);

    expect(result).toBeInstanceOf(Promise);
    await expect(result).rejects.toBe(boom);
  });

  it.each([1, 5])('an error thrown inside a case propagates unchanged and the next case is not tried (%i args)', (count) => {
    // Arrange
    const boom = new Error('boom');
    const next = vi.fn(() => 'next');
    const f = loose(
      overload(
        when([rest(Number)], () => {
          throw boom;
        }),
        when([rest(Object)], next),
      ),
    );

    // Act
    const error = thrown(() => f(...Array.from({ length: count }, (_, i) => i)));

    // Assert
    expect(error).toBe(boom);
    expect(next).not.toHaveBeenCalled();
  });

  it('a NoMatchingOverloadError thrown inside a case propagates too', () => {
    const inner = loose(overload(when([String], () => 'inner')));
    const innerError = thrown(() => inner(1));
    const f = loose(
      overload(
        when([Number], () => {
          throw innerError;
        }),
        when([Object], () => 'other'),
      ),
    );

    expect(thrown(() => f(1))).toBe(innerError);
  });

  it('a non-Error thrown value propagates unchanged', () => {
    const f = loose(
      overload(
        when([Number], () => {
          throw 'plain string';
        }),
      ),
    );

    expect(thrown(() => f(1))).toBe('plain string');
  });
});

describe('guards that throw mean no match', () => {
  const hasCircleKind = (v: unknown) => (v as { kind?: unknown }).kind === 'circle';
  const hostile = {
    get kind(): never {
      throw new Error('getter');
    },
  };

  function trapsThrow(): object {
    const fail = () => {
      throw new Error('trap');
    };
    return new Proxy({}, { get: fail, has: fail, getPrototypeOf: fail, ownKeys: fail, getOwnPropertyDescriptor: fail });
  }

  function revoked(): object {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    return proxy;
  }

  it('a throwing getter read by a predicate: the next case runs', () => {
    const f = loose(overload(when([hasCircleKind], () => 'circle'), when([Object], () => 'object')));

    expect(f(hostile)).toBe('object');
  });

  it('a Proxy whose traps throw: instanceof and predicates reject, the next case runs', () => {
    const f = loose(overload(when([Date], () => 'date'), when([hasCircleKind], () => 'circle'), when([Object], () => 'object')));

    expect(f(trapsThrow())).toBe('object');
  });

  it('a revoked Proxy: Array, instanceof and predicates reject, the next case runs', () => {
    const f = loose(
      overload(when([Array], () => 'array'), when([Map], () => 'map'), when([hasCircleKind], () => 'circle'), when([Object], () => 'object')),
    );

    expect(f(revoked())).toBe('object');
  });

  it('on calls with more than four arguments too', () => {
    const f = loose(overload(when([rest(hasCircleKind)], () => 'circles'), when([rest(Object)], () => 'objects')));

    expect(f(1, 2, 3, 4, hostile)).toBe('objects');
    expect(f(1, 2, 3, 4, revoked())).toBe('objects');
    expect(f(1, 2, 3, 4, trapsThrow())).toBe('objects');
  });

  it.each<[string, () => unknown]>([
    ['throwing getter', () => hostile],
    ['throwing traps', trapsThrow],
    ['revoked Proxy', revoked],
  ])('with no other case: NoMatchingOverloadError, never the internal error (%s)', (_name, makeArg) => {
    // Arrange
    const f = loose(overload(when([Array], () => 0), when([Date], () => 1), when([hasCircleKind], () => 2)));
    const arg = makeArg();

    // Act
    const error1 = thrown(() => f(arg));
    const error5 = thrown(() => f(arg, arg, arg, arg, arg));

    // Assert
    expect(error1).toBeInstanceOf(NoMatchingOverloadError);
    expect(error5).toBeInstanceOf(NoMatchingOverloadError);
    expect((error1 as NoMatchingOverloadError).candidates).toHaveLength(3);
  });

  it('keeps the thrown error as that candidate’s reason', () => {
    // Arrange
    const boom = new Error('nope');
    const picky = (_v: unknown): boolean => {
      throw boom;
    };
    const f = loose(overload(when([picky], () => 0)));

    // Act
    const error = thrown(() => f(1)) as NoMatchingOverloadError;

    // Assert
    expect(error.candidates[0]?.errors).toEqual([{ path: '$args[0]', expected: thrownDuringCheck('picky', boom), value: 1 }]);
  });

  it('which() returns the next case or undefined, never throws', () => {
    const f = loose(overload(when([hasCircleKind], () => 'circle'), when([Object], () => 'object')));
    const g = loose(overload(when([hasCircleKind], () => 'circle')));

    expect(which(f, revoked())?.fn).toBe(casesOf(f)[1]?.fn);
    expect(which(g, revoked())).toBeUndefined();
    expect(which(g, hostile)).toBeUndefined();
  });

  describe('a thrown value that forges the SetupError brand is a reason, not what the dispatcher throws', () => {
    // The brand `instanceof SetupError` reads is a registered symbol anyone can set.
    const forged = () => ({ [Symbol.for('duckcall/error')]: 'ERR_DUCKCALL_SETUP', message: 'forged' });
    const forging = () => ({
      get kind(): never {
        throw forged();
      },
    });
    const forgingProxy = () => new Proxy({}, { get: () => { throw forged(); }, getPrototypeOf: () => { throw forged(); } });

    it.each<[string, () => unknown]>([
      ['a getter', forging],
      ['Proxy traps', forgingProxy],
    ])('thrown by %s: the next case runs, or a NoMatchingOverloadError with the reason', (_name, makeArg) => {
      const f = loose(overload(when([hasCircleKind], () => 'circle'), when([Object], () => 'object')));
      const g = loose(overload(when([hasCircleKind], () => 'circle'), when([Date], () => 'date')));

      expect(f(makeArg())).toBe('object');
      const h = loose(overload(when([rest(hasCircleKind)], () => 'circles'), when([rest(Object)], () => 'objects')));
      expect(h(1, 2, 3, 4, makeArg())).toBe('objects');
      const error = thrown(() => g(makeArg()));
      expect(error).toBeInstanceOf(NoMatchingOverloadError);
      expect((error as NoMatchingOverloadError).candidates[0]?.errors[0]?.path).toBe('$args[0]');
      expect(which(g, makeArg())).toBeUndefined();
    });

    it('a real SetupError from a check still propagates', () => {
      const misconfigured = (_v: unknown): boolean => {
        throw new SetupError('a mistake in the program');
      };
      const f = loose(overload(when([misconfigured], () => 0), when([Object], () => 1)));

      expect(thrown(() => f(1))).toBeInstanceOf(SetupError);
      expect(thrown(() => which(f, 1))).toBeInstanceOf(SetupError);
    });
  });
});

describe('the reasons of a failed call stop at 100 per candidate (API.md §1)', () => {
  it('a rest case called with 50,000 wrong arguments', () => {
    const f = loose(overload(when([rest(Number)], () => 0)));

    const error = thrown(() => f(...Array.from({ length: 50_000 }, () => 'x'))) as NoMatchingOverloadError;

    expect(error).toBeInstanceOf(NoMatchingOverloadError);
    expect(error.candidates[0]!.errors).toHaveLength(100);
    expect(error.candidates[0]!.errors.map((issue) => issue.path)).toEqual(Array.from({ length: 100 }, (_, i) => `$args[${i}]`));
  });

  it('four arguments whose matchers each give 100 reasons', () => {
    const hundred = Array.from({ length: 100 }, (_, i) => ({ path: `$input[${i}]`, expected: 'never', value: i }));
    const never = protocol({ name: 'Never', is: (_v: unknown): _v is never => false, validate: () => hundred });
    const f = loose(overload(when([never, never, never, never], () => 0)));

    const error = thrown(() => f(1, 2, 3, 4)) as NoMatchingOverloadError;

    expect(error.candidates[0]!.errors).toHaveLength(100);
    expect(error.candidates[0]!.errors.every((issue) => issue.path.startsWith('$args[0]['))).toBe(true);
  });
});

describe('setup mistakes throw SetupError when the set is built', () => {
  it('no cases', () => {
    expect(thrown(() => (overload as () => unknown)())).toEqual(new SetupError(noCases()));
  });

  it('a bare function with no guards', () => {
    const anonymous = thrown(() => overload(() => 1));
    const named = thrown(() => overload(when([Number], () => 0), function plain() {}));

    expect(anonymous).toEqual(new SetupError(caseWithoutGuards(0, '')));
    expect(named).toEqual(new SetupError(caseWithoutGuards(1, 'plain')));
  });

  it('a case that is not a function', () => {
    const error = thrown(() => overload(when([Number], () => 0), 42 as unknown as Function));

    expect(error).toEqual(new SetupError(notACase(1, 42)));
  });
});
