/**
 * Registry keys shared by every loaded copy of duckcall (ESM and CJS, or two versions), so a case
 * marked by one copy is understood by the other.
 * @internal
 */
export const MATCHERS = Symbol.for('duckcall/matchers');
/** @internal */
export const CASES = Symbol.for('duckcall/cases');
/** @internal */
export const ERROR_BRAND = Symbol.for('duckcall/error');
/** @internal */
export const PROTOCOL_BRAND = Symbol.for('duckcall/protocol');
/** @internal Where decorated classes keep their own `@overload` cases. */
export const OWN_OVERLOADS = Symbol.for('duckcall/own-overloads');
/** @internal Marks a dispatcher installed by `@overload`, so it can be told from a user's method. */
export const INSTALLED = Symbol.for('duckcall/installed');
/** @internal The type key of a protocol built by the transformer (equal keys, equal types). */
export const PROTOCOL_KEY = Symbol.for('duckcall/protocol-key');
/** @internal Marks the signature-as-written the transformer passes to `@overload`. */
export const SIGNATURE = Symbol.for('duckcall/signature');
