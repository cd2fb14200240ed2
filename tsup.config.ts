import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', transformer: 'transformer/front/ts-patch.ts', vite: 'transformer/front/vite.ts', rollup: 'transformer/front/rollup.ts', rolldown: 'transformer/front/rolldown.ts', esbuild: 'transformer/front/esbuild.ts', webpack: 'transformer/front/webpack.ts', rspack: 'transformer/front/rspack.ts', cli: 'transformer/front/cli.ts' },
  format: ['esm', 'cjs'],
  target: 'es2022',
  dts: { compilerOptions: { ignoreDeprecations: '6.0', types: ['node'] } },
  sourcemap: true,
  clean: true,
  treeshake: true,
});
