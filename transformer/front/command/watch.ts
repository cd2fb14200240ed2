/**
 * `duckcall generate --watch`: generate everything once, then regenerate what a change can affect —
 * the changed file and every file whose guards were built from its types — until stopped.
 *
 * Directories are watched rather than files, so editors that save by renaming are seen too. A file
 * appearing or disappearing (or the tsconfig changing) reopens the project, since the file list may
 * change with it.
 */
import { existsSync, watch, type FSWatcher } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Engine, EngineDiagnostic } from '../../engine/index.js';
import { generateFiles, sortDiagnostics, writeFiles } from './generate.js';
import { isInside, layoutOf } from './layout.js';

export interface WatchSettings {
  /** Opens the project (again); may throw the engine's SetupFailure. */
  readonly open: () => Engine;
  readonly outDir: string;
  readonly cwd: string;
  /** Prints the diagnostics of one round, in order. */
  readonly report: (diagnostics: readonly EngineDiagnostic[]) => void;
  /** Prints one status line. */
  readonly status: (line: string) => void;
  /** Prints a setup problem found while reopening (the project keeps its last good state). */
  readonly failure: (error: unknown) => void;
  /** How long to wait for a burst of changes to settle, in ms. */
  readonly settleMs?: number;
}

export interface Watching {
  close(): void;
}

const typeScriptSource = /\.(?:[cm]?ts|tsx)$/;

/** Starts watching; throws what `open` throws the first time. */
export function watchProject(settings: WatchSettings): Watching {
  const watchers = new Map<string, FSWatcher>();
  const dependencies = new Map<string, readonly string[]>();
  const diagnostics = new Map<string, readonly EngineDiagnostic[]>();
  const ignored = new Set<string>();
  const pending = new Set<string>();
  let reopen = false;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  let engine = settings.open();
  let layout = layoutOf(engine, settings.outDir, settings.cwd);
  let sources = new Set(layout.sources);

  const round = (files: readonly string[]) => {
    for (const file of generateFiles(engine, layout, files)) {
      dependencies.set(file.source, file.dependencies);
      diagnostics.set(file.source, file.diagnostics);
      writeFiles([file]);
    }
    const all = sortDiagnostics([...diagnostics.values()].flat());
    settings.report(all);
    settings.status(`Found ${all.length} error${all.length === 1 ? '' : 's'}. Watching for file changes.`);
    watchDirectories();
  };

  const everything = () => {
    dependencies.clear();
    diagnostics.clear();
    round(layout.sources);
  };

  const watchDirectories = () => {
    const wanted = new Set([dirname(engine.configFile)]);
    for (const source of sources) wanted.add(dirname(source));
    for (const files of dependencies.values()) {
      for (const file of files) if (!file.split(/[\\/]/).includes('node_modules')) wanted.add(dirname(file));
    }
    for (const directory of wanted) {
      if (watchers.has(directory) || !existsSync(directory)) continue;
      const watcher = watch(directory, (_event, name) => {
        if (name) changed(resolve(directory, name.toString()));
      });
      watcher.on('error', () => {
        watcher.close();
        watchers.delete(directory);
      });
      watchers.set(directory, watcher);
    }
  };

  const isDependency = (file: string) => [...dependencies.values()].some((files) => files.includes(file));

  const changed = (file: string) => {
    if (closed || isInside(file, layout.outDir)) return;
    if (file === engine.configFile) reopen = true;
    else if (sources.has(file)) {
      if (existsSync(file)) pending.add(file);
      else reopen = true;
    } else if (isDependency(file)) pending.add(file);
    else if (typeScriptSource.test(file) && !file.endsWith('.d.ts') && existsSync(file) && !ignored.has(file)) {
      // Possibly a new source file of the project: only reopening the tsconfig can tell.
      reopen = true;
      ignored.add(file);
    } else return;
    clearTimeout(timer);
    timer = setTimeout(settle, settings.settleMs ?? 100);
  };

  const settle = () => {
    if (closed) return;
    const files = [...pending];
    pending.clear();
    settings.status('File change detected. Regenerating...');
    if (reopen) {
      reopen = false;
      try {
        engine = settings.open();
        layout = layoutOf(engine, settings.outDir, settings.cwd);
        sources = new Set(layout.sources);
        for (const source of sources) ignored.delete(source);
      } catch (error) {
        settings.failure(error);
        return;
      }
      everything();
      return;
    }
    engine.refresh();
    const touched = new Set(files);
    round(layout.sources.filter((source) => touched.has(source) || dependencies.get(source)?.some((file) => touched.has(file))));
  };

  everything();
  return {
    close() {
      closed = true;
      clearTimeout(timer);
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}
