/**
 * What the transformer adds to one source file: a namespace import of duckcall, the generated
 * guards and protocols (one block after the imports), and imports of classes that nominal checks
 * need. The block is built in the intermediate form of emit/code.ts and written by its printer, as
 * JavaScript or as TypeScript; it is spliced in as that text: it refers only to names the block
 * defines, so no later transform (module format, decorators) has to see inside it. What replaces a
 * call in the user's code is made of TypeScript nodes.
 */
import { posix, relative } from 'node:path';
import ts from 'typescript';
import { ImpossibleType, ShapeBuilder, type Shape } from '../analyze/shape.js';
import {
  array,
  as,
  call,
  declare,
  fn,
  id,
  literal,
  member,
  object,
  path,
  print,
  returns,
  run,
  typeText,
  type Expression,
  type Statement,
} from '../emit/code.js';
import { Block } from '../emit/block.js';
import { Explanations } from '../emit/explain.js';
import { GuardEmitter } from '../emit/guard.js';
import { Schemas } from '../emit/schema.js';
import { shapeText } from '../emit/shape-text.js';
import type { Recognizer } from './recognize.js';

export const NAMESPACE = '__duckcall';

/**
 * Declarations TypeScript output needs so that lowered calls keep their types: `when` with the
 * signature argument, the compiled dispatcher typed as `overload`, and an assertion helper (an
 * assertion's call target must be declared with its type).
 */
const TYPED_RUNTIME: Record<'when' | '__compiled' | 'assert' | '__signature', Statement | undefined> = {
  when: { kind: 'type', name: '__dc_When', type: typeText('<F>(matchers: readonly unknown[], fn: F, signature?: string) => F') },
  __compiled: {
    kind: 'type',
    name: '__dc_Compiled',
    type: typeText(`<const Fs extends readonly Function[]>(build: unknown, ...cases: Fs) => ${NAMESPACE}.Overloaded<Fs>`),
  },
  assert: declare(
    'const',
    '__dc_assert',
    fn([{ name: 'protocol', type: typeText('any') }, { name: 'value', type: typeText('unknown') }], [run(call(member(id('protocol'), 'assert'), id('value')))]),
    typeText(`<T>(protocol: ${NAMESPACE}.Protocol<T>, value: unknown) => asserts value is T`),
  ),
  __signature: undefined,
};

const ANY = typeText('any');

/**
 * What a protocol is for, beyond `is`. A use that needs nothing is a matcher of a case (the only
 * use that asks for nothing): a protocol no other use asks for is built for cases only.
 */
export interface ProtocolNeeds {
  /** `T`'s method list, which only `implement` reads (a protocol handed out by `protocol<T>()` may reach it). */
  readonly methods?: boolean;
  /** A generated `validate` (see explain.ts), for protocols values are validated with; matchers keep the walk. */
  readonly explanation?: boolean;
}

export interface OutputMode {
  /** TypeScript output (`duckcall generate`) rather than JavaScript. */
  readonly typed: boolean;
  /** Protocol keys name types relative to this directory, so output is the same in any folder. */
  readonly projectRoot: string;
}

export class FileAdditions {
  private readonly block = new Block('__dc');
  readonly emitter: GuardEmitter;
  private readonly schemas: Schemas;
  private readonly explanations: Explanations;
  private readonly protocols = new Map<string, string>();
  /**
   * Protocols and dispatcher builders, declared after the guards they use; a protocol is written
   * when the block is, once it is known whether anything needs its method list.
   */
  private readonly blockCode: (Statement | (() => Statement))[] = [];
  /** Protocols a program validates with (`validate`, `assert`, `protocol<T>()`): their `validate` is generated code where it can be. */
  private readonly withExplanation = new Set<string>();
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
    this.emitter = new GuardEmitter(this.block, id(NAMESPACE), (symbol) => this.classReference(symbol));
    this.schemas = new Schemas(this.block, this.emitter);
    this.explanations = new Explanations(this.block, this.emitter, this.schemas, id(NAMESPACE));
  }

  /** A reference to something duckcall's runtime exports, e.g. `runtime('when')`, `runtime('__named')`. */
  runtime(name: string): ts.Expression {
    this.used = true;
    const f = this.factory;
    return name.split('.').reduce<ts.Expression>((object, key) => f.createPropertyAccessExpression(object, key), f.createIdentifier(NAMESPACE));
  }

  get typed(): boolean {
    return this.mode.typed;
  }

  /**
   * A runtime function whose TypeScript output needs a type: `when` and `__compiled` as typed
   * helpers, `assert` as the typed assertion helper, `__signature(text)` as `any`.
   */
  typedRuntime(name: keyof typeof TYPED_RUNTIME, signature?: string): ts.Expression {
    this.used = true;
    const f = this.factory;
    // Typed cases are marked by `__when`, which ships less than `when` (see src/when.ts).
    const target = this.runtime(name === 'when' ? '__when' : name);
    const reference = signature === undefined ? target : f.createCallExpression(target, undefined, [f.createStringLiteral(signature)]);
    if (!this.mode.typed) return reference;
    this.typedRuntimeUsed.add(name);
    const cast = (type: ts.TypeNode) => f.createParenthesizedExpression(f.createAsExpression(reference, type));
    switch (name) {
      case 'assert':
        return f.createIdentifier('__dc_assert');
      case '__signature':
        return cast(f.createKeywordTypeNode(ts.SyntaxKind.AnyKeyword));
      case 'when':
        return cast(f.createTypeReferenceNode('__dc_When'));
      case '__compiled':
        return cast(f.createTypeReferenceNode('__dc_Compiled'));
    }
  }

  /** A generated dispatcher builder (`function (fallback, c0, …) {…}`), declared in the block by name. */
  dispatcher(builder: Expression): string {
    if (builder.kind !== 'function') throw new Error('a dispatcher builder is a function');
    const name = `__dc_dispatch${this.counter++}`;
    this.blockCode.push({ kind: 'function', name, params: builder.params, body: builder.body });
    this.used = true;
    return name;
  }

  /** A protocol by name, in TypeScript output asserted to `Protocol<T>` with `T` as the user wrote it. */
  typedProtocol(name: string, typeArgument: ts.TypeNode): ts.Expression {
    const f = this.factory;
    const protocol = f.createIdentifier(name);
    if (!this.mode.typed) return protocol;
    const type = f.createTypeReferenceNode(f.createQualifiedName(f.createIdentifier(NAMESPACE), 'Protocol'), [typeArgument]);
    return f.createParenthesizedExpression(f.createAsExpression(protocol, type));
  }

  /**
   * What `is<T>` becomes: the generated function that checks `type` (a value whose check throws
   * does not fit), in TypeScript output asserted to `(v: unknown) => v is T` with `T` as written.
   * No protocol object and no schema nodes: a program that only asks `is` ships neither.
   */
  isFor(type: ts.Type, at: ts.Node, typeArgument: ts.TypeNode): ts.Expression {
    const shape: Shape = this.shapes.shapeOf(type, at);
    if (shape.kind === 'never') throw new ImpossibleType(this.shapes.text(type));
    this.used = true;
    const f = this.factory;
    const check = f.createIdentifier(this.emitter.entryFunction(shape));
    if (!this.mode.typed) return check;
    const v = f.createParameterDeclaration(undefined, undefined, 'v', undefined, f.createKeywordTypeNode(ts.SyntaxKind.UnknownKeyword));
    const predicate = f.createFunctionTypeNode(undefined, [v], f.createTypePredicateNode(undefined, 'v', typeArgument));
    return f.createParenthesizedExpression(f.createAsExpression(check, predicate));
  }

  /** A matcher for one parameter position: the protocol, wrapped in `optional(…)` or `rest(…)`. */
  matcher(protocol: string, flag: 'required' | 'optional' | 'rest'): ts.Expression {
    const reference = this.factory.createIdentifier(protocol);
    // `optional`/`rest` of a generated protocol, which needs no check (and ships none).
    return flag === 'required' ? reference : this.factory.createCallExpression(this.runtime(flag === 'optional' ? '__optional' : '__rest'), undefined, [reference]);
  }

  /**
   * The name of a protocol object for `type`, declared once per file and type, with what `needs`
   * asks of it (by any of its uses): other uses ship without a method list and with the walk as
   * their `validate`.
   */
  protocolFor(type: ts.Type, at: ts.Node, needs: ProtocolNeeds = {}): string {
    const key = this.shapes.text(type) + '#' + (type as { id?: number }).id;
    const known = this.protocols.get(key);
    if (known) {
      if (needs.methods) this.withMethods.add(known);
      if (needs.explanation) this.withExplanation.add(known);
      return known;
    }
    const shape: Shape = this.shapes.shapeOf(type, at);
    if (shape.kind === 'never') throw new ImpossibleType(this.shapes.text(type));
    const is = this.emitter.isFunction(shape);
    const name = `__dc_p${this.counter++}`;
    if (needs.methods) this.withMethods.add(name);
    if (needs.explanation) this.withExplanation.add(name);
    // `validate`: straight-line code where the program validates with this protocol and the type is
    // simple enough to spell out its walk; else the walk (the reasons of a failed dispatch among them).
    const validate = (): Expression | undefined => {
      // A type with nothing below it: the walk's one issue is what a protocol without `validate` reports.
      if (explainsItself(shape, typeName)) return undefined;
      const explain = this.withExplanation.has(name) ? this.explanations.explainFunction(shape) : undefined;
      if (explain) return fn(['v'], [returns(call(path(`${NAMESPACE}.__explain`), id(explain), id(this.schemas.nodeOf(shape)), id('v')))]);
      return fn(['v'], [returns(call(path(`${NAMESPACE}.__violations`), id(this.schemas.schema(shape)), id('v')))]);
    };
    const methodList = (): Expression[] =>
      this.checker
        .getPropertiesOfType(type)
        .filter((p) => p.flags & ts.SymbolFlags.Method && !(p.flags & ts.SymbolFlags.Optional))
        // `[Symbol.iterator]()` is named `__@iterator@12` inside the checker: emit the symbol itself.
        .flatMap((p) => {
          const key = this.shapes.keyOf(p);
          if (key === undefined) return [];
          return [this.emitter.key(key)];
        });
    // `import("/abs/src/shapes").Circle` (NodeNext adds `, { with: … }`) names the file relative to
    // the project, so output is the same in any folder.
    const typeKey = this.shapes
      .qualifiedText(type)
      .replace(/import\("([^"]*)"(?=[,)])/g, (_, file: string) => `import(${JSON.stringify(relativePath(this.mode.projectRoot, file))}`);
    const typeName = this.shapes.text(type);
    this.blockCode.push(() => {
      const validation = validate();
      // Used only as a case's matcher (no use asked for more), the protocol is never handed to a
      // user: it is built without what only users call (`assert`, Standard Schema).
      const build = this.withMethods.has(name) || this.withExplanation.has(name) ? 'protocol' : '__caseProtocol';
      return declare(
        'const',
        name,
        // The definition's `is` is a plain function here, not a type predicate: TypeScript output casts.
        call(as(path(`${NAMESPACE}.${build}`), ANY), object([
          ['name', literal(typeName)],
          ['is', id(is)],
          ...(validation ? [['validate', validation] as const] : []),
          ...(this.withMethods.has(name) ? [['methods', array(methodList())] as const] : []),
          ['key', literal(typeKey)],
        ])),
      );
    });
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

  private classReference(symbol: ts.Symbol): Expression | undefined {
    const declaration = symbol.valueDeclaration;
    if (!declaration) return undefined;
    // `typeof Symbol.iterator` and the other well-known symbols.
    const owner = declaration.parent;
    if (ts.isPropertySignature(declaration) && owner && ts.isInterfaceDeclaration(owner) && owner.name.text === 'SymbolConstructor') {
      return member(this.emitter.alias('wellKnown'), symbol.getName());
    }
    // `Geo.Token` for a class inside `namespace Geo`: the names from the module's top level down.
    const names = declarationPath(declaration);
    if (!names) return undefined;
    if (declaration.getSourceFile() === this.sourceFile) return path(names.join('.'));
    // Another module: import it the way this file imports it (the file's own import may be type-only,
    // elided, or a namespace import), so the generated code gets an import of its own.
    const rest = names.slice(1);
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
      return path([namespace, exported.getName(), ...rest].join('.'));
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
    if (!this.used && this.block.empty) return file;
    const f = this.factory;
    const imports: ts.Statement[] = [namespaceImport(f, NAMESPACE, this.specifier())];
    for (const [specifier, name] of this.classImports) imports.push(namespaceImport(f, name, specifier));
    // Protocols first: a method list may add a well-known symbol's alias to the guards.
    const block = this.blockCode.map((code) => (typeof code === 'function' ? code() : code));
    const typedRuntime = [...this.typedRuntimeUsed].flatMap((name) => TYPED_RUNTIME[name] ?? []);
    const statements = [...typedRuntime, ...this.block.statements(), ...block];
    // The block's last `;` is the statement's own.
    const code = print(statements, { typed: this.mode.typed }).replace(/;\s*$/, '');
    const generated = [f.createExpressionStatement(f.createIdentifier(code))];
    const fileStatements = [...file.statements];
    // After the directive prologue ('use client' must stay first) and the imports.
    let at = 0;
    while (at < fileStatements.length && isDirective(fileStatements[at]!)) at++;
    while (at < fileStatements.length && ts.isImportDeclaration(fileStatements[at]!)) at++;
    fileStatements.splice(at, 0, ...imports, ...generated);
    return f.updateSourceFile(file, fileStatements);
  }
}

/** `'use client'` and the like: a string-literal statement at the top of the file. */
function isDirective(statement: ts.Statement): boolean {
  return ts.isExpressionStatement(statement) && ts.isStringLiteral(statement.expression);
}

function relativePath(from: string, to: string): string {
  const relativeTo = relative(from, to).replace(/\\/g, '/');
  return relativeTo.startsWith('.') ? relativeTo : `./${relativeTo}`;
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

/** Shapes whose schema node has nothing below it for the walk to look at. */
const LEAVES: ReadonlySet<Shape['kind']> = new Set(['any', 'typeof', 'literal', 'nonNullish', 'nonPrimitive', 'boxed', 'nominal', 'nominalConstructor', 'uniqueSymbol', 'template']);

function isLeaf(shape: Shape): boolean {
  if (shape.kind === 'union') return shape.members.every(isLeaf);
  if (shape.kind === 'builtin') return !((shape.name === 'Map' && shape.args.length === 2) || (shape.name === 'Set' && shape.args.length === 1));
  return LEAVES.has(shape.kind);
}

/**
 * Whether the walk explains every value that fails `shape` with the one issue
 * `{ path: '$input', expected: name, value }`: a type with nothing below it (see schema.ts,
 * `structure`) whose node text is the protocol's name. That is what a protocol without `validate`
 * reports, so its `validate` is left out and a program whose protocols are all such types (the
 * cases of `overload((n: number) => …, (v: Vec) => …)`) ships no walk.
 */
function explainsItself(shape: Shape, name: string): boolean {
  return isLeaf(shape) && shapeText(shape) === name;
}
