/**
 * Property tests for the generated guards: for a handful of fixed types, `is<T>` agrees with a
 * reference predicate written by hand from TypeScript's rules (not from the generated code), over
 * arbitrary values and over near-misses made by mutating valid values; and for every type,
 * `is<T>(v) === validate<T>(v).success`, with errors exactly when the guard says no.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { is, validate, type Validation } from '../../src/index.js';
import { slotsOf } from './support/slots.js';

const RUNS = 400;

/** Arbitrary values, built-in classes, boxed primitives, null prototypes and holes included. */
const anything = fc.anything({
  maxDepth: 3,
  maxKeys: 5,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withSparseArray: true,
  withTypedArray: true,
  key: fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom('id', 'tags', 'owner', 'kind', 'name', 'value', 'children', 'a', 'b', '0', '1')),
});

// ---- mutation: near-misses of valid values --------------------------------------------------------

interface Mutation {
  readonly pick: number;
  readonly action: 'delete' | 'replace' | 'add';
  readonly replacement: unknown;
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
  pick: fc.nat(),
  action: fc.constantFrom('delete', 'replace', 'replace', 'add'),
  replacement: fc.oneof(anything, fc.constantFrom<unknown>(undefined, null, '', 0, 'a', 'b', 'x', [], {}, NaN, 1n)),
});

/** A deep copy of plain data (objects, arrays, primitives) so a mutation never touches the original. */
function copy<T>(value: T): T {
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) if (i in value) out[i] = copy(value[i]);
    return out as T;
  }
  if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) out[key] = copy((value as Record<string, unknown>)[key]);
    return out as T;
  }
  return value;
}

/** One change somewhere in a copy of `value`: a key removed (a hole in arrays), replaced or added. */
function mutate(value: unknown, m: Mutation): unknown {
  if (typeof value === 'string') {
    // Text: drop, insert or change one character.
    const at = value.length === 0 ? 0 : m.pick % value.length;
    const char = ' .-+xe0n_p'[m.pick % 10]!;
    if (m.action === 'delete') return value.slice(0, at) + value.slice(at + 1);
    if (m.action === 'add') return value.slice(0, at) + char + value.slice(at);
    return m.pick % 3 === 0 ? m.replacement : value.slice(0, at) + char + value.slice(at + 1);
  }
  const root = { root: copy(value) } as Record<string, unknown>;
  const slots = slotsOf(root);
  const [parent, key] = slots[m.pick % slots.length]!;
  if (m.action === 'delete' && parent !== root) delete parent[key];
  else if (m.action === 'add' && typeof parent[key] === 'object' && parent[key] !== null) {
    const target = parent[key] as Record<string, unknown>;
    if (Array.isArray(target)) target.push(m.replacement);
    else target[['id', 'kind', 'extra', 'name'][m.pick % 4]!] = m.replacement;
  } else parent[key] = m.replacement;
  return root.root;
}

// ---- reference predicates, from TypeScript's rules ----------------------------------------------

type Loose = Record<PropertyKey, unknown>;
const notNullish = (v: unknown): v is Loose => v !== null && v !== undefined;
const everyElement = (v: unknown, ok: (e: unknown) => boolean): boolean => {
  if (!Array.isArray(v)) return false;
  for (let i = 0; i < v.length; i++) if (!ok(v[i])) return false;
  return true;
};

interface Item {
  id: number;
  tags: string[];
  owner?: { name: string } | null;
  kind: 'a' | 'b';
}
const isItemRef = (v: unknown): boolean =>
  notNullish(v) &&
  typeof v.id === 'number' &&
  everyElement(v.tags, (t) => typeof t === 'string') &&
  (v.owner === undefined || v.owner === null || typeof (v.owner as Loose).name === 'string') &&
  (v.kind === 'a' || v.kind === 'b');
const item: fc.Arbitrary<Item> = fc.record(
  {
    id: fc.double(),
    tags: fc.array(fc.string({ maxLength: 3 }), { maxLength: 4 }),
    owner: fc.option(fc.record({ name: fc.string({ maxLength: 3 }) }), { nil: null }),
    kind: fc.constantFrom('a' as const, 'b' as const),
  },
  { requiredKeys: ['id', 'tags', 'kind'] },
);

interface Tree {
  value: number;
  children: Tree[];
}
const isTreeRef = (v: unknown): boolean => notNullish(v) && typeof v.value === 'number' && everyElement(v.children, isTreeRef);
const tree: fc.Arbitrary<Tree> = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.record({
    value: fc.integer(),
    children: fc.oneof({ maxDepth: 4, depthIdentifier: 'tree' }, fc.constant<Tree[]>([]), fc.array(tie('tree'), { maxLength: 3 })),
  }),
})).tree;

type Shape = { kind: 'circle'; r: number } | { kind: 'square'; side: number };
const isShapeRef = (v: unknown): boolean =>
  notNullish(v) && ((v.kind === 'circle' && typeof v.r === 'number') || (v.kind === 'square' && typeof v.side === 'number'));
const shape: fc.Arbitrary<Shape> = fc.oneof(
  fc.record({ kind: fc.constant('circle' as const), r: fc.double() }),
  fc.record({ kind: fc.constant('square' as const), side: fc.double() }),
);

const isRecordRef = (v: unknown): boolean => {
  if (typeof v !== 'object' || v === null) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) return false;
  return Object.keys(v).every((k) => typeof (v as Loose)[k] === 'number');
};
const record = fc.dictionary(fc.string({ maxLength: 3 }), fc.double(), { maxKeys: 4 });

type Tuple = [string, number?, ...boolean[]];
const isTupleRef = (v: unknown): boolean => {
  if (!Array.isArray(v) || v.length < 1 || typeof v[0] !== 'string') return false;
  if (v.length >= 2 && v[1] !== undefined && typeof v[1] !== 'number') return false;
  for (let i = 2; i < v.length; i++) if (typeof v[i] !== 'boolean') return false;
  return true;
};
const tuple: fc.Arbitrary<unknown[]> = fc
  .tuple(fc.string({ maxLength: 3 }), fc.option(fc.double(), { nil: undefined }), fc.array(fc.boolean(), { maxLength: 3 }))
  .map(([s, n, rest]) => (rest.length === 0 && n === undefined ? [s] : [s, n, ...rest]));

type Presence = { a: number | undefined; b?: string };
const isPresenceRef = (v: unknown): boolean =>
  notNullish(v) && 'a' in Object(v) && (v.a === undefined || typeof v.a === 'number') && (v.b === undefined || typeof v.b === 'string');
const presence = fc.record({ a: fc.option(fc.double(), { nil: undefined }), b: fc.option(fc.string(), { nil: undefined }) }, { requiredKeys: ['a'] });

type Weak = Partial<{ a: number; b: string }>;
/** TypeScript's weak type rule, for the values fast-check makes (plain data and built-in objects). */
const hasNoProperties = (v: unknown): boolean => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return (proto === Object.prototype || proto === null) && Reflect.ownKeys(v).length === 0;
};
const isWeakRef = (v: unknown): boolean =>
  notNullish(v) &&
  (v.a === undefined || typeof v.a === 'number') &&
  (v.b === undefined || typeof v.b === 'string') &&
  ('a' in Object(v) || 'b' in Object(v) || hasNoProperties(v));
const weak = fc.record({ a: fc.double(), b: fc.string() }, { requiredKeys: [] });

type Px = `${number}px`;
const isPxRef = (v: unknown): boolean => {
  if (typeof v !== 'string' || !v.endsWith('px')) return false;
  const n = v.slice(0, -2);
  return n !== '' && Number.isFinite(+n);
};
const px = fc.oneof(
  fc.double().map((n) => `${n}px`),
  fc.integer().map((n) => `0x${Math.abs(n).toString(16)}px`),
  fc.string({ maxLength: 4 }).map((s) => `${s}px`),
  fc.constantFrom(' 1px', '.5px', '1.px', '1e3px', '  px', 'px', '1_0px', '-0x1px', 'Infinitypx', '1pxpx'),
);

type Dash = `${string}-${number}`;
/** The placeholder before `-` ends at the first `-` (no search for another split). */
const isDashRef = (v: unknown): boolean => {
  if (typeof v !== 'string') return false;
  const at = v.indexOf('-');
  const n = v.slice(at + 1);
  return at >= 0 && n !== '' && Number.isFinite(+n);
};
const dash = fc.string({ unit: fc.constantFrom('a', '-', '1', '.', 'x', ' ', 'e'), maxLength: 6 });

// ---- the comparisons ----------------------------------------------------------------------------

interface Subject {
  readonly name: string;
  readonly is: (v: unknown) => boolean;
  readonly validate: (v: unknown) => Validation<unknown>;
  readonly reference: (v: unknown) => boolean;
  readonly valid: fc.Arbitrary<unknown>;
}

const subjects: readonly Subject[] = [
  { name: 'Item', is: (v) => is<Item>(v), validate: (v) => validate<Item>(v), reference: isItemRef, valid: item },
  { name: 'Tree', is: (v) => is<Tree>(v), validate: (v) => validate<Tree>(v), reference: isTreeRef, valid: tree },
  { name: 'Shape (a discriminated union)', is: (v) => is<Shape>(v), validate: (v) => validate<Shape>(v), reference: isShapeRef, valid: shape },
  {
    name: 'Record<string, number>',
    is: (v) => is<Record<string, number>>(v),
    validate: (v) => validate<Record<string, number>>(v),
    reference: isRecordRef,
    valid: record,
  },
  { name: '[string, number?, ...boolean[]]', is: (v) => is<Tuple>(v), validate: (v) => validate<Tuple>(v), reference: isTupleRef, valid: tuple },
  { name: '{ a: number | undefined; b?: string }', is: (v) => is<Presence>(v), validate: (v) => validate<Presence>(v), reference: isPresenceRef, valid: presence },
  { name: 'Partial<{ a: number; b: string }>', is: (v) => is<Weak>(v), validate: (v) => validate<Weak>(v), reference: isWeakRef, valid: weak },
  { name: '`${number}px`', is: (v) => is<Px>(v), validate: (v) => validate<Px>(v), reference: isPxRef, valid: px.filter(isPxRef) },
  { name: '`${string}-${number}`', is: (v) => is<Dash>(v), validate: (v) => validate<Dash>(v), reference: isDashRef, valid: dash.filter(isDashRef) },
];

/** Same verdict from is<T>, validate<T> and the reference; errors exactly when the verdict is no. */
function agrees(subject: Subject, value: unknown): void {
  const verdict = subject.is(value);
  expect(verdict).toBe(subject.reference(value));
  const result = subject.validate(value);
  expect(result.success).toBe(verdict);
  if (!result.success) expect(result.errors.length).toBeGreaterThan(0);
}

describe.each(subjects)('$name: is<T> agrees with a reference predicate', (subject) => {
  it('accepts every valid value', () => {
    fc.assert(
      fc.property(subject.valid, (value) => {
        expect(subject.is(value)).toBe(true);
        expect(subject.reference(value)).toBe(true);
        expect(subject.validate(value)).toEqual({ success: true, data: value });
      }),
      { numRuns: RUNS },
    );
  });

  it('over arbitrary values', () => {
    fc.assert(
      fc.property(anything, (value) => agrees(subject, value)),
      { numRuns: RUNS },
    );
  });

  it('over near-misses made by mutating valid values', () => {
    fc.assert(
      fc.property(subject.valid, mutation, (value, m) => agrees(subject, mutate(value, m))),
      { numRuns: RUNS },
    );
  });
});

// ---- the invariant over many types ---------------------------------------------------------------

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
interface Duck {
  name: string;
  quack(): string;
}
enum Color {
  Red,
  Green = 5,
}

const invariantSubjects: readonly { name: string; is: (v: unknown) => boolean; validate: (v: unknown) => Validation<unknown> }[] = [
  ...subjects,
  { name: 'Json', is: (v) => is<Json>(v), validate: (v) => validate<Json>(v) },
  { name: 'Duck', is: (v) => is<Duck>(v), validate: (v) => validate<Duck>(v) },
  { name: 'string | number | null', is: (v) => is<string | number | null>(v), validate: (v) => validate<string | number | null>(v) },
  { name: 'number[]', is: (v) => is<number[]>(v), validate: (v) => validate<number[]>(v) },
  { name: '{ [k: number]: string }', is: (v) => is<{ [k: number]: string }>(v), validate: (v) => validate<{ [k: number]: string }>(v) },
  { name: 'Map<string, number>', is: (v) => is<Map<string, number>>(v), validate: (v) => validate<Map<string, number>>(v) },
  { name: 'Set<string> | Date', is: (v) => is<Set<string> | Date>(v), validate: (v) => validate<Set<string> | Date>(v) },
  { name: 'Color', is: (v) => is<Color>(v), validate: (v) => validate<Color>(v) },
  { name: '{}', is: (v) => is<{}>(v), validate: (v) => validate<{}>(v) },
  { name: 'object', is: (v) => is<object>(v), validate: (v) => validate<object>(v) },
  { name: '{ a: { b: [string, bigint] } } & { c?: symbol }', is: (v) => is<{ a: { b: [string, bigint] } } & { c?: symbol }>(v), validate: (v) => validate<{ a: { b: [string, bigint] } } & { c?: symbol }>(v) },
  { name: '`id-${bigint}` | `${boolean}`', is: (v) => is<`id-${bigint}` | `${boolean}`>(v), validate: (v) => validate<`id-${bigint}` | `${boolean}`>(v) },
];

describe.each(invariantSubjects)('$name: is<T>(v) === validate<T>(v).success', (subject) => {
  it('over arbitrary values', () => {
    fc.assert(
      fc.property(anything, (value) => {
        const verdict = subject.is(value);
        const result = subject.validate(value);
        expect(result.success).toBe(verdict);
        if (result.success) expect(result.data).toBe(value);
        else expect(result.errors.length).toBeGreaterThan(0);
      }),
      { numRuns: RUNS },
    );
  });
});
