/**
 * The bundler front end: one unplugin over the engine, from which `duckcall/vite`, `/rollup`,
 * `/rolldown`, `/esbuild`, `/webpack` and `/rspack` are cut. The plugin only routes: which ids the
 * engine sees, what it returns to the bundler, which files to watch, and how a failure is shown.
 */
import { isAbsolute } from 'node:path';
import { createUnplugin, type UnpluginBuildContext, type UnpluginContext } from 'unplugin';
import { Engine, SetupFailure, formatDiagnostic, type EngineDiagnostic } from '../engine/index.js';
import { MAY_MENTION_DUCKCALL } from '../lower/recognize.js';

/**
 * Module ids to match: a RegExp, a glob (relative to the working directory), or a list of them.
 * Declared here rather than taken from unplugin, whose types import every bundler's.
 */
export type FilterPattern = string | RegExp | readonly (string | RegExp)[];

/** The options of every duckcall bundler plugin. */
export interface DuckcallPluginOptions {
  /** The tsconfig whose files and compiler options to use, relative to the bundler's root. Default: the nearest `tsconfig.json`. */
  readonly tsconfig?: string;
  /**
   * Which module ids to transform (RegExp, or a glob relative to the working directory, or an array
   * of them). Default: `.ts`, `.mts`, `.cts` and `.tsx` files. Files outside the tsconfig, in
   * node_modules, `.d.ts` files and ids with a query (`?raw`, `?url`) are never transformed.
   */
  readonly include?: FilterPattern;
  /** Module ids never to transform, in the same forms as `include`. */
  readonly exclude?: FilterPattern;
  /** Calls whose static argument types select one case call it directly (see duckcall/transformer). Off by default. */
  readonly directCalls?: boolean;
}

const typeScriptModule = /\.[cm]?tsx?$/;
const declarationFile = /\.d\.[cm]?ts$/;
/** At most this many diagnostics are spelled out in one failure; the rest are counted. */
const shownDiagnostics = 10;

/** The engine of one plugin instance, opened on first use with the bundler's root. */
class EngineSlot {
  root = process.cwd();
  private engine: Engine | undefined;
  private failure: SetupFailure | undefined;
  /** Whether this build has shown the setup failure already (where showing it does not end the build). */
  failureShown = false;

  constructor(private readonly options: DuckcallPluginOptions) {}

  /** The engine, or the setup failure that keeps it from opening. Other errors propagate. */
  get(): Engine | SetupFailure {
    if (this.engine) return this.engine;
    if (this.failure) return this.failure;
    try {
      this.engine = Engine.open({ root: this.root, tsconfig: this.options.tsconfig, directCalls: this.options.directCalls === true });
      return this.engine;
    } catch (error) {
      if (!(error instanceof SetupFailure)) throw error;
      this.failure = error;
      return error;
    }
  }

  /** The open engine, without opening one. */
  get opened(): Engine | undefined {
    return this.engine;
  }

  /** A new build: re-read what changed on disk, and try a failed setup again (the user may have fixed it). */
  startBuild(): void {
    this.engine?.refresh();
    this.failure = undefined;
    this.failureShown = false;
  }
}

type TransformContext = UnpluginBuildContext & UnpluginContext;

/**
 * Fails the module with `message`, pointing the bundler at `at` (the first diagnostic). Rollup,
 * Rolldown and Vite throw from `error`; webpack, Rspack, esbuild and Bun record it and fail the
 * build at its end, so the caller carries on. The empty stack keeps bundlers from printing a stack
 * trace of duckcall's own under the message, which is the whole story.
 */
function fail(context: TransformContext, message: string, at?: EngineDiagnostic): void {
  // Bundlers count columns from 0 here (and print them so); the message keeps tsc's 1-based form.
  const loc = at && { file: at.fileName, line: at.line, column: at.column - 1 };
  context.error({ message, stack: '', ...(loc && { loc }) });
}

/** A few readable lines: tsc-style locations relative to the root, then the count of any not shown. */
function failureMessage(diagnostics: readonly EngineDiagnostic[], root: string): string {
  const lines = diagnostics.slice(0, shownDiagnostics).map((d) => formatDiagnostic(d, root));
  if (diagnostics.length > shownDiagnostics) lines.push(`… and ${diagnostics.length - shownDiagnostics} more duckcall diagnostics`);
  return lines.join('\n');
}

function patterns(pattern: FilterPattern | undefined): string | RegExp | (string | RegExp)[] | undefined {
  return typeof pattern === 'string' || pattern instanceof RegExp || pattern === undefined ? pattern : [...pattern];
}

/** The one implementation behind every duckcall bundler plugin. */
export const duckcallUnplugin = createUnplugin<DuckcallPluginOptions | undefined, false>((options = {}) => {
  const slot = new EngineSlot(options);
  return {
    name: 'duckcall',
    enforce: 'pre',

    buildStart() {
      slot.startBuild();
    },

    transformInclude(id) {
      // Only files: no query (`?raw`, a Vue block's `?vue&lang.ts`), no virtual module (`\0…`, `virtual:…`).
      if (id.includes('?') || id.includes('\0') || !isAbsolute(id) || declarationFile.test(id)) return false;
      const engine = slot.get();
      // A failed setup is reported by the transform of the first TypeScript module.
      return engine instanceof SetupFailure ? typeScriptModule.test(id) : engine.covers(id);
    },

    transform: {
      // Modules whose text cannot use duckcall stay with the bundler (Rolldown and Vite test this
      // without calling into JavaScript); the engine makes the same test for bundlers without filters.
      filter: {
        id: { include: patterns(options.include) ?? typeScriptModule, exclude: patterns(options.exclude) },
        code: { include: MAY_MENTION_DUCKCALL },
      },
      handler(code, id) {
        const engine = slot.get();
        if (engine instanceof SetupFailure) {
          // Rollup, Rolldown and Vite end the build (or the dev request) here; the others carry on
          // and would repeat the same line for every module.
          if (!slot.failureShown) fail(this, engine.message);
          slot.failureShown = true;
          return null;
        }
        const result = engine.transform(id, code);
        // Watching the files the guards were built from re-transforms this module when one changes,
        // type-only imports included, which the bundler itself never sees.
        for (const dependency of result.dependencies) this.addWatchFile(dependency);
        if (result.diagnostics.length > 0) fail(this, failureMessage(result.diagnostics, slot.root), result.diagnostics[0]);
        return result.changed ? { code: result.code, map: result.map } : null;
      },
    },

    watchChange(id) {
      const engine = slot.opened;
      if (engine && !id.includes('?') && typeScriptModule.test(id)) engine.update(id);
    },

    vite: {
      configResolved(config) {
        slot.root = config.root;
      },
    },
    webpack(compiler) {
      slot.root = compiler.options.context ?? slot.root;
    },
    rspack(compiler) {
      slot.root = compiler.options.context ?? slot.root;
    },
    esbuild: {
      setup(build) {
        slot.root = build.initialOptions.absWorkingDir ?? slot.root;
      },
    },
  };
});
