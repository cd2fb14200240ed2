/**
 * What the transformer adds to one source file: a namespace import of duckcall, the generated
 * guards and protocols (one block after the imports), and imports of classes that nominal checks
 * need. Generated code is spliced in as text: it refers only to names this block defines, so no
 * later transform (module format, decorators) has to see inside it.
 */
import { posix, relative } from 'node:path';
import ts from 'typescript';
import { ImpossibleType, ShapeBuilder, type Shape } from '../analyze/shape.js';
import { GuardEmitter } from '../emit/guard.js';
import { typedBlock } from '../emit/typed.js';
import type { Recognizer } from './recognize.js';

export const NAMESPACE = '__duckcall';

/**
 * Declarations TypeScript output needs so that lowered calls keep their types: `when` with the
 * signature argument, the compiled dispatcher typed as `overload`, and an assertion helper (an
 * assertion's call target must be declared with its type).
 */
const TYPED_RUNTIME = {
  when: `type __dc_When = <F>(matchers: readonly unknown[], fn: F, signature?: string) => F;`,
  __compiled: `type __dc_Compiled = <const Fs extends readonly Function[]>(build: unknown, ...cases: Fs) => ${NAMESPACE}.Overloaded<Fs>;`,
  assert: `const __dc_assert: <T>(protocol: ${NAMESPACE}.Protocol<T>, value: unknown) => asserts value is T = (protocol: any, value: unknown) => { protocol.assert(value); };`,
  __signature: '',
} as const;

export interface OutputMode {
  /** TypeScript output (`duckcall generate`) rather than JavaScript. */
  readonly typed: boolean;
  /** Protocol keys name types relative to this directory, so output is the same in any folder. */
  readonly projectRoot: string;
}

export class FileAdditions {
  readonly emitter: GuardEmitter;
  private readonly protocols = new Map<string, string>();
  /**
   * Protocols and dispatcher builders, declared after the guards they use; a protocol is written
   * when the block is, once it is known whether anything needs its method list.
   */
  private readonly blockCode: (string | (() => string))[] = [];
  /** Protocols whose method list is needed: those `implement<T>()` reads, or `protocol<T>()` hands out. */
  private readonly withMethods = new Set<string>();
  private readonly classImports = new Map<string, string>();
  private readonly typedRuntimeUsed = new Set<keyof typeof TYPED_RUNTIME>();
  private used = false;
  private counter = 0;

  constructor(
    private readonly sourceFile: ts.SourceFile,
    private readonly checker: ts.TypeChecker,
    readonly shapes: ShapeBuilder,
    private readonly recognizer: Recognizer,
    private readonly factory: ts.NodeFactory,
    private readonly mode: OutputMode,
  ) {
    this.emitter = new GuardEmitter('__dc_H', (symbol) => this.classReference(symbol));
  }

  /** A reference to something duckcall's runtime exports, e.g. `runtime('when')`. */
  runtime(name: string): ts.Identifier {
    this.used = true;
    return verbatim(this.factory, `${NAMESPACE}.${name}`);
  }

  get typed(): boolean {
    return this.mode.typed;
  }

  /**
   * A runtime function whose TypeScript output needs a type: `when` and `__compiled` as typed
   * helpers, `assert` as the typed assertion helper, `__signature(text)` as `any`.
   */
  typedRuntime(name: keyof typeof TYPED_RUNTIME, argument?: string): ts.Identifier {
    this.used = true;
    const call = argument === undefined ? '' : `(${argument})`;
    if (!this.mode.typed) return verbatim(this.factory, `${NAMESPACE}.${name}${call}`);
    this.typedRuntimeUsed.add(name);
    switch (name) {
      case 'assert':
        return verbatim(this.factory, '__dc_assert');
      case '__signature':
        return verbatim(this.factory, `(${NAMESPACE}.__signature${call} as any)`);
      case 'when':
        return verbatim(this.factory, `(${NAMESPACE}.when as __dc_When)`);
      case '__compiled':
        return verbatim(this.factory, `(${NAMESPACE}.__compiled as __dc_Compiled)`);
    }
  }

  /** A generated dispatcher builder (`function (fallback, c0, …) {…}`), declared in the block by name. */
  dispatcher(source: string): string {
    const name = `__dc_dispatch${this.counter++}`;
    this.blockCode.push(source.replace(/^function /, `function ${name}`));
    this.used = true;
    return name;
  }

  /** A protocol's name, in TypeScript output asserted to `Protocol<T>` with `T` as the user wrote it. */
  typedProtocol(name: string, typeArgument: ts.TypeNode): string {
    return this.mode.typed ? `(${name} as ${NAMESPACE}.Protocol<${typeArgument.getText()}>)` : name;
  }

  /**
   * The name of a protocol object for `type`, declared once per file and type. `methods`: the
   * protocol needs the names of `T`'s methods, which only `implement` reads (a protocol handed out
   * by `protocol<T>()` may reach it); other uses ship without them.
   */
  protocolFor(type: ts.Type, at: ts.Node, methods = false): string {
    const key = this.shapes.text(type) + '#' + (type as { id?: number }).id;
    const known = this.protocols.get(key);
    if (known) {
      if (methods) this.withMethods.add(known);
      return known;
    }
    const shape: Shape = this.shapes.shapeOf(type, at);
    if (shape.kind === 'never') throw new ImpossibleType(this.shapes.text(type));
    const is = this.emitter.isFunction(shape);
    const schema = this.emitter.schema(shape);
    const name = `__dc_p${this.counter++}`;
    if (methods) this.withMethods.add(name);
    const methodList = (): string =>
      this.checker
        .getPropertiesOfType(type)
        .filter((p) => p.flags & ts.SymbolFlags.Method && !(p.flags & ts.SymbolFlags.Optional))
        // `[Symbol.iterator]()` is named `__@iterator@12` inside the checker: emit the symbol itself.
        .flatMap((p) => {
          const key = this.shapes.keyOf(p);
          if (key === undefined) return [];
          return [this.emitter.key(key)];
        })
        .join(', ');
    // `import("/abs/src/shapes").Circle` (NodeNext adds `, { with: … }`) names the file relative to
    // the project, so output is the same in any folder.
    const typeKey = this.checker
      .typeToString(type, undefined, ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseFullyQualifiedType)
      .replace(/import\("([^"]*)"(?=[,)])/g, (_, path: string) => `import(${JSON.stringify(relativePath(this.mode.projectRoot, path))}`);
    const protocolFunction = this.mode.typed ? `(${NAMESPACE}.protocol as any)` : `${NAMESPACE}.protocol`;
    const typeName = JSON.stringify(this.shapes.text(type));
    this.blockCode.push(
      () =>
        `const ${name} = ${protocolFunction}({ name: ${typeName}, is: ${is}, ` +
        `validate: function (v) { return __dc_H.violations(${schema}, v); }, ` +
        `${this.withMethods.has(name) ? `methods: [${methodList()}], ` : ''}key: ${JSON.stringify(typeKey)} });`,
    );
    this.protocols.set(key, name);
    this.used = true;
    return name;
  }

  /**
   * The module specifier this file already uses for duckcall's runtime entry (the module exporting
   * `__guards`), so the import resolves the same way. A file that reaches duckcall only through a
   * re-export module inside the package gets the entry that module re-exports, rebased to this file.
   */
  private specifier(): string {
    let viaReexport: string | undefined;
    for (const statement of this.sourceFile.statements) {
      if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
      const moduleSymbol = this.checker.getSymbolAtLocation(statement.moduleSpecifier);
      const declaration = moduleSymbol?.getDeclarations()?.[0];
      if (!moduleSymbol || !declaration || !this.recognizer.isDuckcallFile(declaration.getSourceFile().fileName)) continue;
      if (this.isRuntimeEntry(moduleSymbol)) return statement.moduleSpecifier.text;
      viaReexport ??= this.reexportedEntry(declaration.getSourceFile(), statement.moduleSpecifier.text);
    }
    return viaReexport ?? 'duckcall';
  }

  private isRuntimeEntry(moduleSymbol: ts.Symbol): boolean {
    return this.checker.getExportsOfModule(moduleSymbol).some((s) => s.getName() === '__guards');
  }

  /** `export … from '<entry>'` in `file` (imported here as `via`), as a specifier relative to this file. */
  private reexportedEntry(file: ts.SourceFile, via: string): string | undefined {
    for (const statement of file.statements) {
      if (!ts.isExportDeclaration(statement) || !statement.moduleSpecifier || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
      const moduleSymbol = this.checker.getSymbolAtLocation(statement.moduleSpecifier);
      if (!moduleSymbol || !this.isRuntimeEntry(moduleSymbol)) continue;
      const target = statement.moduleSpecifier.text;
      if (!target.startsWith('.') || !via.startsWith('.')) return target;
      const rebased = posix.relative(posix.dirname(this.sourceFile.fileName), posix.join(posix.dirname(file.fileName), target));
      return rebased.startsWith('.') ? rebased : `./${rebased}`;
    }
    return undefined;
  }

  private classReference(symbol: ts.Symbol): string | undefined {
    const declaration = symbol.valueDeclaration;
    if (!declaration) return undefined;
    // `typeof Symbol.iterator` and the other well-known symbols.
    const owner = declaration.parent;
    if (ts.isPropertySignature(declaration) && owner && ts.isInterfaceDeclaration(owner) && owner.name.text === 'SymbolConstructor') {
      return `${this.emitter.alias('wellKnown')}.${symbol.getName()}`;
    }
    // `Geo.Token` for a class inside `namespace Geo`: the names from the module's top level down.
    const path = declarationPath(declaration);
    if (!path) return undefined;
    if (declaration.getSourceFile() === this.sourceFile) return path.join('.');
    // Another module: import it the way this file imports it (the file's own import may be type-only,
    // elided, or a namespace import), so the generated code gets an import of its own.
    const rest = path.slice(1);
    for (const statement of this.sourceFile.statements) {
      if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
      const moduleSymbol = this.checker.getSymbolAtLocation(statement.moduleSpecifier);
      if (!moduleSymbol) continue;
      // The name under which that module exports the top of the path (a class, or its namespace).
      const exported = this.checker.getExportsOfModule(moduleSymbol).find((e) => {
        const target = e.flags & ts.SymbolFlags.Alias ? this.checker.getAliasedSymbol(e) : e;
        return target === (rest.length === 0 ? symbol : this.topSymbol(declaration));
      });
      if (!exported) continue;
      const specifier = statement.moduleSpecifier.text;
      let namespace = this.classImports.get(specifier);
      if (!namespace) this.classImports.set(specifier, (namespace = `__dc_m${this.counter++}`));
      return [namespace, exported.getName(), ...rest].join('.');
    }
    return undefined;
  }

  /** The symbol of the outermost declaration (a namespace) that holds `declaration`. */
  private topSymbol(declaration: ts.Declaration): ts.Symbol | undefined {
    let top: ts.Node = declaration;
    for (let node: ts.Node = declaration; !ts.isSourceFile(node); node = node.parent) if (ts.isModuleDeclaration(node)) top = node;
    const name = ts.getNameOfDeclaration(top as ts.Declaration);
    return name ? this.checker.getSymbolAtLocation(name) : undefined;
  }

  /** The file with duckcall's import and the generated block added after the existing imports. */
  finish(file: ts.SourceFile): ts.SourceFile {
    if (!this.used && this.emitter.empty) return file;
    const f = this.factory;
    const imports: ts.Statement[] = [namespaceImport(f, NAMESPACE, this.specifier())];
    for (const [specifier, name] of this.classImports) imports.push(namespaceImport(f, name, specifier));
    // One read of the helpers: in CommonJS output each `__duckcall.x` goes through a getter.
    // Protocols first: a method list may add a well-known symbol's alias to the guards.
    const block = this.blockCode.map((code) => (typeof code === 'string' ? code : code()));
    let code = [`const __dc_H = ${NAMESPACE}.__guards;`, this.emitter.code(), ...block].join('\n');
    if (this.mode.typed) code = [...[...this.typedRuntimeUsed].map((name) => TYPED_RUNTIME[name]).filter(Boolean), typedBlock(code)].join('\n');
    // The block's last `;` is the statement's own.
    const generated = code ? [f.createExpressionStatement(verbatim(f, code.replace(/;\s*$/, '')))] : [];
    const statements = [...file.statements];
    // After the directive prologue ('use client' must stay first) and the imports.
    let at = 0;
    while (at < statements.length && isDirective(statements[at]!)) at++;
    while (at < statements.length && ts.isImportDeclaration(statements[at]!)) at++;
    statements.splice(at, 0, ...imports, ...generated);
    return f.updateSourceFile(file, statements);
  }
}

/** `'use client'` and the like: a string-literal statement at the top of the file. */
function isDirective(statement: ts.Statement): boolean {
  return ts.isExpressionStatement(statement) && ts.isStringLiteral(statement.expression);
}

function relativePath(from: string, to: string): string {
  const path = relative(from, to).replace(/\\/g, '/');
  return path.startsWith('.') ? path : `./${path}`;
}

/**
 * The names that reach a class or `const` from the top of its module: `['Shape']`, or
 * `['Geo', 'Token']` inside `namespace Geo`. `undefined` for a declaration inside a function or block.
 */
function declarationPath(declaration: ts.Declaration): string[] | undefined {
  let name: string;
  let container: ts.Node;
  if (ts.isClassDeclaration(declaration) && declaration.name) {
    name = declaration.name.text;
    container = declaration.parent;
  } else if (ts.isVariableDeclaration(declaration) && ts.isIdentifier(declaration.name) && ts.isVariableStatement(declaration.parent.parent)) {
    name = declaration.name.text;
    container = declaration.parent.parent.parent;
  } else return undefined;
  const path = [name];
  while (!ts.isSourceFile(container)) {
    if (!ts.isModuleBlock(container)) return undefined;
    const namespace = container.parent;
    if (!ts.isIdentifier(namespace.name)) return undefined;
    path.unshift(namespace.name.text);
    container = namespace.parent;
    // `namespace A.B {}` nests a ModuleDeclaration directly in another.
    while (ts.isModuleDeclaration(container)) {
      if (!ts.isIdentifier(container.name)) return undefined;
      path.unshift(container.name.text);
      container = container.parent;
    }
  }
  return path;
}

function namespaceImport(f: ts.NodeFactory, name: string, specifier: string): ts.ImportDeclaration {
  return f.createImportDeclaration(
    undefined,
    f.createImportClause(false, undefined, f.createNamespaceImport(f.createIdentifier(name))),
    f.createStringLiteral(specifier),
  );
}

/** Code as an identifier node: printed verbatim, opaque to later transforms. */
export function verbatim(f: ts.NodeFactory, code: string): ts.Identifier {
  return f.createIdentifier(code);
}
