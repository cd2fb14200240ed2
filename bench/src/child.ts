// One row per process: `node --expose-gc child.js <module> <row> <rounds> <warmup> <targetMs> [cpu|wall]` prints
// the row's raw numbers as JSON. Only the module that defines the row is loaded, so no other row's
// code warms up or pollutes the engine's feedback for this one. A row that cannot be measured (a
// wrong verdict, a variant that disagrees with the baseline) prints `{ error }` instead, so the
// parent can report it and go on with the other rows.
import { measure, type Row } from './harness.js';

type RowModule = { rows: Record<string, Row> };
const modules: Record<string, () => Promise<RowModule>> = {
  dispatch: () => import('./rows/dispatch.js'),
  when: () => import('./plain/when.js'),
  shapes: () => import('./rows/shapes.js'),
  others: () => import('./rows/others.js'),
  payload: () => import('./rows/payload.js'),
  'payload-libs': () => import('./rows/payload-libs.js'),
  'no-match': () => import('./rows/no-match.js'),
  arrays: () => import('./rows/arrays.js'),
  deep: () => import('./rows/deep.js'),
};
// bench/src/gen/ (written by bench/lib/gen-sources.mjs before each compile): `gen/<name>`.
const generated = (name: string): (() => Promise<RowModule>) => () => import(`./gen/${name}.js`);

const [module, id, rounds, warmup, targetMs, clock = 'cpu'] = process.argv.slice(2);
const load = module === undefined ? undefined : module.startsWith('gen/') ? generated(module.slice(4)) : modules[module];
if (!load || id === undefined || (clock !== 'cpu' && clock !== 'wall')) {
  throw new Error(`usage: child.js <${Object.keys(modules).join('|')}|gen/<name>> <row> <rounds> <warmup> <targetMs> [cpu|wall]`);
}
const row = (await load()).rows[id];
if (!row) throw new Error(`no row ${id} in ${module}`);
let line: string;
try {
  const result = measure(row, { rounds: Number(rounds), warmup: Number(warmup), targetMs: Number(targetMs), clock });
  line = JSON.stringify({ module, id, baseline: row.baseline, ...result });
} catch (error) {
  line = JSON.stringify({ module, id, error: error instanceof Error ? error.message : String(error) });
}
process.stdout.write(`${line}\n`);
