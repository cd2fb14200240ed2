/**
 * Safe descriptions of values for error messages. Arguments may be hostile (revoked proxies,
 * throwing getters), so nothing here runs a getter or lets an exception escape.
 * @internal
 */

/** The runtime type of a value as a message shows it: `number`, `null`, `Array`, `Date`, `object`. */
export function typeName(value: unknown): string {
  if (value === null) return 'null';
  const type = typeof value;
  if (type !== 'object') return type;
  try {
    if (Array.isArray(value)) return 'Array';
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto === null || proto === Object.prototype) return 'object';
    const ctor = Object.getOwnPropertyDescriptor(proto, 'constructor')?.value;
    const name = typeof ctor === 'function' ? Object.getOwnPropertyDescriptor(ctor, 'name')?.value : undefined;
    return typeof name === 'string' && name !== '' && name !== 'Object' ? name : 'object';
  } catch {
    return 'object';
  }
}

/** A short literal rendering of a matcher value: `'hex'`, `1n`, `null`. */
export function literal(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
    case 'bigint':
      return `${value}n`;
    case 'symbol':
      return value.toString();
    default:
      return String(value);
  }
}

/**
 * `name: message` of a thrown value, for errors thrown by hostile values: never throws and runs no
 * getter or `toString` (`name` and `message` are read as data properties along the prototype chain;
 * a Proxy's traps can still run). A primitive is shown with `String`; an object without a string
 * `message`, by its type name.
 */
export function safeString(error: unknown): string {
  try {
    if (typeof error !== 'object' && typeof error !== 'function') return String(error);
    if (error === null) return 'null';
    const message = inheritedData(error, 'message');
    if (typeof message !== 'string') return typeName(error);
    const name = inheritedData(error, 'name');
    return typeof name === 'string' && name !== '' ? `${name}: ${message}` : message;
  } catch {
    return 'an unprintable value';
  }
}

/** The value of the first data property `key` on `object`'s prototype chain; `undefined` at an accessor. */
function inheritedData(object: object, key: string): unknown {
  // Bounded: a Proxy's getPrototypeOf trap can make the chain endless.
  for (let holder: object | null = object, depth = 0; holder !== null && depth < 64; holder = Object.getPrototypeOf(holder), depth++) {
    const descriptor = Object.getOwnPropertyDescriptor(holder, key);
    if (descriptor) return 'value' in descriptor ? descriptor.value : undefined;
  }
  return undefined;
}

/** A function's own `name`, read from its descriptor (never through a getter). */
export function functionName(fn: Function): string {
  try {
    const name = Object.getOwnPropertyDescriptor(fn, 'name')?.value;
    return typeof name === 'string' ? name : '';
  } catch {
    return '';
  }
}
