/**
 * The engine: one incremental Program per tsconfig, over versioned files (a LanguageService host),
 * and for one file its lowered code, source map, duckcall's diagnostics and the files whose types
 * its guards were built from. Every front end but ts-patch (which has tsc's own Program) uses it.
 *
 * A file's version changes when a front end hands over new text (`update(file, text)`), when it says
 * the file changed on disk (`update(file)`), or when `refresh()` finds a newer file on disk. Nothing
 * is cached by a file's own text: the LanguageService rebuilds what any changed file affects.
 */
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import ts from 'typescript';
import { lowering, type LoweringOptions } from '../lower/lowering.js';
import { mayMentionDuckcall, mentionsDuckcall } from '../lower/recognize.js';
import { DIAGNOSTIC_CODE } from '../lower/diagnostics.js';
import { spliceText } from './splice.js';
import { SetupFailure } from './typescript.js';

export { SetupFailure } from './typescript.js';

export interface EngineOptions {
  /** The tsconfig to read, relative to `root`. Default: the nearest `tsconfig.json` from `root`. */
  readonly tsconfig?: string;
  /** Where the project is. Default: the current directory. */
  readonly root?: string;
  /** Calls whose static types select one case call it directly (see duckcall/transformer). */
  readonly directCalls?: boolean;
}

export interface EngineDiagnostic {
  /** Absolute. */
  readonly fileName: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based. */
  readonly column: number;
  /** Starts with `duckcall: `. */
  readonly message: string;
  readonly code: number;
}

export interface Transformed {
  /** JavaScript (`transform`) or TypeScript (`generate`). */
  readonly code: string;
  /** A source map (JSON) from `code` back to the file, for `transform`. */
  readonly map: string | undefined;
  readonly diagnostics: readonly EngineDiagnostic[];
  /** Other files (absolute) whose types this file's guards may have been built from. */
  readonly dependencies: readonly string[];
  /** False when the file has no duckcall calls: `code` is then the input, untouched. */
  readonly changed: boolean;
}

interface FileEntry {
  version: number;
  text: string;
  /** Modification time of the disk copy read, or `undefined` for text a front end handed over. */
  mtime: number | undefined;
}

/** Text that may declare or augment types outside its own module. */
const GLOBAL_EFFECT = /\bdeclare\s+(?:global|module)\b|\/\/\/\s*<reference\b/;
/** A line starting with an import (not `import(…)`) or export: a file without one is a script, whose declarations are global. */
const MODULE_SYNTAX = /^\s*(?:import\b(?!\s*\()|export\b)/m;
const TS_FILE = /\.(?:[cm]?ts|tsx)$/;

export class Engine {
  readonly configFile: string;
  readonly compilerOptions: ts.CompilerOptions;
  readonly typescriptVersion = ts.version;
  /** The tsconfig's files. */
  private readonly projectFiles: Set<string>;
  /**
   * The Program's root files: those of the tsconfig that may use duckcall or may change types
   * elsewhere (declaration files, scripts, `declare global`, `declare module`, `/// <reference`),
   * plus any file transformed. Other files join the Program only if imported: a bundler's modules
   * that never use duckcall are not parsed or bound for it.
   */
  private readonly rootNames: Set<string>;
  private readonly files = new Map<string, FileEntry>();
  private readonly service: ts.LanguageService;
  private readonly lowering: LoweringOptions;
  private projectVersion = 0;

  private constructor(configFile: string, parsed: ts.ParsedCommandLine, options: EngineOptions) {
    this.configFile = configFile;
    this.compilerOptions = {
      ...parsed.options,
      // The engine emits one file at a time for a front end that writes nothing itself: whatever the
      // tsconfig says about emit (Vite's template sets noEmit), emit JavaScript and a map here.
      noEmit: false,
      emitDeclarationOnly: false,
      declaration: false,
      declarationMap: false,
      composite: false,
      incremental: false,
      sourceMap: true,
      inlineSourceMap: false,
      inlineSources: false,
      noEmitOnError: false,
      // Emitting one file would otherwise type-check all of it first (most of a warm re-transform's
      // time); type errors are the project compiler's to report, and the lowering asks the checker
      // only what it needs.
      noCheck: true,
      outDir: undefined,
      outFile: undefined,
      sourceRoot: undefined,
      mapRoot: undefined,
    };
    this.projectFiles = new Set(parsed.fileNames.map(normalize));
    this.rootNames = new Set([...this.projectFiles].filter((file) => this.isRoot(file)));
    this.lowering = { directCalls: options.directCalls === true, projectRoot: dirname(configFile) };
    // JSDoc parsed as tsc parses it: in JavaScript files, where it declares types, and not in
    // TypeScript files, where it only documents (a language service parses it all, for hovers).
    // Parsing lib.dom's comments was about a third of a cold Program's parse time.
    const jsDocParsingMode = ts.JSDocParsingMode.ParseForTypeErrors;
    const host: ts.LanguageServiceHost = {
      getProjectVersion: () => String(this.projectVersion),
      getScriptFileNames: () => [...this.rootNames],
      getScriptVersion: (fileName) => String(this.entry(fileName)?.version ?? 0),
      getScriptSnapshot: (fileName) => {
        const entry = this.entry(fileName);
        return entry ? ts.ScriptSnapshot.fromString(entry.text) : undefined;
      },
      getCurrentDirectory: () => dirname(configFile),
      getCompilationSettings: () => this.compilerOptions,
      getDefaultLibFileName: (settings) => ts.getDefaultLibFilePath(settings),
      fileExists: (fileName) => this.files.has(normalize(fileName)) || ts.sys.fileExists(fileName),
      readFile: (fileName, encoding) => this.files.get(normalize(fileName))?.text ?? ts.sys.readFile(fileName, encoding),
      readDirectory: ts.sys.readDirectory,
      directoryExists: ts.sys.directoryExists,
      getDirectories: ts.sys.getDirectories,
      realpath: ts.sys.realpath,
      useCaseSensitiveFileNames: () => ts.sys.useCaseSensitiveFileNames,
      jsDocParsingMode,
    };
    this.service = ts.createLanguageService(host, ts.createDocumentRegistry(ts.sys.useCaseSensitiveFileNames, dirname(configFile), jsDocParsingMode));
  }

  /**
   * The engine for a project's tsconfig.
   *
   * @throws {SetupFailure} when there is no TypeScript 5.9–6.x compiler API or no readable tsconfig.
   */
  static open(options: EngineOptions = {}): Engine {
    const root = resolve(options.root ?? process.cwd());
    // Touching `ts` first: without a usable compiler API this throws the SetupFailure that says what to install.
    const configFile = options.tsconfig !== undefined ? resolve(root, options.tsconfig) : ts.findConfigFile(root, ts.sys.fileExists);
    if (!configFile || !ts.sys.fileExists(configFile)) {
      throw new SetupFailure(
        options.tsconfig !== undefined
          ? `duckcall: cannot find the tsconfig ${options.tsconfig} (looked in ${relativeOrDot(process.cwd(), root)}).`
          : `duckcall: no tsconfig.json found in ${relativeOrDot(process.cwd(), root)} or above it; pass the tsconfig to use.`,
      );
    }
    let problem: string | undefined;
    const parsed = ts.getParsedCommandLineOfConfigFile(configFile, {}, {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        problem = ts.flattenDiagnosticMessageText(d.messageText, '\n');
      },
    });
    if (!parsed || problem) throw new SetupFailure(`duckcall: cannot read ${relativeOrDot(process.cwd(), configFile)}: ${problem ?? 'unknown error'}`);
    const errors = parsed.errors.filter((d) => d.category === ts.DiagnosticCategory.Error && d.code !== 18003); // 18003: no inputs
    if (errors.length > 0) {
      throw new SetupFailure(
        `duckcall: ${relativeOrDot(process.cwd(), configFile)}: ${errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')).join('\n')}`,
      );
    }
    return new Engine(normalize(configFile), parsed, options);
  }

  /** The tsconfig's source files (absolute, no declaration files). */
  fileNames(): string[] {
    return [...this.projectFiles].filter((f) => TS_FILE.test(f) && !f.endsWith('.d.ts'));
  }

  /** A TypeScript source file the engine should transform: not a declaration file, not in node_modules. */
  covers(fileName: string): boolean {
    const file = normalize(fileName);
    return TS_FILE.test(file) && !/\.d\.[cm]?ts$/.test(file) && !file.includes('/node_modules/');
  }

  /** New text for a file (from a front end), or, without `text`, its current disk copy. */
  update(fileName: string, text?: string): void {
    const file = normalize(fileName);
    const entry = this.files.get(file);
    if (text === undefined) {
      if (!entry) return; // never read: it will be read when needed
      const disk = readDisk(file);
      if (!disk) {
        this.files.delete(file);
        this.projectFiles.delete(file);
        this.rootNames.delete(file);
        this.projectVersion++;
        return;
      }
      if (disk.text !== entry.text) this.set(file, disk.text, disk.mtime);
      else entry.mtime = disk.mtime;
      return;
    }
    if (!entry || entry.text !== text) this.set(file, text, entry?.mtime);
  }

  /** Re-reads every file that changed on disk since it was read. */
  refresh(): void {
    for (const [file, entry] of this.files) {
      if (entry.mtime === undefined || file.includes('/node_modules/')) continue;
      const mtime = ts.sys.getModifiedTime?.(file)?.getTime();
      if (mtime !== entry.mtime) this.update(file);
    }
  }

  /** The file lowered to JavaScript, with a source map; `code` is the front end's current text. */
  transform(fileName: string, code?: string): Transformed {
    const file = normalize(fileName);
    if (code !== undefined) this.update(file, code);
    const skipped = this.skipped(file);
    if (skipped) return skipped;
    const { program, sourceFile } = this.load(file);
    if (!mentionsDuckcall(sourceFile)) return unchanged(sourceFile.text);
    const diagnostics: ts.Diagnostic[] = [];
    let js: string | undefined;
    let map: string | undefined;
    program.emit(
      sourceFile,
      (name, text) => {
        if (name.endsWith('.map')) map = text;
        else if (/\.[cm]?jsx?$/.test(name)) js = text.replace(/\n\/\/# sourceMappingURL=.*$/, '');
      },
      undefined,
      false,
      { before: [lowering(program, this.lowering, { addDiagnostic: (d) => diagnostics.push(d) })] },
    );
    if (js === undefined) throw new Error(`duckcall: TypeScript emitted nothing for ${fileName}.`);
    diagnostics.push(...unresolvedDuckcall(program, sourceFile));
    return { code: js, map, diagnostics: diagnostics.map(toEngineDiagnostic), dependencies: dependenciesOf(program, sourceFile), changed: true };
  }

  /**
   * The file as TypeScript: the user's text unchanged except duckcall's calls, plus one generated
   * block after the imports. It type-checks under `strict` and uses only erasable syntax.
   */
  generate(fileName: string): Transformed {
    const file = normalize(fileName);
    const skipped = this.skipped(file);
    if (skipped) return skipped;
    const { program, sourceFile } = this.load(file);
    if (!mentionsDuckcall(sourceFile)) return unchanged(sourceFile.text);
    const diagnostics: ts.Diagnostic[] = [];
    diagnostics.push(...unresolvedDuckcall(program, sourceFile));
    const factory = lowering(program, { ...this.lowering, directCalls: false, typed: true }, { addDiagnostic: (d) => diagnostics.push(d) });
    const result = ts.transform(sourceFile, [factory], this.compilerOptions);
    try {
      const lowered = result.transformed[0]!;
      const code = lowered === sourceFile ? sourceFile.text : spliceText(sourceFile, lowered);
      return { code, map: undefined, diagnostics: diagnostics.map(toEngineDiagnostic), dependencies: dependenciesOf(program, sourceFile), changed: code !== sourceFile.text };
    } finally {
      result.dispose();
    }
  }

  /** duckcall's diagnostics for every source file of the project. */
  check(): EngineDiagnostic[] {
    const all: EngineDiagnostic[] = [];
    for (const file of this.fileNames()) {
      if (this.skipped(file)) continue;
      const { program, sourceFile } = this.load(file);
      if (!mentionsDuckcall(sourceFile)) continue;
      const diagnostics: ts.Diagnostic[] = [];
      const result = ts.transform(sourceFile, [lowering(program, { ...this.lowering, typed: true }, { addDiagnostic: (d) => diagnostics.push(d) })], this.compilerOptions);
      result.dispose();
      diagnostics.push(...unresolvedDuckcall(program, sourceFile));
      all.push(...diagnostics.map(toEngineDiagnostic));
    }
    return all;
  }

  /** Whether a file of the tsconfig is a root of the Program (see `rootNames`); unsure means yes. */
  private isRoot(file: string): boolean {
    if (!TS_FILE.test(file) || /\.d\.[cm]?ts$/.test(file)) return true;
    const text = this.entry(file)?.text;
    return text === undefined || mayMentionDuckcall(text) || GLOBAL_EFFECT.test(text) || !MODULE_SYNTAX.test(text);
  }

  /**
   * The result for a file whose text shows it cannot use duckcall, found without a Program (which
   * the first such file would otherwise build); `undefined` when the file needs a closer look.
   */
  private skipped(file: string): Transformed | undefined {
    const text = this.entry(file)?.text;
    return text !== undefined && !mayMentionDuckcall(text) ? unchanged(text) : undefined;
  }

  private load(file: string): { program: ts.Program; sourceFile: ts.SourceFile } {
    if (!this.rootNames.has(file)) {
      this.rootNames.add(file);
      this.projectVersion++;
    }
    const program = this.service.getProgram();
    const sourceFile = program?.getSourceFile(file);
    if (!program || !sourceFile) throw new Error(`duckcall: ${file} is not part of the TypeScript program of ${this.configFile}.`);
    return { program, sourceFile };
  }

  private entry(fileName: string): FileEntry | undefined {
    const file = normalize(fileName);
    const known = this.files.get(file);
    if (known) return known;
    const disk = readDisk(file);
    if (!disk) return undefined;
    const entry: FileEntry = { version: 1, text: disk.text, mtime: disk.mtime };
    this.files.set(file, entry);
    return entry;
  }

  private set(file: string, text: string, mtime: number | undefined): void {
    const entry = this.files.get(file);
    this.files.set(file, { version: (entry?.version ?? 0) + 1, text, mtime });
    this.projectVersion++;
  }
}

/** tsc's form: `src/a.ts(3,5): error TS990001: duckcall: …`, with the path relative to `cwd`. */
export function formatDiagnostic(d: EngineDiagnostic, cwd: string): string {
  return `${relativeOrDot(cwd, d.fileName)}(${d.line},${d.column}): error TS${d.code}: ${d.message}`;
}

/**
 * An import of `duckcall` whose types the program cannot read: the calls cannot be recognised, so
 * they would be left as they are and throw SetupError at run time. Said at compile time instead.
 */
function unresolvedDuckcall(program: ts.Program, sourceFile: ts.SourceFile): ts.Diagnostic[] {
  const checker = program.getTypeChecker();
  return sourceFile.statements.flatMap((statement) => {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) return [];
    const specifier = statement.moduleSpecifier;
    if (specifier.text !== 'duckcall' || checker.getSymbolAtLocation(specifier)) return [];
    const start = specifier.getStart(sourceFile);
    return [
      {
        file: sourceFile,
        start,
        length: specifier.getEnd() - start,
        messageText: `duckcall: cannot read the types of 'duckcall' from here, so its calls in this file cannot be compiled. Is it installed, and does this tsconfig's moduleResolution find it?`,
        category: ts.DiagnosticCategory.Error,
        code: DIAGNOSTIC_CODE,
        source: 'duckcall',
      },
    ];
  });
}

function unchanged(text: string): Transformed {
  return { code: text, map: undefined, diagnostics: [], dependencies: [], changed: false };
}

function toEngineDiagnostic(d: ts.Diagnostic): EngineDiagnostic {
  const where = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : { line: 0, character: 0 };
  return {
    fileName: d.file?.fileName ?? '',
    line: where.line + 1,
    column: where.character + 1,
    message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
    code: d.code,
  };
}

/**
 * The files a module's guards may depend on: every project file it reaches through imports and
 * re-exports (type-only ones included), and the project's global declaration files. A superset of
 * the files that declared the checked types, so a guard is never stale.
 */
function dependenciesOf(program: ts.Program, sourceFile: ts.SourceFile): string[] {
  const checker = program.getTypeChecker();
  const seen = new Set<ts.SourceFile>([sourceFile]);
  const queue = [sourceFile];
  const isProjectFile = (file: ts.SourceFile) =>
    !program.isSourceFileDefaultLibrary(file) && !program.isSourceFileFromExternalLibrary(file) && !file.fileName.includes('/node_modules/');
  while (queue.length > 0) {
    const file = queue.pop()!;
    for (const specifier of moduleSpecifiers(file)) {
      const symbol = checker.getSymbolAtLocation(specifier);
      const target = symbol?.valueDeclaration ?? symbol?.declarations?.[0];
      const targetFile = target?.getSourceFile();
      if (!targetFile || seen.has(targetFile) || !isProjectFile(targetFile)) continue;
      seen.add(targetFile);
      queue.push(targetFile);
    }
  }
  for (const file of program.getSourceFiles()) {
    if (!ts.isExternalModule(file) && file.isDeclarationFile && isProjectFile(file)) seen.add(file);
  }
  seen.delete(sourceFile);
  return [...seen].map((f) => f.fileName).sort();
}

function moduleSpecifiers(file: ts.SourceFile): ts.Expression[] {
  const specifiers: ts.Expression[] = [];
  for (const statement of file.statements) {
    if ((ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) && statement.moduleSpecifier) specifiers.push(statement.moduleSpecifier);
    else if (ts.isImportEqualsDeclaration(statement) && ts.isExternalModuleReference(statement.moduleReference)) specifiers.push(statement.moduleReference.expression);
  }
  return specifiers;
}

function readDisk(file: string): { text: string; mtime: number | undefined } | undefined {
  const text = ts.sys.readFile(file);
  return text === undefined ? undefined : { text, mtime: ts.sys.getModifiedTime?.(file)?.getTime() };
}

function normalize(fileName: string): string {
  return ts.sys.resolvePath(fileName).replace(/\\/g, '/');
}

function relativeOrDot(from: string, to: string): string {
  const path = isAbsolute(to) ? relative(from, to).replace(/\\/g, '/') : to;
  return path === '' ? '.' : path;
}
