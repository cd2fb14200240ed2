/**
 * A straight-line dispatcher for an overload set whose cases are all typed: a switch on the
 * argument count, then, per count, the cases that take that many arguments in order, each one's
 * checks inlined with the cheapest first. Where the cases at a position are told apart by a
 * discriminant (`kind: 'circle'`, see discriminant.ts), a run of them becomes a `switch` on it, so
 * the cost stays flat as cases grow. It only chooses the case; the runtime's ordinary dispatcher
 * (`fallback`) handles everything else: no match (and its error), a check that threw, more
 * arguments than any fixed case takes. Built in the intermediate form of code.ts, like the guards it calls.
 *
 * Lookups measured against the chain and not used: a `switch (typeof a)` was several times slower
 * than a chain of `typeof a === "…"` tests (which V8 compiles to type checks) at 4 and 8 primitive
 * cases; a Map from prototype to case beat a chain of `instanceof` from 16 class cases on (0.8x at
 * 16, 0.3x at 32, 0.2x at 64) but lost below (2.3x at 4), and keeping first-match exact under
 * subclasses, `Symbol.hasInstance` and prototypes changed after the set is built needs more than a
 * lookup.
 */
import type { Shape } from '../analyze/shape.js';
import {
  and,
  assign,
  BREAK,
  call,
  conditional,
  equals,
  fn,
  FALSE,
  id,
  isTrue,
  literal,
  member,
  NULL,
  or,
  reads,
  returns,
  run,
  sequence,
  TRUE,
  UNDEFINED,
  when,
  type Expression,
  type Statement,
} from './code.js';
import { discriminantKeys, discriminantValues, literalKey, type Literal } from './discriminant.js';
import { cost, type GuardEmitter } from './guard.js';

export interface CompiledPosition {
  readonly shape: Shape;
  /** Optional or defaulted: may be left out, or be `undefined`. */
  readonly optional: boolean;
}

/** Fixed positions only (no rest parameter), so the argument-count switch covers every case. */
export type CompiledCase = readonly CompiledPosition[];

const ARGS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
/** A scratch variable for property values read by inlined object checks (`statementsUnder`). */
const TEMP = 't';
/** Stands for the value in a check while it is written, to count how often the check reads it. */
const PLACEHOLDER = '__dc_value';
/** Sets with longer parameter lists keep the ordinary dispatcher. */
export const MAX_COMPILED_ARITY = ARGS.length;

/**
 * Discriminated cases a group needs before it switches. Measured on Node 20 (mixed kinds at the call
 * site, as ratios to a hand-written switch): at 4 cases the switch was 0.93-1.14x, the chain of
 * guards 1.12-1.58x; at 2 they were level; with every call taking the first case, the chain stayed
 * ahead by a nanosecond or two at 3 and 4 cases, within this machine's noise.
 */
export const MIN_SWITCH_CASES = 3;

/** A check at one argument position. */
interface Check {
  readonly i: number;
  readonly check: Expression;
}

/** One case of an argument-count group: its statements (`if (checks) { …return cN(…) }`) and positions. */
interface Branch {
  /** The statements, with the check at one position replaced if asked. */
  readonly statements: (replaced?: Check) => Statement[];
  readonly positions: readonly CompiledPosition[];
}

/** A property read at one position that tells the group's cases apart. */
interface Discriminant {
  readonly position: number;
  readonly key: string;
  /** Per branch, the values its guard can accept there; `undefined` for a case it does not limit. */
  readonly values: readonly (Literal[] | undefined)[];
}

/** What building one dispatcher needs: the guards, and whether an inlined check used the scratch variable. */
interface Build {
  readonly emitter: GuardEmitter;
  usesTemp: boolean;
}

/**
 * The builder function `(fallback, c0, c1, …) => dispatcher`. A case whose function `ignoresThis`
 * is called directly, any other with the dispatcher's own `this` (`c0.call(this, a)`).
 */
export function dispatcherFunction(cases: readonly CompiledCase[], emitter: GuardEmitter, ignoresThis: readonly boolean[] = []): Expression {
  const build: Build = { emitter, usesTemp: false };
  const arity = Math.max(0, ...cases.map((c) => c.length));
  const params = ARGS.slice(0, arity);
  const groups: { labels: Expression[]; body: Statement[] }[] = [];
  for (let n = 0; n <= arity; n++) {
    const fits = cases.map((c, index) => ({ c, index })).filter(({ c }) => n <= c.length && c.slice(n).every((p) => p.optional));
    if (fits.length === 0) continue;
    const branches = fits.map(({ c, index }): Branch => {
      const checks: Check[] = c
        .slice(0, n)
        .map((position, i) => ({ position, i }))
        .sort((x, y) => cost(x.position.shape) - cost(y.position.shape))
        .map(({ position, i }) => {
          const argument = id(params[i]!);
          const check = emitter.isExpression(position.shape, argument);
          return { i, check: position.optional && !isTrue(check) ? or(equals(argument, UNDEFINED), check) : check };
        });
      const passed = params.slice(0, n).map(id);
      const caseFunction = id(`c${index}`);
      const runCase = [
        run(assign(id('running'), TRUE)),
        returns(ignoresThis[index] ? call(caseFunction, ...passed) : call(member(caseFunction, 'call'), id('this'), ...passed)),
      ];
      const statements = (replaced?: Check): Statement[] => {
        const list = checks.map((x) => (replaced && x.i === replaced.i ? replaced.check : x.check)).filter((check) => !isTrue(check));
        return list.length > 0 ? [when(and(...list), runCase)] : runCase;
      };
      return { statements, positions: c.slice(0, n) };
    });
    groups.push({ labels: [literal(n)], body: [...groupBody(branches, params, `k${n}`, build), BREAK] });
  }
  const args = id('arguments');
  // `running` tells an error thrown by a case (rethrown unchanged) from one thrown by a check (a
  // getter, a proxy trap), after which the ordinary dispatcher retries case by case.
  const dispatcher = fn(params, [
    { kind: 'declare', keyword: 'var', declarators: [{ name: 'running', init: FALSE }, ...(build.usesTemp ? [{ name: TEMP }] : [])] },
    {
      kind: 'try',
      body: [{ kind: 'switch', on: member(args, 'length'), clauses: groups }],
      catch: { name: 'e', body: [when(id('running'), { kind: 'throw', value: id('e') })] },
    },
    returns(call(member(id('fallback'), 'apply'), id('this'), args)),
  ]);
  return fn(['fallback', ...cases.map((_, i) => `c${i}`)], [returns(dispatcher)]);
}

/**
 * The statements choosing among one group's branches. First match wins, so cases keep their
 * order: each run of consecutive discriminated cases becomes one `switch` on the discriminant (read
 * once per call, into `local` when there are several runs), and the cases between runs stay `if`
 * statements where they were. A value lists, under its `case`, every case of the run that admits it,
 * in order, each with all its checks but the one its label settled, so the result is the chain's. A
 * read that throws (a getter, a proxy trap) leaves it to the ordinary dispatcher, where that case
 * does not match, as it would have in the chain.
 */
function groupBody(branches: readonly Branch[], params: readonly string[], local: string, build: Build): Statement[] {
  const discriminant = discriminantOf(branches);
  if (!discriminant) return branches.flatMap((b) => b.statements());
  const p = id(params[discriminant.position]!);
  // Runs of two discriminated cases or more, as [start, end) of `branches`.
  const runs: [number, number][] = [];
  for (let i = 0; i < branches.length; ) {
    let end = i;
    while (end < branches.length && discriminant.values[end]) end++;
    if (end - i >= 2) runs.push([i, end]);
    i = Math.max(end, i + 1);
  }
  // The guards refuse null and undefined before reading the key: then no case of a run can match,
  // and `fallback` (a function) equals no label. One run reads it in the switch itself: a local
  // assigned inside the dispatcher's try block measured slower than the chain.
  const read = conditional(or(equals(p, NULL), equals(p, UNDEFINED)), id('fallback'), member(p, discriminant.key));
  const statements: Statement[] = [];
  let next = 0;
  for (const [start, end] of runs) {
    statements.push(...branches.slice(next, start).flatMap((b) => b.statements()));
    // Read where the first run needs it: a case before it may match without it.
    if (next === 0 && runs.length > 1) statements.push({ kind: 'declare', keyword: 'var', declarators: [{ name: local, init: read }] });
    const run = branches.slice(start, end);
    const under = (index: number, labels: readonly Literal[]) => statementsUnder(run[index]!, labels, discriminant, p, build);
    statements.push(switchOver(under, discriminant.values.slice(start, end) as Literal[][], runs.length > 1 ? id(local) : read));
    next = end;
  }
  statements.push(...branches.slice(next).flatMap((b) => b.statements()));
  return statements;
}

/**
 * `switch (read) { case "a": case "b": …statements of the cases admitting them… break; }`, with
 * `under(i, labels)` the statements of the run's `i`th case under those labels.
 */
function switchOver(under: (index: number, labels: readonly Literal[]) => Statement[], values: readonly Literal[][], read: Expression): Statement {
  // Values in the order they first appear, each with the cases (indices into `run`) admitting it.
  const admitting = new Map<string, { value: Literal; cases: number[] }>();
  values.forEach((list, index) => {
    for (const value of list) {
      const key = literalKey(value);
      const entry = admitting.get(key) ?? { value, cases: [] };
      if (!entry.cases.includes(index)) entry.cases.push(index);
      admitting.set(key, entry);
    }
  });
  // Values with the same cases share one clause.
  const clauses = new Map<string, { labels: Literal[]; cases: number[] }>();
  for (const { value, cases } of admitting.values()) {
    const key = cases.join(',');
    const clause = clauses.get(key) ?? { labels: [], cases };
    clause.labels.push(value);
    clauses.set(key, clause);
  }
  return {
    kind: 'switch',
    on: read,
    clauses: [...clauses.values()].map(({ labels, cases }) => ({ labels: labels.map(literal), body: [...cases.flatMap((c) => under(c, labels)), BREAK] })),
  };
}

/**
 * The position and key that discriminate most of the branches (at least `MIN_SWITCH_CASES`, with
 * two values or more), or `undefined`. An optional position is not a discriminant for its case: the
 * argument may be `undefined`, which its guard accepts without reading anything.
 */
function discriminantOf(branches: readonly Branch[]): Discriminant | undefined {
  if (branches.length < MIN_SWITCH_CASES) return undefined;
  let best: Discriminant | undefined;
  let bestCount = 0;
  const width = Math.max(0, ...branches.map((b) => b.positions.length));
  for (let position = 0; position < width; position++) {
    const keys = new Set(branches.flatMap((b) => (b.positions[position] && !b.positions[position]!.optional ? discriminantKeys(b.positions[position]!.shape) : [])));
    for (const key of keys) {
      const values = branches.map((b) => {
        const at = b.positions[position];
        return at && !at.optional ? discriminantValues(at.shape, key) : undefined;
      });
      const count = values.filter((v) => v !== undefined).length;
      const distinct = new Set(values.flatMap((v) => (v ?? []).map(literalKey))).size;
      if (count > bestCount && distinct >= 2) {
        best = { position, key, values };
        bestCount = count;
      }
    }
  }
  return bestCount >= MIN_SWITCH_CASES ? best : undefined;
}

/**
 * A discriminated case's statement under `labels`, the values the discriminant holds there. Of a
 * union, only the members admitting one of them can match. Where what is left is a plain object
 * type admitting every label, its other properties are checked right there
 * (`(t = a.r, typeof t === "number")`, each property read once, as its guard reads it) instead of
 * calling its guard: V8 does not inline calls that each run for a small share of the values, and
 * past a few cases those calls were most of the cost. Anything else calls the guards.
 */
function statementsUnder(branch: Branch, labels: readonly Literal[], discriminant: Discriminant, p: Expression, build: Build): Statement[] {
  const i = discriminant.position;
  const shape = branch.positions[i]!.shape;
  const labelKeys = new Set(labels.map(literalKey));
  const admits = (m: Shape) => (discriminantValues(m, discriminant.key) ?? []).some((v) => labelKeys.has(literalKey(v)));
  const members = shape.kind === 'union' ? shape.members.filter(admits) : [shape];
  const only = members.length === 1 ? members[0]! : undefined;
  const everyLabel = only !== undefined && labels.every((l) => (discriminantValues(only, discriminant.key) ?? []).some((v) => literalKey(v) === literalKey(l)));
  const inline = everyLabel ? inlineObjectCheck(only, discriminant.key, p, build) : undefined;
  if (inline) return branch.statements({ i, check: inline });
  if (members.length === (shape.kind === 'union' ? shape.members.length : 1)) return branch.statements();
  return branch.statements({ i, check: or(...members.map((m) => build.emitter.isExpression(m, p))) });
}

/**
 * The checks of an object type but the discriminant's, on the non-nullish value `p`; `undefined`
 * where its guard does more than read and check properties (index signatures, weak or callable
 * types, presence checks, own-property reads, recursion), so that the guard keeps doing it.
 */
function inlineObjectCheck(shape: Shape, key: string, p: Expression, build: Build): Expression | undefined {
  if (shape.kind !== 'ref') return undefined;
  const target = shape.target;
  if (target.callable || target.weak || target.recursive || target.stringIndex || target.numberIndex || target.keyedIndexes.length > 0) return undefined;
  const simple = (q: (typeof target.properties)[number]) => typeof q.key === 'string' && !q.own && !q.exact && (q.optional || !q.admitsUndefined);
  // A string has the members String declares, whatever its text: its guard refuses strings for numeric keys.
  const numericKey = (q: (typeof target.properties)[number]) => typeof q.key === 'string' && String(Number(q.key)) === q.key;
  if (!target.properties.every(simple) || target.properties.some((q) => !q.optional && numericKey(q))) return undefined;
  const { emitter } = build;
  const checks = target.properties
    .filter((q) => q.key !== key)
    .sort((x, y) => (x.method ? 0 : cost(x.shape)) - (y.method ? 0 : cost(y.shape)))
    .flatMap((q) => {
      const check = (value: Expression): Expression => {
        const test = cost(q.shape) <= 1 ? emitter.isExpression(q.shape, value) : call(id(emitter.isFunction(q.shape)), value);
        return isTrue(test) || !q.optional || admitsUndefined(q.shape) ? test : or(equals(value, UNDEFINED), test);
      };
      const read = member(p, q.key as string);
      const once = check(id(PLACEHOLDER));
      if (isTrue(once)) return [];
      // Read where the check uses the value once (`typeof a.r === "number"`), else into the scratch
      // variable: a local assigned inside the dispatcher's try block costs more than a second load.
      if (reads(once, PLACEHOLDER) === 1) return [check(read)];
      build.usesTemp = true;
      return [sequence(assign(id(TEMP), read), check(id(TEMP)))];
    });
  return and(...checks);
}

/** Whether the check of `shape` accepts `undefined` by itself (an optional property's type usually does). */
function admitsUndefined(shape: Shape): boolean {
  return shape.kind === 'any' || (shape.kind === 'literal' && shape.value === undefined) || (shape.kind === 'union' && shape.members.some(admitsUndefined));
}
