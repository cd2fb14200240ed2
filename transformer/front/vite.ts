/**
 * `duckcall/vite`: the duckcall plugin for Vite (and Vitest), cut from the one implementation in
 * ./unplugin.ts.
 */
import type { Plugin } from 'vite';
import { duckcallUnplugin, type DuckcallPluginOptions } from './unplugin.js';

/** The options of `duckcall/vite`: `{ tsconfig?, include?, exclude?, directCalls? }`. */
export type DuckcallViteOptions = DuckcallPluginOptions;

/**
 * The duckcall plugin for Vite (and Vitest): lowers duckcall's calls with guards generated from
 * the project's types, and fails the build with duckcall's diagnostics. Put it in `plugins`: it
 * runs before Vite's own TypeScript transform (`enforce: 'pre'`), in builds, in dev and in Vitest.
 *
 * @example
 * // vite.config.ts (or vitest.config.ts)
 * import { defineConfig } from 'vite';
 * import duckcall from 'duckcall/vite';
 *
 * export default defineConfig({ plugins: [duckcall()] });
 */
const duckcall: (options?: DuckcallViteOptions) => Plugin = duckcallUnplugin.vite;

export default duckcall;
