// The size row: an entry that imports only the runtime core (overload, when, the error classes)
// from the built dist/index.js, bundled and minified with esbuild (tsup's), gzipped with node:zlib
// at its default level (what `gzip` does). The whole runtime (everything dist/index.js exports) is
// measured the same way, for scale.
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

async function bundle(root, contents) {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    stdin: { contents, resolveDir: root, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].contents;
  return { minified: code.length, gzip: gzipSync(code).length, gzip9: gzipSync(code, { level: 9 }).length };
}

export const CORE_EXPORTS = ['overload', 'when', 'NoMatchingOverloadError', 'ProtocolError', 'SetupError', 'isDuckcallError'];

export async function coreSize(root) {
  const entry = join(root, 'dist', 'index.js');
  const core = await bundle(root, `export { ${CORE_EXPORTS.join(', ')} } from ${JSON.stringify(entry)};`);
  const all = await bundle(root, `export * from ${JSON.stringify(entry)};`);
  return { exports: CORE_EXPORTS, core, all };
}
