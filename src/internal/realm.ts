/**
 * Checks that give the same answer for values from any realm (`node:vm` contexts, iframes) and run no
 * getter: properties are read by descriptor, never through `[[Get]]`, and neither `instanceof` nor
 * `Symbol.hasInstance` is used. Only a Proxy's `getPrototypeOf` and `getOwnPropertyDescriptor` traps
 * can run; whatever they do, a check never throws.
 *
 * Every built-in used is captured when this module loads, so a later `globalThis.Map = …` or a patched
 * `Map.prototype.has` cannot change an answer.
 * @internal
 */

// Reads a bundler cannot prove pure are wrapped in calls marked pure: a bundle that uses nothing of
// this module leaves it all out.
const apply = Reflect.apply;
const getPrototypeOf = Object.getPrototypeOf;
const getOwnPropertyDescriptor = Object.getOwnPropertyDescriptor;
const ObjectPrototype: object = /* @__PURE__ */ (() => Object.prototype)();
const functionSource = /* @__PURE__ */ (() => Function.prototype.toString)();
const isView = /* @__PURE__ */ (() => ArrayBuffer.isView)();
const isArray = Array.isArray;

/** Longer than any real prototype chain; only a Proxy's `getPrototypeOf` trap makes one this long. */
const CHAIN_LIMIT = 1_000;

const globals = globalThis as unknown as Record<string, unknown>;

/** The prototype of the global class `name`, or `undefined` where this platform lacks it. */
function prototypeOf(name: string): object | undefined {
  const ctor = globals[name];
  return typeof ctor === 'function' ? (ctor.prototype as object) : undefined;
}

/** An own data property's value, `undefined` for an accessor (never run) or no such property. */
function dataValue(object: object, key: PropertyKey): unknown {
  const descriptor = getOwnPropertyDescriptor(object, key);
  return descriptor && 'value' in descriptor ? descriptor.value : undefined;
}

/**
 * A test of whether an object is `name.prototype` of some realm: this realm's, or one whose own
 * `constructor` is a data property holding a native function printed as
 * `function name() { [native code] }` whose own `prototype` is a non-writable, non-configurable data
 * property holding that object. A built-in class's `prototype` can never be replaced, so only the real
 * one makes that round trip; an impostor (`Object.create(null, Object.getOwnPropertyDescriptors(
 * Object.prototype))`, a `class Map extends null`, a Proxy or bound function as `constructor`) fails
 * it. A realm whose `name.prototype.constructor` was deleted or replaced (when first seen) is not
 * recognised.
 */
function realmPrototypes(name: string): (proto: object) => boolean {
  const own = prototypeOf(name);
  // Being some realm's `name.prototype` is a matter of identity, so a verdict once reached is kept.
  const verdicts = new WeakMap<object, boolean>();
  const native = new RegExp(`^function ${name}\\(\\)\\s*\\{\\s*\\[native code\\]\\s*\\}$`);
  return (proto) => {
    if (proto === own) return true;
    let verdict = verdicts.get(proto);
    if (verdict === undefined) {
      const ctor = dataValue(proto, 'constructor');
      // The source first: it runs no trap, and a Proxy prints without a name.
      const prototype = typeof ctor === 'function' && native.test(apply(functionSource, ctor, []) as string) ? getOwnPropertyDescriptor(ctor, 'prototype') : undefined;
      verdict = prototype !== undefined && 'value' in prototype && prototype.value === proto && !prototype.writable && !prototype.configurable;
      verdicts.set(proto, verdict);
    }
    return verdict;
  };
}

const isObjectPrototype = /* @__PURE__ */ realmPrototypes('Object');

/**
 * An object literal's kind of object, from any realm: a non-null object whose prototype is `null` or
 * is the `Object.prototype` of some realm (see `realmPrototypes`). Arrays, functions, class instances
 * and `Object.create(Object.create(null))` are not plain.
 *
 * No getter runs. A Proxy is judged by what its traps report (`getPrototypeOf`, and
 * `getOwnPropertyDescriptor` on a Proxy used as the prototype); a trap that throws, or a revoked
 * Proxy, gives `false`. Never throws.
 */
export function plainObject(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  try {
    const proto: object | null = getPrototypeOf(value);
    return proto === null || proto === ObjectPrototype || (getPrototypeOf(proto) === null && isObjectPrototype(proto));
  } catch {
    return false;
  }
}

type Check = (value: unknown) => boolean;

/**
 * Instances of the built-in class `name`: `hasSlot(value)` says (by returning or throwing) whether
 * `value` has the class's internal slot, and the prototype chain must reach `name.prototype` of some
 * realm. `cheapSlot` slot tests, which never throw, go first and spare the walk for most values; the
 * others throw on a mismatch, which costs microseconds, so the walk goes first and rejects plain
 * objects, arrays and other classes' instances without one.
 */
function instances(name: string, hasSlot: Check | undefined, cheapSlot = false): Check | undefined {
  if (prototypeOf(name) === undefined || hasSlot === undefined) return undefined;
  const isPrototype = realmPrototypes(name);
  return (value) => {
    if (typeof value !== 'object' || value === null) return false;
    try {
      if (cheapSlot && !hasSlot(value)) return false;
      // Arrays (a Proxy of one too, seen without a trap) are no instance of any other class.
      if (isArray(value)) return false;
      let depth = 0;
      for (let link: object | null = getPrototypeOf(value); link !== null && link !== ObjectPrototype && depth < CHAIN_LIMIT; link = getPrototypeOf(link), depth++) {
        if (isPrototype(link)) return cheapSlot || hasSlot(value);
      }
      return false;
    } catch {
      return false;
    }
  };
}

/** A slot test that calls `method` on the value: the call throws a TypeError when the slot is missing. */
function calling(method: Function | undefined, args: readonly unknown[] = []): Check | undefined {
  if (typeof method !== 'function') return undefined;
  return (value) => {
    apply(method, value, args);
    return true;
  };
}

function getter(proto: object | undefined, key: PropertyKey): Function | undefined {
  return proto === undefined ? undefined : getOwnPropertyDescriptor(proto, key)?.get;
}

/** The `[[TypedArrayName]]` of a typed array of any realm, or `undefined`: this getter never throws. */
const typedArrayName = /* @__PURE__ */ (() => getter(getPrototypeOf(Uint8Array.prototype) as object, Symbol.toStringTag)!)();

/**
 * A typed array of any realm and any element type (`Uint8Array`, `Float64Array`, …, a subclass's
 * instance too), not a `DataView`: read from its internal slot, so no getter or Proxy trap runs and a
 * Proxy of one is rejected. Never throws. For number index signatures, which typed arrays have.
 */
export function typedArray(value: unknown): boolean {
  return apply(typedArrayName, value, []) !== undefined;
}

function builtinChecks(): Map<string, Check | undefined> {
  return new Map<string, Check | undefined>([
    ['Map', instances('Map', calling(getter(prototypeOf('Map'), 'size')))],
    ['Set', instances('Set', calling(getter(prototypeOf('Set'), 'size')))],
    ['WeakMap', instances('WeakMap', calling(prototypeOf('WeakMap') && WeakMap.prototype.has, [undefined]))],
    ['WeakSet', instances('WeakSet', calling(prototypeOf('WeakSet') && WeakSet.prototype.has, [undefined]))],
    ['Date', instances('Date', calling(Date.prototype.getTime))],
    ['RegExp', instances('RegExp', calling(getter(RegExp.prototype, 'source')))],
    // ArrayBuffer's getter rejects shared buffers and SharedArrayBuffer's rejects the others.
    ['ArrayBuffer', instances('ArrayBuffer', calling(getter(prototypeOf('ArrayBuffer'), 'byteLength')))],
    ['SharedArrayBuffer', instances('SharedArrayBuffer', calling(getter(prototypeOf('SharedArrayBuffer'), 'byteLength')))],
    // A view that is no typed array (a detached buffer does not matter here, unlike for `byteLength`).
    ['DataView', instances('DataView', (value) => isView(value) && apply(typedArrayName, value, []) === undefined, true)],
    ...[
      'Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array',
      'Float16Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array',
    ].map((name) => [name, instances(name, (value) => apply(typedArrayName, value, []) === name, true)] as const),
    // Wrapper objects (`new Number(1)`, `Object(1n)`); the primitives themselves are not instances.
    ['Boolean', instances('Boolean', calling(Boolean.prototype.valueOf))],
    ['Number', instances('Number', calling(Number.prototype.valueOf))],
    ['String', instances('String', calling(String.prototype.valueOf))],
    ['Symbol', instances('Symbol', calling(Symbol.prototype.valueOf))],
    ['BigInt', instances('BigInt', calling(prototypeOf('BigInt') && BigInt.prototype.valueOf))],
  ]);
}

// Built when this module loads (pure: a bundle that never asks `brandCheck` leaves it out).
const checks = /* @__PURE__ */ builtinChecks();

/**
 * For a built-in class whose instances carry an internal slot, a check that accepts its instances and
 * subclass instances from any realm and rejects everything else, running no getter: `value` must
 * have the slot (a built-in method or getter that reads it, such as `Map`'s `size` getter,
 * `Date.prototype.getTime` or `%TypedArray%.prototype[Symbol.toStringTag]`, accepts it) and its
 * prototype chain must reach that class's `prototype` of some realm (recognised as `plainObject`
 * recognises `Object.prototype`).
 *
 * - Classes: `Map`, `Set`, `WeakMap`, `WeakSet`, `Date`, `RegExp`, `ArrayBuffer`,
 *   `SharedArrayBuffer`, `DataView`, each typed array (`Float16Array` too), and the wrapper objects
 *   `Boolean`, `Number`, `String`, `Symbol`, `BigInt` (objects only; a primitive is no instance).
 *   A class this platform lacks (`Float16Array`, or `SharedArrayBuffer` where it is not exposed)
 *   gives `undefined`.
 * - `undefined` for everything else, where the caller falls back to `instanceof` of the global:
 *   `Promise` (every method that tests its slot then reads `constructor` through `[[Get]]`, which can
 *   run a getter), `Error` (no slot a method tests; errors are compared structurally), and host
 *   classes (`URL`, `Blob`, `Headers`, …).
 * - Rejected: `Object.create(Map.prototype)` and `{ size: 0, has() {} }` (no slot), a Proxy of a
 *   real `Map` (the slot is not forwarded, and `Map.prototype.get` and iteration need it), a revoked
 *   Proxy, the class's own `prototype` (even `String.prototype`, a wrapper object itself), and a
 *   real instance whose prototype was set to `null` or to a chain without the class (it has none of
 *   the class's methods).
 * - Runs no getter. On a Proxy (the value or a link of its chain) the `getPrototypeOf` and
 *   `getOwnPropertyDescriptor` traps may run; the verdict on a Proxy value is `false` whatever they
 *   do. Never throws.
 * - Cost: a match costs a chain step or two and one call; a plain object, an array or another class's
 *   instance is rejected by the chain walk, before any slot test that would throw.
 *
 * The same function is returned for the same name, so callers can capture it once.
 */
export function brandCheck(name: string): ((value: unknown) => boolean) | undefined {
  return checks.get(name);
}
