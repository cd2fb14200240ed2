/**
 * The walk behind `validate` keeps its state (frames, the failing objects it has walked, the `seen`
 * of its one-level checks) for the next walk at the same nesting. These tests pin what that reuse
 * must not change: a walk started from a getter in the middle of another gets exactly the issues it
 * gets on its own, and so does the outer one; a walk that stopped at the issue limit, or read a
 * throwing getter, leaves nothing behind; and a failing object reached twice is reported once,
 * whether the walk has listed few failing objects or enough to keep them in a map.
 */
import { describe, expect, it } from 'vitest';
import { validate, type Validation } from '../../src/index.js';

interface Point {
  x: number;
  y: number;
}
interface Shape {
  name: string;
  points: Point[];
}
interface Item {
  id: number;
}
interface List {
  value: number;
  next: List | null;
}

function errorsOf<T>(result: Validation<T>): unknown {
  return result.success ? 'success' : result.errors;
}

const bad = (): unknown => ({ name: 1, points: [{ x: 'a', y: 2 }, { x: 1, y: 'b' }, 7] });
const manyBad = (): unknown => ({ name: 'many', points: Array.from({ length: 150 }, (_, i) => ({ x: `x${i}`, y: i })) });

describe('validate called from a getter during validate', () => {
  it('the inner and the outer walk each get the issues they get on their own', () => {
    const alone = errorsOf(validate<Shape>(bad()));
    const inner: unknown[] = [];
    const outer = {
      name: 5,
      // Read when the walk lists the properties (the guard stops at `name`).
      get points(): unknown {
        inner.push(errorsOf(validate<Shape>(bad())));
        return [{ x: 1, y: null }, 3];
      },
    };
    const twin = { name: 5, points: [{ x: 1, y: null }, 3] };
    expect(errorsOf(validate<Shape>(outer))).toEqual(errorsOf(validate<Shape>(twin)));
    expect(inner.length).toBeGreaterThan(0);
    for (const errors of inner) expect(errors).toEqual(alone);
    expect(alone).toEqual([
      { path: '$input.name', expected: 'string', value: 1 },
      { path: '$input.points[0].x', expected: 'number', value: 'a' },
      { path: '$input.points[1].y', expected: 'number', value: 'b' },
      { path: '$input.points[2]', expected: 'Point', value: 7 },
    ]);
  });

  it('an inner walk that stops at 100 issues leaves the outer walk and the next walks as they were', () => {
    const alone = errorsOf(validate<Shape>(manyBad()));
    expect(Array.isArray(alone) && alone.length).toBe(100);
    const inner: unknown[] = [];
    const point = {
      get x(): unknown {
        inner.push(errorsOf(validate<Shape>(manyBad())));
        return 'outer x';
      },
      y: 1,
    };
    const outer = { name: 'outer', points: [point, { x: 2, y: 'outer y' }] };
    expect(errorsOf(validate<Shape>(outer))).toEqual([
      { path: '$input.points[0].x', expected: 'number', value: 'outer x' },
      { path: '$input.points[1].y', expected: 'number', value: 'outer y' },
    ]);
    expect(inner.length).toBeGreaterThan(0);
    for (const errors of inner) expect(errors).toEqual(alone);
    expect(errorsOf(validate<Shape>(manyBad()))).toEqual(alone);
    expect(errorsOf(validate<Shape>(bad()))).toEqual(errorsOf(validate<Shape>(bad())));
  });

  it('a recursive type walked from a getter of a recursive type: each walk checks its own levels', () => {
    const list = (values: unknown[]): unknown => values.reduceRight<unknown>((next, value) => ({ value, next }), null);
    const alone = errorsOf(validate<List>(list([1, 'two', 3, 'four'])));
    expect(alone).toEqual([
      { path: '$input.next.value', expected: 'number', value: 'two' },
      { path: '$input.next.next.next.value', expected: 'number', value: 'four' },
    ]);
    const inner: unknown[] = [];
    const outer = {
      value: 0,
      next: {
        get value(): unknown {
          inner.push(errorsOf(validate<List>(list([1, 'two', 3, 'four']))));
          return 'one';
        },
        next: { value: 2, next: { value: null, next: null } },
      },
    };
    expect(errorsOf(validate<List>(outer))).toEqual([
      { path: '$input.next.value', expected: 'number', value: 'one' },
      { path: '$input.next.next.next.value', expected: 'number', value: null },
    ]);
    expect(inner.length).toBeGreaterThan(0);
    for (const errors of inner) expect(errors).toEqual(alone);
  });

  it('a getter that throws in the inner walk is an issue there, and the outer walk goes on', () => {
    const throwing = {
      name: 'inner',
      get points(): unknown {
        throw new Error('hostile');
      },
    };
    const inner: Array<Validation<Shape>> = [];
    const outer = {
      get name(): unknown {
        inner.push(validate<Shape>(throwing));
        return 3;
      },
      points: [],
    };
    expect(errorsOf(validate<Shape>(outer))).toEqual([{ path: '$input.name', expected: 'string', value: 3 }]);
    expect(inner.length).toBeGreaterThan(0);
    for (const result of inner) {
      expect(result.success === false && result.errors.map((issue) => [issue.path, issue.expected])).toEqual([['$input.points', 'Point[] (reading it threw)']]);
    }
  });
});

describe('a failing object reached twice', () => {
  // Each (node, value) pair is walked once: the second time the object is met, its failure is
  // already reported where it was met first.
  for (const others of [3, 40]) {
    it(`is reported where it is met first (${others} other failing objects)`, () => {
      const shared = { id: 'shared' };
      const items = [shared, ...Array.from({ length: others }, (_, i) => ({ id: `item ${i}` })), shared];
      const result = validate<Item[]>(items);
      expect(result.success).toBe(false);
      const paths = result.success ? [] : result.errors.map((issue) => issue.path);
      expect(paths).toEqual(Array.from({ length: others + 1 }, (_, i) => `$input[${i}].id`));
    });
  }

  it('a cycle of failing objects longer than the listed pairs ends, each object reported once', () => {
    const nodes: Array<{ value: unknown; next: unknown }> = Array.from({ length: 40 }, (_, i) => ({ value: `v${i}`, next: null }));
    nodes.forEach((node, i) => (node.next = nodes[(i + 1) % nodes.length]));
    const result = validate<List>(nodes[0]);
    const paths = result.success ? [] : result.errors.map((issue) => issue.path);
    expect(paths).toEqual(Array.from({ length: 40 }, (_, i) => `$input${'.next'.repeat(i)}.value`));
  });
});
