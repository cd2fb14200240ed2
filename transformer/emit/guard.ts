/**
 * Shapes → JavaScript: straight-line `is` functions and the schema nodes `violations` walks for
 * `validate`/`assert`, built in the intermediate form of code.ts; it refers only to names the
 * block defines and to the runtime's guard helpers.
 */
import ts from 'typescript';
import { FAST_DEPTH } from '../../src/internal/depth.js';
import { admitsUndefined, UnsupportedType, type LazyShape, type ObjectShape, type Property, type Shape, type TupleElement } from '../analyze/shape.js';
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
  object,
  or,
  printExpression,
  reads,
  returns,
  run,
  assign,
  TRUE,
  typeOf,
  UNDEFINED,
  when,
  type Expression,
  type Parameter,
  type Statement,
} from './code.js';

/** How the generated code reaches a value (a nominal class, a unique symbol), or `undefined` if it cannot. */
export type ClassReference = (symbol: ts.Symbol) => Expression | undefined;

/**
 * Where an expression is written: in code outside the generated checks (a dispatcher), which calls
 * them with the value alone, or inside a generated check, which passes on the depth `d` it was
 * called at to the checks of parts that can recurse (see `FAST_DEPTH`).
 */
type Mode = 'entry' | 'inside';

export class GuardEmitter {
  private readonly declarations: Statement[] = [];
  private readonly patches: Statement[] = [];
  /** Declared names by what they hold: a check's printed expression, an alias, a global's instance check. */
  private readonly functions = new Map<string, string>();
  private readonly objects = new Map<ObjectShape, string>();
  private readonly lazies = new Map<LazyShape, string>();
  private readonly schemas = new Map<Shape | ObjectShape, string>();
  /** Schema nodes keyed by the check they wrap: methods, weak intersection members, and leaves (nothing below them). */
  private readonly nodesByCheck = new Map<string, string>();
  /** Schema nodes with their structure patched (see `schema`; `nodeOf` makes them without). */
  private readonly structured = new Set<string>();
  /** Generated explanations (see `explainFunction`) by object type, and by array shape. */
  private readonly explainers = new Map<ObjectShape | Shape, string>();
  private readonly simpleObjects = new Map<ObjectShape, boolean>();
  private explainersUsed = false;
  /** Whether an object type's check can reach a recursive type. */
  private readonly recursion = new Map<ObjectShape, boolean>();
  private counter = 0;
  private helpersUsed = false;

  /**
   * @param runtime the expression for duckcall's guard helpers, e.g. `__dc_H`
   * @param explainRuntime the expression for the helpers generated explanations call (`__explainers`), e.g. `__dc_X`
   */
  constructor(
    private readonly runtime: Expression,
    private readonly classReference: ClassReference,
    private readonly prefix = '__dc',
    private readonly explainRuntime: Expression = id(`${prefix}_X`),
  ) {}

  /** All generated declarations, in an order that runs (schema patches last). */
  statements(): Statement[] {
    return [...this.declarations, ...this.patches];
  }

  get empty(): boolean {
    return this.declarations.length === 0;
  }

  /** Whether the code written so far calls a runtime guard helper (else the block need not read them). */
  get usesHelpers(): boolean {
    return this.helpersUsed;
  }

  /** Whether the code written so far calls a helper of generated explanations (then the block reads `__explainers`). */
  get usesExplainers(): boolean {
    return this.explainersUsed;
  }

  private fresh(kind: string): string {
    return `${this.prefix}_${kind}${this.counter++}`;
  }

  /** A runtime guard helper (src/internal/guards.ts), the one way generated code reaches them. */
  helper(name: GuardHelper): Expression {
    this.helpersUsed = true;
    return member(this.runtime, name);
  }

  /**
   * The function `is<T>(v)` calls: the check of `shape`, where a getter or proxy trap that throws
   * while the value is looked at means the value does not fit (as a protocol's `is` has it).
   */
  entryFunction(shape: Shape): string {
    const check = this.isFunction(shape);
    const key = `entry:${check}`;
    const known = this.functions.get(key);
    if (known) return known;
    const name = this.fresh('i');
    this.functions.set(key, name);
    this.declarations.push(
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
    const known = this.functions.get(key);
    if (known) return known;
    const name = this.fresh('f');
    this.functions.set(key, name);
    this.declarations.push(functionDeclaration(name, this.recurses(shape) ? [V_NAME, DEPTH] : [V_NAME], [returns(expression)]));
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

  /**
   * A runtime helper under a module-local name (`__dc_isArray`), so generated code reaches no
   * global by its bare name: a module's own `Array` or `Symbol` cannot change a guard.
   */
  alias(helper: 'isArray' | 'wellKnown' | 'keys'): Expression {
    const key = `alias:${helper}`;
    const known = this.functions.get(key);
    if (known) return id(known);
    const local = `${this.prefix}_${helper}`;
    this.functions.set(key, local);
    this.declarations.unshift(declare('const', local, this.helper(helper)));
    return id(local);
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
    const known = this.functions.get(key);
    if (known) return id(known);
    const local = this.fresh('g');
    this.functions.set(key, local);
    this.declarations.push(declare('const', local, call(this.helper('instance'), literal(name))));
    return id(local);
  }

  /** TypeScript's weak type check: the value has none of its own properties or one of these. */
  private commonCheck(targets: readonly ObjectShape[], v: Expression): Expression {
    const keys = unique(targets.flatMap((t) => t.properties.map((p) => this.key(p.key))));
    const name = this.fresh('k');
    this.declarations.push(declare('const', name, array(keys)));
    return call(this.helper('common'), v, id(name));
  }

  /** A self-referencing union, array or tuple: deep-safe as recursive object types are (below). */
  private lazyFunction(box: LazyShape): string {
    const known = this.lazies.get(box);
    if (known) return known;
    const shape = box.shape;
    if (!shape) throw new UnsupportedType(`the recursive type ${box.text}`);
    const name = this.fresh('l');
    this.lazies.set(box, name);
    const expression = this.expression(shape, V);
    // A primitive cannot be part of a cycle, and nothing below it is checked.
    const primitive = or(differs(typeOf(V), literal('object')), equals(V, NULL));
    this.declarations.push(this.recursiveFunction(name, [when(primitive, returns(expression))], [returns(expression)]));
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
    const known = this.functions.get(key);
    if (known) return known;
    const name = this.fresh(from === 0 ? 'a' : 'r');
    this.functions.set(key, name);
    const i = id('i');
    this.declarations.push(
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
    const name = this.fresh('t');
    const s = id('s');
    const items = parts.map((part) => (typeof part === 'string' ? literal(part) : fn(['s'], [returns(this.placeholder(part, s))])));
    this.declarations.push(declare('const', name, array(items)));
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

  private objectFunction(target: ObjectShape): string {
    const known = this.objects.get(target);
    if (known) return known;
    const name = `${this.prefix}_o${this.counter++}`;
    this.objects.set(target, name);
    const [first, ...rest] = this.objectChecks(target);
    if (!this.objectRecurses(target)) this.declarations.push(functionDeclaration(name, [V_NAME], [first!, ...rest]));
    else if (!target.recursive) this.declarations.push(functionDeclaration(name, [V_NAME, DEPTH], [first!, ...rest]));
    else {
      // A recursive type: one frame per level while that is cheap, then the rest of the value is left
      // to the runtime's explicit stack, which also gives cyclic values a verdict (coinduction).
      this.declarations.push(this.recursiveFunction(name, [first!], rest));
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
      const name = this.fresh('x');
      this.declarations.push(declare('const', name, array(pairs)));
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

  /** A schema node `{ t: text, is: check }` (plus `l: true` for a literal), declared under a fresh name. */
  private node(text: string, is: string, literalNode = false): string {
    const name = this.fresh('s');
    const properties: [string, Expression][] = [['t', literal(text)], ['is', id(is)]];
    if (literalNode) properties.push(['l', TRUE]);
    this.declarations.push(declare('const', name, object(properties)));
    return name;
  }

  /** `node.field = value`, run once every node is declared (nodes refer to each other). */
  private patch(node: string, field: string, value: Expression): void {
    this.patches.push(run(assign(member(id(node), field), value)));
  }

  /** A method's schema node: messages say `expected a method` rather than `expected Function`. */
  private methodSchema(shape: Shape): string {
    const is = this.isFunction(shape);
    const key = `method:${is}`;
    const known = this.nodesByCheck.get(key);
    if (known) return known;
    const name = this.node('a method', is);
    this.nodesByCheck.set(key, name);
    return name;
  }

  private propertySchemas(name: string, target: ObjectShape): void {
    // [key, node, optional ("exact": absent only), read as an own property]
    const properties = target.properties.map((p) =>
      array([
        this.key(p.key),
        id(p.method ? this.methodSchema(p.shape) : this.schema(p.shape)),
        literal(p.exact ? 'exact' : p.optional),
        ...(p.own ? [TRUE] : []),
      ]),
    );
    this.patch(name, 'p', array(properties));
    if (target.stringIndex) this.patch(name, 'i', id(this.schema(target.stringIndex)));
    if (target.numberIndex) this.patch(name, 'n', id(this.schema(target.numberIndex)));
    if (target.keyedIndexes.length > 0) {
      this.patch(name, 'k', array(target.keyedIndexes.map(({ key, value }) => array([id(this.isFunction(key)), id(this.schema(value))]))));
    }
  }

  /**
   * An intersection member's node. TypeScript applies the weak-type rule to the intersection as a
   * whole, so a weak member's own node checks its properties only; the intersection's node reports
   * a failure of the rule itself.
   */
  private intersectionMember(memberShape: Shape): string {
    if (memberShape.kind !== 'ref' || !memberShape.target.weak) return this.schema(memberShape);
    const is = this.objectFunction(memberShape.target);
    const key = `structure:${is}`;
    const known = this.nodesByCheck.get(key);
    if (known) return known;
    const name = this.node(memberShape.target.text, is);
    this.nodesByCheck.set(key, name);
    this.propertySchemas(name, memberShape.target);
    return name;
  }

  // ---- Generated explanations ----------------------------------------------------------------------
  //
  // `validate` of a simple type: straight-line code doing what the walk (src/internal/violations.ts)
  // does for its node, step by step, so it reports the same issues in the same order. What it does
  // not spell out (a union with structure, a Map, a tuple, a recursive type…) it hands to the walk,
  // which shares its state. Each function takes the walk `w`, a value that failed its node's check
  // (and is noted as walked) and its path, and returns whether it added issues (the walk's frame).

  /**
   * The explanation of `shape` for a protocol's `validate`, a function for `__explain` (see
   * `Explainer` in src/internal/violations.ts), when `shape` is a simple object type or an array of
   * simple things (see `simpleObject`); `undefined` when the walk explains it.
   */
  explainFunction(shape: Shape): string | undefined {
    if (shape.kind === 'ref' && this.simpleObject(shape.target)) return this.objectExplainer(shape.target, this.nodeOf(shape));
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
      !this.objectRecurses(target) &&
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

  /** A helper of generated explanations, under a module-local name (`__dc_xleaf`). */
  private explainer(name: 'part' | 'leaf' | 'end' | 'cycle' | 'absent'): Expression {
    this.explainersUsed = true;
    const key = `explainer:${name}`;
    const known = this.functions.get(key);
    if (known) return id(known);
    const local = `${this.prefix}_x${name}`;
    this.functions.set(key, local);
    this.declarations.unshift(declare('const', local, member(this.explainRuntime, name)));
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
    const name = this.fresh('x');
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
      const child = p.method ? this.methodSchema(p.shape) : undefined;
      const node = child ?? this.nodeOf(p.shape);
      // Missing (a required key whose value reads `undefined`): the node is what was expected. Where
      // the type does not admit `undefined` and the walk is not handed the part, the check says so
      // the same way.
      const missing = call(this.explainer('absent'), V, literal(key));
      const checksPresence = !p.optional && (child !== undefined || p.admitsUndefined || this.handed(p.shape));
      if (!child && isLeafShape(p.shape)) {
        // One test and one call: the read threw, or the value fails (the walk's `leaf`).
        const check = not(this.expression(p.shape, value));
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
    this.declarations.push(
      functionDeclaration(name, ['w', V_NAME, 'p'], [...this.frameStart(), ...(properties.length > 0 ? [when(objectLike, [...reads, ...looks])] : []), this.frameEnd(node)]),
    );
    return name;
  }

  /** A failing array of simple elements: each element read (a read that throws is `undefined`) and looked at. */
  private arrayExplainer(shape: Shape & { kind: 'array' }): string {
    const known = this.explainers.get(shape);
    if (known) return known;
    const name = this.fresh('x');
    this.explainers.set(shape, name);
    const node = this.nodeOf(shape);
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
    this.declarations.push(functionDeclaration(name, ['w', V_NAME, 'p'], [...this.frameStart(), when(call(this.alias('isArray'), V), elements), this.frameEnd(node)]));
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
    if (isLeafShape(shape)) return when(not(this.expression(shape, value)), run(assign(F, call(this.explainer('leaf'), W, id(this.nodeOf(shape)), path, value))));
    if (this.handed(shape)) return this.partLook(this.schema(shape), value, path);
    const explain = shape.kind === 'ref' ? this.objectExplainer(shape.target, this.nodeOf(shape)) : this.arrayExplainer(shape as Shape & { kind: 'array' });
    // Its check fails (a check that throws fails), and it is not an object walked with this node already.
    const fails = not(call(id(this.entryFunction(shape)), value));
    const explained = or(call(this.explainer('cycle'), W, id(this.nodeOf(shape)), value), call(id(explain), W, value, path));
    return when(and(fails, explained), failed);
  }

  private partLook(node: string, value: Expression, path: Expression): Statement {
    return when(call(this.explainer('part'), W, id(node), value, path), run(assign(F, TRUE)));
  }

  /** The name of a hoisted schema node for `shape`, for `violations`: with its structure (`p`, `e`…), which the walk reads. */
  schema(shape: Shape): string {
    const resolved = resolve(shape);
    const name = this.nodeOf(resolved);
    if (this.structured.has(name)) return name;
    this.structured.add(name);
    this.structure(name, resolved);
    return name;
  }

  /**
   * The schema node of `shape` (`{ t, is }`), without the structure only the walk reads: what a
   * generated explanation needs of a node it spells out (its text, and its identity for the failing
   * objects walked). `schema` adds the structure.
   */
  nodeOf(shape: Shape): string {
    shape = resolve(shape);
    const key = shape.kind === 'ref' ? shape.target : shape;
    const known = this.schemas.get(key);
    if (known) return known;
    const is = this.isFunction(shape);
    // A node with nothing below it is the same node wherever the same check is: one per check.
    const leaf = !['ref', 'array', 'tuple', 'builtin', 'intersection', 'union'].includes(shape.kind);
    const leafKey = `leaf:${is}`;
    const sameLeaf = leaf ? this.nodesByCheck.get(leafKey) : undefined;
    if (sameLeaf) {
      this.schemas.set(key, sameLeaf);
      return sameLeaf;
    }
    // `l`: a literal (or union of literals), which tells union members apart when a value is explained.
    const literalNode = shape.kind === 'literal' || (shape.kind === 'union' && shape.members.every((m) => m.kind === 'literal'));
    const name = this.node(shapeText(shape), is, literalNode);
    this.schemas.set(key, name);
    if (leaf) this.nodesByCheck.set(leafKey, name);
    return name;
  }

  /** Patches the structure of node `name` for `shape` (the nodes below it, their structure too). */
  private structure(name: string, shape: Shape): void {
    const nodes = (shapes: readonly Shape[]) => array(shapes.map((s) => id(this.schema(s))));
    switch (shape.kind) {
      case 'ref':
        this.propertySchemas(name, shape.target);
        break;
      case 'array':
        this.patch(name, 'e', id(this.schema(shape.element)));
        break;
      case 'tuple':
        this.patch(name, 'u', nodes(shape.elements.map((e) => e.shape)));
        if (shape.elements.some((e) => e.flag === 'rest')) this.patch(name, 'r', TRUE);
        break;
      case 'builtin':
        // A Map's or Set's entries, so a bad entry is reported at its place: `$input.m[2][1]`.
        if (shape.name === 'Map' && shape.args.length === 2) {
          this.patch(name, 'mk', id(this.schema(shape.args[0]!)));
          this.patch(name, 'mv', id(this.schema(shape.args[1]!)));
        }
        if (shape.name === 'Set' && shape.args.length === 1) this.patch(name, 'se', id(this.schema(shape.args[0]!)));
        break;
      case 'intersection':
        this.patch(name, 'a', array(shape.members.map((m) => id(this.intersectionMember(m)))));
        break;
      case 'union': {
        // Members to descend into: objects (an intersection of objects too), arrays, tuples, Maps and
        // Sets, also when reached through a recursive alias (`next: Chain | undefined`).
        const resolved = shape.members.map((m) => (m.kind === 'lazy' && m.box.shape ? m.box.shape : m));
        const objectLike = (m: Shape): boolean => m.kind === 'ref' || (m.kind === 'intersection' && m.members.every(objectLike));
        const collection = (m: Shape): boolean => m.kind === 'builtin' && ((m.name === 'Map' && m.args.length === 2) || (m.name === 'Set' && m.args.length === 1));
        const structured = resolved.filter((m) => objectLike(m) || m.kind === 'array' || m.kind === 'tuple' || collection(m));
        if (structured.length > 0) this.patch(name, 'm', nodes(structured));
        // Discriminants: keys every object member requires with a literal type (`kind`), which pick
        // the member to report inside; an intersection's members' properties count as its own.
        const properties = (m: Shape): readonly Property[] =>
          m.kind === 'ref' ? m.target.properties : m.kind === 'intersection' ? m.members.flatMap(properties) : [];
        const objects = structured.filter(objectLike);
        const isLiteral = (m: Shape) => m.kind === 'literal' || (m.kind === 'union' && m.members.every((u) => u.kind === 'literal'));
        const keys = objects.length > 1 && objects.length === structured.length
          ? properties(objects[0]!).filter((p) => typeof p.key === 'string' && objects.every((o) => properties(o).some((q) => q.key === p.key && !q.optional && isLiteral(q.shape))))
          : [];
        if (keys.length > 0) this.patch(name, 'd', array([...new Set(keys.map((p) => p.key as string))].map(literal)));
        break;
      }
      default:
        break;
    }
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
/** The names of generated explanations: the walk, the path, the frame's `childFailed`. */
const W = id('w');
const P = id('p');
const F = id('f');
/** The depth a check of a recursive type is called at; callers outside the block leave it out. */
const DEPTH: Parameter = { name: 'd', optional: true };
const D = id(DEPTH.name);

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

/** A recursive alias's shape, as its schema node has it. */
function resolve(shape: Shape): Shape {
  if (shape.kind !== 'lazy') return shape;
  if (!shape.box.shape) throw new UnsupportedType(`the recursive type ${shape.box.text}`);
  return resolve(shape.box.shape);
}

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

/** A literal type as TypeScript writes it. */
function literalType(value: string | number | boolean | bigint | null | undefined): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint') return `${value}n`;
  return String(value);
}

/** The type as messages show it, rebuilt from the shape. */
export function shapeText(shape: Shape): string {
  switch (shape.kind) {
    case 'any':
      return 'unknown';
    case 'never':
      return 'never';
    case 'typeof':
      return shape.type === 'function' ? 'Function' : shape.type;
    case 'literal':
      return literalType(shape.value);
    case 'nonNullish':
      return '{}';
    case 'nonPrimitive':
      return 'object';
    case 'union': {
      const nullish = (m: Shape) => m.kind === 'literal' && (m.value === undefined || m.value === null);
      const ordered = [...shape.members.filter((m) => !nullish(m)), ...shape.members.filter(nullish)];
      return ordered.map((m) => (m.kind === 'intersection' ? `(${shapeText(m)})` : shapeText(m))).join(' | ');
    }
    case 'intersection':
      return shape.members.map((m) => (m.kind === 'union' ? `(${shapeText(m)})` : shapeText(m))).join(' & ');
    case 'array':
      return arrayText(shape.element);
    case 'tuple':
      return `[${shape.elements.map((e) => (e.flag === 'rest' ? `...${arrayText(e.shape)}` : `${shapeText(e.shape)}${e.flag === 'optional' ? '?' : ''}`)).join(', ')}]`;
    case 'builtin': {
      const name = shape.structural ? `Readonly${shape.name}` : shape.name;
      return shape.args.length > 0 ? `${name}<${shape.args.map(shapeText).join(', ')}>` : name;
    }
    case 'boxed':
      return { string: 'String', number: 'Number', boolean: 'Boolean', bigint: 'BigInt', symbol: 'Symbol' }[shape.type];
    case 'nominal':
    case 'uniqueSymbol':
      return shape.name;
    case 'nominalConstructor':
      return `typeof ${shape.name}`;
    case 'template':
      return `\`${shape.parts.map((p) => (typeof p === 'string' ? p : `\${${shapeText(p)}}`)).join('')}\``;
    case 'ref':
      return shape.target.text;
    case 'lazy':
      return shape.box.text;
  }
}

/** `T[]` for an element type `T`. */
function arrayText(element: Shape): string {
  const text = shapeText(element);
  return element.kind === 'union' || element.kind === 'intersection' ? `(${text})[]` : `${text}[]`;
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
