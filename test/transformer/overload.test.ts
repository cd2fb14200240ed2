/**
 * Typed overload cases (API.md §1, §4, §5), compiled through the duckcall transformer: the
 * parameter types of each case become its guards.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { casesOf, NoMatchingOverloadError, overload, when, which } from '../../src/index.js';
import { perimeterOfRect, type Triangle } from './support/shapes.js';
import { thrown } from '../support/thrown.js';

interface Circle { kind: 'circle'; r: number }
interface Rect { kind: 'rect'; w: number; h: number }

const circle: Circle = { kind: 'circle', r: 1 };
const rect: Rect = { kind: 'rect', w: 2, h: 3 };

export const area = overload(
  (s: Circle) => Math.PI * s.r ** 2,
  (s: Rect) => s.w * s.h,
  (w: number, h: number) => w * h,
);


describe('typed cases', () => {
  it('dispatches inline arrows by their parameter types', () => {
    expect(area(circle)).toBeCloseTo(Math.PI);
    expect(area(rect)).toBe(6);
    expect(area(2, 5)).toBe(10);
    expect(() => area('x' as any)).toThrow(NoMatchingOverloadError);
    // Structural: excess properties are allowed, a wrong property type is not.
    expect(area({ kind: 'rect', w: 1, h: 1, colour: 'red' } as Rect)).toBe(1);
    expect(() => area({ kind: 'rect', w: '1', h: 1 } as any)).toThrow(NoMatchingOverloadError);
  });

  it('dispatches function expressions', () => {
    const describeIt = overload(
      function (n: number) {
        return `number ${n}`;
      },
      function named(s: string, times: number) {
        return s.repeat(times);
      },
    );
    expect(describeIt(4)).toBe('number 4');
    expect(describeIt('ab', 2)).toBe('abab');
    expect(() => describeIt('ab' as any)).toThrow(NoMatchingOverloadError);
  });

  it('does not count a this-parameter as an argument, and passes this through', () => {
    class Counter {
      count = 0;
      add = overload(
        function (this: Counter, n: number) {
          this.count += n;
          return this.count;
        },
        function (this: Counter, label: string, n: number) {
          this.count += n;
          return `${label}=${this.count}`;
        },
      );
    }
    const counter = new Counter();
    expect(counter.add(2)).toBe(2);
    expect(counter.add('total', 3)).toBe('total=5');
    expect(counter.count).toBe(5);
    // One argument is enough for the first case: `this` is not a parameter position.
    expect(casesOf(counter.add).map((c) => c.fn.length)).toEqual([1, 2]);
    expect(which(counter.add, 1)?.fn).toBe(casesOf(counter.add)[0]!.fn);
  });

  it('accepts a function declared elsewhere: a declaration, a const arrow and an import', () => {
    function circumference(s: Circle): number {
      return 2 * Math.PI * s.r;
    }
    const triangleHalf = (t: Triangle): number => (t.b * t.h) / 2;
    const perimeter = overload(circumference, perimeterOfRect, triangleHalf);
    expect(perimeter(circle)).toBeCloseTo(2 * Math.PI);
    expect(perimeter(rect)).toBe(10);
    expect(perimeter({ kind: 'triangle', b: 4, h: 3 })).toBe(6);
    expect(() => perimeter({ kind: 'square' } as any)).toThrow(NoMatchingOverloadError);
    expect(casesOf(perimeter).map((c) => c.fn)).toEqual([circumference, perimeterOfRect, triangleHalf]);
    expect(casesOf(perimeter).map((c) => c.signature)).toEqual([
      '(s: Circle) => number',
      '(s: Rect) => number',
      '(t: Triangle) => number',
    ]);
    // The referenced functions are still ordinary functions.
    expect(perimeterOfRect(rect)).toBe(10);
    expect(circumference(circle)).toBeCloseTo(2 * Math.PI);
  });
});

describe('calls', () => {
  it('guards destructured parameters by their declared types', () => {
    const radius = overload(({ r }: Circle) => r, ([w, h]: [number, number]) => w * h);
    expect(radius(circle)).toBe(1);
    expect(radius([2, 3])).toBe(6);
    expect(() => radius({ r: 1 } as any)).toThrow(NoMatchingOverloadError);
    expect(casesOf(radius).map((c) => c.signature)).toEqual(['({ r }: Circle) => number', '([w, h]: [number, number]) => number']);
  });

  it('returns promises unchanged and lets errors thrown inside a case propagate', async () => {
    const failure = new RangeError('inside the case');
    const run = overload(
      async (n: number) => n + 1,
      (s: string): never => {
        throw failure;
      },
    );
    const result = run(1);
    expect(result).toBeInstanceOf(Promise);
    await expect(result).resolves.toBe(2);
    expect(thrown(() => run('x'))).toBe(failure);
  });

  it('names an overload set assigned to a class field', () => {
    class Printer {
      print = overload((n: number) => `#${n}`, (s: string) => s);
    }
    const error = thrown(() => new Printer().print(null as any)) as NoMatchingOverloadError;
    expect(error.message.split('\n')[0]).toBe('No overload of print() accepts (null).');
  });
});

describe('optional, defaulted and rest parameters', () => {
  it('treats optional and defaulted parameters as optional positions that accept undefined', () => {
    const fmt = overload(
      (n: number, digits?: number) => n.toFixed(digits ?? 0),
      (s: string, suffix = '!') => s + suffix,
    );
    expect(fmt(1.5)).toBe('2');
    expect(fmt(1.25, 1)).toBe('1.3');
    expect(fmt(1.5, undefined)).toBe('2');
    expect(fmt('hi')).toBe('hi!');
    expect(fmt('hi', '?')).toBe('hi?');
    expect(fmt('hi', undefined)).toBe('hi!');
    expect(() => fmt(1, 'x' as any)).toThrow(NoMatchingOverloadError);
    expect(() => fmt('hi', 2 as any)).toThrow(NoMatchingOverloadError);
    expect(() => (fmt as any)(1, 2, 3)).toThrow(NoMatchingOverloadError);
    expect(() => (fmt as any)()).toThrow(NoMatchingOverloadError);
  });

  it('checks every argument of a rest array', () => {
    const join = overload(
      (sep: ';', ...parts: number[]) => parts.join(sep),
      (...parts: string[]) => parts.join(' '),
    );
    expect(join()).toBe('');
    expect(join('a')).toBe('a');
    expect(join('a', 'b', 'c', 'd', 'e', 'f')).toBe('a b c d e f');
    expect(join(';', 1, 2, 3, 4, 5, 6)).toBe('1;2;3;4;5;6');
    expect(join(';')).toBe('');
    expect(() => join('a', 1 as any)).toThrow(NoMatchingOverloadError);
    expect(() => join('a', 'b', 'c', 'd', 'e', 6 as any)).toThrow(NoMatchingOverloadError);
  });

  it('spreads a rest tuple into positions, with its optional elements', () => {
    const pair = overload(
      (...args: [string, number?]) => `${args[0]}:${args[1] ?? '-'}`,
      (...args: [boolean, ...number[]]) => args.length,
    );
    expect(pair('a')).toBe('a:-');
    expect(pair('a', 2)).toBe('a:2');
    expect(pair(true)).toBe(1);
    expect(pair(true, 1, 2, 3, 4, 5)).toBe(6);
    expect(() => (pair as any)('a', 2, 3)).toThrow(NoMatchingOverloadError);
    expect(() => (pair as any)('a', 'b')).toThrow(NoMatchingOverloadError);
    expect(() => (pair as any)()).toThrow(NoMatchingOverloadError);
    expect(() => (pair as any)(true, 'x')).toThrow(NoMatchingOverloadError);
  });
});

describe('generic cases', () => {
  it('checks a type parameter as its constraint', () => {
    const grow = overload(
      <T extends Circle>(s: T): T => ({ ...s, r: s.r * 2 }),
      <T>(x: T[]): number => x.length,
    );
    expect(grow(circle)).toEqual({ kind: 'circle', r: 2 });
    expect(grow({ kind: 'circle', r: 1, label: 'c' })).toEqual({ kind: 'circle', r: 2, label: 'c' });
    expect(grow([1, 'a', null])).toBe(3);
    expect(() => grow(rect as any)).toThrow(NoMatchingOverloadError);
    expect(() => grow({ kind: 'circle' } as any)).toThrow(NoMatchingOverloadError);
  });
});

describe('when(...) cases and overloaded functions as cases', () => {
  it('leaves when(...) cases as they are, mixed with typed cases in order', () => {
    const isEven = (v: unknown): v is number => typeof v === 'number' && v % 2 === 0;
    const even = (n: number) => `even ${n}`;
    const evenFn = when([isEven], even);
    const label = overload(
      when([isEven], (n: number) => `even ${n}`),
      (n: number) => `number ${n}`,
      when([Date], (d: Date) => `date ${d.getUTCFullYear()}`),
      (s: string) => `string ${s}`,
      evenFn,
    );
    expect(label(2)).toBe('even 2');
    expect(label(3)).toBe('number 3');
    expect(label(new Date(Date.UTC(2024, 0, 1)))).toBe('date 2024');
    expect(label('x')).toBe('string x');
    const signatures = casesOf(label).map((c) => c.signature);
    expect(signatures[1]).toBe('(n: number) => string');
    expect(signatures[3]).toBe('(s: string) => string');
    // when(...) cases keep the signature built from their matchers.
    expect(signatures[2]).toBe('(Date)');
    // casesOf reports the function when() was given.
    expect(casesOf(label)[4]!.fn).toBe(even);
  });

  it('splices an overloaded function in at its position; the original is unchanged', () => {
    const moreArea = overload(area, (t: Triangle) => (t.b * t.h) / 2);
    expect(moreArea({ kind: 'triangle', b: 4, h: 3 })).toBe(6);
    expect(moreArea(rect)).toBe(6);
    expect(moreArea(2, 3)).toBe(6);
    expect(casesOf(moreArea).map((c) => c.signature)).toEqual([
      '(s: Circle) => number',
      '(s: Rect) => number',
      '(w: number, h: number) => number',
      '(t: Triangle) => number',
    ]);
    expect(casesOf(area)).toHaveLength(3);
    expect(() => area({ kind: 'triangle', b: 4, h: 3 } as any)).toThrow(NoMatchingOverloadError);
    // Spliced in front: the new case comes first.
    const first = overload((n: 0) => 'zero', area);
    expect(first(0)).toBe('zero');
    expect(first(rect)).toBe(6);
  });
});

describe('order', () => {
  interface HasRadius { r: number }
  interface HasLabel { label: string }
  it('runs the first case that fits when two overlap and neither shadows the other', () => {
    const both = { r: 1, label: 'x' };
    const radiusFirst = overload(
      (s: HasRadius) => 'radius',
      (s: HasLabel) => 'label',
    );
    const labelFirst = overload(
      (s: HasLabel) => 'label',
      (s: HasRadius) => 'radius',
    );
    expect(radiusFirst(both)).toBe('radius');
    expect(labelFirst(both)).toBe('label');
    expect(radiusFirst({ label: 'only' })).toBe('label');
    expect(labelFirst({ r: 2 })).toBe('radius');
    // Literal returns keep their literal type (overload's cases are a const type parameter).
    expect(which(radiusFirst, both)?.signature).toBe("(s: HasRadius) => 'radius'");
    expect(which(labelFirst, both)?.signature).toBe("(s: HasLabel) => 'label'");
  });
});

describe('errors and introspection', () => {
  it('names the variable and explains every candidate', () => {
    const error = thrown(() => area(true as any)) as NoMatchingOverloadError;
    expect(error).toBeInstanceOf(NoMatchingOverloadError);
    expect(error).toBeInstanceOf(TypeError);
    expect(error.name).toBe('NoMatchingOverloadError');
    expect(error.code).toBe('ERR_NO_MATCHING_OVERLOAD');
    expect(error.message).toBe(
      [
        'No overload of area() accepts (boolean).',
        '  (s: Circle) => number: $args[0]: expected Circle, got boolean',
        '  (s: Rect) => number: $args[0]: expected Rect, got boolean',
        '  (w: number, h: number) => number: expected 2 arguments, got 1',
      ].join('\n'),
    );
    expect(error.args).toEqual([true]);
    expect(error.candidates.map((c) => c.signature)).toEqual([
      '(s: Circle) => number',
      '(s: Rect) => number',
      '(w: number, h: number) => number',
    ]);
    expect(error.candidates[0]!.errors).toEqual([{ path: '$args[0]', expected: 'Circle', value: true }]);
    expect(area.name).toBe('area');
  });

  it('reports nested reasons with $args-rooted paths', () => {
    const error = thrown(() => area({ kind: 'rect', w: 2, h: 'x' } as any)) as NoMatchingOverloadError;
    expect(error.candidates[1]!.errors).toContainEqual({ path: '$args[0].h', expected: 'number', value: 'x' });
    expect(error.message.split('\n')[0]).toBe('No overload of area() accepts (object).');
  });

  it('lists the signatures as written and tells which case would run', () => {
    expect(casesOf(area).map((c) => c.signature)).toEqual([
      '(s: Circle) => number',
      '(s: Rect) => number',
      '(w: number, h: number) => number',
    ]);
    expect(which(area, rect)?.signature).toBe('(s: Rect) => number');
    expect(which(area, 2, 3)?.signature).toBe('(w: number, h: number) => number');
    expect(which(area, true)).toBeUndefined();
    expect(which(area, circle)?.fn).toBe(casesOf(area)[0]!.fn);
  });

  it('keeps the signature as written for optional, defaulted and rest parameters', () => {
    const f = overload(
      (n: number, digits?: number) => n,
      (s: string, suffix = '!') => s,
      (...parts: boolean[]) => parts.length,
    );
    expect(casesOf(f).map((c) => c.signature)).toEqual([
      '(n: number, digits?: number) => number',
      '(s: string, suffix?: string) => string',
      '(...parts: boolean[]) => number',
    ]);
  });
});

describe('static types', () => {
  it('gives each call the return type of its case', () => {
    const f = overload(
      (n: number) => n * 2,
      (s: string) => s.length > 0,
      (d: Date) => [d],
    );
    expectTypeOf(f(1)).toEqualTypeOf<number>();
    expectTypeOf(f('a')).toEqualTypeOf<boolean>();
    expectTypeOf(f(new Date(0))).toEqualTypeOf<Date[]>();
    expectTypeOf(area(circle)).toEqualTypeOf<number>();
    expect(f(1)).toBe(2);
    expect(f('a')).toBe(true);
  });

  it('rejects a bad argument at compile time', () => {
    // Never called: `npx tsc -p test/tsconfig.json` fails if any of these lines compiles.
    function neverCalled(): void {
      // @ts-expect-error boolean is no case's parameter type
      area(true);
      // @ts-expect-error a Circle with a missing property
      area({ kind: 'circle' });
      // @ts-expect-error three numbers fit no case
      area(1, 2, 3);
    }
    expect(typeof neverCalled).toBe('function');
  });
});
