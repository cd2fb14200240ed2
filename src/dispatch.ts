/**
 * The dispatcher: one function that runs the first case whose checks accept the arguments.
 *
 * The hot path allocates nothing. Calls with up to four arguments go through a chain built per
 * argument count when the set is defined: each link holds one case's checks for exactly that count,
 * so a call makes no arity test per case, builds no `...args` array and uses no `.apply`. Each link
 * is its own closure, so the engine sees its checks as monomorphic calls. Longer calls take a
 * generic loop. Reasons are worked out only once nothing matched.
 * @internal
 */
import { accepts, checkAt, explain, type Case } from './cases.js';
import { NoMatchingOverloadError, SetupError } from './errors.js';
import { functionName } from './internal/describe.js';
import { CASES } from './internal/symbols.js';

type Test = (value: unknown) => boolean;
type Step0 = (self: unknown) => unknown;
type Step1 = (self: unknown, a: unknown) => unknown;
type Step2 = (self: unknown, a: unknown, b: unknown) => unknown;
type Step3 = (self: unknown, a: unknown, b: unknown, c: unknown) => unknown;
type Step4 = (self: unknown, a: unknown, b: unknown, c: unknown, d: unknown) => unknown;

/** A check that threw means "no match", except a SetupError, which is the program's bug. */
function rejected(error: unknown): false {
  if (error instanceof SetupError) throw error;
  return false;
}

function link0(fn: Function): Step0 {
  // The first case that takes no arguments always runs: nothing to check, nothing after it.
  return (self) => fn.call(self);
}
function link1(fn: Function, t0: Test, next: Step1): Step1 {
  return (self, a) => {
    let ok: boolean;
    try { ok = t0(a); } catch (e) { ok = rejected(e); }
    return ok ? fn.call(self, a) : next(self, a);
  };
}
function link2(fn: Function, t0: Test, t1: Test, next: Step2): Step2 {
  return (self, a, b) => {
    let ok: boolean;
    try { ok = t0(a) && t1(b); } catch (e) { ok = rejected(e); }
    return ok ? fn.call(self, a, b) : next(self, a, b);
  };
}
function link3(fn: Function, t0: Test, t1: Test, t2: Test, next: Step3): Step3 {
  return (self, a, b, c) => {
    let ok: boolean;
    try { ok = t0(a) && t1(b) && t2(c); } catch (e) { ok = rejected(e); }
    return ok ? fn.call(self, a, b, c) : next(self, a, b, c);
  };
}
function link4(fn: Function, t0: Test, t1: Test, t2: Test, t3: Test, next: Step4): Step4 {
  return (self, a, b, c, d) => {
    let ok: boolean;
    try { ok = t0(a) && t1(b) && t2(c) && t3(d); } catch (e) { ok = rejected(e); }
    return ok ? fn.call(self, a, b, c, d) : next(self, a, b, c, d);
  };
}

/** The name errors show; read when an error is built, so a later `name` (defineProperty) counts. */
type NameOf = () => string;

function fail(cases: readonly Case[], nameOf: NameOf, args: unknown[]): never {
  const candidates = cases.map((c) => ({ signature: c.signature, errors: explain(c, args) }));
  throw new NoMatchingOverloadError(nameOf(), args, candidates);
}

/** Builds the chain for calls with exactly `n` arguments (0 ≤ n ≤ 4). */
function chainFor(cases: readonly Case[], n: number, nameOf: NameOf): Function {
  const fits = cases.filter((c) => n >= c.min && n <= c.max);
  const fallback = (_self: unknown, ...args: unknown[]) => fail(cases, nameOf, args);
  let next: Function = fallback;
  for (let i = fits.length - 1; i >= 0; i--) {
    const c = fits[i]!;
    const t = [0, 1, 2, 3].map((p) => checkAt(c, p)?.test) as Test[];
    switch (n) {
      case 0: next = link0(c.fn); break;
      case 1: next = link1(c.fn, t[0]!, next as Step1); break;
      case 2: next = link2(c.fn, t[0]!, t[1]!, next as Step2); break;
      case 3: next = link3(c.fn, t[0]!, t[1]!, t[2]!, next as Step3); break;
      default: next = link4(c.fn, t[0]!, t[1]!, t[2]!, t[3]!, next as Step4);
    }
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
  const s0 = chainFor(cases, 0, nameOf) as Step0;
  const s1 = chainFor(cases, 1, nameOf) as Step1;
  const s2 = chainFor(cases, 2, nameOf) as Step2;
  const s3 = chainFor(cases, 3, nameOf) as Step3;
  const s4 = chainFor(cases, 4, nameOf) as Step4;
  function many(self: unknown, args: unknown[]): unknown {
    const c = select(cases, args);
    return c ? c.fn.apply(self, args) : fail(cases, nameOf, args);
  }
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
