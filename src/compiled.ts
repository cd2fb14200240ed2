/**
 * The entry point for dispatchers that duckcall/transformer generates as straight-line code: an
 * argument-count switch, then each case's checks inlined, cheapest first. The generated function
 * only picks the case; anything unusual (no case matched, a check threw, more arguments than it
 * handles) goes to a plain loop over the same cases (`fallbackFor`), which also builds the error.
 * Public for generated code only; not part of the contract.
 * @internal
 */
import { fallbackFor, markOverloaded } from './dispatch.js';
import { SetupError } from './errors.js';
import { generatedNotAFunction } from './messages.js';
import { flatten } from './overload.js';

/**
 * @param build receives the fallback dispatcher and each case's function, in order, and returns
 *   the generated dispatcher.
 * @param items the cases, as `overload(...items)` takes them.
 */
export function compiled(build: (fallback: Function, ...fns: Function[]) => unknown, ...items: unknown[]): Function {
  const cases = flatten(items);
  let fast: Function | undefined;
  const fallback = fallbackFor(cases, () => fast ?? fallback);
  const built = build(fallback, ...cases.map((c) => c.fn));
  if (typeof built !== 'function') throw new SetupError(generatedNotAFunction());
  fast = built;
  markOverloaded(fast, cases, '');
  return fast;
}
