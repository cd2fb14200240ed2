/**
 * Lowers duckcall's typed forms to its runtime API, as a TypeScript transformer factory that every
 * front end uses: `overload((s: Circle) => …)` becomes `overload(when([CircleProtocol], …))`,
 * `validate<T>(x)` becomes `TProtocol.validate(x)`, `is<T>(x)` a call of T's generated check — writing
 * only what a user could have written by hand, plus the generated guard code.
 */
import { dirname } from 'node:path';
import ts from 'typescript';
import { ImpossibleType, ShapeBuilder, UnsupportedType } from '../analyze/shape.js';
import { diagnosticAt, messages, type AddDiagnostic } from './diagnostics.js';
import { FileAdditions, type ProtocolNeeds } from './file-additions.js';
import { matchersFor, positionsOf, signatureText, type Position } from './parameters.js';
import { covers } from './shadowing.js';
import { DirectCalls } from './direct-calls.js';
import { id, printExpression } from '../emit/code.js';
import { dispatcherFunction, MAX_COMPILED_ARITY } from '../emit/dispatcher.js';
import { Recognizer, type DuckcallFunction } from './recognize.js';

/** The plugin's options: the entry of `"plugins"` in tsconfig.json (ts-patch passes it whole). */
export interface DuckcallTransformerOptions {
  /**
   * Calls whose static argument types select one case call it directly, skipping dispatch. Off by
   * default: a value whose static type is wrong then runs that case instead of throwing.
   */
  readonly directCalls?: boolean;
}

/** What the engine adds for its own front ends; ts-patch users never set these. */
export interface LoweringOptions extends DuckcallTransformerOptions {
  /** Protocol keys name types by paths relative to this directory. Default: the tsconfig's. */
  readonly projectRoot?: string;
  /** Lower to TypeScript that type-checks under `strict` (`duckcall generate`), not to JavaScript. */
  readonly typed?: boolean;
}

/** What ts-patch passes as the third argument; only `addDiagnostic` is used. */
export interface TransformerExtras {
  addDiagnostic?: AddDiagnostic;
}

/**
 * The ts-patch transformer factory (`"transform": "duckcall/transformer"`).
 *
 * @example
 * // tsconfig.json
 * { "compilerOptions": { "plugins": [{ "transform": "duckcall/transformer" }] } }
 */
export function lowering(
  program: ts.Program,
  config: LoweringOptions = {},
  extras: TransformerExtras = {},
): ts.TransformerFactory<ts.SourceFile> {
  const checker = program.getTypeChecker();
  const recognizer = new Recognizer(checker);
  const report: AddDiagnostic = extras.addDiagnostic ?? (() => undefined);
  const legacyDecorators = program.getCompilerOptions().experimentalDecorators === true;
  const configFile = program.getCompilerOptions().configFilePath;
  const projectRoot = config.projectRoot ?? (typeof configFile === 'string' ? dirname(configFile) : program.getCurrentDirectory());
  const typed = config.typed === true;
  return (context) => (sourceFile) => {
    if (sourceFile.isDeclarationFile) return sourceFile;
    const shapes = new ShapeBuilder(checker, program);
    const state = new FileAdditions(sourceFile, checker, shapes, recognizer, context.factory, { typed, projectRoot });
    const direct = config.directCalls === true ? new DirectCalls(checker, recognizer, shapes, context.factory, sourceFile) : undefined;
    const lowering = new Lowering(checker, recognizer, state, context, report, legacyDecorators, direct);
    const visited = ts.visitEachChild(sourceFile, lowering.visit, context);
    return state.finish(visited);
  };
}

/** A mistake in how duckcall is called; its message is the whole diagnostic. */
class Misuse extends Error {}

class Lowering {
  private readonly f: ts.NodeFactory;

  constructor(
    private readonly checker: ts.TypeChecker,
    private readonly recognizer: Recognizer,
    private readonly state: FileAdditions,
    private readonly context: ts.TransformationContext,
    private readonly report: AddDiagnostic,
    private readonly legacyDecorators: boolean,
    private readonly direct: DirectCalls | undefined,
  ) {
    this.f = context.factory;
  }

  readonly visit = (node: ts.Node): ts.Node | ts.Node[] => {
    // Types hold no call, decorator or instantiation expression to lower: not walked.
    if (ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node) || (ts.isTypeNode(node) && !ts.isExpressionWithTypeArguments(node))) return node;
    if (this.direct && ts.isVariableStatement(node)) {
      const visited = ts.visitEachChild(node, this.visit, this.context);
      const before = this.direct.before(node);
      return before.length > 0 ? [...before, visited] : visited;
    }
    if (this.direct && ts.isCallExpression(node)) {
      const target = this.direct.target(node);
      if (target) return this.f.updateCallExpression(node, this.f.createIdentifier(target), node.typeArguments, ts.visitNodes(node.arguments, this.visit) as ts.NodeArray<ts.Expression>);
    }
    if (ts.isDecorator(node) && ts.isMethodDeclaration(node.parent) && this.isOverloadDecorator(node)) return this.decorator(node, node.parent);
    if (ts.isCallExpression(node)) {
      const fn = this.recognizer.functionOf(node.expression);
      if (fn) {
        const lowered = this.guarded(node, () => this.lowerCall(fn, node));
        if (lowered) return lowered;
      }
    }
    if (ts.isExpressionWithTypeArguments(node) && ts.isExpression(node) && node.typeArguments?.length === 1) {
      // `values.filter(is<Circle>)`: an instantiation expression becomes the check itself, or the protocol's own method.
      const fn = this.recognizer.functionOf(node.expression);
      if (fn === 'is' || fn === 'assert' || fn === 'validate') {
        const typeNode = node.typeArguments[0]!;
        const type = this.checker.getTypeFromTypeNode(typeNode);
        const lowered = this.guarded(node, () =>
          fn === 'is'
            ? this.state.isFor(type, node, typeNode)
            : this.f.createPropertyAccessExpression(this.state.typedProtocol(this.state.protocolFor(type, node, { explanation: true }), typeNode), fn),
        );
        if (lowered) return lowered;
      }
    }
    if (ts.isClassDeclaration(node) || ts.isClassExpression(node)) {
      if (!this.hasOverloadDecorator(node)) return ts.visitEachChild(node, this.visit, this.context);
      this.reportShadowedMethods(node);
      const visited = ts.visitEachChild(node, this.visit, this.context);
      return this.legacyDecorators ? visited : this.withInstallBlock(visited);
    }
    return ts.visitEachChild(node, this.visit, this.context);
  };

  /** Runs a lowering; an analysis failure becomes a diagnostic at the node and the node is kept. */
  private guarded(node: ts.Node, lower: () => ts.Node | undefined): ts.Node | undefined {
    try {
      return lower();
    } catch (error) {
      const text =
        error instanceof Misuse
          ? error.message
          : error instanceof UnsupportedType
            ? messages.unsupported(error.detail)
            : error instanceof ImpossibleType
              ? messages.impossible(error.detail)
              : messages.internal(error);
      this.report(diagnosticAt(node, text));
      return undefined;
    }
  }

  private lowerCall(fn: DuckcallFunction, call: ts.CallExpression): ts.Node | undefined {
    switch (fn) {
      case 'overload':
        return this.overloadCall(call);
      case 'is':
      case 'assert':
      case 'validate':
        return this.protocolMethod(fn, call);
      case 'protocol':
        return call.arguments.length === 0 ? this.state.typedProtocol(this.protocolOf(fn, call, { methods: true, explanation: true }), call.typeArguments![0]!) : undefined;
      case 'implement':
        if (call.arguments.length > 0) return undefined;
        return this.f.createCallExpression(this.state.runtime('implement'), undefined, [this.f.createIdentifier(this.protocolOf(fn, call, { methods: true }))]);
      case 'when':
        return undefined;
    }
  }

  /** The protocol for the call's type argument, with what this use needs of it (see `protocolFor`). */
  private protocolOf(fn: string, call: ts.CallExpression, needs: ProtocolNeeds = {}): string {
    return this.state.protocolFor(this.typeArgumentOf(fn, call), call, needs);
  }

  /** The call's type argument, which must be a type duckcall can check (not an unconstrained type parameter). */
  private typeArgumentOf(fn: string, call: ts.CallExpression): ts.Type {
    const typeNode = call.typeArguments?.[0];
    if (!typeNode) throw new Misuse(messages.needsTypeArgument(fn));
    const type = this.checker.getTypeFromTypeNode(typeNode);
    if (type.flags & ts.TypeFlags.TypeParameter) {
      const constraint = this.checker.getBaseConstraintOfType(type);
      if (!constraint || constraint === type || constraint.flags & (ts.TypeFlags.Unknown | ts.TypeFlags.Any)) {
        throw new Misuse(messages.unconstrainedTypeParameter(fn, typeNode.getText()));
      }
    }
    return type;
  }

  private protocolMethod(fn: 'is' | 'assert' | 'validate', call: ts.CallExpression): ts.Node | undefined {
    if (call.arguments.length !== 1) return undefined;
    if (fn === 'is') {
      const check = this.state.isFor(this.typeArgumentOf(fn, call), call, call.typeArguments![0]!);
      return this.f.createCallExpression(check, undefined, [ts.visitNode(call.arguments[0]!, this.visit) as ts.Expression]);
    }
    const protocol = this.state.typedProtocol(this.protocolOf(fn, call, { explanation: true }), call.typeArguments![0]!);
    const value = ts.visitNode(call.arguments[0]!, this.visit) as ts.Expression;
    // An assertion needs a call target declared with its type: in TypeScript output, a typed helper.
    if (fn === 'assert' && this.state.typed) return this.f.createCallExpression(this.state.typedRuntime('assert'), undefined, [protocol, value]);
    return this.f.createCallExpression(this.f.createPropertyAccessExpression(protocol, fn), undefined, [value]);
  }

  // ---- overload(...) ----------------------------------------------------------------------------

  private overloadCall(call: ts.CallExpression): ts.Node | undefined {
    const first = call.arguments[0];
    if (first && (ts.isStringLiteralLike(first) || this.isSymbolLike(first))) {
      return undefined; // the decorator form: handled where the decorator is
    }
    const typed: { index: number; positions: Position[]; signature: string; node: ts.Node }[] = [];
    const cases = call.arguments.map((argument, index) => {
      const visited = ts.visitNode(argument, this.visit) as ts.Expression;
      const signature = this.caseSignature(argument);
      if (!signature) return visited;
      const positions = positionsOf(signature, this.checker, argument);
      const text = signatureText(signature, this.checker);
      const lowered = this.guarded(argument, () =>
        ts.setOriginalNode(
          this.f.createCallExpression(this.state.typedRuntime('when'), undefined, [
            this.f.createArrayLiteralExpression(matchersFor(positions, this.state, argument)),
            this.direct?.hoist(argument, visited) ?? visited,
            this.f.createStringLiteral(text),
          ]),
          argument,
        ),
      );
      if (!lowered) return visited;
      typed.push({ index, positions, signature: text, node: argument });
      return lowered as ts.Expression;
    });
    this.reportShadowing(typed);
    const dispatcher = typed.length === call.arguments.length ? this.compiledDispatcher(typed.map((t) => t.positions), typed.map((t) => this.ignoresThis(t.node as ts.Expression)), call) : undefined;
    const lowered = dispatcher
      ? ts.setOriginalNode(this.f.createCallExpression(this.state.typedRuntime('__compiled'), undefined, [this.f.createIdentifier(dispatcher), ...cases]), call)
      : this.f.updateCallExpression(call, ts.visitNode(call.expression, this.visit) as ts.Expression, call.typeArguments, cases);
    const name = this.declaredName(call);
    if (!name) return lowered;
    return this.f.createCallExpression(this.state.runtime('__named'), undefined, [lowered, this.f.createStringLiteral(name)]);
  }

  /** Straight-line dispatch for sets of typed cases with fixed parameter lists; else `undefined`. */
  private compiledDispatcher(cases: readonly Position[][], ignoresThis: readonly boolean[], at: ts.Node): string | undefined {
    if (cases.some((c) => c.length > MAX_COMPILED_ARITY || c.some((p) => p.flag === 'rest'))) return undefined;
    const compiledCases = cases.map((c) => c.map((p) => ({ shape: this.state.shapes.shapeOf(p.type, at), optional: p.flag === 'optional' })));
    return this.state.dispatcher(dispatcherFunction(compiledCases, this.state.emitter, ignoresThis));
  }

  /**
   * Whether the case's function does not read `this` (an arrow function, or a function whose body
   * never mentions it), so the dispatcher may call it directly rather than with its own `this`: V8
   * inlines a direct call into the dispatcher where `f.call(this, …)` measured 13-16% slower. A
   * case reached by name counts when its name is a `const` or a function declaration.
   */
  private ignoresThis(argument: ts.Expression): boolean {
    let node: ts.Node = unwrapped(argument);
    if (ts.isIdentifier(node) || ts.isPropertyAccessExpression(node)) {
      let symbol = this.checker.getSymbolAtLocation(node);
      if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = this.checker.getAliasedSymbol(symbol);
      const declaration = symbol?.valueDeclaration;
      if (declaration && ts.isFunctionDeclaration(declaration)) node = declaration;
      else if (declaration && ts.isVariableDeclaration(declaration) && declaration.initializer && ts.getCombinedNodeFlags(declaration) & ts.NodeFlags.Const) {
        node = unwrapped(declaration.initializer);
      } else return false;
    }
    if (ts.isArrowFunction(node)) return true;
    if (!(ts.isFunctionExpression(node) || ts.isFunctionDeclaration(node)) || !node.body) return false;
    // A nested function has a `this` of its own; an arrow function shares this one (a nested class's
    // field initializers are looked into too, which only ever keeps the `.call`).
    const mentionsThis = (n: ts.Node): boolean =>
      n.kind === ts.SyntaxKind.ThisKeyword || ((!ts.isFunctionLike(n) || ts.isArrowFunction(n)) && (ts.forEachChild(n, mentionsThis) ?? false));
    return !mentionsThis(node.body);
  }

  private isSymbolLike(node: ts.Expression): boolean {
    // A function is no symbol, and asking would make the checker resolve the whole overload(...) call.
    if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) return false;
    return (this.checker.getTypeAtLocation(node).flags & ts.TypeFlags.ESSymbolLike) !== 0;
  }

  /** The signature to guard, or `undefined` for `when(...)` cases and overloaded functions. */
  private caseSignature(argument: ts.Expression): ts.Signature | undefined {
    if (ts.isCallExpression(argument) && this.recognizer.functionOf(argument.expression)) return undefined;
    if (ts.isArrowFunction(argument) || ts.isFunctionExpression(argument)) return this.checker.getSignatureFromDeclaration(argument);
    const signatures = this.checker.getTypeAtLocation(argument).getCallSignatures();
    const declaration = this.valueDeclarationOf(argument);
    if (signatures.length > 1 && declaration && ts.isFunctionDeclaration(declaration)) {
      this.report(diagnosticAt(argument, messages.signatureOverloads(argument.getText())));
      return undefined;
    }
    if (signatures.length !== 1) return undefined; // an overloaded function: its cases are spliced in
    if (declaration && ts.isVariableDeclaration(declaration) && declaration.initializer && ts.isCallExpression(declaration.initializer)) {
      if (this.recognizer.functionOf(declaration.initializer.expression)) return undefined; // a when(...) or overload(...) value
    }
    return signatures[0];
  }

  private valueDeclarationOf(node: ts.Expression): ts.Declaration | undefined {
    let symbol = this.checker.getSymbolAtLocation(node);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = this.checker.getAliasedSymbol(symbol);
    return symbol?.valueDeclaration;
  }

  private reportShadowing(typed: readonly { index: number; positions: Position[]; signature: string; node: ts.Node }[]): void {
    typed.forEach((later, j) => {
      for (const earlier of typed.slice(0, j)) {
        if (!covers(this.checker, earlier.positions, later.positions)) continue;
        const duplicate = covers(this.checker, later.positions, earlier.positions);
        const text = duplicate
          ? messages.duplicate(later.index, earlier.index, later.signature)
          : messages.shadowed(later.index, earlier.index, later.signature, earlier.signature);
        this.report(diagnosticAt(later.node, text));
        return;
      }
      const twin = typed.slice(0, j).find((earlier) => this.sameGuards(earlier.positions, later.positions, later.node));
      if (twin) this.report(diagnosticAt(later.node, messages.brandOnly(later.index, twin.index, later.signature, twin.signature)));
    });
  }

  /** Cases the checker tells apart but whose guards are the same (brands, which have no runtime value). */
  private sameGuards(a: readonly Position[], b: readonly Position[], at: ts.Node): boolean {
    if (a.length !== b.length || a.some((p, i) => p.flag !== b[i]!.flag)) return false;
    try {
      const guard = (p: Position) => printExpression(this.state.emitter.isExpression(this.state.shapes.shapeOf(p.type, at), id('v')), { typed: false });
      return a.every((p, i) => guard(p) === guard(b[i]!));
    } catch {
      return false; // a type duckcall cannot check is reported where its case is lowered
    }
  }

  /**
   * Duplicate and shadowed `@overload` methods of one class (a subclass case with the parent's
   * parameter types is a replacement, not a mistake, so only a class's own methods are compared).
   */
  private reportShadowedMethods(node: ts.ClassLikeDeclaration): void {
    const sets = new Map<string, { method: string; positions: Position[]; node: ts.Node }[]>();
    for (const member of node.members) {
      if (!ts.isMethodDeclaration(member)) continue;
      const decorator = (ts.getDecorators(member) ?? []).find((d) => this.isOverloadDecorator(d));
      const call = decorator?.expression as ts.CallExpression | undefined;
      const setName = call?.arguments[0];
      if (!call || call.arguments.length !== 1 || !setName || !ts.isStringLiteralLike(setName)) continue;
      const signature = this.checker.getSignatureFromDeclaration(member);
      if (!signature) continue;
      const isStatic = (ts.getCombinedModifierFlags(member) & ts.ModifierFlags.Static) !== 0;
      const key = `${isStatic ? 'static ' : ''}${setName.text}`;
      const list = sets.get(key) ?? [];
      list.push({ method: member.name.getText(), positions: positionsOf(signature, this.checker, member), node: member.name });
      sets.set(key, list);
    }
    for (const [key, cases] of sets) {
      const setName = key.replace(/^static /, '');
      cases.forEach((later, j) => {
        const earlier = cases.slice(0, j).find((e) => covers(this.checker, e.positions, later.positions));
        if (!earlier) return;
        const duplicate = covers(this.checker, later.positions, earlier.positions);
        this.report(
          diagnosticAt(
            later.node,
            duplicate ? messages.duplicateMethod(setName, later.method, earlier.method) : messages.shadowedMethod(setName, later.method, earlier.method),
          ),
        );
      });
    }
  }

  /** `area` in `const area = overload(…)`, so errors can say `area()`. */
  private declaredName(call: ts.CallExpression): string | undefined {
    const parent = call.parent;
    if (ts.isVariableDeclaration(parent) && parent.initializer === call && ts.isIdentifier(parent.name)) return parent.name.text;
    if ((ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) && parent.initializer === call && ts.isIdentifier(parent.name)) {
      return parent.name.text;
    }
    return undefined;
  }

  // ---- @overload('name') on methods --------------------------------------------------------------

  private hasOverloadDecorator(node: ts.ClassLikeDeclaration): boolean {
    return node.members.some((member) => (ts.canHaveDecorators(member) ? ts.getDecorators(member) ?? [] : []).some((d) => this.isOverloadDecorator(d)));
  }

  private isOverloadDecorator(decorator: ts.Decorator): decorator is ts.Decorator & { expression: ts.CallExpression } {
    return ts.isCallExpression(decorator.expression) && this.recognizer.functionOf(decorator.expression.expression) === 'overload';
  }

  /** TC39 decorators never see the class: install the dispatchers at the end of its definition. */
  private withInstallBlock(node: ts.ClassDeclaration | ts.ClassExpression): ts.ClassDeclaration | ts.ClassExpression {
    const f = this.f;
    const install = f.createClassStaticBlockDeclaration(
      f.createBlock([f.createExpressionStatement(f.createCallExpression(this.state.runtime('installOverloads'), undefined, [f.createThis()]))]),
    );
    const members = [...node.members, install];
    return ts.isClassDeclaration(node)
      ? f.updateClassDeclaration(node, node.modifiers, node.name, node.typeParameters, node.heritageClauses, members)
      : f.updateClassExpression(node, node.modifiers, node.name, node.typeParameters, node.heritageClauses, members);
  }

  /** Adds the method's parameter guards to `@overload('area')` when it has no matchers. */
  private decorator(decorator: ts.Decorator, method: ts.MethodDeclaration): ts.Decorator {
    const call = decorator.expression as ts.CallExpression;
    if (call.arguments.length !== 1) return decorator;
    const signature = this.checker.getSignatureFromDeclaration(method);
    if (!signature) return decorator;
    const lowered = this.guarded(decorator, () => {
      const matchers = matchersFor(positionsOf(signature, this.checker, method), this.state, method);
      const written = this.state.typedRuntime('__signature', signatureText(signature, this.checker));
      return this.f.updateDecorator(
        decorator,
        this.f.updateCallExpression(call, call.expression, call.typeArguments, [...call.arguments, ...matchers, written]),
      );
    });
    return (lowered as ts.Decorator | undefined) ?? decorator;
  }
}

/** The expression inside parentheses, `as`, `satisfies` and `!`. */
function unwrapped(expression: ts.Expression): ts.Expression {
  let inner = expression;
  while (ts.isParenthesizedExpression(inner) || ts.isAsExpression(inner) || ts.isSatisfiesExpression(inner) || ts.isNonNullExpression(inner) || ts.isTypeAssertionExpression(inner)) {
    inner = inner.expression;
  }
  return inner;
}
