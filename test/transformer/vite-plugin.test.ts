import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { project, removeProjects, root } from '../support/project.js';
import { drivePlugin } from '../support/vite-plugin.js';

afterAll(removeProjects);

const shapes = `import { overload } from 'duckcall';
interface Circle { kind: 'circle'; r: number }
export const area = overload((s: Circle) => s.r, (w: number, h: number) => w * h);
`;

describe('duckcall/vite', () => {
  it('compiles a TypeScript module with generated guards and a source map for the .ts file', () => {
    const dir = project({ 'shapes.ts': shapes });
    const plugin = drivePlugin(dir);

    const result = plugin.transform(join(dir, 'shapes.ts'), readFileSync(join(dir, 'shapes.ts'), 'utf8'));

    expect(result?.code).toContain('__duckcall.__when([');
    expect(result?.code).toContain('"(s: Circle) => number"');
    expect(result?.code).not.toContain('interface Circle');
    const map = JSON.parse(result!.map as string) as { sources: string[]; mappings: string };
    expect(map.sources).toEqual(['shapes.ts']);
    expect(map.mappings.length).toBeGreaterThan(0);
  });

  it('recompiles a file whose text changed, reusing the program', () => {
    const dir = project({ 'shapes.ts': shapes });
    const plugin = drivePlugin(dir);
    const file = join(dir, 'shapes.ts');
    plugin.transform(file, shapes);

    const changed = shapes.replace('(w: number, h: number) => w * h', '(w: number, h: number, d: number) => w * h * d');
    const result = plugin.transform(file, changed);

    expect(result?.code).toContain('"(w: number, h: number, d: number) => number"');
  });

  it('fails the module with the diagnostic, at the file and line of the offending case', () => {
    const dir = project({ 'dup.ts': `import { overload } from 'duckcall';\nexport const f = overload(\n  (a: number) => a,\n  (b: number) => b,\n);\n` });
    const plugin = drivePlugin(dir);

    expect(() => plugin.transform(join(dir, 'dup.ts'), readFileSync(join(dir, 'dup.ts'), 'utf8'))).toThrow(/^dup\.ts\(4,3\): error TS990001: duckcall: case 1 \(b: number\) => number has the same parameter types as case 0/);
  });

  it('watches the files its guards were built from, type-only imports included', () => {
    const dir = project({
      'types.ts': 'export interface Circle { kind: \'circle\'; r: number }\n',
      'area.ts': `import { overload } from 'duckcall';\nimport type { Circle } from './types';\nexport const area = overload((s: Circle) => s.r, (n: number) => n);\n`,
    });
    const plugin = drivePlugin(dir);

    plugin.transform(join(dir, 'area.ts'), readFileSync(join(dir, 'area.ts'), 'utf8'));

    expect(plugin.watched).toContain(join(dir, 'types.ts'));
  });

  it('never hands an id with a query to the engine: a ?raw import is not the module', () => {
    const dir = project({ 'shapes.ts': shapes });
    const plugin = drivePlugin(dir, { include: /\.ts/ });
    const file = join(dir, 'shapes.ts');

    expect(plugin.transform(`${file}?raw`, `export default ${JSON.stringify(shapes)}`)).toBeFalsy();
    // A Vue single-file component's script block: its id ends in .ts, but it is no file of the project.
    expect(plugin.transform(join(dir, 'App.vue?vue&type=script&setup=true&lang.ts'), shapes)).toBeFalsy();
    // Virtual modules are no files either.
    expect(plugin.transform('\0virtual:shapes.ts', shapes)).toBeFalsy();
    expect(plugin.transform('virtual:shapes.ts', shapes)).toBeFalsy();
    expect(plugin.transform(file, shapes)?.code).toContain('"(s: Circle) => number"');
  });

  it('leaves files it does not compile to Vite', () => {
    const plugin = drivePlugin(root, { tsconfig: 'test/tsconfig.json' });
    expect(plugin.transform(join(root, 'node_modules', 'x', 'index.ts'), 'export {}')).toBeFalsy();
    expect(plugin.transform(join(root, 'src', 'thing.js'), 'export {}')).toBeFalsy();
    expect(plugin.transform(join(root, 'src', 'types.d.ts'), 'export {}')).toBeFalsy();
  });
});

describe('source maps in this test suite', () => {
  it('point stack traces at the .ts lines although generated code is inserted above them', () => {
    const here = fileURLToPath(import.meta.url);
    const line = readFileSync(here, 'utf8').split('\n').findIndex((l) => l.trimStart().startsWith('const stack = new Error')) + 1;
    const stack = new Error('where').stack ?? '';
    expect(stack).toContain(`vite-plugin.test.ts:${line}:`);
  });
});
