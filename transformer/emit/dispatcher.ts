/**
 * A straight-line dispatcher for an overload set whose cases are all typed: a switch on the
 * argument count, then, per count, the cases that take that many arguments in order, each one's
 * checks inlined with the cheapest first. Where the cases at a position are told apart by a
 * discriminant (`kind: 'circle'`, see discriminant.ts), a run of them becomes a `switch` on it, so
 * the cost stays flat as cases grow. It only chooses the case; the runtime's ordinary dispatcher
 * (`fallback`) handles everything else: no match (and its error), a check that threw, more
 * arguments than any fixed case takes. Emitted as text, like the guards it calls.
 *
 * Lookups measured against the chain and not used: a `switch (typeof a)` was several times slower
 * than a chain of `typeof a === "…"` tests (which V8 compiles to type checks) at 4 and 8 primitive
 * cases; a Map from prototype to case beat a chain of `instanceof` from 16 class cases on (0.8x at
 * 16, 0.3x at 32, 0.2x at 64) but lost below (2.3x at 4), and keeping first-match exact under
 * subclasses, `Symbol.hasInstance` and prototypes changed after the set is built needs more than a
 * lookup.
 */
import type { Shape } from '../analyze/shape.js';
import { discriminantKeys, discriminantValues, literalKey, literalText, type Literal } from './discriminant.js';
import { cost, type GuardEmitter } from './guard.js';

export interface CompiledPosition {
  readonly shape: Shape;
  /** Optional or defaulted: may be left out, or be `undefined`. */
  readonly optional: boolean;
}

/** Fixed positions only (no rest parameter), so the argument-count switch covers every case. */
export type CompiledCase = readonly CompiledPosition[];

const ARGS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
/** A scratch variable for property values read by inlined object checks (`statementUnder`). */
const TEMP = 't';
/** Stands for the value in a check while it is written, so it can be replaced by a property read. */
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

/** One case of an argument-count group: its statement (`if (checks) { …return cN(…) }`) and positions. */
interface Branch {
  /** The statement, with the check at one position replaced if asked. */
  readonly statement: (replaced?: { readonly i: number; readonly check: string }) => string;
  readonly positions: readonly CompiledPosition[];
}

/** A property read at one position that tells the group's cases apart. */
interface Discriminant {
  readonly position: number;
  readonly key: string;
  /** Per branch, the values its guard can accept there; `undefined` for a case it does not limit. */
  readonly values: readonly (Literal[] | undefined)[];
}

/** The builder function `(fallback, c0, c1, …) => dispatcher` as JavaScript text. */
export function dispatcherSource(cases: readonly CompiledCase[], emitter: GuardEmitter): string {
  const arity = Math.max(0, ...cases.map((c) => c.length));
  const params = ARGS.slice(0, arity);
  const groups: string[] = [];
  for (let n = 0; n <= arity; n++) {
    const fits = cases.map((c, index) => ({ c, index })).filter(({ c }) => n <= c.length && c.slice(n).every((p) => p.optional));
    if (fits.length === 0) continue;
    const branches = fits.map(({ c, index }): Branch => {
      const checks = c
        .slice(0, n)
        .map((position, i) => ({ position, i }))
        .sort((x, y) => cost(x.position.shape) - cost(y.position.shape))
        .map(({ position, i }) => {
          const check = emitter.isExpression(position.shape, params[i]!);
          return { i, check: position.optional && check !== 'true' ? `(${params[i]} === undefined || ${check})` : check };
        });
      const call = `{ running = true; return c${index}.call(this${params.slice(0, n).map((p) => `, ${p}`).join('')}); }`;
      const statement = (replaced?: { i: number; check: string }): string => {
        const list = checks.map((x) => (replaced && x.i === replaced.i ? replaced.check : x.check)).filter((check) => check !== 'true');
        return list.length > 0 ? `if (${list.join(' && ')}) ${call}` : call;
      };
      return { statement, positions: c.slice(0, n) };
    });
    groups.push(`case ${n}:\n          ${groupBody(branches, params, `k${n}`, emitter).join('\n          ')}\n          break;`);
  }
  const fns = cases.map((_, i) => `c${i}`).join(', ');
  // `running` tells an error thrown by a case (rethrown unchanged) from one thrown by a check (a
  // getter, a proxy trap), after which the ordinary dispatcher retries case by case.
  return `function (fallback, ${fns}) {
  return function (${params.join(', ')}) {
    var running = false${groups.some((g) => g.includes(`(${TEMP} = `)) ? `, ${TEMP}` : ''};
    try {
      switch (arguments.length) {
        ${groups.join('\n        ')}
      }
    } catch (e) {
      if (running) throw e;
    }
    return fallback.apply(this, arguments);
  };
}`;
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
function groupBody(branches: readonly Branch[], params: readonly string[], local: string, emitter: GuardEmitter): string[] {
  const discriminant = discriminantOf(branches);
  if (!discriminant) return branches.map((b) => b.statement());
  const p = params[discriminant.position]!;
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
  const read = `${p} === null || ${p} === undefined ? fallback : ${p}${access(discriminant.key)}`;
  const lines: string[] = [];
  let next = 0;
  for (const [start, end] of runs) {
    lines.push(...branches.slice(next, start).map((b) => b.statement()));
    // Read where the first run needs it: a case before it may match without it.
    if (next === 0 && runs.length > 1) lines.push(`var ${local} = ${read};`);
    const run = branches.slice(start, end);
    const under = (index: number, labels: readonly Literal[]) => statementUnder(run[index]!, labels, discriminant, p, emitter);
    lines.push(...switchOver(under, discriminant.values.slice(start, end) as Literal[][], runs.length > 1 ? local : read));
    next = end;
  }
  lines.push(...branches.slice(next).map((b) => b.statement()));
  return lines;
}

/**
 * `switch (read) { case "a": case "b": …statements of the cases admitting them… break; }`, with
 * `under(i, labels)` the statement of the run's `i`th case under those labels.
 */
function switchOver(under: (index: number, labels: readonly Literal[]) => string, values: readonly Literal[][], read: string): string[] {
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
  const lines = [`switch (${read}) {`];
  for (const { labels, cases } of clauses.values()) {
    lines.push(`  ${labels.map((l) => `case ${literalText(l)}:`).join(' ')}`, ...cases.map((c) => `    ${under(c, labels)}`), '    break;');
  }
  lines.push('}');
  return lines;
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
function statementUnder(branch: Branch, labels: readonly Literal[], discriminant: Discriminant, p: string, emitter: GuardEmitter): string {
  const i = discriminant.position;
  const shape = branch.positions[i]!.shape;
  const labelKeys = new Set(labels.map(literalKey));
  const admits = (m: Shape) => (discriminantValues(m, discriminant.key) ?? []).some((v) => labelKeys.has(literalKey(v)));
  const members = shape.kind === 'union' ? shape.members.filter(admits) : [shape];
  const only = members.length === 1 ? members[0]! : undefined;
  const everyLabel = only !== undefined && labels.every((l) => (discriminantValues(only, discriminant.key) ?? []).some((v) => literalKey(v) === literalKey(l)));
  const inline = everyLabel ? inlineObjectCheck(only, discriminant.key, p, emitter) : undefined;
  if (inline) return branch.statement({ i, check: inline });
  if (members.length === (shape.kind === 'union' ? shape.members.length : 1)) return branch.statement();
  const narrowed = members.map((m) => emitter.isExpression(m, p));
  return branch.statement({ i, check: narrowed.length === 1 ? narrowed[0]! : `(${narrowed.join(' || ')})` });
}

/**
 * The checks of an object type but the discriminant's, on the non-nullish value `p`; `undefined`
 * where its guard does more than read and check properties (index signatures, weak or callable
 * types, presence checks, own-property reads, recursion), so that the guard keeps doing it.
 */
function inlineObjectCheck(shape: Shape, key: string, p: string, emitter: GuardEmitter): string | undefined {
  if (shape.kind !== 'ref') return undefined;
  const target = shape.target;
  if (target.callable || target.weak || target.recursive || target.stringIndex || target.numberIndex || target.keyedIndexes.length > 0) return undefined;
  const simple = (q: (typeof target.properties)[number]) => typeof q.key === 'string' && !q.own && !q.exact && (q.optional || !q.admitsUndefined);
  // A string has the members String declares, whatever its text: its guard refuses strings for numeric keys.
  const numericKey = (q: (typeof target.properties)[number]) => typeof q.key === 'string' && String(Number(q.key)) === q.key;
  if (!target.properties.every(simple) || target.properties.some((q) => !q.optional && numericKey(q))) return undefined;
  const checks = target.properties
    .filter((q) => q.key !== key)
    .sort((x, y) => (x.method ? 0 : cost(x.shape)) - (y.method ? 0 : cost(y.shape)))
    .map((q) => {
      const check = (value: string) => {
        const test = cost(q.shape) <= 1 ? emitter.isExpression(q.shape, value) : `${emitter.isFunction(q.shape)}(${value})`;
        return test === 'true' || !q.optional || admitsUndefined(q.shape) ? test : `${value} === undefined || ${test}`;
      };
      const read = `${p}${access(q.key as string)}`;
      const [once, twice] = [check(PLACEHOLDER), check(`${PLACEHOLDER}2`)];
      if (once === 'true') return undefined;
      // Read where the check uses the value once (`typeof a.r === "number"`), else into the scratch
      // variable: a local assigned inside the dispatcher's try block costs more than a second load.
      const single = once.split(PLACEHOLDER).length === 2 && once.replaceAll(PLACEHOLDER, `${PLACEHOLDER}2`) === twice;
      return single ? once.replace(PLACEHOLDER, () => read) : `(${TEMP} = ${read}, ${check(TEMP)})`;
    })
    .filter((check) => check !== undefined);
  return checks.length === 0 ? 'true' : checks.length === 1 ? checks[0] : `(${checks.join(' && ')})`;
}

/** Whether the check of `shape` accepts `undefined` by itself (an optional property's type usually does). */
function admitsUndefined(shape: Shape): boolean {
  return shape.kind === 'any' || (shape.kind === 'literal' && shape.value === undefined) || (shape.kind === 'union' && shape.members.some(admitsUndefined));
}

function access(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}
