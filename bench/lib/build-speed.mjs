// The build-speed rows, on the generated 300-module app (bench/lib/app300.mjs) in a temporary
// directory:
//
// - warm-edit: one duckcall module transformed again after an edit, through the engine the
//   bundler plugins use (transformer/engine, bundled with esbuild for Node), against a cold
//   transform of that module (Engine.open + first transform) in the same process. Each of `runs`
//   fresh processes gives one cold time and `edits` warm times (bench/lib/warm-edit-child.mjs).
// - vite-build: `vite build` with duckcall/vite against the same build without it. Plain Vite
//   cannot run duckcall's calls (the output throws SetupError when run), but it builds.
// - generate: `duckcall generate` (dist/cli.js) against `tsc --noEmit` (TypeScript 6) on the app.
//
// Every timed command runs in a process of its own; variants alternate after one untimed run of
// each; ratios are medians of per-run ratios. Each row checks that what it timed did its job.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeApp } from './app300.mjs';

const here = dirname(fileURLToPath(import.meta.url));
/** The duckcall module whose edits the warm-edit row times: mid-app, so it is nobody's first. */
export const EDITED_MODULE = 150;

const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const stats = (values) => ({ median: median(values), runs: values });

function spawn(label, command, args, options) {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 << 20, ...options });
  if (result.status !== 0) {
    throw new Error(`${label} failed (exit ${result.status ?? result.signal}):\n${result.stdout ?? ''}${result.stderr ?? ''}${result.error ?? ''}`);
  }
  return result;
}

// Where GNU time is installed, each timed command also reports the CPU time it used (user + system,
// its children included): on a shared machine that stays put while wall times wander.
const gnuTime = ['/usr/bin/time'].find((path) => existsSync(path) && spawnSync(path, ['-f', '%U', 'true']).status === 0);
const CPU_MARK = 'duckcall-bench-cpu';

/** Runs a command; its wall time in ms, and its CPU time in ms where GNU time can tell. */
function timed(label, command, args, options) {
  const viaTime = gnuTime !== undefined;
  const start = process.hrtime.bigint();
  const result = viaTime
    ? spawn(label, gnuTime, ['-f', `${CPU_MARK} %U %S`, command, ...args], options)
    : spawn(label, command, args, options);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const cpu = viaTime ? /duckcall-bench-cpu ([\d.]+) ([\d.]+)/.exec(result.stderr) : null;
  return { ms, cpuMs: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : undefined, result };
}

/**
 * Times `variants` (each `{ name, run() → timed(…) }`) `runs` times each, alternating their order,
 * after one untimed run of each. Wall and CPU ms per variant.
 */
function alternate(variants, runs) {
  for (const v of variants) v.run();
  const ms = Object.fromEntries(variants.map((v) => [v.name, []]));
  const cpuMs = Object.fromEntries(variants.map((v) => [v.name, []]));
  for (let run = 0; run < runs; run++) {
    for (let k = 0; k < variants.length; k++) {
      const v = variants[(run + k) % variants.length];
      const t = v.run();
      ms[v.name].push(t.ms);
      if (t.cpuMs !== undefined) cpuMs[v.name].push(t.cpuMs);
    }
  }
  return { ms, cpuMs };
}

/** Median ratio `a / b` of paired runs, or undefined when not measured. */
function pairedRatio(a, b) {
  return a.length > 0 && a.length === b.length ? stats(a.map((t, i) => t / b[i])) : undefined;
}

/** The generated app, written once for all three rows. */
export function createApp(root) {
  const dir = mkdtempSync(join(tmpdir(), 'duckcall-bench-app300-'));
  const app = writeApp(dir, { root, modules: 300 });
  return { dir, ...app, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** transformer/engine bundled for Node (its npm dependencies stay imports), for the warm-edit child. */
async function bundleEngine(root, outDir) {
  const entry = join(root, 'transformer', 'engine', 'index.ts');
  if (!existsSync(entry)) throw new Error(`warm-edit row: ${relative(root, entry)} does not exist yet`);
  const esbuild = await import('esbuild');
  const outfile = join(outDir, 'engine.mjs');
  await esbuild.build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'silent',
    // The engine's CommonJS-style imports of node builtins and typescript work from ESM through this.
    banner: { js: "import { createRequire as __duckcallBenchRequire } from 'node:module'; const require = __duckcallBenchRequire(import.meta.url);" },
  });
  return outfile;
}

export async function warmEdit({ root, app, buildDir, runs, edits }) {
  const engine = await bundleEngine(root, buildDir);
  const child = join(here, 'warm-edit-child.mjs');
  const samples = [];
  for (let run = 0; run < runs; run++) {
    const { result } = timed('warm-edit child', process.execPath, [child, engine, app.dir, String(EDITED_MODULE), String(edits)], { cwd: app.dir });
    samples.push(JSON.parse(result.stdout.trim().split('\n').pop()));
  }
  const cold = samples.map((s) => s.coldMs);
  const own = samples.flatMap((s) => s.ownMs);
  const ownCpu = samples.flatMap((s) => s.ownCpuMs);
  const type = samples.flatMap((s) => s.typeMs);
  const coldMedian = median(cold);
  return {
    module: `src/m${EDITED_MODULE}.ts`,
    edits: own.length,
    typescript: samples[0].typescript,
    ms: {
      cold: stats(cold),
      open: stats(samples.map((s) => s.openMs)),
      firstTransform: stats(samples.map((s) => s.firstTransformMs)),
      own: stats(own),
      type: stats(type),
    },
    cpuMs: { own: stats(ownCpu), cold: stats(samples.map((s) => s.coldCpuMs)) },
    ratio: { median: median(own) / coldMedian },
    ratioType: { median: median(type) / coldMedian },
  };
}

const viteConfig = (outDir, withPlugin) => `${withPlugin ? "import duckcall from 'duckcall/vite';\n\n" : ''}export default {
  logLevel: 'warn',
  plugins: [${withPlugin ? 'duckcall()' : ''}],
  build: { lib: { entry: 'src/main.ts', formats: ['es'], fileName: 'main' }, outDir: '${outDir}', emptyOutDir: true, minify: false },
};
`;

/**
 * The least any build step that asks TypeScript 6's checker about the app pays before it looks at a
 * single module of it, in a process of its own: loading the compiler, parsing the libs its tsconfig
 * names (a Program whose only file is an empty module; JSDoc parsed as the engine parses it) and
 * binding them for the checker. No duckcall, none of the app's files.
 */
const typescriptFloor = (root) => `const ts = require(${JSON.stringify(join(root, 'node_modules', 'typescript'))});
const config = ts.getParsedCommandLineOfConfigFile('tsconfig.json', {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(String(d.messageText)); } });
const host = ts.createCompilerHost(config.options);
host.jsDocParsingMode = ts.JSDocParsingMode.ParseForTypeErrors;
const program = ts.createProgram({ rootNames: ['typescript-floor-empty.ts'], options: config.options, host });
program.getTypeChecker();
if (!program.getSourceFiles().some((file) => program.isSourceFileDefaultLibrary(file))) throw new Error('the Program lacks the libs');
`;

export function viteBuild({ root, app, runs }) {
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  writeFileSync(join(app.dir, 'vite.plain.config.mjs'), viteConfig('out-vite-plain', false));
  writeFileSync(join(app.dir, 'vite.duckcall.config.mjs'), viteConfig('out-vite-duckcall', true));
  writeFileSync(join(app.dir, 'typescript-floor.cjs'), typescriptFloor(root));
  writeFileSync(join(app.dir, 'typescript-floor-empty.ts'), 'export {};\n');
  const build = (config) => () => timed(`vite build --config ${config}`, process.execPath, [vite, 'build', '--config', config], { cwd: app.dir });
  const { ms, cpuMs } = alternate(
    [
      { name: 'plain', run: build('vite.plain.config.mjs') },
      { name: 'duckcall', run: build('vite.duckcall.config.mjs') },
      { name: 'typescript', run: () => timed('node typescript-floor.cjs', process.execPath, ['typescript-floor.cjs'], { cwd: app.dir }) },
    ],
    runs,
  );
  // With the plugin the app runs and every guard does its job; without it, duckcall says it was not set up.
  const ran = spawn('node out-vite-duckcall/main.js', process.execPath, [join(app.dir, 'out-vite-duckcall', 'main.js')], { cwd: app.dir });
  if (ran.stdout.trim() !== app.expected) throw new Error(`vite-build row: the app built with duckcall/vite printed ${JSON.stringify(ran.stdout.trim())}, not ${JSON.stringify(app.expected)}`);
  const plain = spawnSync(process.execPath, [join(app.dir, 'out-vite-plain', 'main.js')], { cwd: app.dir, encoding: 'utf8' });
  if (plain.status === 0 || !plain.stderr.includes('SetupError')) throw new Error('vite-build row: the app built without duckcall/vite ran; was the plugin in the plain build?');
  return {
    ms: { plain: stats(ms.plain), duckcall: stats(ms.duckcall), typescript: stats(ms.typescript) },
    ratio: pairedRatio(ms.duckcall, ms.plain),
    typescriptRatio: pairedRatio(ms.typescript, ms.plain),
    cpuMs: { plain: stats(cpuMs.plain), duckcall: stats(cpuMs.duckcall) },
    cpuRatio: pairedRatio(cpuMs.duckcall, cpuMs.plain),
  };
}

export function generateVsTsc({ root, app, runs }) {
  const cli = join(root, 'dist', 'cli.js');
  if (!existsSync(cli)) throw new Error('generate row: dist/cli.js does not exist (run npm run build)');
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const outDir = join(app.dir, 'out-generate');
  const { ms, cpuMs } = alternate(
    [
      { name: 'tsc', run: () => timed('tsc --noEmit', process.execPath, [tsc, '--noEmit', '-p', 'tsconfig.json'], { cwd: app.dir }) },
      {
        name: 'generate',
        run: () => {
          rmSync(outDir, { recursive: true, force: true });
          return timed('duckcall generate', process.execPath, [cli, 'generate', '-p', 'tsconfig.json', '--out-dir', 'out-generate'], { cwd: app.dir });
        },
      },
    ],
    runs,
  );
  // Every source file written, each duckcall module with its guards.
  const written = readdirSync(outDir, { recursive: true }).filter((f) => String(f).endsWith('.ts'));
  if (written.length !== app.files.length + 1) throw new Error(`generate row: wrote ${written.length} files, expected ${app.files.length + 1}`);
  const sample = readFileSync(join(outDir, `m${EDITED_MODULE}.ts`), 'utf8');
  if (sample === readFileSync(join(app.dir, 'src', `m${EDITED_MODULE}.ts`), 'utf8')) throw new Error('generate row: the duckcall module was written unchanged');
  const version = JSON.parse(readFileSync(join(root, 'node_modules', 'typescript', 'package.json'), 'utf8')).version;
  return {
    typescript: version,
    files: written.length,
    ms: { tsc: stats(ms.tsc), generate: stats(ms.generate) },
    ratio: pairedRatio(ms.generate, ms.tsc),
    cpuMs: { tsc: stats(cpuMs.tsc), generate: stats(cpuMs.generate) },
    cpuRatio: pairedRatio(cpuMs.generate, cpuMs.tsc),
  };
}
