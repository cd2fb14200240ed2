/**
 * duckcall/vite in Vite's dev server (middleware mode, no port), as `vite dev` and Vitest run it:
 * guards follow edits of type-only imported files without a restart, `?raw` imports leave the
 * Program alone, directives stay first, `.tsx` with `jsx: preserve` works, and diagnostics are errors.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import duckcall, { type DuckcallViteOptions } from '../transformer/front/vite.js';
import { messages } from '../transformer/lower/diagnostics.js';
import { project, removeProjects } from './support/project.js';

/** Vite's create-vite template, as far as the engine cares: no emit, `.ts` in import paths. */
const viteTemplate = {
  target: 'ES2022',
  module: 'ESNext',
  moduleResolution: 'bundler',
  strict: true,
  skipLibCheck: true,
  noEmit: true,
  allowImportingTsExtensions: true,
  jsx: 'preserve',
  types: [],
};

const files = {
  'types.ts': `export interface Duck { name: string; quack(): string }\n`,
  'check.ts': `import { is } from 'duckcall';
import type { Duck } from './types.ts';

export const isDuck = (value: unknown): boolean => is<Duck>(value);
`,
  'raw.ts': `import source from './types.ts?raw';

export const text: string = source;
`,
  'client.ts': `'use client';
import { is } from 'duckcall';

export const isText = (value: unknown): boolean => is<string>(value);
`,
  'view.tsx': `import { is } from 'duckcall';
import type { Duck } from './types.ts';

function h(tag: string, props: Record<string, unknown> | null, ...children: unknown[]) {
  return { tag, props, children };
}

export const isDuck = (value: unknown): boolean => is<Duck>(value);
export const view = (duck: Duck) => <p title={duck.name}>{duck.quack()}</p>;
`,
  'bad.ts': `import { overload } from 'duckcall';
export const f = overload(
  (a: number) => a,
  (b: number) => b,
);
`,
};

const duck = { name: 'Donald', quack: () => 'quack' };

let servers: ViteDevServer[] = [];

/** A fresh copy of the project and a dev server on it, as `vite` would start with this config. */
async function serve(options?: DuckcallViteOptions, compilerOptions: Record<string, unknown> = {}): Promise<{ dir: string; server: ViteDevServer }> {
  const dir = project(files);
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { ...viteTemplate, ...compilerOptions }, include: ['*.ts', '*.tsx'] }));
  const server = await createServer({
    root: dir,
    configFile: false,
    logLevel: 'silent',
    server: { middlewareMode: true, watch: { usePolling: true, interval: 50 } },
    appType: 'custom',
    // The classic JSX runtime with the file's own `h`, so the test needs no React.
    oxc: { jsx: { runtime: 'classic', pragma: 'h' } },
    plugins: [duckcall(options)],
  });
  servers.push(server);
  return { dir, server };
}

async function eventually(check: () => Promise<boolean>, timeout = 15_000): Promise<boolean> {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
});
afterAll(removeProjects);

describe('duckcall/vite in the dev server', () => {
  it('follows an edit of a type-only imported file within seconds, without a restart', async () => {
    const { dir, server } = await serve();
    const before = (await server.ssrLoadModule('/check.ts')) as { isDuck(value: unknown): boolean };
    expect(before.isDuck(duck)).toBe(true);

    writeFileSync(join(dir, 'types.ts'), `export interface Duck { name: string; quack(): string; feathers: number }\n`);

    const followed = await eventually(async () => {
      const after = (await server.ssrLoadModule('/check.ts')) as { isDuck(value: unknown): boolean };
      return !after.isDuck(duck) && after.isDuck({ ...duck, feathers: 3 });
    });
    expect(followed).toBe(true);
  });

  it('leaves a ?raw import of a .ts file to Vite, and the file\'s types in the Program', async () => {
    const { server } = await serve();
    const raw = (await server.ssrLoadModule('/raw.ts')) as { text: string };
    expect(raw.text).toBe(files['types.ts']);

    const check = (await server.ssrLoadModule('/check.ts')) as { isDuck(value: unknown): boolean };

    expect(check.isDuck(duck)).toBe(true);
    expect(check.isDuck({ name: 'Rex' })).toBe(false);
    expect(check.isDuck(42)).toBe(false);
  });

  it('keeps a \'use client\' directive the first statement', async () => {
    const { server } = await serve();

    const result = await server.transformRequest('/client.ts');

    expect(result?.code).toMatch(/^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*['"]use client['"];/);
    expect(result?.code).toContain('isText');
    const client = (await server.ssrLoadModule('/client.ts')) as { isText(value: unknown): boolean };
    expect(client.isText('x')).toBe(true);
    expect(client.isText(1)).toBe(false);
  });

  it('transforms .tsx with "jsx": "preserve", and Vite still compiles the JSX', async () => {
    const { server } = await serve();

    const view = (await server.ssrLoadModule('/view.tsx')) as { isDuck(value: unknown): boolean; view(duck: unknown): unknown };

    expect(view.isDuck(duck)).toBe(true);
    expect(view.isDuck({ name: 'Rex' })).toBe(false);
    expect(view.view(duck)).toMatchObject({ tag: 'p', props: { title: 'Donald' }, children: ['quack'] });
  });

  it.for([
    ['react', { jsx: 'react', jsxFactory: 'h' }],
    ['react-jsx', { jsx: 'react-jsx', jsxImportSource: '.' }],
  ] as const)('transforms .tsx with "jsx": "%s" too', async ([, jsx], { expect }) => {
    const { dir, server } = await serve(undefined, jsx);
    // What react-jsx imports, as a local package: the file's own h, called the automatic way.
    writeFileSync(join(dir, 'jsx-runtime.js'), 'export const jsx = (tag, { children, ...props }) => ({ tag, props, children: [children] });\n');

    const view = (await server.ssrLoadModule('/view.tsx')) as { isDuck(value: unknown): boolean; view(duck: unknown): unknown };

    expect(view.isDuck(duck)).toBe(true);
    expect(view.isDuck({ name: 'Rex' })).toBe(false);
    expect(view.view(duck)).toMatchObject({ tag: 'p', props: { title: 'Donald' }, children: ['quack'] });
  });

  it('shows a duckcall diagnostic as the module\'s error, in tsc\'s form', async () => {
    const { server } = await serve();
    const expected = `bad.ts(4,3): error TS990001: duckcall: ${messages.duplicate(1, 0, '(b: number) => number')}`;

    await expect(server.transformRequest('/bad.ts')).rejects.toThrow(expected);
    await expect(server.ssrLoadModule('/bad.ts')).rejects.toThrow(expected);
  });
});

describe('duckcall/vite set up wrong', () => {
  it('fails every request for a TypeScript module with the one-line setup problem', async () => {
    const { server } = await serve({ tsconfig: 'tsconfig.missing.json' });

    await expect(server.transformRequest('/check.ts')).rejects.toThrow(/^duckcall: cannot find the tsconfig tsconfig\.missing\.json/);
    await expect(server.transformRequest('/client.ts')).rejects.toThrow(/^duckcall: cannot find the tsconfig tsconfig\.missing\.json/);
  });
});

describe('duckcall/vite and files Vite never transforms', () => {
  it('reads a type-only imported file from disk, and only that file, never a ?raw import\'s text', async () => {
    const { dir, server } = await serve();
    await server.ssrLoadModule('/raw.ts');
    await server.ssrLoadModule('/check.ts');

    expect(readFileSync(join(dir, 'types.ts'), 'utf8')).toBe(files['types.ts']);
    const raw = await server.transformRequest('/types.ts?raw');
    expect(raw?.code).toContain(JSON.stringify(files['types.ts']));
  });
});
