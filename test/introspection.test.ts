import { describe, expect, it, vi } from 'vitest';
import { casesOf, optional, overload, rest, when, which } from '../src/index.js';

describe('casesOf', () => {
  it('lists the cases in order with signatures built from their matchers and the functions that run', () => {
    // Arrange
    const fixed = (n: number, digits = 2) => n.toFixed(digits);
    const iso = (d: Date) => d.toISOString();
    const hex = (_: 'hex', n: number) => n.toString(16);
    const join = (...parts: string[]) => parts.join(' ');
    const fmt = overload(
      when([Number, optional(Number)], fixed),
      when([Date], iso),
      when(['hex', Number], hex),
      when([String, rest(String)], join),
    );

    // Act
    const cases = casesOf(fmt);

    // Assert
    expect(cases.map((c) => c.signature)).toEqual(['(Number, optional(Number))', '(Date)', "('hex', Number)", '(String, rest(String))']);
    expect(cases.map((c) => c.fn)).toEqual([fixed, iso, hex, join]);
    expect(cases[0]?.fn).toBe(fixed);
    expect(cases[3]?.fn).toBe(join);
  });

  it('names predicates, literals and zero-argument cases in signatures', () => {
    const isPositive = (v: unknown) => typeof v === 'number' && v > 0;
    const f = overload(when([isPositive, null, 1n, optional(true)], () => 0), when([], () => 1));

    const signatures = casesOf(f).map((c) => c.signature);

    expect(signatures).toEqual(['(isPositive, null, 1n, optional(true))', '()']);
  });

  it('shows spliced cases at the position of the overloaded function they came from', () => {
    const a = () => 'a';
    const b = () => 'b';
    const c = () => 'c';
    const base = overload(when([Number], a), when([String], b));

    const extended = overload(when([Boolean], c), base);

    expect(casesOf(extended).map((x) => x.fn)).toEqual([c, a, b]);
    expect(casesOf(extended).map((x) => x.signature)).toEqual(['(Boolean)', '(Number)', '(String)']);
    expect(casesOf(base).map((x) => x.fn)).toEqual([a, b]);
  });

  it('throws TypeError for a function that is not overloaded', () => {
    const plain = (n: number) => n;
    const marked = when([Number], (n: number) => n);

    expect(() => casesOf(plain)).toThrow(TypeError);
    expect(() => casesOf(marked)).toThrow(TypeError);
  });
});

describe('which', () => {
  it('returns the case that would run, without running it', () => {
    // Arrange
    const onNumber = vi.fn((_n: number) => 'number');
    const onString = vi.fn((_s: string) => 'string');
    const f = overload(when([Number], onNumber), when([String], onString));

    // Act
    const forString = which(f, 'x');
    const forNumber = which(f, 1);

    // Assert
    expect(forString?.fn).toBe(onString);
    expect(forString?.signature).toBe('(String)');
    expect(forNumber?.fn).toBe(onNumber);
    expect(onNumber).not.toHaveBeenCalled();
    expect(onString).not.toHaveBeenCalled();
  });

  it('follows the same first-match and argument-count rules as a call', () => {
    const one = () => 1;
    const two = () => 2;
    const many = () => 3;
    const f = overload(when([Number], one), when([Number, optional(Number)], two), when([rest(Number)], many));

    expect(which(f)?.fn).toBe(many);
    expect(which(f, 1)?.fn).toBe(one);
    expect(which(f, 1, undefined)?.fn).toBe(two);
    expect(which(f, 1, 2, 3, 4, 5, 6)?.fn).toBe(many);
  });

  it('returns undefined when no case accepts the arguments', () => {
    const f = overload(when([Number], () => 0));

    expect(which(f, 'x')).toBeUndefined();
    expect(which(f)).toBeUndefined();
    expect(which(f, 1, 2)).toBeUndefined();
  });

  it('throws TypeError for a function that is not overloaded', () => {
    expect(() => which((n: number) => n, 1)).toThrow(TypeError);
  });
});
