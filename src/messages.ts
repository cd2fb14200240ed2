/**
 * Every message duckcall shows a user, in one place. Tests assert against these builders.
 * @internal
 */
import { safeString, typeName } from './internal/describe.js';
import type { Candidate, Issue } from './types/issue.js';

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** `"1 argument"`, `"1 to 2 arguments"`, `"at least 1 argument"`, `"no arguments"`. */
export function arity(min: number, max: number): string {
  if (max === Infinity) return min === 0 ? 'any number of arguments' : `at least ${plural(min, 'argument')}`;
  if (min === max) return min === 0 ? 'no arguments' : plural(min, 'argument');
  return `${min} to ${plural(max, 'argument')}`;
}

/** The path of the argument-count issue, so the formatter can word it as a count. */
export const ARGS_PATH = '$args';

export function formatIssue(issue: Issue): string {
  if (issue.path === ARGS_PATH) return `expected ${issue.expected}, got ${String(issue.value)}`;
  return `${issue.path}: expected ${issue.expected}, got ${typeName(issue.value)}`;
}

export function thrownDuringCheck(expected: string, error: unknown): string {
  return `${expected} (the check threw ${safeString(error)})`;
}

export function noMatchingOverload(name: string, args: readonly unknown[], candidates: readonly Candidate[]): string {
  // Loops, not map/join: built on every failed call, and a callback made per call is optimized anew.
  let types = '';
  for (let i = 0; i < args.length; i++) types += (i > 0 ? ', ' : '') + typeName(args[i]);
  let text = `No overload${name ? ` of ${name}()` : ''} accepts (${types}).`;
  for (let i = 0; i < candidates.length; i++) {
    const { signature, errors } = candidates[i]!;
    text += `\n  ${signature}: ${errors.length > 0 ? formatIssue(errors[0]!) : 'rejected the arguments'}`;
  }
  return text;
}

export function protocolViolated(name: string, errors: readonly Issue[]): string {
  const head = `Value does not satisfy ${name} (${plural(errors.length, 'violation')}).`;
  return [head, ...errors.map((issue) => `  ${formatIssue(issue)}`)].join('\n');
}

/**
 * How to set up duckcall's compile step, the tail of every message that means it did not run (a
 * typed case, `is<T>()` and friends, `@overload` without matchers). Kept short: it ships to browsers.
 */
export const ENGINE_SETUP =
  "Set up duckcall's compile step:\n" +
  '  tsc 5.9/6: "plugins": [{ "transform": "duckcall/transformer" }] in tsconfig.json, then tspc\n' +
  '  Vite, Vitest, a bundler: duckcall/vite (or /rollup, /rolldown, /esbuild, /webpack, /rspack)\n' +
  '  TypeScript 7, swc, Bun, Node: duckcall generate --out-dir DIR, then build DIR';

export function transformerMissing(fn: string): string {
  return `${fn}<T>() ran without duckcall's compile step, so there is no guard for T.\n${ENGINE_SETUP}`;
}

export function noCases(): string {
  return 'overload() needs at least one case.';
}

export function caseWithoutGuards(index: number, fnName: string): string {
  const what = fnName ? `${fnName}()` : 'an anonymous function';
  return (
    `Case ${index} of overload() is ${what} with no guards. Wrap it in when([...matchers], fn), ` +
    `or compile with duckcall so its parameter types become guards.\n${ENGINE_SETUP}`
  );
}

export function notACase(index: number, value: unknown): string {
  return `Case ${index} of overload() is ${typeName(value)}, not a function: pass functions, when(...) cases or overloaded functions.`;
}

export function notAMatcher(where: string, index: number, value: unknown): string {
  return (
    `${where}: matcher ${index} (${typeName(value)}) is not a matcher. Use a constructor (Number, Date, a class), ` +
    `a predicate, a Standard Schema, a protocol, a literal (string, number, boolean, bigint, null, undefined), ` +
    `optional(m) or rest(m).`
  );
}

export function matchersNotArray(value: unknown): string {
  return `when(matchers, fn): matchers must be an array, got ${typeName(value)}.`;
}

export function whenNeedsFunction(value: unknown): string {
  return `when(matchers, fn): fn must be a function, got ${typeName(value)}.`;
}

export function restNotLast(where: string, index: number): string {
  return `${where}: rest(...) must be the last matcher, but it is matcher ${index}.`;
}

export function nestedModifier(outer: string): string {
  return `${outer}(m): m must be a plain matcher, not optional(...) or rest(...).`;
}

export function asyncSchema(vendor: string): string {
  return `A ${vendor} Standard Schema used as a matcher validated asynchronously; matchers must be synchronous.`;
}

/** The reason a predicate that returned a promise (an async function, say) rejected an argument. */
export function asyncPredicate(expected: string): string {
  return `${expected} (it returned a Promise, which is not a match; matchers must be synchronous)`;
}

export function notAMethod(kind: string): string {
  return `@overload(name) decorates methods only, not a ${kind}.`;
}

export function overloadNameInvalid(value: unknown): string {
  return `@overload(name): name must be a string or symbol, got ${typeName(value)}.`;
}

export function dispatcherNameClash(owner: string, name: string): string {
  return `@overload('${name}'): ${owner} already has its own member '${name}'; the dispatcher would replace it. Give the overload set another name.`;
}

export function caseNamedLikeDispatcher(owner: string, name: string): string {
  return `@overload('${name}') is on a method named '${name}' in ${owner}; name the case methods differently from the overload set.`;
}

export function decoratorWithoutGuards(owner: string, method: string, name: string): string {
  return (
    `@overload('${name}') on ${owner}.${method} has no guards. Give matchers (@overload('${name}', Number)), ` +
    `use experimentalDecorators with emitDecoratorMetadata and reflect-metadata, ` +
    `or compile with duckcall so its parameter types become guards.\n${ENGINE_SETUP}`
  );
}

export function indistinguishable(owner: string, first: string, second: string, name: string, recorded: string): string {
  return (
    `@overload('${name}'): ${owner}.${first} and ${owner}.${second} both record the parameter types (${recorded}) ` +
    `in design:paramtypes, so they cannot be told apart at run time. Give matchers, e.g. @overload('${name}', isCircle), ` +
    `or compile with duckcall.\n${ENGINE_SETUP}`
  );
}

export function implementViolated(className: string, name: string, errors: readonly Issue[]): string {
  const head = `${className || 'anonymous class'} does not implement ${name}: its prototype chain lacks ${errors.length === 1 ? 'a method' : 'methods'}.`;
  return [head, ...errors.map((issue) => `  ${formatIssue(issue)}`)].join('\n');
}

/** What `@implement` expects at a method's path on the prototype chain. */
export const EXPECTED_METHOD = 'a method';
export const EXPECTED_METHOD_NOT_ACCESSOR = 'a method, not an accessor';

/** A method `@implement` could not look for because reading `what` (a descriptor, a prototype) threw. */
export function methodUnreadable(what: string, error: unknown): string {
  return `${EXPECTED_METHOD} (reading ${what} threw ${safeString(error)})`;
}

/** A method not found within the first `limit` objects of a prototype chain that goes on (a Proxy's doing). */
export function methodBeyondChain(limit: number): string {
  return `${EXPECTED_METHOD} (the prototype chain did not end within ${limit} objects)`;
}

export function badProtocolDefinition(fn: string, given: unknown): string {
  return `${fn}(definition): a protocol definition needs a name (string) and is (function), got ${typeName(given)}.`;
}

export function notOverloaded(caller: string): string {
  return `${caller}(fn): fn is not an overloaded function (make one with overload(...) or @overload).`;
}

export function generatedNotAFunction(): string {
  return 'A generated dispatcher is not a function: recompile with the same duckcall version.';
}

export function noDecoratorMetadata(): string {
  return 'TC39 decorators ran without context.metadata; load duckcall before the decorated class.';
}
