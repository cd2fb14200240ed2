import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NoMatchingOverloadError, casesOf, optional, overload, rest, when, which, type Matcher, type PlainMatcher } from '../src/index.js';

/*
 * Property: for any list of `when` cases and any arguments, the case that runs is the first one a
 * small reference model accepts, and no case accepting means NoMatchingOverloadError with one
 * candidate per case. The model is written from API.md, not from src: an arity check, then one
 * acceptance test per position. A guard that throws is "no match", so the model treats a throw
 * in its own tests the same way.
 */

type Loose = (...args: unknown[]) => unknown;

const isShort = (v: unknown) => typeof v === 'string' && v.length < 2;
const isPositive = (v: unknown) => typeof v === 'number' && v > 0;
const picky = (v: unknown): boolean => {
  if (typeof v === 'object' && v !== null) throw new Error('picky');
  return typeof v === 'number';
};

/** The pool of plain matchers, each with the reference model's idea of what it accepts. */
const MATCHERS: Record<string, { matcher: PlainMatcher; accepts: (v: unknown) => boolean }> = {
  String: { matcher: String, accepts: (v) => typeof v === 'string' },
  Number: { matcher: Number, accepts: (v) => typeof v === 'number' },
  Boolean: { matcher: Boolean, accepts: (v) => typeof v === 'boolean' },
  BigInt: { matcher: BigInt, accepts: (v) => typeof v === 'bigint' },
  Symbol: { matcher: Symbol, accepts: (v) => typeof v === 'symbol' },
  Function: { matcher: Function, accepts: (v) => typeof v === 'function' },
  Object: { matcher: Object, accepts: (v) => v != null },
  Array: { matcher: Array, accepts: (v) => Array.isArray(v) },
  Date: { matcher: Date, accepts: (v) => v instanceof Date },
  "'a'": { matcher: 'a', accepts: (v) => v === 'a' },
  '1': { matcher: 1, accepts: (v) => v === 1 },
  true: { matcher: true, accepts: (v) => v === true },
  null: { matcher: null, accepts: (v) => v === null },
  undefined: { matcher: undefined, accepts: (v) => v === undefined },
  NaN: { matcher: NaN, accepts: (v) => Number.isNaN(v) },
  '0n': { matcher: 0n, accepts: (v) => v === 0n },
  isShort: { matcher: isShort, accepts: isShort },
  isPositive: { matcher: isPositive, accepts: isPositive },
  picky: { matcher: picky, accepts: (v) => typeof v === 'number' },
};

function revokedProxy(): object {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

/** The pool of argument values, by name so counterexamples print readably. */
const VALUES: Record<string, unknown> = {
  "'a'": 'a',
  "'abc'": 'abc',
  "''": '',
  '0': 0,
  '1': 1,
  '-1': -1,
  NaN: NaN,
  '0n': 0n,
  '1n': 1n,
  true: true,
  false: false,
  null: null,
  undefined: undefined,
  symbol: Symbol('s'),
  '[]': [],
  "['a']": ['a'],
  date: new Date(0),
  '{}': {},
  fn: () => 1,
  revokedProxy: revokedProxy(),
};

const matcherNames = Object.keys(MATCHERS);
const valueNames = Object.keys(VALUES);

interface Position {
  readonly optional: boolean;
  readonly m: string;
}
interface CaseSpec {
  readonly positions: readonly Position[];
  readonly rest: string | undefined;
}

function acceptsValue(name: string, v: unknown): boolean {
  try {
    return MATCHERS[name]!.accepts(v);
  } catch {
    return false;
  }
}

function acceptsAt(p: Position, v: unknown): boolean {
  return (p.optional && v === undefined) || acceptsValue(p.m, v);
}

/** Arguments needed: everything up to the last position that is not optional. */
function requiredCount(spec: CaseSpec): number {
  let required = 0;
  spec.positions.forEach((p, i) => {
    if (!p.optional) required = i + 1;
  });
  return required;
}

/** The reference model: arity first, then each argument against its position (or the rest). */
function reference(spec: CaseSpec, args: readonly unknown[]): boolean {
  const max = spec.rest === undefined ? spec.positions.length : Infinity;
  if (args.length < requiredCount(spec) || args.length > max) return false;
  return args.every((v, i) => {
    const p = spec.positions[i];
    return p ? acceptsAt(p, v) : spec.rest !== undefined && acceptsValue(spec.rest, v);
  });
}

function matchersOf(spec: CaseSpec): Matcher[] {
  const matchers: Matcher[] = spec.positions.map((p) => (p.optional ? optional(MATCHERS[p.m]!.matcher) : MATCHERS[p.m]!.matcher));
  if (spec.rest !== undefined) matchers.push(rest(MATCHERS[spec.rest]!.matcher));
  return matchers;
}

const matcherName = fc.constantFrom(...matcherNames);
const caseSpec: fc.Arbitrary<CaseSpec> = fc.record({
  positions: fc.array(fc.record({ optional: fc.nat({ max: 3 }).map((n) => n === 0), m: matcherName }), { maxLength: 6 }),
  rest: fc.option(matcherName, { nil: undefined, freq: 3 }),
});

const valuesAccepted = (test: (v: unknown) => boolean) => valueNames.filter((name) => test(VALUES[name]));

/** Argument lists that `spec` accepts, so that matches are common, not a lucky accident. */
function fittingArgs(spec: CaseSpec): fc.Arbitrary<string[]> {
  const min = requiredCount(spec);
  const positional = spec.positions.map((p) => {
    const accepted = fc.constantFrom(...valuesAccepted((v) => acceptsValue(p.m, v)));
    return p.optional ? fc.oneof(fc.constant('undefined'), accepted) : accepted;
  });
  const extra =
    spec.rest === undefined ? fc.constant([]) : fc.array(fc.constantFrom(...valuesAccepted((v) => acceptsValue(spec.rest!, v))), { maxLength: 3 });
  return fc
    .tuple(fc.tuple(...positional), extra, fc.nat({ max: spec.positions.length - min }))
    .map(([pos, ext, drop]) => (drop === 0 ? [...pos, ...ext] : pos.slice(0, pos.length - drop)));
}

/** `args` itself, or a near miss: one value more, one fewer, or one replaced. */
function nearby(args: string[]): fc.Arbitrary<string[]> {
  const value = fc.constantFrom(...valueNames);
  return fc.oneof(
    { arbitrary: fc.constant(args), weight: 3 },
    value.map((v) => [...args, v]),
    fc.constant(args.slice(0, -1)),
    fc.tuple(fc.nat({ max: Math.max(args.length - 1, 0) }), value).map(([i, v]) => args.map((a, j) => (j === i ? v : a))),
  );
}

const scenario = fc.array(caseSpec, { minLength: 1, maxLength: 6 }).chain((specs) =>
  fc
    .oneof(
      fc.array(fc.constantFrom(...valueNames), { maxLength: 7 }),
      fc.nat({ max: specs.length - 1 }).chain((i) => fittingArgs(specs[i]!).chain(nearby)),
    )
    .map((argNames) => ({ specs, argNames })),
);

function build(specs: readonly CaseSpec[]) {
  const fns = specs.map((_, i) => () => i);
  const f = overload(...specs.map((spec, i) => when(matchersOf(spec), fns[i]!))) as unknown as Loose;
  return { f, fns };
}

function run(f: Loose, args: unknown[]): { ran: unknown } | { error: unknown } {
  try {
    return { ran: f(...args) };
  } catch (error) {
    return { error };
  }
}

describe('dispatch agrees with the reference model', () => {
  it('runs the first case the model accepts, or throws NoMatchingOverloadError with every case as a candidate', () => {
    fc.assert(
      fc.property(scenario, ({ specs, argNames }) => {
        // Arrange
        const { f } = build(specs);
        const args = argNames.map((name) => VALUES[name]);
        const expected = specs.findIndex((spec) => reference(spec, args));

        // Act
        const outcome = run(f, args);

        // Assert
        if (expected >= 0) {
          expect(outcome).toEqual({ ran: expected });
          return;
        }
        expect('error' in outcome && outcome.error).toBeInstanceOf(NoMatchingOverloadError);
        const error = (outcome as { error: NoMatchingOverloadError }).error;
        expect(error.args).toHaveLength(args.length);
        expect(error.candidates.map((c) => c.signature)).toEqual(casesOf(f).map((c) => c.signature));
        expect(error.candidates.every((c) => c.errors.length > 0)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('which() names the case that runs, and undefined exactly when none does', () => {
    fc.assert(
      fc.property(scenario, ({ specs, argNames }) => {
        // Arrange
        const { f, fns } = build(specs);
        const args = argNames.map((name) => VALUES[name]);

        // Act
        const chosen = which(f, ...args);
        const outcome = run(f, args);

        // Assert
        if ('ran' in outcome) expect(chosen?.fn).toBe(fns[outcome.ran as number]);
        else expect(chosen).toBeUndefined();
      }),
      { numRuns: 400 },
    );
  });

  it('generates both matching and non-matching calls (guards the property from testing nothing)', () => {
    const samples = fc.sample(scenario, { numRuns: 300, seed: 42 });

    const matched = samples.filter(({ specs, argNames }) => {
      const args = argNames.map((name) => VALUES[name]);
      return specs.some((spec) => reference(spec, args));
    }).length;

    expect(matched).toBeGreaterThan(60);
    expect(samples.length - matched).toBeGreaterThan(60);
  });
});
