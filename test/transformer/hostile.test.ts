/**
 * The hostile-input suite (issue 9, API.md §1 and §3): every value of the catalogue, each made
 * fresh for each call, goes through `is`, `assert` and `validate` of every representative type, a
 * compiled typed dispatcher and a `when` dispatcher. Every call must give a verdict or a duckcall
 * error (never another error), within a time budget a hang would blow, with the built-in prototypes
 * and globals unchanged, `validate`'s `data` the input itself, at most 100 issues, and every path
 * rooted at `$input` (protocols) or `$args` (dispatch). Where the verdict is known by construction,
 * it is checked too.
 */
import { describe, expect, it } from 'vitest';
import { casesOf, implement, is, isDuckcallError, overload, protocol, ProtocolError, validate, when, which } from '../../src/index.js';
import { judgeAssert, judgeDispatch, judgeIs, judgeValidate, probe } from './support/hostile/harness.js';
import { Account, subjects, typeNames, type Index, type List, type Profile, type Row, type Scalar, type Shape, type Tree, type TypeName } from './support/hostile/types.js';
import { catalogue, deepList, verdictOf, type HostileValue } from './support/hostile/values.js';

/** The first of `verdicts` that is true, -1 when none is, `undefined` when an unknown one comes first. */
function firstAccepting(verdicts: ReadonlyArray<boolean | undefined>): number | undefined {
  for (let i = 0; i < verdicts.length; i++) {
    if (verdicts[i] === undefined) return undefined;
    if (verdicts[i]) return i;
  }
  return -1;
}

function safely(check: () => boolean): boolean {
  try {
    return check();
  } catch {
    return false;
  }
}

// Each case returns its own index, so the suite sees which one ran.
const typed = overload(
  (p: Profile) => 0,
  (s: Shape) => 1,
  (l: List) => 2,
  (t: Tree) => 3,
  (r: Row) => 4,
  (m: Index) => 5,
  (d: Date) => 6,
  (a: Account) => 7,
  (x: Scalar) => 8,
);
const typedCases: readonly TypeName[] = ['Profile', 'Shape', 'List', 'Tree', 'Row', 'Index', 'Date', 'Account', 'Scalar'];

const isShape = (v: unknown): boolean => is<Shape>(v);
/** A hand-written predicate that reads a property, so hostile values make it throw. */
const taggedX = (v: unknown): boolean => (v as { tag?: unknown }).tag === 'x';
const byMatchers = overload(
  when([protocol<Profile>()], () => 0),
  when([isShape], () => 1),
  when([protocol<List>()], () => 2),
  when([protocol<Tree>()], () => 3),
  when([protocol<Row>()], () => 4),
  when([Date], () => 5),
  when([Map], () => 6),
  when([Number], () => 7),
  when([BigInt], () => 8),
  when([Symbol], () => 9),
  when(['/users/7'], () => 10),
  when([taggedX], () => 11),
);
/** What each `when` case accepts, worked out without duckcall (protocols from the catalogue's verdicts). */
const matcherReferences: ReadonlyArray<(hostile: HostileValue, value: unknown) => boolean | undefined> = [
  (h) => verdictOf(h, 'Profile'),
  (h) => verdictOf(h, 'Shape'),
  (h) => verdictOf(h, 'List'),
  (h) => verdictOf(h, 'Tree'),
  (h) => verdictOf(h, 'Row'),
  (_, v) => safely(() => v instanceof Date),
  (_, v) => safely(() => v instanceof Map),
  (_, v) => typeof v === 'number',
  (_, v) => typeof v === 'bigint',
  (_, v) => typeof v === 'symbol',
  (_, v) => v === '/users/7',
  (_, v) => safely(() => taggedX(v)),
];

/** Runs `job` under the watchdog and returns what it returned: a hang fails this test, not the suite. */
function within(what: string, job: () => unknown): unknown {
  const { outcome, problems } = probe(what, job);
  expect(problems.join('\n')).toBe('');
  if (outcome.kind === 'threw') throw outcome.error;
  return outcome.kind === 'returned' ? outcome.value : undefined;
}

describe('checks are re-entrant', () => {
  /**
   * An invalid list whose `value` getter, the first time it is read, runs `check` on the node itself
   * while the outer check is under way; `seen` gets the inner verdict.
   */
  function reentrant(check: (value: unknown) => boolean, seen: boolean[]): unknown {
    let entered = false;
    const node = {
      get value() {
        if (!entered) {
          entered = true;
          seen.push(check(node));
        }
        return 1;
      },
      next: { value: 'not a number', next: null },
    };
    return node;
  }

  it('is<List> called from a getter during is<List> judges the value on its own', () => {
    const seen: boolean[] = [];
    const list = reentrant((v) => is<List>(v), seen);
    expect(within('is<List>', () => is<List>(list))).toBe(false);
    expect(seen).toEqual([false]);
  });

  it('validate<List> called from a getter during validate<List> judges the value on its own', () => {
    const seen: boolean[] = [];
    const list = reentrant((v) => validate<List>(v).success, seen);
    expect(within('validate<List>', () => validate<List>(list).success)).toBe(false);
    expect(seen).toEqual([false]);
  });

  it('a check that threw halfway leaves nothing behind for the next one', () => {
    let armed = true;
    const bottom = {
      get value(): number {
        if (armed) throw new Error('hostile: thrown halfway through the check');
        return 1;
      },
      next: null as unknown,
    };
    const top: { value: unknown; next: unknown } = { value: 1, next: bottom };
    bottom.next = top; // a cycle, so the check keeps track of what it has seen
    expect(within('is<List>', () => is<List>(top))).toBe(false);
    armed = false;
    top.value = 'no longer a number';
    expect(within('is<List>', () => is<List>(top))).toBe(false);
    expect(within('validate<List>', () => validate<List>(top).success)).toBe(false);
    top.value = 1;
    expect(within('is<List>', () => is<List>(top))).toBe(true);
  });

  it('a deep check inside a getter of a deep check gets both verdicts right', () => {
    const inner = deepList(100_000);
    const outer = deepList(100_000);
    const seen: boolean[] = [];
    let entered = false;
    Object.defineProperty(outer, 'value', {
      get() {
        if (!entered) {
          entered = true;
          seen.push(is<List>(inner));
        }
        return 0;
      },
    });
    expect(within('is<List>', () => is<List>(outer))).toBe(true);
    expect(seen).toEqual([true]);
  });
});

describe('@implement<T>() on hostile classes', () => {
  interface Quacks { quack(): string }
  let getterRuns = 0;
  const hostilePrototypes: ReadonlyArray<readonly [string, () => object]> = [
    ['a Proxy prototype whose every trap throws', () => new Proxy({}, new Proxy({}, { get: () => () => { throw new Error('hostile trap'); } }))],
    ['a revoked Proxy prototype', () => {
      const { proxy, revoke } = Proxy.revocable({}, {});
      revoke();
      return proxy;
    }],
    ['a throwing getter where the method should be', () => ({
      get quack(): never {
        getterRuns++;
        throw new Error('hostile getter');
      },
    })],
  ];

  it.each(hostilePrototypes)('%s: a ProtocolError rooted at $input, and no getter runs', (_name, makePrototype) => {
    class Base {}
    Object.setPrototypeOf(Base.prototype, makePrototype());
    class Duck extends Base {}
    getterRuns = 0;
    const { outcome, problems } = probe('implement<Quacks>()', () => (implement<Quacks>() as (cls: Function) => void)(Duck));
    expect(problems.join('\n')).toBe('');
    const error = outcome.kind === 'threw' ? outcome.error : undefined;
    expect(isDuckcallError(error, 'ERR_PROTOCOL')).toBe(true);
    expect(error).toBeInstanceOf(ProtocolError);
    for (const issue of (error as ProtocolError).errors) expect(issue.path.startsWith('$input')).toBe(true);
    expect(getterRuns).toBe(0);
  });
});

/** The values of one test: a fresh one per call, or one value for every call of a `shared` entry. */
function valuesOf(hostile: HostileValue): () => unknown {
  if (!hostile.shared) return hostile.make;
  let made: { value: unknown } | undefined;
  return () => (made ??= { value: hostile.make() }).value;
}

// Named with %s, not $name: the full name, so `-t` finds a value by it.
describe.each(catalogue.map((value) => [value.name, value] as const))('%s', (_name, hostile) => {
  it('gets a verdict from is, assert and validate of every type', () => {
    const problems: string[] = [];
    const make = valuesOf(hostile);
    for (const type of typeNames) {
      const subject = subjects[type];
      const expected = verdictOf(hostile, type);
      const verdicts: Array<boolean | undefined> = [];

      let input = make();
      let run = probe(`is<${type}>`, () => subject.is(input));
      let judged = judgeIs(`is<${type}>`, run.outcome, expected);
      problems.push(...run.problems, ...judged.problems);
      verdicts.push(judged.verdict);

      input = make();
      run = probe(`validate<${type}>`, () => subject.validate(input));
      judged = judgeValidate(`validate<${type}>`, run.outcome, input, expected);
      problems.push(...run.problems, ...judged.problems);
      verdicts.push(judged.verdict);

      input = make();
      run = probe(`assert<${type}>`, () => subject.assert(input));
      judged = judgeAssert(`assert<${type}>`, run.outcome, expected);
      problems.push(...run.problems, ...judged.problems);
      verdicts.push(judged.verdict);

      // Where the verdict is not pinned down (a getter that changes its answer), the three may differ.
      if (expected === undefined) continue;
      if (verdicts.every((v) => v !== undefined) && new Set(verdicts).size > 1) problems.push(`${type}: is, validate and assert disagree (${verdicts.join(', ')})`);
    }
    expect(problems.join('\n')).toBe('');
  });

  it('gets its case or a NoMatchingOverloadError from a compiled typed dispatcher', () => {
    const problems: string[] = [];
    const make = valuesOf(hostile);
    const expected = firstAccepting(typedCases.map((type) => verdictOf(hostile, type)));
    let input = make();
    const run = probe('typed(value)', () => (typed as (v: unknown) => unknown)(input));
    problems.push(...run.problems, ...judgeDispatch('typed(value)', run.outcome, input, 'typed', typedCases.length, expected).problems);

    input = make();
    const chosen = probe('which(typed, value)', () => {
      const found = which(typed, input);
      return found === undefined ? -1 : casesOf(typed).indexOf(found);
    });
    problems.push(...chosen.problems, ...judgeDispatch('which(typed, value)', chosen.outcome, input, 'typed', typedCases.length, expected).problems);
    expect(problems.join('\n')).toBe('');
  });

  it('gets its case or a NoMatchingOverloadError from a when dispatcher', () => {
    const problems: string[] = [];
    const make = valuesOf(hostile);
    const expected = firstAccepting(matcherReferences.map((accepts) => accepts(hostile, make())));
    let input = make();
    const run = probe('byMatchers(value)', () => (byMatchers as (v: unknown) => unknown)(input));
    problems.push(...run.problems, ...judgeDispatch('byMatchers(value)', run.outcome, input, 'byMatchers', matcherReferences.length, expected).problems);

    input = make();
    const chosen = probe('which(byMatchers, value)', () => {
      const found = which(byMatchers, input);
      return found === undefined ? -1 : casesOf(byMatchers).indexOf(found);
    });
    problems.push(...chosen.problems, ...judgeDispatch('which(byMatchers, value)', chosen.outcome, input, 'byMatchers', matcherReferences.length, expected).problems);
    expect(problems.join('\n')).toBe('');
  });
});
