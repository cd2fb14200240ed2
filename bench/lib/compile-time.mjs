// The compile-time row: plain tsc against tspc with duckcall's transformer, on a generated project
// of N overload sets (10 per file), in a temporary directory. The runs alternate (tsc, tspc, tspc
// without plugins, then the next order), after one untimed run of each; the ratio is the median of
// per-run ratios.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One overload set of 6 typed cases, with the types its guards are made from. */
function overloadSet(i) {
  return `
export interface Circle${i} { kind: 'circle'; r: number; label?: string }
export interface Rect${i} { kind: 'rect'; w: number; h: number; tags: string[] }
export interface Path${i} { points: { x: number; y: number }[]; closed: boolean }
export class Vec${i} {
  #id = ${i};
  constructor(readonly x: number, readonly y: number) {}
  get id(): number { return this.#id; }
}

export const area${i} = overload(
  (s: Circle${i}) => Math.PI * s.r ** 2,
  (s: Rect${i}) => s.w * s.h,
  (p: Path${i}) => (p.closed ? p.points.length : 0),
  (v: Vec${i}) => v.x * v.y,
  (w: number, h: number) => w * h,
  (label: string, scale?: number) => label.length * (scale ?? 1),
);
export const total${i}: number = area${i}(2, 3) + area${i}({ kind: 'circle', r: 1 }) + area${i}('abc', 2) + area${i}(new Vec${i}(1, 2));
`;
}

export function generateProject(dir, root, sets) {
  mkdirSync(join(dir, 'src'), { recursive: true });
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  // `import 'duckcall'` resolves to this checkout (its package.json "exports", i.e. the built dist).
  symlinkSync(root, join(dir, 'node_modules', 'duckcall'), 'dir');
  const perFile = 10;
  for (let file = 0; file * perFile < sets; file++) {
    let text = `import { overload } from 'duckcall';\n`;
    for (let i = file * perFile; i < Math.min(sets, (file + 1) * perFile); i++) text += overloadSet(i);
    writeFileSync(join(dir, 'src', `sets${file}.ts`), text);
  }
  const compilerOptions = {
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    strict: true,
    types: [],
    rootDir: 'src',
    outDir: 'out',
    skipLibCheck: true,
    plugins: [{ transform: join(root, 'dist', 'transformer.cjs') }],
  };
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'generated', private: true, type: 'module' }));
  // Plain tsc ignores "plugins"; tspc runs them.
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, include: ['src'] }, null, 2));
  writeFileSync(join(dir, 'tsconfig.noplugin.json'), JSON.stringify({ extends: './tsconfig.json', compilerOptions: { plugins: [] } }, null, 2));
}

// Where GNU time is installed, each compile also reports the CPU time it used (user + system): on a
// shared machine that stays put while elapsed times wander.
const gnuTime = ['/usr/bin/time'].find((path) => existsSync(path) && spawnSync(path, ['-f', '%U', 'true']).status === 0);
const CPU_MARK = 'duckcall-bench-cpu';

/** One compile: elapsed ms, and CPU ms where GNU time can tell. */
function timeCompile(root, dir, compiler, project, outDir) {
  const bin = compiler === 'tsc' ? join(root, 'node_modules', 'typescript', 'bin', 'tsc') : join(root, 'node_modules', 'ts-patch', 'bin', 'tspc.js');
  rmSync(join(dir, outDir), { recursive: true, force: true });
  const args = [bin, '-p', join(dir, project), '--outDir', join(dir, outDir)];
  const start = process.hrtime.bigint();
  const r = gnuTime
    ? spawnSync(gnuTime, ['-f', `${CPU_MARK} %U %S`, process.execPath, ...args], { cwd: dir, encoding: 'utf8' })
    : spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${compiler} -p ${project} failed (exit ${r.status}):\n${r.stdout}${r.stderr}`);
  const cpu = gnuTime ? /duckcall-bench-cpu ([\d.]+) ([\d.]+)/.exec(r.stderr) : null;
  return { ms, cpuMs: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : undefined };
}

const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

export function compileTime({ root, runs, sets }) {
  const dir = mkdtempSync(join(tmpdir(), 'duckcall-bench-project-'));
  try {
    generateProject(dir, root, sets);
    const variants = [
      { name: 'tsc', compiler: 'tsc', project: 'tsconfig.json', out: 'out-tsc' },
      { name: 'tspc', compiler: 'tspc', project: 'tsconfig.json', out: 'out-tspc' },
      { name: 'tspcNoPlugin', compiler: 'tspc', project: 'tsconfig.noplugin.json', out: 'out-tspc-noplugin' },
    ];
    for (const v of variants) timeCompile(root, dir, v.compiler, v.project, v.out); // untimed: file cache, ts-patch's cache
    const ms = { tsc: [], tspc: [], tspcNoPlugin: [] };
    const cpuMs = { tsc: [], tspc: [], tspcNoPlugin: [] };
    for (let run = 0; run < runs; run++) {
      for (let k = 0; k < variants.length; k++) {
        const v = variants[(run + k) % variants.length];
        const t = timeCompile(root, dir, v.compiler, v.project, v.out);
        ms[v.name].push(t.ms);
        if (t.cpuMs !== undefined) cpuMs[v.name].push(t.cpuMs);
      }
    }
    // The transformer must have run: tspc's output calls duckcall's guards, tsc's does not.
    const sample = (out) => readFileSync(join(dir, out, 'sets0.js'), 'utf8');
    if (!/__duckcall/.test(sample('out-tspc')) || /__duckcall/.test(sample('out-tsc'))) {
      throw new Error('compile-time row: the duckcall transformer did not run under tspc (or ran under tsc)');
    }
    const files = readdirSync(join(dir, 'src')).length;
    const ratios = ms.tsc.map((t, i) => ms.tspc[i] / t);
    const ratiosNoPlugin = ms.tsc.map((t, i) => ms.tspcNoPlugin[i] / t);
    const cpuRatios = cpuMs.tsc.length === runs ? cpuMs.tsc.map((t, i) => cpuMs.tspc[i] / t) : undefined;
    const cpuRatiosNoPlugin = cpuMs.tsc.length === runs ? cpuMs.tsc.map((t, i) => cpuMs.tspcNoPlugin[i] / t) : undefined;
    return {
      sets,
      files,
      cases: sets * 6,
      ms: Object.fromEntries(Object.entries(ms).map(([k, v]) => [k, { median: median(v), runs: v }])),
      ratio: { median: median(ratios), runs: ratios },
      ratioNoPlugin: { median: median(ratiosNoPlugin), runs: ratiosNoPlugin },
      ...(cpuRatios && {
        cpuMs: Object.fromEntries(Object.entries(cpuMs).map(([k, v]) => [k, { median: median(v), runs: v }])),
        cpuRatio: { median: median(cpuRatios), runs: cpuRatios },
        cpuRatioNoPlugin: { median: median(cpuRatiosNoPlugin), runs: cpuRatiosNoPlugin },
      }),
    };
  } finally {
    if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
  }
}
