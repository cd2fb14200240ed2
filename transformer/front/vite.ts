/**
 * `duckcall/vite`: a Vite (and so Vitest) plugin that compiles TypeScript files with the duckcall
 * transformer. Vite does not run tsconfig plugins, so without this the typed forms never get their
 * guards. It keeps one `ts.Program` for the tsconfig, rebuilt incrementally as files change, and
 * emits each file through the real compiler with the transformer, returning JavaScript and a source
 * map that points at the `.ts` lines.
 */
import ts from 'typescript';
import duckcallTransformer, { type DuckcallTransformerOptions } from './ts-patch.js';

export interface DuckcallViteOptions {
  /** The tsconfig whose files and options to compile with. Default: `tsconfig.json` in Vite's root. */
  readonly tsconfig?: string;
  /** Which module ids to compile. Default: `.ts`, `.mts`, `.cts`, `.tsx` files outside node_modules. */
  readonly include?: RegExp;
  /** The transformer's `directCalls` option (off by default; see duckcall/transformer). */
  readonly directCalls?: boolean;
}

/** The subset of Vite's plugin interface this plugin uses (so the package needs no Vite types). */
export interface DuckcallVitePlugin {
  readonly name: 'duckcall';
  readonly enforce: 'pre';
  configResolved(config: { root: string }): void;
  transform(this: { error(message: string): never }, code: string, id: string): { code: string; map: string | undefined } | null;
}

/**
 * The Vite plugin. Put it in `plugins` of vite.config.ts or vitest.config.ts.
 *
 * @example
 * import duckcall from 'duckcall/vite';
 * export default defineConfig({ plugins: [duckcall()] });
 */
export default function duckcall(options: DuckcallViteOptions = {}): DuckcallVitePlugin {
  const include = options.include ?? /\.(?:[cm]?ts|tsx)$/;
  let root = process.cwd();
  let compiler: IncrementalCompiler | undefined;
  return {
    name: 'duckcall',
    enforce: 'pre',
    configResolved(config) {
      root = config.root;
    },
    transform(code, id) {
      const fileName = id.split('?')[0]!;
      if (!include.test(fileName) || fileName.includes('/node_modules/') || fileName.endsWith('.d.ts')) return null;
      compiler ??= new IncrementalCompiler(resolveConfig(root, options.tsconfig), { directCalls: options.directCalls === true });
      const result = compiler.compile(fileName, code);
      if (result.errors.length > 0) this.error(result.errors.join('\n'));
      return { code: result.code, map: result.map };
    },
  };
}

function resolveConfig(root: string, tsconfig: string | undefined): ts.ParsedCommandLine {
  const path = tsconfig ? (ts.sys.resolvePath(tsconfig.startsWith('/') ? tsconfig : `${root}/${tsconfig}`)) : ts.findConfigFile(root, ts.sys.fileExists);
  if (!path) throw new Error(`duckcall/vite: no tsconfig.json found from ${root}; pass { tsconfig: 'path/to/tsconfig.json' }.`);
  const parsed = ts.getParsedCommandLineOfConfigFile(path, {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(`duckcall/vite: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
    },
  });
  if (!parsed) throw new Error(`duckcall/vite: cannot read ${path}.`);
  return parsed;
}

class IncrementalCompiler {
  private program: ts.Program | undefined;
  private readonly options: ts.CompilerOptions;
  private readonly texts = new Map<string, string>();
  private readonly files = new Map<string, ts.SourceFile>();
  private readonly rootNames: Set<string>;
  private readonly host: ts.CompilerHost;

  constructor(
    config: ts.ParsedCommandLine,
    private readonly transformerOptions: DuckcallTransformerOptions,
  ) {
    this.options = {
      ...config.options,
      noEmit: false,
      emitDeclarationOnly: false,
      declaration: false,
      declarationMap: false,
      sourceMap: true,
      inlineSourceMap: false,
      inlineSources: false,
      noEmitOnError: false,
      outDir: undefined,
      outFile: undefined,
    };
    this.rootNames = new Set(config.fileNames);
    const host = ts.createCompilerHost(this.options, true);
    const getSourceFile = host.getSourceFile.bind(host);
    host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
      const text = this.texts.get(fileName);
      const cached = this.files.get(fileName);
      if (cached && (text === undefined || cached.text === text)) return cached;
      const file = text !== undefined ? ts.createSourceFile(fileName, text, languageVersion, true) : getSourceFile(fileName, languageVersion, onError, shouldCreate);
      if (file) this.files.set(fileName, file);
      return file;
    };
    this.host = host;
  }

  compile(fileName: string, code: string): { code: string; map: string | undefined; errors: string[] } {
    this.texts.set(fileName, code);
    this.rootNames.add(fileName);
    if (!this.program || this.program.getSourceFile(fileName)?.text !== code) {
      this.program = ts.createProgram({ rootNames: [...this.rootNames], options: this.options, host: this.host, oldProgram: this.program });
    }
    const program = this.program;
    const sourceFile = program.getSourceFile(fileName);
    if (!sourceFile) return { code, map: undefined, errors: [`duckcall/vite: ${fileName} is not part of the TypeScript program.`] };
    let js = code;
    let map: string | undefined;
    const diagnostics: ts.Diagnostic[] = [];
    program.emit(
      sourceFile,
      (name, text) => {
        if (name.endsWith('.map')) map = text;
        else if (/\.[cm]?js$/.test(name)) js = text.replace(/\n\/\/# sourceMappingURL=.*$/, '');
      },
      undefined,
      false,
      { before: [duckcallTransformer(program, this.transformerOptions, { addDiagnostic: (d) => diagnostics.push(d) })] },
    );
    const errors = diagnostics.map((d) => {
      const where = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
      return `${d.file?.fileName ?? fileName}${where ? `:${where.line + 1}:${where.character + 1}` : ''} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    });
    return { code: js, map, errors };
  }
}
