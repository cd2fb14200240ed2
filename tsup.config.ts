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

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    transformer: 'transformer/front/ts-patch.ts',
    ...Object.fromEntries(fronts.map((name) => [name, `transformer/front/${name}.ts`])),
    cli: 'transformer/front/cli.ts',
  },
  format: ['esm', 'cjs'],
  target: 'es2022',
  dts: { compilerOptions: { ignoreDeprecations: '6.0', types: ['node'] } },
  esbuildPlugins: [compilerApi],
  noExternal: [/^typescript$/],
  // import.meta.url in the CommonJS build (the engine resolves TypeScript relative to itself).
  shims: true,
  sourcemap: true,
  clean: true,
  treeshake: true,
});
