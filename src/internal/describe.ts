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

/** `String(error)` that never throws, for errors thrown by hostile values. */
export function safeString(error: unknown): string {
  try {
    if (error instanceof Error) return `${error.name}: ${error.message}`;
    return String(error);
  } catch {
    return 'an unprintable value';
  }
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
