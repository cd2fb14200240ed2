/**
 * What to check, read off the checker's types: a small tree that mirrors TypeScript's assignability
 * rules for values written as literals, independent of how it will be emitted.
 */
import ts from 'typescript';

export type Shape =
  /** `unknown` (and `any`): every value. `explicit` for `any`, which keeps its meaning inside types. */
  | { readonly kind: 'any'; readonly explicit?: boolean }
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
  /**
   * A built-in class checked by an `instanceof`-style test of the global constructor `name` (and its
   * elements, for Map and Set). `structural`: also accepted when it fits this (ReadonlyMap, ReadonlySet).
   */
  | { readonly kind: 'builtin'; readonly name: string; readonly args: readonly Shape[]; readonly structural?: Shape }
  /** A primitive's wrapper interface (`Boolean`, `Number`…): the primitive, or its boxed object. */
  | { readonly kind: 'boxed'; readonly type: 'string' | 'number' | 'boolean' | 'bigint' | 'symbol' }
  /**
   * A class TypeScript compares nominally (private, protected or #private members): `instanceof`,
   * and for a generic class its members checked with its type arguments (`members`).
   */
  | { readonly kind: 'nominal'; readonly symbol: ts.Symbol; readonly name: string; readonly members?: ObjectShape }
  /** `typeof C` for such a class: `C` itself or a subclass constructor. */
  | { readonly kind: 'nominalConstructor'; readonly symbol: ts.Symbol; readonly name: string }
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
  /** For a rest element, the type of each element it stands for (`number[]` in `...number[][]`). */
  readonly shape: Shape;
  readonly flag: 'required' | 'optional' | 'rest';
  /** Optional under `exactOptionalPropertyTypes`: absent, but never `undefined` unless its type says so. */
  readonly exact?: boolean;
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
  /** Optional under `exactOptionalPropertyTypes`: absent, but never `undefined` unless its type says so. */
  readonly exact: boolean;
  /** Read as an own property: `__proto__` and the like, which `{}` inherits but the checker does not see. */
  readonly own: boolean;
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

/** A type no runtime value can have (a required property of type `never`): its guard could never be true. */
export class ImpossibleType extends Error {
  constructor(readonly detail: string) {
    super(detail);
  }
}

/**
 * Names every object inherits from `Object.prototype` that lib's `Object` interface does not declare
 * (`__proto__` and the legacy accessors): the checker does not see them, so `{}` fits
 * `{ __proto__?: number }` and a property with such a name is read as an own property. Members the
 * interface declares (`constructor`, `toString`) are inherited for the checker too, and read as such.
 */
const UNDECLARED_OBJECT_KEYS = new Set(['__proto__', '__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__']);

/** The wrapper interfaces of primitives, checked as the primitive or its boxed object. */
const BOXED = new Map<string, 'string' | 'number' | 'boolean' | 'bigint' | 'symbol'>([
  ['String', 'string'],
  ['Number', 'number'],
  ['Boolean', 'boolean'],
  ['BigInt', 'bigint'],
  ['Symbol', 'symbol'],
]);

/** Lib interfaces with a global constructor that plain objects are meant to implement: checked structurally. */
const STRUCTURAL_LIB_INTERFACES = new Set(['Iterator', 'AsyncIterator']);

/** Built-in classes whose type arguments are checked too (their elements). */
const COLLECTIONS = new Set(['Map', 'Set']);
const READONLY_COLLECTIONS = new Map([
  ['ReadonlyMap', 'Map'],
  ['ReadonlySet', 'Set'],
]);

/**
 * Type texts already printed, per checker (so per program: a new program starts afresh). Printed
 * without an enclosing declaration, a type's text is the same wherever it is asked for, and printing
 * is not cheap: naming each type looks it up in the global scope (all of lib.dom, in most projects).
 * A guard asks for the same type's text several times (its protocol, its schema node, each property
 * of that type), and a program's files share `number`, `string[]` and their own imported types.
 */
const typeTexts = new WeakMap<ts.TypeChecker, Map<ts.Type, string>>();
const qualifiedTypeTexts = new WeakMap<ts.TypeChecker, Map<ts.Type, string>>();

function printedOnce(cache: WeakMap<ts.TypeChecker, Map<ts.Type, string>>, checker: ts.TypeChecker, type: ts.Type, print: () => string): string {
  let texts = cache.get(checker);
  if (!texts) cache.set(checker, (texts = new Map()));
  let text = texts.get(type);
  if (text === undefined) texts.set(type, (text = print()));
  return text;
}

/** The names the checker's intrinsic types print as (not its error type, which prints as `any`). */
const INTRINSIC_NAMES = new Set(['any', 'unknown', 'never', 'void', 'undefined', 'null', 'string', 'number', 'bigint', 'symbol', 'object', 'true', 'false']);
const PLAIN_NAME = /^[A-Za-z_$][\w$]*$/;
const PLAIN_STRING = /^[\w .,:/-]*$/;

/**
 * The text `typeToString(type, undefined, NoTruncation | UseSingleQuotesForStringLiteralType)`
 * prints, written without the checker's printer for the types guards are mostly made of: intrinsic
 * types, plain literals, declared names (`declaredName`), arrays of those and object type literals
 * (`{ x: number; y: Point; }`) whose members are required, plainly named properties of such types
 * (written here too: inside a literal the checker may print a type otherwise than alone, as
 * `unique symbol` for what alone is `typeof key`). `undefined` for every other type, which the
 * checker prints; a test holds the two texts equal over every type node of the repository's program.
 */
export function writtenTypeText(type: ts.Type, checker: ts.TypeChecker): string | undefined {
  const declared = declaredName(type);
  if (declared) return declared.name;
  if (type.aliasSymbol) return undefined;
  if (type.flags & ts.TypeFlags.Boolean) return 'boolean';
  const intrinsic = (type as { intrinsicName?: string }).intrinsicName;
  if (intrinsic !== undefined) return INTRINSIC_NAMES.has(intrinsic) ? intrinsic : undefined;
  if (type.flags & ts.TypeFlags.StringLiteral && !(type.flags & ts.TypeFlags.EnumLiteral)) {
    const value = (type as ts.StringLiteralType).value;
    return PLAIN_STRING.test(value) ? `'${value}'` : undefined;
  }
  if (type.flags & ts.TypeFlags.NumberLiteral && !(type.flags & ts.TypeFlags.EnumLiteral)) {
    const value = (type as ts.NumberLiteralType).value;
    return Number.isFinite(value) && Number.isInteger(value) && Math.abs(value) < 1e15 ? String(value) : undefined;
  }
  if (!(type.flags & ts.TypeFlags.Object)) return undefined;
  if (checker.isArrayType(type)) {
    // `isArrayType` holds for `readonly T[]` too (ReadonlyArray). An element this does not write, as
    // one that needs parentheses (`(A | B)[]`), leaves the array to the checker.
    if (type.symbol?.name !== 'Array') return undefined;
    const element = checker.getTypeArguments(type as ts.TypeReference)[0];
    const text = element && writtenTypeText(element, checker);
    return text === undefined ? undefined : `${text}[]`;
  }
  const objectFlags = (type as ts.ObjectType).objectFlags;
  if (!(objectFlags & ts.ObjectFlags.Anonymous) || !type.symbol || !(type.symbol.flags & ts.SymbolFlags.TypeLiteral)) return undefined;
  if (type.getCallSignatures().length || type.getConstructSignatures().length || checker.getIndexInfosOfType(type).length) return undefined;
  const members: string[] = [];
  for (const property of checker.getPropertiesOfType(type)) {
    const declarations = property.declarations ?? [];
    if (property.flags !== ts.SymbolFlags.Property || !PLAIN_NAME.test(property.name) || declarations.length !== 1) return undefined;
    const declaration = declarations[0]!;
    if (!ts.isPropertySignature(declaration) || !ts.isIdentifier(declaration.name) || declaration.name.text !== property.name) return undefined;
    const readonly = declaration.modifiers?.some((m) => m.kind === ts.SyntaxKind.ReadonlyKeyword) ? 'readonly ' : '';
    const text = writtenTypeText(checker.getTypeOfSymbol(property), checker);
    if (text === undefined) return undefined;
    members.push(`${readonly}${property.name}: ${text};`);
  }
  return members.length === 0 ? '{}' : `{ ${members.join(' ')} }`;
}

const withoutImportAttributes = (printed: string): string => printed.replace(/(import\("[^"]*"), \{ with: \{ "resolution-mode": "(?:import|require)" \} \}\)/g, '$1)');

/** A type TypeScript prints as a name exported by a module (`Circle`, `import("/abs/src/shapes").Circle`). */
export interface DeclaredName {
  readonly name: string;
  /** The module's name as the checker prints it: its file's path without the extension. */
  readonly module: string;
}

/**
 * The name of a non-generic interface, class or type alias exported from the top level of a module
 * (not a script, an ambient module or a namespace), the types most guards name: printed without an
 * enclosing declaration such a type is its own name, and fully qualified `import("<module>").<name>`.
 * Printing it through the checker would look for the name in the global scope first (all of lib.dom,
 * in most projects) to come to the same text. `undefined` for every other type, which the checker
 * prints; a test holds the two texts equal over every declared type of the fixtures.
 */
export function declaredName(type: ts.Type): DeclaredName | undefined {
  let symbol: ts.Symbol | undefined;
  if (type.aliasSymbol) {
    if (type.aliasTypeArguments?.length) return undefined;
    symbol = type.aliasSymbol;
  } else {
    if (!(type.flags & ts.TypeFlags.Object) || !((type as ts.ObjectType).objectFlags & ts.ObjectFlags.ClassOrInterface)) return undefined;
    const declared = type as ts.InterfaceType;
    if (declared.typeParameters?.length || declared.outerTypeParameters?.length) return undefined;
    symbol = type.symbol;
  }
  const parent = (symbol as { parent?: ts.Symbol } | undefined)?.parent;
  const file = parent?.valueDeclaration ?? parent?.declarations?.[0];
  if (!symbol || !parent || !file || !ts.isSourceFile(file) || !ts.isExternalModule(file)) return undefined;
  // `export as namespace Lib` makes the module's exports reachable from the global scope: `Lib.Circle`.
  if ((parent as { globalExports?: ts.SymbolTable }).globalExports?.size) return undefined;
  // Each declaration is named as the symbol is (no `export default class Circle`, named `default`).
  const name = symbol.name;
  const named = symbol.declarations?.length && symbol.declarations.every((d) => (d as ts.NamedDeclaration).name !== undefined && ts.isIdentifier((d as ts.NamedDeclaration).name!) && ((d as ts.NamedDeclaration).name as ts.Identifier).text === name);
  if (!named || name === 'default') return undefined;
  const quoted = parent.name;
  if (!quoted.startsWith('"') || !quoted.endsWith('"')) return undefined;
  return { name, module: quoted.slice(1, -1) };
}

/** Builds shapes for one program; object shapes are shared across a file's guards. */
export class ShapeBuilder {
  private readonly objects = new Map<ts.Type, ObjectShape>();
  private readonly building = new Set<ts.Type>();
  private readonly pending = new Map<ts.Type, { box: LazyShape | undefined }>();
  private nextId = 0;
  private readonly exactOptional: boolean;

  constructor(
    private readonly checker: ts.TypeChecker,
    private readonly program: ts.Program,
  ) {
    this.exactOptional = program.getCompilerOptions().exactOptionalPropertyTypes === true;
  }

  /** The type as TypeScript prints it (in messages, schema nodes and protocol names). */
  text(type: ts.Type): string {
    return printedOnce(typeTexts, this.checker, type, () => writtenTypeText(type, this.checker) ?? this.checker.typeToString(type, undefined, ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseSingleQuotesForStringLiteralType));
  }

  /**
   * The type fully qualified (`import("/abs/src/shapes").Circle`), as `checker.typeToString(type,
   * undefined, NoTruncation | UseFullyQualifiedType)` prints it but without the import attributes
   * NodeNext adds (`import("…", { with: { "resolution-mode": "import" } })`): one type, one text, however
   * its module is resolved. Printed once per program.
   */
  qualifiedText(type: ts.Type): string {
    return printedOnce(qualifiedTypeTexts, this.checker, type, () => {
      const declared = declaredName(type);
      return declared ? `import(${JSON.stringify(declared.module)}).${declared.name}` : withoutImportAttributes(this.checker.typeToString(type, undefined, ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseFullyQualifiedType));
    });
  }

  /**
   * The shape of `type`, one per type for the builder's file, so what is emitted per shape (schema
   * nodes, checks) is emitted once per type however many places use it.
   */
  shapeOf(type: ts.Type, at: ts.Node): Shape {
    const known = this.built.get(type);
    if (known) return known;
    // Object types break recursion in `record`; unions, intersections, arrays and tuples break it here.
    const mayRecur = type.flags & (ts.TypeFlags.Union | ts.TypeFlags.Intersection) || this.checker.isArrayType(type) || this.checker.isTupleType(type);
    if (!mayRecur) return this.done(type, this.build(type, at));
    const pending = this.pending.get(type);
    if (pending) {
      // A use of the type inside its own shape: not kept, the finished shape is.
      pending.box ??= { id: this.nextId++, text: this.text(type), admitsUndefined: typeAdmitsUndefined(type), shape: undefined };
      return { kind: 'lazy', box: pending.box };
    }
    const entry: { box: LazyShape | undefined } = { box: undefined };
    this.pending.set(type, entry);
    try {
      const shape = this.build(type, at);
      if (!entry.box) return this.done(type, shape);
      entry.box.shape = shape;
      return this.done(type, { kind: 'lazy', box: entry.box });
    } finally {
      this.pending.delete(type);
    }
  }

  private readonly built = new Map<ts.Type, Shape>();

  private done(type: ts.Type, shape: Shape): Shape {
    this.built.set(type, shape);
    return shape;
  }

  private build(type: ts.Type, at: ts.Node): Shape {
    const { checker } = this;
    const flags = type.flags;
    if (flags & ts.TypeFlags.Any) return { kind: 'any', explicit: true };
    if (flags & ts.TypeFlags.Unknown) return { kind: 'any' };
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
    if (type.isIntersection()) return this.intersection(type, at);
    if (flags & ts.TypeFlags.Object) return this.object(type as ts.ObjectType, at);
    if (flags & (ts.TypeFlags.Index | ts.TypeFlags.IndexedAccess | ts.TypeFlags.Conditional | ts.TypeFlags.Substitution)) {
      const constraint = checker.getBaseConstraintOfType(type);
      if (constraint && constraint !== type) return this.shapeOf(constraint, at);
    }
    throw new UnsupportedType(`the type ${this.text(type)}`);
  }

  /**
   * Brands are phantom: a primitive cannot carry the object members of `string & { __brand: 'Id' }`,
   * so only the primitive part is checked (object members a primitive does have, such as `length`,
   * hold for every value of the primitive anyway).
   */
  private intersection(type: ts.IntersectionType, at: ts.Node): Shape {
    const members = type.types.map((t) => this.shapeOf(t, at));
    const primitive = (m: Shape) => (m.kind === 'typeof' && m.type !== 'function') || (m.kind === 'literal' && m.value !== null && m.value !== undefined) || m.kind === 'template';
    if (!members.some(primitive)) return { kind: 'intersection', members };
    const kept = members.filter((m) => m.kind !== 'ref' && m.kind !== 'nonNullish');
    return kept.length === 1 ? kept[0]! : { kind: 'intersection', members: kept };
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
      const typeArguments = () => ((type as ts.TypeReference).target ? checker.getTypeArguments(type as ts.TypeReference) : []);
      if (name === 'Function' || name === 'CallableFunction' || name === 'NewableFunction') return { kind: 'typeof', type: 'function' };
      if (name === 'Object' && checker.getPropertiesOfType(type).length > 0 && isGlobalObjectInterface(type, checker)) return { kind: 'nonNullish' };
      const boxed = BOXED.get(name);
      if (boxed) return { kind: 'boxed', type: boxed };
      const collection = READONLY_COLLECTIONS.get(name);
      if (collection) {
        // A real Map or Set has its entries checked; anything else with the methods fits, as the checker says.
        const structural = this.structural(type, at);
        return { kind: 'builtin', name: collection, args: typeArguments().map((t) => this.shapeOf(t, at)), structural };
      }
      if (this.isGlobalClass(symbol, type)) {
        return { kind: 'builtin', name, args: COLLECTIONS.has(name) ? typeArguments().map((t) => this.shapeOf(t, at)) : [] };
      }
    }
    if (symbol && symbol.flags & ts.SymbolFlags.Class && this.isNominal(type)) {
      if (type === checker.getTypeOfSymbol(symbol)) return { kind: 'nominalConstructor', symbol, name: symbol.getName() };
      const generic = (type as ts.TypeReference).target !== undefined && checker.getTypeArguments(type as ts.TypeReference).length > 0;
      if (!generic) return { kind: 'nominal', symbol, name: symbol.getName() };
      // `Box<number>` is not `Box<string>`: its members (but `#private` ones, which cannot be read) with the type arguments.
      const members = checker.getPropertiesOfType(type).filter((p) => !isPrivateName(p));
      return { kind: 'nominal', symbol, name: symbol.getName(), members: this.record(type, at, members, [], false) };
    }
    return this.structural(type, at);
  }

  /** An object type checked member by member. */
  private structural(type: ts.ObjectType, at: ts.Node): Shape {
    const { checker } = this;
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
        if (!optional && propertyShape.kind === 'never') {
          throw new ImpossibleType(`${shape.text}: its property ${this.checker.symbolToString(property)} has type never, so no value is a ${shape.text}`);
        }
        shape.properties.push({
          key,
          shape: propertyShape,
          optional,
          admitsUndefined: admitsUndefined(propertyShape),
          text: isMethod ? 'a method' : this.text(propertyType),
          method: isMethod,
          exact: optional && this.exactOptional && !admitsUndefined(propertyShape),
          own: !isMethod && typeof key === 'string' && UNDECLARED_OBJECT_KEYS.has(key),
        });
      }
      for (const info of indexInfos) {
        const value = this.shapeOf(info.type, at);
        // A key type with a brand (`string & Format<'uuid'>`) is its primitive part, brands being phantom.
        const keyType = info.keyType.isIntersection()
          ? (info.keyType.types.find((t) => t.flags & (ts.TypeFlags.String | ts.TypeFlags.Number | ts.TypeFlags.TemplateLiteral | ts.TypeFlags.ESSymbol)) ?? info.keyType)
          : info.keyType;
        if (keyType.flags & ts.TypeFlags.String) shape.stringIndex = value;
        else if (keyType.flags & ts.TypeFlags.Number) shape.numberIndex = value;
        else if (keyType.flags & (ts.TypeFlags.TemplateLiteral | ts.TypeFlags.ESSymbol)) {
          shape.keyedIndexes.push({ key: this.shapeOf(keyType, at), value });
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
      // A rest element (`...number[][]`) holds its element type (`number[]`); a variadic `...T` holds the array.
      const element = flags[i]! & ts.ElementFlags.Variadic ? (this.checker.getIndexTypeOfType(t, ts.IndexKind.Number) ?? this.checker.getAnyType()) : t;
      // Under exactOptionalPropertyTypes an optional element's type holds the checker's "missing"
      // marker (an `undefined` that is not the undefined type): absent is fine, `undefined` is not.
      const missing = (m: ts.Type) => (m.flags & ts.TypeFlags.Undefined) !== 0 && m !== this.checker.getUndefinedType();
      const exact = flag === 'optional' && this.exactOptional && element.isUnion() && element.types.some(missing);
      const shape = exact ? union((element as ts.UnionType).types.filter((m) => !missing(m)).map((m) => this.shapeOf(m, at))) : this.shapeOf(element, at);
      return { shape, flag, exact: exact && !admitsUndefined(shape) };
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

  /**
   * A class of the lib with a global constructor (`Date`, `Map`, `File`, `URL`…), whose methods make
   * a plain literal impractical: checked against the constructor. Data-only interfaces with a
   * constructor (`Error`: a name and a message) are checked structurally, as the checker does.
   */
  private isGlobalClass(symbol: ts.Symbol, type: ts.Type): boolean {
    if (!(symbol.flags & ts.SymbolFlags.Interface) || !(symbol.flags & ts.SymbolFlags.Variable)) return false;
    if (STRUCTURAL_LIB_INTERFACES.has(symbol.getName())) return false;
    return this.checker.getPropertiesOfType(type).some((p) => p.flags & ts.SymbolFlags.Method);
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

function isPrivateName(property: ts.Symbol): boolean {
  return (property.getDeclarations() ?? []).some((d) => {
    const name = ts.getNameOfDeclaration(d);
    return name !== undefined && ts.isPrivateIdentifier(name);
  });
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
