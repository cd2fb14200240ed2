import type { Case } from './cases.js';
import { casesIn, select } from './dispatch.js';
import { notOverloaded } from './messages.js';

/** One case of an overloaded function, as `casesOf` and `which` report it. */
export interface CaseInfo {
  /** The case as written, e.g. `(s: Circle) => number`, or built from its matchers. */
  readonly signature: string;
  /** The implementation that runs. */
  readonly fn: Function;
}

const infos = new WeakMap<Case, CaseInfo>();
function info(c: Case): CaseInfo {
  let found = infos.get(c);
  if (!found) infos.set(c, (found = Object.freeze({ signature: c.signature, fn: c.fn })));
  return found;
}

/**
 * The cases of an overloaded function, in the order they are tried.
 *
 * @example
 * casesOf(area).map((c) => c.signature)  // ['(s: Circle) => number', '(s: Rect) => number']
 * @throws {TypeError} when `fn` is not an overloaded function.
 */
export function casesOf(fn: Function): CaseInfo[] {
  return cases(fn, 'casesOf').map(info);
}

/**
 * The case that would run for `args`, without running it; `undefined` when none accepts them.
 *
 * @example
 * which(area, 2, 3)?.signature  // '(w: number, h: number) => number'
 */
export function which(fn: Function, ...args: unknown[]): CaseInfo | undefined {
  const found = select(cases(fn, 'which'), args);
  return found && info(found);
}

function cases(fn: Function, caller: string): readonly Case[] {
  const found = casesIn(fn);
  if (!found) throw new TypeError(notOverloaded(caller));
  return found;
}
