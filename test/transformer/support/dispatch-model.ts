/**
 * The harness behind dispatch-property.test.ts: a reference model of overload dispatch written from
 * API.md §1 (not from src), a catalogue of hostile values, and the fast-check arbitraries that build
 * argument lists. Nothing here goes through the transformer; the overload sets that do are in
 * dispatch-sets.ts.
 *
 * The model: a case accepts `n` arguments when its required parameter count ≤ `n` ≤ its parameter
 * count (any `n` above that with a rest parameter); an optional or defaulted parameter accepts
 * `undefined`; each argument must satisfy a hand-written predicate for its parameter type, and a
 * predicate that throws (a getter, a Proxy trap) means no. The first case that accepts runs.
 */
import fc from 'fast-check';

// ---- the model ------------------------------------------------------------------------------------

/** One parameter: its type as written, TypeScript's rule for it, and values of the type. */
export interface ParamModel<T = unknown> {
  readonly type: string;
  /** Whether TypeScript accepts `value` for this type. May throw (a getter did): that means no. */
  readonly accepts: (value: unknown) => boolean;
  readonly valid: fc.Arbitrary<T>;
  /** `b?: T` or `b = …`: may be left out or be `undefined`. */
  readonly optional: boolean;
}

export interface CaseModel {
  readonly params: readonly ParamModel[];
  readonly rest: ParamModel | undefined;
}

export type SetModel = readonly CaseModel[];

export function param<T>(type: string, accepts: (value: unknown) => boolean, valid: fc.Arbitrary<T>): ParamModel<T> {
  return { type, accepts, valid, optional: false };
}

export function optionalParam<T>(p: ParamModel<T>): ParamModel<T> {
  return { ...p, type: `${p.type}?`, optional: true };
}

export function caseOf(params: readonly ParamModel[], rest?: ParamModel): CaseModel {
  return { params, rest };
}

function safely(p: ParamModel, value: unknown): boolean {
  try {
    return p.accepts(value) === true;
  } catch {
    return false;
  }
}

/** Arguments a case needs: up to its last parameter that is neither optional nor defaulted. */
export function requiredCount(c: CaseModel): number {
  let required = 0;
  c.params.forEach((p, i) => {
    if (!p.optional) required = i + 1;
  });
  return required;
}

export function caseAccepts(c: CaseModel, args: readonly unknown[]): boolean {
  if (args.length < requiredCount(c)) return false;
  if (c.rest === undefined && args.length > c.params.length) return false;
  for (let i = 0; i < args.length; i++) {
    const p = c.params[i];
    const ok = p ? (p.optional && args[i] === undefined) || safely(p, args[i]) : safely(c.rest!, args[i]);
    if (!ok) return false;
  }
  return true;
}

/** The index of the case that must run, or -1 when none accepts `args`. */
export function verdict(set: SetModel, args: readonly unknown[]): number {
  return set.findIndex((c) => caseAccepts(c, args));
}

// ---- predicates, from TypeScript's rules ------------------------------------------------------------

type Loose = Record<PropertyKey, unknown>;

export const isNumber = (v: unknown): boolean => typeof v === 'number';
export const isString = (v: unknown): boolean => typeof v === 'string';
export const isBoolean = (v: unknown): boolean => typeof v === 'boolean';
export const notNullish = (v: unknown): v is Loose => v !== null && v !== undefined;
export const isObject = (v: unknown): boolean => (typeof v === 'object' && v !== null) || typeof v === 'function';
export const anything = (): boolean => true;

/** A union of literal types: the value itself (`===`). */
export const oneOf =
  (...values: readonly unknown[]) =>
  (v: unknown): boolean =>
    values.some((x) => x === v);

export const either =
  (...members: readonly ((v: unknown) => boolean)[]) =>
  (v: unknown): boolean =>
    members.some((m) => m(v));

/** An object type: every required property satisfies its type; optional ones may be `undefined`. */
export const objectWith =
  (required: Record<string, (v: unknown) => boolean>, optional: Record<string, (v: unknown) => boolean> = {}) =>
  (v: unknown): boolean => {
    if (!notNullish(v)) return false;
    for (const key of Object.keys(required)) if (!required[key]!(v[key])) return false;
    for (const key of Object.keys(optional)) {
      const value = v[key];
      if (value !== undefined && !optional[key]!(value)) return false;
    }
    return true;
  };

/** `T[]` (or `readonly T[]`): an array whose every element, holes included (`undefined`), is a `T`. */
export const arrayOf =
  (element: (v: unknown) => boolean) =>
  (v: unknown): boolean => {
    if (!Array.isArray(v)) return false;
    for (let i = 0; i < v.length; i++) if (!element(v[i])) return false;
    return true;
  };

/** A tuple: its length in range, each fixed element (optional ones may be `undefined`), then the rest. */
export const tupleOf =
  (fixed: readonly ((v: unknown) => boolean)[], optionalFrom: number, rest?: (v: unknown) => boolean) =>
  (v: unknown): boolean => {
    if (!Array.isArray(v)) return false;
    const n = v.length;
    if (n < optionalFrom || (rest === undefined && n > fixed.length)) return false;
    for (let i = 0; i < n; i++) {
      const element = v[i];
      if (i < fixed.length) {
        if (i >= optionalFrom && element === undefined) continue;
        if (!fixed[i]!(element)) return false;
      } else if (!rest!(element)) return false;
    }
    return true;
  };

/**
 * An index signature (`Record<string, T>`): TypeScript gives one implicitly only to object literal
 * types, so only plain objects (prototype `Object.prototype` or `null`) qualify, and every own
 * enumerable string key's value must be a `T`.
 */
export const recordOf =
  (value: (v: unknown) => boolean) =>
  (v: unknown): boolean => {
    if (typeof v !== 'object' || v === null) return false;
    const proto: unknown = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) return false;
    for (const key of Object.keys(v)) if (!value((v as Loose)[key])) return false;
    return true;
  };

/**
 * A recursive type's predicate: a value met again while it is still being checked against the same
 * type is taken as fine (a cyclic value satisfies `Tree` when every node does).
 */
export function recursive(body: (self: (v: unknown) => boolean) => (v: unknown) => boolean): (v: unknown) => boolean {
  const inProgress = new Set<unknown>();
  const self = (v: unknown): boolean => {
    if (typeof v !== 'object' || v === null) return check(v);
    if (inProgress.has(v)) return true;
    inProgress.add(v);
    try {
      return check(v);
    } finally {
      inProgress.delete(v);
    }
  };
  const check = body(self);
  return self;
}

// ---- hostile values ---------------------------------------------------------------------------------

/** Names for values that print badly (or throw when printed), so counterexamples stay readable. */
const labels = new WeakMap<object, string>();

function named<T extends object>(label: string, value: T): T {
  labels.set(value, label);
  return value;
}

function thrower(what: string): () => never {
  return () => {
    throw new Error(`hostile ${what}`);
  };
}

function revokedProxy(): object {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

/** Every trap throws. */
function throwingProxy(target: object): object {
  const traps: ProxyHandler<object> = {};
  for (const trap of ['get', 'has', 'ownKeys', 'getOwnPropertyDescriptor', 'getPrototypeOf', 'defineProperty', 'set', 'deleteProperty', 'isExtensible', 'preventExtensions', 'setPrototypeOf', 'apply', 'construct'] as const) {
    (traps as Record<string, unknown>)[trap] = thrower(`${trap} trap`);
  }
  return new Proxy(target, traps);
}

function withThrowingGetter<T extends object>(target: T, key: PropertyKey): T {
  Object.defineProperty(target, key, { get: thrower(`getter ${String(key)}`), enumerable: true, configurable: true });
  return target;
}

class Numbers extends Array<number> {}
class MyDate extends Date {}
class MyMap<K, V> extends Map<K, V> {}

function list(depth: number): unknown {
  let head: unknown = null;
  for (let i = 0; i < depth; i++) head = { head: `n${i}`, tail: head };
  return head;
}

function cyclicTree(): object {
  const root = { value: 1, children: [] as unknown[] };
  root.children.push({ value: 2, children: [root] });
  return root;
}

function sparse(length: number): unknown[] {
  const out: unknown[] = [];
  out.length = length;
  out[length - 1] = 1;
  return out;
}

/**
 * Values that have hurt dispatchers elsewhere. Getters throw only on properties that a type either
 * must read to accept the value or never reads, so the verdict does not depend on the order a
 * guard reads them in.
 */
export const HOSTILE: readonly unknown[] = [
  named('revoked Proxy', revokedProxy()),
  named('Proxy whose traps throw', throwingProxy({ kind: 'circle', r: 1 })),
  named('Proxy of an array whose traps throw', throwingProxy([1, 2])),
  named('{ kind: circle, get r() throws }', withThrowingGetter({ kind: 'circle' }, 'r')),
  named('{ get kind() throws, r, w, h }', withThrowingGetter({ r: 1, w: 1, h: 1, b: 1 }, 'kind')),
  named('{ tag: 1, get kind() throws }', withThrowingGetter({ tag: 1 }, 'kind')),
  named('{ value, get children() throws }', withThrowingGetter({ value: 1 }, 'children')),
  named('{ id, get customer() throws, lines }', withThrowingGetter({ id: 1, lines: [] }, 'customer')),
  named('[1, get [1]() throws, 3]', withThrowingGetter([1, 2, 3], 1)),
  named('[a, get [1]() throws]', withThrowingGetter(['a', 'b'], 1)),
  named('{ get head() throws, tail: null }', withThrowingGetter({ tail: null }, 'head')),
  named('Symbol.toPrimitive throws', { [Symbol.toPrimitive]: thrower('toPrimitive'), valueOf: thrower('valueOf'), toString: thrower('toString') }),
  named('null-prototype {}', Object.create(null)),
  named('null-prototype circle', Object.assign(Object.create(null), { kind: 'circle', r: 1 })),
  named('null-prototype { a: 1, b: 2 }', Object.assign(Object.create(null), { a: 1, b: 2 })),
  named('null-prototype tree', Object.assign(Object.create(null), { value: 1, children: [] })),
  named('own __proto__ key (object)', JSON.parse('{"kind":"circle","r":1,"__proto__":{"x":1}}')),
  named('own __proto__ key (number)', JSON.parse('{"__proto__":5,"a":1}')),
  named('own constructor key', { constructor: 'x', kind: 'rect', w: 1, h: 2 }),
  named('inherited circle', Object.create({ kind: 'circle', r: 1 })),
  named('getter circle', Object.defineProperty({ kind: 'circle' }, 'r', { get: () => 2, enumerable: true })),
  named('transparent Proxy of a circle', new Proxy({ kind: 'circle', r: 1 }, {})),
  named('transparent Proxy of [1, 2]', new Proxy([1, 2], {})),
  named('class instance { a: 1, b: 2 }', new (class Counter {
    a = 1;
    b = 2;
  })()),
  named('class instance with kind and a prototype getter r', new (class Round {
    kind = 'circle';
    get r(): number {
      return 1;
    }
  })()),
  named("{ kind: new String('circle'), r: 1 }", { kind: new String('circle'), r: 1 }),
  named("{ kind: 'circle', r: new Number(1) }", { kind: 'circle', r: new Number(1) }),
  named('[1, , 3]', [1, , 3]),
  named("['a', , 'b']", ['a', , 'b']),
  named('[ , ]', new Array(1)),
  named('sparse length 1000', sparse(1000)),
  named('frozen [1, 2]', Object.freeze([1, 2])),
  named("frozen ['a', 1]", Object.freeze(['a', 1])),
  named('Array subclass [1, 2]', Numbers.of(1, 2)),
  named('new Number(1)', new Number(1)),
  named("new String('a')", new String('a')),
  named('Object(1n)', Object(1n) as object),
  named('Object(Symbol())', Object(Symbol('boxed')) as object),
  named('arrow function', () => 1),
  named('class', class Anonymous {}),
  named('Date subclass', new MyDate(0)),
  named('invalid Date', new Date(NaN)),
  named('Map subclass', new MyMap([['a', 1]])),
  named('Map(1 => 1)', new Map([[1, 1]])),
  named('Set(1)', new Set([1])),
  named('WeakMap', new WeakMap()),
  named('Uint8Array', new Uint8Array(2)),
  named('TypeError', new TypeError('boom')),
  named('cyclic tree', cyclicTree()),
  named('list 100 deep', list(100) as object),
  named('cyclic list', (() => {
    const node: { head: string; tail: unknown } = { head: 'a', tail: null };
    node.tail = node;
    return node;
  })()),
];

/** Primitives, each close to something a case accepts. */
export const PRIMITIVES: readonly unknown[] = [
  0, -0, 1, 2, 3, -1, 1.5, NaN, Infinity, -Infinity,
  '', 'a', 'b', 'abc', 'hex', 'circle', 'id-1', 'id-', 'id- 1', 'id-0x1F', 'id-Infinity', 'g',
  true, false, null, undefined, 0n, 1n, -1n, Symbol('s'), Symbol.iterator,
];

// ---- arbitraries ------------------------------------------------------------------------------------

/**
 * A deep copy of plain objects and arrays (cycles kept), each recorded in `seen`; other objects
 * are shared as they are, so only what `seen` holds may be changed.
 */
function copy(value: unknown, seen: Map<object, unknown>): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (seen.has(value)) return seen.get(value);
  if (Array.isArray(value) && Object.getPrototypeOf(value) === Array.prototype) {
    const out: unknown[] = new Array(value.length);
    seen.set(value, out);
    for (let i = 0; i < value.length; i++) if (Object.prototype.hasOwnProperty.call(value, i)) out[i] = copy(value[i], seen);
    return out;
  }
  if (Object.getPrototypeOf(value) === Object.prototype) {
    const out: Loose = {};
    seen.set(value, out);
    for (const key of Object.keys(value)) {
      const descriptor = Object.getOwnPropertyDescriptor(value, key)!;
      if ('value' in descriptor) Object.defineProperty(out, key, { ...descriptor, value: copy(descriptor.value, seen) });
      else Object.defineProperty(out, key, descriptor);
    }
    return out;
  }
  return value;
}

interface Mutation {
  readonly pick: number;
  readonly action: 'delete' | 'replace' | 'add';
  readonly replacement: Box;
}

/** One change somewhere inside a copy of `value`: a property removed (a hole in arrays), replaced or added. */
function mutate(value: unknown, m: Mutation): unknown {
  try {
    const copies = new Map<object, unknown>();
    const root = { root: copy(value, copies) } as Loose;
    const fresh = new Set(copies.values());
    const slots: [Loose, string][] = [];
    const visited = new Set<unknown>();
    const collect = (parent: Loose, key: string): void => {
      slots.push([parent, key]);
      const descriptor = Object.getOwnPropertyDescriptor(parent, key);
      const child: unknown = descriptor && 'value' in descriptor ? descriptor.value : undefined;
      if (!fresh.has(child) || visited.has(child)) return;
      visited.add(child);
      for (const k of Object.keys(child as object)) collect(child as Loose, k);
    };
    collect(root, 'root');
    const [parent, key] = slots[m.pick % slots.length]!;
    const target = parent[key];
    if (m.action === 'delete' && parent !== root) delete parent[key];
    else if (m.action === 'add' && fresh.has(target)) {
      if (Array.isArray(target)) target.push(m.replacement.value);
      else (target as Loose)[['kind', 'extra', 'value', 'name', 'r'][m.pick % 5]!] = m.replacement.value;
    } else parent[key] = m.replacement.value;
    return root.root;
  } catch {
    return value;
  }
}

/**
 * A generated value, boxed: fast-check probes every value it generates (`cloneMethod in value`),
 * which a revoked Proxy or a throwing `has` trap would not survive, so values travel boxed until
 * the call is built.
 */
class Box {
  constructor(readonly value: unknown) {}
}

const boxed = (arbitrary: fc.Arbitrary<unknown>): fc.Arbitrary<Box> => arbitrary.map((value) => new Box(value));

/** One generated call: which set, and the arguments. Prints hostile values by name. */
export class Call {
  constructor(
    readonly set: number,
    readonly args: readonly unknown[],
  ) {}

  [fc.toStringMethod](): string {
    return `set ${this.set}: (${this.args.map(show).join(', ')})`;
  }
}

function show(value: unknown): string {
  if ((typeof value === 'object' && value !== null) || typeof value === 'function') {
    const label = labels.get(value);
    if (label !== undefined) return `<${label}>`;
  }
  try {
    return fc.stringify(value);
  } catch {
    return '<unprintable>';
  }
}

const pick = <T>(values: readonly T[]): fc.Arbitrary<Box> => fc.nat({ max: values.length - 1 }).map((i) => new Box(values[i]));

/** Any value: hostile ones, primitives, fast-check's `anything`, and values valid for a parameter of the set. */
function poolFor(set: SetModel): fc.Arbitrary<Box> {
  const valid = set.flatMap((c) => [...c.params, ...(c.rest ? [c.rest] : [])]).map((p) => boxed(p.valid));
  return fc.oneof(
    { arbitrary: pick(HOSTILE), weight: 3 },
    { arbitrary: pick(PRIMITIVES), weight: 3 },
    {
      arbitrary: boxed(
        fc.anything({
          maxDepth: 2,
          maxKeys: 3,
          withBigInt: true,
          withBoxedValues: true,
          withDate: true,
          withMap: true,
          withSet: true,
          withNullPrototype: true,
          withSparseArray: true,
          withTypedArray: true,
          key: fc.constantFrom('kind', 'r', 'w', 'h', 'b', 'n', 'id', 'name', 'value', 'children', 'head', 'tail', 'a', '0'),
        }),
      ),
      weight: 2,
    },
    { arbitrary: fc.oneof(...valid), weight: 4 },
  );
}

const UNDEFINED = new Box(undefined);

/** An argument list case `c` accepts: each parameter's valid values, optional ones left out or `undefined`, a few rest values. */
function fittingArgs(c: CaseModel): fc.Arbitrary<Box[]> {
  const required = requiredCount(c);
  const positional = c.params.map((p) => (p.optional ? fc.oneof(fc.constant(UNDEFINED), boxed(p.valid)) : boxed(p.valid)));
  const extra = c.rest ? fc.array(boxed(c.rest.valid), { maxLength: 6 }) : fc.constant([]);
  return fc
    .tuple(fc.tuple(...positional), extra, fc.nat({ max: c.params.length - required }))
    .map(([pos, ext, drop]) => (drop === 0 ? [...pos, ...ext] : pos.slice(0, pos.length - drop)));
}

const mutation = (pool: fc.Arbitrary<Box>): fc.Arbitrary<Mutation> =>
  fc.record({
    pick: fc.nat(),
    action: fc.constantFrom<Mutation['action']>('delete', 'replace', 'replace', 'add'),
    replacement: pool,
  });

/** `args` itself, or a near miss: a value replaced, changed deep inside, added, dropped, or two swapped. */
function nearby(args: Box[], pool: fc.Arbitrary<Box>): fc.Arbitrary<Box[]> {
  const at = fc.nat({ max: Math.max(args.length - 1, 0) });
  const replaced = (i: number, v: Box) => args.map((a, j) => (j === i ? v : a));
  return fc.oneof(
    { arbitrary: fc.constant(args), weight: 3 },
    { arbitrary: fc.tuple(at, pool).map(([i, v]) => replaced(i, v)), weight: 2 },
    {
      arbitrary: fc.tuple(at, mutation(pool)).map(([i, m]) => (args.length === 0 ? args : replaced(i, new Box(mutate(args[i]!.value, m))))),
      weight: 3,
    },
    { arbitrary: pool.map((v): Box[] => [...args, v]), weight: 1 },
    { arbitrary: fc.constant(args.slice(0, -1)), weight: 1 },
    { arbitrary: fc.constant<Box[]>([...args, UNDEFINED]), weight: 1 },
    { arbitrary: fc.tuple(at, at).map(([i, j]) => args.map((a, k) => (k === i ? args[j]! : k === j ? args[i]! : a))), weight: 1 },
  );
}

/**
 * Calls against one of `sets`: argument lists that fit a case, near misses of those, and lists of
 * any values (hostile ones included) of any length up to 10 (past the compiled dispatchers' 8).
 */
export function callsFor(sets: readonly SetModel[]): fc.Arbitrary<Call> {
  // Built once per set: fast-check's `anything` is costly to build, cheap to draw from.
  const perSet = sets.map((set, s) => {
    const pool = poolFor(set);
    const fitting = fc.oneof(...set.map(fittingArgs));
    return fc
      .oneof(
        { arbitrary: fitting.chain((args) => nearby(args, pool)), weight: 8 },
        { arbitrary: fc.array(pool, { maxLength: 10 }), weight: 2 },
      )
      .map((args) => new Call(s, args.map((box) => box.value)));
  });
  return fc.oneof(...perSet);
}
