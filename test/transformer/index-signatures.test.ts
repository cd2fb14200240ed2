import { describe, expect, it } from 'vitest';
import { is, validate } from '../../src/index.js';

interface DataAttributes {
  id: string;
  [attribute: `data-${string}`]: string;
}

interface Tagged {
  [tag: symbol]: number;
}

const tag = Symbol('tag');

describe('index signatures keyed by a template literal type', () => {
  it('check the values of keys that fit the key type, and leave other keys alone', () => {
    expect(is<DataAttributes>({ id: 'a', 'data-x': 'y', other: 1 })).toBe(true);
    expect(is<DataAttributes>({ id: 'a' })).toBe(true);
    expect(is<DataAttributes>({ id: 'a', 'data-x': 1 })).toBe(false);
  });

  it('fit only object literals, as TypeScript gives implicit index signatures to those alone', () => {
    class Element {
      id = 'a';
    }
    expect(is<DataAttributes>(new Element())).toBe(false);
    expect(validate<DataAttributes>({ id: 'a', 'data-x': 2 }).success).toBe(false);
  });
});

describe('index signatures keyed by symbol', () => {
  it('check the values of symbol keys only', () => {
    expect(is<Tagged>({ [tag]: 1, name: 'x' })).toBe(true);
    expect(is<Tagged>({ [tag]: 'one' })).toBe(false);
    expect(is<Tagged>({})).toBe(true);
  });
});
