/**
 * duckcall in a TypeScript 7 project, set up as a new user would: `npm i -D typescript
 * @typescript/typescript6 duckcall`, TypeScript 7 type-checks the source, `duckcall generate` writes
 * the lowered project as TypeScript that TypeScript 7 compiles, and `duckcall check` reports
 * duckcall's diagnostics. Also: the message when `@typescript/typescript6` is missing, the same
 * command on a TypeScript 6 project, and byte-identical output in two folders.
 *
 * Every project is installed once, from the packed tarball, in `beforeAll`.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../transformer/lower/diagnostics.js';
import { exec, packPackage, type Finished } from './support/pack.js';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const scratch = mkdtempSync(join(tmpdir(), 'duckcall-ts7-'));
const projects = {
  /** typescript 7 with @typescript/typescript6: the set-up the README gives. */
  ts7: join(scratch, 'ts7'),
  /** typescript 7 alone: duckcall has no TypeScript it can use. */
  bare: join(scratch, 'ts7-bare'),
  /** typescript 6: the engine uses the project's own compiler. */
  ts6: join(scratch, 'ts6'),
};
const installs: Record<string, Finished> = {};

const shapes = `// Types only: every importer imports them with \`import type\`.
export interface Circle { kind: 'circle'; r: number }
export interface Rect { kind: 'rect'; w: number; h: number }
export interface Named { name: string; greet(): string }
`;

const area = `import { overload } from 'duckcall';
import type { Circle, Rect } from './shapes.js';

/** The area of a shape, or of a w × h rectangle. */
export const area = overload(
  (s: Circle): number => Math.PI * s.r ** 2,
  (s: Rect): number => s.w * s.h,
  (w: number, h: number): number => w * h,
);
`;

const drawing = `import { overload, type Overloaded } from 'duckcall';
import type { Circle, Rect } from './shapes.js';

export class Drawing {
  scale: number;
  constructor(scale: number) {
    this.scale = scale;
  }

  @overload('area') areaOfCircle(s: Circle): number {
    return Math.PI * (s.r * this.scale) ** 2;
  }
  @overload('area') areaOfRect(s: Rect): number {
    return s.w * s.h * this.scale ** 2;
  }
  @overload('area') areaOfSides(w: number, h: number): number {
    return w * h * this.scale ** 2;
  }
  declare area: Overloaded<[Drawing['areaOfCircle'], Drawing['areaOfRect'], Drawing['areaOfSides']]>;
}
`;

const main = `import { is, protocol, validate } from 'duckcall';
import { area } from './area.js';
import { Drawing } from './drawing.js';
import type { Named } from './shapes.js';

const NamedProtocol = protocol<Named>();
const duck = { name: 'Donald', greet: () => 'quack' };

function thrown(run: () => unknown): string {
  try {
    run();
    return 'nothing';
  } catch (error) {
    return (error as Error).name;
  }
}

const invalid = validate<Named>({ name: 1, greet: 'hello' });
console.log(JSON.stringify({
  circle: area({ kind: 'circle', r: 1 }),
  rect: area({ kind: 'rect', w: 2, h: 3 }),
  sides: area(4, 5),
  noMatch: thrown(() => (area as (x: unknown) => number)(true)),
  isNamed: is<Named>(duck),
  isNamedWithoutGreet: is<Named>({ name: 'x' }),
  protocol: NamedProtocol.is(duck),
  issues: invalid.success ? [] : invalid.errors.map((issue) => issue.path),
  drawingRect: new Drawing(2).area({ kind: 'rect', w: 1, h: 1 }),
  drawingSides: new Drawing(1).area(2, 3),
}));
`;

/** What main.ts prints, however it was built. */
const expected = {
  circle: Math.PI,
  rect: 6,
  sides: 20,
  noMatch: 'NoMatchingOverloadError',
  isNamed: true,
  isNamedWithoutGreet: false,
  protocol: true,
  issues: ['$input.name', '$input.greet'],
  drawingRect: 4,
  drawingSides: 6,
};

/** Target ES2022: Node 20 and 22 have no native decorators, so tsc must lower `@overload`. */
const compilerOptions = {
  target: 'ES2022',
  module: 'NodeNext',
  moduleResolution: 'NodeNext',
  lib: ['ES2022', 'DOM'],
  types: [],
  strict: true,
  erasableSyntaxOnly: true,
  skipLibCheck: true,
};

/** A case that can never run: every argument it accepts, the case before it accepts first. */
const shadowed = `import { overload } from 'duckcall';

export const describe = overload(
  (x: string | number): string => 'string or number',
  (x: number): string => 'number',
);
`;

function writeProject(directory: string, devDependencies: Record<string, string>, tsconfig: Record<string, unknown>): void {
  mkdirSync(join(directory, 'src'), { recursive: true });
  mkdirSync(join(directory, 'extra'), { recursive: true });
  const manifest = {
    name: 'consumer',
    version: '1.0.0',
    private: true,
    type: 'module',
    // TypeScript 7's tsc by its path: with @typescript/typescript6 installed, npm links TypeScript 6's tsc as `tsc`.
    scripts: { build: 'duckcall generate --out-dir gen && node node_modules/typescript/bin/tsc -p tsconfig.gen.json' },
    devDependencies,
    overrides: { rollup: '4.67.4' },
  };
  const files: Record<string, string> = {
    'package.json': JSON.stringify(manifest, null, 2),
    'tsconfig.json': JSON.stringify(tsconfig, null, 2),
    'tsconfig.gen.json': JSON.stringify(
      { extends: './tsconfig.json', compilerOptions: { rootDir: 'gen', outDir: 'out', noEmit: false }, include: ['gen'] },
      null,
      2,
    ),
    'tsconfig.shadowed.json': JSON.stringify({ extends: './tsconfig.json', compilerOptions: { rootDir: 'extra' }, include: ['extra'] }, null, 2),
    'src/shapes.ts': shapes,
    'src/area.ts': area,
    'src/drawing.ts': drawing,
    'src/main.ts': main,
    'extra/shadowed.ts': shadowed,
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(directory, name), text);
}

const duckcall = (directory: string, args: readonly string[]) => exec(join(directory, 'node_modules', '.bin', 'duckcall'), args, directory);
/** TypeScript 7's own `tsc`, by path: `node_modules/.bin/tsc` is TypeScript 6's when both are installed. */
const tsc7 = (directory: string, args: readonly string[]) =>
  exec(process.execPath, [join(directory, 'node_modules', 'typescript', 'bin', 'tsc'), ...args], directory);
const node = (directory: string, file: string) => exec(process.execPath, [file], directory);

/** Every file under `directory`, as sorted paths relative to it, with forward slashes. */
function filesUnder(directory: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else found.push(relative(directory, path).split('\\').join('/'));
    }
  };
  walk(directory);
  return found.sort();
}

/** Asserts exit 0, showing the command's output when it is not. */
function expectSuccess(result: Finished): void {
  expect(result.status, `exit ${result.status}:\n${result.stdout}${result.stderr}`).toBe(0);
}

beforeAll(async () => {
  const tarball = packPackage(join(scratch, 'pack'));
  const dependency = `file:${tarball}`;
  writeProject(projects.ts7, { typescript: '7.0.2', '@typescript/typescript6': '6.0.2', duckcall: dependency }, {
    compilerOptions: { ...compilerOptions, rootDir: 'src', noEmit: true },
    include: ['src'],
  });
  writeProject(projects.bare, { typescript: '7.0.2', duckcall: dependency }, {
    compilerOptions: { ...compilerOptions, rootDir: 'src', noEmit: true },
    include: ['src'],
  });
  // No rootDir: TypeScript 6 then lays outDir out from the tsconfig's directory (gen/src/…).
  writeProject(projects.ts6, { typescript: '6.0.3', duckcall: dependency }, { compilerOptions: { ...compilerOptions, noEmit: true }, include: ['src'] });
  const results = await Promise.all(
    Object.entries(projects).map(async ([name, directory]) => [name, await exec(npm, ['install', '--prefer-offline', '--no-audit', '--no-fund'], directory)] as const),
  );
  for (const [name, result] of results) installs[name] = result;
}, 240_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('a TypeScript 7 project with @typescript/typescript6', () => {
  const project = projects.ts7;

  it('installs duckcall next to TypeScript 7 without a peer conflict', async () => {
    expectSuccess(installs['ts7']!);
    expect(installs['ts7']!.stderr).not.toMatch(/ERESOLVE/);
    expect((await tsc7(project, ['--version'])).stdout).toMatch(/^Version 7\.0\.2/);
    const installed = (name: string) => JSON.parse(readFileSync(join(project, 'node_modules', name, 'package.json'), 'utf8')).version;
    expect(installed('@typescript/typescript6')).toBe('6.0.2');
    expect(installed('duckcall')).toBe(JSON.parse(readFileSync(join(scratch, 'pack', 'stage', 'package.json'), 'utf8')).version);
  });

  it('TypeScript 7 type-checks the source', async () => {
    expectSuccess(await tsc7(project, ['--noEmit', '-p', 'tsconfig.json']));
  });

  it('generates TypeScript that TypeScript 7 compiles (strict, erasable syntax only) and that runs', async () => {
    expectSuccess(await duckcall(project, ['generate', '-p', 'tsconfig.json', '--out-dir', 'gen']));
    expect(filesUnder(join(project, 'gen'))).toEqual(['area.ts', 'drawing.ts', 'main.ts', 'shapes.ts']);
    // The layout tsc gives outDir (rootDir is src).
    expectSuccess(await tsc7(project, ['-p', 'tsconfig.json', '--noEmit', 'false', '--outDir', 'tsc-layout']));
    expect(filesUnder(join(project, 'tsc-layout')).map((file) => file.replace(/\.js$/, '.ts'))).toEqual(filesUnder(join(project, 'gen')));
    // A file without duckcall's calls is copied as it is; the others keep the user's text around the calls.
    expect(readFileSync(join(project, 'gen', 'shapes.ts'), 'utf8')).toBe(shapes);
    expect(readFileSync(join(project, 'gen', 'area.ts'), 'utf8')).toContain('/** The area of a shape, or of a w × h rectangle. */');
    expectSuccess(await tsc7(project, ['-p', 'tsconfig.gen.json']));
    const run = await node(project, 'out/main.js');
    expectSuccess(run);
    expect(JSON.parse(run.stdout)).toEqual(expected);
  });

  it('npm run build: generate, then tsc on tsconfig.gen.json, as the README shows', async () => {
    rmSync(join(project, 'out'), { recursive: true, force: true });
    expectSuccess(await exec(npm, ['run', 'build'], project));
    const run = await node(project, 'out/main.js');
    expect(JSON.parse(run.stdout)).toEqual(expected);
  });

  it('--check passes when the output is fresh, and fails naming the stale files after a type changes', async () => {
    expectSuccess(await duckcall(project, ['generate', '--out-dir', 'checked']));
    const fresh = await duckcall(project, ['generate', '--out-dir', 'checked', '--check']);
    expectSuccess(fresh);
    expect(fresh.stdout).toBe('');

    const file = join(project, 'src', 'shapes.ts');
    writeFileSync(file, shapes.replace('w: number; h: number', 'w: number; h: number; unit: string'));
    try {
      rmSync(join(project, 'checked', 'main.ts'));
      const stale = await duckcall(project, ['generate', '--out-dir', 'checked', '--check']);
      expect(stale.status).toBe(1);
      // shapes.ts changed; area.ts and drawing.ts did not, but their guards for Rect did.
      expect(stale.stdout.split('\n').filter((line) => line.startsWith('  ')).sort()).toEqual([
        '  checked/area.ts (differs)',
        '  checked/drawing.ts (differs)',
        '  checked/main.ts (missing)',
        '  checked/shapes.ts (differs)',
      ]);
    } finally {
      writeFileSync(file, shapes);
    }
    // --check wrote nothing.
    expect(readFileSync(join(project, 'checked', 'shapes.ts'), 'utf8')).toBe(shapes);
    expect(filesUnder(join(project, 'checked'))).toEqual(['area.ts', 'drawing.ts', 'shapes.ts']);
  });

  it('duckcall check reports a shadowed case at its line, as tsc would, and exits 1', async () => {
    const result = await duckcall(project, ['check', '-p', 'tsconfig.shadowed.json']);
    expect(result.status).toBe(1);
    const line = shadowed.split('\n').findIndex((text) => text.includes('(x: number)')) + 1;
    const column = shadowed.split('\n')[line - 1]!.indexOf('(x: number)') + 1;
    const message = messages.shadowed(1, 0, '(x: number) => string', '(x: string | number) => string');
    expect(result.stdout).toBe(`extra/shadowed.ts(${line},${column}): error TS990001: duckcall: ${message}\n\nFound 1 error.\n`);
    // The source project itself has nothing to report.
    expectSuccess(await duckcall(project, ['check']));
  });

  it('generate --watch regenerates an importer when a type-only import changes', async () => {
    const copy = join(scratch, 'watched');
    cpSync(project, copy, { recursive: true, verbatimSymlinks: true });
    const child = spawn(join(copy, 'node_modules', '.bin', 'duckcall'), ['generate', '--out-dir', 'gen-watch', '--watch'], { cwd: copy, stdio: 'pipe' });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const generated = () => {
      try {
        return readFileSync(join(copy, 'gen-watch', 'area.ts'), 'utf8');
      } catch {
        return undefined;
      }
    };
    try {
      await until(() => output.includes('Watching for file changes') && generated() !== undefined, () => output);
      const before = generated();
      writeFileSync(join(copy, 'src', 'shapes.ts'), shapes.replace('w: number; h: number', 'w: number; h: number; unit: string'));
      await until(() => generated() !== before, () => output);
      expect(generated()).toContain('unit');
    } finally {
      child.kill();
    }
  }, 60_000);

  it('prints its usage for unknown commands and options (exit 2), its help and its version', async () => {
    for (const args of [['bundle'], ['generate', '--out-dir', 'gen', '--frobnicate'], ['generate'], []]) {
      const result = await duckcall(project, args);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain('Usage: duckcall generate');
    }
    const help = await duckcall(project, ['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('duckcall check [-p tsconfig.json]');
    expect((await duckcall(project, ['--version'])).stdout.trim()).toBe(JSON.parse(readFileSync(join(project, 'node_modules', 'duckcall', 'package.json'), 'utf8')).version);
  });
});

describe('a TypeScript 7 project without @typescript/typescript6', () => {
  it('installs, and generate stops with one message that says what to install, with no stack trace', async () => {
    expectSuccess(installs['bare']!);
    for (const args of [['generate', '-p', 'tsconfig.json', '--out-dir', 'gen'], ['check']]) {
      const result = await duckcall(projects.bare, args);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('@typescript/typescript6');
      expect(result.stderr).not.toMatch(/^\s+at /m);
      expect(result.stderr.trim().split('\n').length).toBeLessThanOrEqual(3);
    }
  });
});

describe('a TypeScript 6 project', () => {
  const project = projects.ts6;
  const tsc6 = (args: readonly string[]) => exec(process.execPath, [join(project, 'node_modules', 'typescript', 'bin', 'tsc'), ...args], project);

  it('generates with its own TypeScript, laid out as its tsc lays out outDir, and the output runs', async () => {
    expectSuccess(installs['ts6']!);
    expectSuccess(await duckcall(project, ['generate', '--out-dir', 'gen']));
    // TypeScript 6 (and 7) asks for an explicit rootDir here (TS5011), and emits from the tsconfig's directory.
    const emit = await tsc6(['-p', 'tsconfig.json', '--noEmit', 'false', '--outDir', 'tsc-layout']);
    expect(emit.stdout.match(/error TS\d+/g)).toEqual(['error TS5011']);
    const emitted = filesUnder(join(project, 'tsc-layout')).map((file) => file.replace(/\.js$/, '.ts'));
    expect(emitted).toEqual(['src/area.ts', 'src/drawing.ts', 'src/main.ts', 'src/shapes.ts']);
    expect(filesUnder(join(project, 'gen'))).toEqual(emitted);

    writeFileSync(
      join(project, 'tsconfig.gen.json'),
      JSON.stringify({ extends: './tsconfig.json', compilerOptions: { rootDir: 'gen/src', outDir: 'out', noEmit: false }, include: ['gen'] }),
    );
    expectSuccess(await tsc6(['-p', 'tsconfig.gen.json']));
    const run = await node(project, 'out/main.js');
    expectSuccess(run);
    expect(JSON.parse(run.stdout)).toEqual(expected);
  });
});

describe('reproducible output', () => {
  it('is byte-identical in two folders and holds no absolute path', async () => {
    const first = mkdtempSync(join(tmpdir(), 'duckcall-first-'));
    const second = join(mkdtempSync(join(tmpdir(), 'duckcall-elsewhere-')), 'deeper', 'second-app-folder');
    try {
      const outputs = [];
      for (const directory of [first, second]) {
        cpSync(projects.ts7, directory, { recursive: true, verbatimSymlinks: true });
        rmSync(join(directory, 'gen'), { recursive: true, force: true });
        expectSuccess(await duckcall(directory, ['generate', '--out-dir', 'gen']));
        const files = filesUnder(join(directory, 'gen'));
        outputs.push(Object.fromEntries(files.map((file) => [file, readFileSync(join(directory, 'gen', file), 'utf8')])));
      }
      expect(Object.keys(outputs[0]!)).toEqual(['area.ts', 'drawing.ts', 'main.ts', 'shapes.ts']);
      expect(outputs[1]).toEqual(outputs[0]);
      for (const [directory, output] of [[first, outputs[0]!], [second, outputs[1]!]] as const) {
        for (const [file, text] of Object.entries(output)) {
          for (const path of [directory, basename(directory), tmpdir(), scratch]) {
            expect(text.includes(path), `${file} contains ${path}`).toBe(false);
          }
        }
      }
    } finally {
      rmSync(first, { recursive: true, force: true });
      rmSync(join(second, '..', '..'), { recursive: true, force: true });
    }
  });
});

/** Waits until `done()` holds (polling), or fails after 30 s with `context()`. */
async function until(done: () => boolean, context: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out; output so far:\n${context()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
