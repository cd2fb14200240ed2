import { describe, expect, it } from 'vitest';
import { NoMatchingOverloadError, overload } from '../../src/index.js';

interface Circle { kind: 'circle'; r: number }
interface Rect { kind: 'rect'; w: number; h: number }

const area = overload(
  (s: Circle) => Math.PI * s.r ** 2,
  (s: Rect) => s.w * s.h,
  (w: number, h: number) => w * h,
);

const pick = overload((x: { a: number } | string) => 'first', (x: { b: number }) => 'second');

// Calls whose argument types the compiler knows. A value that lies about its type tells a direct
// call (the case runs) from dispatch (NoMatchingOverloadError).
const lyingCircle = { kind: 'square' } as unknown as Circle;
const lyingPair = ['2', '3'] as unknown as [number, number];

describe('directCalls: calls whose static types select one case', () => {
  it('call that case, with the same results as dispatch', () => {
    expect(area({ kind: 'circle', r: 1 })).toBeCloseTo(Math.PI);
    expect(area({ kind: 'rect', w: 2, h: 3 })).toBe(6);
    expect(area(2, 3)).toBe(6);
  });

  it('skip the runtime check, which is why the option is off by default', () => {
    expect(area(lyingCircle)).toBeNaN();
    expect(area(lyingPair[0], lyingPair[1])).toBe(6);
  });

  it('still dispatch when the static type cannot decide or says nothing', () => {
    const loose: any = { kind: 'square' };
    expect(() => area(loose)).toThrow(NoMatchingOverloadError);
    const either = { kind: 'rect', w: 1, h: 4 } as Circle | Rect;
    expect((area as (s: Circle | Rect) => number)(either)).toBe(4);
    const indirect = area;
    expect(() => indirect(lyingCircle)).toThrow(NoMatchingOverloadError);
  });

  it('still dispatch when an earlier case could accept such arguments at run time', () => {
    const both: { b: number } = { a: 1, b: 2 } as { b: number };
    expect(pick(both)).toBe('first');
  });
});
