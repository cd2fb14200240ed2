/**
 * The two tests a module passes before duckcall asks the checker anything: `mayMentionDuckcall` on
 * its text (the bundler plugins' filter, and the engine's before it builds a Program) must let
 * through every module `mentionsDuckcall` accepts on its syntax tree, or calls would go uncompiled.
 */
import fc from 'fast-check';
import ts from 'typescript';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mayMentionDuckcall, mentionsDuckcall, Recognizer } from '../transformer/lower/recognize.js';
import { project, removeProjects, root } from './support/project.js';

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

describe('Recognizer.functionOf', () => {
  afterAll(removeProjects);

  /** Every callee of a call, an instantiation expression or a decorator call in the program's own files. */
  function callees(program: ts.Program): ts.Expression[] {
    const found: ts.Expression[] = [];
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) || (ts.isExpressionWithTypeArguments(node) && ts.isExpression(node))) found.push(node.expression);
      ts.forEachChild(node, visit);
    };
    for (const file of program.getSourceFiles()) if (!file.isDeclarationFile) visit(file);
    return found;
  }

  function agree(configPath: string): { callees: number; duckcall: number } {
    const config = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(String(d.messageText)); } })!;
    const program = ts.createProgram(config.fileNames, config.options);
    const recognizer = new Recognizer(program.getTypeChecker());
    let duckcall = 0;
    const all = callees(program);
    for (const callee of all) {
      const resolved = recognizer.resolvedFunctionOf(callee);
      if (resolved) duckcall++;
      expect(recognizer.functionOf(callee), callee.getText()).toBe(resolved);
    }
    return { callees: all.length, duckcall };
  }

  it("answers as the checker's resolution does for every call in this repository's program, asking it only where a name could lead to duckcall", () => {
    const { callees, duckcall } = agree(join(root, 'test', 'tsconfig.json'));
    expect(callees).toBeGreaterThan(10_000);
    expect(duckcall).toBeGreaterThan(500);
  }, 120_000);

  it('finds duckcall behind every kind of name an import can give it', () => {
    const dir = project({
      'reexport.ts': `export { is as check, assert } from 'duckcall';\nexport * as dc from 'duckcall';\n`,
      'uses.ts': `
import { is as isIt, validate } from 'duckcall';
import * as duck from 'duckcall';
import { check, dc } from './reexport.js';
import * as again from './reexport.js';
import duckDefault = duck;
interface Circle { r: number }
const local = (x: unknown) => x;
class Host { is(x: unknown) { return x; } run() { return this.is(1); } }
export const results = [
  isIt<Circle>({}), validate<Circle>({}), duck.is<Circle>({}), check<Circle>({}), dc.assert<Circle>({}),
  again.check<Circle>({}), again.dc.is<Circle>({}), duckDefault.protocol<Circle>(), local(1), new Host().run(),
  [1, 2].map(local), isIt<Circle>,
];
namespace Inner { import shadow = duck; export const r = shadow.is<Circle>({}); }
`,
    });
    const { callees, duckcall } = agree(join(dir, 'tsconfig.json'));
    expect(callees).toBeGreaterThan(12);
    expect(duckcall).toBe(10);
  });
});
