#!/usr/bin/env node
/**
 * The `duckcall` command: `duckcall generate` writes the project as TypeScript with duckcall's calls
 * lowered (for TypeScript 7, esbuild, swc, Bun and Node's type stripping, which run no transformers),
 * and `duckcall check` reports duckcall's diagnostics, as `tsc --noEmit` does for types.
 *
 * Exit codes: 0 done, 1 diagnostics, stale output or a setup problem, 2 a usage mistake.
 */
import { main } from './command/main.js';

main(process.argv.slice(2), {
  cwd: process.cwd(),
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`duckcall: unexpected error, please report it.\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
