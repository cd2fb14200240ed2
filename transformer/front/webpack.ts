/**
 * `duckcall/webpack`: the duckcall plugin for webpack (and Next.js), cut from the one
 * implementation in ./unplugin.ts.
 */
import type { WebpackPluginInstance } from 'webpack';
import { duckcallUnplugin, type DuckcallPluginOptions } from './unplugin.js';

/** The options of `duckcall/webpack`: `{ tsconfig?, include?, exclude?, directCalls? }`. */
export type DuckcallWebpackOptions = DuckcallPluginOptions;

/**
 * The duckcall plugin for webpack (and Next.js): lowers duckcall's calls with guards generated
 * from the project's types, and fails the build with duckcall's diagnostics. It runs as a
 * pre-loader and hands on JavaScript; the other TypeScript modules still need a loader (ts-loader,
 * swc-loader, babel-loader), or Next.js's own (`webpack(config) { config.plugins.push(duckcall());
 * return config; }` in next.config.mjs).
 *
 * @example
 * // webpack.config.mjs: duckcall runs as a pre-loader, before the TypeScript loader
 * import duckcall from 'duckcall/webpack';
 *
 * export default {
 *   entry: './src/main.ts',
 *   module: { rules: [{ test: /\.tsx?$/, loader: 'ts-loader', options: { transpileOnly: true } }] },
 *   resolve: { extensions: ['.ts', '.tsx', '.js'] },
 *   plugins: [duckcall()],
 * };
 */
const duckcall: (options?: DuckcallWebpackOptions) => WebpackPluginInstance = duckcallUnplugin.webpack;

export default duckcall;
