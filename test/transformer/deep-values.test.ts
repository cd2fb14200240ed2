/**
 * API.md §1 "Any value, any depth": the right verdict for values 100,000 levels deep and for cyclic
 * values, `validate` reporting at most 100 issues on values of any size, and checks that stay right
 * when one runs inside another (a getter that checks). Issue 9, items 1–3.
 */
import { describe, expect, it } from 'vitest';
import { is, overload, protocol, validate } from '../../src/index.js';

interface List { value: number; next: List | undefined }
interface Tree { label: string; children: Tree[] }
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Nested = number | Nested[];
interface Ring { id: number; peers: Map<string, Ring> }

const DEPTH = 100_000;

function list(depth: number, last: unknown = 0): List {
  let head: unknown = { value: last, next: undefined };
  for (let i = 1; i < depth; i++) head = { value: i, next: head };
  return head as List;
}

function tree(depth: number, leaf: unknown = 'leaf'): Tree {
  let node: unknown = { label: leaf, children: [] };
  for (let i = 1; i < depth; i++) node = { label: `n${i}`, children: [{ label: 'x', children: [] }, node] };
  return node as Tree;
}

function nestedArrays(depth: number, inner: unknown): unknown {
  let value: unknown = [inner];
  for (let i = 1; i < depth; i++) value = [value];
  return value;
}

describe('deep values get the right verdict', () => {
  it('a 100,000-deep linked list: valid, and invalid at the bottom', () => {
    expect(is<List>(list(DEPTH))).toBe(true);
    expect(is<List>(list(DEPTH, 'not a number'))).toBe(false);
  });

  it('a 100,000-deep tree reached through arrays', () => {
    expect(is<Tree>(tree(DEPTH))).toBe(true);
    expect(is<Tree>(tree(DEPTH, 42))).toBe(false);
  });

  it('100,000 nested arrays of a recursive union (no object type in the cycle)', () => {
    expect(is<Json>(nestedArrays(DEPTH, { a: [1, 'b', null] }))).toBe(true);
    expect(is<Json>(nestedArrays(DEPTH, { a: [undefined] }))).toBe(false);
    expect(is<Nested>(nestedArrays(DEPTH, 7))).toBe(true);
    expect(is<Nested>(nestedArrays(DEPTH, '7'))).toBe(false);
  });

  it('a recursive type reached through a Map', () => {
    let ring: Ring = { id: 0, peers: new Map() };
    for (let i = 1; i < DEPTH; i++) ring = { id: i, peers: new Map([['prev', ring]]) };
    expect(is<Ring>(ring)).toBe(true);
    let bad: unknown = { id: 'x', peers: new Map() };
    for (let i = 1; i < DEPTH; i++) bad = { id: i, peers: new Map([['prev', bad]]) };
    expect(is<Ring>(bad)).toBe(false);
  });

  it('a compiled dispatcher picks its case for deep arguments', () => {
    const kind = overload(
      (l: List) => 'list',
      (t: Tree) => 'tree',
      (x: unknown) => 'other',
    );
    expect(kind(list(DEPTH))).toBe('list');
    expect(kind(tree(DEPTH))).toBe('tree');
    expect(kind(list(DEPTH, 'bad'))).toBe('other');
  });

  it('validate reports the one bad leaf of a deep list, at its full path', () => {
    const result = validate<List>(list(20_000, 'bad'));
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]!.path).toBe('$input' + '.next'.repeat(19_999) + '.value');
    expect(result.errors[0]!.expected).toBe('number');
    expect(result.errors[0]!.value).toBe('bad');
  });

  it('validate on a 100,000-deep list and tree: one issue each, and success with the value itself', () => {
    const bad = validate<List>(list(DEPTH, 'bad'));
    expect(bad.success === false && bad.errors.length).toBe(1);
    const badTree = validate<Tree>(tree(DEPTH, 1));
    expect(badTree.success === false && badTree.errors.map((e) => e.expected)).toEqual(['string']);
    const good = list(DEPTH);
    const result = validate<List>(good);
    expect(result.success && result.data).toBe(good);
  });
});

describe('cyclic values', () => {
  it('a cycle that fits is accepted, one that does not is rejected', () => {
    const a: { value: unknown; next: unknown } = { value: 1, next: undefined };
    const b = { value: 2, next: a };
    a.next = b;
    expect(is<List>(a)).toBe(true);
    b.value = 'two' as never;
    expect(is<List>(a)).toBe(false);
    const result = validate<List>(a);
    expect(result.success === false && result.errors.map((e) => e.path)).toEqual(['$input.next.value']);
  });

  it('a self-containing array for a recursive union', () => {
    const array: unknown[] = [1];
    array.push(array);
    expect(is<Nested>(array)).toBe(true);
    array.push('x');
    expect(is<Nested>(array)).toBe(false);
  });
});

describe('re-entrant checks', () => {
  it('a check run from a getter during another check of the same type gets its own verdict', () => {
    const invalid = { value: 'no', next: undefined };
    let inner: boolean | undefined;
    const outer = {
      value: 1,
      get next() {
        inner = is<List>(invalid);
        return undefined;
      },
    };
    expect(is<List>(outer)).toBe(true);
    expect(inner).toBe(false);
  });

  it('a getter that checks the value being checked (a cycle through the check) is not a false true', () => {
    let inner: boolean | undefined;
    const node = {
      value: 1,
      get next(): unknown {
        if (inner === undefined) inner = is<List>(node);
        return 'not a list';
      },
    };
    expect(is<List>(node)).toBe(false);
    expect(inner).toBe(false);
  });

  it('a getter that throws halfway leaves nothing behind for the next check', () => {
    const ListP = protocol<List>();
    const shared = { value: 1, next: undefined };
    const throwing = { value: 1, get next(): unknown { throw new Error('boom'); } };
    expect(ListP.is({ value: 0, next: { value: 0, next: throwing } })).toBe(false);
    expect(ListP.is({ value: 0, next: shared })).toBe(true);
    expect(ListP.is({ value: 0, next: { value: 'x', next: undefined } })).toBe(false);
  });
});

describe('validate reports at most 100 issues', () => {
  it('a million invalid elements', () => {
    const values = Array.from({ length: 1_000_000 }, () => 'x');
    const result = validate<number[]>(values);
    expect(result.success === false && result.errors.length).toBe(100);
    expect(result.success === false && result.errors[99]!.path).toBe('$input[99]');
  });

  it('a sparse array of length 2**32 - 1 whose holes do not fit', () => {
    const sparse: unknown[] = [];
    sparse.length = 2 ** 32 - 1;
    const result = validate<number[]>(sparse);
    expect(result.success === false && result.errors.length).toBe(100);
  });

  it('a sparse array of length 2**32 - 1 whose holes fit, with a few bad elements', () => {
    const sparse: unknown[] = [];
    sparse.length = 2 ** 32 - 1;
    sparse[5] = 'x';
    sparse[2 ** 31] = 'y';
    const result = validate<(number | undefined)[]>(sparse);
    expect(result.success === false && result.errors.map((e) => e.path)).toEqual(['$input[5]', `$input[${2 ** 31}]`]);
  });

  it('an object with a million bad values in an index signature', () => {
    const record: Record<string, unknown> = {};
    for (let i = 0; i < 1_000_000; i++) record[`k${i}`] = 'x';
    const result = validate<Record<string, number>>(record);
    expect(result.success === false && result.errors.length).toBe(100);
  });

  it('the no-match error of a compiled dispatcher lists at most 100 reasons per case', () => {
    const sum = overload((xs: number[]) => xs.length);
    let error: unknown;
    try {
      (sum as (xs: unknown) => number)(Array.from({ length: 10_000 }, () => 'x'));
    } catch (e) {
      error = e;
    }
    const candidates = (error as { candidates: { errors: unknown[] }[] }).candidates;
    expect(candidates[0]!.errors).toHaveLength(100);
  });
});
