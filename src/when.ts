import { SetupError } from './errors.js';
import { caseFrom, type Case } from './cases.js';
import { MATCHERS } from './internal/symbols.js';
import { matchersNotArray, whenNeedsFunction } from './messages.js';
import type { ArgsOf, Matcher } from './types/matcher.js';

/**
 * Marks `fn` as an overload case that runs when `matchers` accept the arguments, one matcher per
 * parameter. Returns `fn` itself (still callable, same type). Parameters of an unannotated `fn`
 * get their types from the matchers.
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
  if (!Array.isArray(matchers)) throw new SetupError(matchersNotArray(matchers));
  if (typeof fn !== 'function') throw new SetupError(whenNeedsFunction(fn));
  const c = caseFrom(fn, matchers, 'when()', signature);
  Object.defineProperty(fn, MATCHERS, { value: c, configurable: true });
  return fn;
}

/** The case `when` attached to `fn`, if any. @internal */
export function markedCase(fn: Function): Case | undefined {
  return (fn as { [MATCHERS]?: Case })[MATCHERS];
}
