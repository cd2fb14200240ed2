// One row per process: `node --expose-gc child.js <row> <rounds> <warmup> <targetMs>` prints the
// row's raw numbers as JSON. Only the module that defines the row is loaded, so no other row's
// code warms up or pollutes the engine's feedback for this one.
import { measure, type Row } from './harness.js';

const modules: Record<string, () => Promise<{ rows: Record<string, Row> }>> = {
  dispatch: () => import('./rows/dispatch.js'),
  when: () => import('./plain/when.js'),
  shapes: () => import('./rows/shapes.js'),
  others: () => import('./rows/others.js'),
  payload: () => import('./rows/payload.js'),
  'payload-libs': () => import('./rows/payload-libs.js'),
  'no-match': () => import('./rows/no-match.js'),
};

const [module, id, rounds, warmup, targetMs] = process.argv.slice(2);
const load = module === undefined ? undefined : modules[module];
if (!load || id === undefined) throw new Error(`usage: child.js <${Object.keys(modules).join('|')}> <row> <rounds> <warmup> <targetMs>`);
const row = (await load()).rows[id];
if (!row) throw new Error(`no row ${id} in ${module}`);
const result = measure(row, { rounds: Number(rounds), warmup: Number(warmup), targetMs: Number(targetMs) });
process.stdout.write(`${JSON.stringify({ module, id, baseline: row.baseline, ...result })}\n`);
