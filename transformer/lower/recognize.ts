/**
 * Finds duckcall's own functions by the declaration a call resolves to (a file of the package named
 * `duckcall`), never by identifier text, so `import { assert as check }`, namespace imports and
 * re-exports all work.
 */
import ts from 'typescript';

export type DuckcallFunction = 'overload' | 'when' | 'is' | 'assert' | 'validate' | 'protocol' | 'implement';
const NAMES = new Set<string>(['overload', 'when', 'is', 'assert', 'validate', 'protocol', 'implement']);

export class Recognizer {
  private readonly packageOfDirectory = new Map<string, boolean>();

  constructor(private readonly checker: ts.TypeChecker) {}

  /** Which duckcall function `callee` refers to, if any. */
  functionOf(callee: ts.Expression): DuckcallFunction | undefined {
    return this.cannotBeDuckcall(callee) ? undefined : this.resolvedFunctionOf(callee);
  }

  /** `functionOf` asked of the checker, whatever the callee's name. */
  resolvedFunctionOf(callee: ts.Expression): DuckcallFunction | undefined {
    let symbol = this.checker.getSymbolAtLocation(ts.isPropertyAccessExpression(callee) ? callee.name : callee);
    if (!symbol) return undefined;
    if (symbol.flags & ts.SymbolFlags.Alias) symbol = this.checker.getAliasedSymbol(symbol);
    const name = symbol.getName();
    if (!NAMES.has(name)) return undefined;
    // Exported functions only: `protocol.is(x)` names a method of the same name.
    const declaration = symbol.getDeclarations()?.[0];
    return declaration && ts.isFunctionDeclaration(declaration) && this.isDuckcallFile(declaration.getSourceFile().fileName) ? (name as DuckcallFunction) : undefined;
  }

  /**
   * A callee the checker need not be asked about (most calls of a file): it is named (`f`, `a.b.f`)
   * by a name none of duckcall's functions has, and its first name is no import of the file. Such a
   * name resolves to a declaration of that same name (a variable, a parameter, a function, a
   * property), which is not duckcall's: only an import can give a function another name.
   */
  private cannotBeDuckcall(callee: ts.Expression): boolean {
    const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
    if (name === undefined || NAMES.has(name)) return false;
    let head: ts.Expression = callee;
    while (ts.isPropertyAccessExpression(head)) head = head.expression;
    if (head.kind === ts.SyntaxKind.ThisKeyword || head.kind === ts.SyntaxKind.SuperKeyword) return true;
    if (!ts.isIdentifier(head)) return false;
    const file = head.pos >= 0 ? head.getSourceFile() : undefined;
    return file !== undefined && !this.importedNames(file).has(head.text);
  }

  private readonly imported = new WeakMap<ts.SourceFile, Set<string>>();

  /** Every name a file's imports (`import …`, `import x = …`) bind, at its top level or in its namespaces. */
  private importedNames(file: ts.SourceFile): Set<string> {
    let names = this.imported.get(file);
    if (names) return names;
    names = new Set();
    const add = (name: ts.Identifier | undefined) => name && names!.add(name.text);
    const visit = (statements: readonly ts.Statement[]): void => {
      for (const statement of statements) {
        if (ts.isImportDeclaration(statement)) {
          const clause = statement.importClause;
          add(clause?.name);
          const bindings = clause?.namedBindings;
          if (bindings && ts.isNamespaceImport(bindings)) add(bindings.name);
          else if (bindings) for (const element of bindings.elements) add(element.name);
        } else if (ts.isImportEqualsDeclaration(statement)) add(statement.name);
        else if (ts.isModuleDeclaration(statement)) {
          let body = statement.body;
          while (body && ts.isModuleDeclaration(body)) body = body.body;
          if (body && ts.isModuleBlock(body)) visit(body.statements);
        }
      }
    };
    visit(file.statements);
    this.imported.set(file, names);
    return names;
  }

  /** Whether a file belongs to the package named `duckcall` (its nearest package.json says so). */
  isDuckcallFile(fileName: string): boolean {
    const directory = fileName.slice(0, fileName.lastIndexOf('/'));
    return this.isDuckcallDirectory(directory);
  }

  private isDuckcallDirectory(directory: string): boolean {
    const known = this.packageOfDirectory.get(directory);
    if (known !== undefined) return known;
    let result = false;
    const manifest = `${directory}/package.json`;
    if (ts.sys.fileExists(manifest)) {
      try {
        result = (JSON.parse(ts.sys.readFile(manifest) ?? '{}') as { name?: unknown }).name === 'duckcall';
      } catch {
        result = false;
      }
    } else {
      const parent = directory.slice(0, directory.lastIndexOf('/'));
      result = parent !== '' && parent !== directory && this.isDuckcallDirectory(parent);
    }
    this.packageOfDirectory.set(directory, result);
    return result;
  }
}

const NAME = `(?:${[...NAMES].join('|')})`;
/** Whitespace and comments, which may sit between a callee and its `(` or `<`. */
const GAP = String.raw`(?:\s|\/\*[\s\S]*?\*\/|\/\/[^\n]*\n)*`;
/**
 * The text `mayMentionDuckcall` looks for: a duckcall name called, instantiated or decorated with
 * (`is(`, `is<`, `is?.(`, `@overload(`), or imported under another name (`is as check`, `'is' as check`).
 */
export const MAY_MENTION_DUCKCALL = new RegExp(String.raw`\b${NAME}${GAP}(?:\?\.${GAP})?[(<]|\b${NAME}['"]?${GAP}as\b`);

/**
 * A text test, cheaper still, that every module `mentionsDuckcall` accepts passes too (it may pass
 * others: `is (` in a comment). A module that fails it is left alone before it is parsed, so a
 * bundler's modules that never use duckcall cost no Program (the bundler plugins hand it to the
 * bundler as a filter, so those modules do not even reach JavaScript).
 */
export function mayMentionDuckcall(text: string): boolean {
  return MAY_MENTION_DUCKCALL.test(text);
}

/**
 * A cheap, syntax-only test a module must pass before the checker is asked anything: it calls (or
 * decorates with, or instantiates) a function named like one of duckcall's, directly, through a
 * namespace (`dc.is`) or through a renaming import (`import { is as check }`). Modules that fail it
 * are left to the bundler untouched. A duckcall function re-exported under another name from a
 * module of the user's is not seen: such calls then throw duckcall's "not compiled" SetupError.
 */
export function mentionsDuckcall(file: ts.SourceFile): boolean {
  const names = new Set(NAMES);
  for (const statement of file.statements) {
    const bindings = ts.isImportDeclaration(statement) ? statement.importClause?.namedBindings : undefined;
    if (!bindings || !ts.isNamedImports(bindings)) continue;
    for (const element of bindings.elements) if (element.propertyName && NAMES.has(element.propertyName.text)) names.add(element.name.text);
  }
  const calleeName = (callee: ts.Expression): string | undefined =>
    ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
  const visit = (node: ts.Node): boolean => {
    if (ts.isCallExpression(node) || ts.isExpressionWithTypeArguments(node)) {
      const name = calleeName(node.expression);
      if (name !== undefined && names.has(name)) return true;
    }
    return ts.forEachChild(node, visit) ?? false;
  };
  return visit(file);
}
