/**
 * The schema nodes `violations` (src/internal/violations.ts) walks for `validate`, `assert` and the
 * reasons of a failed dispatch: `{ t: text, is: check }` per type, declared in the block, with the
 * structure below them (`p`, `e`, `u`, `m`…) patched in once every node is declared.
 */
import { UnsupportedType, type ObjectShape, type Property, type Shape } from '../analyze/shape.js';
import type { Block } from './block.js';
import { array, assign, declare, id, literal, member, object, run, TRUE, type Expression } from './code.js';
import type { GuardEmitter } from './guard.js';
import { shapeText } from './shape-text.js';

export class Schemas {
  private readonly schemas = new Map<Shape | ObjectShape, string>();
  /** Schema nodes keyed by the check they wrap: methods, weak intersection members, and leaves (nothing below them). */
  private readonly nodesByCheck = new Map<string, string>();
  /** Schema nodes with their structure patched (see `schema`; `nodeOf` makes them without). */
  private readonly structured = new Set<string>();

  constructor(
    private readonly block: Block,
    private readonly guards: GuardEmitter,
  ) {}

  /** A schema node `{ t: text, is: check }` (plus `l: true` for a literal), declared under a fresh name. */
  private node(text: string, is: string, literalNode = false): string {
    const name = this.block.fresh('s');
    const properties: [string, Expression][] = [['t', literal(text)], ['is', id(is)]];
    if (literalNode) properties.push(['l', TRUE]);
    this.block.declarations.push(declare('const', name, object(properties)));
    return name;
  }

  /** `node.field = value`, run once every node is declared (nodes refer to each other). */
  private patch(node: string, field: string, value: Expression): void {
    this.block.patches.push(run(assign(member(id(node), field), value)));
  }

  /** A method's schema node: messages say `expected a method` rather than `expected Function`. */
  methodSchema(shape: Shape): string {
    const is = this.guards.isFunction(shape);
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
        this.guards.key(p.key),
        id(p.method ? this.methodSchema(p.shape) : this.schema(p.shape)),
        literal(p.exact ? 'exact' : p.optional),
        ...(p.own ? [TRUE] : []),
      ]),
    );
    this.patch(name, 'p', array(properties));
    if (target.stringIndex) this.patch(name, 'i', id(this.schema(target.stringIndex)));
    if (target.numberIndex) this.patch(name, 'n', id(this.schema(target.numberIndex)));
    if (target.keyedIndexes.length > 0) {
      this.patch(name, 'k', array(target.keyedIndexes.map(({ key, value }) => array([id(this.guards.isFunction(key)), id(this.schema(value))]))));
    }
  }

  /**
   * An intersection member's node. TypeScript applies the weak-type rule to the intersection as a
   * whole, so a weak member's own node checks its properties only; the intersection's node reports
   * a failure of the rule itself.
   */
  private intersectionMember(memberShape: Shape): string {
    if (memberShape.kind !== 'ref' || !memberShape.target.weak) return this.schema(memberShape);
    const is = this.guards.objectFunction(memberShape.target);
    const key = `structure:${is}`;
    const known = this.nodesByCheck.get(key);
    if (known) return known;
    const name = this.node(memberShape.target.text, is);
    this.nodesByCheck.set(key, name);
    this.propertySchemas(name, memberShape.target);
    return name;
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
    const is = this.guards.isFunction(shape);
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

/** A recursive alias's shape, as its schema node has it. */
function resolve(shape: Shape): Shape {
  if (shape.kind !== 'lazy') return shape;
  if (!shape.box.shape) throw new UnsupportedType(`the recursive type ${shape.box.text}`);
  return resolve(shape.box.shape);
}
