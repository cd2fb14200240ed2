/**
 * `violations`, the walk behind `validate`, `assert` and the reasons of a failed dispatch: where and
 * why a value fails a generated schema. Apart from the guard helpers (guards.ts), so a program that
 * only asks `is` does not ship it. Public through `__violations` for generated code, not part of the
 * contract.
 * @internal
 */
import type { Issue } from '../types/issue.js';
import { FAST_DEPTH } from './depth.js';
import { MAX_ISSUES } from './limits.js';
import { hasOwn, isMap, isSet, level, own, plain, state, type Is } from './guards.js';

/**
 * A node of the schema generated next to each guard: enough for `violations` to say where and why a
 * value fails, reusing the generated `is` functions for the verdict at each level.
 */
export interface SchemaNode {
  /** The type as TypeScript prints it: `Circle`, `number`, `"circle" | "square"`. */
  readonly t: string;
  readonly is: Is;
  /** Properties: key, node, optional (`"exact"`: absent, never `undefined`), read as an own property. */
  p?: ReadonlyArray<readonly [PropertyKey, SchemaNode, boolean | 'exact', boolean?]>;
  /** Array element. */
  e?: SchemaNode;
  /** Tuple elements, and the index the rest element (last of `u`) starts at, if any. */
  u?: readonly SchemaNode[];
  r?: boolean;
  /** Index signature values: string keys, numeric keys, keys a check accepts (template literal, symbol). */
  i?: SchemaNode;
  n?: SchemaNode;
  k?: ReadonlyArray<readonly [Is, SchemaNode]>;
  /** A Map's keys and values; a Set's elements. */
  mk?: SchemaNode;
  mv?: SchemaNode;
  se?: SchemaNode;
  /** Intersection members. */
  a?: readonly SchemaNode[];
  /** Union members with structure (objects, arrays, tuples) to descend into. */
  m?: readonly SchemaNode[];
  /** The union's discriminants: keys every object member requires with a literal type. */
  d?: readonly string[];
  /** A literal type (or a union of literals): a property of such a type tells union members apart. */
  l?: boolean;
}

/**
 * Every violation of `node` in `value` up to the first `MAX_ISSUES`, with paths below `path`.
 * Never throws, never recurses (any depth), and checks recursive types one level per level of the
 * value (see `oneLevel`), so its time is linear in what it looks at.
 */
export function violations(node: SchemaNode, value: unknown, path = '$input'): Issue[] {
  // A walk in progress (a getter may run another) keeps its own state; the next walk at the same
  // nesting reuses it once it is over.
  const w = walks[walking] ?? (walks[walking] = newWalk());
  walking++;
  // The walk's checks run one level deep (see `oneLevel`) with the walk's own `seen`, set for the
  // whole walk rather than around each check. Code a getter runs in between is no different from
  // the code it runs inside a check: a check called from outside gets a `seen` of its own
  // (`runFrom`), and a walk its own state.
  const outerSeen = state.seen;
  const outerLevel = level.seen;
  state.seen = level.seen = w.levelSeen;
  try {
    return walk(w, node, value, path);
  } finally {
    state.seen = outerSeen;
    level.seen = outerLevel;
    walking--;
    done(w);
  }
}

/**
 * A generated explanation of one type (transformer/emit/guard.ts, `explainFunction`): called with a
 * value that fails the type's node (and is noted as walked), and its path, it adds the issues the
 * walk adds for that node, in the same order, through the helpers in `explainers`, and says whether
 * it added any. Straight-line code for types whose walk it can spell out; the parts it cannot it
 * hands to the walk (`explainers.part`), which shares its state.
 */
export type Explainer = (w: Walk, value: unknown, path: string) => boolean;

/** Thrown by the helpers once the issues reach the limit: the explanation stops there, as the walk does. */
const FULL: unique symbol = Symbol('full');

/** `violations(node, value)` where a generated `explain` spells out `node`'s walk: the same issues. */
export function explained(explain: Explainer, node: SchemaNode, value: unknown): Issue[] {
  // As `violations` starts and ends a walk (written twice so that a program that only walks ships none of this).
  const w = walks[walking] ?? (walks[walking] = newWalk());
  walking++;
  const outerSeen = state.seen;
  const outerLevel = level.seen;
  state.seen = level.seen = w.levelSeen;
  const issues: Issue[] = [];
  w.issues = issues;
  try {
    // What `visit` does at the root, whose type does not recurse (so its verdict is never open).
    if (oneLevel(node, value) !== Verdict.Fits) {
      isCycle(w, node, value);
      explain(w, value, '$input');
    }
  } catch (error) {
    if (error !== FULL) throw error;
  } finally {
    state.seen = outerSeen;
    level.seen = outerLevel;
    walking--;
    done(w);
  }
  return issues;
}

/** Adds an issue; at the limit, stops the explanation. */
function add(w: Walk, path: string, expected: string, value: unknown): void {
  if (w.issues.push({ path, expected, value }) >= MAX_ISSUES) throw FULL;
}

/*
 * What generated explanations call (see `Explainer`); each does what the walk does at that point.
 * Exported one by one, so a program whose explanations never hand a part to the walk (`part`) does
 * not ship the walk.
 */

/** A part left to the walk, as `visitChild` looks at it: whether the parent's child failed. */
export function explainPart(w: Walk, node: SchemaNode, value: unknown, path: string): boolean {
  const verdict = oneLevel(node, value);
  if (verdict === Verdict.Fits) return false;
  if (isCycle(w, node, value)) return verdict === Verdict.Fails;
  if (verdict === Verdict.Fails && isLeaf(node)) {
    add(w, path, node.t, value);
    return true;
  }
  const issues = w.issues;
  const before = issues.length;
  push(w, newFrame(node, value, path, before, undefined, verdict === Verdict.Open));
  drain(w);
  if (issues.length >= MAX_ISSUES) throw FULL;
  return issues.length > before;
}

/**
 * A failing leaf, reported unless it is an object walked with this node already; or, given what
 * reading it threw (`[error]`), that. True: the parent's child failed.
 */
export function explainLeaf(w: Walk, node: SchemaNode, path: string, value: unknown, thrown?: readonly [unknown]): true {
  // The walk's text for a read that threw (`listChildren`).
  if (thrown !== undefined) add(w, path, `${node.t} (reading it threw)`, thrown[0]);
  else if (!isCycle(w, node, value)) add(w, path, node.t, value);
  return true;
}

/**
 * The end of a failing node's explanation, which began with `before` issues: the node itself is
 * what was expected when nothing below it failed. Whether it added issues.
 */
export function explainEnd(w: Walk, before: number, childFailed: boolean, node: SchemaNode, path: string, value: unknown): boolean {
  const issues = w.issues;
  if (issues.length === before && !childFailed) add(w, path, node.t, value);
  return issues.length > before;
}

/** Whether a failing object was walked with this node already (else notes it). */
export const explainCycle: (w: Walk, node: SchemaNode, value: unknown) => boolean = isCycle;

/** A required key missing (its value read `undefined`), as the walk decides it. */
export function explainAbsent(value: unknown, key: PropertyKey): boolean {
  return !hasKey(value, key);
}

/** The same helpers as one object, as code generated before they were exported one by one reads them. */
export const explainers = { part: explainPart, leaf: explainLeaf, end: explainEnd, cycle: explainCycle, absent: explainAbsent };

/** The state of each nesting of walks in progress (see `violations`). */
const walks: Walk[] = [];
let walking = 0;

/**
 * What `read` returns when reading threw; the error is then in `readError`. Read at once after the
 * call: a getter may run a nested walk, but that is over by the time `read` returns.
 */
const THREW: unique symbol = Symbol('threw');
let readError: unknown;

function read(value: unknown, key: PropertyKey, ownOnly: boolean): unknown {
  try {
    return ownOnly ? own(value, key) : (value as Record<PropertyKey, unknown>)[key];
  } catch (error) {
    readError = error;
    return THREW;
  }
}

function keyPath(path: string, key: PropertyKey): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  if (typeof key === 'symbol') return `${path}[${key.toString()}]`;
  return isIdentifier(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

/** `/^[A-Za-z_$][\w$]*$/.test(key)`, without the regular expression: a few percent of a failing validate. */
function isIdentifier(key: string): boolean {
  if (key.length === 0) return false;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    const letter = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 36;
    if (!letter && !(i > 0 && c >= 48 && c <= 57)) return false;
  }
  return true;
}

/** The key of a part looked at whole, at its parent's path: a member of an intersection or union. */
const SAME: unique symbol = Symbol('same');
type ChildKey = PropertyKey | typeof SAME;

/** What a frame walks after its listed tasks: nothing, or the value's elements, tuple elements, entries or keys. */
const enum Rest {
  None,
  Elements,
  Tuple,
  Entries,
  Keys,
}

/*
 * The walk's records are object literals made by one function each, not class instances: a literal's
 * hidden class is held by the function that makes it, while the one a constructor's assignments
 * reach is held only by live instances. Between validations none is alive, so a garbage collection
 * would free the class and throw away the optimized walk that was built for it (V8 deoptimizes code
 * whose embedded classes die): a program that validates now and then would run the walk cold.
 */

/** The state of one walk: its issues, the failing (node, value) pairs it has walked, its frames. */
export interface Walk {
  issues: Issue[];
  /**
   * The failing objects walked, with their nodes: a list of pairs (node, value) while it is short
   * (most values that fail are found within a few objects), then a map.
   */
  readonly pairs: unknown[];
  /** Slots of `pairs` in use (the list is kept, its length never shrinks). */
  listed: number;
  seen: Map<SchemaNode, Set<unknown>> | undefined;
  readonly stack: Frame[];
  /** The `seen` of its one-level checks (see `oneLevel`): empty between them, since generated checks delete what they add. */
  readonly levelSeen: Set<unknown>;
}

function newWalk(): Walk {
  return { issues: NO_ISSUES, pairs: [], listed: 0, seen: undefined, stack: [], levelSeen: new Set() };
}

const NO_ISSUES: Issue[] = [];

/** Lets go of what a finished walk looked at, for the next walk at its nesting. */
function done(w: Walk): void {
  w.issues = NO_ISSUES;
  const pairs = w.pairs;
  for (let i = 0; i < w.listed; i++) pairs[i] = undefined;
  w.listed = 0;
  w.seen = undefined;
  // Empty unless the walk stopped at the limit (or threw).
  if (w.stack.length > 0) w.stack.length = 0;
  if (w.levelSeen.size > 0) w.levelSeen.clear();
}

/** Pairs listed before they move to a map: looking one up costs a pass over the list. */
const LISTED_PAIRS = 16;

/**
 * A failing node being explained: its issues are those added to the list after `before`. What to
 * look at below it comes from `tasks`, listed at once (members and properties: the type bounds
 * them), then from `rest`, one at a time (elements, entries and keys: the value does), so an array
 * of a billion elements costs nothing beyond the elements looked at before the limit. One shape for
 * every kind, so the walk's reads of it stay monomorphic.
 */
interface Frame {
  readonly node: SchemaNode;
  readonly value: unknown;
  readonly path: string;
  readonly before: number;
  readonly parent: Frame | undefined;
  /** Its verdict was open: it fails only if something below it does. */
  readonly open: boolean;
  /** A child failed (its issues are in the list, or it is a cycle back to a value being walked). */
  childFailed: boolean;
  /** Listed tasks, three slots each: node, value, key; an issue found when listing is `undefined, issue, undefined`. */
  tasks: unknown[];
  /** Slots of `tasks` listed (it is made at its largest size), and the next one to look at. */
  listed: number;
  at: number;
  rest: Rest;
  /** The collection walked by `rest` (indexes, iterator, keys), read once the listed tasks are done. */
  started: boolean;
  source: unknown;
  indexes: number[] | undefined;
  i: number;
  end: number;
  /** Keys: the step within the current key, and the value read at it (Maps: the entry's value). */
  step: number;
  item: unknown;
}

function newFrame(node: SchemaNode, value: unknown, path: string, before: number, parent: Frame | undefined, open: boolean): Frame {
  return {
    node,
    value,
    path,
    before,
    parent,
    open,
    childFailed: false,
    tasks: NO_TASKS,
    listed: 0,
    at: 0,
    rest: Rest.None,
    started: false,
    source: undefined,
    indexes: undefined,
    i: 0,
    end: 0,
    step: 0,
    item: undefined,
  };
}

const NO_TASKS: unknown[] = [];

/** Makes room for up to `count` tasks. */
function reserve(frame: Frame, count: number): void {
  frame.tasks = new Array<unknown>(3 * count);
}

function listTask(frame: Frame, node: SchemaNode | undefined, value: unknown, key: ChildKey | undefined): void {
  const tasks = frame.tasks;
  const at = frame.listed;
  tasks[at] = node;
  tasks[at + 1] = value;
  tasks[at + 2] = key;
  frame.listed = at + 3;
}

function listIssue(frame: Frame, path: string, expected: string, value: unknown): void {
  listTask(frame, undefined, { path, expected, value } satisfies Issue, undefined);
}

/**
 * The violations of `node` in `value`, depth first in property order. Iterative, so a deep value
 * (a long linked list failing at its end) cannot overflow the stack; each failing (node, value)
 * pair is walked once, so cyclic values terminate.
 */
function walk(w: Walk, root: SchemaNode, rootValue: unknown, rootPath: string): Issue[] {
  const issues: Issue[] = [];
  w.issues = issues;
  visit(w, undefined, root, rootValue, rootPath);
  drain(w);
  return issues;
}

/** Walks the frames on the stack until none is left or the issues reach the limit. */
function drain(w: Walk): void {
  const issues = w.issues;
  const stack = w.stack;
  while (stack.length > 0 && issues.length < MAX_ISSUES) {
    const top = stack[stack.length - 1]!;
    if (step(w, top)) continue;
    stack.pop();
    // Nothing below explained the failure: the node itself is what was expected, unless its
    // verdict was open and nothing below fails (then it fits).
    if (issues.length === top.before && !top.childFailed && !top.open) issues.push({ path: top.path, expected: top.node.t, value: top.value });
    if (top.parent && issues.length > top.before) top.parent.childFailed = true;
  }
}

/** Looks at `frame`'s next task; false when it has none left. */
function step(w: Walk, frame: Frame): boolean {
  if (frame.at < frame.listed) {
    const tasks = frame.tasks;
    const at = frame.at;
    frame.at = at + 3;
    const node = tasks[at] as SchemaNode | undefined;
    if (node === undefined) w.issues.push(tasks[at + 1] as Issue);
    else visitChild(w, frame, node, tasks[at + 1], tasks[at + 2] as ChildKey, '');
    return true;
  }
  switch (frame.rest) {
    case Rest.None:
      return false;
    case Rest.Elements:
      return elementStep(w, frame);
    case Rest.Tuple:
      return tupleStep(w, frame);
    case Rest.Entries:
      return entryStep(w, frame);
    case Rest.Keys:
      return keyStep(w, frame);
  }
}

/** Looks at a part of `parent`'s value: `key` (and `suffix`) say where it is below `parent`'s path. */
function visitChild(w: Walk, parent: Frame, node: SchemaNode, value: unknown, key: ChildKey, suffix: string): void {
  const verdict = oneLevel(node, value);
  if (verdict === Verdict.Fits) return;
  if (isCycle(w, node, value)) {
    // A cycle back to a value being walked: it fails there, where it is reported.
    if (verdict === Verdict.Fails) parent.childFailed = true;
    return;
  }
  const path = (key === SAME ? parent.path : keyPath(parent.path, key)) + suffix;
  if (verdict === Verdict.Fails && isLeaf(node)) {
    // What its frame would come to: nothing below it, so it is itself the issue.
    w.issues.push({ path, expected: node.t, value });
    parent.childFailed = true;
    return;
  }
  push(w, newFrame(node, value, path, w.issues.length, parent, verdict === Verdict.Open));
}

/** A node with nothing to look at below it (a primitive, a literal, a class, a function…). */
function isLeaf(node: SchemaNode): boolean {
  return node.p === undefined && node.e === undefined && node.u === undefined && node.a === undefined && node.m === undefined && node.mk === undefined && node.se === undefined;
}

/** Looks at the root. */
function visit(w: Walk, parent: Frame | undefined, node: SchemaNode, value: unknown, path: string): void {
  const verdict = oneLevel(node, value);
  if (verdict === Verdict.Fits) return;
  if (isCycle(w, node, value)) return;
  push(w, newFrame(node, value, path, w.issues.length, parent, verdict === Verdict.Open));
}

/** Whether a failing object was walked with this node already; else notes it. */
function isCycle(w: Walk, node: SchemaNode, value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (w.seen === undefined) {
    const pairs = w.pairs;
    const listed = w.listed;
    for (let i = 0; i < listed; i += 2) if (pairs[i + 1] === value && pairs[i] === node) return true;
    if (listed < 2 * LISTED_PAIRS) {
      pairs[listed] = node;
      pairs[listed + 1] = value;
      w.listed = listed + 2;
      return false;
    }
    w.seen = new Map();
    for (let i = 0; i < listed; i += 2) noteSeen(w.seen, pairs[i] as SchemaNode, pairs[i + 1]);
  }
  const values = w.seen.get(node);
  if (values !== undefined && values.has(value)) return true;
  noteSeen(w.seen, node, value);
  return false;
}

function noteSeen(seen: Map<SchemaNode, Set<unknown>>, node: SchemaNode, value: unknown): void {
  let values = seen.get(node);
  if (values === undefined) seen.set(node, (values = new Set()));
  values.add(value);
}

function push(w: Walk, frame: Frame): void {
  w.stack.push(frame);
  listChildren(w, frame);
}

const enum Verdict {
  Fits,
  Fails,
  /** It fails with the parts one level down assumed to fail: walk them to know. */
  Open,
}

/**
 * The verdict of `node` on `value` looking one level of a recursive type deep: the checks of parts
 * one level down are not run but assumed to fail (`later` in a one-level run). Checks combine
 * verdicts with and/or only, so a `true` is final, and so is a `false` no assumption was made for;
 * otherwise it is open, and `violations` finds out by walking the parts. So the walk costs one level
 * per level, however deep the value. A throwing check is a failure.
 */
function oneLevel(node: SchemaNode, value: unknown): Verdict {
  const outerOpen = level.open;
  level.open = false;
  let fits: boolean;
  try {
    fits = node.is(value, FAST_DEPTH - 1);
  } catch {
    fits = false;
  }
  const verdict = fits ? Verdict.Fits : level.open ? Verdict.Open : Verdict.Fails;
  level.open = outerOpen;
  return verdict;
}

function fits(node: SchemaNode, value: unknown): boolean {
  return oneLevel(node, value) === Verdict.Fits;
}

function isObjectLike(value: unknown): boolean {
  return (typeof value === 'object' && value !== null) || typeof value === 'function';
}

/**
 * Lists what to look at below a failing node, in order: members and properties at once (read now),
 * and says which collection of the value `rest` walks after them.
 */
function listChildren(w: Walk, frame: Frame): void {
  const { node, value, path } = frame;
  if (node.a) {
    reserve(frame, node.a.length);
    for (const member of node.a) listTask(frame, member, value, SAME);
  } else if (node.m) {
    listMember(w, frame, node, node.m, value, path);
  } else if ((node.mk || node.se) && isObjectLike(value)) {
    frame.rest = Rest.Entries;
  } else if (node.p && isObjectLike(value)) {
    const properties = node.p;
    reserve(frame, properties.length);
    for (let j = 0; j < properties.length; j++) {
      const entry = properties[j]!;
      const key = entry[0];
      const child = entry[1];
      const optional = entry[2];
      const ownOnly = entry[3] === true;
      const got = read(value, key, ownOnly);
      if (got === THREW) listIssue(frame, keyPath(path, key), `${child.t} (reading it threw)`, readError);
      else if (got === undefined && optional === 'exact') {
        if (present(value, key, ownOnly)) listIssue(frame, keyPath(path, key), child.t, undefined);
      } else if (got === undefined && !optional && !present(value, key, ownOnly)) listIssue(frame, keyPath(path, key), child.t, undefined);
      else if (!(optional && got === undefined)) listTask(frame, child, got, key);
    }
    // Only a plain object has string-keyed or symbol-keyed index signatures (an array, however
    // long, is then the node's own failure); arrays and typed arrays have number-keyed ones.
    if ((node.i || node.k ? plain(value) : node.n !== undefined) && typeof value === 'object') frame.rest = Rest.Keys;
  } else if (node.e && Array.isArray(value)) {
    frame.rest = Rest.Elements;
  } else if (node.u && Array.isArray(value)) {
    frame.rest = Rest.Tuple;
  }
}

function present(value: unknown, key: PropertyKey, ownOnly: boolean): boolean {
  return ownOnly ? hasOwnKey(value, key) : hasKey(value, key);
}

/** The kinds of value a union member describes, to pick the members of the value's kind. */
const enum Kind {
  Array,
  Map,
  Set,
  Object,
  Other,
}

function kindOf(value: unknown): Kind {
  if (Array.isArray(value)) return Kind.Array;
  if (isMap(value)) return Kind.Map;
  if (isSet(value)) return Kind.Set;
  return isObjectLike(value) ? Kind.Object : Kind.Other;
}

function ofKind(member: SchemaNode, kind: Kind): boolean {
  switch (kind) {
    case Kind.Array:
      return member.e !== undefined || member.u !== undefined;
    case Kind.Map:
      return member.mk !== undefined;
    case Kind.Set:
      return member.se !== undefined;
    case Kind.Object:
      return member.p !== undefined || member.a !== undefined;
    default:
      return false;
  }
}

/**
 * A union: descend into the member the value is closest to, of its kind and, among several, the
 * one a discriminant picks, else the one that fails least (see `closestMembers`). A tie leaves the
 * union as a whole as what was expected.
 */
function listMember(w: Walk, frame: Frame, node: SchemaNode, members: readonly SchemaNode[], value: unknown, path: string): void {
  reserve(frame, 1);
  const isObject = isObjectLike(value);
  const kind = kindOf(value);
  let sameKind = membersOfKind(members, kind);
  // A Map or Set with no Map or Set member is explained as an object.
  if (sameKind.length === 0 && isObject && kind !== Kind.Array) sameKind = membersOfKind(members, Kind.Object);
  let selected = sameKind;
  const discriminants = node.d;
  if (discriminants && isObject && sameKind.length > 1) {
    selected = [];
    for (const m of sameKind) if (fitsDiscriminants(m, value, discriminants)) selected.push(m);
    // No member has the value's discriminant: that property is what is wrong.
    if (selected.length === 0) {
      const key = wrongDiscriminant(sameKind, value, discriminants);
      const got = read(value, key, false);
      listIssue(frame, keyPath(path, key), discriminantTypes(sameKind, key), got === THREW ? readError : got);
      return;
    }
  }
  const closest = selected.length > 1 ? closestMembers(selected, value) : selected;
  if (closest.length === 1) listTask(frame, closest[0], value, SAME);
}

// Loops rather than callbacks (filter, every, some…) here and below: a callback made per call is
// compiled again once a garbage collection has taken its instances.

function membersOfKind(members: readonly SchemaNode[], kind: Kind): SchemaNode[] {
  const out: SchemaNode[] = [];
  for (const m of members) if (ofKind(m, kind)) out.push(m);
  return out;
}

function fitsDiscriminants(member: SchemaNode, value: unknown, discriminants: readonly string[]): boolean {
  for (const key of discriminants) if (!discriminantFits(member, value, key)) return false;
  return true;
}

/** The first discriminant no member accepts the value's property for (else the first). */
function wrongDiscriminant(members: readonly SchemaNode[], value: unknown, discriminants: readonly string[]): string {
  for (const key of discriminants) {
    let fitted = false;
    for (const m of members) {
      if (discriminantFits(m, value, key)) {
        fitted = true;
        break;
      }
    }
    if (!fitted) return key;
  }
  return discriminants[0]!;
}

/** The members' types of the discriminant `key`, each once: `"circle" | "square"`. */
function discriminantTypes(members: readonly SchemaNode[], key: string): string {
  const types: string[] = [];
  for (const m of members) {
    const t = propertyNamed(m, key)?.[1].t;
    if (t !== undefined && !types.includes(t)) types.push(t);
  }
  return types.join(' | ');
}

/** An array's elements, each against the element node. */
function elementStep(w: Walk, frame: Frame): boolean {
  const element = frame.node.e!;
  const value = frame.value as readonly unknown[];
  if (!frame.started) {
    frame.started = true;
    const length = safeLength(value);
    frame.end = length;
    // A huge sparse array whose holes fit: only its elements can fail, so only they are looked at.
    if (length > SPARSE_LENGTH && fits(element, undefined)) {
      const indexes = presentIndexes(value, length);
      if (indexes) {
        frame.indexes = indexes;
        frame.end = indexes.length;
      }
    }
  }
  if (frame.i >= frame.end) return false;
  const at = frame.i++;
  const i = frame.indexes ? frame.indexes[at]! : at;
  visitChild(w, frame, element, readIndex(value, i), i, '');
  return true;
}

/** A tuple's elements, then its rest elements against the rest node (the last of `u`). */
function tupleStep(w: Walk, frame: Frame): boolean {
  const elements = frame.node.u!;
  const value = frame.value as readonly unknown[];
  const fixed = frame.node.r === true ? elements.length - 1 : elements.length;
  if (!frame.started) {
    frame.started = true;
    const length = safeLength(value);
    frame.end = frame.node.r === true ? length : Math.min(fixed, length);
  }
  if (frame.i >= frame.end) return false;
  const i = frame.i++;
  visitChild(w, frame, elements[i < fixed ? i : fixed]!, readIndex(value, i), i, '');
  return true;
}

/** A Set's elements, or a Map's keys and values (entry `i`'s at `[i][0]` and `[i][1]`), as far as they can be read. */
function entryStep(w: Walk, frame: Frame): boolean {
  const node = frame.node;
  const isSet = node.se !== undefined;
  if (!frame.started) {
    frame.started = true;
    frame.source = entries(frame.value, isSet);
  }
  if (frame.step === 1) {
    // The value of the Map entry whose key was looked at last.
    frame.step = 0;
    visitChild(w, frame, node.mv!, frame.item, frame.i++, '[1]');
    return true;
  }
  const iterator = frame.source as Iterator<unknown> | undefined;
  const entry = nextEntry(iterator);
  if (entry === DONE) {
    frame.source = undefined;
    return false;
  }
  if (isSet) visitChild(w, frame, node.se!, entry, frame.i++, '');
  else {
    const pair = entry as readonly [unknown, unknown];
    frame.step = 1;
    frame.item = pair[1];
    visitChild(w, frame, node.mk!, pair[0], frame.i, '[0]');
  }
  return true;
}

/**
 * A plain object's own enumerable string keys (an array's or typed array's indexes for a number
 * signature), each value against the signatures its key fits: number, string, then keyed ones.
 */
function keyStep(w: Walk, frame: Frame): boolean {
  const node = frame.node;
  if (!frame.started) {
    frame.started = true;
    const keys = safeKeys(frame.value as object);
    frame.source = keys;
    frame.end = keys.length;
  }
  const keys = frame.source as string[];
  const keyed = node.k;
  const steps = 2 + (keyed ? keyed.length : 0);
  while (frame.i < frame.end) {
    const key = keys[frame.i]!;
    const s = frame.step;
    if (s === 0) {
      const got = read(frame.value, key, false);
      frame.item = got === THREW ? undefined : got;
    }
    if (s + 1 < steps) frame.step = s + 1;
    else {
      frame.step = 0;
      frame.i++;
    }
    if (s === 0) {
      if (node.n && String(Number(key)) === key) {
        visitChild(w, frame, node.n, frame.item, key, '');
        return true;
      }
    } else if (s === 1) {
      if (node.i) {
        visitChild(w, frame, node.i, frame.item, key, '');
        return true;
      }
    } else {
      const [keyIs, child] = keyed![s - 2]!;
      if (keyFits(keyIs, key)) {
        visitChild(w, frame, child, frame.item, key, '');
        return true;
      }
    }
  }
  return false;
}

function keyFits(keyIs: Is, key: PropertyKey): boolean {
  try {
    return keyIs(key);
  } catch {
    return false;
  }
}

type PropertyEntry = readonly [PropertyKey, SchemaNode, boolean | 'exact', boolean?];

/** A member's properties, an intersection's members' included. */
function propertiesOf(member: SchemaNode): readonly PropertyEntry[] {
  if (!member.a) return member.p ?? [];
  return [...(member.p ?? []), ...member.a.flatMap(propertiesOf)];
}

function propertyNamed(member: SchemaNode, key: PropertyKey): PropertyEntry | undefined {
  for (const entry of propertiesOf(member)) if (entry[0] === key) return entry;
  return undefined;
}

/** Whether the value's `key` is the literal the member requires there. */
function discriminantFits(member: SchemaNode, value: unknown, key: string): boolean {
  const entry = propertyNamed(member, key);
  if (!entry) return false;
  const got = read(value, key, false);
  return got !== THREW && fits(entry[1], got);
}

/**
 * The union members `value` comes closest to fitting. Objects: fewest required properties missing,
 * then fewest literal properties that do not match (those tell members apart), then fewest
 * properties that fail. Arrays, Maps and Sets: fewest elements or entries that fail.
 */
function closestMembers(members: readonly SchemaNode[], value: unknown): SchemaNode[] {
  const scores: number[][] = [];
  for (const member of members) scores.push(score(member, value));
  let best = scores[0]!;
  for (const s of scores) if (compare(s, best) < 0) best = s;
  const closest: SchemaNode[] = [];
  for (let i = 0; i < members.length; i++) if (compare(scores[i]!, best) === 0) closest.push(members[i]!);
  return closest;
}

function score(member: SchemaNode, value: unknown): number[] {
  if (Array.isArray(value)) return [member.e || member.u ? failingElements(value, member) : SCORED];
  if (member.mk || member.se) {
    const isSet = member.se !== undefined;
    const iterator = entries(value, isSet);
    let failed = 0;
    let seen = 0;
    for (let entry = nextEntry(iterator); entry !== DONE; entry = nextEntry(iterator)) {
      const pair = entry as readonly [unknown, unknown];
      if (isSet ? !fits(member.se!, entry) : !fits(member.mk!, pair[0]) || !fits(member.mv!, pair[1])) failed++;
      if (++seen >= SCORED) break;
    }
    return [failed];
  }
  let literals = 0;
  let missing = 0;
  let failed = 0;
  for (const [key, child, optional, ownOnly = false] of propertiesOf(member)) {
    const got = read(value, key, ownOnly);
    if (got === undefined && !optional && !hasKey(value, key)) missing++;
    else if (got === THREW || (got === undefined ? !optional : !fits(child, got))) {
      if (child.l) literals++;
      else failed++;
    }
  }
  return [missing, literals, failed];
}

function compare(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

/** Elements or entries looked at to score a union member: enough to tell members apart, bounded for huge values. */
const SCORED = 1_000;

/** How many of an array's first `SCORED` elements fail the member's node for their index. */
function failingElements(value: readonly unknown[], member: SchemaNode): number {
  let failed = 0;
  const length = Math.min(safeLength(value), SCORED);
  const tuple = member.u;
  for (let i = 0; i < length; i++) {
    const node = member.e ?? tuple![Math.min(i, tuple!.length - 1)]!;
    if (!fits(node, readIndex(value, i))) failed++;
  }
  return failed;
}

/** What `nextEntry` returns after the last entry, or when reading one threw. */
const DONE: unique symbol = Symbol('done');

/** The iterator over a Map's entries or a Set's values; `undefined` when `value` is neither (the node itself is then what was expected). */
function entries(value: unknown, set: boolean): Iterator<unknown> | undefined {
  try {
    return (set ? Set.prototype.values.call(value) : Map.prototype.entries.call(value)) as Iterator<unknown>;
  } catch {
    return undefined;
  }
}

/** The next entry, or `DONE` at the end or where reading it threw. */
function nextEntry(iterator: Iterator<unknown> | undefined): unknown {
  if (iterator === undefined) return DONE;
  try {
    const step = iterator.next();
    return step.done ? DONE : step.value;
  } catch {
    return DONE;
  }
}

/** Past this length an array may be sparse enough that walking its indexes would run for minutes. */
const SPARSE_LENGTH = 1 << 16;

/** The indexes an array has elements at, ascending, when it has fewer than its length. */
function presentIndexes(value: readonly unknown[], length: number): number[] | undefined {
  const keys = safeKeys(value);
  if (keys.length >= length) return undefined;
  const indexes: number[] = [];
  for (const key of keys) {
    const i = Number(key);
    if (String(i) === key && i < length) indexes.push(i);
  }
  return indexes.sort((a, b) => a - b);
}

/** An array's length (a Proxy's trap may throw: then nothing below it is looked at). */
function safeLength(value: readonly unknown[]): number {
  try {
    return value.length;
  } catch {
    return 0;
  }
}

function readIndex(value: readonly unknown[], i: number): unknown {
  const got = read(value, i, false);
  return got === THREW ? undefined : got;
}

function hasKey(value: unknown, key: PropertyKey): boolean {
  try {
    return key in Object(value);
  } catch {
    return false;
  }
}

function hasOwnKey(value: unknown, key: PropertyKey): boolean {
  try {
    return hasOwn(value, key);
  } catch {
    return false;
  }
}

function safeKeys(value: object): string[] {
  try {
    return Object.keys(value);
  } catch {
    return [];
  }
}
