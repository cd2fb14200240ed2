import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { casesOf, NoMatchingOverloadError, overload, when, which } from '../../src/index.js';
import { compiled } from '../../src/compiled.js';

interface Circle { kind: 'circle'; r: number }
interface Rect { kind: 'rect'; w: number; h: number }
class Point {
  constructor(readonly x: number) {}
}

// Each case returns its own index, so the test sees which one ran.
const typed = overload(
  (s: Circle) => 0,
  (s: Rect) => 1,
  (p: Point) => 2,
  (w: number, h?: number) => 3,
  (t: string, n = 1) => 4,
  (flag: boolean | null, list: number[], tag: 'a' | 'b') => 5,
  () => 6,
);

const values = fc.oneof(
  fc.anything(),
  fc.record({ kind: fc.constantFrom('circle', 'rect', 'x'), r: fc.oneof(fc.double(), fc.string()), w: fc.integer(), h: fc.option(fc.integer(), { nil: undefined }) }, { requiredKeys: ['kind'] }),
  fc.integer().map((x) => new Point(x)),
  fc.array(fc.oneof(fc.integer(), fc.string())),
  fc.constantFrom('a', 'b', null, true, undefined),
);

describe('the generated straight-line dispatcher', () => {
  it('is what a set of typed cases compiles to', () => {
    expect(typed.toString()).toContain('switch (arguments.length)');
  });

  it('runs the case the generic dispatcher selects, for any arguments', () => {
    fc.assert(
      fc.property(fc.array(values, { maxLength: 4 }), (args) => {
        const chosen = which(typed, ...args);
        const expected = chosen ? casesOf(typed).indexOf(chosen) : -1;
        let ran: unknown;
        try {
          ran = (typed as (...a: unknown[]) => unknown)(...args);
        } catch (error) {
          expect(error).toBeInstanceOf(NoMatchingOverloadError);
          ran = -1;
        }
        expect(ran).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('passes a defaulted parameter as left out, so its default applies', () => {
    const f = overload((t: string, n = 7) => `${t}${n}`, (n: number) => n);
    expect(f('x')).toBe('x7');
    expect(f('x', undefined)).toBe('x7');
    expect(f('x', 2)).toBe('x2');
  });

  it('keeps `this`, and gives errors the set’s name', () => {
    const counter = { step: 5, bump: overload(function (this: { step: number }, n: number) { return n + this.step }) };
    expect(counter.bump(1)).toBe(6);
    expect(() => (counter.bump as (x: unknown) => unknown)('x')).toThrow(/^No overload of bump\(\) accepts \(string\)\./);
  });

  it('calls a case that reads `this` with the dispatcher’s own, and one that cannot directly', () => {
    function scaled(this: { factor: number }, n: number) {
      return n * this.factor;
    }
    function labelled(s: string) {
      return `<${s}>`;
    }
    const withThis = { factor: 3, f: overload(scaled, labelled, (b: boolean) => (b ? 1 : 0)) };

    expect(withThis.f(2)).toBe(6);
    expect(withThis.f('x')).toBe('<x>');
    expect(withThis.f(true)).toBe(1);
    const source = withThis.f.toString();
    expect(source).toMatch(/return c0\.call\(this, a\)/);
    expect(source).toMatch(/return c1\(a\)/);
    expect(source).toMatch(/return c2\(a\)/);
  });

  it('lets a guard that throws fall back to case-by-case dispatch, which skips that case', () => {
    const hostile = new Proxy({}, { get() { throw new Error('trap'); } });
    const f = overload((s: Circle) => 'circle', (x: object) => 'object');
    expect(f(hostile as never)).toBe('object');
  });

  it('can be spliced into another set like any overloaded function', () => {
    const more = overload(typed, when([Symbol], () => 7));
    expect(more(Symbol('s') as never)).toBe(7);
    expect(more(2, 3)).toBe(3);
  });
});

describe('compiled(build, ...cases), the runtime entry generated code calls', () => {
  const isNumber = (v: unknown): v is number => typeof v === 'number';
  const doubleFn = (n: number) => n * 2;
  const double = when([isNumber], doubleFn);

  it('returns what build returns, marked as an overloaded function with those cases', () => {
    const f = compiled((fallback, c0) => function (this: unknown, a: unknown) {
      return typeof a === 'number' ? (c0 as (n: number) => number)(a) : (fallback as Function).apply(this, arguments);
    }, double);
    expect((f as (a: unknown) => unknown)(4)).toBe(8);
    expect(casesOf(f).map((c) => c.fn)).toEqual([doubleFn]);
    expect(() => (f as (a: unknown) => unknown)('x')).toThrow(NoMatchingOverloadError);
  });

  it('names errors after the function it returns, read when the error is built', () => {
    const f = compiled((fallback) => function (this: unknown) { return (fallback as Function).apply(this, arguments); }, double);
    Object.defineProperty(f, 'name', { value: 'twice' });
    expect(() => (f as (a: unknown) => unknown)('x')).toThrow(/^No overload of twice\(\)/);
  });

  it('rejects a build that does not return a function', () => {
    expect(() => compiled(() => 42, double)).toThrow(/generated dispatcher is not a function/);
  });
});
