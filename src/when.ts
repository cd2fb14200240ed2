import { SetupError } from './errors.js';
import { caseWith, type Case, type CheckOf } from './cases.js';
import { protocolMatcher } from './internal/checks.js';
import { MATCHERS } from './internal/symbols.js';
import { checkFor } from './matchers.js';
import { matchersNotArray, whenNeedsFunction } from './messages.js';
import type { ArgsOf, Matcher } from './types/matcher.js';

/**
 * Marks `fn` as an overload case that runs when `matchers` accept the arguments, one matcher per
 * parameter. Returns a stand-in for `fn` that carries the matchers and otherwise is `fn` (calls,
 * `this`, properties, same type); `fn` itself is left untouched, so one function (or a shared one
 * such as `String`) can be a case several times with different matchers. `casesOf` and `which`
 * report `fn`. Parameters of an unannotated `fn` get their types from the matchers.
 *
 * @example
 * const fmt = overload(
 *   when([Number, optional(Number)], (n, digits = 2) => n.toFixed(digits)),
 *   when([Date], (d) => d.toISOString()),
 * );
 * @throws {SetupError} when a matcher is not a matcher or `rest` is not last.
 */
export function when<const M extends readonly Matcher[], F extends (...args: ArgsOf<M>) => unknown>(matchers: M, fn: F): F;
export function when(matchers: readonly unknown[], fn: Function, signature?: string): Function {
  return marked(checkFor, matchers, fn, signature);
}

/**
 * `when(matchers, fn, signature)` for the cases duckcall/transformer writes, whose matchers are the
 * protocols it generates (plain, or in `optional`/`rest`): their checks are made without the table
 * of every kind of matcher (matchers.ts), so a program whose overload cases are all typed does not
 * ship it. The same case as `when` makes; any other matcher is the SetupError `when` gives a value
 * that is no matcher. Public for generated code only; not part of the contract.
 * @internal
 */
export function typedWhen<F extends Function>(matchers: readonly unknown[], fn: F, signature?: string): F {
  return marked(protocolMatcher, matchers, fn, signature) as F;
}

function marked(checkOf: CheckOf, matchers: readonly unknown[], fn: Function, signature: string | undefined): Function {
  if (!Array.isArray(matchers)) throw new SetupError(matchersNotArray(matchers));
  if (typeof fn !== 'function') throw new SetupError(whenNeedsFunction(fn));
  // when(…, when(…, f)) re-marks f: the outer matchers, and f is still the function that runs.
  const target = markedCase(fn)?.fn ?? fn;
  const c = caseWith(checkOf, target, matchers, 'when()', signature);
  // A Proxy, not a property on `fn`: marking `fn` itself let a second `when` on the same function
  // (or on `String`) overwrite the first case's matchers. The dispatcher calls `c.fn` directly, so
  // the trap is never on the hot path.
  return new Proxy(target, {
    get: (on, key, receiver) => (key === MATCHERS ? c : Reflect.get(on, key, receiver)),
  });
}

/** The case `when` attached to `fn`, if any. @internal */
export function markedCase(fn: Function): Case | undefined {
  return (fn as { [MATCHERS]?: Case })[MATCHERS];
}
