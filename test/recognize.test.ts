/**
 * The two tests a module passes before duckcall asks the checker anything: `mayMentionDuckcall` on
 * its text (the bundler plugins' filter, and the engine's before it builds a Program) must let
 * through every module `mentionsDuckcall` accepts on its syntax tree, or calls would go uncompiled.
 */
import fc from 'fast-check';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { mayMentionDuckcall, mentionsDuckcall } from '../transformer/lower/recognize.js';

const DUCKCALL = ['overload', 'when', 'is', 'assert', 'validate', 'protocol', 'implement'] as const;
const OTHER = ['check', 'isA', 'this', 'island', 'run', 'when_', 'assertion', 'overloads'] as const;

const parsed = (text: string) => ts.createSourceFile('module.ts', text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);

/** What may sit between a callee and its `(` or `<`: nothing, spaces, line breaks, comments. */
const gap = fc.constantFrom('', ' ', '\n  ', '/* why */', ' /* a\n b */ ', '// note\n', '\t');
const name = fc.oneof(fc.constantFrom(...DUCKCALL), fc.constantFrom(...OTHER));

const importLine = fc.oneof(
  name.map((n) => `import { ${n} } from 'duckcall';`),
  fc.tuple(name, gap, fc.constantFrom(...OTHER)).map(([n, g, alias]) => `import { ${n}${g === '// note\n' ? ' ' : g} as ${alias} } from './reexport';`),
  fc.tuple(name, fc.constantFrom(...OTHER)).map(([n, alias]) => `import { '${n}' as ${alias} } from './reexport';`),
  fc.constant(`import * as dc from 'duckcall';`),
);

const callee = fc.oneof(
  name,
  name.map((n) => `dc.${n}`),
  name.map((n) => `this.${n}`),
  fc.tuple(name, gap).map(([n, g]) => `dc${g}.${n}`),
);

const statement = fc.oneof(
  // A call, maybe optional, maybe with type arguments.
  fc.tuple(callee, gap, fc.boolean(), fc.boolean(), gap).map(([c, g1, optional, typed, g2]) => `${c}${g1}${optional ? '?.' : ''}${typed ? `<Circle>${g2}` : ''}(x);`),
  // An instantiation expression.
  fc.tuple(callee, gap).map(([c, g]) => `const f = ${c}${g}<Circle>;`),
  // A decorator.
  fc.tuple(name, gap).map(([n, g]) => `class C { @${n}${g}('area') m(s: Circle) { return s; } }`),
  // Names that are not calls.
  name.map((n) => `const ${n === 'this' ? 'self' : n}Value = 1; // ${n} here is not a call`),
  fc.constant(`export interface Circle { kind: 'circle'; r: number }`),
  fc.constant(`export function area(s: Circle): number { return s.r * s.r; }`),
);

const module = fc.tuple(fc.array(importLine, { maxLength: 3 }), fc.array(statement, { minLength: 1, maxLength: 4 })).map(([imports, body]) => [...imports, ...body].join('\n'));

describe('mayMentionDuckcall', () => {
  it('passes every module mentionsDuckcall accepts (fast-check)', () => {
    let accepted = 0;
    fc.assert(
      fc.property(module, (text) => {
        if (!mentionsDuckcall(parsed(text))) return;
        accepted++;
        expect(mayMentionDuckcall(text), text).toBe(true);
      }),
      { numRuns: 3000 },
    );
    // The generator reaches both sides: a property over modules nobody accepts would prove nothing.
    expect(accepted).toBeGreaterThan(500);
  });

  it.each([
    ['a call', `import { is } from 'duckcall';\nexport const ok = (x: unknown) => is<Circle>(x);`],
    ['a call through a namespace, across lines', `import * as dc from 'duckcall';\nexport const ok = dc\n  .is /* typed */\n  <Circle>(x);`],
    ['a renamed import used as a call', `import { assert as check } from 'duckcall';\ncheck<Circle>(x);`],
    ['a decorator', `class Shapes { @overload('area') circle(s: Circle) { return s.r; } }`],
  ])('passes %s', (_, text) => {
    expect(mentionsDuckcall(parsed(text))).toBe(true);
    expect(mayMentionDuckcall(text)).toBe(true);
  });

  it.each([
    ['types and plain code', `import type { Meta } from './m1';\nexport interface Item { id: string; status: 'open' }\nexport function run(): number { return new Store().add({ id: 'a' }).total(); }`],
    ['duckcall names that are not called', `// this is the island of assertions\nconst overloads = [when_, isA];\nexport { overloads };`],
  ])('rejects %s', (_, text) => {
    expect(mayMentionDuckcall(text)).toBe(false);
  });
});
