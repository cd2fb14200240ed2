import type { Issue, Validation } from './issue.js';
import type { StandardSchemaV1 } from './standard-schema.js';

/**
 * A reusable runtime check for the type `T`: `protocol<T>()` builds one. It is a Standard Schema v1
 * (so schema consumers accept it) and a matcher for `when`.
 */
export interface Protocol<T> extends StandardSchemaV1<unknown, T> {
  /** The type's name as written, e.g. `EatsBread`. */
  readonly name: string;
  /** True when `value` satisfies `T`. */
  is(value: unknown): value is T;
  /** Throws `ProtocolError` listing every violation unless `value` satisfies `T`. */
  assert(value: unknown): asserts value is T;
  /** Every violation, or the value itself when there is none. */
  validate(value: unknown): Validation<T>;
}

/**
 * What a protocol is built from when written by hand (the transformer generates the same from `T`):
 * a name, a guard, and optionally a function that lists every violation and the method names a class
 * must have for `@implement`.
 */
export interface ProtocolDefinition<T> {
  readonly name: string;
  readonly is: (value: unknown) => value is T;
  /** Every violation, with `$input`-rooted paths; an empty array when `value` satisfies `T`. */
  readonly validate?: (value: unknown) => readonly Issue[];
  /** Methods `@implement` requires on a class's prototype chain. */
  readonly methods?: readonly PropertyKey[];
  /**
   * Protocols with equal keys check the same type. A subclass's `@overload` case whose matchers have
   * the keys of a parent case's matchers replaces it. Defaults to the protocol object's identity.
   */
  readonly key?: string;
}
