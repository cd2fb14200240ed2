/**
 * Which TypeScript the engine runs on. duckcall needs the JavaScript compiler API (5.9 to 6.x);
 * TypeScript 7 has none, so a TypeScript 7 project gives duckcall `@typescript/typescript6`, the
 * TypeScript team's side-by-side package for the 6.x API. Searched from the project first, then from
 * duckcall's own install.
 *
 * Built files import `typescript` through this module (see tsup.config.ts), so that the package
 * works whichever `typescript` sits in node_modules; the source imports `typescript` directly.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type * as TypeScript from 'typescript';

/** A setup problem the user must fix; its message is the whole story (print it without a stack). */
export class SetupFailure extends Error {
  override readonly name = 'SetupFailure';
}

export interface LoadedTypeScript {
  readonly ts: typeof TypeScript;
  /** Which package it came from: `typescript` or `@typescript/typescript6`. */
  readonly packageName: string;
}

const SUPPORTED = '>=5.9 <7';

/** True for TypeScript versions whose compiler API duckcall runs on. */
export function isSupportedVersion(version: string): boolean {
  const [major = 0, minor = 0] = version.split('.').map((part) => Number.parseInt(part, 10));
  return (major === 5 && minor >= 9) || major === 6;
}

export function missingTypeScriptMessage(found: string | undefined): string {
  const seen = found ? `this project's typescript is ${found}, which has no compiler API for plugins` : 'no typescript package was found';
  return (
    `duckcall: the engine needs the TypeScript ${SUPPORTED} compiler API, but ${seen}.\n` +
    `With TypeScript 7, install the 6.x API next to it (TypeScript 7 stays your compiler):\n` +
    `  npm install --save-dev @typescript/typescript6`
  );
}

/** Finds the compiler API: the project's `typescript` if 5.9–6.x, else `@typescript/typescript6`. */
export function loadTypeScript(projectDirectory: string = process.cwd()): LoadedTypeScript {
  const requirers = [createRequire(join(projectDirectory, 'package.json')), createRequire(import.meta.url)];
  let found: string | undefined;
  for (const packageName of ['typescript', '@typescript/typescript6']) {
    for (const require of requirers) {
      let version: string;
      try {
        version = (require(`${packageName}/package.json`) as { version: string }).version;
      } catch {
        continue;
      }
      if (packageName === 'typescript') found ??= version;
      // @typescript/typescript6's own version is its wrapper's; the API it re-exports is 6.x.
      if (packageName === 'typescript' && !isSupportedVersion(version)) continue;
      const ts = require(packageName) as typeof TypeScript;
      if (typeof ts.createProgram === 'function' && isSupportedVersion(ts.version)) return { ts, packageName };
    }
  }
  throw new SetupFailure(missingTypeScriptMessage(found));
}
