/**
 * `duckcall/rollup`: the duckcall plugin for Rollup, cut from the one implementation in
 * ./unplugin.ts.
 */
import type { Plugin } from 'rollup';
import { duckcallUnplugin, type DuckcallPluginOptions } from './unplugin.js';

/** The options of `duckcall/rollup`: `{ tsconfig?, include?, exclude?, directCalls? }`. */
export type DuckcallRollupOptions = DuckcallPluginOptions;

/**
 * The duckcall plugin for Rollup: lowers duckcall's calls with guards generated from the project's
 * types, and fails the build with duckcall's diagnostics. Its output for a module with duckcall
 * calls is JavaScript; the other TypeScript modules still need a plugin that strips types from the
 * code it is given (rollup-plugin-esbuild, @rollup/plugin-swc, @rollup/plugin-sucrase, babel),
 * placed after duckcall.
 *
 * @example
 * // rollup.config.mjs
 * import duckcall from 'duckcall/rollup';
 *
 * export default { input: 'src/main.ts', output: { dir: 'dist' }, plugins: [duckcall()] };
 */
const duckcall: (options?: DuckcallRollupOptions) => Plugin = duckcallUnplugin.rollup;

export default duckcall;
