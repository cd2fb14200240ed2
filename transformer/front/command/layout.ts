/**
 * Where `duckcall generate` puts each file: the layout tsc gives `outDir`, so a project built from
 * `--out-dir DIR` has the same module paths as one built from the sources.
 */
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';

/** What the layout needs to know about the project (a subset of the engine). */
export interface LayoutSource {
  readonly configFile: string;
  readonly typescriptVersion: string;
  readonly compilerOptions: { readonly rootDir?: string | undefined; readonly composite?: boolean | undefined };
  fileNames(): string[];
}

export interface Layout {
  /** The directory the output mirrors (absolute). */
  readonly rootDir: string;
  /** The directory written to (absolute). */
  readonly outDir: string;
  /** Source files of the project that are generated (absolute); files under `outDir` are left out. */
  readonly sources: readonly string[];
  /** Sources outside `rootDir`, which tsc would reject too (TS6059). */
  readonly outside: readonly string[];
  /** Where a source file's output goes (absolute). */
  outputOf(source: string): string;
}

/**
 * The layout for a project and an output directory (relative to `cwd`).
 *
 * `rootDir` as tsc computes it: the tsconfig's `rootDir`; else, from TypeScript 6 on (and with
 * `composite` before it), the tsconfig's directory; else the deepest directory that holds every
 * source file.
 */
export function layoutOf(project: LayoutSource, outDir: string, cwd: string): Layout {
  const out = resolve(cwd, outDir);
  const sources = project.fileNames().filter((file) => !isInside(file, out));
  const configDirectory = dirname(project.configFile);
  const { rootDir, composite } = project.compilerOptions;
  const major = Number.parseInt(project.typescriptVersion, 10);
  const root =
    rootDir !== undefined
      ? resolve(configDirectory, rootDir)
      : major >= 6 || composite === true
        ? configDirectory
        : commonDirectory(sources, configDirectory);
  return {
    rootDir: root,
    outDir: out,
    sources,
    outside: sources.filter((file) => !isInside(file, root)),
    outputOf: (source) => resolve(out, relative(root, source)),
  };
}

/** Whether `file` is `directory` itself or anywhere below it. */
export function isInside(file: string, directory: string): boolean {
  const path = relative(directory, file);
  return path === '' || (!path.startsWith('..') && !isAbsolute(path));
}

/** The deepest directory containing every file (`fallback` when there are none). */
function commonDirectory(files: readonly string[], fallback: string): string {
  const [first, ...rest] = files;
  if (first === undefined) return fallback;
  let common = dirname(first).split(sep);
  for (const file of rest) {
    const parts = dirname(file).split(sep);
    let n = 0;
    while (n < common.length && n < parts.length && common[n] === parts[n]) n++;
    common = common.slice(0, n);
  }
  return common.join(sep) || sep;
}
