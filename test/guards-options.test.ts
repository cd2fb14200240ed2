/**
 * Guards that depend on the project: compiler options the checker honours, and names a module
 * declares itself. Compiled through the engine in a scratch project, then run.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { Engine } from '../transformer/engine/index.js';
import { project, removeProjects } from './support/project.js';

afterAll(removeProjects);

/** Compiles every file of a scratch project and imports `main.ts`'s output. */
async function load(files: Record<string, string>, options: Record<string, unknown> = {}): Promise<Record<string, any>> {
  const dir = project({ ...files, 'package.json': '{ "type": "module" }' }, options);
  const engine = Engine.open({ root: dir });
  mkdirSync(join(dir, 'out'));
  for (const name of Object.keys(files)) {
    const out = engine.transform(join(dir, name));
    expect(out.diagnostics).toEqual([]);
    writeFileSync(join(dir, 'out', name.replace(/\.ts$/, '.js')), out.changed ? out.code : transpiled(out.code));
  }
  return { ...(await import(pathToFileURL(join(dir, 'out', 'main.js')).href)), dir };
}

/** A file without duckcall calls comes back as TypeScript, for the bundler to compile: here, TypeScript does. */
function transpiled(code: string): string {
  return ts.transpileModule(code, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } }).outputText;
}

describe('exactOptionalPropertyTypes', () => {
  const main = `import { is, validate } from 'duckcall';
interface A { a?: number; b?: number | undefined }
export const object = (v: unknown) => is<A>(v);
export const paths = (v: unknown) => validate<A>(v);
export const tuple = (v: unknown) => is<[number, string?]>(v);
export const tupleOrUndefined = (v: unknown) => is<[number, (string | undefined)?]>(v);
`;

  it('on: an optional property or element may be absent, but is not undefined unless its type says so', async () => {
    const m = await load({ 'main.ts': main }, { exactOptionalPropertyTypes: true });

    expect([m.object({}), m.object({ a: 1 }), m.object({ b: undefined }), m.object({ a: undefined })]).toEqual([true, true, true, false]);
    expect(m.paths({ a: undefined }).errors.map((e: { path: string }) => e.path)).toEqual(['$input.a']);
    expect([m.tuple([1]), m.tuple([1, 'x']), m.tuple([1, undefined])]).toEqual([true, true, false]);
    expect(m.tupleOrUndefined([1, undefined])).toBe(true);
  });

  it('off: undefined is accepted for every optional property and element', async () => {
    const m = await load({ 'main.ts': main });

    expect([m.object({ a: undefined }), m.tuple([1, undefined])]).toEqual([true, true]);
  });
});

describe('built-ins are reached as the runtime saw them', () => {
  it('a module that declares its own Date, Map and URL still checks the global ones', async () => {
    const m = await load({
      'main.ts': `import { is } from 'duckcall';
class Date { fake = true }
class Map { fake = true }
export const local = new Date();
export const date = (v: unknown) => is<globalThis.Date>(v);
export const map = (v: unknown) => is<globalThis.Map<string, number>>(v);
export const url = (v: unknown) => is<URL>(v);
`,
    }, { lib: ['ES2022', 'DOM'] });

    expect([m.date(new globalThis.Date()), m.date(m.local), m.map(new globalThis.Map([['a', 1]])), m.url(new URL('https://example.org'))]).toEqual([
      true,
      false,
      true,
      true,
    ]);
  });

  it('a module that declares its own Array, Object and Symbol keeps its guards and its named sets', async () => {
    const m = await load({
      'main.ts': `import { is, overload } from 'duckcall';
const Array = { isArray: (_: unknown) => true };
const Object = { defineProperty: () => { throw new Error('the module\\'s own Object was used'); } };
const Symbol = { iterator: 'not the symbol' };
export const shadows = [Array, Object, Symbol].length;
export const numbers = (v: unknown) => is<number[]>(v);
export const pair = (v: unknown) => is<[number, string]>(v);
export const iterable = (v: unknown) => is<Iterable<number>>(v);
export const size = overload((n: number) => n, (s: string) => s.length);
`,
    });

    expect([m.numbers([1]), m.numbers({ length: 0 }), m.pair([1, 'a']), m.pair({ 0: 1, 1: 'a', length: 2 })]).toEqual([true, false, true, false]);
    expect([m.iterable([1]), m.iterable({ 'not the symbol': () => 1 })]).toEqual([true, false]);
    expect([m.size(2), m.size('abc'), m.size.name]).toEqual([2, 3, 'size']);
  });
});

describe('nominal classes are reached wherever the module can reach them', () => {
  it('through a namespace import, a namespace of this module, and a namespace of another', async () => {
    const m = await load({
      'shapes.ts': `export class Token { private secret = 1 }
export namespace Geo { export class Point { #x = 0 } }
`,
      'main.ts': `import { is } from 'duckcall';
import * as S from './shapes.js';
import type { Geo as G } from './shapes.js';
namespace Local { export class Key { private k = 1 } }
export const make = () => [new S.Token(), new Local.Key()];
export const token = (v: unknown) => is<S.Token>(v);
export const key = (v: unknown) => is<Local.Key>(v);
export const point = (v: unknown) => is<G.Point>(v);
`,
    });
    const shapes = await import(pathToFileURL(join(m.dir, 'out', 'shapes.js')).href);
    const [token, key] = m.make();

    expect([m.token(token), m.token({ secret: 1 }), m.key(key), m.key(token)]).toEqual([true, false, true, false]);
    expect([m.point(new shapes.Geo.Point()), m.point({})]).toEqual([true, false]);
  });
});
