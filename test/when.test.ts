/**
 * `when(matchers, fn)` returns a stand-in for `fn` that carries the matchers; `fn` itself is never
 * marked, so one function can be a case several times with different matchers.
 */
import { describe, expect, it } from 'vitest';
import { NoMatchingOverloadError, SetupError, casesOf, overload, when, which } from '../src/index.js';
import { caseWithoutGuards } from '../src/messages.js';
import { loose, thrown } from './support/thrown.js';

const MATCHERS = Symbol.for('duckcall/matchers');

describe('one function in several cases', () => {
  it('keeps every case when the same function is given different matchers', () => {
    // Arrange
    const show = (v: unknown) => `<${String(v)}>`;
    const f = loose(overload(when([Number], show), when([Boolean], show)));

    // Act
    const forNumber = f(1);
    const forBoolean = f(true);

    // Assert
    expect(forNumber).toBe('<1>');
    expect(forBoolean).toBe('<true>');
    expect(casesOf(f).map((c) => c.signature)).toEqual(['(Number)', '(Boolean)']);
    expect(thrown(() => f('x'))).toBeInstanceOf(NoMatchingOverloadError);
  });

  it('keeps every case of a shared built-in such as String, and leaves String unmarked', () => {
    // Arrange
    const f = loose(overload(when([Number], String), when([Boolean], String), when([null], String)));

    // Act
    const results = [f(1), f(false), f(null)];

    // Assert
    expect(results).toEqual(['1', 'false', 'null']);
    expect(Object.getOwnPropertySymbols(String)).not.toContain(MATCHERS);
    expect(casesOf(f).map((c) => c.fn)).toEqual([String, String, String]);
  });

  it('does not turn fn itself into a case: a bare fn after when(…, fn) still has no guards', () => {
    const area = function area(s: { r: number }) {
      return s.r;
    };
    when([(v: unknown): v is { r: number } => typeof v === 'object' && v !== null && 'r' in v], area);

    const error = thrown(() => overload(area));

    expect(error).toEqual(new SetupError(caseWithoutGuards(0, 'area')));
  });

  it('marks a frozen function too', () => {
    const frozen = Object.freeze((n: number) => n + 1);

    const f = loose(overload(when([Number], frozen)));

    expect(f(1)).toBe(2);
  });
});

describe('the stand-in when returns', () => {
  it('is fn to a caller: same result, `this` and every argument passed through, same name, length and properties', () => {
    // Arrange
    const scaled = Object.assign(
      function scaled(this: { factor: number }, n: number, ...more: number[]) {
        return [this.factor * n, more.length];
      },
      { unit: 'cm' },
    );

    // Act
    const marked = when([Number], scaled);

    // Assert
    expect(marked.call({ factor: 3 }, 2, 7, 8)).toEqual([6, 2]);
    expect(marked.name).toBe('scaled');
    expect(marked.length).toBe(1);
    expect(marked.unit).toBe('cm');
    expect(typeof marked).toBe('function');
  });

  it('passes `this` through when the overloaded function is called as a method', () => {
    const describeIt = function (this: { label: string }, n: number) {
      return `${this.label}:${n}`;
    };
    const holder = { label: 'h', f: loose(overload(when([Number], describeIt))) };

    expect(holder.f(4)).toBe('h:4');
  });

  it('casesOf and which report fn, not the stand-in', () => {
    const show = (v: unknown) => String(v);
    const marked = when([Number], show);
    const f = overload(marked, when([Boolean], show));

    expect(casesOf(f)[0]?.fn).toBe(show);
    expect(which(f, true)?.fn).toBe(show);
    expect(which(f, true)?.signature).toBe('(Boolean)');
  });

  it('given to when again, takes the new matchers and still runs and reports fn', () => {
    const show = (v: unknown) => `<${String(v)}>`;
    const first = when([Number], show);

    const again = when([String], first);
    const f = loose(overload(first, again));

    expect(casesOf(f).map((c) => [c.signature, c.fn])).toEqual([
      ['(Number)', show],
      ['(String)', show],
    ]);
    expect(f('s')).toBe('<s>');
    expect(f(2)).toBe('<2>');
  });
});
