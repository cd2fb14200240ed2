/**
 * `duckcall/rspack`: the duckcall plugin for Rspack, cut from the one implementation in
 * ./unplugin.ts.
 */
import type { RspackPluginInstance } from '@rspack/core';
import { duckcallUnplugin, type DuckcallPluginOptions } from './unplugin.js';

/** The options of `duckcall/rspack`: `{ tsconfig?, include?, exclude?, directCalls? }`. */
export type DuckcallRspackOptions = DuckcallPluginOptions;

/**
 * The duckcall plugin for Rspack: lowers duckcall's calls with guards generated from the project's
 * types, and fails the build with duckcall's diagnostics. It runs as a pre-loader and hands on
 * JavaScript; the other TypeScript modules still need `builtin:swc-loader`.
 *
 * @example
 * // rspack.config.mjs: duckcall runs as a pre-loader, before the builtin SWC loader
 * import duckcall from 'duckcall/rspack';
 *
 * export default {
 *   entry: './src/main.ts',
 *   module: { rules: [{ test: /\.tsx?$/, loader: 'builtin:swc-loader', options: { jsc: { parser: { syntax: 'typescript' } } } }] },
 *   resolve: { extensions: ['.ts', '.tsx', '.js'] },
 *   plugins: [duckcall()],
 * };
 */
const duckcall: (options?: DuckcallRspackOptions) => RspackPluginInstance = duckcallUnplugin.rspack;

export default duckcall;
