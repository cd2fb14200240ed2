// `npm run bench`: duckcall's performance targets, each measured against its baseline in the same
// run, written to BENCHMARKS.md (the table) and bench/results.json (every raw number).
//
//   npm run bench                      every row; writes BENCHMARKS.md and bench/results.json
//   npm run bench -- --quick           fewer, shorter rounds: a smoke run (writes bench/.build/results.json only)
//   npm run bench -- --only a,b        just those rows (ids in the table); writes bench/.build/results.json only
//   npm run bench -- --only builds     the three build-speed rows (warm-edit, vite-build, generate)
//   npm run bench -- --build           rebuild dist/ first (otherwise it is built only when missing)
//
// Steps: build dist/ if it is missing; compile bench/src ahead of time (tspc with duckcall's and
// typia's transformers, plus plain tsc for src/plain/); run each runtime row in a process of its
// own, its variants side by side in alternating rounds (bench/src/harness.ts); time tspc against
// tsc on a generated project (bench/lib/compile-time.mjs); bundle and gzip the runtime core
// (bench/lib/size.mjs); on a generated 300-module app (bench/lib/app300.mjs), time a warm
// re-transform after an edit, vite build with and without duckcall/vite, and duckcall generate
// against tsc --noEmit (bench/lib/build-speed.mjs). Ratios are medians of per-round ratios: absolute times drift on shared
// machines, ratios measured side by side hold. Nothing here uses eval or new Function.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp, generateVsTsc, viteBuild, warmEdit } from './lib/build-speed.mjs';
import { compileTime } from './lib/compile-time.mjs';
import { markdown } from './lib/report.mjs';
import { coreSize } from './lib/size.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const build = join(here, '.build');
const started = Date.now();
const loadAtStart = os.loadavg()[0];

// ---- the rows -----------------------------------------------------------------------------------

const TYPED = 'duckcall overload (typed cases)';
const HAND = 'hand-written chain';

/**
 * Runtime rows: `module`/`row` name the row in bench/src (child.ts), `graded` the variants whose
 * ratio to the baseline is held to `target` (`max`: ratio ≤ max; `min`: ratio ≥ min, the baseline
 * being duckcall there; `maxUs`: the graded variant's own time per call).
 */
const ROWS = [
  {
    id: 'dispatch-mixed',
    what: 'dispatch, 4 cases (number, string, class instance, (number, number)), mixed call site',
    module: 'dispatch', row: 'mixed', graded: [TYPED], target: { max: 1.2 },
  },
  ...['number', 'string', 'vec', 'pair'].map((kind) => ({
    id: `dispatch-one-${kind}`,
    what: `same, call site that sees one type: ${kind === 'vec' ? 'class instance' : kind === 'pair' ? '(number, number)' : kind}`,
    module: 'dispatch', row: `one-${kind}`, graded: [TYPED], target: { max: 1.1 },
  })),
  ...['number', 'string', 'vec', 'pair'].map((kind) => ({
    id: `direct-${kind}`,
    what: `same call site with the transformer's \`"directCalls": true\`, which calls the case the static types select: ${kind === 'vec' ? 'class instance' : kind === 'pair' ? '(number, number)' : kind}`,
    module: 'dispatch', row: `direct-${kind}`, graded: ['duckcall overload, directCalls on'], target: { max: 1.05 },
  })),
  {
    id: 'when-mixed',
    what: 'same 4 cases, `when` + constructor matchers, no transformer, mixed call site',
    module: 'when', row: 'mixed', graded: ['duckcall overload (when + constructor matchers)'], target: { max: 2 },
  },
  {
    id: 'shapes-tagged',
    what: 'dispatch over 4 interface-typed object cases, discriminated (`kind`)',
    module: 'shapes', row: 'tagged', graded: [TYPED], target: { max: 1.3 },
  },
  {
    id: 'shapes-untagged',
    what: 'dispatch over 4 interface-typed object cases, not discriminated',
    module: 'shapes', row: 'untagged', graded: [TYPED], target: { max: 1.3 },
  },
  {
    id: 'others',
    what: '@arrows/multimethod and ts-pattern on the 4-case job, mixed call site',
    module: 'others', row: 'mixed', graded: ['@arrows/multimethod', 'ts-pattern'], target: { min: 5 },
  },
  {
    id: 'is-valid',
    what: 'is<T> on a 7-field nested payload, valid',
    module: 'payload', row: 'valid', graded: ['duckcall is<Payload>'], target: { max: 1.1 },
  },
  {
    id: 'is-invalid',
    what: 'is<T> on a 7-field nested payload, invalid (one wrong field, each of the 9 leaves in turn)',
    module: 'payload', row: 'invalid', graded: ['duckcall is<Payload>'], target: { max: 1.1 },
  },
  {
    id: 'libs-valid',
    what: 'is<T> on that payload vs zod 4, valibot, arktype, ajv, valid',
    module: 'payload-libs', row: 'valid',
    graded: ['zod 4 safeParse().success', 'valibot is()', 'arktype allows()', 'ajv compiled validate()'], target: { min: 1 },
  },
  {
    id: 'libs-invalid',
    what: 'is<T> on that payload vs zod 4, valibot, arktype, ajv, invalid',
    module: 'payload-libs', row: 'invalid',
    graded: ['zod 4 safeParse().success', 'valibot is()', 'arktype allows()', 'ajv compiled validate()'], target: { min: 1 },
  },
  {
    id: 'no-match',
    what: 'no case matches (NoMatchingOverloadError with every candidate\'s reasons), 4 cases',
    module: 'no-match', row: 'throw', graded: [TYPED], target: { maxUs: 20 },
  },
];
const COMPILE_ROW = { id: 'tspc', what: 'tspc with duckcall on a generated project of 200 overload sets', target: { max: 2 } };
const SIZE_ROW = { id: 'size', what: 'runtime core (overload + when + errors), minified + gzipped', target: { maxBytes: 3072 } };
/** The build-speed rows, on the generated 300-module app. */
const BUILD_ROWS = {
  warm: {
    id: 'warm-edit',
    what: 'warm re-transform of one edited duckcall module of a 300-module app, through the engine the bundler plugins use',
    target: { maxMs: 50 },
  },
  vite: { id: 'vite-build', what: '`vite build` of the 300-module app (100 modules use duckcall)', target: {} },
  generate: { id: 'generate', what: '`duckcall generate` on the 300-module app', target: { max: 1.5 } },
};
const BUILD_IDS = Object.values(BUILD_ROWS).map((r) => r.id);
const ALL_IDS = [...ROWS.map((r) => r.id), COMPILE_ROW.id, SIZE_ROW.id, ...BUILD_IDS];

// ---- arguments ----------------------------------------------------------------------------------

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(`--${name}`);
const value = (name) => {
  const i = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return undefined;
  return argv[i].includes('=') ? argv[i].slice(argv[i].indexOf('=') + 1) : argv[i + 1];
};
const quick = flag('quick');
const only = value('only')
  ?.split(',')
  .filter(Boolean)
  .flatMap((id) => (id === 'builds' ? BUILD_IDS : [id]));
for (const id of only ?? []) {
  if (!ALL_IDS.includes(id)) {
    console.error(`bench: no row ${id}; rows: ${ALL_IDS.join(', ')}`);
    process.exit(2);
  }
}
const settings = {
  quick,
  rounds: Number(value('rounds') ?? (quick ? 5 : 21)),
  warmup: Number(value('warmup') ?? (quick ? 2 : 5)),
  targetMs: Number(value('target-ms') ?? (quick ? 8 : 25)),
  compileRuns: Number(value('compile-runs') ?? (quick ? 1 : 5)),
  buildRuns: Number(value('build-runs') ?? (quick ? 1 : 5)),
  editProcesses: Number(value('edit-processes') ?? (quick ? 1 : 3)),
  edits: Number(value('edits') ?? (quick ? 5 : 20)),
};
const official = !quick && !only && argv.every((a) => a === '--build');
const wanted = (id) => !only || only.includes(id);

// ---- build and compile --------------------------------------------------------------------------

function run(label, command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20, ...options });
  if (result.status !== 0) {
    console.error(`bench: ${label} failed (exit ${result.status ?? result.signal})`);
    if (result.stdout) console.error(result.stdout);
    if (result.stderr) console.error(result.stderr);
    if (result.error) console.error(result.error);
    process.exit(1);
  }
  return result;
}

const needsCli = wanted(BUILD_ROWS.generate.id);
const dist = ['index.js', 'transformer.cjs', 'vite.js', ...(needsCli ? ['cli.js'] : [])].map((f) => join(root, 'dist', f));
if (flag('build') || !dist.every((f) => existsSync(f))) {
  console.log('bench: building dist/ (npm run build)');
  run('npm run build', process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build'], { stdio: 'inherit' });
}

const tspc = join(root, 'node_modules', 'ts-patch', 'bin', 'tspc.js');
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const needsSources = ROWS.some((r) => wanted(r.id));
if (needsSources) {
  rmSync(join(build, 'js'), { recursive: true, force: true });
  console.log('bench: compiling bench/src (tspc with duckcall + typia transformers; src/plain with plain tsc)');
  run('tspc -p bench/tsconfig.json', process.execPath, [tspc, '-p', join(here, 'tsconfig.json')]);
  run('tsc -p bench/tsconfig.plain.json', process.execPath, [tsc, '-p', join(here, 'tsconfig.plain.json')]);
}

// ---- measure ------------------------------------------------------------------------------------

const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const quantile = (values, q) => {
  const s = [...values].sort((a, b) => a - b);
  const at = (s.length - 1) * q;
  const lo = Math.floor(at);
  return s[lo] + (s[Math.min(lo + 1, s.length - 1)] - s[lo]) * (at - lo);
};
const summary = (values) => ({ median: median(values), p25: quantile(values, 0.25), p75: quantile(values, 0.75) });

function runtimeRow(spec) {
  const child = join(build, 'js', 'child.js');
  const args = ['--expose-gc', child, spec.module, spec.row, settings.rounds, settings.warmup, settings.targetMs].map(String);
  const result = run(`row ${spec.id}`, process.execPath, args);
  const raw = JSON.parse(result.stdout.trim().split('\n').pop());
  const base = raw.variants.find((v) => v.name === raw.baseline);
  const variants = raw.variants.map((v) => {
    const ratios = v.ns.map((ns, i) => ns / base.ns[i]);
    return { name: v.name, calls: v.calls, ns: v.ns, nsPerCall: summary(v.ns), ratio: summary(ratios), ratios };
  });
  const graded = variants.filter((v) => spec.graded.includes(v.name));
  const t = spec.target;
  const passes = graded.every((v) =>
    t.max !== undefined ? v.ratio.median <= t.max : t.min !== undefined ? v.ratio.median >= t.min : v.nsPerCall.median / 1000 < t.maxUs,
  );
  return { ...spec, kind: 'runtime', baseline: raw.baseline, variants, pass: passes };
}

const results = [];
const say = (line) => process.stdout.write(`${line}\n`);
for (const spec of ROWS) {
  if (!wanted(spec.id)) continue;
  const t0 = Date.now();
  const row = runtimeRow(spec);
  results.push(row);
  say(`bench: ${spec.id.padEnd(20)} ${row.pass ? 'pass' : 'MISS'}  ${lineFor(row)}  (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
}

if (wanted(COMPILE_ROW.id)) {
  const t0 = Date.now();
  const r = compileTime({ root, runs: settings.compileRuns, sets: 200 });
  const row = { ...COMPILE_ROW, kind: 'compile', ...r, pass: r.ratio.median <= COMPILE_ROW.target.max };
  results.push(row);
  say(`bench: ${row.id.padEnd(20)} ${row.pass ? 'pass' : 'MISS'}  tspc+duckcall / tsc = ${r.ratio.median.toFixed(2)}× (${(r.ms.tspc.median / 1000).toFixed(2)} s vs ${(r.ms.tsc.median / 1000).toFixed(2)} s)  (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
}

if (wanted(SIZE_ROW.id)) {
  const r = await coreSize(root);
  const row = { ...SIZE_ROW, kind: 'size', ...r, pass: r.core.gzip <= SIZE_ROW.target.maxBytes };
  results.push(row);
  say(`bench: ${row.id.padEnd(20)} ${row.pass ? 'pass' : 'MISS'}  ${r.core.gzip} B min+gz (${r.core.minified} B min); whole runtime ${r.all.gzip} B`);
}

if (BUILD_IDS.some(wanted)) {
  const app = createApp(root);
  try {
    const secondsSince = (t0) => `(${((Date.now() - t0) / 1000).toFixed(1)} s)`;
    if (wanted(BUILD_ROWS.warm.id)) {
      const t0 = Date.now();
      mkdirSync(build, { recursive: true });
      const r = await warmEdit({ root, app, buildDir: build, runs: settings.editProcesses, edits: settings.edits });
      const row = { ...BUILD_ROWS.warm, kind: 'warm-edit', ...r, pass: r.ms.own.median <= BUILD_ROWS.warm.target.maxMs };
      results.push(row);
      say(`bench: ${row.id.padEnd(20)} ${row.pass ? 'pass' : 'MISS'}  ${r.ms.own.median.toFixed(1)} ms median over ${r.edits} edits, ${fmtRatio(r.ratio.median)} of a cold transform (${fmtSeconds(r.ms.cold.median)}); after a type edit ${r.ms.type.median.toFixed(1)} ms; CPU ${r.cpuMs.own.median.toFixed(1)} ms per edit  ${secondsSince(t0)}`);
    }
    if (wanted(BUILD_ROWS.vite.id)) {
      const t0 = Date.now();
      const r = viteBuild({ root, app, runs: settings.buildRuns });
      const row = { ...BUILD_ROWS.vite, kind: 'vite-build', ...r, pass: true };
      results.push(row);
      say(`bench: ${row.id.padEnd(20)} (reported)  with duckcall/vite / without = ${fmtRatio(r.ratio.median)} (${fmtSeconds(r.ms.duckcall.median)} vs ${fmtSeconds(r.ms.plain.median)})${r.cpuRatio ? `; CPU time ${fmtRatio(r.cpuRatio.median)}` : ''}  ${secondsSince(t0)}`);
    }
    if (wanted(BUILD_ROWS.generate.id)) {
      const t0 = Date.now();
      const r = generateVsTsc({ root, app, runs: settings.buildRuns });
      const row = { ...BUILD_ROWS.generate, kind: 'generate', ...r, pass: r.ratio.median <= BUILD_ROWS.generate.target.max };
      results.push(row);
      say(`bench: ${row.id.padEnd(20)} ${row.pass ? 'pass' : 'MISS'}  duckcall generate / tsc --noEmit = ${fmtRatio(r.ratio.median)} (${fmtSeconds(r.ms.generate.median)} vs ${fmtSeconds(r.ms.tsc.median)})${r.cpuRatio ? `; CPU time ${fmtRatio(r.cpuRatio.median)}` : ''}  ${secondsSince(t0)}`);
    }
  } finally {
    app.dispose();
  }
}

function fmtRatio(r) {
  return r < 0.1 ? `${r.toFixed(3)}×` : `${r.toFixed(2)}×`;
}
function fmtSeconds(ms) {
  return `${(ms / 1000).toFixed(2)} s`;
}

function lineFor(row) {
  const base = row.variants.find((v) => v.name === row.baseline);
  if (row.target.maxUs !== undefined) {
    const v = row.variants.find((x) => row.graded.includes(x.name));
    return `${(v.nsPerCall.median / 1000).toFixed(2)} µs per failed call`;
  }
  const parts = row.variants
    .filter((v) => v !== base)
    .map((v) => `${v.name}: ${v.ratio.median.toFixed(2)}×`);
  return `${parts.join(', ')}  [${row.baseline} = ${fmtNs(base.nsPerCall.median)}]`;
}
function fmtNs(ns) {
  return ns >= 1000 ? `${(ns / 1000).toFixed(2)} µs` : `${ns.toFixed(ns < 10 ? 2 : 1)} ns`;
}

// ---- write --------------------------------------------------------------------------------------

function git(...args) {
  const r = spawnSync('git', args, { cwd: root, encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}
function versionOf(name) {
  try {
    return JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}
const cpus = os.cpus();
const report = {
  date: new Date().toISOString(),
  command: `npm run bench${argv.length ? ` -- ${argv.join(' ')}` : ''}`,
  settings,
  machine: {
    cpu: cpus[0]?.model,
    cores: cpus.length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    loadAverage: { start: loadAtStart, end: os.loadavg()[0] },
  },
  node: process.version,
  v8: process.versions.v8,
  duckcall: {
    version: JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version,
    commit: git('rev-parse', '--short', 'HEAD'),
    // Uncommitted changes to what is measured (the runtime, the transformer), if any.
    dirty: (git('status', '--porcelain', '--', 'src', 'transformer') ?? '') !== '',
  },
  versions: Object.fromEntries(
    ['typescript', 'ts-patch', 'typia', '@typia/core', 'zod', 'valibot', 'arktype', 'ajv', '@arrows/multimethod', 'ts-pattern', 'esbuild', 'vite', 'unplugin'].map((n) => [n, versionOf(n)]),
  ),
  seconds: Math.round((Date.now() - started) / 1000),
  rows: results,
};

mkdirSync(build, { recursive: true });
if (official) {
  writeFileSync(join(here, 'results.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(root, 'BENCHMARKS.md'), markdown(report, { rows: ROWS, compileRow: COMPILE_ROW, sizeRow: SIZE_ROW, buildRows: BUILD_ROWS }));
  say(`\nbench: wrote BENCHMARKS.md and ${relative(root, join(here, 'results.json'))} (${report.seconds} s)`);
} else {
  writeFileSync(join(build, 'results.json'), `${JSON.stringify(report, null, 2)}\n`);
  say(`\nbench: wrote ${relative(root, join(build, 'results.json'))} (${report.seconds} s; BENCHMARKS.md is written by a full \`npm run bench\` only)`);
}
const missed = results.filter((r) => !r.pass).map((r) => r.id);
say(missed.length ? `bench: ${results.length - missed.length} of ${results.length} rows meet their target; missed: ${missed.join(', ')}` : `bench: all ${results.length} rows meet their target`);
