/**
 * `validate` of a simple object type (or array) runs straight-line code the transformer generates
 * (GuardEmitter.explainFunction) instead of the walk of src/internal/violations.ts: it must report
 * exactly what the walk reports, in the same order, up to the same 100 issues, hostile values
 * included. The walk's answer for a type T comes from `Record<string, T>`, which the generated code
 * does not spell out (an index signature): the walk explains `{ x: v }` with T's schema node at
 * `$input.x`, which is T's walk of `v` one level down. The comparison holds for values whose reads
 * answer the same every time (a getter that changes its answer is read once more by the wrapper).
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { protocol, type Issue, type Protocol } from '../../src/index.js';
import { Engine } from '../../transformer/engine/index.js';
import { project, removeProjects } from '../support/project.js';
import { catalogue } from './support/hostile/values.js';
import { slotsOf } from './support/slots.js';

afterAll(removeProjects);

// ---- the types ------------------------------------------------------------------------------------

interface Payload {
  id: number;
  name: string;
  email: string;
  active: boolean;
  tags: string[];
  address: { street: string; city: string; zip: string };
  createdAt: number;
}
interface Nested {
  a: { b: { c: string; d: number }; e: boolean };
  f: 'x' | 'y';
}
interface Rows {
  items: { id: number; name: string }[];
  grid: number[][];
}
interface Optional {
  id: number;
  note?: string;
  meta?: { k: string; n?: number };
}
interface Literals {
  kind: 'a' | 'b' | 1 | true | null;
  n: number | string;
  flag: false;
}
interface Point {
  x: number;
  y: number;
}
/** The same node in several places: a failing object reached twice is reported once. */
interface Shared {
  p: Point;
  q: Point;
  ps: Point[];
  wrap: { r: Point };
}
type Figure = { kind: 'circle'; r: number } | { kind: 'square'; side: number };
/** A union with structure below a simple object: that part goes to the walk, which shares Point's node. */
interface WithUnion {
  id: number;
  figure: Figure;
  either: Point | Point[];
  point: Point;
}
interface Loose {
  a: string | undefined;
  b: unknown;
  c?: number;
}
interface WithMethods {
  name: string;
  run(): void;
  maybe?(): number;
}
interface Parts {
  m: Map<string, number>;
  t: [number, string];
  d: Date;
  both: { a: number } & { b: string };
  s: `id-${number}`;
}
interface Keys {
  'a-b': number;
  $ok: string;
  'with space': boolean;
  _x: { 'é': number };
}

interface Case {
  readonly generated: Protocol<unknown>;
  readonly walked: Protocol<Record<string, unknown>>;
  /** Valid values to make near misses of. */
  readonly samples: readonly unknown[];
}

const point = (): Point => ({ x: 1, y: 2 });
const cases: Record<string, Case> = {
  Payload: {
    generated: protocol<Payload>(),
    walked: protocol<Record<string, Payload>>(),
    samples: [{ id: 1, name: 'n', email: 'e', active: true, tags: ['a', 'b'], address: { street: 's', city: 'c', zip: 'z' }, createdAt: 2 }],
  },
  Nested: {
    generated: protocol<Nested>(),
    walked: protocol<Record<string, Nested>>(),
    samples: [{ a: { b: { c: 'c', d: 1 }, e: false }, f: 'x' }],
  },
  Rows: {
    generated: protocol<Rows>(),
    walked: protocol<Record<string, Rows>>(),
    samples: [{ items: [{ id: 1, name: 'a' }, { id: 2, name: 'b' }], grid: [[1, 2], [], [3]] }],
  },
  Optional: {
    generated: protocol<Optional>(),
    walked: protocol<Record<string, Optional>>(),
    samples: [{ id: 1 }, { id: 1, note: 'n', meta: { k: 'k', n: 2 } }],
  },
  Literals: {
    generated: protocol<Literals>(),
    walked: protocol<Record<string, Literals>>(),
    samples: [{ kind: null, n: 'n', flag: false }, { kind: 1, n: 2, flag: false }],
  },
  Shared: {
    generated: protocol<Shared>(),
    walked: protocol<Record<string, Shared>>(),
    samples: [{ p: point(), q: point(), ps: [point(), point()], wrap: { r: point() } }],
  },
  WithUnion: {
    generated: protocol<WithUnion>(),
    walked: protocol<Record<string, WithUnion>>(),
    samples: [
      { id: 1, figure: { kind: 'circle', r: 1 }, either: point(), point: point() },
      { id: 1, figure: { kind: 'square', side: 1 }, either: [point()], point: point() },
    ],
  },
  Loose: {
    generated: protocol<Loose>(),
    walked: protocol<Record<string, Loose>>(),
    samples: [{ a: undefined, b: null }, { a: 'a', b: 1, c: 2 }],
  },
  WithMethods: {
    generated: protocol<WithMethods>(),
    walked: protocol<Record<string, WithMethods>>(),
    samples: [{ name: 'n', run() {} }, { name: 'n', run() {}, maybe: () => 1 }],
  },
  Parts: {
    generated: protocol<Parts>(),
    walked: protocol<Record<string, Parts>>(),
    samples: [{ m: new Map([['a', 1]]), t: [1, 'a'], d: new Date(0), both: { a: 1, b: 'b' }, s: 'id-1' }],
  },
  Keys: {
    generated: protocol<Keys>(),
    walked: protocol<Record<string, Keys>>(),
    samples: [{ 'a-b': 1, $ok: 'o', 'with space': true, _x: { 'é': 1 } }],
  },
  'Point[]': {
    generated: protocol<Point[]>(),
    walked: protocol<Record<string, Point[]>>(),
    samples: [[point(), point(), point()]],
  },
};

// ---- comparing issues ---------------------------------------------------------------------------

function issuesOf(p: Protocol<unknown>, value: unknown): readonly Issue[] {
  const result = p.validate(value);
  return result.success ? [] : result.errors;
}

/**
 * The walk's issues for `value` under `c`'s type, from the wrapper (paths moved up to `$input`).
 * Where the walk throws (`Array.isArray` of a revoked Proxy), `validate` reports the whole value:
 * the wrapper's issue is then the type's own.
 */
function walked(c: Case, value: unknown): Issue[] {
  const wrapper = { x: value };
  const issues = issuesOf(c.walked, wrapper);
  if (issues.length === 1 && issues[0]!.path === '$input' && issues[0]!.value === wrapper) {
    expect(issues[0]!.expected).toBe(c.walked.name);
    return [{ path: '$input', expected: c.generated.name, value }];
  }
  return issues.map((issue) => {
    expect(issue.path.startsWith('$input.x')).toBe(true);
    return { ...issue, path: `$input${issue.path.slice('$input.x'.length)}` };
  });
}

/**
 * The same value in both: the same object, or (where a read threw, each read makes its own) an
 * error of the same class and message. Compared without running a getter or a trap.
 */
function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (a instanceof Error && b instanceof Error) return a.constructor === b.constructor && a.message === b.message;
  // Thrown plain objects (a forged SetupError): the same own data.
  try {
    const keys = Reflect.ownKeys(a);
    return keys.length === Reflect.ownKeys(b).length && keys.every((k) => Object.is((a as Record<PropertyKey, unknown>)[k], (b as Record<PropertyKey, unknown>)[k]));
  } catch {
    return false;
  }
}

function expectSame(c: Case, value: unknown): void {
  const generated = issuesOf(c.generated, value);
  const walk = walked(c, value);
  const shown = (issues: readonly Issue[]) => issues.map((i) => `${i.path}: ${i.expected}`);
  expect(shown(generated)).toEqual(shown(walk));
  generated.forEach((issue, i) => {
    if (!sameValue(issue.value, walk[i]!.value)) expect.fail(`value at ${issue.path} differs`);
  });
  expect(generated.length).toBeLessThanOrEqual(100);
}

// ---- values ---------------------------------------------------------------------------------------

function copy<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copy) as T;
  if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) out[key] = copy((value as Record<string, unknown>)[key]);
    return out as T;
  }
  return value;
}


const hostile = catalogue.filter((h) => !h.shared && h.name !== 'a getter that answers differently each time');

/** What replaces a part of a valid value. */
const replacement: fc.Arbitrary<() => unknown> = fc.oneof(
  fc.constantFrom<unknown>(undefined, null, '', 0, 'a', true, [], {}, NaN, 1n, [1, 'a'], { x: 'a', y: 2 }, { kind: 'circle' }).map((v) => () => v),
  fc.anything({ maxDepth: 2, maxKeys: 4, withBoxedValues: true, withMap: true, withSparseArray: true, withNullPrototype: true }).map((v) => () => v),
  fc.constantFrom(...hostile).map((h) => h.make),
);

/** How a copy of a valid value is changed, at slots picked by number. */
const change = fc.record({
  picks: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
  action: fc.constantFrom('replace', 'replace', 'delete', 'getter', 'share'),
  make: replacement,
});

function changed(sample: unknown, how: { picks: number[]; action: string; make: () => unknown }): unknown {
  const root: Record<string, unknown> = { root: copy(sample) };
  const slots = slotsOf(root);
  const shared = how.make();
  for (const pick of how.picks) {
    const [parent, key] = slots[pick % slots.length]!;
    if (parent === root && how.action === 'getter') continue;
    if (how.action === 'delete' && parent !== root) delete parent[key];
    else if (how.action === 'getter') {
      Object.defineProperty(parent, key, { get: () => { throw new Error(`reading ${key}`); }, enumerable: true, configurable: true });
    }
    // The same value in several places (a failing object reached twice).
    else if (how.action === 'share') parent[key] = shared;
    else parent[key] = how.make();
  }
  return root.root;
}

// ---- the property ---------------------------------------------------------------------------------

describe('generated validate reports what the walk reports', () => {
  for (const [name, c] of Object.entries(cases)) {
    it(`${name}: near misses of valid values`, () => {
      for (const sample of c.samples) expect(issuesOf(c.generated, sample)).toEqual([]);
      fc.assert(
        fc.property(fc.nat(), change, (i, how) => expectSame(c, changed(c.samples[i % c.samples.length], how))),
        { numRuns: 300, seed: 4210 },
      );
    });

    it(`${name}: arbitrary and hostile values`, () => {
      fc.assert(
        fc.property(replacement, (make) => expectSame(c, make())),
        { numRuns: 200, seed: 4211 },
      );
      for (const h of hostile) expectSame(c, h.make());
    });
  }

  it('stops at 100 issues in an array of 1,000 bad elements, and reports a bad element shared by all once', () => {
    const distinct = { items: Array.from({ length: 1000 }, (_, i) => ({ id: `${i}`, name: i })), grid: [] };
    const bad = { id: 'x', name: 1 };
    const same = { items: Array.from({ length: 1000 }, () => bad), grid: [[1, 'a']] };
    expectSame(cases.Rows!, distinct);
    expectSame(cases.Rows!, same);
    expect(issuesOf(cases.Rows!.generated, distinct)).toHaveLength(100);
    expect(issuesOf(cases.Rows!.generated, same).map((i) => i.path)).toEqual(['$input.items[0].id', '$input.items[0].name', '$input.grid[0][1]']);
    // 1,000 distinct wrappers around one failing point: nothing new below them, so each is its own issue up to the limit.
    const wrapped = Array.from({ length: 1000 }, () => ({ x: 'a', y: 1 }));
    expectSame(cases['Point[]']!, wrapped);
    const shared = { p: bad, q: bad, ps: [bad, bad], wrap: { r: bad } };
    expectSame(cases.Shared!, shared);
    expect(issuesOf(cases.Shared!.generated, shared).map((i) => i.path)).toEqual(['$input.p.x', '$input.p.y']);
  });

  it('shares the failing objects walked with the parts it hands to the walk', () => {
    const bad = { x: 'a', y: 2 };
    const value = { id: 1, figure: { kind: 'circle', r: 1 }, either: bad, point: bad };
    expectSame(cases.WithUnion!, value);
    expect(issuesOf(cases.WithUnion!.generated, value).map((i) => i.path)).toEqual(['$input.either.x']);
  });
});

// ---- the fast path is taken -----------------------------------------------------------------------

describe('the transformer generates validate for simple types', () => {
  it('writes straight-line validate for Payload and hands a union with structure to the walk', () => {
    const dir = project({
      'main.ts': `import { protocol } from 'duckcall';
interface Payload { id: number; name: string; tags: string[]; address: { street: string; city: string } }
interface WithUnion { id: number; figure: { kind: 'circle'; r: number } | { kind: 'square'; side: number } }
interface List { value: number; next: List | null }
export const payload = protocol<Payload>();
export const withUnion = protocol<WithUnion>();
export const list = protocol<List>();
`,
    });
    const code = Engine.open({ root: dir }).transform(join(dir, 'main.ts')).code;
    const validateOf = (name: string) => new RegExp(`name: "${name}",\\s*is: \\w+,\\s*validate: function \\(v\\) \\{\\s*return __duckcall\\.(\\w+)\\(`).exec(code)?.[1];
    expect(validateOf('Payload')).toBe('__explain');
    expect(validateOf('WithUnion')).toBe('__explain');
    expect(code).toMatch(/__dc_xpart\(w, \w+, v1, p \+ "\.figure"\)/);
    // A recursive type stays on the walk.
    expect(validateOf('List')).toBe('__violations');
  });

  it('leaves the protocols of overload cases on the walk unless the program also validates with them', () => {
    const dir = project({
      'main.ts': `import { overload, validate } from 'duckcall';
interface Payload { id: number; name: string }
interface Other { code: string; size: number }
export const handle = overload((p: Payload) => 1, (o: Other) => 2);
export const check = (v: unknown) => validate<Other>(v);
`,
    });
    const code = Engine.open({ root: dir }).transform(join(dir, 'main.ts')).code;
    const validateOf = (name: string) => new RegExp(`name: "${name}",\\s*is: \\w+,\\s*validate: function \\(v\\) \\{\\s*return __duckcall\\.(\\w+)\\(`).exec(code)?.[1];
    // Only a failed dispatch reads a case's validate: generated code there would only cost build time and bytes.
    expect(validateOf('Payload')).toBe('__violations');
    expect(validateOf('Other')).toBe('__explain');
  });
});
