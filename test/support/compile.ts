/**
 * Vitest cannot compile TC39 decorators, so decorator tests compile TypeScript source strings with
 * the real TypeScript compiler and run the output here, with `duckcall` mapped to the source
 * runtime. `new Function` is fine in tests; only what users load must avoid it.
 */
import { createRequire } from 'node:module';
import ts from 'typescript';
import * as duckcall from '../../src/index.js';

/** `tc39`: TypeScript's default decorators. `legacy`: `experimentalDecorators`. */
export type DecoratorMode = 'tc39' | 'legacy';

export const decoratorModes: readonly DecoratorMode[] = ['tc39', 'legacy'];

export interface CompileOptions {
  readonly mode: DecoratorMode;
  /** `emitDecoratorMetadata` (legacy mode only). */
  readonly metadata?: boolean;
  /** Module format of the output: CommonJS for `run`, ESM to write files for a child process. */
  readonly format?: 'cjs' | 'esm';
}

const nodeRequire = createRequire(import.meta.url);

/** Modules the compiled code may import; anything else is an error, so tests load nothing by accident. */
const modules: Record<string, () => unknown> = {
  duckcall: () => duckcall,
  'reflect-metadata': () => nodeRequire('reflect-metadata'),
};

/** TypeScript → CommonJS JavaScript, failing on any diagnostic the transpiler reports. */
export function compile(source: string, { mode, metadata = false, format = 'cjs' }: CompileOptions): string {
  const output = ts.transpileModule(source, {
    fileName: 'case.ts',
    reportDiagnostics: true,
    compilerOptions: {
      target: ts.ScriptTarget.ES2022,
      module: format === 'cjs' ? ts.ModuleKind.CommonJS : ts.ModuleKind.ES2022,
      experimentalDecorators: mode === 'legacy',
      emitDecoratorMetadata: metadata,
      strict: true,
    },
  });
  const problems = output.diagnostics ?? [];
  if (problems.length > 0) {
    throw new Error(problems.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')).join('\n'));
  }
  return output.outputText;
}

/**
 * Compiles `source` and runs it as a CommonJS module; returns its exports. Errors thrown while the
 * module runs (for instance at class definition) propagate to the caller.
 */
export function run<Exports = Record<string, any>>(source: string, options: CompileOptions): Exports {
  const code = compile(source, options);
  const module = { exports: {} as Record<string, unknown> };
  const load = (specifier: string): unknown => {
    const found = modules[specifier];
    if (!found) throw new Error(`compiled test code imported '${specifier}', which test/support/compile.ts does not provide`);
    return found();
  };
  new Function('require', 'module', 'exports', code)(load, module, module.exports);
  return module.exports as Exports;
}
