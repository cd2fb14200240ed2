// Compiles every examples/*.ts as a user's project would: TypeScript through ts-patch's `tspc`, with
// duckcall/transformer from the "plugins" of examples/tsconfig.json. A type error or a transformer
// diagnostic (a duplicate or shadowed case, a type it cannot check) fails the run. Then it runs
// each compiled example with node; exits non-zero if any example throws.
//
// The output goes to examples/.out/, inside the package, so `import 'duckcall'` resolves to the
// built dist through Node's package self-reference, exactly as it would for a user.
// Run it with `npm run examples` (which builds dist first).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const out = join(here, '.out');
// `tspc` is tsc with ts-patch's plugin support patched in when it starts (cached under
// node_modules/.cache/ts-patch; node_modules/typescript is left as it is). `npx tspc` runs it.
const tspc = join(root, 'node_modules', 'ts-patch', 'bin', 'tspc.js');

if (!existsSync(join(root, 'dist', 'index.js')) || !existsSync(join(root, 'dist', 'transformer.cjs'))) {
  console.error('examples: dist/ is missing; run `npm run build` first (or `npm run examples`, which builds).');
  process.exit(1);
}

rmSync(out, { recursive: true, force: true });
console.log(`examples: compiling with ts-patch (${relative(root, tspc)} -p examples/tsconfig.json)`);
const compiled = spawnSync(process.execPath, [tspc, '-p', join(here, 'tsconfig.json')], { cwd: root, stdio: 'inherit' });
if (compiled.status !== 0) {
  // The transformer's diagnostics are reported while emitting, so files may have been written
  // anyway: none of them is run.
  console.error('examples: the examples do not compile: type errors or duckcall diagnostics (see above).');
  process.exit(1);
}

const files = readdirSync(out).filter((f) => f.endsWith('.js')).sort();
if (files.length === 0) {
  console.error('examples: nothing was compiled.');
  process.exit(1);
}

const failed = [];
for (const file of files) {
  console.log(`\n── ${file.replace(/\.js$/, '.ts')} ${'─'.repeat(Math.max(0, 60 - file.length))}`);
  const run = spawnSync(process.execPath, [join(out, file)], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) failed.push(file);
}

console.log('');
if (failed.length > 0) {
  console.error(`examples: ${failed.length} of ${files.length} failed: ${failed.join(', ')}`);
  process.exit(1);
}
console.log(`examples: all ${files.length} passed.`);
