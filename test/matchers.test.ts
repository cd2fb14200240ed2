import { describe, expect, it } from 'vitest';
import {
  NoMatchingOverloadError,
  SetupError,
  optional,
  overload,
  protocol,
  rest,
  when,
  type Matcher,
  type StandardSchemaV1,
} from '../src/index.js';
import { asyncPredicate, asyncSchema, matchersNotArray, nestedModifier, notAMatcher, restNotLast, whenNeedsFunction } from '../src/messages.js';
import { loose, thrown } from './support/thrown.js';

type Loose = (...args: unknown[]) => unknown;

/** Whether a one-case overload built from `matchers` runs for `args`, through the real dispatcher. */
function runs(matchers: readonly Matcher[], ...args: unknown[]): boolean {
  const f = overload(when(matchers as Matcher[], () => 'ran')) as unknown as Loose;
  try {
    return f(...args) === 'ran';
  } catch (error) {
    if (error instanceof NoMatchingOverloadError) return false;
    throw error;
  }
}

const accepts = (m: Matcher, value: unknown): boolean => runs([m], value);


class Animal {
  speak(): string {
    return '...';
  }
}
class Dog extends Animal {
  override speak(): string {
    return 'woof';
  }
}

describe('typeof matchers', () => {
  it.each<[string, Matcher, unknown[], unknown[]]>([
    ['String', String, ['x', ''], [new String('x'), 1, null, undefined, Symbol('s'), ['x']]],
    ['Number', Number, [1, 0, -0, NaN, Infinity], [new Number(1), '1', 1n, null, undefined]],
    ['Boolean', Boolean, [true, false], [new Boolean(false), 0, 'true', null]],
    ['BigInt', BigInt, [1n, 0n], [1, Object(1n), '1', null]],
    ['Symbol', Symbol, [Symbol('s'), Symbol.iterator], [Object(Symbol('s')), 'sym', undefined]],
    ['Function', Function, [() => 0, function named() {}, class {}, Date], [{}, null, 'fn', { call() {} }]],
  ])('%s accepts exactly its typeof', (_name, matcher, good, bad) => {
    // Arrange: the values above. Act
    const acceptedGood = good.map((v) => accepts(matcher, v));
    const acceptedBad = bad.map((v) => accepts(matcher, v));

    // Assert
    expect(acceptedGood).toEqual(good.map(() => true));
    expect(acceptedBad).toEqual(bad.map(() => false));
  });

  it('Object accepts anything but null and undefined, primitives included', () => {
    const good = [{}, [], 0, '', false, Symbol('s'), 0n, () => 0, Object.create(null), new Date()];

    const acceptedGood = good.map((v) => accepts(Object, v));

    expect(acceptedGood).toEqual(good.map(() => true));
    expect(accepts(Object, null)).toBe(false);
    expect(accepts(Object, undefined)).toBe(false);
  });

  it('Array accepts what Array.isArray accepts', () => {
    class MyArray<T> extends Array<T> {}
    const good = [[], [1, 'a'], new MyArray(), new Array(3)];
    const bad = [{ length: 0 }, 'abc', new Uint8Array(2), new Set([1]), null];

    const acceptedGood = good.map((v) => accepts(Array, v));
    const acceptedBad = bad.map((v) => accepts(Array, v));

    expect(acceptedGood).toEqual(good.map(() => true));
    expect(acceptedBad).toEqual(bad.map(() => false));
  });
});

describe('constructor matchers (instanceof)', () => {
  it('Date accepts Date instances only', () => {
    expect(accepts(Date, new Date(0))).toBe(true);
    expect(accepts(Date, Date.now())).toBe(false);
    expect(accepts(Date, '2020-01-01')).toBe(false);
    expect(accepts(Date, { getTime: () => 0 })).toBe(false);
  });

  it('Map accepts Map instances, not other collections', () => {
    expect(accepts(Map, new Map())).toBe(true);
    expect(accepts(Map, new WeakMap())).toBe(false);
    expect(accepts(Map, new Set())).toBe(false);
    expect(accepts(Map, {})).toBe(false);
  });

  it('a user class accepts its instances and its subclasses, not look-alikes', () => {
    const lookAlike = { speak: () => 'woof' };

    expect(accepts(Animal, new Animal())).toBe(true);
    expect(accepts(Animal, new Dog())).toBe(true);
    expect(accepts(Animal, lookAlike)).toBe(false);
    expect(accepts(Dog, new Dog())).toBe(true);
    expect(accepts(Dog, new Animal())).toBe(false);
  });

  it('an ES5-style constructor function with prototype methods is a constructor', () => {
    // Arrange: called as a predicate, Point would return undefined and accept nothing.
    function Point(this: { x: number }, x: number) {
      this.x = x;
    }
    Point.prototype.norm = function norm(this: { x: number }) {
      return Math.abs(this.x);
    };
    const PointCtor = Point as unknown as new (x: number) => { x: number };

    // Act
    const acceptsInstance = accepts(PointCtor, new PointCtor(1));
    const acceptsShape = accepts(PointCtor, { x: 1 });

    // Assert
    expect(acceptsInstance).toBe(true);
    expect(acceptsShape).toBe(false);
  });
});

describe('predicate matchers', () => {
  it('an arrow function accepts what it returns true for', () => {
    const isPositive = (v: unknown): v is number => typeof v === 'number' && v > 0;

    expect(accepts(isPositive, 3)).toBe(true);
    expect(accepts(isPositive, -3)).toBe(false);
    expect(accepts(isPositive, '3')).toBe(false);
  });

  it('a plain function declaration is a predicate, not a constructor', () => {
    // Arrange: as a constructor, 2 instanceof isEven would be false.
    function isEven(v: unknown): boolean {
      return typeof v === 'number' && v % 2 === 0;
    }

    expect(accepts(isEven, 2)).toBe(true);
    expect(accepts(isEven, 3)).toBe(false);
  });

  it('gets the argument as its only input', () => {
    const seen: unknown[][] = [];
    const record = (...args: unknown[]): boolean => {
      seen.push(args);
      return true;
    };

    runs([record], 'a');

    expect(seen).toEqual([['a']]);
  });

  it('an async predicate is not a match, and the candidate says it returned a Promise', () => {
    // Arrange: an async function always returns a promise, which is truthy.
    const isReady = async (v: unknown) => v === 'ready';
    const f = loose(overload(when([isReady], () => 'async case'), when([Number], () => 'number')));

    // Act
    const forNumber = f(1);
    const error = thrown(() => f('ready')) as NoMatchingOverloadError;

    // Assert
    expect(forNumber).toBe('number');
    expect(error).toBeInstanceOf(NoMatchingOverloadError);
    expect(error.candidates[0]?.errors).toEqual([{ path: '$args[0]', expected: asyncPredicate('isReady'), value: 'ready' }]);
    expect(error.message).toContain(`$args[0]: expected ${asyncPredicate('isReady')}, got string`);
  });

  it('a predicate that returns a thenable is not a match; other truthy objects still are', () => {
    const thenable = { then: () => undefined };
    const echo = (v: unknown) => v;

    expect(accepts(echo, thenable)).toBe(false);
    expect(accepts(echo, Promise.resolve(true))).toBe(false);
    expect(accepts(echo, { ok: true })).toBe(true);
    expect(accepts(echo, () => 0)).toBe(true);
    expect(accepts(echo, 1)).toBe(true);
    expect(accepts(echo, 0)).toBe(false);
  });

  it('a rejected promise from a predicate does not surface as an unhandled rejection', async () => {
    // Arrange
    const unhandled: unknown[] = [];
    const listener = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', listener);
    const failing = async (_v: unknown): Promise<boolean> => {
      throw new Error('async predicate failed');
    };
    const f = loose(overload(when([failing], () => 'never'), when([String], () => 'string')));

    try {
      // Act: one call that matches a later case, one that explains every candidate.
      const result = f('x');
      thrown(() => f(1));
      await new Promise((resolve) => setTimeout(resolve, 20));

      // Assert
      expect(result).toBe('string');
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', listener);
    }
  });
});

describe('Standard Schema v1 matchers', () => {
  const nonEmptyString: StandardSchemaV1<string> = {
    '~standard': {
      version: 1,
      vendor: 'test',
      validate: (value) =>
        typeof value === 'string' && value.length > 0 ? { value } : { issues: [{ message: 'a non-empty string' }] },
    },
  };

  it('accepts values without issues', () => {
    expect(accepts(nonEmptyString, 'abc')).toBe(true);
    expect(accepts(nonEmptyString, '')).toBe(false);
    expect(accepts(nonEmptyString, 1)).toBe(false);
  });

  it('reports the schema issues, with their paths below the argument', () => {
    // Arrange
    const shape: StandardSchemaV1 = {
      '~standard': {
        version: 1,
        vendor: 'test',
        validate: (value) =>
          Array.isArray((value as { a?: unknown }).a)
            ? { value }
            : { issues: [{ message: 'an array', path: ['a'] }, { message: 'a number', path: [{ key: 'b c' }, 0] }] },
      },
    };
    const f = overload(when([shape], () => 0)) as unknown as Loose;
    const value = { a: 1, 'b c': ['x'] };

    // Act
    const error = thrown(() => f(value)) as NoMatchingOverloadError;

    // Assert
    expect(error).toBeInstanceOf(NoMatchingOverloadError);
    expect(error.candidates[0]?.errors).toEqual([
      { path: '$args[0].a', expected: 'an array', value: 1 },
      { path: '$args[0]["b c"][0]', expected: 'a number', value: 'x' },
    ]);
  });

  it('takes X as what was expected from an issue message worded "expected X, got Y" (as typia words them)', () => {
    // Arrange
    const worded: StandardSchemaV1 = {
      '~standard': {
        version: 1,
        vendor: 'worded',
        validate: (value) => ({
          issues: [
            { message: `expected number & Minimum<1>, got ${String(value)}`, path: [] },
            { message: 'Invalid input: expected number, received string' },
          ],
        }),
      },
    };
    const f = loose(overload(when([worded], () => 0)));

    // Act
    const error = thrown(() => f(0)) as NoMatchingOverloadError;

    // Assert
    expect(error.candidates[0]?.errors.map((e) => e.expected)).toEqual(['number & Minimum<1>', 'Invalid input: expected number, received string']);
    expect(error.message.split('\n')[1]).toBe('  (worded schema): $args[0]: expected number & Minimum<1>, got number');
  });

  it('a callable schema (like arktype) is used through ~standard, not called as a predicate', () => {
    // Arrange: calling it would accept everything; its validate accepts numbers only.
    const callable = Object.assign((_value: unknown) => true, {
      '~standard': {
        version: 1 as const,
        vendor: 'arkish',
        validate: (value: unknown) => (typeof value === 'number' ? { value } : { issues: [{ message: 'a number' }] }),
      },
    });

    expect(accepts(callable, 1)).toBe(true);
    expect(accepts(callable, 'x')).toBe(false);
  });

  it('a schema that validates asynchronously builds, then throws SetupError at the call', () => {
    // Arrange
    const asyncSchemaMatcher: StandardSchemaV1 = {
      '~standard': { version: 1, vendor: 'lazy', validate: async (value) => ({ value }) },
    };
    const f = overload(when([asyncSchemaMatcher], () => 0), when([Object], () => 1)) as unknown as Loose;

    // Act
    const error = thrown(() => f(1));

    // Assert: not swallowed as "no match", even though a later case accepts 1
    expect(error).toBeInstanceOf(SetupError);
    expect((error as SetupError).message).toBe(asyncSchema('lazy'));
  });

  it('a schema that reports 200,000 issues: a NoMatchingOverloadError with the first 100 as reasons', () => {
    // Arrange
    const noisy: StandardSchemaV1 = {
      '~standard': { version: 1, vendor: 'noisy', validate: () => ({ issues: Array.from({ length: 200_000 }, (_, i) => ({ message: 'bad', path: [i] })) }) },
    };
    const f = overload(when([noisy], () => 0)) as unknown as Loose;

    // Act
    const error = thrown(() => f([]));

    // Assert: not a RangeError from spreading the issues
    expect(error).toBeInstanceOf(NoMatchingOverloadError);
    const reasons = (error as NoMatchingOverloadError).candidates[0]!.errors;
    expect(reasons).toHaveLength(100);
    expect(reasons[99]!.path).toBe('$args[0][99]');
  });

  it('an object whose ~standard has no validate function is not a matcher', () => {
    const fake = { '~standard': { version: 1, vendor: 'x' } };

    expect(() => when([fake] as unknown as Matcher[], () => 0)).toThrow(SetupError);
  });
});

describe('protocol matchers', () => {
  it('accept what protocol.is accepts', () => {
    const Named = protocol({
      name: 'Named',
      is: (v: unknown): v is { name: string } => typeof (v as { name?: unknown } | null)?.name === 'string',
    });

    expect(accepts(Named, { name: 'Donald' })).toBe(true);
    expect(accepts(Named, { name: 1 })).toBe(false);
    expect(accepts(Named, null)).toBe(false);
  });
});

describe('literal matchers (===)', () => {
  it.each<[string, Matcher, unknown[], unknown[]]>([
    ['null', null, [null], [undefined, 0, '', false]],
    ['undefined', undefined, [undefined], [null, 0, '']],
    ["'hex'", 'hex', ['hex'], ['HEX', 'hex ', new String('hex'), undefined]],
    ['0', 0, [0, -0], ['0', false, 0n, null]],
    ['42', 42, [42], [42.5, '42', 42n]],
    ['true', true, [true], [1, 'true', new Boolean(true)]],
    ['false', false, [false], [0, '', null, undefined]],
    ['10n', 10n, [10n], [10, '10', Object(10n)]],
    ['NaN', NaN, [NaN, Number('x')], ['NaN', undefined, 0]],
  ])('%s accepts that value only', (_name, matcher, good, bad) => {
    const acceptedGood = good.map((v) => accepts(matcher, v));
    const acceptedBad = bad.map((v) => accepts(matcher, v));

    expect(acceptedGood).toEqual(good.map(() => true));
    expect(acceptedBad).toEqual(bad.map(() => false));
  });
});

describe('optional(m)', () => {
  it('accepts an omitted argument, undefined, or what m accepts', () => {
    const matchers = [optional(Number)];

    expect(runs(matchers)).toBe(true);
    expect(runs(matchers, undefined)).toBe(true);
    expect(runs(matchers, 1)).toBe(true);
    expect(runs(matchers, 'x')).toBe(false);
    expect(runs(matchers, null)).toBe(false);
  });

  it('rejects nested modifiers when built', () => {
    expect(thrown(() => optional(optional(Number) as never))).toEqual(new SetupError(nestedModifier('optional')));
    expect(thrown(() => optional(rest(Number) as never))).toEqual(new SetupError(nestedModifier('optional')));
    expect(thrown(() => rest(optional(Number) as never))).toEqual(new SetupError(nestedModifier('rest')));
  });

  it('rejects a bad inner matcher when built', () => {
    expect(() => optional({} as never)).toThrow(SetupError);
    expect(() => rest([] as never)).toThrow(SetupError);
  });
});

describe('rest(m)', () => {
  it('accepts any number of further arguments, each accepted by m', () => {
    const matchers = [rest(String)];

    expect(runs(matchers)).toBe(true);
    expect(runs(matchers, 'a')).toBe(true);
    expect(runs(matchers, 'a', 'b', 'c', 'd', 'e', 'f')).toBe(true);
    expect(runs(matchers, 'a', 1)).toBe(false);
    expect(runs(matchers, 'a', 'b', 'c', 'd', 'e', 1)).toBe(false);
  });

  it('must be the last matcher: a misplaced rest is a SetupError when the case is built', () => {
    const error = thrown(() => when([rest(String), Number], () => 0));

    expect(error).toBeInstanceOf(SetupError);
    expect((error as SetupError).message).toBe(restNotLast('when()', 0));
  });
});

describe('non-matchers', () => {
  it.each<[string, unknown]>([
    ['a plain object', {}],
    ['an array', [Number]],
    ['a Date instance', new Date(0)],
  ])('%s is a SetupError naming its position', (_name, bad) => {
    // Act
    const error = thrown(() => when([Number, bad] as unknown as Matcher[], () => 0));

    // Assert
    expect(error).toBeInstanceOf(SetupError);
    expect((error as SetupError).message).toBe(notAMatcher('when()', 1, bad));
    expect((error as SetupError).message).toContain('matcher 1');
  });

  it('when() needs an array of matchers and a function', () => {
    expect(thrown(() => when(Number as never, () => 0))).toEqual(new SetupError(matchersNotArray(Number)));
    expect(thrown(() => when([Number], 'fn' as never))).toEqual(new SetupError(whenNeedsFunction('fn')));
  });
});
