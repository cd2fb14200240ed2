/**
 * What to check, read off the checker's types: a small tree that mirrors TypeScript's assignability
 * rules for values written as literals, independent of how it will be emitted.
 */
import ts from 'typescript';

export type Shape =
  | { readonly kind: 'any' }
  | { readonly kind: 'never' }
  | { readonly kind: 'typeof'; readonly type: 'string' | 'number' | 'boolean' | 'bigint' | 'symbol' | 'function' }
  | { readonly kind: 'literal'; readonly value: string | number | boolean | bigint | null | undefined }
  /** `{}`: anything but null and undefined. */
  | { readonly kind: 'nonNullish' }
  /** `object`: anything that is not a primitive. */
  | { readonly kind: 'nonPrimitive' }
  | { readonly kind: 'union'; readonly members: readonly Shape[] }
  | { readonly kind: 'intersection'; readonly members: readonly Shape[] }
  | { readonly kind: 'array'; readonly element: Shape }
  | { readonly kind: 'tuple'; readonly elements: readonly TupleElement[] }
  /** A built-in class checked with `instanceof` (and its elements, for Map and Set). */
  | { readonly kind: 'builtin'; readonly name: string; readonly args: readonly Shape[] }
  /** A class TypeScript compares nominally (private, protected or #private members). */
  | { readonly kind: 'nominal'; readonly symbol: ts.Symbol; readonly name: string }
  /** `typeof sym` for a `unique symbol`: that one symbol value. */
  | { readonly kind: 'uniqueSymbol'; readonly symbol: ts.Symbol; readonly name: string }
  | { readonly kind: 'template'; readonly parts: readonly (string | Shape)[] }
  /** A structural object type, kept once per type so recursive types refer back to it. */
  | { readonly kind: 'ref'; readonly target: ObjectShape }
  /** A union, intersection, array or tuple type reached again while it was being built (`type Json = … | Json[]`). */
  | { readonly kind: 'lazy'; readonly box: LazyShape };

/** The shape of a type that refers to itself other than through an object type; filled once built. */
export interface LazyShape {
  readonly id: number;
  readonly text: string;
  readonly admitsUndefined: boolean;
  shape: Shape | undefined;
}

export interface TupleElement {
  readonly shape: Shape;
  readonly flag: 'required' | 'optional' | 'rest';
}

export interface Property {
  readonly key: string | { readonly wellKnownSymbol: string };
  readonly shape: Shape;
  readonly optional: boolean;
  /** Admits `undefined`, so a required one needs an explicit presence check. */
  readonly admitsUndefined: boolean;
  readonly text: string;
  /** Declared with method syntax: it must be a function, whatever its signature. */
  readonly method: boolean;
}

export interface ObjectShape {
  readonly id: number;
  /** The type as TypeScript prints it. */
  readonly text: string;
  callable: boolean;
  properties: Property[];
  stringIndex: Shape | undefined;
  numberIndex: Shape | undefined;
  /** Index signatures keyed by a template literal type (`[k: \`data-${string}\`]`) or `symbol`. */
  keyedIndexes: { readonly key: Shape; readonly value: Shape }[];
  /** Reached again while it was being built: checks must be cycle-safe. */
  recursive: boolean;
  /**
   * A weak type (properties, all optional, nothing else): TypeScript rejects a value that has
   * properties but none of these, so `Partial<T>` does not accept `5` or `{ other: 1 }`.
   */
  weak: boolean;
}

/** A type duckcall cannot check, with the node to report it at. */
export class UnsupportedType extends Error {
  constructor(readonly detail: string) {
    super(detail);
  }
}

const BUILTIN_CLASSES = new Set([
  'Date', 'RegExp', 'Map', 'Set', 'WeakMap', 'WeakSet', 'Promise', 'ArrayBuffer', 'SharedArrayBuffer', 'DataView',
  'Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array',
  'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array', 'Error', 'URL', 'Blob',
  'WeakRef',
]);

/** Builds shapes for one program; object shapes are shared across a file's guards. */
export class ShapeBuilder {
  private readonly objects = new Map<ts.Type, ObjectShape>();
  private readonly building = new Set<ts.Type>();
  private readonly pending = new Map<ts.Type, { box: LazyShape | undefined }>();
  private nextId = 0;

  constructor(
    private readonly checker: ts.TypeChecker,
    private readonly program: ts.Program,
  ) {}

  text(type: ts.Type): string {
    return this.checker.typeToString(type, undefined, ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseSingleQuotesForStringLiteralType);
  }

  shapeOf(type: ts.Type, at: ts.Node): Shape {
    // Object types break recursion in `record`; unions, intersections, arrays and tuples break it here.
    const mayRecur = type.flags & (ts.TypeFlags.Union | ts.TypeFlags.Intersection) || this.checker.isArrayType(type) || this.checker.isTupleType(type);
    if (!mayRecur) return this.build(type, at);
    const pending = this.pending.get(type);
    if (pending) {
      pending.box ??= { id: this.nextId++, text: this.text(type), admitsUndefined: typeAdmitsUndefined(type), shape: undefined };
      return { kind: 'lazy', box: pending.box };
    }
    const entry: { box: LazyShape | undefined } = { box: undefined };
    this.pending.set(type, entry);
    try {
      const shape = this.build(type, at);
      if (!entry.box) return shape;
      entry.box.shape = shape;
      return { kind: 'lazy', box: entry.box };
    } finally {
      this.pending.delete(type);
    }
  }

  private build(type: ts.Type, at: ts.Node): Shape {
    const { checker } = this;
    const flags = type.flags;
    if (flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return { kind: 'any' };
    if (flags & ts.TypeFlags.Never) return { kind: 'never' };
    if (flags & ts.TypeFlags.TypeParameter) {
      const constraint = checker.getBaseConstraintOfType(type);
      return constraint && constraint !== type ? this.shapeOf(constraint, at) : { kind: 'any' };
    }
    if (flags & ts.TypeFlags.StringLiteral) return { kind: 'literal', value: (type as ts.StringLiteralType).value };
    if (flags & ts.TypeFlags.NumberLiteral) return { kind: 'literal', value: (type as ts.NumberLiteralType).value };
    if (flags & ts.TypeFlags.BigIntLiteral) {
      const { negative, base10Value } = (type as ts.BigIntLiteralType).value;
      return { kind: 'literal', value: BigInt(`${negative ? '-' : ''}${base10Value}`) };
    }
    if (flags & ts.TypeFlags.BooleanLiteral) return { kind: 'literal', value: type === checker.getTrueType() };
    // A computed enum member (`A = 'x'.length`): TypeScript lets any number through.
    if (flags & ts.TypeFlags.Enum) return { kind: 'typeof', type: 'number' };
    if (flags & ts.TypeFlags.String) return { kind: 'typeof', type: 'string' };
    if (flags & ts.TypeFlags.Number) return { kind: 'typeof', type: 'number' };
    if (flags & ts.TypeFlags.Boolean) return { kind: 'typeof', type: 'boolean' };
    if (flags & ts.TypeFlags.BigInt) return { kind: 'typeof', type: 'bigint' };
    if (flags & ts.TypeFlags.UniqueESSymbol && type.symbol) return { kind: 'uniqueSymbol', symbol: type.symbol, name: this.text(type) };
    if (flags & ts.TypeFlags.ESSymbolLike) return { kind: 'typeof', type: 'symbol' };
    if (flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Void)) return { kind: 'literal', value: undefined };
    if (flags & ts.TypeFlags.Null) return { kind: 'literal', value: null };
    if (flags & ts.TypeFlags.NonPrimitive) return { kind: 'nonPrimitive' };
    if (flags & ts.TypeFlags.TemplateLiteral) return this.template(type as ts.TemplateLiteralType, at);
    if (flags & ts.TypeFlags.StringMapping) throw new UnsupportedType(`the string mapping type ${this.text(type)}`);
    if (type.isUnion()) return union(type.types.map((t) => this.shapeOf(t, at)));
    if (type.isIntersection()) return { kind: 'intersection', members: type.types.map((t) => this.shapeOf(t, at)) };
    if (flags & ts.TypeFlags.Object) return this.object(type as ts.ObjectType, at);
    if (flags & (ts.TypeFlags.Index | ts.TypeFlags.IndexedAccess | ts.TypeFlags.Conditional | ts.TypeFlags.Substitution)) {
      const constraint = checker.getBaseConstraintOfType(type);
      if (constraint && constraint !== type) return this.shapeOf(constraint, at);
    }
    throw new UnsupportedType(`the type ${this.text(type)}`);
  }

  private template(type: ts.TemplateLiteralType, at: ts.Node): Shape {
    const parts: (string | Shape)[] = [];
    type.texts.forEach((text, i) => {
      if (text) parts.push(text);
      const placeholder = type.types[i];
      if (placeholder) parts.push(this.shapeOf(placeholder, at));
    });
    return { kind: 'template', parts };
  }

  private object(type: ts.ObjectType, at: ts.Node): Shape {
    const { checker } = this;
    if (checker.isTupleType(type)) return this.tuple(type as ts.TupleTypeReference, at);
    if (checker.isArrayType(type)) {
      const [element] = checker.getTypeArguments(type as ts.TypeReference);
      return { kind: 'array', element: element ? this.shapeOf(element, at) : { kind: 'any' } };
    }
    const symbol = type.getSymbol();
    if (symbol && this.isLibSymbol(symbol)) {
      const name = symbol.getName();
      if (BUILTIN_CLASSES.has(name)) {
        const args = (type as ts.TypeReference).target ? checker.getTypeArguments(type as ts.TypeReference) : [];
        const checked = name === 'Map' || name === 'Set' ? args.map((t) => this.shapeOf(t, at)) : [];
        return { kind: 'builtin', name, args: checked };
      }
      if (name === 'Function' || name === 'CallableFunction' || name === 'NewableFunction') return { kind: 'typeof', type: 'function' };
      if (name === 'Object' && checker.getPropertiesOfType(type).length > 0 && isGlobalObjectInterface(type, checker)) return { kind: 'nonNullish' };
    }
    if (symbol && symbol.flags & ts.SymbolFlags.Class && this.isNominal(type)) {
      return { kind: 'nominal', symbol, name: symbol.getName() };
    }
    const properties = checker.getPropertiesOfType(type);
    const callable = type.getCallSignatures().length > 0 || type.getConstructSignatures().length > 0;
    const indexInfos = checker.getIndexInfosOfType(type);
    if (properties.length === 0 && indexInfos.length === 0) return callable ? { kind: 'typeof', type: 'function' } : { kind: 'nonNullish' };
    return { kind: 'ref', target: this.record(type, at, properties, indexInfos, callable) };
  }

  private record(type: ts.ObjectType, at: ts.Node, properties: readonly ts.Symbol[], indexInfos: readonly ts.IndexInfo[], callable: boolean): ObjectShape {
    const known = this.objects.get(type);
    if (known) {
      if (this.building.has(type)) known.recursive = true;
      return known;
    }
    const shape: ObjectShape = {
      id: this.nextId++,
      text: this.text(type),
      callable,
      properties: [],
      stringIndex: undefined,
      numberIndex: undefined,
      keyedIndexes: [],
      recursive: false,
      weak: !callable && indexInfos.length === 0 && properties.length > 0 && properties.every((p) => (p.flags & ts.SymbolFlags.Optional) !== 0),
    };
    const mark = this.objects.size;
    this.objects.set(type, shape);
    this.building.add(type);
    try {
      for (const property of properties) {
        if (callable && property.getName() === 'prototype') continue;
        const key = this.keyOf(property);
        if (key === undefined) {
          throw new UnsupportedType(`the property ${this.checker.symbolToString(property)} of ${shape.text} (a symbol key other than a well-known symbol)`);
        }
        const optional = (property.flags & ts.SymbolFlags.Optional) !== 0;
        const propertyType = this.checker.getTypeOfSymbolAtLocation(property, at);
        const isMethod = (property.flags & ts.SymbolFlags.Method) !== 0;
        const propertyShape: Shape = isMethod ? methodShape(optional) : this.shapeOf(propertyType, at);
        shape.properties.push({
          key,
          shape: propertyShape,
          optional,
          admitsUndefined: admitsUndefined(propertyShape),
          text: isMethod ? 'a method' : this.text(propertyType),
          method: isMethod,
        });
      }
      for (const info of indexInfos) {
        const value = this.shapeOf(info.type, at);
        if (info.keyType.flags & ts.TypeFlags.String) shape.stringIndex = value;
        else if (info.keyType.flags & ts.TypeFlags.Number) shape.numberIndex = value;
        else if (info.keyType.flags & (ts.TypeFlags.TemplateLiteral | ts.TypeFlags.ESSymbol)) {
          shape.keyedIndexes.push({ key: this.shapeOf(info.keyType, at), value });
        } else throw new UnsupportedType(`the index signature [key: ${this.text(info.keyType)}] of ${shape.text}`);
      }
    } catch (error) {
      // Forget this shape and those first met while building it (they may refer to it): a later
      // guard for the same type must fail the same way, not reuse an incomplete shape.
      for (const stale of [...this.objects.keys()].slice(mark)) this.objects.delete(stale);
      throw error;
    } finally {
      this.building.delete(type);
    }
    return shape;
  }

  private tuple(type: ts.TupleTypeReference, at: ts.Node): Shape {
    const flags = type.target.elementFlags;
    const elements = this.checker.getTypeArguments(type).map((t, i): TupleElement => {
      const flag = flags[i]! & ts.ElementFlags.Optional ? 'optional' : flags[i]! & ts.ElementFlags.Variable ? 'rest' : 'required';
      return { shape: this.shapeOf(t, at), flag };
    });
    const restAt = elements.findIndex((e) => e.flag === 'rest');
    if (restAt !== -1 && restAt !== elements.length - 1) {
      throw new UnsupportedType(`the tuple type ${this.text(type)} (a rest element before the end)`);
    }
    return { kind: 'tuple', elements };
  }

  /** A property's key: its name, or a well-known symbol (`[Symbol.iterator]`); `undefined` for other symbols. */
  keyOf(property: ts.Symbol): Property['key'] | undefined {
    const name = property.getName();
    if (!name.startsWith('__@')) return name;
    const declaration = property.valueDeclaration ?? property.declarations?.[0];
    const nameNode = declaration && ts.getNameOfDeclaration(declaration);
    if (nameNode && ts.isComputedPropertyName(nameNode)) {
      const expression = nameNode.expression;
      if (ts.isPropertyAccessExpression(expression) && ts.isIdentifier(expression.expression) && expression.expression.text === 'Symbol') {
        return { wellKnownSymbol: expression.name.text };
      }
    }
    return undefined;
  }

  private isLibSymbol(symbol: ts.Symbol): boolean {
    const declarations = symbol.getDeclarations() ?? [];
    // `some`, not `every`: global augmentations (e.g. @types/node's `interface Uint8Array`) add declarations elsewhere.
    return declarations.some((d) => this.program.isSourceFileDefaultLibrary(d.getSourceFile()));
  }

  private isNominal(type: ts.Type): boolean {
    return this.checker.getPropertiesOfType(type).some((property) =>
      (property.getDeclarations() ?? []).some((d) => {
        const name = ts.getNameOfDeclaration(d);
        if (name && ts.isPrivateIdentifier(name)) return true;
        return (ts.getCombinedModifierFlags(d) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) !== 0;
      }),
    );
  }
}

function typeAdmitsUndefined(type: ts.Type): boolean {
  const members = type.isUnion() ? type.types : [type];
  return members.some((t) => (t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Void | ts.TypeFlags.Any | ts.TypeFlags.Unknown)) !== 0);
}

function isGlobalObjectInterface(type: ts.Type, checker: ts.TypeChecker): boolean {
  return checker.getPropertiesOfType(type).some((p) => p.getName() === 'hasOwnProperty');
}

function methodShape(optional: boolean): Shape {
  const fn: Shape = { kind: 'typeof', type: 'function' };
  return optional ? union([fn, { kind: 'literal', value: undefined }]) : fn;
}

function union(members: readonly Shape[]): Shape {
  const flat = members.flatMap((m) => (m.kind === 'union' ? m.members : [m]));
  if (flat.some((m) => m.kind === 'any')) return { kind: 'any' };
  const hasTrue = flat.some((m) => m.kind === 'literal' && m.value === true);
  const hasFalse = flat.some((m) => m.kind === 'literal' && m.value === false);
  const merged = hasTrue && hasFalse ? [...flat.filter((m) => !(m.kind === 'literal' && typeof m.value === 'boolean')), { kind: 'typeof', type: 'boolean' } as const] : flat;
  return merged.length === 1 ? merged[0]! : { kind: 'union', members: merged };
}

/** Whether `undefined` passes the shape (then a required property needs a presence check). */
export function admitsUndefined(shape: Shape): boolean {
  switch (shape.kind) {
    case 'any':
      return true;
    case 'literal':
      return shape.value === undefined;
    case 'union':
      return shape.members.some(admitsUndefined);
    case 'intersection':
      return shape.members.every(admitsUndefined);
    case 'lazy':
      return shape.box.admitsUndefined;
    default:
      return false;
  }
}
