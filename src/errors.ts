import { ERROR_BRAND } from './internal/symbols.js';
import { noMatchingOverload, protocolViolated } from './messages.js';
import type { Candidate, Issue } from './types/issue.js';

/** The `code` of each duckcall error. */
export type DuckcallErrorCode = 'ERR_NO_MATCHING_OVERLOAD' | 'ERR_PROTOCOL' | 'ERR_DUCKCALL_SETUP';

function brand(ctor: { prototype: object }, name: string, code: DuckcallErrorCode): void {
  // On the prototype, not the instance: `name` and `code` stay out of enumerable own keys, survive
  // minification of class names, and the brand lets copies of duckcall recognise each other's errors.
  for (const [key, value] of [['name', name], ['code', code], [ERROR_BRAND, code]] as const) {
    Object.defineProperty(ctor.prototype, key, { value, writable: true, configurable: true, enumerable: false });
  }
}

function hasBrand(value: unknown, code?: DuckcallErrorCode): boolean {
  if (typeof value !== 'object' || value === null) return false;
  try {
    const found = (value as { [ERROR_BRAND]?: unknown })[ERROR_BRAND];
    return code === undefined ? typeof found === 'string' : found === code;
  } catch {
    return false;
  }
}

/**
 * `instanceof` by brand for duckcall's own class (any copy); a user's subclass, which inherits the
 * static method without owning it, keeps the ordinary check. (Not `target === Class`: a class that
 * names itself in its body gets renamed by bundlers, and `brand` reads `name`.)
 */
function brandedInstance(target: Function, value: unknown, code: DuckcallErrorCode): boolean {
  return Object.hasOwn(target, Symbol.hasInstance) ? hasBrand(value, code) : Function.prototype[Symbol.hasInstance].call(target, value);
}

/**
 * True when `error` is a duckcall error, from this copy of duckcall or any other (ESM and CJS
 * builds loaded side by side, or two versions), where `instanceof` alone would fail.
 *
 * @example
 * try { area(true) } catch (e) { if (isDuckcallError(e, 'ERR_NO_MATCHING_OVERLOAD')) … }
 */
export function isDuckcallError(error: unknown, code?: DuckcallErrorCode): error is NoMatchingOverloadError | ProtocolError | SetupError {
  return hasBrand(error, code);
}

/**
 * Thrown when no case of an overloaded function accepts the arguments. `candidates` says, for every
 * case in order, why it did not match.
 */
export class NoMatchingOverloadError extends TypeError {
  declare readonly name: 'NoMatchingOverloadError';
  declare readonly code: 'ERR_NO_MATCHING_OVERLOAD';
  /** The arguments of the failed call. */
  readonly args: readonly unknown[];
  /** Every case, in order, with the reasons it rejected `args`. */
  readonly candidates: readonly Candidate[];

  constructor(name: string, args: readonly unknown[], candidates: readonly Candidate[]) {
    prepareNoMatch();
    super(noMatchingOverload(name, args, candidates));
    this.args = args;
    this.candidates = candidates;
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    return brandedInstance(this, value, 'ERR_NO_MATCHING_OVERLOAD');
  }
}

/** Thrown by `assert<T>()` and `@implement<T>()` when a value or class does not satisfy `T`. */
export class ProtocolError extends TypeError {
  declare readonly name: 'ProtocolError';
  declare readonly code: 'ERR_PROTOCOL';
  /** Every violation found, not only the first. */
  readonly errors: readonly Issue[];

  constructor(protocolName: string, errors: readonly Issue[], message?: string) {
    prepareProtocol();
    super(message ?? protocolViolated(protocolName, errors));
    this.errors = errors;
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    return brandedInstance(this, value, 'ERR_PROTOCOL');
  }
}

/**
 * Where each error class keeps one instance of its own for the life of the program. An instance's
 * hidden class is reached from the class's through the properties its constructor adds, links the
 * engine holds weakly: with no instance alive, a garbage collection frees it, and V8 throws away the
 * optimized code of every function built around it (the failing dispatch, which inlines the whole
 * explanation), to be compiled again at the next failures. A program that fails a call now and then
 * would pay that every time; a failing overload call cost ~40 us instead of ~6. On the class itself,
 * since a module-level binding that no function reads does not outlive the module's first run.
 */
const KEPT = Symbol('kept');

function keep(ctor: Function, instance: object): void {
  Object.defineProperty(ctor, KEPT, { value: instance });
}

/**
 * Brands a class (and keeps one instance of it) when its first instance is made, before that
 * instance's `Error` constructor reads `name`, rather than when the module loads: a call at the top
 * level of a module is never dropped from a bundle, which kept every error class and its messages
 * in programs that never make one (a program that only asks `is<T>`). Functions outside the class
 * bodies: a class that names itself in its body gets renamed by bundlers.
 */
function prepare(ctor: { prototype: object }, name: string, code: DuckcallErrorCode): boolean {
  if (Object.hasOwn(ctor.prototype, ERROR_BRAND)) return false;
  brand(ctor, name, code);
  return true;
}

function prepareNoMatch(): void {
  if (prepare(NoMatchingOverloadError, 'NoMatchingOverloadError', 'ERR_NO_MATCHING_OVERLOAD')) {
    keep(NoMatchingOverloadError, new NoMatchingOverloadError('', [], []));
  }
}

function prepareProtocol(): void {
  if (prepare(ProtocolError, 'ProtocolError', 'ERR_PROTOCOL')) keep(ProtocolError, new ProtocolError('', [], ''));
}

function prepareSetup(): void {
  prepare(SetupError, 'SetupError', 'ERR_DUCKCALL_SETUP');
}

/** Every SetupError this copy of duckcall has made (see `isSetupErrorMadeHere`). */
const madeHere = new WeakSet<object>();

/**
 * Thrown when duckcall is set up wrongly: the transformer is missing, a matcher is not a matcher, or
 * two cases cannot be told apart. Thrown when the overload set or class is built, never at a call.
 */
export class SetupError extends Error {
  declare readonly name: 'SetupError';
  declare readonly code: 'ERR_DUCKCALL_SETUP';

  constructor(...args: ConstructorParameters<typeof Error>) {
    prepareSetup();
    super(...args);
    madeHere.add(this);
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    return brandedInstance(this, value, 'ERR_DUCKCALL_SETUP');
  }
}

/**
 * Whether an error thrown while a check looked at an argument is a SetupError this copy of duckcall
 * made: a mistake in the program, which a dispatcher rethrows, rather than anything else, which only
 * means that case does not match. Answered without running any code of the thrown value: the brand
 * `instanceof SetupError` reads can be forged by a getter or Proxy trap of the argument, which could
 * then make a dispatcher throw a value of its choosing instead of a NoMatchingOverloadError.
 * @internal
 */
export function isSetupErrorMadeHere(error: unknown): boolean {
  return typeof error === 'object' && error !== null && madeHere.has(error);
}
