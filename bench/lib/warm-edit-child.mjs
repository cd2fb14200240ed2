// One process of the warm-edit row (a fresh process, so "cold" is cold): opens the engine the
// bundler plugins use on the generated app, transforms one duckcall module (cold), then edits it
// N times, and N times edits the type it imports type-only from its neighbour, re-transforming the
// module after each edit, as a dev server does. Edits are handed to the engine as text (nothing is
// written to disk). Prints one JSON line: { openMs, coldMs, ownMs: [...], typeMs: [...], … } (wall
// times, and CPU times of the process for scale).
//
//   node warm-edit-child.mjs <engine.mjs> <app dir> <module index> <edits>
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [enginePath, dir, indexText, editsText] = process.argv.slice(2);
const { Engine } = await import(pathToFileURL(enginePath).href);
const index = Number(indexText);
const edits = Number(editsText);
const target = join(dir, 'src', `m${index}.ts`);
const neighbour = join(dir, 'src', `m${index + 1}.ts`);
const targetText = readFileSync(target, 'utf8');
const neighbourText = readFileSync(neighbour, 'utf8');

const now = () => Number(process.hrtime.bigint()) / 1e6;
/** CPU time of this process (every thread: the compiler's, the garbage collector's). */
const cpu = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
function fail(message, code) {
  throw new Error(`warm-edit row: ${message}${code === undefined ? '' : `\n--- output ---\n${code}`}`);
}
function check(result, what) {
  if (!result.changed) fail(`${what}: the engine left the module unchanged`);
  if (result.diagnostics.length > 0) fail(`${what}: ${result.diagnostics.map((d) => d.message).join('; ')}`);
}

const c0 = cpu();
const t0 = now();
const engine = Engine.open({ root: dir });
const t1 = now();
const cold = engine.transform(target, targetText);
const t2 = now();
const coldCpuMs = cpu() - c0;
check(cold, 'cold transform');
if (!cold.dependencies.includes(neighbour)) fail(`cold transform: ${neighbour} is not among the dependencies: ${cold.dependencies.join(', ')}`);

// Edits of the module itself: another argument at one call site.
const ownMs = [];
const ownCpuMs = [];
for (let k = 1; k <= edits; k++) {
  const text = targetText.replace(`measure${index}(2, 5)`, `measure${index}(2, ${5 + k})`);
  const start = now();
  const startCpu = cpu();
  const result = engine.transform(target, text);
  ownCpuMs.push(cpu() - startCpu);
  ownMs.push(now() - start);
  check(result, `edit ${k}`);
  if (!result.code.includes(`(2, ${5 + k})`)) fail(`edit ${k}: the output does not have the edit`, result.code);
}

// Edits of the type the module's guards are built from, in the file it imports it from (type-only):
// the dev server hands the new text over, then transforms the importer again.
const typeMs = [];
for (let k = 1; k <= edits; k++) {
  const property = `extra${k}`;
  const text = neighbourText.replace(/(export interface Item\d+ \{\n)/, `$1  ${property}?: number;\n`);
  if (text === neighbourText) fail(`type edit ${k}: found no Item interface to edit in ${neighbour}`);
  const start = now();
  engine.update(neighbour, text);
  const result = engine.transform(target, targetText);
  typeMs.push(now() - start);
  check(result, `type edit ${k}`);
  if (!result.code.includes(property)) fail(`type edit ${k}: the guard does not check the new property ${property}`, result.code);
}

console.log(JSON.stringify({ openMs: t1 - t0, coldMs: t2 - t0, coldCpuMs, firstTransformMs: t2 - t1, ownMs, ownCpuMs, typeMs, typescript: engine.typescriptVersion }));
