// Issue 9's row: the right verdict at any depth and size, in time linear in the value. is<List>
// and validate<List> on a valid linked list 100,000 levels deep, is<Item[]> and validate<Item[]> on
// a valid array of 1,000,000 elements, each against a hand-written iterative check of the same
// value (no recursion, no cycle tracking: the floor). Before any timing, each row checks that
// duckcall's verdict is right and fails with a message saying what it got if not.
import { is, validate } from 'duckcall';
import type { Row } from '../harness.js';

export interface List {
  value: number;
  next: List | null;
}
export interface Item {
  id: number;
  name: string;
}

const DEPTH = 100_000;
const LENGTH = 1_000_000;

function makeList(depth: number): List {
  let head: List | null = null;
  for (let i = depth - 1; i >= 0; i--) head = { value: i, next: head };
  return head!;
}

const handList = (v: unknown): boolean => {
  let node = v;
  for (;;) {
    if (typeof node !== 'object' || node === null) return false;
    const o = node as Record<string, unknown>;
    if (typeof o.value !== 'number') return false;
    const next = o.next;
    if (next === null) return true;
    node = next;
  }
};

const handItems = (v: unknown): boolean => {
  if (!Array.isArray(v)) return false;
  for (let i = 0; i < v.length; i++) {
    const e: unknown = v[i];
    if (typeof e !== 'object' || e === null) return false;
    const o = e as Record<string, unknown>;
    if (typeof o.id !== 'number' || typeof o.name !== 'string') return false;
  }
  return true;
};

/** A short account of what duckcall returned (a validate result's `data` is the whole value). */
const describe = (value: unknown): string => {
  if (typeof value === 'object' && value !== null && 'success' in value) {
    const r = value as { success: unknown; errors?: unknown[] };
    value = { success: r.success, errorCount: r.errors?.length, firstErrors: r.errors?.slice(0, 2) };
  }
  try {
    const text = JSON.stringify(value, (_k, v) => (v instanceof Error ? `${v.name}: ${v.message}` : v));
    return text === undefined ? String(value) : text.length > 300 ? `${text.slice(0, 300)}…` : text;
  } catch {
    return String(value);
  }
};

function row(
  what: string,
  make: () => unknown,
  hand: (v: unknown) => boolean,
  duckcallName: string,
  check: (v: unknown) => boolean,
  raw: (v: unknown) => unknown,
  expected: string,
): Row {
  const value = make();
  const HAND = `hand-written iterative check`;
  return {
    baseline: HAND,
    expect: (n) => n,
    checks: [1, 2],
    verify() {
      if (!hand(value)) throw new Error(`bench bug: the hand-written check rejects the ${what}`);
      let got: unknown;
      try {
        got = raw(value);
      } catch (error) {
        throw new Error(`${duckcallName} on a valid ${what} threw ${describe(error)}, expected ${expected}`);
      }
      if (!check(value)) {
        throw new Error(`${duckcallName} on a valid ${what} returned ${describe(got)}, expected ${expected} (issue 9 item 1: the right verdict at any depth and size)`);
      }
    },
    variants: [
      {
        name: HAND,
        loop(n) {
          let ok = 0;
          for (let i = 0; i < n; i++) if (hand(value)) ok++;
          return ok;
        },
      },
      {
        name: duckcallName,
        loop(n) {
          let ok = 0;
          for (let i = 0; i < n; i++) if (check(value)) ok++;
          return ok;
        },
      },
    ],
  };
}

const LIST = `linked list ${DEPTH.toLocaleString('en-US')} levels deep`;
const ITEMS = `array of ${LENGTH.toLocaleString('en-US')} { id, name } elements`;
const makeItems = (): Item[] => Array.from({ length: LENGTH }, (_, i) => ({ id: i, name: `item${i}` }));

export const rows: Record<string, Row> = {
  get 'list-is'() {
    return row(LIST, () => makeList(DEPTH), handList, 'duckcall is<List>', (v) => is<List>(v), (v) => is<List>(v), 'true');
  },
  get 'list-validate'() {
    return row(LIST, () => makeList(DEPTH), handList, 'duckcall validate<List>', (v) => validate<List>(v).success, (v) => validate<List>(v), '{ success: true }');
  },
  get 'array-is'() {
    return row(ITEMS, makeItems, handItems, 'duckcall is<Item[]>', (v) => is<Item[]>(v), (v) => is<Item[]>(v), 'true');
  },
  get 'array-validate'() {
    return row(ITEMS, makeItems, handItems, 'duckcall validate<Item[]>', (v) => validate<Item[]>(v).success, (v) => validate<Item[]>(v), '{ success: true }');
  },
};
