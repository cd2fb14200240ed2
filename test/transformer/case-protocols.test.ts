/**
 * What generated code leaves out to ship less must not change an answer:
 *
 * - a protocol of a type with nothing below it (a primitive, a literal, a class instance, a
 *   template literal…) has no `validate`: what `protocol()` then reports must be exactly what the
 *   walk reports (the walk's answer for T comes from `Record<string, T>`, whose walk explains
 *   `{ x: v }` with T's node at `$input.x`);
 * - the cases of a typed `overload` are marked by `__when` with protocols built by `__caseProtocol`:
 *   a call that no case accepts must give the reasons the walk gives for each argument.
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { NoMatchingOverloadError, overload, protocol, type Issue, type Protocol } from '../../src/index.js';
import { Engine } from '../../transformer/engine/index.js';
import { project, removeProjects } from '../support/project.js';
import { catalogue } from './support/hostile/values.js';

afterAll(removeProjects);

class Vec {
  #tag = 1;
  constructor(readonly x: number) {}
  get tag(): number {
    return this.#tag;
  }
}

interface Leaf {
  readonly own: Protocol<unknown>;
  readonly walked: Protocol<Record<string, unknown>>;
}

const leaves: Record<string, Leaf> = {
  number: { own: protocol<number>(), walked: protocol<Record<string, number>>() },
  string: { own: protocol<string>(), walked: protocol<Record<string, string>>() },
  boolean: { own: protocol<boolean>(), walked: protocol<Record<string, boolean>>() },
  bigint: { own: protocol<bigint>(), walked: protocol<Record<string, bigint>>() },
  symbol: { own: protocol<symbol>(), walked: protocol<Record<string, symbol>>() },
  literals: { own: protocol<'a' | 'b' | 1 | null>(), walked: protocol<Record<string, 'a' | 'b' | 1 | null>>() },
  'string | number': { own: protocol<string | number>(), walked: protocol<Record<string, string | number>>() },
  template: { own: protocol<`${number}px`>(), walked: protocol<Record<string, `${number}px`>>() },
  Date: { own: protocol<Date>(), walked: protocol<Record<string, Date>>() },
  Vec: { own: protocol<Vec>(), walked: protocol<Record<string, Vec>>() },
  Function: { own: protocol<Function>(), walked: protocol<Record<string, Function>>() },
  object: { own: protocol<object>(), walked: protocol<Record<string, object>>() },
  '{}': { own: protocol<{}>(), walked: protocol<Record<string, {}>>() },
  Number: { own: protocol<Number>(), walked: protocol<Record<string, Number>>() },
  undefined: { own: protocol<undefined>(), walked: protocol<Record<string, undefined>>() },
};

/**
 * The same issues: paths and texts equal, values the same (compared without looking into them: some
 * are hostile), or where a read threw (each read makes its own error) errors of one class and message.
 */
function expectSame(actual: readonly Issue[], expected: readonly Issue[]): void {
  expect(actual.map((i) => `${i.path}: ${i.expected}`)).toEqual(expected.map((i) => `${i.path}: ${i.expected}`));
  actual.forEach((issue, i) => {
    const [a, b] = [issue.value, expected[i]!.value];
    if (!sameValue(a, b)) expect.fail(`value at ${issue.path} differs`);
  });
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (a instanceof Error && b instanceof Error) return a.constructor === b.constructor && a.message === b.message;
  // Thrown plain objects (a forged SetupError): the same own data.
  const keys = Reflect.ownKeys(a);
  return keys.length === Reflect.ownKeys(b).length && keys.every((k) => Object.is((a as Record<PropertyKey, unknown>)[k], (b as Record<PropertyKey, unknown>)[k]));
}

function issuesOf(p: Protocol<unknown>, value: unknown): readonly Issue[] {
  const result = p.validate(value);
  return result.success ? [] : result.errors;
}

/** The walk's issues for `value` under the leaf's type, paths moved from `$input.x` to `path`. */
function walked(leaf: Leaf, value: unknown, path = '$input'): Issue[] {
  const wrapper = { x: value };
  return issuesOf(leaf.walked, wrapper).map((issue) => {
    expect(issue.path.startsWith('$input.x')).toBe(true);
    return { ...issue, path: path + issue.path.slice('$input.x'.length) };
  });
}

const hostile = catalogue.filter((h) => !h.shared && h.name !== 'a getter that answers differently each time');
/** Values, made when a property runs (fast-check must not look at a hostile one). */
const values: fc.Arbitrary<() => unknown> = fc.oneof(
  fc.anything({ maxDepth: 2, maxKeys: 4, withBoxedValues: true, withMap: true, withNullPrototype: true, withBigInt: true }).map((v) => () => v),
  fc.constantFrom<unknown>(new Vec(1), new Date(0), '1px', ' 2px', 'px', Symbol('s'), () => 1, 'a', 'b', 1, null, undefined, new Number(1)).map((v) => () => v),
  fc.constantFrom(...hostile).map((h) => h.make),
);

describe('a protocol of a type with nothing below it, without validate', () => {
  for (const [name, leaf] of Object.entries(leaves)) {
    it(`${name}: reports what the walk reports`, () => {
      fc.assert(
        fc.property(values, (make) => {
          const value = make();
          expectSame(issuesOf(leaf.own, value), walked(leaf, value));
        }),
        { numRuns: 300, seed: 6110 },
      );
      for (const h of hostile) {
        const value = h.make();
        expectSame(issuesOf(leaf.own, value), walked(leaf, value));
      }
    });
  }

  it('is how the transformer writes them, and overload cases take __when and __caseProtocol', () => {
    const dir = project({
      'main.ts': `import { overload, protocol, validate } from 'duckcall';
export class Vec { #t = 1; constructor(readonly x: number) {} }
interface Point { x: number; y: number }
export const f = overload((n: number) => 1, (v: Vec, k?: string) => 2, (p: Point) => 3);
export const d = protocol<Date>();
export const check = (v: unknown) => validate<Point>(v);
`,
    });
    const code = Engine.open({ root: dir }).transform(join(dir, 'main.ts')).code;
    const declaration = (name: string) => new RegExp(`= __duckcall\\.(\\w+)\\(\\{\\s*name: "${name.replace(/[|]/g, '\\$&')}",\\s*is: \\w+,\\s*(\\w+):`).exec(code)?.slice(1);
    expect(declaration('number')).toEqual(['__caseProtocol', 'key']);
    expect(declaration('string | undefined')).toEqual(['__caseProtocol', 'key']);
    expect(declaration('Vec')).toEqual(['__caseProtocol', 'key']);
    expect(declaration('Date')).toEqual(['protocol', 'methods']);
    // Point is an overload case and validated: a protocol, with its generated validate.
    expect(declaration('Point')).toEqual(['protocol', 'validate']);
    expect(code).toContain('__duckcall.__when([');
    expect(code).toContain('__duckcall.__optional(');
    expect(code).not.toContain('__duckcall.__guards');
  });
});

// ---- overload cases ---------------------------------------------------------------------------------

interface Point {
  x: number;
  y: number;
}
const typed = overload(
  (n: number) => `number ${n}`,
  (s: string, k: 'a' | 'b') => `string ${s} ${k}`,
  (v: Vec) => `vec ${v.x}`,
  (p: Point, d: Date) => `point ${p.x} ${d.getTime()}`,
);
/** Each case's parameters, as the walk checks them. */
const params: readonly (readonly Leaf[])[] = [
  [leaves.number!],
  [leaves.string!, { own: protocol<'a' | 'b'>(), walked: protocol<Record<string, 'a' | 'b'>>() }],
  [leaves.Vec!],
  [{ own: protocol<Point>(), walked: protocol<Record<string, Point>>() }, leaves.Date!],
];

function reasons(args: readonly unknown[]): Issue[][] {
  return params.map((leafs) => (args.length === leafs.length ? args.flatMap((a, i) => walked(leafs[i]!, a, `$args[${i}]`)) : []));
}

describe('a typed overload that no case accepts', () => {
  it('gives every case the reasons the walk gives', () => {
    fc.assert(
      fc.property(fc.array(values, { minLength: 1, maxLength: 2 }), (makes) => {
        const args = makes.map((make) => make());
        let error: unknown;
        try {
          (typed as (...a: unknown[]) => unknown)(...args);
          return;
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(NoMatchingOverloadError);
        const candidates = (error as NoMatchingOverloadError).candidates;
        const expected = reasons(args);
        candidates.forEach((c, i) => {
          if (c.errors[0]?.path === '$args') return; // a count that does not fit
          expectSame(c.errors, expected[i]!);
        });
      }),
      { numRuns: 500, seed: 6111 },
    );
  });
});
