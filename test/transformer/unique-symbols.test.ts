import { describe, expect, it } from 'vitest';
import { is, overload } from '../../src/index.js';

const RED = Symbol('red');
const GREEN = Symbol('green');

interface Tagged {
  color: typeof RED | typeof GREEN;
}

describe('unique symbol types', () => {
  it('accept that one symbol, not any symbol', () => {
    expect(is<typeof RED>(RED)).toBe(true);
    expect(is<typeof RED>(GREEN)).toBe(false);
    expect(is<typeof RED>(Symbol('red'))).toBe(false);
    expect(is<Tagged>({ color: GREEN })).toBe(true);
    expect(is<Tagged>({ color: Symbol('blue') })).toBe(false);
  });

  it('tell overload cases apart', () => {
    const paint = overload((c: typeof RED) => 'red', (c: typeof GREEN) => 'green');
    expect(paint(GREEN)).toBe('green');
    expect(paint(RED)).toBe('red');
  });

  it('include the well-known symbols', () => {
    expect(is<typeof Symbol.iterator>(Symbol.iterator)).toBe(true);
    expect(is<typeof Symbol.iterator>(Symbol.asyncIterator)).toBe(false);
  });
});
