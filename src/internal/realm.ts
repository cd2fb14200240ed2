/**
 * Checks that give the same answer for values from any realm (`node:vm` contexts, iframes, workers'
 * structured clones are same-realm already) and run no user code: no getter on the value or its
 * prototype, no `Symbol.hasInstance`, no `constructor` read through `[[Get]]`.
 *
 * Every built-in used is captured when this module loads, so a later `globalThis.Map = …` or a patched
 * `Map.prototype.has` cannot change an answer.
 * @internal
 */

const { apply } = Reflect;
const { getPrototypeOf, getOwnPropertyDescriptor } = Object;
const ObjectPrototype: object = Object.prototype;
const functionSource = Function.prototype.toString;
// How every engine prints a realm's `Object` constructor; a Proxy or bound function prints no name.
const NATIVE_OBJECT = /^function Object\(\)\s*\{\s*\[native code\]\s*\}$/;

/** Foreign `Object.prototype`s already proven so; an object's identity as one never changes. */
const knownObjectPrototypes = new WeakSet<object>();

/**
 * True when `proto` is the `Object.prototype` of some realm: its own `constructor` is a data property
 * holding a native function printed as `function Object() { [native code] }` whose own `prototype` is
 * a non-writable, non-configurable data property holding `proto` itself. A realm's `Object.prototype`
 * cannot be replaced, so that round trip can only be made by the real one; an impostor built from
 * another realm's parts (`Object.create(null, Object.getOwnPropertyDescriptors(Object.prototype))`)
 * fails it.
 */
function isObjectPrototype(proto: object): boolean {
  if (proto === ObjectPrototype || knownObjectPrototypes.has(proto)) return true;
  if (getPrototypeOf(proto) !== null) return false;
  const ctor: unknown = dataValue(proto, 'constructor');
  // The source first: a Proxy prints without a name, so it is rejected before any trap could run.
  if (typeof ctor !== 'function' || !NATIVE_OBJECT.test(apply(functionSource, ctor, []) as string)) return false;
  const prototype = getOwnPropertyDescriptor(ctor, 'prototype');
  if (!prototype || !('value' in prototype) || prototype.value !== proto || prototype.writable || prototype.configurable) return false;
  knownObjectPrototypes.add(proto);
  return true;
}

/** An own data property's value, `undefined` for an accessor (never run) or no such property. */
function dataValue(object: object, key: PropertyKey): unknown {
  const descriptor = getOwnPropertyDescriptor(object, key);
  return descriptor && 'value' in descriptor ? descriptor.value : undefined;
}

/**
 * An object literal's kind of object, from any realm: a non-null object whose prototype is `null` or
 * is the `Object.prototype` of some realm (this one, or another proven so by its own `constructor`
 * round trip, see above; a realm whose `Object.prototype.constructor` was deleted or replaced has its
 * objects rejected). Arrays, functions, class instances and `Object.create(Object.create(null))`
 * are not plain.
 *
 * No getter runs. A Proxy is judged by what its traps report (`getPrototypeOf`, and
 * `getOwnPropertyDescriptor` on a Proxy used as the prototype); a trap that throws, or a revoked
 * Proxy, gives `false`. Never throws.
 */
export function plainObject(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  try {
    const proto: object | null = getPrototypeOf(value);
    return proto === null || isObjectPrototype(proto);
  } catch {
    return false;
  }
}

type Check = (value: unknown) => boolean;

/** A check that `value` has the internal slot `method` requires: calling it throws a TypeError otherwise. */
function slotCheck(method: Function | undefined, args: readonly unknown[] = []): Check | undefined {
  if (typeof method !== 'function') return undefined;
  return (value) => {
    if (typeof value !== 'object' || value === null) return false;
    try {
      apply(method, value, args);
      return true;
    } catch {
      return false;
    }
  };
}

function getter(proto: object | undefined, key: PropertyKey): Function | undefined {
  return proto === undefined ? undefined : getOwnPropertyDescriptor(proto, key)?.get;
}

const globals = globalThis as unknown as Record<string, unknown>;

/** The prototype of the global class `name`, or `undefined` where this platform lacks it. */
function prototypeOf(name: string): object | undefined {
  const ctor = globals[name];
  return typeof ctor === 'function' ? (ctor.prototype as object) : undefined;
}

/** The `[[TypedArrayName]]` of a typed array of any realm, or `undefined`: this getter never throws. */
const typedArrayName = getter(getPrototypeOf(Uint8Array.prototype) as object, Symbol.toStringTag)!;

function typedArrayCheck(name: string): Check | undefined {
  if (prototypeOf(name) === undefined) return undefined;
  return (value) => {
    try {
      return apply(typedArrayName, value, []) === name;
    } catch {
      return false;
    }
  };
}

const regExpSource = slotCheck(getter(RegExp.prototype, 'source'));
const RegExpPrototype: object = RegExp.prototype;

const checks = new Map<string, Check | undefined>([
  ['Map', slotCheck(getter(prototypeOf('Map'), 'size'))],
  ['Set', slotCheck(getter(prototypeOf('Set'), 'size'))],
  ['WeakMap', slotCheck(prototypeOf('WeakMap') && WeakMap.prototype.has, [undefined])],
  ['WeakSet', slotCheck(prototypeOf('WeakSet') && WeakSet.prototype.has, [undefined])],
  ['Date', slotCheck(Date.prototype.getTime)],
  // The `source` getter answers for this realm's RegExp.prototype too, which is no RegExp.
  ['RegExp', (value) => value !== RegExpPrototype && regExpSource!(value)],
  // ArrayBuffer's getter rejects shared buffers and SharedArrayBuffer's rejects the others.
  ['ArrayBuffer', slotCheck(getter(prototypeOf('ArrayBuffer'), 'byteLength'))],
  ['SharedArrayBuffer', slotCheck(getter(prototypeOf('SharedArrayBuffer'), 'byteLength'))],
  // `buffer`, not `byteLength`: the latter throws for a DataView whose buffer was detached.
  ['DataView', slotCheck(getter(prototypeOf('DataView'), 'buffer'))],
  ...[
    'Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array',
    'Float16Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array',
  ].map((name) => [name, typedArrayCheck(name)] as const),
  // Wrapper objects (`new Number(1)`, `Object(1n)`); the primitives themselves are not instances.
  ['Boolean', slotCheck(Boolean.prototype.valueOf)],
  ['Number', slotCheck(Number.prototype.valueOf)],
  ['String', slotCheck(String.prototype.valueOf)],
  ['Symbol', slotCheck(Symbol.prototype.valueOf)],
  ['BigInt', slotCheck(prototypeOf('BigInt') && BigInt.prototype.valueOf)],
]);

/**
 * For a built-in class whose instances carry an internal slot, a check that accepts its instances and
 * subclass instances from any realm and rejects everything else, without running user code: it calls
 * a built-in method or getter that reads the slot (`Map`'s `size` getter, `Date.prototype.getTime`,
 * `%TypedArray%.prototype[Symbol.toStringTag]`, …) and only asks whether it threw.
 *
 * - Classes: `Map`, `Set`, `WeakMap`, `WeakSet`, `Date`, `RegExp`, `ArrayBuffer`,
 *   `SharedArrayBuffer`, `DataView`, each typed array (`Float16Array` too), and the wrapper objects
 *   `Boolean`, `Number`, `String`, `Symbol`, `BigInt` (objects only; a primitive is no instance).
 *   A class this platform lacks (`Float16Array`, or `SharedArrayBuffer` where it is not exposed)
 *   gives `undefined`.
 * - `undefined` for everything else, where the caller falls back to `instanceof` of the global:
 *   `Promise` (every method that tests the slot then reads `constructor` through `[[Get]]`, which can
 *   run a getter), `Error` (no slot a method tests; errors are compared structurally), and host
 *   classes (`URL`, `Blob`, `Headers`, …).
 * - Look-alikes are rejected: `Object.create(Map.prototype)`, `{ size: 0, has() {} }`, and a Proxy of
 *   a real `Map` (the slot is not forwarded, and the slot is what `Map.prototype.get` and iteration
 *   need). A revoked Proxy gives `false`. A real instance whose prototype was swapped is still
 *   accepted: the slot is what is checked, not the chain (so `Boolean.prototype`, `Number.prototype`
 *   and `String.prototype`, which are wrapper objects, are instances). A check never throws.
 * - Cost: a match costs a call; a mismatch on an object costs a caught TypeError (microseconds), so
 *   a guard that tries a brand before cheaper alternatives pays that on every object that is not one.
 *
 * The same function is returned for the same name, so callers can capture it once.
 */
export function brandCheck(name: string): ((value: unknown) => boolean) | undefined {
  return checks.get(name);
}
