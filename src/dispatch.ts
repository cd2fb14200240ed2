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
import { isSetupErrorMadeHere, NoMatchingOverloadError } from './errors.js';
import { functionName } from './internal/describe.js';
import { CASES } from './internal/symbols.js';

/** A case's checks for one argument count, over up to four arguments. */
type Test = (a: unknown, b: unknown, c: unknown, d: unknown) => boolean;
type Step = (self: unknown, n: number, a: unknown, b: unknown, c: unknown, d: unknown) => unknown;

const never: Test = () => false;
const always: Test = () => true;

/** The checks of case `c` for calls with exactly `n` (≤ 4) arguments: only positions that are there. */
function testFor(c: Case, n: number): Test {
  const [t0, t1, t2, t3] = [0, 1, 2, 3].slice(0, n).map((p) => checkAt(c, p)!.test);
  switch (n) {
    case 0: return always;
    case 1: return t0!;
    case 2: return (a, b) => t0!(a) && t1!(b);
    case 3: return (a, b, c) => t0!(a) && t1!(b) && t2!(c);
    default: return (a, b, c, d) => t0!(a) && t1!(b) && t2!(c) && t3!(d);
  }
}

/** Calls `fn` with exactly `n` arguments, so rest parameters and defaults see what the caller passed. */
function invoke(fn: Function, self: unknown, n: number, a: unknown, b: unknown, c: unknown, d: unknown): unknown {
  switch (n) {
    case 0: return fn.call(self);
    case 1: return fn.call(self, a);
    case 2: return fn.call(self, a, b);
    case 3: return fn.call(self, a, b, c);
    default: return fn.call(self, a, b, c, d);
  }
}

/**
 * Up to four cases in one closure, tried in order. Flat on purpose: the engine inlines the checks
 * here, but it will not inline a closure into another made from the same function literal, which
 * a chain of one-case links would need. `running` tells an error thrown by a case (rethrown
 * unchanged) from one thrown by a check, after which `careful` retries case by case.
 */
function block(tests: readonly Test[], fns: readonly Function[], next: Step, careful: Step): Step {
  const [t0 = never, t1 = never, t2 = never, t3 = never] = tests;
  const [f0, f1, f2, f3] = fns as Function[];
  return (self, n, a, b, c, d) => {
    let running = false;
    try {
      if (t0(a, b, c, d)) { running = true; return invoke(f0!, self, n, a, b, c, d); }
      if (t1(a, b, c, d)) { running = true; return invoke(f1!, self, n, a, b, c, d); }
      if (t2(a, b, c, d)) { running = true; return invoke(f2!, self, n, a, b, c, d); }
      if (t3(a, b, c, d)) { running = true; return invoke(f3!, self, n, a, b, c, d); }
    } catch (error) {
      if (running || isSetupErrorMadeHere(error)) throw error;
      return careful(self, n, a, b, c, d);
    }
    return next(self, n, a, b, c, d);
  };
}

/** The name errors show; read when an error is built, so a later `name` (defineProperty) counts. */
type NameOf = () => string;

function fail(cases: readonly Case[], nameOf: NameOf, args: unknown[]): never {
  const candidates = cases.map((c) => ({ signature: c.signature, errors: reasonsFor(c, args) }));
  throw new NoMatchingOverloadError(nameOf(), args, candidates);
}

/** The dispatch for calls with exactly `n` (≤ 4) arguments: blocks of the cases that take `n`. */
function chainFor(cases: readonly Case[], n: number, careful: Step, end: Step): Step {
  const fits = cases.filter((c) => n >= c.min && n <= c.max);
  let next = end;
  for (let from = Math.floor((fits.length - 1) / 4) * 4; from >= 0; from -= 4) {
    const group = fits.slice(from, from + 4);
    next = block(group.map((c) => testFor(c, n)), group.map((c) => c.fn), next, careful);
  }
  return next;
}

/** The case that would run for `args`, or `undefined`. @internal */
export function select(cases: readonly Case[], args: ArrayLike<unknown>): Case | undefined {
  for (const c of cases) if (accepts(c, args)) return c;
  return undefined;
}

/**
 * Builds the overloaded function for `cases` (already flattened, in order).
 * @internal
 */
export function dispatcherFor(cases: readonly Case[], name: string, nameFrom?: () => Function): Function {
  // Errors name the function users hold: this one, or the generated dispatcher in front of it.
  const nameOf = () => functionName(nameFrom ? nameFrom() : overloaded);
  const many = (self: unknown, args: unknown[]): unknown => {
    const c = select(cases, args);
    return c ? c.fn.apply(self, args) : fail(cases, nameOf, args);
  };
  const careful: Step = (self, n, a, b, c, d) => many(self, [a, b, c, d].slice(0, n));
  const end: Step = (_self, n, a, b, c, d) => fail(cases, nameOf, [a, b, c, d].slice(0, n));
  const [s0, s1, s2, s3, s4] = [0, 1, 2, 3, 4].map((n) => chainFor(cases, n, careful, end)) as [Step, Step, Step, Step, Step];
  function overloaded(this: unknown, a?: unknown, b?: unknown, c?: unknown, d?: unknown): unknown {
    switch (arguments.length) {
      case 0: return s0(this, 0, a, b, c, d);
      case 1: return s1(this, 1, a, b, c, d);
      case 2: return s2(this, 2, a, b, c, d);
      case 3: return s3(this, 3, a, b, c, d);
      case 4: return s4(this, 4, a, b, c, d);
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
