/**
 * Shapes → JavaScript: straight-line `is` functions and the schema nodes `violations` walks for
 * `validate`/`assert`. The code is produced as text and spliced into the file as one block (see
 * file-state.ts); it refers only to names this block defines and to the duckcall namespace import.
 */
import ts from 'typescript';
import { FAST_DEPTH } from '../../src/internal/depth.js';
import { UnsupportedType, type LazyShape, type ObjectShape, type Property, type Shape, type TupleElement } from '../analyze/shape.js';

/** How the generated code reaches a value (a nominal class, a unique symbol), or `undefined` if it cannot. */
export type ClassReference = (symbol: ts.Symbol) => string | undefined;

/**
 * Where an expression is written: in code outside the generated checks (a dispatcher), which calls
 * them with the value alone, or inside a generated check, which passes on the depth `d` it was
 * called at to the checks of parts that can recurse (see `FAST_DEPTH`).
 */
type Mode = 'entry' | 'inside';

export class GuardEmitter {
  private readonly declarations: string[] = [];
  private readonly patches: string[] = [];
  private readonly functions = new Map<string, string>();
  private readonly objects = new Map<ObjectShape, string>();
  private readonly lazies = new Map<LazyShape, string>();
  private readonly schemas = new Map<Shape | ObjectShape, string>();
  /** Schema nodes keyed by the check they wrap: methods, weak intersection members, and leaves (nothing below them). */
  private readonly nodesByCheck = new Map<string, string>();
  /** Whether an object type's check can reach a recursive type. */
  private readonly recursion = new Map<ObjectShape, boolean>();
  private counter = 0;

  /** @param runtime the expression for duckcall's guard helpers, e.g. `__duckcall.__guards` */
  constructor(
    private readonly runtime: string,
    private readonly classReference: ClassReference,
    private readonly prefix = '__dc',
  ) {}

  /** All generated declarations, in an order that runs (schema patches last). */
  code(): string {
    return [...this.declarations, ...this.patches].join('\n');
  }

  get empty(): boolean {
    return this.declarations.length === 0;
  }

  private fresh(kind: string): string {
    return `${this.prefix}_${kind}${this.counter++}`;
  }

  /**
   * The name of a hoisted function `(v) => boolean` for `shape`. When the shape can recurse, the
   * function takes the depth as a second, optional argument.
   */
  isFunction(shape: Shape): string {
    if (shape.kind === 'ref' && !shape.target.weak) return this.objectFunction(shape.target);
    if (shape.kind === 'lazy') return this.lazyFunction(shape.box);
    if (shape.kind === 'array' && shape.element.kind !== 'any') return this.elementsFunction(shape.element, 0);
    const expression = this.expression(shape, 'v');
    const known = this.functions.get(expression);
    if (known) return known;
    const name = this.fresh('f');
    this.functions.set(expression, name);
    this.declarations.push(`function ${name}(v${this.recurses(shape) ? ', d' : ''}) { return ${expression}; }`);
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
  private call(name: string, shape: Shape, v: string, mode: Mode): string {
    return mode === 'inside' && this.recurses(shape) ? `${name}(${v}, d)` : `${name}(${v})`;
  }

  /**
   * A runtime helper's verdict over parts of `v` (elements, entries, values), passing on the depth
   * when a part can recurse.
   */
  private helper(helper: 'map' | 'set' | 'index' | 'keyed', args: readonly string[], recurses: boolean, mode: Mode): string {
    return `${this.runtime}.${helper}(${[...args, ...(recurses && mode === 'inside' ? ['d'] : [])].join(', ')})`;
  }

  /**
   * A recursive type's check: called from outside (no depth), it runs under the runtime's `solve`;
   * past `FAST_DEPTH` levels, or on a value it is already inside (a cycle), it leaves the value to
   * `later`, which settles it with an explicit stack. `checks` are the statements that check one
   * level, after `entry` (which must not go down: it runs before the value is marked as entered).
   */
  private recursiveFunction(name: string, entry: readonly string[], checks: readonly string[]): string {
    const H = this.runtime;
    return [
      `function ${name}(v, d) {`,
      `  if (d === undefined) return ${H}.solve(${name}, v);`,
      ...entry.map((line) => `  ${line}`),
      `  const seen = ${H}.state.seen;`,
      `  if (++d > ${FAST_DEPTH} || seen.has(v)) return ${H}.later(${name}, v, seen);`,
      `  seen.add(v);`,
      `  try {`,
      ...checks.map((line) => `    ${line}`),
      `  } finally {`,
      `    seen.delete(v);`,
      `  }`,
      `}`,
    ].join('\n');
  }

  /** An expression that is true when the value `v` (an identifier) fits `shape`, for code outside the block's functions. */
  isExpression(shape: Shape, v: string): string {
    return this.expression(shape, v, 'entry');
  }

  private expression(shape: Shape, v: string, mode: Mode = 'inside'): string {
    const H = this.runtime;
    switch (shape.kind) {
      case 'any':
        return 'true';
      case 'never':
        return 'false';
      case 'typeof':
        return `typeof ${v} === "${shape.type}"`;
      case 'literal':
        return `${v} === ${literal(shape.value)}`;
      case 'nonNullish':
        return `(${v} !== null && ${v} !== undefined)`;
      case 'nonPrimitive':
        return `(typeof ${v} === "object" ? ${v} !== null : typeof ${v} === "function")`;
      case 'union':
        return `(${shape.members.map((m) => this.expression(m, v, mode)).join(' || ')})`;
      case 'intersection': {
        // TypeScript checks an intersection's weak members as one type (IntersectionState.Target).
        const members = shape.members.map((m) => (m.kind === 'ref' ? this.call(this.objectFunction(m.target), m, v, mode) : this.expression(m, v, mode)));
        const weak = shape.members.every((m) => m.kind === 'ref' && m.target.weak);
        if (weak) members.push(this.commonCheck(shape.members.map((m) => (m as { target: ObjectShape }).target), v));
        return `(${members.join(' && ')})`;
      }
      case 'array':
        if (shape.element.kind === 'any') return `${this.alias('isArray')}(${v})`;
        return this.call(this.elementsFunction(shape.element, 0), shape, v, mode);
      case 'tuple':
        return this.tuple(shape.elements, v, mode);
      case 'builtin': {
        const instance = `${this.globalInstance(shape.name)}(${v})`;
        let check = instance;
        if (shape.name === 'Map' && shape.args.length === 2) {
          const [key, value] = shape.args as [Shape, Shape];
          check = this.helper('map', [v, this.isFunction(key), this.isFunction(value)], this.recurses(key) || this.recurses(value), mode);
        } else if (shape.name === 'Set' && shape.args.length === 1) {
          check = this.helper('set', [v, this.isFunction(shape.args[0]!)], this.recurses(shape.args[0]!), mode);
        }
        if (!shape.structural) return check;
        // A Map has every method ReadonlySet asks for, but not with its types: the checker rejects it.
        const other = shape.name === 'Set' ? `!${this.globalInstance('Map')}(${v}) && ` : '';
        return `(${instance} ? ${check} : ${other}${this.call(this.isFunction(shape.structural), shape.structural, v, mode)})`;
      }
      case 'boxed':
        return `(typeof ${v} === "${shape.type}" || ${H}.boxed(${v}, "${shape.type}"))`;
      case 'nominal': {
        const instance = `${v} instanceof ${this.nominalReference(shape)}`;
        if (!shape.members) return instance;
        return `(${instance} && ${this.call(this.objectFunction(shape.members), { kind: 'ref', target: shape.members }, v, mode)})`;
      }
      case 'nominalConstructor':
        return `${H}.subclass(${v}, ${this.nominalReference(shape)})`;
      case 'uniqueSymbol': {
        // A unique symbol with no value in reach (a brand such as `{ __tag: unique symbol }` has
        // none at all) is checked as a symbol.
        const reference = this.classReference(shape.symbol);
        return reference ? `${v} === ${reference}` : `typeof ${v} === "symbol"`;
      }
      case 'template':
        return `${H}.template(${v}, ${this.templateParts(shape.parts)})`;
      case 'ref': {
        const call = this.call(this.objectFunction(shape.target), shape, v, mode);
        return shape.target.weak ? `(${call} && ${this.commonCheck([shape.target], v)})` : call;
      }
      case 'lazy':
        return this.call(this.lazyFunction(shape.box), shape, v, mode);
    }
  }

  private nominalReference(shape: { readonly symbol: ts.Symbol; readonly name: string }): string {
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
  alias(helper: 'isArray' | 'wellKnown' | 'keys'): string {
    const key = `alias:${helper}`;
    const known = this.functions.get(key);
    if (known) return known;
    const local = `${this.prefix}_${helper}`;
    this.functions.set(key, local);
    this.declarations.unshift(`const ${local} = ${this.runtime}.${helper};`);
    return local;
  }

  /** A property key as an expression: a string literal, or a well-known symbol reached through the runtime. */
  key(key: string | { readonly wellKnownSymbol: string }): string {
    return typeof key === 'string' ? JSON.stringify(key) : `${this.alias('wellKnown')}.${key.wellKnownSymbol}`;
  }

  /**
   * The check for instances of a built-in class, made by the runtime when the module loads: a
   * module's own `class Date` cannot stand in for it, and a `Map` from another realm passes.
   */
  private globalInstance(name: string): string {
    const key = `global:${name}`;
    const known = this.functions.get(key);
    if (known) return known;
    const local = this.fresh('g');
    this.functions.set(key, local);
    this.declarations.push(`const ${local} = ${this.runtime}.instance(${JSON.stringify(name)});`);
    return local;
  }

  /** TypeScript's weak type check: the value has none of its own properties or one of these. */
  private commonCheck(targets: readonly ObjectShape[], v: string): string {
    const keys = [...new Set(targets.flatMap((t) => t.properties.map((p) => this.key(p.key))))];
    const name = this.fresh('k');
    this.declarations.push(`const ${name} = [${keys.join(', ')}];`);
    return `${this.runtime}.common(${v}, ${name})`;
  }

  /** A self-referencing union, array or tuple: deep-safe as recursive object types are (below). */
  private lazyFunction(box: LazyShape): string {
    const known = this.lazies.get(box);
    if (known) return known;
    const shape = box.shape;
    if (!shape) throw new UnsupportedType(`the recursive type ${box.text}`);
    const name = this.fresh('l');
    this.lazies.set(box, name);
    const expression = this.expression(shape, 'v');
    // A primitive cannot be part of a cycle, and nothing below it is checked.
    this.declarations.push(this.recursiveFunction(name, [`if (typeof v !== "object" || v === null) return ${expression};`], [`return ${expression};`]));
    return name;
  }

  /**
   * A function checking every element of an array from index `from` on (an array type's elements,
   * or a tuple's rest) with its own loop: one per element type, so the element check is a call V8
   * can inline, which a shared helper called with many element checks is not. Holes read as
   * `undefined`. From index 0 it also checks that the value is an array.
   */
  private elementsFunction(element: Shape, from: number): string {
    const check = this.propertyCheck(element, 'e');
    const key = `elements:${from}:${check}`;
    const known = this.functions.get(key);
    if (known) return known;
    const name = this.fresh(from === 0 ? 'a' : 'r');
    this.functions.set(key, name);
    const lines = [
      `function ${name}(v${this.recurses(element) ? ', d' : ''}) {`,
      ...(from === 0 ? [`  if (!${this.alias('isArray')}(v)) return false;`] : []),
      `  for (let i = ${from}; i < v.length; i++) {`,
      `    const e = v[i];`,
      `    if (!(${check})) return false;`,
      `  }`,
      `  return true;`,
      `}`,
    ];
    this.declarations.push(lines.join('\n'));
    return name;
  }

  private tuple(elements: readonly TupleElement[], v: string, mode: Mode): string {
    const required = elements.filter((e) => e.flag === 'required').length;
    const hasRest = elements.some((e) => e.flag === 'rest');
    const fixed = elements.filter((e) => e.flag !== 'rest');
    const checks = [`${this.alias('isArray')}(${v})`, `${v}.length >= ${required}`];
    if (!hasRest) checks.push(`${v}.length <= ${fixed.length}`);
    fixed.forEach((e, i) => {
      const element = this.call(this.isFunction(e.shape), e.shape, `${v}[${i}]`, mode);
      if (e.flag !== 'optional') checks.push(element);
      else checks.push(e.exact ? `(${v}.length <= ${i} || ${element})` : `(${v}.length <= ${i} || ${v}[${i}] === undefined || ${element})`);
    });
    const rest = elements.find((e) => e.flag === 'rest');
    if (rest) checks.push(this.call(this.elementsFunction(rest.shape, fixed.length), rest.shape, v, mode));
    return `(${checks.join(' && ')})`;
  }

  private templateParts(parts: readonly (string | Shape)[]): string {
    const name = this.fresh('t');
    const items = parts.map((part) => (typeof part === 'string' ? JSON.stringify(part) : `function (s) { return ${this.placeholder(part, 's')}; }`));
    this.declarations.push(`const ${name} = [${items.join(', ')}];`);
    return name;
  }

  /** A check on the text a template placeholder captured. */
  private placeholder(shape: Shape, s: string): string {
    switch (shape.kind) {
      case 'any':
        return 'true';
      case 'never':
        return 'false';
      case 'typeof':
        if (shape.type === 'string') return 'true';
        if (shape.type === 'number') return `${this.runtime}.numeric(${s})`;
        if (shape.type === 'bigint') return `${this.runtime}.bigintText(${s})`;
        if (shape.type === 'boolean') return `(${s} === "true" || ${s} === "false")`;
        break;
      case 'literal':
        return `${s} === ${JSON.stringify(String(shape.value))}`;
      case 'union':
        return `(${shape.members.map((m) => this.placeholder(m, s)).join(' || ')})`;
      case 'template':
        return `${this.runtime}.template(${s}, ${this.templateParts(shape.parts)})`;
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
    if (!this.objectRecurses(target)) this.declarations.push(`function ${name}(v) {\n  ${[first, ...rest].join('\n  ')}\n}`);
    else if (!target.recursive) this.declarations.push(`function ${name}(v, d) {\n  ${[first, ...rest].join('\n  ')}\n}`);
    else {
      // A recursive type: one frame per level while that is cheap, then the rest of the value is left
      // to the runtime's explicit stack, which also gives cyclic values a verdict (coinduction).
      this.declarations.push(this.recursiveFunction(name, [first!], rest));
    }
    return name;
  }

  /** The statements of an object type's check, each returning `false` on a mismatch, then `return true`. */
  private objectChecks(target: ObjectShape): string[] {
    const lines: string[] = [];
    // `[k: string]: any` admits every non-primitive, class instances and arrays too (the checker's rule).
    const anyIndex = target.stringIndex?.kind === 'any' && target.stringIndex.explicit === true;
    if (target.callable) lines.push(`if (typeof v !== "function") return false;`);
    else if (anyIndex) lines.push(`if (typeof v === "object" ? v === null : typeof v !== "function") return false;`);
    // A number index signature alone also fits arrays and strings: `index` below decides.
    else if (target.stringIndex || target.keyedIndexes.length > 0) lines.push(`if (!${this.runtime}.plain(v)) return false;`);
    else lines.push(`if (v === null || v === undefined) return false;`);
    // A string has the members String declares, whatever its text: no `"0"` property of its own.
    if (target.properties.some((p) => !p.optional && typeof p.key === 'string' && String(Number(p.key)) === p.key)) {
      lines.push(`if (typeof v === "string") return false;`);
    }
    // Cheap discriminators first (a `kind: 'circle'` literal rejects most wrong values at once).
    const ordered = [...target.properties].sort((x, y) => (x.method ? 0 : cost(x.shape)) - (y.method ? 0 : cost(y.shape)));
    ordered.forEach((property, i) => {
      const local = `p${i}`;
      const key = this.key(property.key);
      lines.push(property.own ? `const ${local} = ${this.runtime}.own(v, ${key});` : `const ${local} = v${typeof property.key === 'string' ? access(property.key) : `[${key}]`};`);
      const present = property.own ? `${this.runtime}.hasOwn(v, ${key})` : `${this.runtime}.has(v, ${key})`;
      const check = this.propertyCheck(property.shape, local);
      if (property.exact) {
        // Absent, or present with a value of its type: `undefined` is not one (exactOptionalPropertyTypes).
        lines.push(`if (${local} === undefined ? ${present} : !(${check})) return false;`);
      } else if (property.optional) {
        if (check !== 'true') lines.push(`if (${local} !== undefined && !(${check})) return false;`);
      } else {
        if (check !== 'true') lines.push(`if (!(${check})) return false;`);
        if (property.admitsUndefined) lines.push(`if (${local} === undefined && !${present}) return false;`);
      }
    });
    const stringIndex = target.stringIndex && !anyIndex ? target.stringIndex : undefined;
    if (stringIndex && !target.numberIndex) {
      // Every own enumerable key's value (the value is a plain object: checked above), in a loop of
      // this type's own, so the value check is inlined or a call V8 can inline.
      lines.push(
        `const keys = ${this.alias('keys')}(v);`,
        `for (let i = 0; i < keys.length; i++) {`,
        `  const e = v[keys[i]];`,
        `  if (!(${this.propertyCheck(stringIndex, 'e')})) return false;`,
        `}`,
      );
    } else if (stringIndex || target.numberIndex) {
      const s = stringIndex ? this.isFunction(stringIndex) : 'undefined';
      const n = target.numberIndex ? this.isFunction(target.numberIndex) : 'undefined';
      const strings = target.numberIndex !== undefined && acceptsEveryString(target.numberIndex);
      const recurses = [stringIndex, target.numberIndex].some((i) => i !== undefined && this.recurses(i));
      const args = strings || recurses ? ['v', s, n, String(strings)] : ['v', s, n];
      lines.push(`if (!${this.helper('index', args, recurses, 'inside')}) return false;`);
    }
    if (target.keyedIndexes.length > 0) {
      const pairs = target.keyedIndexes.map(({ key, value }) => `[${this.isFunction(key)}, ${this.isFunction(value)}]`);
      const name = this.fresh('x');
      this.declarations.push(`const ${name} = [${pairs.join(', ')}];`);
      lines.push(`if (!${this.helper('keyed', ['v', name], target.keyedIndexes.some((k) => this.recurses(k.value)), 'inside')}) return false;`);
    }
    lines.push('return true;');
    return lines;
  }

  /** Inline cheap checks on a property value; anything bigger goes through its own function. */
  private propertyCheck(shape: Shape, local: string): string {
    if (shape.kind === 'any' || shape.kind === 'typeof' || shape.kind === 'literal' || shape.kind === 'ref' || shape.kind === 'nonNullish') {
      return this.expression(shape, local);
    }
    if (shape.kind === 'union' && shape.members.every((m) => m.kind === 'typeof' || m.kind === 'literal' || m.kind === 'ref')) {
      return this.expression(shape, local);
    }
    return this.call(this.isFunction(shape), shape, local, 'inside');
  }

  /** A method's schema node: messages say `expected a method` rather than `expected Function`. */
  private methodSchema(shape: Shape): string {
    const is = this.isFunction(shape);
    const key = `method:${is}`;
    const known = this.nodesByCheck.get(key);
    if (known) return known;
    const name = this.fresh('s');
    this.nodesByCheck.set(key, name);
    this.declarations.push(`const ${name} = { t: "a method", is: ${is} };`);
    return name;
  }

  private propertySchemas(name: string, target: ObjectShape): void {
    // [key, node, optional ("exact": absent only), read as an own property]
    const properties = target.properties.map((p) => {
      const optional = p.exact ? '"exact"' : String(p.optional);
      return `[${this.key(p.key)}, ${p.method ? this.methodSchema(p.shape) : this.schema(p.shape)}, ${optional}${p.own ? ', true' : ''}]`;
    });
    this.patches.push(`${name}.p = [${properties.join(', ')}];`);
    if (target.stringIndex) this.patches.push(`${name}.i = ${this.schema(target.stringIndex)};`);
    if (target.numberIndex) this.patches.push(`${name}.n = ${this.schema(target.numberIndex)};`);
    if (target.keyedIndexes.length > 0) {
      const keyed = target.keyedIndexes.map(({ key, value }) => `[${this.isFunction(key)}, ${this.schema(value)}]`);
      this.patches.push(`${name}.k = [${keyed.join(', ')}];`);
    }
  }

  /**
   * An intersection member's node. TypeScript applies the weak-type rule to the intersection as a
   * whole, so a weak member's own node checks its properties only; the intersection's node reports
   * a failure of the rule itself.
   */
  private intersectionMember(member: Shape): string {
    if (member.kind !== 'ref' || !member.target.weak) return this.schema(member);
    const is = this.objectFunction(member.target);
    const key = `structure:${is}`;
    const known = this.nodesByCheck.get(key);
    if (known) return known;
    const name = this.fresh('s');
    this.nodesByCheck.set(key, name);
    this.declarations.push(`const ${name} = { t: ${JSON.stringify(member.target.text)}, is: ${is} };`);
    this.propertySchemas(name, member.target);
    return name;
  }

  /** The name of a hoisted schema node for `shape`, for `violations`. */
  schema(shape: Shape): string {
    if (shape.kind === 'lazy') {
      if (!shape.box.shape) throw new UnsupportedType(`the recursive type ${shape.box.text}`);
      return this.schema(shape.box.shape);
    }
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
    const name = this.fresh('s');
    this.schemas.set(key, name);
    if (leaf) this.nodesByCheck.set(leafKey, name);
    // `l`: a literal (or union of literals), which tells union members apart when a value is explained.
    const literal = shape.kind === 'literal' || (shape.kind === 'union' && shape.members.every((m) => m.kind === 'literal'));
    this.declarations.push(`const ${name} = { t: ${JSON.stringify(shapeText(shape))}, is: ${is}${literal ? ', l: true' : ''} };`);
    switch (shape.kind) {
      case 'ref':
        this.propertySchemas(name, shape.target);
        break;
      case 'array':
        this.patches.push(`${name}.e = ${this.schema(shape.element)};`);
        break;
      case 'tuple': {
        const elements = shape.elements.map((e) => this.schema(e.shape));
        this.patches.push(`${name}.u = [${elements.join(', ')}];`);
        if (shape.elements.some((e) => e.flag === 'rest')) this.patches.push(`${name}.r = true;`);
        break;
      }
      case 'builtin':
        // A Map's or Set's entries, so a bad entry is reported at its place: `$input.m[2][1]`.
        if (shape.name === 'Map' && shape.args.length === 2) this.patches.push(`${name}.mk = ${this.schema(shape.args[0]!)};`, `${name}.mv = ${this.schema(shape.args[1]!)};`);
        if (shape.name === 'Set' && shape.args.length === 1) this.patches.push(`${name}.se = ${this.schema(shape.args[0]!)};`);
        break;
      case 'intersection':
        this.patches.push(`${name}.a = [${shape.members.map((m) => this.intersectionMember(m)).join(', ')}];`);
        break;
      case 'union': {
        // Members to descend into: objects (an intersection of objects too), arrays, tuples, Maps and
        // Sets, also when reached through a recursive alias (`next: Chain | undefined`).
        const resolved = shape.members.map((m) => (m.kind === 'lazy' && m.box.shape ? m.box.shape : m));
        const objectLike = (m: Shape): boolean => m.kind === 'ref' || (m.kind === 'intersection' && m.members.every(objectLike));
        const collection = (m: Shape): boolean => m.kind === 'builtin' && ((m.name === 'Map' && m.args.length === 2) || (m.name === 'Set' && m.args.length === 1));
        const structured = resolved.filter((m) => objectLike(m) || m.kind === 'array' || m.kind === 'tuple' || collection(m));
        if (structured.length > 0) this.patches.push(`${name}.m = [${structured.map((m) => this.schema(m)).join(', ')}];`);
        // Discriminants: keys every object member requires with a literal type (`kind`), which pick
        // the member to report inside; an intersection's members' properties count as its own.
        const properties = (m: Shape): readonly Property[] =>
          m.kind === 'ref' ? m.target.properties : m.kind === 'intersection' ? m.members.flatMap(properties) : [];
        const objects = structured.filter(objectLike);
        const literal = (m: Shape) => m.kind === 'literal' || (m.kind === 'union' && m.members.every((u) => u.kind === 'literal'));
        const keys = objects.length > 1 && objects.length === structured.length
          ? properties(objects[0]!).filter((p) => typeof p.key === 'string' && objects.every((o) => properties(o).some((q) => q.key === p.key && !q.optional && literal(q.shape))))
          : [];
        if (keys.length > 0) this.patches.push(`${name}.d = [${[...new Set(keys.map((p) => JSON.stringify(p.key)))].join(', ')}];`);
        break;
      }
      default:
        break;
    }
    return name;
  }
}

function literal(value: string | number | boolean | bigint | null | undefined): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'number' && value < 0) return `(${value})`;
  return String(value);
}

function access(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
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
      return typeof shape.value === 'string' ? JSON.stringify(shape.value) : literal(shape.value).replace(/^\((.*)\)$/, '$1');
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
