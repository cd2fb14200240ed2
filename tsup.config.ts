import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Options } from 'tsup';

const fronts = ['vite', 'rollup', 'rolldown', 'esbuild', 'webpack', 'rspack', 'bun'] as const;

/**
 * In the built package, `import ts from 'typescript'` means the compiler API the engine finds (the
 * project's typescript 5.9-6.x, else @typescript/typescript6): see transformer/engine/typescript-module.ts.
 */
const compilerApi: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'duckcall-compiler-api',
  setup(build) {
    const loader = fileURLToPath(new URL('./transformer/engine/typescript-module.ts', import.meta.url));
    build.onResolve({ filter: /^typescript$/ }, (args) => (args.kind === 'import-statement' ? { path: loader } : undefined));
  },
};

const shared = {
  entry: {
    index: 'src/index.ts',
    transformer: 'transformer/front/ts-patch.ts',
    ...Object.fromEntries(fronts.map((name) => [name, `transformer/front/${name}.ts`])),
    cli: 'transformer/front/cli.ts',
  },
  target: 'es2022',
  dts: { compilerOptions: { ignoreDeprecations: '6.0', types: ['node'] } },
  esbuildPlugins: [compilerApi],
  noExternal: [/^typescript$/],
  // import.meta.url in the CommonJS build (the engine resolves TypeScript relative to itself).
  shims: true,
  sourcemap: true,
} satisfies Options;

/**
 * Two builds into one folder, run side by side: ESM (unchanged) and CommonJS. An entry whose only
 * export is its default (the plugins, duckcall/transformer) sets CommonJS `module.exports` to it, so
 * `require('duckcall/vite')` is the plugin function, and its .d.cts says so with `export =`
 * (cjsInterop). cjsInterop needs the CommonJS made from ESM output with splitting: rollup's
 * tree-shaking pass would set `module.exports` itself, and cjsInterop's line after it would then
 * export undefined. The folder is emptied here, once, before both start; each build's own clean
 * could remove the other's files.
 */
export default defineConfig((cli) => {
  rmSync(cli.outDir ?? 'dist', { recursive: true, force: true });
  return [
    { ...shared, format: ['esm'], treeshake: true },
    { ...shared, format: ['cjs'], cjsInterop: true, splitting: true, treeshake: false },
  ];
});
