/**
 * Property tests for the three dispatchers (issue 9): a compiled `overload` of typed cases, `@overload`
 * methods of a class, and an `overload` of `when` cases, over the same fixed overload sets
 * (support/dispatch-sets*.ts) and generated argument lists: lists that fit a case, near misses of
 * them (a value swapped, changed deep inside, added or dropped), and any values of any length,
 * hostile ones included (support/dispatch-model.ts). For every dispatcher and every call:
 *
 * - the body that runs is the case `which(...)` names, run once, its result returned unchanged;
 * - when no case runs, the error is a NoMatchingOverloadError listing every case, each with a reason;
 * - the case that runs is the one a reference model written from API.md picks (first match wins).
 *
 * 10,000 runs per property from a fixed seed, so `npm test` checks the same calls every time;
 * `DUCKCALL_PROPERTY_RUNS=n` for more runs, `DUCKCALL_PROPERTY_SEED=n` for other calls (or to replay
 * the seed fast-check prints with a failure).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { casesOf, NoMatchingOverloadError, which } from '../../src/index.js';
import { callsFor, HOSTILE, verdict, type Call } from './support/dispatch-model.js';
import { hits, SCALAR_SETS, type OverloadSet } from './support/dispatch-sets.js';
import { STRUCTURED_SETS } from './support/dispatch-sets-structured.js';

const RUNS = Number(process.env['DUCKCALL_PROPERTY_RUNS'] ?? 10_000);
const SEED = Number(process.env['DUCKCALL_PROPERTY_SEED'] ?? 20_261_130);
const settings: fc.Parameters<[Call]> = { numRuns: RUNS, seed: SEED };

const SETS: readonly OverloadSet[] = [...SCALAR_SETS, ...STRUCTURED_SETS];
const calls = callsFor(SETS.map((s) => s.model));

/** How one dispatcher is reached: the function `which` and `casesOf` take, a call, and the `this` its bodies see. */
interface Dispatcher {
  readonly fn: Function;
  readonly call: (args: readonly unknown[]) => unknown;
  /** The receiver bodies must see; `undefined` where bodies are arrows and cannot see it. */
  readonly self: unknown;
}

const receiver = { receiver: true };

const dispatchers: Record<'typed' | 'methods' | 'when', (set: OverloadSet) => Dispatcher> = {
  typed: (set) => ({ fn: set.typed, call: (args) => set.typed.apply(receiver, args), self: undefined }),
  methods: (set) => ({
    fn: Object.getPrototypeOf(set.methods).f,
    call: (args) => set.methods.f(...args),
    self: set.methods,
  }),
  when: (set) => ({ fn: set.when, call: (args) => set.when.apply(receiver, args), self: receiver }),
};

type Outcome = { readonly ran: number } | { readonly error: unknown };

/**
 * Calls the dispatcher and checks the run itself: at most one body ran, with the right `this`, and
 * its result came back as is. (Plain checks, not `expect`: this runs 90,000 times.)
 */
function run(d: Dispatcher, args: readonly unknown[]): Outcome {
  hits.length = 0;
  let result: unknown;
  try {
    result = d.call(args);
  } catch (error) {
    if (hits.length > 0) throw new Error(`case ${hits[0]!.index} ran, then the call threw ${String(error)}`);
    return { error };
  }
  if (hits.length !== 1) throw new Error(`${hits.length} bodies ran: ${hits.map((h) => h.index).join(', ')}`);
  const [hit] = hits;
  if (result !== hit!.result) throw new Error(`case ${hit!.index} ran, but the call returned something else`);
  if (d.self !== undefined && hit!.self !== d.self) throw new Error(`case ${hit!.index} ran with the wrong this`);
  return { ran: hit!.index };
}

/** What is wrong with a no-match error, as a list (empty when nothing is). */
function noMatchProblems(error: unknown, d: Dispatcher, args: readonly unknown[]): string[] {
  if (!(error instanceof NoMatchingOverloadError)) return [`threw ${String(error)}, not a NoMatchingOverloadError`];
  const problems: string[] = [];
  if (error.code !== 'ERR_NO_MATCHING_OVERLOAD') problems.push(`code ${error.code}`);
  if (error.args.length !== args.length || error.args.some((arg, i) => !Object.is(arg, args[i]))) problems.push('args are not the arguments');
  const signatures = casesOf(d.fn).map((c) => c.signature);
  const listed = error.candidates.map((c) => c.signature);
  if (listed.join('\n') !== signatures.join('\n')) problems.push(`candidates ${listed.join(' | ')}, cases ${signatures.join(' | ')}`);
  for (const candidate of error.candidates) {
    if (candidate.errors.length === 0) problems.push(`${candidate.signature}: no reason`);
    for (const issue of candidate.errors) {
      if (!issue.path.startsWith('$args')) problems.push(`${candidate.signature}: path ${issue.path}`);
      if (typeof issue.expected !== 'string' || issue.expected.trim() === '') problems.push(`${candidate.signature}: expected ${String(issue.expected)}`);
    }
    if (!error.message.includes(candidate.signature)) problems.push(`${candidate.signature}: not in the message`);
  }
  return problems;
}

describe.each(Object.keys(dispatchers) as (keyof typeof dispatchers)[])('the %s dispatcher', (kind) => {
  const dispatcherOf = (call: Call) => dispatchers[kind](SETS[call.set]!);

  it('runs the case which() returns, and none exactly when which() returns undefined', () => {
    fc.assert(
      fc.property(calls, (call) => {
        // Arrange
        const d = dispatcherOf(call);

        // Act
        const chosen = which(d.fn, ...call.args);
        const outcome = run(d, call.args);

        // Assert
        const named = chosen === undefined ? -1 : casesOf(d.fn).findIndex((c) => c.fn === chosen.fn);
        expect(named, 'the case which() names (-1: none)').toBe('ran' in outcome ? outcome.ran : -1);
      }),
      settings,
    );
  });

  it('throws NoMatchingOverloadError listing every case with a reason when no case runs, and nothing else', () => {
    fc.assert(
      fc.property(calls, (call) => {
        // Arrange
        const d = dispatcherOf(call);

        // Act
        const outcome = run(d, call.args);

        // Assert
        if ('error' in outcome) expect(noMatchProblems(outcome.error, d, call.args)).toEqual([]);
      }),
      settings,
    );
  });

  it('runs the first case the reference model accepts', () => {
    fc.assert(
      fc.property(calls, (call) => {
        // Arrange
        const set = SETS[call.set]!;
        const d = dispatcherOf(call);
        const expected = verdict(set.model, call.args);

        // Act
        const outcome = run(d, call.args);

        // Assert
        const actual = 'ran' in outcome ? outcome.ran : -1;
        expect(actual, `${set.name}: the case that ran (-1: none), against the model's pick`).toBe(expected);
      }),
      settings,
    );
  });
});

describe('the generated calls', () => {
  // Guards the properties against testing nothing: matches and misses are both common, every case
  // of every set is the model's pick for some call, and hostile values do reach the dispatchers.
  const sample = fc.sample(calls, { numRuns: 5_000, seed: 9 });

  it('match some case about half the time', () => {
    const matched = sample.filter((call) => verdict(SETS[call.set]!.model, call.args) >= 0).length;

    expect(matched / sample.length).toBeGreaterThan(0.35);
    expect(matched / sample.length).toBeLessThan(0.8);
  });

  it('reach every case of every set, and carry hostile values', () => {
    const picked = new Set(sample.map((call) => `${call.set}:${verdict(SETS[call.set]!.model, call.args)}`));
    const hostile = new Set(sample.flatMap((call) => call.args.filter((arg) => HOSTILE.includes(arg))));

    const missing = SETS.flatMap((set, s) => set.model.map((_, i) => `${s}:${i}`)).filter((key) => !picked.has(key));
    expect(missing).toEqual([]);
    expect(hostile.size).toBe(HOSTILE.length);
  });
});
