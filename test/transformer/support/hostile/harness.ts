/**
 * Runs one call of duckcall on a hostile value and lists what went wrong: a call past its time
 * budget (a hang is cut off by a watchdog, so the suite itself never hangs), a built-in prototype
 * or global changed, or an outcome other than a verdict or a duckcall error. Problems are returned
 * as lines, so one test can report every type a value trips up at once.
 */
import vm from 'node:vm';
import { isDuckcallError, NoMatchingOverloadError, ProtocolError, type Candidate, type Issue } from '../../../../src/index.js';
import { noMatchingOverload } from '../../../../src/messages.js';

/**
 * A hang detector, not a speed test: most calls here take milliseconds, and the slowest (a validate
 * of a 100,000-deep list) a second or two on a loaded two-core machine; a hang or a runaway walk
 * blows it.
 */
export const BUDGET_MS = 15_000;
/** API.md §1: `validate` and `assert` report at most the first 100 violations; dispatch reasons likewise. */
export const MAX_ISSUES = 100;

export type Outcome =
  | { readonly kind: 'returned'; readonly value: unknown }
  | { readonly kind: 'threw'; readonly error: unknown }
  | { readonly kind: 'hung' };

// `timeout` makes V8 terminate whatever JavaScript runs during the script, including functions of
// this realm it calls; termination cannot be caught, so a guard's own try/catch cannot swallow it.
const watchdog = vm.createContext({ job: undefined as (() => unknown) | undefined });
const runJob = new vm.Script('job()');

function timed(job: () => unknown): { outcome: Outcome; ms: number } {
  watchdog['job'] = job;
  const start = performance.now();
  try {
    const value: unknown = runJob.runInContext(watchdog, { timeout: BUDGET_MS });
    return { outcome: { kind: 'returned', value }, ms: performance.now() - start };
  } catch (error) {
    const ms = performance.now() - start;
    if ((error as { code?: unknown } | null)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') return { outcome: { kind: 'hung' }, ms };
    return { outcome: { kind: 'threw', error }, ms };
  } finally {
    watchdog['job'] = undefined;
  }
}

// What a check could pollute: the prototypes and constructors of the built-ins it touches, and the
// global object (keys only: Node turns some lazy global accessors into data properties on first read).
const iteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())) as object;
const watched: ReadonlyArray<readonly [string, object]> = [
  ['Object.prototype', Object.prototype],
  ['Array.prototype', Array.prototype],
  ['Function.prototype', Function.prototype],
  ['Map.prototype', Map.prototype],
  ['Set.prototype', Set.prototype],
  ['WeakMap.prototype', WeakMap.prototype],
  ['Date.prototype', Date.prototype],
  ['String.prototype', String.prototype],
  ['Number.prototype', Number.prototype],
  ['Boolean.prototype', Boolean.prototype],
  ['Symbol.prototype', Symbol.prototype],
  ['BigInt.prototype', BigInt.prototype],
  ['RegExp.prototype', RegExp.prototype],
  ['Promise.prototype', Promise.prototype],
  ['Error.prototype', Error.prototype],
  ['TypeError.prototype', TypeError.prototype],
  ['Iterator.prototype', iteratorPrototype],
  ['ArrayIterator.prototype', Object.getPrototypeOf([][Symbol.iterator]()) as object],
  ['MapIterator.prototype', Object.getPrototypeOf(new Map().entries()) as object],
  ['SetIterator.prototype', Object.getPrototypeOf(new Set().values()) as object],
  ['Object', Object],
  ['Array', Array],
  ['Function', Function],
  ['Map', Map],
  ['Set', Set],
  ['Date', Date],
  ['Symbol', Symbol],
  ['Reflect', Reflect],
  ['JSON', JSON],
];

type Snapshot = ReadonlyMap<string, ReadonlyArray<readonly unknown[]>>;

function snapshot(): Snapshot {
  const taken = new Map<string, (readonly unknown[])[]>();
  for (const [name, target] of watched) {
    taken.set(name, Reflect.ownKeys(target).map((key) => {
      const d = Object.getOwnPropertyDescriptor(target, key)!;
      return [key, d.value, d.get, d.set, d.writable, d.enumerable, d.configurable];
    }));
  }
  taken.set('globalThis', Reflect.ownKeys(globalThis).map((key) => [key]));
  taken.set('Object.prototype (extensible, prototype)', [[Object.isExtensible(Object.prototype), Object.getPrototypeOf(Object.prototype)]]);
  return taken;
}

function changesBetween(before: Snapshot, after: Snapshot): string[] {
  const changes: string[] = [];
  for (const [name, entries] of before) {
    const now = after.get(name)!;
    const same = entries.length === now.length && entries.every((entry, i) => entry.every((part, j) => Object.is(part, now[i]![j])));
    if (!same) changes.push(`${name} changed`);
  }
  if (({} as { polluted?: unknown }).polluted !== undefined || ([] as { polluted?: unknown }).polluted !== undefined) changes.push('({}).polluted is defined');
  return changes;
}

/**
 * The first call the watchdog stopped, if any. Stopping skips `finally` blocks, so state duckcall
 * keeps at module level while a check runs may be left mid-check, and what later calls in the same
 * file do is suspect: their problems say so.
 */
let stopped: string | undefined;

/**
 * Runs `job` under the watchdog and returns its outcome and the problems of budget and pollution.
 * `what` names the call in each problem line.
 */
export function probe(what: string, job: () => unknown): { outcome: Outcome; problems: string[] } {
  const before = snapshot();
  const { outcome, ms } = timed(job);
  const problems = changesBetween(before, snapshot()).map((change) => `${what}: ${change}`);
  if (outcome.kind === 'hung') problems.push(`${what}: still running after ${BUDGET_MS} ms (stopped by the watchdog)`);
  else if (ms > BUDGET_MS) problems.push(`${what}: took ${Math.round(ms)} ms, over the ${BUDGET_MS} ms budget`);
  const suspect = stopped === undefined ? problems : problems.map((problem) => `${problem} [after the watchdog stopped ${stopped}]`);
  if (outcome.kind === 'hung') stopped ??= what;
  return { outcome, problems: suspect };
}

/** The first call the watchdog stopped, for tests that judge outcomes themselves. */
export function stoppedCall(): string | undefined {
  return stopped;
}

/** A thrown value as a problem line shows it, without running any of its code. */
export function describeThrown(error: unknown): string {
  if (error instanceof Error) return `${Object.getPrototypeOf(error)?.constructor?.name ?? 'Error'}: ${error.message.split('\n')[0]}`;
  return typeof error;
}

function rooted(path: unknown, root: '$input' | '$args'): boolean {
  return typeof path === 'string' && (path === root || path.startsWith(`${root}.`) || path.startsWith(`${root}[`));
}

/** Problems with a list of issues: empty, over the cap, or a path not rooted at `root`. */
export function issueProblems(what: string, issues: readonly Issue[], root: '$input' | '$args'): string[] {
  const problems: string[] = [];
  if (!Array.isArray(issues) || issues.length === 0) return [`${what}: no issues given for a rejected value`];
  if (issues.length > MAX_ISSUES) problems.push(`${what}: ${issues.length} issues, more than ${MAX_ISSUES}`);
  const stray = issues.find((issue) => !rooted(issue.path, root) || typeof issue.expected !== 'string');
  if (stray) problems.push(`${what}: an issue at ${String(stray.path).slice(0, 80)} is not rooted at ${root} or has no expected text`);
  return problems;
}

/** `is<T>(value)`: a boolean, the expected one when known. */
export function judgeIs(what: string, outcome: Outcome, expected: boolean | undefined): { verdict?: boolean; problems: string[] } {
  if (outcome.kind === 'hung') return { problems: [] };
  if (outcome.kind === 'threw') return { problems: [`${what}: threw ${describeThrown(outcome.error)}`] };
  if (typeof outcome.value !== 'boolean') return { problems: [`${what}: returned ${typeof outcome.value}, not a boolean`] };
  const problems = expected !== undefined && outcome.value !== expected ? [`${what}: ${outcome.value}, expected ${expected}`] : [];
  return { verdict: outcome.value, problems };
}

/** `validate<T>(value)`: a result; on success `data` is the input itself; on failure rooted, capped issues. */
export function judgeValidate(what: string, outcome: Outcome, input: unknown, expected: boolean | undefined): { verdict?: boolean; problems: string[] } {
  if (outcome.kind === 'hung') return { problems: [] };
  if (outcome.kind === 'threw') return { problems: [`${what}: threw ${describeThrown(outcome.error)}`] };
  const result = outcome.value as { success?: unknown; data?: unknown; errors?: Issue[] } | null;
  if (typeof result !== 'object' || result === null || typeof result.success !== 'boolean') return { problems: [`${what}: returned no Validation`] };
  const problems: string[] = [];
  if (result.success && !Object.is(result.data, input)) problems.push(`${what}: data is not the input itself`);
  if (!result.success) problems.push(...issueProblems(what, result.errors ?? [], '$input'));
  if (expected !== undefined && result.success !== expected) problems.push(`${what}: success ${result.success}, expected ${expected}`);
  return { verdict: result.success, problems };
}

/** `assert<T>(value)`: returns, or throws a ProtocolError with rooted, capped issues. */
export function judgeAssert(what: string, outcome: Outcome, expected: boolean | undefined): { verdict?: boolean; problems: string[] } {
  if (outcome.kind === 'hung') return { problems: [] };
  const problems: string[] = [];
  let verdict = true;
  if (outcome.kind === 'threw') {
    const error = outcome.error;
    if (!(isDuckcallError(error, 'ERR_PROTOCOL') && error instanceof ProtocolError)) return { problems: [`${what}: threw ${describeThrown(error)}, not a ProtocolError`] };
    verdict = false;
    problems.push(...issueProblems(what, error.errors, '$input'));
    if (typeof error.message !== 'string' || error.message === '') problems.push(`${what}: the ProtocolError has no message`);
  }
  if (expected !== undefined && verdict !== expected) problems.push(`${what}: ${verdict ? 'passed' : 'threw'}, expected it to ${expected ? 'pass' : 'throw'}`);
  return { verdict, problems };
}

/**
 * A dispatcher called with `value` (each case returns its own index): the expected case when
 * known, or a NoMatchingOverloadError naming every candidate with capped, `$args`-rooted reasons
 * and the message its builder makes.
 */
export function judgeDispatch(
  what: string,
  outcome: Outcome,
  input: unknown,
  name: string,
  caseCount: number,
  expected: number | undefined,
): { ran?: number; problems: string[] } {
  if (outcome.kind === 'hung') return { problems: [] };
  const problems: string[] = [];
  let ran = -1;
  if (outcome.kind === 'returned') {
    if (typeof outcome.value !== 'number') return { problems: [`${what}: returned ${typeof outcome.value}, not a case index`] };
    ran = outcome.value;
  } else {
    const error = outcome.error;
    if (!(isDuckcallError(error, 'ERR_NO_MATCHING_OVERLOAD') && error instanceof NoMatchingOverloadError)) {
      return { problems: [`${what}: threw ${describeThrown(error)}, not a NoMatchingOverloadError`] };
    }
    if (error.args.length !== 1 || !Object.is(error.args[0], input)) problems.push(`${what}: the error's args are not the arguments`);
    const candidates: readonly Candidate[] = error.candidates;
    if (candidates.length !== caseCount) problems.push(`${what}: ${candidates.length} candidates for ${caseCount} cases`);
    candidates.forEach((candidate, i) => problems.push(...issueProblems(`${what} candidate ${i}`, candidate.errors, '$args')));
    if (error.message !== noMatchingOverload(name, error.args, candidates)) problems.push(`${what}: the message is not the one noMatchingOverload() builds`);
  }
  if (expected !== undefined && ran !== expected) problems.push(`${what}: ran case ${ran}, expected ${expected} (-1: none)`);
  return { ran, problems };
}

