/**
 * Shapes → straight-line `is` functions, built in the intermediate form of code.ts and declared in
 * the file's block (block.ts); they refer only to names the block defines and to the runtime's guard
 * helpers. Schema nodes for `validate` are schema.ts's, generated explanations explain.ts's.
 */
import ts from 'typescript';
import { FAST_DEPTH } from '../../src/internal/depth.js';
import { UnsupportedType, type LazyShape, type ObjectShape, type Shape, type TupleElement } from '../analyze/shape.js';
import type { Block } from './block.js';
import {
  and,
  array,
  binary,
  call,
  conditional,
  declare,
  differs,
  element,
  equals,
  FALSE,
  fn,
  functionDeclaration,
  id,
  increment,
  isTrue,
  literal,
  member,
  not,
  NULL,
  or,
  printExpression,
  reads,
  returns,
  run,
  treeKey,
  TRUE,
  typeOf,
  UNDEFINED,
  when,
  type Expression,
  type Parameter,
  type Statement,
} from './code.js';
import { shapeText } from './shape-text.js';

/** How the generated code reaches a value (a nominal class, a unique symbol), or `undefined` if it cannot. */
export type ClassReference = (symbol: ts.Symbol) => Expression | undefined;

/**
 * Where an expression is written: in code outside the generated checks (a dispatcher), which calls
 * them with the value alone, or inside a generated check, which passes on the depth `d` it was
 * called at to the checks of parts that can recurse (see `FAST_DEPTH`).
 */
type Mode = 'entry' | 'inside';

export class GuardEmitter {
  private readonly objects = new Map<ObjectShape, string>();
  private readonly lazies = new Map<LazyShape, string>();
  /** Whether an object type's check can reach a recursive type. */
  private readonly recursion = new Map<ObjectShape, boolean>();

  /**
   * @param block where the checks are declared
   * @param runtime the expression for duckcall's runtime entry (`__duckcall`), which exports the guard helpers
   */
  constructor(
    private readonly block: Block,
    private readonly runtime: Expression,
    private readonly classReference: ClassReference,
  ) {}

  /**
   * A runtime guard helper (src/internal/guards.ts, exported as `__<name>`), the one way generated
   * code reaches them: read once per file under a module-local name (`__dc_solve`), so no call goes
   * through a CommonJS namespace's getter, no global is reached by its bare name (a module's own
   * `Array` or `Symbol` cannot change a guard), and a bundle keeps only the helpers a program names.
   */
  helper(name: GuardHelper): Expression {
    const key = `helper:${name}`;
    const known = this.block.names.get(key);
    if (known) return id(known);
    const local = `${this.block.prefix}_${name}`;
    this.block.names.set(key, local);
    this.block.declarations.unshift(declare('const', local, member(this.runtime, `__${name}`)));
    return id(local);
  }

  /**
   * The function `is<T>(v)` calls: the check of `shape`, where a getter or proxy trap that throws
   * while the value is looked at means the value does not fit (as a protocol's `is` has it).
   */
  entryFunction(shape: Shape): string {
    const check = this.isFunction(shape);
    const key = `entry:${check}`;
    const known = this.block.names.get(key);
    if (known) return known;
    const name = this.block.fresh('i');
    this.block.names.set(key, name);
    this.block.declarations.push(
      functionDeclaration(name, [V_NAME], [{ kind: 'try', body: [returns(call(id(check), V))], catch: { name: 'e', body: [returns(FALSE)] } }]),
    );
    return name;
  }

  /**
   * The name of a hoisted function `(v) => boolean` for `shape`. When the shape can recurse, the
   * function takes the depth as a second, optional argument.
   */
  isFunction(shape: Shape): string {
    if (shape.kind === 'ref' && !shape.target.weak) return this.objectFunction(shape.target);
    if (shape.kind === 'lazy') return this.lazyFunction(shape.box);
    if (shape.kind === 'array' && shape.element.kind !== 'any') return this.elementsFunction(shape.element, 0);
    const expression = this.expression(shape, V);
    const key = keyOf(expression);
    const known = this.block.names.get(key);
    if (known) return known;
    const name = this.block.fresh('f');
    this.block.names.set(key, name);
    this.block.declarations.push(functionDeclaration(name, this.recurses(shape) ? [V_NAME, DEPTH] : [V_NAME], [returns(expression)]));
    return name;
  }

  /** Whether checking `shape` can reach a recursive type: then its check passes on the depth. */
  recurses(shape: Shape): boolean {
    switch (shape.kind) {
      case 'lazy':
        return true;
      case 'ref':
        return this.objectRecurses(shape.target);
      case 'union':
      case 'intersection':
        return shape.members.some((m) => this.recurses(m));
      case 'array':
        return this.recurses(shape.element);
      case 'tuple':
        return shape.elements.some((e) => this.recurses(e.shape));
      case 'builtin':
        return shape.args.some((a) => this.recurses(a)) || (shape.structural !== undefined && this.recurses(shape.structural));
      case 'nominal':
        return shape.members !== undefined && this.objectRecurses(shape.members);
      default:
        // Template placeholders are primitives: nothing below them recurses.
        return false;
    }
  }

  private objectRecurses(target: ObjectShape): boolean {
    if (target.recursive) return true;
    const known = this.recursion.get(target);
    if (known !== undefined) return known;
    // A type that is not recursive cannot reach itself: `false` until decided is never read wrongly.
    this.recursion.set(target, false);
    const recurses =
      target.properties.some((p) => this.recurses(p.shape)) ||
      [target.stringIndex, target.numberIndex].some((s) => s !== undefined && this.recurses(s)) ||
      target.keyedIndexes.some((k) => this.recurses(k.value));
    this.recursion.set(target, recurses);
    return recurses;
  }

  /** A call of the check `name` for `shape` on `v`. */
  private call(name: string, shape: Shape, v: Expression, mode: Mode): Expression {
    return mode === 'inside' && this.recurses(shape) ? call(id(name), v, D) : call(id(name), v);
  }

  /**
   * A runtime helper's verdict over parts of `v` (elements, entries, values), passing on the depth
   * when a part can recurse.
   */
  private over(helper: 'map' | 'set' | 'index' | 'keyed', args: readonly Expression[], recurses: boolean, mode: Mode): Expression {
    return call(this.helper(helper), ...args, ...(recurses && mode === 'inside' ? [D] : []));
  }

  /**
   * A recursive type's check: called from outside (no depth), it runs under the runtime's `solve`;
   * past `FAST_DEPTH` levels, or on a value it is already inside (a cycle), it leaves the value to
   * `later`, which settles it with an explicit stack. `checks` are the statements that check one
   * level, after `entry` (which must not go down: it runs before the value is marked as entered).
   */
  private recursiveFunction(name: string, entry: readonly Statement[], checks: readonly Statement[]): Statement {
    const seen = id('seen');
    return functionDeclaration(name, [V_NAME, DEPTH], [
      when(equals(D, UNDEFINED), returns(call(this.helper('solve'), id(name), V))),
      ...entry,
      declare('const', 'seen', member(this.helper('state'), 'seen')),
      when(or(binary(increment(D, true), '>', literal(FAST_DEPTH)), call(member(seen, 'has'), V)), returns(call(this.helper('later'), id(name), V, seen))),
      run(call(member(seen, 'add'), V)),
      { kind: 'try', body: checks, finally: [run(call(member(seen, 'delete'), V))] },
    ]);
  }

  /** An expression that is true when the value `v` fits `shape`, for code outside the block's functions. */
  isExpression(shape: Shape, v: Expression): Expression {
    return this.expression(shape, v, 'entry');
  }

  private expression(shape: Shape, v: Expression, mode: Mode = 'inside'): Expression {
    switch (shape.kind) {
      case 'any':
        return TRUE;
      case 'never':
        return FALSE;
      case 'typeof':
        return equals(typeOf(v), literal(shape.type));
      case 'literal':
        return equals(v, literal(shape.value));
      case 'nonNullish':
        return and(differs(v, NULL), differs(v, UNDEFINED));
      case 'nonPrimitive':
        return conditional(equals(typeOf(v), literal('object')), differs(v, NULL), equals(typeOf(v), literal('function')));
      case 'union':
        return or(...shape.members.map((m) => this.expression(m, v, mode)));
      case 'intersection': {
        // TypeScript checks an intersection's weak members as one type (IntersectionState.Target).
        const members = shape.members.map((m) => (m.kind === 'ref' ? this.call(this.objectFunction(m.target), m, v, mode) : this.expression(m, v, mode)));
        const weak = shape.members.every((m) => m.kind === 'ref' && m.target.weak);
        if (weak) members.push(this.commonCheck(shape.members.map((m) => (m as { target: ObjectShape }).target), v));
        return and(...members);
      }
      case 'array':
        if (shape.element.kind === 'any') return call(this.alias('isArray'), v);
        return this.call(this.elementsFunction(shape.element, 0), shape, v, mode);
      case 'tuple':
        return this.tuple(shape.elements, v, mode);
      case 'builtin': {
        const instance = call(this.globalInstance(shape.name), v);
        let check = instance;
        if (shape.name === 'Map' && shape.args.length === 2) {
          const [key, value] = shape.args as [Shape, Shape];
          check = this.over('map', [v, id(this.isFunction(key)), id(this.isFunction(value))], this.recurses(key) || this.recurses(value), mode);
        } else if (shape.name === 'Set' && shape.args.length === 1) {
          check = this.over('set', [v, id(this.isFunction(shape.args[0]!))], this.recurses(shape.args[0]!), mode);
        }
        if (!shape.structural) return check;
        const structural = this.call(this.isFunction(shape.structural), shape.structural, v, mode);
        // A Map has every method ReadonlySet asks for, but not with its types: the checker rejects it.
        const other = shape.name === 'Set' ? and(not(call(this.globalInstance('Map'), v)), structural) : structural;
        return conditional(instance, check, other);
      }
      case 'boxed':
        return or(equals(typeOf(v), literal(shape.type)), call(this.helper('boxed'), v, literal(shape.type)));
      case 'nominal': {
        const instance = binary(v, 'instanceof', this.nominalReference(shape));
        if (!shape.members) return instance;
        return and(instance, this.call(this.objectFunction(shape.members), { kind: 'ref', target: shape.members }, v, mode));
      }
      case 'nominalConstructor':
        return call(this.helper('subclass'), v, this.nominalReference(shape));
      case 'uniqueSymbol': {
        // A unique symbol with no value in reach (a brand such as `{ __tag: unique symbol }` has
        // none at all) is checked as a symbol.
        const reference = this.classReference(shape.symbol);
        return reference ? equals(v, reference) : equals(typeOf(v), literal('symbol'));
      }
      case 'template':
        return call(this.helper('template'), v, id(this.templateParts(shape.parts)));
      case 'ref': {
        const check = this.call(this.objectFunction(shape.target), shape, v, mode);
        return shape.target.weak ? and(check, this.commonCheck([shape.target], v)) : check;
      }
      case 'lazy':
        return this.call(this.lazyFunction(shape.box), shape, v, mode);
    }
  }

  private nominalReference(shape: { readonly symbol: ts.Symbol; readonly name: string }): Expression {
    const reference = this.classReference(shape.symbol);
    if (!reference) {
      throw new UnsupportedType(
        `the class ${shape.name}: it has private or protected members, so it is checked with instanceof, but it is not reachable as a value here (import it)`,
      );
    }
    return reference;
  }

  /** A runtime helper that stands for a global (`Array.isArray`, `Object.keys`, `Symbol`): see `helper`. */
  alias(helper: 'isArray' | 'wellKnown' | 'keys'): Expression {
    return this.helper(helper);
  }

  /** A property key as an expression: a string literal, or a well-known symbol reached through the runtime. */
  key(key: string | { readonly wellKnownSymbol: string }): Expression {
    return typeof key === 'string' ? literal(key) : member(this.alias('wellKnown'), key.wellKnownSymbol);
  }

  /** `v.key`, or `v[key]` for a symbol key. */
  private read(v: Expression, key: string | { readonly wellKnownSymbol: string }): Expression {
    return typeof key === 'string' ? member(v, key) : element(v, this.key(key));
  }

  /**
   * The check for instances of a built-in class, made by the runtime when the module loads: a
   * module's own `class Date` cannot stand in for it, and a `Map` from another realm passes.
   */
  private globalInstance(name: string): Expression {
    const key = `global:${name}`;
    const known = this.block.names.get(key);
    if (known) return id(known);
    const local = this.block.fresh('g');
    this.block.names.set(key, local);
    this.block.declarations.push(declare('const', local, call(this.helper('instance'), literal(name))));
    return id(local);
  }

  /** TypeScript's weak type check: the value has none of its own properties or one of these. */
  private commonCheck(targets: readonly ObjectShape[], v: Expression): Expression {
    const keys = unique(targets.flatMap((t) => t.properties.map((p) => this.key(p.key))));
    const name = this.block.fresh('k');
    this.block.declarations.push(declare('const', name, array(keys)));
    return call(this.helper('common'), v, id(name));
  }

  /** A self-referencing union, array or tuple: deep-safe as recursive object types are (below). */
  private lazyFunction(box: LazyShape): string {
    const known = this.lazies.get(box);
    if (known) return known;
    const shape = box.shape;
    if (!shape) throw new UnsupportedType(`the recursive type ${box.text}`);
    const name = this.block.fresh('l');
    this.lazies.set(box, name);
    const expression = this.expression(shape, V);
    // A primitive cannot be part of a cycle, and nothing below it is checked.
    const primitive = or(differs(typeOf(V), literal('object')), equals(V, NULL));
    this.block.declarations.push(this.recursiveFunction(name, [when(primitive, returns(expression))], [returns(expression)]));
    return name;
  }

  /**
   * A function checking every element of an array from index `from` on (an array type's elements,
   * or a tuple's rest) with its own loop: one per element type, so the element check is a call V8
   * can inline, which a shared helper called with many element checks is not. Holes read as
   * `undefined`. From index 0 it also checks that the value is an array.
   */
  private elementsFunction(elementShape: Shape, from: number): string {
    const check = this.propertyCheck(elementShape, E);
    const key = `elements:${from}:${keyOf(check)}`;
    const known = this.block.names.get(key);
    if (known) return known;
    const name = this.block.fresh(from === 0 ? 'a' : 'r');
    this.block.names.set(key, name);
    const i = id('i');
    this.block.declarations.push(
      functionDeclaration(name, this.recurses(elementShape) ? [V_NAME, DEPTH] : [V_NAME], [
        ...(from === 0 ? [when(not(call(this.alias('isArray'), V)), returns(FALSE))] : []),
        {
          kind: 'for',
          init: declare('let', 'i', literal(from)),
          test: binary(i, '<', member(V, 'length')),
          update: increment(i),
          body: [declare('const', 'e', element(V, i)), when(not(check), returns(FALSE))],
        },
        returns(TRUE),
      ]),
    );
    return name;
  }

  private tuple(elements: readonly TupleElement[], v: Expression, mode: Mode): Expression {
    const required = elements.filter((e) => e.flag === 'required').length;
    const hasRest = elements.some((e) => e.flag === 'rest');
    const fixed = elements.filter((e) => e.flag !== 'rest');
    const length = member(v, 'length');
    const checks = [call(this.alias('isArray'), v), binary(length, '>=', literal(required))];
    if (!hasRest) checks.push(binary(length, '<=', literal(fixed.length)));
    fixed.forEach((e, i) => {
      const at = element(v, literal(i));
      const check = this.call(this.isFunction(e.shape), e.shape, at, mode);
      const absent = binary(length, '<=', literal(i));
      if (e.flag !== 'optional') checks.push(check);
      else checks.push(e.exact ? or(absent, check) : or(absent, equals(at, UNDEFINED), check));
    });
    const rest = elements.find((e) => e.flag === 'rest');
    if (rest) checks.push(this.call(this.elementsFunction(rest.shape, fixed.length), rest.shape, v, mode));
    return and(...checks);
  }

  private templateParts(parts: readonly (string | Shape)[]): string {
    const name = this.block.fresh('t');
    const s = id('s');
    const items = parts.map((part) => (typeof part === 'string' ? literal(part) : fn(['s'], [returns(this.placeholder(part, s))])));
    this.block.declarations.push(declare('const', name, array(items)));
    return name;
  }

  /** A check on the text a template placeholder captured. */
  private placeholder(shape: Shape, s: Expression): Expression {
    switch (shape.kind) {
      case 'any':
        return TRUE;
      case 'never':
        return FALSE;
      case 'typeof':
        if (shape.type === 'string') return TRUE;
        if (shape.type === 'number') return call(this.helper('numeric'), s);
        if (shape.type === 'bigint') return call(this.helper('bigintText'), s);
        if (shape.type === 'boolean') return or(equals(s, literal('true')), equals(s, literal('false')));
        break;
      case 'literal':
        return equals(s, literal(String(shape.value)));
      case 'union':
        return or(...shape.members.map((m) => this.placeholder(m, s)));
      case 'template':
        return call(this.helper('template'), s, id(this.templateParts(shape.parts)));
      default:
        break;
    }
    throw new UnsupportedType(`a template literal placeholder of type ${shapeText(shape)}`);
  }

  /** The name of the check of an object type (a weak one's too, which `isFunction` adds the weak-type rule to). */
  objectFunction(target: ObjectShape): string {
    const known = this.objects.get(target);
    if (known) return known;
    if (!this.objectRecurses(target)) {
      // Its checks never name it: made first, they are shared with any type that has the same
      // (`{ x: number; y: number }` in several interfaces, or two interfaces alike).
      const checks = this.objectChecks(target);
      const key = `object:${treeKey(checks)}`;
      let name = this.block.names.get(key);
      if (name === undefined) {
        name = this.block.fresh('o');
        this.block.names.set(key, name);
        this.block.declarations.push(functionDeclaration(name, [V_NAME], checks));
      }
      this.objects.set(target, name);
      return name;
    }
    const name = this.block.fresh('o');
    this.objects.set(target, name);
    const [first, ...rest] = this.objectChecks(target);
    if (!target.recursive) this.block.declarations.push(functionDeclaration(name, [V_NAME, DEPTH], [first!, ...rest]));
    else {
      // A recursive type: one frame per level while that is cheap, then the rest of the value is left
      // to the runtime's explicit stack, which also gives cyclic values a verdict (coinduction).
      this.block.declarations.push(this.recursiveFunction(name, [first!], rest));
    }
    return name;
  }

  /** The statements of an object type's check, each returning `false` on a mismatch, then `return true`. */
  private objectChecks(target: ObjectShape): Statement[] {
    const fail = (test: Expression) => when(test, returns(FALSE));
    const lines: Statement[] = [];
    // `[k: string]: any` admits every non-primitive, class instances and arrays too (the checker's rule).
    const anyIndex = target.stringIndex?.kind === 'any' && target.stringIndex.explicit === true;
    if (target.callable) lines.push(fail(differs(typeOf(V), literal('function'))));
    else if (anyIndex) lines.push(fail(conditional(equals(typeOf(V), literal('object')), equals(V, NULL), differs(typeOf(V), literal('function')))));
    // A number index signature alone also fits arrays and strings: `index` below decides.
    else if (target.stringIndex || target.keyedIndexes.length > 0) lines.push(fail(not(call(this.helper('plain'), V))));
    else lines.push(fail(or(equals(V, NULL), equals(V, UNDEFINED))));
    // A string has the members String declares, whatever its text: no `"0"` property of its own.
    if (target.properties.some((p) => !p.optional && typeof p.key === 'string' && String(Number(p.key)) === p.key)) {
      lines.push(fail(equals(typeOf(V), literal('string'))));
    }
    // Cheap discriminators first (a `kind: 'circle'` literal rejects most wrong values at once).
    const ordered = [...target.properties].sort((x, y) => (x.method ? 0 : cost(x.shape)) - (y.method ? 0 : cost(y.shape)));
    ordered.forEach((property, i) => {
      const localName = `p${i}`;
      const local = id(localName);
      const key = this.key(property.key);
      const check = this.propertyCheck(property.shape, local);
      if (!property.own && !property.optional && !property.exact && !property.admitsUndefined && reads(check, localName) <= 1) {
        // Read where the check reads it, once: `if (typeof v.id !== "number") return false;`.
        const inline = this.propertyCheck(property.shape, this.read(V, property.key));
        if (!isTrue(inline)) lines.push(fail(not(inline)));
        return;
      }
      lines.push(declare('const', localName, property.own ? call(this.helper('own'), V, key) : this.read(V, property.key)));
      const present = call(this.helper(property.own ? 'hasOwn' : 'has'), V, key);
      if (property.exact) {
        // Absent, or present with a value of its type: `undefined` is not one (exactOptionalPropertyTypes).
        lines.push(fail(conditional(equals(local, UNDEFINED), present, not(check))));
      } else if (property.optional) {
        if (!isTrue(check)) lines.push(fail(and(differs(local, UNDEFINED), not(check))));
      } else {
        if (!isTrue(check)) lines.push(fail(not(check)));
        if (property.admitsUndefined) lines.push(fail(and(equals(local, UNDEFINED), not(present))));
      }
    });
    const stringIndex = target.stringIndex && !anyIndex ? target.stringIndex : undefined;
    if (stringIndex && !target.numberIndex) {
      // Every own enumerable key's value (the value is a plain object: checked above), in a loop of
      // this type's own, so the value check is inlined or a call V8 can inline.
      const [keys, i] = [id('keys'), id('i')];
      lines.push(declare('const', 'keys', call(this.alias('keys'), V)), {
        kind: 'for',
        init: declare('let', 'i', literal(0)),
        test: binary(i, '<', member(keys, 'length')),
        update: increment(i),
        body: [declare('const', 'e', element(V, element(keys, i))), fail(not(this.propertyCheck(stringIndex, E)))],
      });
    } else if (stringIndex || target.numberIndex) {
      const s = stringIndex ? id(this.isFunction(stringIndex)) : UNDEFINED;
      const n = target.numberIndex ? id(this.isFunction(target.numberIndex)) : UNDEFINED;
      const strings = target.numberIndex !== undefined && acceptsEveryString(target.numberIndex);
      const recurses = [stringIndex, target.numberIndex].some((x) => x !== undefined && this.recurses(x));
      const args = strings || recurses ? [V, s, n, literal(strings)] : [V, s, n];
      lines.push(fail(not(this.over('index', args, recurses, 'inside'))));
    }
    if (target.keyedIndexes.length > 0) {
      const pairs = target.keyedIndexes.map(({ key, value }) => array([id(this.isFunction(key)), id(this.isFunction(value))]));
      const name = this.block.fresh('x');
      this.block.declarations.push(declare('const', name, array(pairs)));
      lines.push(fail(not(this.over('keyed', [V, id(name)], target.keyedIndexes.some((k) => this.recurses(k.value)), 'inside'))));
    }
    lines.push(returns(TRUE));
    return lines;
  }

  /** Inline cheap checks on a property value; anything bigger goes through its own function. */
  private propertyCheck(shape: Shape, local: Expression): Expression {
    if (shape.kind === 'any' || shape.kind === 'typeof' || shape.kind === 'literal' || shape.kind === 'ref' || shape.kind === 'nonNullish') {
      return this.expression(shape, local);
    }
    if (shape.kind === 'union' && shape.members.every((m) => m.kind === 'typeof' || m.kind === 'literal' || m.kind === 'ref')) {
      return this.expression(shape, local);
    }
    return this.call(this.isFunction(shape), shape, local, 'inside');
  }

}

/** The helpers of src/internal/guards.ts that generated code calls. */
export type GuardHelper =
  | 'solve'
  | 'later'
  | 'state'
  | 'own'
  | 'has'
  | 'hasOwn'
  | 'plain'
  | 'instance'
  | 'map'
  | 'set'
  | 'index'
  | 'keyed'
  | 'common'
  | 'template'
  | 'numeric'
  | 'bigintText'
  | 'boxed'
  | 'subclass'
  | 'isArray'
  | 'wellKnown'
  | 'keys';

const V_NAME = 'v';
const V = id(V_NAME);
const E = id('e');
/** The depth a check of a recursive type is called at; callers outside the block leave it out. */
const DEPTH: Parameter = { name: 'd', optional: true };
const D = id(DEPTH.name);

/** A check's identity for sharing one declaration among equal checks: its text. */
function keyOf(expression: Expression): string {
  return printExpression(expression, { typed: false });
}

/** Keys by their printed form, first of each kept. */
function unique(keys: readonly Expression[]): Expression[] {
  const seen = new Map<string, Expression>();
  for (const key of keys) if (!seen.has(keyOf(key))) seen.set(keyOf(key), key);
  return [...seen.values()];
}

/** Whether every string passes the shape (a string's number index signature is `string`). */
function acceptsEveryString(shape: Shape): boolean {
  switch (shape.kind) {
    case 'any':
    case 'nonNullish':
      return true;
    case 'typeof':
    case 'boxed':
      return shape.type === 'string';
    case 'union':
      return shape.members.some(acceptsEveryString);
    case 'intersection':
      return shape.members.every(acceptsEveryString);
    case 'lazy':
      return shape.box.shape !== undefined && acceptsEveryString(shape.box.shape);
    default:
      return false;
  }
}

/** How much a check costs, so a case tests its cheap discriminators first. */
export function cost(shape: Shape): number {
  switch (shape.kind) {
    case 'any':
    case 'typeof':
    case 'literal':
    case 'nonNullish':
    case 'nonPrimitive':
    case 'uniqueSymbol':
      return 0;
    case 'union':
      return shape.members.every((m) => cost(m) === 0) ? 1 : 3;
    case 'builtin':
    case 'boxed':
    case 'nominal':
    case 'nominalConstructor':
      return 2;
    default:
      return 3;
  }
}
