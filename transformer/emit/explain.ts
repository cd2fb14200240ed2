/**
 * `validate` of a simple type: straight-line code doing what the walk (src/internal/violations.ts)
 * does for its node, step by step, so it reports the same issues in the same order. What it does
 * not spell out (a union with structure, a Map, a tuple, a recursive type…) it hands to the walk,
 * which shares its state. Each function takes the walk `w`, a value that failed its node's check
 * (and is noted as walked) and its path, and returns whether it added issues (the walk's frame).
 */
import { admitsUndefined, type ObjectShape, type Shape } from '../analyze/shape.js';
import type { Block } from './block.js';
import {
  and,
  array,
  assign,
  binary,
  call,
  conditional,
  declare,
  differs,
  element,
  equals,
  FALSE,
  functionDeclaration,
  id,
  increment,
  literal,
  member,
  not,
  NULL,
  or,
  returns,
  run,
  TRUE,
  typeOf,
  UNDEFINED,
  when,
  type Expression,
  type Statement,
} from './code.js';
import type { GuardEmitter } from './guard.js';
import type { Schemas } from './schema.js';

export class Explanations {
  /** Generated explanations by object type, and by array shape. */
  private readonly explainers = new Map<ObjectShape | Shape, string>();
  private readonly simpleObjects = new Map<ObjectShape, boolean>();

  /** @param runtime the expression for duckcall's runtime entry (`__duckcall`), which exports the helpers generated explanations call (`__xleaf`…) */
  constructor(
    private readonly block: Block,
    private readonly guards: GuardEmitter,
    private readonly schemas: Schemas,
    private readonly runtime: Expression,
  ) {}

  /**
   * The explanation of `shape` for a protocol's `validate`, a function for `__explain` (see
   * `Explainer` in src/internal/violations.ts), when `shape` is a simple object type or an array of
   * simple things (see `simpleObject`); `undefined` when the walk explains it.
   */
  explainFunction(shape: Shape): string | undefined {
    if (shape.kind === 'ref' && this.simpleObject(shape.target)) return this.objectExplainer(shape.target, this.schemas.nodeOf(shape));
    if (shape.kind === 'array' && this.simpleElement(shape.element)) return this.arrayExplainer(shape);
    return undefined;
  }

  /**
   * An object type whose walk the generated code spells out: its check is a plain property check
   * (not weak, not callable, no index signature, no recursion below it), and its properties are
   * read as the walk reads them (no own-only, exact-optional, symbol or numeric keys).
   */
  private simpleObject(target: ObjectShape): boolean {
    const known = this.simpleObjects.get(target);
    if (known !== undefined) return known;
    const simple =
      !target.weak &&
      !target.callable &&
      !target.recursive &&
      !this.guards.recurses({ kind: 'ref', target }) &&
      !target.stringIndex &&
      !target.numberIndex &&
      target.keyedIndexes.length === 0 &&
      target.properties.every((p) => !p.own && !p.exact && typeof p.key === 'string' && String(Number(p.key)) !== p.key);
    this.simpleObjects.set(target, simple);
    return simple;
  }

  /** An array element the generated code explains itself: never `undefined` (so the walk's sparse-array path never applies). */
  private simpleElement(shape: Shape): boolean {
    if (isLeafShape(shape)) return !admitsUndefined(shape);
    if (shape.kind === 'ref') return this.simpleObject(shape.target);
    return shape.kind === 'array' && this.simpleElement(shape.element);
  }

  /**
   * A helper of generated explanations (exported as `__x<name>`), read once per file under a
   * module-local name (`__dc_xleaf`), so a bundle keeps only the helpers a program names.
   */
  private explainer(name: 'part' | 'leaf' | 'end' | 'cycle' | 'absent'): Expression {
    const key = `explainer:${name}`;
    const known = this.block.names.get(key);
    if (known) return id(known);
    const local = `${this.block.prefix}_x${name}`;
    this.block.names.set(key, local);
    this.block.declarations.unshift(declare('const', local, member(this.runtime, `__x${name}`)));
    return id(local);
  }

  /** `const n = w.issues.length; let f = false;`: the frame's start (`before`, `childFailed`). */
  private frameStart(): Statement[] {
    return [declare('const', 'n', member(member(W, 'issues'), 'length')), declare('let', 'f', FALSE)];
  }

  /** `return end(w, n, f, node, p, v)`: the node itself is the issue when nothing below failed. */
  private frameEnd(node: string): Statement {
    return returns(call(this.explainer('end'), W, id('n'), id('f'), id(node), P, V));
  }

  /** A failing object of a simple type: its properties read first (each read that throws is an issue), then each looked at in order. */
  private objectExplainer(target: ObjectShape, node: string): string {
    const known = this.explainers.get(target);
    if (known) return known;
    const name = this.block.fresh('x');
    this.explainers.set(target, name);
    const properties = target.properties;
    const values = properties.map((_, i) => `v${i}`);
    const thrown = properties.map((_, i) => `k${i}`);
    const reads: Statement[] = [
      { kind: 'declare', keyword: 'let', declarators: properties.flatMap((_, i) => [{ name: values[i]! }, { name: thrown[i]! }]) },
      ...properties.map((p, i): Statement => ({
        kind: 'try',
        body: [run(assign(id(values[i]!), member(V, p.key as string)))],
        catch: { name: 'e', body: [run(assign(id(thrown[i]!), array([id('e')])))] },
      })),
    ];
    const looks = properties.map((p, i): Statement => {
      const key = p.key as string;
      const value = id(values[i]!);
      const thrownValue = id(thrown[i]!);
      const path = binary(P, '+', literal(keyPath(key)));
      const child = p.method ? this.schemas.methodSchema(p.shape) : undefined;
      const node = child ?? this.schemas.nodeOf(p.shape);
      // Missing (a required key whose value reads `undefined`): the node is what was expected. Where
      // the type does not admit `undefined` and the walk is not handed the part, the check says so
      // the same way.
      const missing = call(this.explainer('absent'), V, literal(key));
      const checksPresence = !p.optional && (child !== undefined || p.admitsUndefined || this.handed(p.shape));
      if (!child && isLeafShape(p.shape)) {
        // One test and one call: the read threw, or the value fails (the walk's `leaf`).
        const check = not(this.guards.isExpression(p.shape, value));
        const fails = p.optional ? and(differs(value, UNDEFINED), check) : checksPresence ? conditional(equals(value, UNDEFINED), missing, check) : check;
        return when(or(thrownValue, fails), run(assign(F, call(this.explainer('leaf'), W, id(node), path, value, thrownValue))));
      }
      const look = child ? this.partLook(child, value, path) : this.look(p.shape, value, path);
      let rest: Statement;
      if (p.optional) rest = when(differs(value, UNDEFINED), look);
      else if (checksPresence) rest = when(and(equals(value, UNDEFINED), missing), [run(call(this.explainer('leaf'), W, id(node), path, UNDEFINED))], [look]);
      else rest = look;
      return when(thrownValue, [run(call(this.explainer('leaf'), W, id(node), path, UNDEFINED, thrownValue))], [rest]);
    });
    const objectLike = conditional(equals(typeOf(V), literal('object')), differs(V, NULL), equals(typeOf(V), literal('function')));
    this.block.declarations.push(
      functionDeclaration(name, ['w', V_NAME, 'p'], [...this.frameStart(), ...(properties.length > 0 ? [when(objectLike, [...reads, ...looks])] : []), this.frameEnd(node)]),
    );
    return name;
  }

  /** A failing array of simple elements: each element read (a read that throws is `undefined`) and looked at. */
  private arrayExplainer(shape: Shape & { kind: 'array' }): string {
    const known = this.explainers.get(shape);
    if (known) return known;
    const name = this.block.fresh('x');
    this.explainers.set(shape, name);
    const node = this.schemas.nodeOf(shape);
    const [i, l, e] = [id('i'), id('l'), id('e')];
    const path = binary(binary(binary(P, '+', literal('[')), '+', i), '+', literal(']'));
    const elements: Statement[] = [
      declare('let', 'l'),
      { kind: 'try', body: [run(assign(l, member(V, 'length')))], catch: { name: 'x', body: [run(assign(l, literal(0)))] } },
      {
        kind: 'for',
        init: declare('let', 'i', literal(0)),
        // `!(i >= l)`, not `i < l`: the walk's test, whatever a Proxy says the length is.
        test: not(binary(i, '>=', l)),
        update: increment(i),
        body: [declare('let', 'e'), { kind: 'try', body: [run(assign(e, element(V, i)))], catch: { name: 'x', body: [] } }, this.look(shape.element, e, path)],
      },
    ];
    this.block.declarations.push(functionDeclaration(name, ['w', V_NAME, 'p'], [...this.frameStart(), when(call(this.guards.alias('isArray'), V), elements), this.frameEnd(node)]));
    return name;
  }

  /** Whether a part of this shape is handed to the walk (see `look`). */
  private handed(shape: Shape): boolean {
    if (isLeafShape(shape)) return false;
    if (shape.kind === 'ref') return !this.simpleObject(shape.target);
    return !(shape.kind === 'array' && this.simpleElement(shape.element));
  }

  /**
   * Looks at a part `value` of shape `shape` at `path` as the walk's `visitChild` does, setting `f`
   * (the frame's `childFailed`): a leaf checked inline, a simple object or array explained by its
   * own function, anything else handed to the walk.
   */
  private look(shape: Shape, value: Expression, path: Expression): Statement {
    const failed = run(assign(F, TRUE));
    if (isLeafShape(shape)) return when(not(this.guards.isExpression(shape, value)), run(assign(F, call(this.explainer('leaf'), W, id(this.schemas.nodeOf(shape)), path, value))));
    if (this.handed(shape)) return this.partLook(this.schemas.schema(shape), value, path);
    const explain = shape.kind === 'ref' ? this.objectExplainer(shape.target, this.schemas.nodeOf(shape)) : this.arrayExplainer(shape as Shape & { kind: 'array' });
    // Its check fails (a check that throws fails), and it is not an object walked with this node already.
    const fails = not(call(id(this.guards.entryFunction(shape)), value));
    const explained = or(call(this.explainer('cycle'), W, id(this.schemas.nodeOf(shape)), value), call(id(explain), W, value, path));
    return when(and(fails, explained), failed);
  }

  private partLook(node: string, value: Expression, path: Expression): Statement {
    return when(call(this.explainer('part'), W, id(node), value, path), run(assign(F, TRUE)));
  }
}

const V_NAME = 'v';
const V = id(V_NAME);
/** The names of generated explanations: the walk, the path, the frame's `childFailed`. */
const W = id('w');
const P = id('p');
const F = id('f');

/** The walk explains it as a leaf, and its check is an inline expression that cannot throw (see `look`). */
function isLeafShape(shape: Shape): boolean {
  switch (shape.kind) {
    case 'any':
    case 'never':
    case 'typeof':
    case 'literal':
    case 'nonNullish':
    case 'nonPrimitive':
      return true;
    case 'union':
      return shape.members.every((m) => m.kind === 'typeof' || m.kind === 'literal');
    default:
      return false;
  }
}

/** The walk's path of a property below its parent's: `.name`, or `["a-b"]` for a key that is no identifier. */
function keyPath(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}
