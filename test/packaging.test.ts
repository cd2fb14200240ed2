/**
 * The package as users get it: built, packed with `npm pack`, installed from the tarball into a
 * fresh project, then loaded from ESM and CommonJS and type-checked as a consumer would.
 *
 * The build goes to a scratch directory (not the repository's dist/), so other test files and a
 * concurrent `npm run build` never see a half-written dist.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { overload, when } from '../src/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; version: string };
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

function sh(command: string, args: readonly string[], cwd: string): string {
  return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32' });
}

/** Runs a file of the consumer project with Node and parses the JSON it prints. */
function runNode(cwd: string, file: string): Record<string, unknown> {
  return JSON.parse(sh(process.execPath, [file], cwd)) as Record<string, unknown>;
}

/** The message the source runtime gives for the call both scripts make, so dist must match src. */
function expectedNoMatchMessage(): string {
  const area = overload(
    when([Number, Number], (w: number, h: number) => w * h),
    when([String], (s: string) => s.length),
  );
  try {
    (area as (x: unknown) => unknown)(true);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the source runtime to throw');
}

/** The scenario both module formats run: a dispatch per case, then a call no case accepts. */
const scenario = `
const area = overload(
  when([Number, Number], (w, h) => w * h),
  when([String], (s) => s.length),
);
const out = { product: area(2, 3), length: area('abcd') };
try {
  area(true);
} catch (e) {
  out.error = {
    name: e.name,
    code: e.code,
    message: e.message,
    isNoMatch: e instanceof NoMatchingOverloadError,
    isTypeError: e instanceof TypeError,
    args: e.args,
  };
}
`;

const esmConsumer = `
import { createRequire } from 'node:module';
import * as duckcall from 'duckcall';
import { overload, when, NoMatchingOverloadError, isDuckcallError } from 'duckcall';
${scenario}
// The CommonJS copy loaded next to the ESM one: errors and cases must be understood across copies.
const cjs = createRequire(import.meta.url)('duckcall');
out.separateCopies = cjs.overload !== overload;
let cjsError;
try { cjs.overload(cjs.when([Number], (n) => n))('x'); } catch (e) { cjsError = e; }
out.crossCopyInstanceof = cjsError instanceof NoMatchingOverloadError;
out.crossCopyBrand = isDuckcallError(cjsError, 'ERR_NO_MATCHING_OVERLOAD');
out.crossCopySplice = overload(cjs.overload(cjs.when([Number], (n) => 'cjs ' + n)), when([String], (s) => 'esm ' + s))(1);
out.exports = Object.keys(duckcall).sort();
out.resolved = {
  transformer: import.meta.resolve('duckcall/transformer'),
  vite: import.meta.resolve('duckcall/vite'),
};
console.log(JSON.stringify(out));
`;

const cjsConsumer = `
const { overload, when, NoMatchingOverloadError } = require('duckcall');
${scenario}
out.resolved = {
  transformer: require.resolve('duckcall/transformer'),
  vite: require.resolve('duckcall/vite'),
};
out.version = require('duckcall/package.json').version;
console.log(JSON.stringify(out));
`;

/** Consumer code that must type-check against the published .d.ts, in both module formats. */
const typedConsumer = `
import { overload, when, optional, NoMatchingOverloadError, type Overloaded } from 'duckcall';
const fmt = overload(
  when([Number, optional(Number)], (n, digits = 2) => n.toFixed(digits)),
  when([Date], (d) => d.getFullYear()),
);
const text: string = fmt(1.234, 1);
const year: number = fmt(new Date());
const same: Overloaded<[(n: number, digits?: number) => string, (d: Date) => number]> = fmt;
// @ts-expect-error no case takes a boolean
fmt(true);
const code: 'ERR_NO_MATCHING_OVERLOAD' = new NoMatchingOverloadError('f', [], []).code;
export { text, year, same, code };
`;

describe('the packed package', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'duckcall-pack-'));
  const stage = join(scratch, 'stage');
  const project = join(scratch, 'project');
  const installed = join(project, 'node_modules', manifest.name);

  beforeAll(() => {
    // Build with the repository's build script into the stage, next to a copy of the manifest.
    mkdirSync(stage, { recursive: true });
    sh(npm, ['run', 'build', '--', '--out-dir', join(stage, 'dist')], root);
    for (const file of ['package.json', 'README.md', 'LICENSE']) {
      if (existsSync(join(root, file))) copyFileSync(join(root, file), join(stage, file));
    }
    const [packed] = JSON.parse(sh(npm, ['pack', '--json', '--pack-destination', scratch], stage)) as [{ filename: string }];

    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
    // Prefer the local cache: duckcall's own dependencies (if any) are there after `npm ci`.
    sh(npm, ['install', join(scratch, packed.filename), '--no-audit', '--no-fund', '--prefer-offline'], project);
    writeFileSync(join(project, 'esm.mjs'), esmConsumer);
    writeFileSync(join(project, 'cjs.cjs'), cjsConsumer);
  }, 180_000);

  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('installs under its name with the manifest and a dist/ that has every entry point', () => {
    const installedManifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as { version: string };

    expect(installedManifest.version).toBe(manifest.version);
    for (const entry of ['index', 'transformer', 'vite']) {
      for (const ext of ['.js', '.cjs', '.d.ts', '.d.cts']) expect(existsSync(join(installed, 'dist', entry + ext)), entry + ext).toBe(true);
    }
  });

  it('works from ESM: dispatch, NoMatchingOverloadError, and the CommonJS copy beside it', () => {
    const out = runNode(project, 'esm.mjs');

    expect(out).toMatchObject({
      product: 6,
      length: 4,
      error: {
        name: 'NoMatchingOverloadError',
        code: 'ERR_NO_MATCHING_OVERLOAD',
        message: expectedNoMatchMessage(),
        isNoMatch: true,
        isTypeError: true,
        args: [true],
      },
      separateCopies: true,
      crossCopyInstanceof: true,
      crossCopyBrand: true,
      crossCopySplice: 'cjs 1',
    });
    expect(out.exports).toEqual(
      expect.arrayContaining([
        'NoMatchingOverloadError',
        'ProtocolError',
        'SetupError',
        'assert',
        'casesOf',
        'implement',
        'installOverloads',
        'is',
        'isDuckcallError',
        'optional',
        'overload',
        'protocol',
        'rest',
        'validate',
        'when',
        'which',
      ]),
    );
  });

  it('works from CommonJS: dispatch and NoMatchingOverloadError', () => {
    const out = runNode(project, 'cjs.cjs');

    expect(out).toMatchObject({
      product: 6,
      length: 4,
      error: {
        name: 'NoMatchingOverloadError',
        code: 'ERR_NO_MATCHING_OVERLOAD',
        message: expectedNoMatchMessage(),
        isNoMatch: true,
        isTypeError: true,
        args: [true],
      },
      version: manifest.version,
    });
  });

  it('resolves duckcall/transformer and duckcall/vite to their builds for import and require', () => {
    const esm = runNode(project, 'esm.mjs').resolved as Record<string, string>;
    const cjs = runNode(project, 'cjs.cjs').resolved as Record<string, string>;

    expect(fileURLToPath(esm.transformer!)).toBe(join(installed, 'dist', 'transformer.js'));
    expect(fileURLToPath(esm.vite!)).toBe(join(installed, 'dist', 'vite.js'));
    expect(cjs.transformer).toBe(join(installed, 'dist', 'transformer.cjs'));
    expect(cjs.vite).toBe(join(installed, 'dist', 'vite.cjs'));
  });

  it('type-checks a consumer against the published declarations, as ESM and as CommonJS', () => {
    writeFileSync(join(project, 'consumer.mts'), typedConsumer);
    writeFileSync(join(project, 'consumer.cts'), typedConsumer);
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, noEmit: true, types: [], skipLibCheck: false },
        files: ['consumer.mts', 'consumer.cts'],
      }),
    );

    let output = '';
    try {
      sh(process.execPath, [tsc, '-p', 'tsconfig.json', '--pretty', 'false'], project);
    } catch (error) {
      output = String((error as { stdout?: unknown }).stdout) + String((error as { stderr?: unknown }).stderr);
    }
    expect(output).toBe('');
  });

  it('has no eval or new Function in anything it ships', () => {
    const shipped = readdirSync(join(installed, 'dist')).filter((f) => /\.(c|m)?js$/.test(f));

    expect(shipped.length).toBeGreaterThanOrEqual(6);
    for (const file of shipped) {
      const code = readFileSync(join(installed, 'dist', file), 'utf8');
      expect(code, file).not.toMatch(/\beval\s*\(|\bnew\s+Function\s*\(/);
    }
  });
});

describe('the files npm would publish', () => {
  it('are the manifest, the README and licence, and dist/ only', () => {
    const [packed] = JSON.parse(sh(npm, ['pack', '--dry-run', '--json'], root)) as [{ files: { path: string }[] }];
    const paths = packed.files.map((f) => f.path);

    expect(paths).toContain('package.json');
    expect(paths.filter((p) => !/^(package\.json|README\.md|LICENSE(\.md)?|dist\/.+)$/.test(p))).toEqual([]);
  }, 60_000);
});
