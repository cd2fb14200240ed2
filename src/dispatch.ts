/**
 * The dispatcher: one function that runs the first case whose checks accept the arguments.
 *
 * The hot path allocates nothing. Calls with up to four arguments go through dispatch built per
 * argument count when the set is defined: blocks of the cases that take that many arguments, each
 * with its checks for exactly that count, so a call makes no arity test per case, builds no
 * `...args` array and uses no `.apply`. Longer calls take a generic loop. Reasons are worked out
 * only once nothing matched.
 * @internal
 */
import { accepts, checkAt, reasonsFor, type Case } from './cases.js';
import { NoMatchingOverloadError } from './errors.js';
import { functionName } from './internal/describe.js';
import { CASES } from './internal/symbols.js';
import type { Candidate } from './types/issue.js';

type Test = (value: unknown) => boolean;
/** Dispatch for one argument count: `this`, then exactly that many arguments. */
type Step0 = (self: unknown) => unknown;
type Step1 = (self: unknown, a: unknown) => unknown;
type Step2 = (self: unknown, a: unknown, b: unknown) => unknown;
type Step3 = (self: unknown, a: unknown, b: unknown, c: unknown) => unknown;
type Step4 = (self: unknown, a: unknown, b: unknown, c: unknown, d: unknown) => unknown;

const never: Test = () => false;

/**
 * The tests of up to four cases for calls with exactly `n` arguments, flattened case by case
 * (`n` per case), padded with `never` so every slot a block reads is a function.
 */
function testsFor(group: readonly Case[], n: number): Test[] {
  const tests: Test[] = [];
  for (let i = 0; i < 4; i++) for (let p = 0; p < n; p++) tests.push(i < group.length ? checkAt(group[i]!, p)!.test : never);
  return tests;
}

/** The functions of up to four cases; a missing one is never called (its tests are `never`). */
function fnsFor(group: readonly Case[]): Function[] {
  return [0, 1, 2, 3].map((i) => group[i]?.fn ?? never);
}

/*
 * Blocks: up to four cases in one closure, tried in order, each check a call of its own test
 * (tests never throw: a check that throws says no) and each case a `.call` with exactly the
 * arguments given, so rest parameters and defaults see what the caller passed, and an error thrown
 * by a case propagates unchanged.
 *
 * Shaped for the engine, which keeps one set of call-site feedback per function literal and inlines
 * only so many bytes of them into a call site: a literal per argument count (one shared between
 * counts, or a chain of one-case links, sees several functions at each call and stops inlining
 * them), and for one and two arguments a literal per number of cases, so a call site that inlines
 * the dispatcher has room for every case it reaches. Three and four arguments pad to four cases.
 */

function block1(group: readonly Case[], next: Step1): Step1 {
  const [t0, t1, t2, t3] = testsFor(group, 1) as [Test, Test, Test, Test];
  const [f0, f1, f2, f3] = fnsFor(group) as [Function, Function, Function, Function];
  switch (group.length) {
    case 1: return (self, a) => (t0(a) ? f0.call(self, a) : next(self, a));
    case 2: return (self, a) => (t0(a) ? f0.call(self, a) : t1(a) ? f1.call(self, a) : next(self, a));
    case 3: return (self, a) => (t0(a) ? f0.call(self, a) : t1(a) ? f1.call(self, a) : t2(a) ? f2.call(self, a) : next(self, a));
    default:
      return (self, a) =>
        t0(a) ? f0.call(self, a) : t1(a) ? f1.call(self, a) : t2(a) ? f2.call(self, a) : t3(a) ? f3.call(self, a) : next(self, a);
  }
}

function block2(group: readonly Case[], next: Step2): Step2 {
  const [t0, u0, t1, u1, t2, u2, t3, u3] = testsFor(group, 2) as [Test, Test, Test, Test, Test, Test, Test, Test];
  const [f0, f1, f2, f3] = fnsFor(group) as [Function, Function, Function, Function];
  switch (group.length) {
    case 1: return (self, a, b) => (t0(a) && u0(b) ? f0.call(self, a, b) : next(self, a, b));
    case 2: return (self, a, b) => (t0(a) && u0(b) ? f0.call(self, a, b) : t1(a) && u1(b) ? f1.call(self, a, b) : next(self, a, b));
    case 3:
      return (self, a, b) =>
        t0(a) && u0(b) ? f0.call(self, a, b) : t1(a) && u1(b) ? f1.call(self, a, b) : t2(a) && u2(b) ? f2.call(self, a, b) : next(self, a, b);
    default:
      return (self, a, b) =>
        t0(a) && u0(b) ? f0.call(self, a, b)
        : t1(a) && u1(b) ? f1.call(self, a, b)
        : t2(a) && u2(b) ? f2.call(self, a, b)
        : t3(a) && u3(b) ? f3.call(self, a, b)
        : next(self, a, b);
  }
}

function block3(group: readonly Case[], next: Step3): Step3 {
  const [t0, u0, v0, t1, u1, v1, t2, u2, v2, t3, u3, v3] = testsFor(group, 3) as [Test, Test, Test, Test, Test, Test, Test, Test, Test, Test, Test, Test];
  const [f0, f1, f2, f3] = fnsFor(group) as [Function, Function, Function, Function];
  return (self, a, b, c) =>
    t0(a) && u0(b) && v0(c) ? f0.call(self, a, b, c)
    : t1(a) && u1(b) && v1(c) ? f1.call(self, a, b, c)
    : t2(a) && u2(b) && v2(c) ? f2.call(self, a, b, c)
    : t3(a) && u3(b) && v3(c) ? f3.call(self, a, b, c)
    : next(self, a, b, c);
}

function block4(group: readonly Case[], next: Step4): Step4 {
  const t = testsFor(group, 4);
  const [t0, u0, v0, w0, t1, u1, v1, w1] = t as [Test, Test, Test, Test, Test, Test, Test, Test];
  const [t2, u2, v2, w2, t3, u3, v3, w3] = t.slice(8) as [Test, Test, Test, Test, Test, Test, Test, Test];
  const [f0, f1, f2, f3] = fnsFor(group) as [Function, Function, Function, Function];
  return (self, a, b, c, d) =>
    t0(a) && u0(b) && v0(c) && w0(d) ? f0.call(self, a, b, c, d)
    : t1(a) && u1(b) && v1(c) && w1(d) ? f1.call(self, a, b, c, d)
    : t2(a) && u2(b) && v2(c) && w2(d) ? f2.call(self, a, b, c, d)
    : t3(a) && u3(b) && v3(c) && w3(d) ? f3.call(self, a, b, c, d)
    : next(self, a, b, c, d);
}

/** The name errors show; read when an error is built, so a later `name` (defineProperty) counts. */
type NameOf = () => string;

/**
 * Throws the no-match error. A loop, not `cases.map(…)`: a callback made per call would take its
 * optimized code (which inlines the whole explanation) with it when it is collected, so a program
 * that fails now and then would compile it again after each garbage collection.
 */
function fail(cases: readonly Case[], nameOf: NameOf, args: unknown[]): never {
  const candidates: Candidate[] = [];
  for (let i = 0; i < cases.length; i++) {
    const c = cases[i]!;
    candidates.push({ signature: c.signature, errors: reasonsFor(c, args) });
  }
  throw new NoMatchingOverloadError(nameOf(), args, candidates);
}

/** Chains `block` over the cases that take `n` arguments, four at a time, ending in `end`. */
function chainFor<S>(cases: readonly Case[], n: number, block: (group: readonly Case[], next: S) => S, end: S): S {
  const fits = cases.filter((c) => n >= c.min && n <= c.max);
  let next = end;
  for (let from = Math.floor((fits.length - 1) / 4) * 4; from >= 0; from -= 4) next = block(fits.slice(from, from + 4), next);
  return next;
}

/** The case that would run for `args`, or `undefined`. @internal */
export function select(cases: readonly Case[], args: ArrayLike<unknown>): Case | undefined {
  for (const c of cases) if (accepts(c, args)) return c;
  return undefined;
}

/**
 * The dispatcher a generated one falls back on (no case matched, a check threw, more arguments than
 * it handles): the same choice as `dispatcherFor`'s, made by one loop over the cases, so a program
 * whose overload sets are all compiled does not ship the blocks.
 * @internal
 */
export function fallbackFor(cases: readonly Case[], nameFrom: () => Function): Function {
  const run = loopFor(cases, () => functionName(nameFrom()));
  return function (this: unknown, ...args: unknown[]): unknown {
    return run(this, args);
  };
}

/** Runs the first case that accepts `args`, trying each in turn, or throws the no-match error. */
function loopFor(cases: readonly Case[], nameOf: NameOf): (self: unknown, args: unknown[]) => unknown {
  return (self, args) => {
    const c = select(cases, args);
    return c ? c.fn.apply(self, args) : fail(cases, nameOf, args);
  };
}

/**
 * Builds the overloaded function for `cases` (already flattened, in order).
 * @internal
 */
export function dispatcherFor(cases: readonly Case[], name: string, nameFrom?: () => Function): Function {
  // Errors name the function users hold: this one, or the generated dispatcher in front of it.
  const nameOf = () => functionName(nameFrom ? nameFrom() : overloaded);
  const many = loopFor(cases, nameOf);
  // With no arguments there is nothing to check: the first case that takes none runs.
  const none = cases.find((c) => c.min === 0);
  const s0: Step0 = none ? (self) => none.fn.call(self) : () => fail(cases, nameOf, []);
  const s1 = chainFor<Step1>(cases, 1, block1, (_self, a) => fail(cases, nameOf, [a]));
  const s2 = chainFor<Step2>(cases, 2, block2, (_self, a, b) => fail(cases, nameOf, [a, b]));
  const s3 = chainFor<Step3>(cases, 3, block3, (_self, a, b, c) => fail(cases, nameOf, [a, b, c]));
  const s4 = chainFor<Step4>(cases, 4, block4, (_self, a, b, c, d) => fail(cases, nameOf, [a, b, c, d]));
  function overloaded(this: unknown, a?: unknown, b?: unknown, c?: unknown, d?: unknown): unknown {
    switch (arguments.length) {
      case 0: return s0(this);
      case 1: return s1(this, a);
      case 2: return s2(this, a, b);
      case 3: return s3(this, a, b, c);
      case 4: return s4(this, a, b, c, d);
      default: return many(this, Array.prototype.slice.call(arguments));
    }
  }
  markOverloaded(overloaded, cases, name);
  return overloaded;
}

/** Gives an overloaded function its name, its `length` and its cases (for casesOf, which, splicing). @internal */
export function markOverloaded(fn: Function, cases: readonly Case[], name: string): void {
  Object.defineProperty(fn, 'name', { value: name, configurable: true });
  Object.defineProperty(fn, 'length', { value: Math.min(...cases.map((c) => c.min)), configurable: true });
  Object.defineProperty(fn, CASES, { value: Object.freeze([...cases]) });
}

/** The cases of an overloaded function, or `undefined` for any other value. @internal */
export function casesIn(value: unknown): readonly Case[] | undefined {
  if (typeof value !== 'function') return undefined;
  const cases = (value as { [CASES]?: unknown })[CASES];
  return Array.isArray(cases) ? (cases as readonly Case[]) : undefined;
}
