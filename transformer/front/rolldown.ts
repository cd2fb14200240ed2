/**
 * `duckcall/rolldown`: the duckcall plugin for Rolldown, cut from the one implementation in
 * ./unplugin.ts.
 */
import type { Plugin } from 'rolldown';
import { duckcallUnplugin, type DuckcallPluginOptions } from './unplugin.js';

/** The options of `duckcall/rolldown`: `{ tsconfig?, include?, exclude?, directCalls? }`. */
export type DuckcallRolldownOptions = DuckcallPluginOptions;

/**
 * The duckcall plugin for Rolldown: lowers duckcall's calls with guards generated from the
 * project's types, and fails the build with duckcall's diagnostics. Rolldown strips the types
 * itself; duckcall lowers its calls first.
 *
 * @example
 * // rolldown.config.mjs
 * import { defineConfig } from 'rolldown';
 * import duckcall from 'duckcall/rolldown';
 *
 * export default defineConfig({ input: 'src/main.ts', output: { dir: 'dist' }, plugins: [duckcall()] });
 */
const duckcall: (options?: DuckcallRolldownOptions) => Plugin = duckcallUnplugin.rolldown;

export default duckcall;
