import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import duckcall from '../../transformer/front/vite.js';
import { project, removeProjects, root } from '../support/project.js';

afterAll(removeProjects);

const fail = { error: (message: string): never => { throw new Error(message); } };

function transform(plugin: ReturnType<typeof duckcall>, file: string, code: string) {
  return plugin.transform.call(fail, code, file);
}

const shapes = `import { overload } from 'duckcall';
interface Circle { kind: 'circle'; r: number }
export const area = overload((s: Circle) => s.r, (w: number, h: number) => w * h);
`;

describe('duckcall/vite', () => {
  it('compiles a TypeScript module with generated guards and a source map for the .ts file', () => {
    const dir = project({ 'shapes.ts': shapes });
    const plugin = duckcall();
    plugin.configResolved({ root: dir });

    const result = transform(plugin, join(dir, 'shapes.ts'), readFileSync(join(dir, 'shapes.ts'), 'utf8'));

    expect(result?.code).toContain('__duckcall.when([');
    expect(result?.code).toContain('"(s: Circle) => number"');
    expect(result?.code).not.toContain('interface Circle');
    const map = JSON.parse(result!.map!) as { sources: string[]; mappings: string };
    expect(map.sources).toEqual(['shapes.ts']);
    expect(map.mappings.length).toBeGreaterThan(0);
  });

  it('recompiles a file whose text changed, reusing the program', () => {
    const dir = project({ 'shapes.ts': shapes });
    const plugin = duckcall();
    plugin.configResolved({ root: dir });
    const file = join(dir, 'shapes.ts');
    transform(plugin, file, shapes);

    const changed = shapes.replace('(w: number, h: number) => w * h', '(w: number, h: number, d: number) => w * h * d');
    const result = transform(plugin, file, changed);

    expect(result?.code).toContain('"(w: number, h: number, d: number) => number"');
  });

  it('fails the module with the diagnostic, at the file and line of the offending case', () => {
    const dir = project({ 'dup.ts': `import { overload } from 'duckcall';\nexport const f = overload(\n  (a: number) => a,\n  (b: number) => b,\n);\n` });
    const plugin = duckcall();
    plugin.configResolved({ root: dir });

    expect(() => transform(plugin, join(dir, 'dup.ts'), readFileSync(join(dir, 'dup.ts'), 'utf8'))).toThrow(/dup\.ts:4:3 duckcall: case 1 \(b: number\) => number has the same parameter types as case 0/);
  });

  it('leaves files it does not compile to Vite', () => {
    const plugin = duckcall();
    plugin.configResolved({ root });
    expect(transform(plugin, join(root, 'node_modules', 'x', 'index.ts'), 'export {}')).toBeNull();
    expect(transform(plugin, join(root, 'src', 'thing.js'), 'export {}')).toBeNull();
    expect(transform(plugin, join(root, 'src', 'types.d.ts'), 'export {}')).toBeNull();
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
