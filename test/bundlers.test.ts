/**
 * The same small app built with every bundler duckcall has a plugin for, from the packed tarball, as
 * users install it, each with the config the README shows (test/fixtures/readme-snippets/), and each
 * output run with Node. Then the app with a shadowed case: every build fails with duckcall's
 * diagnostic in tsc's form, in a few lines.
 *
 * One scratch project for the whole file, installed once.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../transformer/lower/diagnostics.js';
import { exec, packPackage, root, sh } from './support/pack.js';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const snippets = join(root, 'test', 'fixtures', 'readme-snippets');

const types = `export interface Circle { kind: 'circle'; r: number }
export interface Rect { kind: 'rect'; w: number; h: number }
export interface Duck { readonly name: string; quack(): string }
`;

const shapes = `import { overload } from 'duckcall';
import type { Circle, Rect } from './types';

export const area = overload(
  (s: Circle) => Math.round(Math.PI * s.r ** 2),
  (s: Rect) => s.w * s.h,
  (w: number, h: number) => w * h,
);
`;

/** Line 6, column 3: a case that can never run, since the first accepts every Rect. */
const shadowedShapes = `import { overload } from 'duckcall';
import type { Circle, Rect } from './types';

export const area = overload(
  (s: Circle | Rect) => ('r' in s ? s.r : s.w),
  (s: Rect) => s.w * s.h,
);
`;

/** A module without duckcall calls: the bundler's own TypeScript handling takes it. */
const label = `export function label(name: string, value: unknown): string {
  return \`\${name}=\${JSON.stringify(value)}\`;
}
`;

const main = `import { is, protocol, NoMatchingOverloadError } from 'duckcall';
import type { Duck } from './types';
import { area } from './shapes';
import { label } from './label';

const Ducks = protocol<Duck>();
let failure = 'none';
try {
  (area as unknown as (x: unknown) => number)('square');
} catch (error) {
  failure = error instanceof NoMatchingOverloadError ? error.code : String(error);
}
console.log([
  label('circle', area({ kind: 'circle', r: 1 })),
  label('rect', area({ kind: 'rect', w: 2, h: 3 })),
  label('pair', area(4, 5)),
  label('duck', is<Duck>({ name: 'Donald', quack: () => 'quack' })),
  label('dog', is<Duck>({ name: 'Rex' })),
  label('protocol', Ducks.is({ name: 'Daisy', quack() { return 'quack'; } })),
  label('failure', failure),
].join('\\n'));
`;

const expected = ['circle=3', 'rect=6', 'pair=20', 'duck=true', 'dog=false', 'protocol=true', 'failure="ERR_NO_MATCHING_OVERLOAD"'].join('\n');

const tsconfig = {
  compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', strict: true, skipLibCheck: true, types: [], noEmit: true },
  include: ['src'],
};

/** Runs webpack or Rspack through its Node API with the config as given, printing what their CLIs print. */
const webpackLikeRunner = (bundler: string, config: string) => `import bundler from '${bundler}';
import config from './${config}';

bundler(config, (error, stats) => {
  if (error) {
    console.error(error.message);
    process.exit(1);
  }
  if (stats.hasErrors()) {
    console.error(stats.toString({ preset: 'normal', colors: false }));
    process.exit(1);
  }
});
`;

/**
 * Watch mode, or esbuild's rebuild: builds, prints the app's `duck=` line, adds a required property to
 * the type-only imported Duck, waits for the rebuild and prints the line again.
 */
const watchScript = (setup: string, output: string) => `import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const duckLine = () => execFileSync(process.execPath, ['${output}'], { encoding: 'utf8' }).split('\\n').find((line) => line.startsWith('duck='));
const original = readFileSync('src/types.ts', 'utf8');
let builds = 0;
setTimeout(() => {
  console.log('no rebuild');
  process.exit(2);
}, 60_000);

/** Called after each finished build; the second one ends the run. */
async function built(stop) {
  builds += 1;
  console.log(duckLine());
  if (builds === 1) {
    await new Promise((resolve) => setTimeout(resolve, 300));
    writeFileSync('src/types.ts', original.replace('quack(): string }', 'quack(): string; feathers: number }'));
    return;
  }
  writeFileSync('src/types.ts', original);
  await stop();
  process.exit(0);
}

${setup}
`;

const watchSetups: Record<string, string> = {
  esbuild: `import { context } from 'esbuild';
import duckcall from 'duckcall/esbuild';

const ctx = await context({ entryPoints: ['src/main.ts'], bundle: true, platform: 'node', format: 'esm', outfile: 'dist/esbuild/main.js', plugins: [duckcall()] });
await ctx.rebuild();
await built(() => ctx.dispose());
await ctx.rebuild();
await built(() => ctx.dispose());`,
  rollup: `import { watch } from 'rollup';
import config from './rollup.config.mjs';

const watcher = watch({ ...config, watch: { clearScreen: false } });
watcher.on('event', async (event) => {
  if (event.code === 'ERROR') throw event.error;
  if (event.code === 'BUNDLE_END') {
    await event.result.close();
    await built(() => watcher.close());
  }
});`,
  rolldown: `import { watch } from 'rolldown';
import config from './rolldown.config.mjs';

const watcher = watch(config);
watcher.on('event', async (event) => {
  if (event.code === 'ERROR') throw event.error;
  if (event.code === 'BUNDLE_END') {
    await event.result.close();
    await built(() => watcher.close());
  }
});`,
  webpack: `import webpack from 'webpack';
import config from './webpack.config.mjs';

const watching = webpack(config).watch({ aggregateTimeout: 50 }, async (error, stats) => {
  if (error || stats.hasErrors()) throw error ?? new Error(stats.toString('errors-only'));
  await built(() => new Promise((resolve) => watching.close(resolve)));
});`,
  rspack: `import rspack from '@rspack/core';
import config from './rspack.config.mjs';

const watching = rspack(config).watch({ aggregateTimeout: 50 }, async (error, stats) => {
  if (error || stats.hasErrors()) throw error ?? new Error(stats.toString('errors-only'));
  await built(() => new Promise((resolve) => watching.close(resolve)));
});`,
};

interface Bundler {
  readonly name: string;
  /** The program that runs the build, relative to the project; default: this Node. */
  readonly command?: string;
  /** The command's arguments for the build, run in the project. */
  readonly build: readonly string[];
  /** The built program, relative to the project. */
  readonly output: string;
}

const bundlers: readonly Bundler[] = [
  { name: 'vite', build: ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], output: 'dist/vite/main.js' },
  { name: 'rollup', build: ['node_modules/rollup/dist/bin/rollup', '-c', 'rollup.config.mjs', '--silent'], output: 'dist/rollup/main.js' },
  { name: 'rolldown', build: ['node_modules/rolldown/bin/cli.mjs', '-c', 'rolldown.config.mjs'], output: 'dist/rolldown/main.js' },
  { name: 'esbuild', build: ['esbuild.build.mjs'], output: 'dist/esbuild/main.js' },
  { name: 'esbuild (tsup)', build: ['node_modules/tsup/dist/cli-default.js', '--silent'], output: 'dist/tsup/main.js' },
  { name: 'webpack', build: ['build-webpack.mjs'], output: 'dist/webpack/main.cjs' },
  { name: 'rspack', build: ['build-rspack.mjs'], output: 'dist/rspack/main.cjs' },
  // The bun package's binary, run on the README's build script; the output runs in Node like the others'.
  { name: 'bun', command: join('node_modules', 'bun', 'bin', 'bun.exe'), build: ['build.ts'], output: 'dist/bun/main.js' },
];

/** Runs a bundler's build in `project`, whatever its exit code. */
function runBuild({ command, build }: Bundler, project: string) {
  return exec(command === undefined ? process.execPath : join(project, command), build, project);
}

let scratch: string;
/** The app as it should be. */
let app: string;
/** The same app with a shadowed case, sharing the app's node_modules. */
let broken: string;
/** The same app without a tsconfig.json, sharing the app's node_modules. */
let unconfigured: string;
/** The same app for watch mode, whose types.ts the tests edit, sharing the app's node_modules. */
let watched: string;

function writeApp(directory: string, shapesSource: string, withTsconfig = true): void {
  mkdirSync(join(directory, 'src'), { recursive: true });
  if (withTsconfig) writeFileSync(join(directory, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
  writeFileSync(join(directory, 'src', 'types.ts'), types);
  writeFileSync(join(directory, 'src', 'shapes.ts'), shapesSource);
  writeFileSync(join(directory, 'src', 'label.ts'), label);
  writeFileSync(join(directory, 'src', 'main.ts'), main);
  for (const file of ['vite.config.ts', 'rollup.config.mjs', 'rolldown.config.mjs', 'esbuild.build.mjs', 'tsup.config.ts', 'webpack.config.mjs', 'rspack.config.mjs']) {
    copyFileSync(join(snippets, file), join(directory, file));
  }
  copyFileSync(join(snippets, 'bun.build.ts'), join(directory, 'build.ts'));
  writeFileSync(join(directory, 'build-webpack.mjs'), webpackLikeRunner('webpack', 'webpack.config.mjs'));
  writeFileSync(join(directory, 'build-rspack.mjs'), webpackLikeRunner('@rspack/core', 'rspack.config.mjs'));
}

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'duckcall-bundlers-'));
  const tarball = packPackage(scratch);
  app = join(scratch, 'app');
  writeApp(app, shapes);
  const manifest = {
    name: 'bundled-app',
    version: '1.0.0',
    private: true,
    type: 'module',
    dependencies: { duckcall: `file:${tarball}` },
    devDependencies: {
      typescript: '6.0.3',
      vite: '8.3.8',
      rollup: '4.67.4',
      'rollup-plugin-esbuild': '6.2.1',
      rolldown: '1.2.19',
      esbuild: '0.27.7',
      tsup: '8.5.1',
      webpack: '5.113.0',
      'ts-loader': '9.6.2',
      '@rspack/core': '2.3.4',
      bun: '1.4.5',
    },
    overrides: { rollup: '4.67.4' },
  };
  writeFileSync(join(app, 'package.json'), JSON.stringify(manifest, null, 2));
  sh(npm, ['install', '--prefer-offline', '--no-audit', '--no-fund'], app);
  broken = join(scratch, 'broken');
  writeApp(broken, shadowedShapes);
  unconfigured = join(scratch, 'unconfigured');
  writeApp(unconfigured, shapes, false);
  watched = join(scratch, 'watched');
  writeApp(watched, shapes);
  for (const variant of [broken, unconfigured, watched]) {
    writeFileSync(join(variant, 'package.json'), JSON.stringify(manifest, null, 2));
    symlinkSync(join(app, 'node_modules'), join(variant, 'node_modules'), 'junction');
  }
}, 600_000);

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
}, 60_000);

// The builds are independent (each bundler writes its own dist/ folder, each variant is its own
// folder), so they run side by side; watch mode edits one file and stays one at a time.
describe.concurrent('each bundler', () => {
  it.for(bundlers)('duckcall/$name builds the app with the README config, and the output runs in Node', async (bundler, { expect }) => {
    const built = await runBuild(bundler, app);
    expect(built.stderr + built.stdout, 'the build').not.toMatch(/error/i);
    expect(built.status).toBe(0);

    const ran = await exec(process.execPath, [bundler.output], app);

    expect(ran.stderr).toBe('');
    expect(ran.stdout.trim()).toBe(expected);
  });

  it.for(bundlers)('duckcall/$name fails a build with a shadowed case in a few lines, naming the file and line as tsc does', async (bundler, { expect }) => {
    const built = await runBuild(bundler, broken);
    const printed = `${built.stdout}\n${built.stderr}`;

    expect(built.status).not.toBe(0);
    expect(printed).toContain(`src/shapes.ts(6,3): error TS990001: duckcall: ${messages.shadowed(1, 0, '(s: Rect) => number', '(s: Circle | Rect) => number')}`);
    // No stack trace of duckcall's own: the diagnostic is the message.
    expect(printed).not.toMatch(/^\s+at .*duckcall[\\/]dist/m);
    expect(printed.trim().split('\n').length).toBeLessThan(40);
  });

  it.for(bundlers.filter(({ name }) => ['vite', 'esbuild', 'webpack'].includes(name)))('duckcall/$name without a tsconfig fails the build with the setup problem, once, in one line', async (bundler, { expect }) => {
    const built = await runBuild(bundler, unconfigured);
    const printed = `${built.stdout}\n${built.stderr}`;

    expect(built.status).not.toBe(0);
    expect(printed).toMatch(/duckcall: no tsconfig\.json found in \. or above it/);
    // One error for the build, not one per TypeScript module (esbuild prints each error twice).
    expect(printed).toMatch(/\b1 error\b/);
    expect(printed).not.toMatch(/^\s+at .*duckcall[\\/]dist/m);
  });
});

describe.each(bundlers.filter(({ name }) => name in watchSetups))('duckcall/$name in watch mode', ({ name, output }) => {
  it('rebuilds with the new guard when a type-only imported file changes', async () => {
    writeFileSync(join(watched, `watch-${name}.mjs`), watchScript(watchSetups[name]!, output));

    const watching = await exec(process.execPath, [`watch-${name}.mjs`], watched);

    expect(watching.stderr).toBe('');
    expect(watching.stdout.trim().split('\n')).toEqual(['duck=true', 'duck=false']);
    expect(watching.status).toBe(0);
  });
});

/**
 * A CommonJS consumer of duckcall/vite in TypeScript (`import = require`, and a default import,
 * which compiles to a require) and of duckcall/webpack in a type-checked CommonJS webpack config.
 */
const cjsConsumer = `import duckcall = require('duckcall/vite');
import viaDefault from 'duckcall/vite';
import type { Plugin } from 'vite';
import webpackConfig = require('./webpack.config.cjs');

const options: duckcall.DuckcallViteOptions = { tsconfig: 'tsconfig.json' };
const plugin: Plugin = duckcall(options);
// @ts-expect-error not an option
duckcall({ tsconfg: 'tsconfig.json' });
console.log(JSON.stringify({ plugin: typeof duckcall, name: plugin.name, sameAsDefault: viaDefault === duckcall, webpackPlugin: typeof webpackConfig.plugins?.[0] }));
`;

const cjsWebpackConfig = `// @ts-check
const duckcall = require('duckcall/webpack');

/** @type {import('webpack').Configuration} */
module.exports = { plugins: [duckcall({ directCalls: true })] };
`;

describe('the plugin entries as an editor sees them', () => {
  it('give CommonJS the plugin function, as the .d.cts types it: require, import = require, a default import', () => {
    const project = join(scratch, 'cjs-consumer');
    mkdirSync(project);
    symlinkSync(join(app, 'node_modules'), join(project, 'node_modules'), 'junction');
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'cjs-consumer', version: '1.0.0', private: true, type: 'commonjs' }));
    writeFileSync(join(project, 'consumer.cts'), cjsConsumer);
    writeFileSync(join(project, 'webpack.config.cjs'), cjsWebpackConfig);
    const compilerOptions = { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, types: [], skipLibCheck: false, allowJs: true, checkJs: true, outDir: 'out' };
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['consumer.cts', 'webpack.config.cjs'] }));

    let checked = '';
    try {
      sh(process.execPath, [join(app, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json', '--pretty', 'false'], project);
    } catch (error) {
      checked = String((error as { stdout?: unknown }).stdout) + String((error as { stderr?: unknown }).stderr);
    }
    expect(checked).toBe('');
    const ran = JSON.parse(sh(process.execPath, [join('out', 'consumer.cjs')], project)) as unknown;

    expect(ran).toEqual({ plugin: 'function', name: 'duckcall', sameAsDefault: true, webpackPlugin: 'object' });
  });


  it('type-check the README config with only that bundler\'s types, not every bundler\'s', () => {
    const dist = join(app, 'node_modules', 'duckcall', 'dist');
    // duckcall/bun declares Bun's plugin shape itself (Bun's types are a package of their own).
    const own = { vite: ['vite'], rollup: ['rollup'], rolldown: ['rolldown'], esbuild: ['esbuild'], webpack: ['webpack'], rspack: ['@rspack/core'], bun: [] };
    for (const [entry, bundler] of Object.entries(own)) {
      for (const extension of ['.d.ts', '.d.cts']) {
        const declarations = readFileSync(join(dist, entry + extension), 'utf8');
        // The entry and the chunks it imports: packages named are its own bundler's, nothing else.
        const chunks = [...declarations.matchAll(/^import .* from '(\.\/[^']+)'/gm)].map(([, chunk]) => readFileSync(join(dist, chunk!.replace(/\.c?js$/, extension)), 'utf8'));
        const packages = [declarations, ...chunks].flatMap((text) => [...text.matchAll(/^import (?:.* from )?'([^.'][^']*)'/gm)].map(([, name]) => name));
        expect(new Set(packages), `${entry}${extension}`).toEqual(new Set(bundler));
      }
    }

    writeFileSync(join(app, 'tsconfig.config.json'), JSON.stringify({ compilerOptions: tsconfig.compilerOptions, files: ['vite.config.ts'] }));
    expect(() => sh(process.execPath, [join(app, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.config.json'], app)).not.toThrow();
  });
});
