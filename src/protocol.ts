/**
 * Protocols: does a value, or a class, structurally satisfy an interface?
 *
 * `is<T>`, `assert<T>`, `validate<T>`, `protocol<T>()` and `@implement<T>()` need a guard for `T`,
 * which only the transformer can write from the type. Without it they throw `SetupError` saying how
 * to set it up. A protocol can also be built by hand from a guard: `protocol({ name, is })`.
 */
import { ProtocolError, SetupError } from './errors.js';
import { functionName } from './internal/describe.js';
import { MAX_ISSUES } from './internal/limits.js';
import { PROTOCOL_BRAND, PROTOCOL_KEY } from './internal/symbols.js';
import {
  EXPECTED_METHOD,
  EXPECTED_METHOD_NOT_ACCESSOR,
  badProtocolDefinition,
  formatIssue,
  implementViolated,
  methodBeyondChain,
  methodUnreadable,
  transformerMissing,
} from './messages.js';
import type { Issue, Validation } from './types/issue.js';
import type { Protocol, ProtocolDefinition } from './types/protocol.js';
import type { StandardSchemaV1 } from './types/standard-schema.js';

/**
 * True when `value` satisfies `T`; narrows `value` to `T`. Needs the transformer.
 *
 * @example
 * if (is<EatsBread>(duck)) duck.eatBread(10);
 * @throws {SetupError} when compiled without the transformer.
 */
export function is<T>(value: unknown): value is T;
export function is(...args: unknown[]): boolean {
  return definitionArg(args, 1, 'is').is(args[0]);
}

/**
 * Throws `ProtocolError`, listing every violation, unless `value` satisfies `T`. Needs the transformer.
 *
 * @example
 * assert<EatsBread>(duck);  // duck: EatsBread from here on
 * @throws {ProtocolError} when `value` does not satisfy `T`.
 * @throws {SetupError} when compiled without the transformer.
 */
export function assert<T>(value: unknown): asserts value is T;
export function assert(...args: unknown[]): void {
  const checker: Protocol<unknown> = build(definitionArg(args, 1, 'assert'));
  checker.assert(args[0]);
}

/**
 * Every violation of `T` in `value`, with `$input`-rooted paths, or the value itself. Needs the
 * transformer.
 *
 * @example
 * const result = validate<EatsBread>(duck);
 * if (!result.success) console.log(result.errors);  // [{ path: '$input.name', expected: 'string', value: 1 }]
 * @throws {SetupError} when compiled without the transformer.
 */
export function validate<T>(value: unknown): Validation<T>;
export function validate(...args: unknown[]): Validation<unknown> {
  return build(definitionArg(args, 1, 'validate')).validate(args[0]);
}

/**
 * A reusable check for `T`: `.name`, `.is`, `.assert`, `.validate`, a Standard Schema v1 and a
 * matcher for `when`. `protocol<T>()` needs the transformer; `protocol({ name, is })` builds one
 * by hand from a guard.
 *
 * @example
 * const EatsBreadP = protocol<EatsBread>();
 * const feed = overload(when([EatsBreadP], (d) => d.eatBread(1)));
 * @throws {SetupError} when `protocol<T>()` is compiled without the transformer.
 */
export function protocol<T>(): Protocol<T>;
export function protocol<T>(definition: ProtocolDefinition<T>): Protocol<T>;
export function protocol(...args: unknown[]): Protocol<unknown> {
  return build(definitionArg(args, 0, 'protocol'));
}

/**
 * A class decorator (TC39 and legacy) that checks, when the class is defined, that its prototype
 * chain has every method of `T` as a function. It reads property descriptors and never runs a getter;
 * where a Proxy on the chain throws (or is revoked), that method's issue says what threw.
 *
 * @example
 * @implement<EatsBread>() class Duck { eatBread(g: number) {} readonly name = 'duck' }
 * @throws {ProtocolError} at class definition when a method is missing or not a function.
 * @throws {SetupError} when compiled without the transformer.
 */
export function implement<T>(): <C extends abstract new (...args: any) => T>(cls: C, context?: ClassDecoratorContext<C>) => void;
export function implement<T>(definition: ProtocolDefinition<T> | Protocol<T>): <C extends abstract new (...args: any) => T>(cls: C, context?: ClassDecoratorContext<C>) => void;
export function implement(...args: unknown[]): (cls: Function) => void {
  const definition = definitionArg(args, 0, 'implement');
  const methods = definition.methods ?? [];
  return (cls: Function) => {
    const errors = missingMethods(cls, methods);
    if (errors.length > 0) throw new ProtocolError(definition.name, errors, implementViolated(functionName(cls), definition.name, errors));
  };
}

const definitions = new WeakMap<object, ProtocolDefinition<unknown>>();

function definitionArg(args: readonly unknown[], index: number, fn: string): ProtocolDefinition<unknown> {
  const given = args[index];
  if (args.length <= index || typeof given !== 'object' || given === null) throw new SetupError(transformerMissing(fn));
  const definition = definitions.get(given) ?? (given as ProtocolDefinition<unknown>);
  if (typeof definition.is !== 'function' || typeof definition.name !== 'string') {
    throw new SetupError(badProtocolDefinition(fn, given));
  }
  return definition;
}

function build<T>(definition: ProtocolDefinition<T>): Protocol<T> {
  const { name } = definition;
  const { is, validate: check } = checksOf(definition);
  const standard: StandardSchemaV1.Props<unknown, T> = {
    version: 1,
    vendor: 'duckcall',
    validate(value) {
      const result = check(value);
      if (result.success) return { value: result.data };
      return { issues: result.errors.map((issue) => ({ message: formatIssue(issue), path: pathKeys(issue.path) })) };
    },
  };
  const made: Protocol<T> = {
    name,
    is,
    assert(value: unknown): asserts value is T {
      const result = check(value);
      if (!result.success) throw new ProtocolError(name, result.errors);
    },
    validate: check,
    '~standard': standard,
  };
  definitions.set(made, definition as ProtocolDefinition<unknown>);
  return branded(made, definition);
}

/**
 * The protocol of a parameter type for the cases duckcall/transformer writes: `name`, `is` and
 * `validate` as `protocol(definition)` has them, which is all a case's check reads. The object is
 * held by the case's checks and never handed to a user, so it has no `assert` or Standard Schema,
 * which a program whose protocols are all case matchers then does not ship. Public for generated
 * code only; not part of the contract.
 * @internal
 */
export function caseProtocol<T>(definition: ProtocolDefinition<T>): Protocol<T> {
  const { is, validate } = checksOf(definition);
  return branded({ name: definition.name, is, validate } as Protocol<T>, definition);
}

/** `made` marked a protocol (a matcher), with the definition's type key, and frozen. */
function branded<T>(made: Protocol<T>, definition: ProtocolDefinition<T>): Protocol<T> {
  Object.defineProperty(made, PROTOCOL_BRAND, { value: true });
  if (definition.key !== undefined) Object.defineProperty(made, PROTOCOL_KEY, { value: definition.key });
  return Object.freeze(made);
}

/** A protocol's `is` and `validate` for `definition`. */
function checksOf<T>(definition: ProtocolDefinition<T>): Pick<Protocol<T>, 'is' | 'validate'> {
  const { name, is: guard } = definition;
  // Without a validate function the only reason is the whole value (added below).
  const explain = definition.validate ?? ((): Issue[] => []);
  const validate = (value: unknown): Validation<T> => {
    // A getter or proxy trap that throws makes the value fail; `explain` says where.
    let ok: boolean;
    try {
      ok = guard(value);
    } catch {
      ok = false;
    }
    if (ok) return { success: true, data: value as T };
    let errors: Issue[];
    try {
      // At most MAX_ISSUES, one by one: a hand-written validate may report millions.
      errors = [];
      for (const issue of explain(value)) {
        if (errors.length === MAX_ISSUES) break;
        errors.push(issue);
      }
    } catch {
      errors = [];
    }
    return { success: false, errors: errors.length > 0 ? errors : [{ path: '$input', expected: name, value }] };
  };
  // A getter or proxy trap that throws while the value is looked at: the value does not fit.
  const is = (value: unknown): value is T => {
    try {
      return guard(value);
    } catch {
      return false;
    }
  };
  return { is, validate };
}

/** `$input.owner.items[3]["a b"]` → `['owner', 'items', 3, 'a b']`, for Standard Schema issues. */
export function pathKeys(path: string): PropertyKey[] {
  const keys: PropertyKey[] = [];
  const pattern = /\.([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g;
  for (const match of path.replace(/^\$input/, '').matchAll(pattern)) {
    if (match[1] !== undefined) keys.push(match[1]);
    else if (match[2] !== undefined) keys.push(Number(match[2]));
    else keys.push(JSON.parse(match[3]!) as string);
  }
  return keys;
}

/**
 * Every method of `methods` that `cls`'s prototype chain lacks or holds as a non-function, read by
 * descriptor so no getter runs. Proxies on the chain (or the class itself a Proxy) run their traps,
 * but what they throw, or a revoked Proxy, becomes an issue at the method's path, never an escape.
 */
function missingMethods(cls: Function, methods: readonly PropertyKey[]): Issue[] {
  const { links, end } = prototypeChain(cls);
  const errors: Issue[] = [];
  for (const method of methods) {
    const path = `$input.prototype${typeof method === 'string' && /^[A-Za-z_$][\w$]*$/.test(method) ? `.${method}` : `[${String(method)}]`}`;
    const found = lookUp(links, method);
    if ('unreadable' in found) errors.push({ path, expected: found.unreadable, value: undefined });
    else if (!found.descriptor) errors.push({ path, expected: end ?? EXPECTED_METHOD, value: undefined });
    else if (!('value' in found.descriptor)) {
      errors.push({ path, expected: EXPECTED_METHOD_NOT_ACCESSOR, value: found.descriptor.get ?? found.descriptor.set });
    } else if (typeof found.descriptor.value !== 'function') errors.push({ path, expected: EXPECTED_METHOD, value: found.descriptor.value });
  }
  return errors;
}

/** Longer than any class hierarchy; only a Proxy's `getPrototypeOf` trap makes a chain this long, or endless. */
const CHAIN_LIMIT = 10_000;

/**
 * The objects on `cls.prototype`'s chain, in order, and, when the walk stopped before `null`, what a
 * method not found among them is reported as.
 */
function prototypeChain(cls: Function): { links: object[]; end?: string } {
  const links: object[] = [];
  let next: unknown;
  try {
    next = Object.getOwnPropertyDescriptor(cls, 'prototype')?.value;
  } catch (error) {
    return { links, end: methodUnreadable("the class's prototype", error) };
  }
  while (typeof next === 'object' && next !== null) {
    if (links.length === CHAIN_LIMIT) return { links, end: methodBeyondChain(CHAIN_LIMIT) };
    links.push(next);
    try {
      next = Object.getPrototypeOf(next);
    } catch (error) {
      return { links, end: methodUnreadable('the prototype chain', error) };
    }
  }
  return { links };
}

function lookUp(links: readonly object[], key: PropertyKey): { descriptor?: PropertyDescriptor } | { unreadable: string } {
  for (const link of links) {
    try {
      const descriptor = Object.getOwnPropertyDescriptor(link, key);
      if (descriptor) return { descriptor };
    } catch (error) {
      return { unreadable: methodUnreadable('its descriptor', error) };
    }
  }
  return {};
}
