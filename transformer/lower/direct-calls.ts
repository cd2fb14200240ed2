/**
 * Opt-in (`"directCalls": true`): a call whose static argument types select one case, where no
 * earlier case could accept such arguments, calls that case directly, skipping dispatch. The price
 * is the runtime check: a value whose static type is wrong (`JSON.parse(s) as Circle`) runs the
 * case instead of throwing NoMatchingOverloadError, which is why it is off by default.
 *
 * Only sets declared as `const name = overload(...)` at the top of a module, with every case an
 * inline arrow with fixed parameters, and calls of `name(...)` in the same module qualify. The
 * arrows move to constants declared just before the set, in the same scope and order.
 */
import ts from 'typescript';
import type { Shape, ShapeBuilder } from '../analyze/shape.js';
import type { Recognizer } from './recognize.js';
import { positionsOf, type Position } from './parameters.js';

interface DirectSet {
  readonly statement: ts.VariableStatement;
  readonly cases: readonly { readonly node: ts.ArrowFunction; readonly name: string; readonly positions: readonly Position[] }[];
}

type Category = 'string' | 'number' | 'boolean' | 'bigint' | 'symbol' | 'undefined' | 'null' | 'object' | 'function';
const ALL: readonly Category[] = ['string', 'number', 'boolean', 'bigint', 'symbol', 'undefined', 'null', 'object', 'function'];
const NON_NULLISH = ALL.filter((c) => c !== 'undefined' && c !== 'null');

/** Property names a primitive has through its prototype: a structural type asking only for these fits primitives. */
const PRIMITIVE_MEMBERS = new Set(
  [String.prototype, Number.prototype, Boolean.prototype, BigInt.prototype, Symbol.prototype, Object.prototype].flatMap((p) => Object.getOwnPropertyNames(p)),
);

export class DirectCalls {
  private readonly sets = new Map<ts.Symbol, DirectSet>();
  private readonly byArrow = new Map<ts.Node, string>();
  private readonly hoisted = new Map<ts.VariableStatement, ts.Statement[]>();
  private counter = 0;

  constructor(
    private readonly checker: ts.TypeChecker,
    private readonly recognizer: Recognizer,
    private readonly shapes: ShapeBuilder,
    private readonly f: ts.NodeFactory,
    sourceFile: ts.SourceFile,
  ) {
    for (const statement of sourceFile.statements) this.collect(statement);
  }

  private collect(statement: ts.Statement): void {
    if (!ts.isVariableStatement(statement) || !(statement.declarationList.flags & ts.NodeFlags.Const)) return;
    const [declaration, ...more] = statement.declarationList.declarations;
    if (!declaration || more.length > 0 || !ts.isIdentifier(declaration.name)) return;
    const call = declaration.initializer;
    if (!call || !ts.isCallExpression(call) || this.recognizer.functionOf(call.expression) !== 'overload') return;
    if (call.arguments.length === 0 || !call.arguments.every(ts.isArrowFunction)) return;
    const cases = (call.arguments as readonly ts.ArrowFunction[]).map((node) => {
      const signature = this.checker.getSignatureFromDeclaration(node);
      return { node, name: `__dc_d${this.counter++}`, positions: signature ? positionsOf(signature, this.checker, node) : undefined };
    });
    if (cases.some((c) => !c.positions || c.positions.some((p) => p.flag === 'rest'))) return;
    const symbol = this.checker.getSymbolAtLocation(declaration.name);
    if (!symbol) return;
    this.sets.set(symbol, { statement, cases: cases as DirectSet['cases'] });
    for (const c of cases) this.byArrow.set(c.node, c.name);
  }

  /** The constant a case of a qualifying set moves to, recording its declaration for `before`. */
  hoist(arrow: ts.Node, visited: ts.Expression): ts.Identifier | undefined {
    const name = this.byArrow.get(arrow);
    if (!name) return undefined;
    const statement = [...this.sets.values()].find((s) => s.cases.some((c) => c.node === arrow))!.statement;
    const list = this.hoisted.get(statement) ?? [];
    list.push(this.f.createVariableStatement(undefined, this.f.createVariableDeclarationList([this.f.createVariableDeclaration(name, undefined, undefined, visited)], ts.NodeFlags.Const)));
    this.hoisted.set(statement, list);
    return this.f.createIdentifier(name);
  }

  /** The declarations to put before `statement` (the set's own). */
  before(statement: ts.Node): readonly ts.Statement[] {
    return ts.isVariableStatement(statement) ? this.hoisted.get(statement) ?? [] : [];
  }

  /** The case to call directly instead of dispatching `call`, if its static types decide it. */
  target(call: ts.CallExpression): string | undefined {
    if (!ts.isIdentifier(call.expression)) return undefined;
    const symbol = this.checker.getSymbolAtLocation(call.expression);
    const set = symbol && this.sets.get(symbol);
    if (!set || call.arguments.some(ts.isSpreadElement)) return undefined;
    const n = call.arguments.length;
    let args: Shape[];
    try {
      args = call.arguments.map((a) => this.shapes.shapeOf(this.checker.getTypeAtLocation(a), a));
    } catch {
      return undefined;
    }
    if (args.some((arg) => mentionsAny(arg))) return undefined; // `any` says nothing about what will arrive
    for (const c of set.cases) {
      const required = c.positions.filter((p) => p.flag === 'required').length;
      if (n < required || n > c.positions.length) continue;
      if (call.arguments.every((a, i) => this.checker.isTypeAssignableTo(this.checker.getTypeAtLocation(a), c.positions[i]!.type))) return c.name;
      // Not chosen statically, so it must be unable to accept such arguments at run time either.
      let params: Shape[];
      try {
        params = c.positions.slice(0, n).map((p) => this.shapes.shapeOf(p.type, call));
      } catch {
        return undefined;
      }
      if (!args.some((arg, i) => disjoint(arg, params[i]!))) return undefined;
    }
    return undefined;
  }
}

function mentionsAny(shape: Shape, seen = new Set<unknown>()): boolean {
  switch (shape.kind) {
    case 'any':
      return true;
    case 'union':
    case 'intersection':
      return shape.members.some((m) => mentionsAny(m, seen));
    case 'array':
      return mentionsAny(shape.element, seen);
    case 'tuple':
      return shape.elements.some((e) => mentionsAny(e.shape, seen));
    case 'builtin':
      return shape.args.some((a) => mentionsAny(a, seen));
    case 'lazy':
      return true;
    case 'ref': {
      if (seen.has(shape.target)) return false;
      seen.add(shape.target);
      const t = shape.target;
      return t.properties.some((p) => !p.method && mentionsAny(p.shape, seen)) || [t.stringIndex, t.numberIndex].some((s) => s !== undefined && mentionsAny(s, seen));
    }
    default:
      return false;
  }
}

/** The kinds of value (`typeof`, with null apart) a shape can accept; a superset is fine. */
function categories(shape: Shape): Set<Category> {
  switch (shape.kind) {
    case 'typeof':
      return new Set([shape.type]);
    case 'literal':
      return new Set([shape.value === null ? 'null' : (typeof shape.value as Category)]);
    case 'uniqueSymbol':
      return new Set(['symbol']);
    case 'never':
      return new Set();
    case 'nonNullish':
      return new Set(NON_NULLISH);
    case 'nonPrimitive':
      return new Set(['object', 'function']);
    case 'union':
      return new Set(shape.members.flatMap((m) => [...categories(m)]));
    case 'intersection': {
      const [first, ...rest] = shape.members.map(categories);
      return new Set([...(first ?? [])].filter((c) => rest.every((r) => r.has(c))));
    }
    case 'builtin':
      return new Set(shape.structural ? ['object', 'function'] : ['object']);
    case 'array':
    case 'tuple':
    case 'nominal':
      return new Set(['object']);
    case 'nominalConstructor':
      return new Set(['function']);
    case 'boxed':
      return new Set([shape.type, 'object']);
    case 'template':
      return new Set(['string']);
    case 'ref': {
      const t = shape.target;
      if (t.callable) return new Set(['function']);
      const asksMore = t.properties.some((p) => !p.optional && !p.admitsUndefined && (typeof p.key !== 'string' || !PRIMITIVE_MEMBERS.has(p.key)));
      return new Set(asksMore || t.stringIndex ? ['object', 'function'] : NON_NULLISH);
    }
    default:
      return new Set(ALL);
  }
}

/** The literal values a shape is limited to, or `undefined` when it is not a finite set of them. */
function literals(shape: Shape): Set<unknown> | undefined {
  if (shape.kind === 'literal') return new Set([shape.value]);
  if (shape.kind !== 'union') return undefined;
  const values = new Set<unknown>();
  for (const m of shape.members) {
    if (m.kind !== 'literal') return undefined;
    values.add(m.value);
  }
  return values;
}

/** No value fits both shapes (conservative: `false` when unsure). */
function disjoint(a: Shape, b: Shape): boolean {
  const ca = categories(a);
  if (![...categories(b)].some((c) => ca.has(c))) return true;
  const la = literals(a);
  const lb = literals(b);
  if (la && lb) return ![...la].some((v) => lb.has(v));
  if (a.kind === 'ref' && b.kind === 'ref') {
    // A discriminant: a required property both ask for, with no literal in common.
    return a.target.properties.some((pa) => {
      const pb = b.target.properties.find((p) => p.key === pa.key);
      if (!pb || pa.optional || pb.optional) return false;
      const va = literals(pa.shape);
      const vb = literals(pb.shape);
      return va !== undefined && vb !== undefined && ![...va].some((v) => vb.has(v));
    });
  }
  return false;
}
