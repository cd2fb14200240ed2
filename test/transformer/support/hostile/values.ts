/**
 * The catalogue of hostile values: each made by a named factory, fresh per call (a check must not
 * be able to lean on a value it saw before), with the verdict each type of ./types.ts must give
 * where it is known by construction.
 */
import vm from 'node:vm';
import { Account, type TypeName } from './types.js';

export interface HostileValue {
  readonly name: string;
  readonly make: () => unknown;
  /** The types that accept the value; every other type rejects it, except those in `unsure`. */
  readonly valid?: readonly TypeName[];
  /** Types whose verdict the suite does not pin down (still a verdict or a duckcall error). */
  readonly unsure?: readonly TypeName[];
  /**
   * Costs more to build than to check (1e6 elements, 100,000 levels): one value serves every call
   * of a test instead of one per call (a check never mutates its value: API.md §3).
   */
  readonly shared?: true;
}

/** The verdict `type` must give for `value`, or `undefined` when it is not pinned down. */
export function verdictOf(value: HostileValue, type: TypeName): boolean | undefined {
  if (value.unsure?.includes(type)) return undefined;
  return value.valid?.includes(type) ?? false;
}

export const DEPTH = 100_000;
export const WIDTH = 1_000_000;
/** The largest array length there is. */
export const MAX_LENGTH = 2 ** 32 - 1;

function boom(): never {
  throw new Error('hostile: this value throws when looked at');
}

/** What a hostile value throws to pass for a duckcall SetupError: the brand is a registered symbol. */
function forgedSetupError(): never {
  throw { [Symbol.for('duckcall/error')]: 'ERR_DUCKCALL_SETUP', name: 'SetupError', message: 'forged' };
}

/** A handler whose every trap throws. */
const throwingHandler: ProxyHandler<object> = new Proxy({}, { get: () => boom });

function revoked(target: object): object {
  const { proxy, revoke } = Proxy.revocable(target, {});
  revoke();
  return proxy;
}

/** A linked list `depth` nodes long; the last node's value is `last`. Built bottom up, no recursion. */
export function deepList(depth: number, last: unknown = depth - 1): { value: unknown; next: unknown } {
  let node: { value: unknown; next: unknown } = { value: last, next: null };
  for (let i = depth - 2; i >= 0; i--) node = { value: i, next: node };
  return node;
}

/** A tree `depth` levels deep, one child per level; the bottom node's label is `last`. */
export function deepTree(depth: number, last: unknown = 'leaf'): { label: unknown; children: unknown[] } {
  let node: { label: unknown; children: unknown[] } = { label: last, children: [] };
  for (let i = depth - 2; i >= 0; i--) node = { label: `n${i}`, children: [node] };
  return node;
}

/** An array of length 2**32 - 1 with only `set` filled in. */
function maxSparse(set: Record<number, unknown> = {}): unknown[] {
  const array: unknown[] = [];
  array.length = MAX_LENGTH;
  for (const [i, v] of Object.entries(set)) array[Number(i)] = v;
  return array;
}

function row(length: number, element: (i: number) => unknown): unknown[] {
  const array = new Array<unknown>(length);
  array[0] = 'head';
  for (let i = 1; i < length; i++) array[i] = element(i);
  return array;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  }
  return value;
}

let realm: vm.Context | undefined;
/** A value made in another realm (its own Object, Array, Map…), as an iframe or `node:vm` gives. */
function fromRealm(source: string): unknown {
  realm ??= vm.createContext({});
  return vm.runInContext(`(${source})`, realm);
}

class MyMap<K, V> extends Map<K, V> {}
class MyArray<T> extends Array<T> {}
class MyDate extends Date {}

/** A Map subclass whose own methods all throw: a check must read the entries the built-in way. */
class EvilMap<K, V> extends Map<K, V> {
  override get(): never { return boom(); }
  override has(): never { return boom(); }
  override entries(): never { return boom(); }
  override keys(): never { return boom(); }
  override values(): never { return boom(); }
  override forEach(): never { return boom(); }
  override [Symbol.iterator](): never { return boom(); }
  override get size(): never { return boom(); }
}

class EvilDate extends Date {
  override getTime(): never { return boom(); }
  override valueOf(): never { return boom(); }
  override toString(): never { return boom(); }
  override [Symbol.toPrimitive](): never { return boom(); }
}

/** Three objects whose every coercion throws. */
const coercions = {
  [Symbol.toPrimitive]: boom,
  toString: boom,
  valueOf: boom,
  toJSON: boom,
};

export const catalogue: readonly HostileValue[] = [
  // Baselines, so the suite shows the checks accept what they should.
  { name: 'null', make: () => null },
  { name: 'undefined', make: () => undefined },
  { name: 'a valid profile', make: () => ({ id: 1, name: 'a', tags: ['x'] }), valid: ['Profile'] },
  { name: 'an empty object', make: () => ({}), valid: ['Scores'] },

  // Proxies
  { name: 'a revoked Proxy', make: () => revoked({ id: 1, value: 1, next: null }) },
  { name: 'a revoked Proxy of an array', make: () => revoked(['head', 1]) },
  { name: 'a revoked Proxy of a function', make: () => revoked(() => 1) },
  { name: 'a Proxy whose every trap throws', make: () => new Proxy({ id: 1, value: 1, next: null, label: 'a', children: [] }, throwingHandler) },
  { name: 'a Proxy of an array whose every trap throws', make: () => new Proxy(['head', 1, 2], throwingHandler) },
  { name: 'a Proxy of a Map whose every trap throws', make: () => new Proxy(new Map([['a', [1]]]), throwingHandler) },
  { name: 'a Proxy whose every trap throws a forged SetupError', make: () => new Proxy({ id: 1 }, new Proxy({}, { get: () => forgedSetupError })) },
  { name: 'a transparent Proxy of a profile', make: () => new Proxy({ id: 1, name: 'a' }, {}), valid: ['Profile'] },
  { name: 'a transparent Proxy of a row', make: () => new Proxy(['head', 1, 2], {}), valid: ['Row'] },
  { name: 'a transparent Proxy of an Account', make: () => new Proxy(new Account(), {}), valid: ['Account'] },
  {
    name: 'a Proxy whose ownKeys breaks the invariants',
    make: () => new Proxy({ version: 1 }, { ownKeys: () => ['version', 'version'] }),
    // property reads work; only listing the keys throws
    unsure: ['Scores', 'Dict'],
  },
  { name: 'a Proxy that claims Date.prototype', make: () => new Proxy({}, { getPrototypeOf: () => Date.prototype }), unsure: ['Date'] },
  {
    name: 'a Proxy array whose length is 2**32 - 1',
    make: () => new Proxy(['head'], { get: (target, key, receiver) => (key === 'length' ? MAX_LENGTH : Reflect.get(target, key, receiver)) }),
  },

  // Getters and coercion
  { name: 'a throwing own getter', make: () => ({ id: 1, get name(): string { return boom(); } }) },
  {
    name: 'throwing getters on the prototype',
    make: () => Object.create({
      get id() { return boom(); }, get kind() { return boom(); }, get value() { return boom(); }, get label() { return boom(); },
      get name() { return boom(); }, get version() { return boom(); }, get r() { return boom(); },
    }),
  },
  {
    name: 'getters that throw a forged SetupError',
    make: () => ({ get id() { return forgedSetupError(); }, get kind() { return forgedSetupError(); }, get value() { return forgedSetupError(); }, get label() { return forgedSetupError(); } }),
  },
  { name: 'a throwing getter the types never read', make: () => ({ name: 'a', age: 1, get extra(): never { return boom(); } }), valid: ['Person'] },
  { name: 'throwing Symbol.toPrimitive, toString and valueOf', make: () => ({ ...coercions }) },
  { name: 'a valid record whose Symbol.toPrimitive throws', make: () => ({ id: 1, version: 2, [Symbol.toPrimitive]: boom }), valid: ['Profile', 'Scores', 'Dict'] },
  { name: 'an uncoercible element in a row', make: () => ['head', { ...coercions }] },
  { name: 'an uncoercible Map key', make: () => new Map([[{ ...coercions }, [1]]]) },
  {
    name: 'a getter that answers differently each time',
    make: () => {
      let reads = 0;
      return { get id() { return reads++ % 2 === 0 ? 1 : 'one'; } };
    },
    unsure: ['Profile', 'Scores'],
  },

  // Prototype tricks
  { name: 'a null-prototype object', make: () => Object.assign(Object.create(null), { id: 1, version: 3 }), valid: ['Profile', 'Scores', 'Dict'] },
  { name: 'an empty null-prototype object', make: () => Object.create(null), valid: ['Scores'] },
  { name: 'an own __proto__ object (JSON.parse)', make: () => JSON.parse('{"__proto__": {"polluted": true, "id": 2}, "id": 1}'), valid: ['Profile'] },
  { name: 'an own __proto__ number (JSON.parse)', make: () => JSON.parse('{"__proto__": 1, "version": 2}'), valid: ['Scores', 'Dict'] },
  { name: 'an own __proto__ in a nested value (JSON.parse)', make: () => JSON.parse('{"id": 1, "tags": ["a"], "name": "n", "x": {"__proto__": {"polluted": true}}}'), valid: ['Profile'] },
  { name: 'an own __proto__ (defineProperty)', make: () => Object.defineProperty({ version: 1 }, '__proto__', { value: 5, enumerable: true }), valid: ['Scores', 'Dict'] },
  { name: 'an own constructor (JSON.parse)', make: () => JSON.parse('{"constructor": {"prototype": {"polluted": true}}, "id": 1}'), valid: ['Profile'] },
  { name: 'an own constructor (defineProperty)', make: () => Object.defineProperty({ id: 1 }, 'constructor', { value: Account, enumerable: true }), valid: ['Profile'] },
  { name: 'an object made from Account.prototype', make: () => Object.create(Account.prototype), unsure: ['Account'] },
  { name: 'an object made from Date.prototype', make: () => Object.create(Date.prototype), unsure: ['Date'] },
  { name: 'a function with properties', make: () => Object.assign(function profile() {}, { id: 1 }), valid: ['Profile'] },

  // Frozen and sealed
  { name: 'a frozen shape', make: () => Object.freeze({ kind: 'circle', r: 1 }), valid: ['Shape'] },
  { name: 'a sealed profile', make: () => Object.seal({ id: 1, tags: Object.seal(['a']) }), valid: ['Profile'] },
  { name: 'a frozen row', make: () => Object.freeze(['head', 1, 2]), valid: ['Row'] },
  { name: 'a deeply frozen list', make: () => deepFreeze(deepList(3)), valid: ['List'] },
  { name: 'a frozen Map', make: () => Object.freeze(new Map([['a', [1]]])), valid: ['Index'] },

  // Deep
  { name: 'a list 100,000 deep', make: () => deepList(DEPTH), valid: ['List'], shared: true },
  { name: 'a list 100,000 deep, invalid at the bottom', make: () => deepList(DEPTH, 'bottom'), shared: true },
  { name: 'a tree 100,000 deep', make: () => deepTree(DEPTH), valid: ['Tree'], shared: true },
  { name: 'a tree 100,000 deep, invalid at the bottom', make: () => deepTree(DEPTH, 404), shared: true },

  // Cycles
  {
    name: 'a cyclic list',
    make: () => {
      const node: { value: number; next: unknown } = { value: 1, next: null };
      node.next = { value: 2, next: node };
      return node;
    },
    valid: ['List'],
  },
  {
    name: 'a cyclic list with an invalid node',
    make: () => {
      const node: { value: unknown; next: unknown } = { value: 1, next: null };
      node.next = { value: 'two', next: node };
      return node;
    },
  },
  {
    name: 'a cyclic tree',
    make: () => {
      const tree: { label: string; children: unknown[] } = { label: 'root', children: [] };
      tree.children.push(tree, { label: 'leaf', children: [tree] });
      return tree;
    },
    valid: ['Tree'],
  },
  {
    name: 'a record that contains itself',
    make: () => {
      const record: Record<string, unknown> = { a: 1 };
      record['self'] = record;
      return record;
    },
  },
  {
    name: 'a Map that contains itself',
    make: () => {
      const map = new Map<unknown, unknown>([['a', [1]]]);
      map.set('self', map);
      return map;
    },
  },

  // Sparse and huge arrays
  { name: 'a sparse row', make: () => ['head', , 2] },
  { name: 'an array of holes', make: () => new Array(5) },
  { name: 'a sparse array of length 2**32 - 1', make: () => maxSparse({ 0: 'head' }) },
  { name: 'an empty array of length 2**32 - 1', make: () => maxSparse() },
  { name: 'a sparse tree whose children have length 2**32 - 1', make: () => ({ label: 'root', children: maxSparse() }) },
  { name: 'a row of 1e6 numbers', make: () => row(WIDTH, (i) => i), valid: ['Row'], shared: true },
  { name: 'a row of 1e6 invalid elements', make: () => row(WIDTH, () => 'x'), shared: true },
  { name: 'a tree with 100,000 invalid children', make: () => ({ label: 'root', children: Array.from({ length: 100_000 }, () => ({ label: 1, children: [] })) }), shared: true },
  { name: 'a record of 1e5 invalid values', make: () => Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, 'x'])), shared: true },

  // Another realm
  { name: 'a profile from another realm', make: () => fromRealm('{ id: 1 }'), valid: ['Profile', 'Scores'] },
  { name: 'a record from another realm', make: () => fromRealm("{ version: 1, a: 'x' }"), valid: ['Dict'] },
  { name: 'a null-prototype record from another realm', make: () => fromRealm('Object.assign(Object.create(null), { version: 1 })'), valid: ['Scores', 'Dict'] },
  { name: 'a row from another realm', make: () => fromRealm("['head', 1, 2]"), valid: ['Row'] },
  { name: 'a list from another realm', make: () => fromRealm('{ value: 1, next: { value: 2, next: null } }'), valid: ['List'] },
  { name: 'a Map from another realm', make: () => fromRealm("new Map([['a', [1, 2]]])"), valid: ['Index'] },
  { name: 'an invalid Map from another realm', make: () => fromRealm("new Map([['a', ['x']]])") },
  { name: 'a Set from another realm', make: () => fromRealm("new Set(['a'])"), valid: ['Tags'] },
  { name: 'a Date from another realm', make: () => fromRealm('new Date(0)'), valid: ['Date'] },

  // Subclasses of built-ins
  { name: 'a Map subclass', make: () => new MyMap([['a', [1]]]), valid: ['Index'] },
  { name: 'a Map subclass whose methods throw', make: () => new EvilMap([['a', [1]]]), valid: ['Index'] },
  { name: 'an invalid Map subclass', make: () => new MyMap([['a', ['x']]]) },
  { name: 'an Array subclass', make: () => MyArray.of<unknown>('head', 1, 2), valid: ['Row'] },
  { name: 'a Date subclass', make: () => new MyDate(0), valid: ['Date'] },
  { name: 'a Date subclass whose methods throw', make: () => new EvilDate(0), valid: ['Date'] },
  { name: 'an invalid Date', make: () => new Date(Number.NaN), valid: ['Date'] },
  { name: 'a Set whose own iterator throws', make: () => Object.defineProperty(new Set(['a']), Symbol.iterator, { value: boom }), valid: ['Tags'] },

  // Primitives
  { name: 'a Symbol', make: () => Symbol('hostile'), valid: ['Scalar'] },
  { name: 'a well-known Symbol', make: () => Symbol.toPrimitive, valid: ['Scalar'] },
  { name: 'a BigInt', make: () => 2n ** 70n, valid: ['Scalar'] },
  { name: 'NaN', make: () => Number.NaN, valid: ['Scalar'] },
  { name: '-0', make: () => -0, valid: ['Scalar'] },
  { name: 'a row of NaN and -0', make: () => ['head', Number.NaN, -0], valid: ['Row'] },
  { name: 'a huge string', make: () => 'a'.repeat(10_000_000) },
  { name: 'a huge valid route', make: () => `/users/${'0'.repeat(1_000_000)}7`, valid: ['Route'] },
  { name: 'a huge route that is not a finite number', make: () => `/users/${'9'.repeat(1_000_000)}` },
  { name: 'a record with a huge key', make: () => ({ ['k'.repeat(1_000_000)]: 1 }), valid: ['Scores'] },
  { name: 'a boxed string', make: () => Object('/users/1') },
];
