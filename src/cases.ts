import { isSetupErrorMadeHere, SetupError } from './errors.js';
import { MAX_ISSUES } from './internal/limits.js';
import { ARGS_PATH, arity, restNotLast } from './messages.js';
import type { Check } from './internal/checks.js';
import { modifierOf } from './internal/modifier.js';
import { checkFor } from './matchers.js';
import type { Issue } from './types/issue.js';

/**
 * One case of an overload set, ready to dispatch. Built from matchers by `caseFrom`; the
 * transformer's generated cases take the same shape through `when`.
 * @internal
 */
export interface Case {
  readonly fn: Function;
  /** As written: `(s: Circle) => number`, or built from matchers: `(Number, optional(Number))`. */
  readonly signature: string;
  /** Required argument count. */
  readonly min: number;
  /** Largest accepted argument count; `Infinity` with a rest matcher. */
  readonly max: number;
  /** One check per position; for positions past `positional.length`, `restCheck`. */
  readonly positional: readonly Check[];
  readonly restCheck: Check | undefined;
  /** Equal keys mean equal matcher lists (a subclass case with the parent's key replaces it). */
  readonly key: string;
}

/** Turns one matcher into its check, or throws `SetupError` naming where it was given. @internal */
export type CheckOf = (m: unknown, where: string, index: number) => Check;

/** @internal */
export function caseFrom(fn: Function, matchers: readonly unknown[], where: string, signature?: string): Case {
  return caseWith(checkFor, fn, matchers, where, signature);
}

/**
 * The case of `fn` with `matchers`, each made a check by `checkOf`: `checkFor` for any matcher, or
 * a narrower one that ships less (see `typedWhen`).
 * @internal
 */
export function caseWith(checkOf: CheckOf, fn: Function, matchers: readonly unknown[], where: string, signature?: string): Case {
  const positional: Check[] = [];
  const labels: string[] = [];
  let restCheck: Check | undefined;
  let min = 0;
  matchers.forEach((m, index) => {
    const mod = modifierOf(m);
    if (mod?.kind === 'rest' && index !== matchers.length - 1) throw new SetupError(restNotLast(where, index));
    const check = checkOf(mod ? mod.matcher : m, where, index);
    if (mod?.kind === 'rest') {
      restCheck = check;
      labels.push(`rest(${check.expected})`);
      return;
    }
    if (mod?.kind === 'optional') {
      positional.push(optionalCheck(check));
      labels.push(`optional(${check.expected})`);
      return;
    }
    positional.push(check);
    labels.push(check.expected);
    min = index + 1;
  });
  const key = [...positional.map((c) => c.key), restCheck ? `...${restCheck.key}` : ''].join(',');
  return {
    fn,
    signature: signature ?? `(${labels.join(', ')})`,
    min,
    max: restCheck ? Infinity : positional.length,
    positional,
    restCheck,
    key,
  };
}

function optionalCheck(inner: Check): Check {
  const { test } = inner;
  return {
    test: (v) => v === undefined || test(v),
    expected: `${inner.expected} | undefined`,
    explain: (v, path) => (v === undefined ? [] : inner.explain(v, path)),
    key: `?${inner.key}`,
  };
}

/** The check for argument `i`, or `undefined` when the case takes no argument there. @internal */
export function checkAt(c: Case, i: number): Check | undefined {
  return i < c.positional.length ? c.positional[i] : c.restCheck;
}

/** Whether `c` accepts `args`; a check that throws means no. Off the hot path. @internal */
export function accepts(c: Case, args: ArrayLike<unknown>): boolean {
  const n = args.length;
  if (n < c.min || n > c.max) return false;
  try {
    for (let i = 0; i < n; i++) if (!checkAt(c, i)!.test(args[i])) return false;
    return true;
  } catch (error) {
    if (isSetupErrorMadeHere(error)) throw error;
    return false;
  }
}

/**
 * The reasons `c` rejects `args`, up to the first `MAX_ISSUES` (empty if it accepts them). Only run
 * once no case matched.
 * @internal
 */
export function reasonsFor(c: Case, args: readonly unknown[]): Issue[] {
  const n = args.length;
  if (n < c.min || n > c.max) return [{ path: ARGS_PATH, expected: arity(c.min, c.max), value: n }];
  const issues: Issue[] = [];
  for (let i = 0; i < n && issues.length < MAX_ISSUES; i++) {
    // One by one, not push(...): a spread of a long list overflows the stack.
    for (const issue of checkAt(c, i)!.explain(args[i], `$args[${i}]`)) {
      if (issues.length === MAX_ISSUES) break;
      issues.push(issue);
    }
  }
  return issues;
}
