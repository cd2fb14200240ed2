/**
 * `duckcall/bun`: the duckcall plugin for Bun's bundler (`Bun.build`), cut from the one
 * implementation in ./unplugin.ts.
 */
import { duckcallUnplugin, type DuckcallPluginOptions } from './unplugin.js';

/** Bun's plugin shape, declared here: Bun's types come from `bun-types`, which most projects lack. */
export interface DuckcallBunPlugin {
  readonly name: string;
  setup(build: unknown): void | Promise<void>;
}

/** The options of `duckcall/bun`: `{ tsconfig?, include?, exclude?, directCalls? }`. */
export type DuckcallBunOptions = DuckcallPluginOptions;

/**
 * The duckcall plugin for Bun: lowers duckcall's calls with guards generated from the project's
 * types, and fails the build with duckcall's diagnostics. Bun strips the types of every other module
 * itself. Needs Bun 1.2.22 or later.
 *
 * @example
 * // build.ts, run with `bun build.ts`
 * import duckcall from 'duckcall/bun';
 *
 * await Bun.build({ entrypoints: ['src/main.ts'], outdir: 'dist', plugins: [duckcall()] });
 */
const duckcall: (options?: DuckcallBunOptions) => DuckcallBunPlugin = duckcallUnplugin.bun;

export default duckcall;
