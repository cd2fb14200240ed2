/**
 * The engine on its own: one file in, lowered code out, over a real project directory (its
 * `duckcall` is this repository). What the front ends add on top is tested with each of them.
 */
import { mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { Engine, formatDiagnostic } from '../transformer/engine/index.js';
import tsPatchTransformer from '../transformer/front/ts-patch.js';
import { project, removeProjects } from './support/project.js';

afterAll(removeProjects);

const types = `export interface Circle { kind: 'circle'; r: number }
export interface Rect { kind: 'rect'; w: number; h: number }
`;

const main = `'use client';
/* A header comment that stays. */
import { overload, is, assert, validate, protocol } from 'duckcall';
import type { Circle, Rect } from './types.js';

/** The area of a shape. */
export const area = overload(
  // circles first
  (s: Circle) => Math.PI * s.r ** 2, // a trailing comment
  (s: Rect) => s.w * s.h,
);

export function width(x: unknown): number {
  if (is<Circle>(x))   return 2 * x.r;   // odd spacing, kept
  assert<Rect>(x);
  return x.w;
}

export const RectP = protocol<Rect>();
export const check = (x: unknown) => validate<Circle>(x);
export const circles = (xs: unknown[]) => xs.filter(is<Circle>);
`;

const methods = `import { overload, implement, type Overloaded } from 'duckcall';
import type { Circle, Rect } from './types.js';

interface HasArea { area(s: Circle | Rect): number }

@implement<HasArea>()
export class Shapes {
  @overload('area') areaOfCircle(s: Circle): number { return Math.PI * s.r ** 2 }
  @overload('area') areaOfRect(s: Rect): number { return s.w * s.h }
  declare area: Overloaded<[Shapes['areaOfCircle'], Shapes['areaOfRect']]>;
}

export const join = overload((a: number, b = 2) => a + b, (...xs: string[]) => xs.join(''));
export const three: number = join(1, 2);
`;

function engineFor(files: Record<string, string>, options: Record<string, unknown> = {}) {
  const dir = project(files, options);
  return { dir, engine: Engine.open({ root: dir }) };
}

describe('generate: the file as TypeScript', () => {
  it('keeps every line of the user outside duckcall calls byte for byte, in order', () => {
    const { dir, engine } = engineFor({ 'types.ts': types, 'main.ts': main });

    const out = engine.generate(join(dir, 'main.ts'));

    expect(out.changed).toBe(true);
    let at = 0;
    let insideOverload = false;
    for (const line of main.split('\n')) {
      // The overload call is duckcall's: its cases are wrapped (their text is checked below).
      if (line.includes('overload(')) insideOverload = true;
      if (insideOverload) {
        insideOverload = line !== ');';
        continue;
      }
      if (/\b(is|assert|validate|protocol)\b[<(]/.test(line)) continue;
      const found = out.code.indexOf(line, at);
      expect(found, `line kept in order: ${line}`).toBeGreaterThanOrEqual(at);
      at = found + line.length;
    }
    expect(out.code.startsWith("'use client';\n")).toBe(true);
    // The case bodies as written, comments between cases included.
    expect(out.code).toContain('(s: Circle) => Math.PI * s.r ** 2');
    expect(out.code).toContain('// circles first');
    expect(out.code).toContain('// a trailing comment');
    expect(out.diagnostics).toEqual([]);
  });

  it('type-checks under strict with only erasable syntax, and narrowing still works', () => {
    const { dir, engine } = engineFor({ 'types.ts': types, 'main.ts': main, 'methods.ts': methods });
    const gen = join(dir, 'gen');
    mkdirSync(gen);
    const names = ['types.ts', 'main.ts', 'methods.ts'];
    for (const name of names) writeFileSync(join(gen, name), engine.generate(join(dir, name)).code);

    const program = ts.createProgram(names.map((name) => join(gen, name)), {
      strict: true,
      noEmit: true,
      erasableSyntaxOnly: true,
      verbatimModuleSyntax: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      skipLibCheck: true,
      types: [],
    });
    const problems = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));

    expect(problems).toEqual([]);
  });

  it.each([
    ['Bundler', {}],
    ['NodeNext', { module: 'NodeNext', moduleResolution: 'NodeNext' }],
  ])('gives identical bytes in another folder and names no absolute path (%s resolution)', (_, options) => {
    const files = { 'types.ts': types, 'main.ts': main, 'package.json': '{ "type": "module" }' };
    const first = engineFor(files, options);
    const second = engineFor(files, options);

    const a = first.engine.generate(join(first.dir, 'main.ts')).code;
    const b = second.engine.generate(join(second.dir, 'main.ts')).code;
    const js = first.engine.transform(join(first.dir, 'main.ts'));

    expect(a).toBe(b);
    for (const text of [a, js.code, js.map ?? '']) {
      expect(text).not.toContain(first.dir);
      expect(text).not.toMatch(/import\("\//);
    }
  });

  it('returns a file without duckcall calls unchanged', () => {
    const { dir, engine } = engineFor({ 'types.ts': types });

    const out = engine.generate(join(dir, 'types.ts'));

    expect(out).toMatchObject({ code: types, changed: false });
  });
});

describe('transform: JavaScript for bundlers', () => {
  it("keeps 'use client' first and maps back to the .ts file", () => {
    const { dir, engine } = engineFor({ 'types.ts': types, 'main.ts': main });

    const out = engine.transform(join(dir, 'main.ts'));

    expect(out.code.startsWith("'use client';")).toBe(true);
    expect(out.code).not.toContain('interface Circle');
    expect(JSON.parse(out.map!).sources).toEqual(['main.ts']);
  });

  it('gives what the ts-patch transformer gives on tsc\'s own Program for the same tsconfig', () => {
    const { dir, engine } = engineFor({ 'types.ts': types, 'main.ts': main });
    const config = ts.getParsedCommandLineOfConfigFile(join(dir, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!;
    const program = ts.createProgram(config.fileNames, { ...config.options, sourceMap: true });
    let tsc = '';
    program.emit(program.getSourceFile(join(dir, 'main.ts')), (name, text) => {
      if (name.endsWith('.js')) tsc = text.replace(/\n\/\/# sourceMappingURL=.*$/, '');
    }, undefined, false, { before: [tsPatchTransformer(program)] });

    expect(engine.transform(join(dir, 'main.ts')).code).toBe(tsc);
  });

  it('declares one check for object types that are checked alike, and runs each on its own type', async () => {
    const shapes = `import { is } from 'duckcall';
export interface A { x: number; y: number }
export interface B { x: number; y: number }
export interface C { x: number; y: string }
export interface Line { from: { x: number; y: number }; to: A; via: B[] }
export interface List { next: List | null; x: number; y: number }
export const checks = { a: (v: unknown) => is<A>(v), b: (v: unknown) => is<B>(v), c: (v: unknown) => is<C>(v), line: (v: unknown) => is<Line>(v), list: (v: unknown) => is<List>(v) };
`;
    const { dir, engine } = engineFor({ 'shapes.ts': shapes });
    const { code } = engine.transform(join(dir, 'shapes.ts'));
    // A, B and Line's anonymous \`from\` share one check; C and Line have their own; the recursive List keeps its own.
    const objectChecks = code.match(/^function __dc_o\d+\(/gm) ?? [];
    expect(objectChecks).toHaveLength(4);
    writeFileSync(join(dir, 'shapes.mjs'), code);
    const { checks } = (await import(pathToFileURL(join(dir, 'shapes.mjs')).href)) as { checks: Record<string, (v: unknown) => boolean> };
    const point = { x: 1, y: 2 };
    expect([checks.a!(point), checks.b!(point), checks.c!(point)]).toEqual([true, true, false]);
    expect(checks.c!({ x: 1, y: 'two' })).toBe(true);
    expect(checks.line!({ from: point, to: point, via: [point] })).toBe(true);
    expect(checks.line!({ from: point, to: point, via: [{ x: 1, y: '2' }] })).toBe(false);
    expect(checks.list!({ x: 1, y: 2, next: { x: 3, y: 4, next: null } })).toBe(true);
    expect(checks.list!({ x: 1, y: 2, next: { x: 3, y: '4', next: null } })).toBe(false);
  });

  it('lowers .tsx with jsx: preserve and leaves the JSX to the bundler', () => {
    const view = `import { is } from 'duckcall';
interface Props { title: string }
declare const JSX: unknown;
export const ok = (p: unknown) => is<Props>(p);
export const View = (p: Props) => <h1 className="t">{p.title}</h1>;
`;
    const { dir, engine } = engineFor({ 'view.tsx': view }, { jsx: 'preserve', include: undefined });

    const out = engine.transform(join(dir, 'view.tsx'));

    expect(out.changed).toBe(true);
    expect(out.code).toContain('<h1 className="t">{p.title}</h1>');
    expect(out.code).toMatch(/__dc_i\d+\(p\)/);
  });

  it('hands back a module that cannot use duckcall before building a Program: no file is read for it', () => {
    const plain = `import type { Circle } from './types.js';\nexport const radius = (s: Circle): number => s.r;\n`;
    const { dir, engine } = engineFor({ 'types.ts': types, 'main.ts': main, 'plain.ts': plain });
    const readFile = vi.spyOn(ts.sys, 'readFile');
    try {
      const out = engine.transform(join(dir, 'plain.ts'), plain);

      expect(out).toMatchObject({ code: plain, changed: false, diagnostics: [], dependencies: [] });
      // Neither its import nor the lib files: building a Program would have read them all.
      expect(readFile).not.toHaveBeenCalled();
    } finally {
      readFile.mockRestore();
    }
    // A module that uses duckcall still gets its Program, with the skipped module in it.
    expect(engine.transform(join(dir, 'main.ts')).changed).toBe(true);
  });

  it('builds guards with what files nobody imports declare globally: a script, declare global', () => {
    const { dir, engine } = engineFor({
      'tagged.ts': 'interface Tagged { tag: string }\n',
      'augment.ts': 'export {};\ndeclare global {\n  interface Tagged { serial: number }\n}\n',
      'plain.ts': 'export const unrelated = 1;\n',
      'check.ts': `import { is } from 'duckcall';\nexport const tagged = (v: unknown) => is<Tagged>(v);\n`,
    });

    const out = engine.transform(join(dir, 'check.ts'));

    expect(out.diagnostics).toEqual([]);
    expect(out.code).toContain('v.tag');
    expect(out.code).toContain('v.serial');
  });

  it('reports the files whose types the guards were built from, type-only imports included', () => {
    const { dir, engine } = engineFor({ 'types.ts': types, 'main.ts': main });

    const out = engine.transform(join(dir, 'main.ts'));

    expect(out.dependencies).toEqual([join(dir, 'types.ts')]);
  });

  it('is never stale: a change to a type-only imported file reaches the guard, by update() or by refresh()', () => {
    const { dir, engine } = engineFor({ 'types.ts': types, 'main.ts': main });
    const file = join(dir, 'main.ts');
    const before = engine.transform(file, readFileSync(file, 'utf8')).code;
    expect(before).not.toContain('"sides"');

    writeFileSync(join(dir, 'types.ts'), types.replace('r: number', 'r: number; sides: number'));
    engine.update(join(dir, 'types.ts'));
    const afterUpdate = engine.transform(file).code;

    writeFileSync(join(dir, 'types.ts'), types.replace('r: number', 'r: number; edges: number'));
    utimesSync(join(dir, 'types.ts'), new Date(), new Date(Date.now() + 5_000));
    engine.refresh();
    const afterRefresh = engine.transform(file).code;

    expect(afterUpdate).toContain('v.sides');
    expect(afterRefresh).toContain('v.edges');
    expect(afterRefresh).not.toContain('v.sides');
  });

  it('does not take text it was not given for a file: a later transform of the real file sees the disk copy', () => {
    const { dir, engine } = engineFor({ 'types.ts': types, 'main.ts': main });
    const file = join(dir, 'main.ts');

    engine.transform(file);
    const again = engine.transform(file);

    expect(again.code).toMatch(/__dc_i\d+\(x\)/);
  });

  it('reports diagnostics at their line, as tsc prints them', () => {
    const shadowed = `import { overload } from 'duckcall';
export const f = overload(
  (x: number | string) => 1,
  (x: number) => 2,
);
`;
    const { dir, engine } = engineFor({ 'shadowed.ts': shadowed });

    const [diagnostic, ...rest] = engine.transform(join(dir, 'shadowed.ts')).diagnostics;

    expect(rest).toEqual([]);
    expect(formatDiagnostic(diagnostic!, dir)).toMatch(/^shadowed\.ts\(4,3\): error TS990001: duckcall: case 1 \(x: number\) => 2 can never run/);
    expect(engine.check().map((d) => [d.line, d.column])).toEqual([[4, 3]]);
  });
});

describe('an import of duckcall whose types cannot be read', () => {
  it('is a diagnostic at the import, not calls silently left for run time', () => {
    const source = `import { is } from 'duckcall';\nexport const ok = (v: unknown) => is<string>(v);\n`;
    const { dir, engine } = engineFor({ 'main.ts': source }, { moduleResolution: 'Classic', module: 'ES2015' });

    const [diagnostic, ...rest] = engine.transform(join(dir, 'main.ts')).diagnostics;

    expect(rest).toEqual([]);
    expect([diagnostic?.line, diagnostic?.column]).toEqual([1, 20]);
    expect(diagnostic?.message).toMatch(/^duckcall: cannot read the types of 'duckcall'/);
  });
});

describe('open', () => {
  it('says which tsconfig it could not find', () => {
    const { dir } = engineFor({ 'types.ts': types });

    expect(() => Engine.open({ root: dir, tsconfig: 'missing.json' })).toThrow(/cannot find the tsconfig missing\.json/);
  });

  it('reads a Vite-template tsconfig (noEmit, allowImportingTsExtensions) and still emits', () => {
    const dir = project({ 'types.ts': types, 'main.ts': main.replace("'./types.js'", "'./types.ts'") }, { noEmit: true, allowImportingTsExtensions: true });
    const engine = Engine.open({ root: dir });

    const out = engine.transform(join(dir, 'main.ts'));

    expect(out.diagnostics).toEqual([]);
    expect(out.code).toMatch(/__dc_i\d+\(x\)/);
    expect(out.dependencies).toEqual([join(dir, 'types.ts')]);
  });
});
