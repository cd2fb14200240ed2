/**
 * The `duckcall` command run in-process on small projects: where `generate` writes (tsc's outDir
 * layout), `--check`, `-p`, usage mistakes, setup failures, and `--watch` picking up new files. The
 * command as installed from the tarball, with TypeScript 7, is covered by typescript7.test.ts.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { Engine } from '../transformer/engine/index.js';
import { layoutOf, type LayoutSource } from '../transformer/front/command/layout.js';
import { main } from '../transformer/front/command/main.js';
import { watchProject } from '../transformer/front/command/watch.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

const baseOptions = { target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', strict: true, skipLibCheck: true, types: [] };

/** A project whose `duckcall` is this repository; `files` may name subdirectories. */
function scratchProject(files: Record<string, string>, tsconfig: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'duckcall-cli-'));
  made.push(dir);
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(root, join(dir, 'node_modules', 'duckcall'));
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

async function run(cwd: string, ...argv: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const status = await main(argv, { cwd, out: (text) => (stdout += text), err: (text) => (stderr += text) });
  return { status, stdout, stderr };
}

const types = `export interface Point { x: number; y: number }\n`;
const usesTypes = `import { is } from 'duckcall';
import type { Point } from './types.js';

// A comment the output keeps.
export const isPoint = (value: unknown) => is<Point>(value);
`;

describe('duckcall generate', () => {
  it('writes every source file under rootDir, as tsc lays out outDir; a file without calls is copied as it is', async () => {
    const dir = scratchProject(
      { 'src/types.ts': types, 'src/deep/uses.ts': usesTypes.replace('./types.js', '../types.js'), 'other/skip.ts': 'export {};\n' },
      { compilerOptions: { ...baseOptions, rootDir: 'src' }, include: ['src'] },
    );
    const result = await run(dir, 'generate', '--out-dir', 'gen');
    expect(result).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(readFileSync(join(dir, 'gen', 'types.ts'), 'utf8')).toBe(types);
    const uses = readFileSync(join(dir, 'gen', 'deep', 'uses.ts'), 'utf8');
    expect(uses).toContain('// A comment the output keeps.');
    expect(uses).not.toContain('is<Point>(value)');
    expect(existsSync(join(dir, 'gen', 'skip.ts'))).toBe(false);
  });

  it('without rootDir, lays out from the tsconfig directory (TypeScript 6 and 7 do); -p takes a directory, --outDir= too', async () => {
    const dir = scratchProject({ 'app/src/types.ts': types }, { compilerOptions: baseOptions, include: ['src'] });
    writeFileSync(join(dir, 'app', 'tsconfig.json'), JSON.stringify({ compilerOptions: baseOptions, include: ['src'] }));
    expect((await run(dir, 'generate', '-p', 'app', '--outDir=out')).status).toBe(0);
    expect(readFileSync(join(dir, 'out', 'src', 'types.ts'), 'utf8')).toBe(types);
  });

  it('never takes its own output for sources when the tsconfig includes the output directory', async () => {
    const dir = scratchProject({ 'types.ts': types, 'uses.ts': usesTypes }, { compilerOptions: { ...baseOptions, rootDir: '.' } });
    expect((await run(dir, 'generate', '--out-dir', 'gen')).status).toBe(0);
    const again = await run(dir, 'generate', '--out-dir', 'gen');
    expect(again).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(existsSync(join(dir, 'gen', 'gen'))).toBe(false);
    expect((await run(dir, 'generate', '--out-dir', 'gen', '--check')).status).toBe(0);
  });

  it('refuses a source outside rootDir, naming it, and writes nothing', async () => {
    const dir = scratchProject({ 'src/types.ts': types, 'lib/extra.ts': 'export const x = 1;\n' }, { compilerOptions: { ...baseOptions, rootDir: 'src' }, include: ['src', 'lib'] });
    const result = await run(dir, 'generate', '--out-dir', 'gen');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('lib/extra.ts is not under rootDir src');
    expect(existsSync(join(dir, 'gen'))).toBe(false);
  });

  it('--check: exit 0 and silent when fresh; exit 1 listing stale files, relative to the current directory', async () => {
    const dir = scratchProject({ 'src/types.ts': types, 'src/uses.ts': usesTypes }, { compilerOptions: { ...baseOptions, rootDir: 'src' }, include: ['src'] });
    expect((await run(dir, 'generate', '--out-dir', 'gen')).status).toBe(0);
    expect(await run(dir, 'generate', '--out-dir', 'gen', '--check')).toEqual({ status: 0, stdout: '', stderr: '' });
    writeFileSync(join(dir, 'src', 'types.ts'), types.replace('y: number', 'y: number; z: number'));
    const stale = await run(join(dir, 'src'), 'generate', '-p', '../tsconfig.json', '--out-dir', '../gen', '--check');
    expect(stale.status).toBe(1);
    expect(stale.stdout).toBe('duckcall: 2 files of ../gen are stale; run duckcall generate.\n  ../gen/types.ts (differs)\n  ../gen/uses.ts (differs)\n');
    expect(readFileSync(join(dir, 'gen', 'types.ts'), 'utf8')).toBe(types);
  });
});

describe('usage and setup', () => {
  it.each([
    [['generate', '--out-dir', 'gen', '--check', '--watch'], '--check and --watch cannot be used together'],
    [['check', '--out-dir', 'gen'], 'check takes no --out-dir'],
    [['generate', '--out-dir'], '--out-dir needs a value'],
    [['generate', '--out-dir', 'gen', '--watch=yes'], '--watch takes no value'],
    [['generate', '--out-dir', 'gen', 'extra'], "unexpected argument 'extra'"],
  ])('%j is a usage mistake: exit 2', async (argv, message) => {
    const result = await run(tmpdir(), ...argv);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain("Run 'duckcall --help' for more.");
  });

  it('a setup problem (no such tsconfig) is one message, no stack, exit 1', async () => {
    const dir = scratchProject({ 'a.ts': types }, { compilerOptions: baseOptions });
    const result = await run(dir, 'check', '-p', 'missing.json');
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^duckcall: /);
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });
});

describe('layout', () => {
  const project = (version: string, options: LayoutSource['compilerOptions']): LayoutSource => ({
    configFile: '/p/tsconfig.json',
    typescriptVersion: version,
    compilerOptions: options,
    fileNames: () => ['/p/src/a/x.ts', '/p/src/b/y.ts', '/p/out/z.ts'],
  });

  it('TypeScript 5.9: rootDir is the common directory of the sources (the tsconfig directory with composite)', () => {
    expect(layoutOf(project('5.9.3', {}), 'out', '/p').rootDir).toBe('/p/src');
    expect(layoutOf(project('5.9.3', { composite: true }), 'out', '/p').rootDir).toBe('/p');
    expect(layoutOf(project('5.9.3', {}), 'out', '/p').outputOf('/p/src/a/x.ts')).toBe('/p/out/a/x.ts');
  });

  it('TypeScript 6: the tsconfig directory unless rootDir is set; files in the output directory are not sources', () => {
    const layout = layoutOf(project('6.0.3', {}), 'out', '/p');
    expect(layout.rootDir).toBe('/p');
    expect(layout.sources).toEqual(['/p/src/a/x.ts', '/p/src/b/y.ts']);
    expect(layoutOf(project('6.0.3', { rootDir: '/p/src/a' }), 'out', '/p').outside).toEqual(['/p/src/b/y.ts']);
  });
});

describe('generate --watch', () => {
  it('regenerates an importer when its type-only import changes, and picks up a new file', async () => {
    const dir = scratchProject({ 'src/types.ts': types, 'src/uses.ts': usesTypes }, { compilerOptions: { ...baseOptions, rootDir: 'src' }, include: ['src'] });
    const statuses: string[] = [];
    const watching = watchProject({
      open: () => Engine.open({ root: dir }),
      outDir: 'gen',
      cwd: dir,
      report: () => undefined,
      status: (line) => statuses.push(line),
      failure: (error) => statuses.push(String(error)),
      settleMs: 20,
    });
    try {
      const uses = () => readFileSync(join(dir, 'gen', 'uses.ts'), 'utf8');
      const before = uses();
      writeFileSync(join(dir, 'src', 'types.ts'), types.replace('y: number', 'y: number; label: string'));
      await until(() => uses() !== before);
      expect(uses()).toContain('label');
      writeFileSync(join(dir, 'src', 'added.ts'), 'export const added = 1;\n');
      await until(() => existsSync(join(dir, 'gen', 'added.ts')));
      expect(statuses.at(-1)).toBe('Found 0 errors. Watching for file changes.');
    } finally {
      watching.close();
    }
  });
});

async function until(done: () => boolean): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!done()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
