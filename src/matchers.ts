import { SetupError } from './errors.js';
import { explaining, guarded, identity, isProtocol, protocolCheck, rethrowSetup, simple, type Check } from './internal/checks.js';
import { functionName, literal } from './internal/describe.js';
import { MAX_ISSUES } from './internal/limits.js';
import { modified, modifierOf, type ModifierKind } from './internal/modifier.js';
import { asyncPredicate, asyncSchema, nestedModifier, notAMatcher } from './messages.js';
import type { Optional, PlainMatcher, Rest } from './types/matcher.js';
import type { StandardSchemaV1 } from './types/standard-schema.js';

/**
 * Marks a matcher optional: the argument may be left out, or be `undefined`, or be accepted by `m`.
 *
 * @example
 * when([Number, optional(Number)], (n: number, digits = 2) => n.toFixed(digits))
 */
export function optional<const M extends PlainMatcher>(m: M): Optional<M> {
  return modifier('optional', m) as unknown as Optional<M>;
}

/**
 * Accepts any number of further arguments, each accepted by `m`. Only the last matcher may be a rest.
 *
 * @example
 * when([String, rest(String)], (...parts: string[]) => parts.join(' '))
 */
export function rest<const M extends PlainMatcher>(m: M): Rest<M> {
  return modifier('rest', m) as unknown as Rest<M>;
}

function modifier(kind: ModifierKind, m: unknown): object {
  if (modifierOf(m) !== undefined) throw new SetupError(nestedModifier(kind));
  checkFor(m, `${kind}(m)`, 0); // reject a bad inner matcher now, not when the case is built
  return modified(kind, m);
}

// One test per type, each comparing with a constant: the engine turns `typeof v === 'number'` into
// a type check, which it cannot do when the type name is a variable.
const byTypeof = new Map<unknown, readonly [string, (value: unknown) => boolean]>([
  [String, ['string', (v) => typeof v === 'string']],
  [Number, ['number', (v) => typeof v === 'number']],
  [Boolean, ['boolean', (v) => typeof v === 'boolean']],
  [BigInt, ['bigint', (v) => typeof v === 'bigint']],
  [Symbol, ['symbol', (v) => typeof v === 'symbol']],
  [Function, ['function', (v) => typeof v === 'function']],
]);

/**
 * Turns one matcher into its check, or throws `SetupError` naming where it was given.
 * @internal
 */
export function checkFor(m: unknown, where: string, index: number): Check {
  if (m === null || (typeof m !== 'object' && typeof m !== 'function')) return literalCheck(m);
  if (isProtocol(m)) return protocolCheck(m);
  if (isStandardSchema(m)) return schemaCheck(m);
  if (typeof m === 'function') {
    const typed = byTypeof.get(m);
    if (typed !== undefined) return simple(typed[1], m.name, `typeof:${typed[0]}`);
    if (m === Object) return simple((v) => v !== null && v !== undefined, 'Object', 'Object');
    if (m === Array) return simple(Array.isArray, 'Array', 'Array', guarded(Array.isArray));
    if (isConstructor(m)) return instanceCheck(m, functionName(m) || 'anonymous class', `ctor:${identity(m)}`);
    return predicateCheck(m as (value: unknown) => unknown, functionName(m) || 'predicate', `fn:${identity(m)}`);
  }
  throw new SetupError(notAMatcher(where, index, m));
}

/**
 * `instanceof`, which runs a Proxy's getPrototypeOf trap. A test of its own per class: `C` is a
 * constant the engine can fold once it inlines the test, as a hand-written `instanceof` is.
 */
function instanceCheck(ctor: Function, expected: string, key: string): Check {
  const C = ctor;
  const safe = (value: unknown): boolean => {
    try {
      return value instanceof C;
    } catch (error) {
      rethrowSetup(error);
      return false;
    }
  };
  return simple((value) => value instanceof C, expected, key, safe);
}

/**
 * A predicate's verdict: truthy is a match, except a promise or other thenable, which only says the
 * predicate is async (an async function is always truthy). Not a match, rather than a SetupError: a
 * predicate may return the argument itself, so a thenable argument must not fail the whole call.
 */
function predicateCheck(predicate: (value: unknown) => unknown, expected: string, key: string): Check {
  // The try is here rather than in `guarded`: one call fewer between a dispatcher and the predicate.
  const test = (v: unknown): boolean => {
    try {
      const result = predicate(v);
      if (typeof result !== 'object' && typeof result !== 'function') return !!result;
      return result !== null && !isThenable(result);
    } catch (error) {
      rethrowSetup(error);
      return false;
    }
  };
  return {
    test,
    expected,
    key,
    explain: explaining(expected, (value, path) => {
      const result = predicate(value);
      if (isThenable(result)) return [{ path, expected: asyncPredicate(expected), value }];
      return result ? [] : [{ path, expected, value }];
    }),
  };
}

const ignore = (): void => {};

/** Whether `value` is a thenable; a native promise's rejection is then handled, since nobody awaits it. */
function isThenable(value: unknown): boolean {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return false;
  if (typeof (value as { then?: unknown }).then !== 'function') return false;
  if (value instanceof Promise) Promise.prototype.then.call(value, undefined, ignore);
  return true;
}

function literalCheck(m: unknown): Check {
  // NaN is the one literal that is not `===` itself.
  const test = m !== m ? (v: unknown) => v !== v : (v: unknown) => v === m;
  const key = typeof m === 'symbol' ? `symbol:${identity(Object(m))}` : `literal:${typeof m}:${String(m)}`;
  return simple(test, literal(m), key);
}

function schemaCheck(schema: StandardSchemaV1): Check {
  const standard = schema['~standard'];
  const vendor = String(standard.vendor);
  const run = (value: unknown): StandardSchemaV1.Result<unknown> => {
    const result = standard.validate(value);
    if (typeof (result as { then?: unknown }).then === 'function') throw new SetupError(asyncSchema(vendor));
    return result as StandardSchemaV1.Result<unknown>;
  };
  const expected = `${vendor} schema`;
  return {
    test: guarded((v) => run(v).issues === undefined),
    expected,
    key: `schema:${identity(schema)}`,
    explain: explaining(expected, (value, path) =>
      (run(value).issues ?? []).slice(0, MAX_ISSUES).map((issue) => ({ path: path + schemaPath(issue.path), expected: expectedIn(issue.message), value: valueAt(value, issue.path) })),
    ),
  };
}

/**
 * What an issue message says was expected. A message already worded as duckcall words an issue,
 * `expected X, got Y` (typia's), gives `X`, so the line does not read "expected expected X, got Y,
 * got number"; any other message is kept whole.
 */
function expectedIn(message: string): string {
  const worded = /^expected (.+), got [^,]*$/s.exec(message);
  return worded ? worded[1]! : message;
}

function schemaPath(path: StandardSchemaV1.Issue['path']): string {
  let out = '';
  for (const segment of path ?? []) {
    const key = typeof segment === 'object' && segment !== null ? segment.key : segment;
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += `.${key}`;
    else out += `[${typeof key === 'string' ? JSON.stringify(key) : String(key)}]`;
  }
  return out;
}

/** The value an issue path points at, read through data descriptors only (never a getter). */
function valueAt(root: unknown, path: StandardSchemaV1.Issue['path']): unknown {
  let value = root;
  for (const segment of path ?? []) {
    if (typeof value !== 'object' || value === null) return undefined;
    const key = typeof segment === 'object' && segment !== null ? segment.key : segment;
    value = Object.getOwnPropertyDescriptor(value, key)?.value;
  }
  return value;
}

function isStandardSchema(m: object): m is StandardSchemaV1 {
  const standard = (m as { '~standard'?: unknown })['~standard'];
  return typeof standard === 'object' && standard !== null && typeof (standard as { validate?: unknown }).validate === 'function';
}

const toSource = /* @__PURE__ */ (() => Function.prototype.toString)();

/**
 * A class, a built-in constructor, or an ES5-style constructor function (one whose prototype has
 * methods). Anything else callable is a predicate.
 */
function isConstructor(fn: Function): boolean {
  const proto = Object.getOwnPropertyDescriptor(fn, 'prototype')?.value;
  if (typeof proto !== 'object' || proto === null) return false;
  let source: string;
  try {
    source = toSource.call(fn);
  } catch {
    return false;
  }
  if (/^class\b/.test(source)) return true;
  if (/\{\s*\[native code\]\s*\}\s*$/.test(source)) return true;
  return Reflect.ownKeys(proto).some((key) => key !== 'constructor');
}
