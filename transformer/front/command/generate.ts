/**
 * `duckcall generate`: every source file of the project written to `--out-dir` as TypeScript, with
 * duckcall's calls lowered; `--check` compares instead of writing, `--watch` keeps it up to date.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Engine, EngineDiagnostic } from '../../engine/index.js';
import type { Layout } from './layout.js';

/** One generated file. */
export interface Generated {
  readonly source: string;
  readonly output: string;
  readonly code: string;
  readonly dependencies: readonly string[];
  readonly diagnostics: readonly EngineDiagnostic[];
}

/** Generates `sources` (all of the layout's by default), in memory. */
export function generateFiles(engine: Engine, layout: Layout, sources: readonly string[] = layout.sources): Generated[] {
  return sources.map((source) => {
    const result = engine.generate(source);
    return {
      source,
      output: layout.outputOf(source),
      code: result.code,
      dependencies: result.dependencies,
      diagnostics: result.diagnostics,
    };
  });
}

/**
 * Writes each file whose output differs from what is on disk; returns the outputs written. Files that
 * are already up to date are left alone, so their timestamps do not wake up the next build step.
 */
export function writeFiles(files: readonly Generated[]): string[] {
  const written: string[] = [];
  for (const file of files) {
    if (currentText(file.output) === file.code) continue;
    mkdirSync(dirname(file.output), { recursive: true });
    writeFileSync(file.output, file.code);
    written.push(file.output);
  }
  return written;
}

/** A file of the output directory that does not hold what `generate` would write. */
export interface Stale {
  readonly output: string;
  readonly reason: 'missing' | 'differs';
}

/** The outputs that are missing or differ from what `generate` would write (`--check`). */
export function staleFiles(files: readonly Generated[]): Stale[] {
  const stale: Stale[] = [];
  for (const file of files) {
    const text = currentText(file.output);
    if (text === undefined) stale.push({ output: file.output, reason: 'missing' });
    else if (text !== file.code) stale.push({ output: file.output, reason: 'differs' });
  }
  return stale;
}

function currentText(path: string): string | undefined {
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

/** Diagnostics in a stable order: by file, then line, then column. */
export function sortDiagnostics(diagnostics: Iterable<EngineDiagnostic>): EngineDiagnostic[] {
  return [...diagnostics].sort(
    (a, b) => (a.fileName < b.fileName ? -1 : a.fileName > b.fileName ? 1 : a.line - b.line || a.column - b.column),
  );
}
