/**
 * `duckcall/esbuild`: the duckcall plugin for esbuild (and tsup), cut from the one implementation
 * in ./unplugin.ts.
 */
import type { Plugin } from 'esbuild';
import { duckcallUnplugin, type DuckcallPluginOptions } from './unplugin.js';

/** The options of `duckcall/esbuild`: `{ tsconfig?, include?, exclude?, directCalls? }`. */
export type DuckcallEsbuildOptions = DuckcallPluginOptions;

/**
 * The duckcall plugin for esbuild (and tsup): lowers duckcall's calls with guards generated from
 * the project's types, and fails the build with duckcall's diagnostics. Works for tsup too
 * (`esbuildPlugins: [duckcall()]`). In watch mode and on `rebuild()`, files changed on disk are
 * re-read first, and the files a module's guards were built from are watched with it.
 *
 * @example
 * // build.mjs
 * import { build } from 'esbuild';
 * import duckcall from 'duckcall/esbuild';
 *
 * await build({ entryPoints: ['src/main.ts'], bundle: true, outdir: 'dist', plugins: [duckcall()] });
 */
const duckcall: (options?: DuckcallEsbuildOptions) => Plugin = duckcallUnplugin.esbuild;

export default duckcall;
