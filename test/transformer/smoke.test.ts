import { describe, expect, it } from 'vitest';
import { is, overload, validate } from '../../src/index.js';

interface Circle { kind: 'circle'; r: number }
interface Rect { kind: 'rect'; w: number; h: number }

describe('the Vite plugin runs the transformer', () => {
  it('guards typed cases', () => {
    const area = overload((s: Circle) => s.r, (s: Rect) => s.w * s.h);
    expect(area({ kind: 'rect', w: 2, h: 3 })).toBe(6);
    expect(is<Circle>({ kind: 'circle', r: 1 })).toBe(true);
    expect(validate<Rect>({ kind: 'rect', w: 'x', h: 1 })).toEqual({ success: false, errors: [{ path: '$input.w', expected: 'number', value: 'x' }] });
  });
});

describe('instantiation expressions', () => {
  it('turn is<T> into a function that can be passed around', () => {
    const values: unknown[] = [{ kind: 'circle', r: 1 }, 3, { kind: 'rect', w: 1, h: 1 }, { kind: 'circle', r: 'x' }];
    const circles = values.filter(is<Circle>);
    expect(circles).toEqual([{ kind: 'circle', r: 1 }]);
  });
});
