/**
 * Random TypeScript types as a small model: each type renders as source text (as written, and with
 * brands erased, since brands are phantom: API.md §1), names the features it uses (so a disagreement
 * can be traced to a known issue item), and gives the structure values are built from.
 */
import type { Random } from './random.js';

export type Primitive = 'string' | 'number' | 'boolean' | 'bigint' | 'symbol' | 'null' | 'undefined' | 'any' | 'unknown' | 'object' | '{}';
export type TemplateHole = 'string' | 'number' | 'bigint' | 'boolean';
export type Builtin = 'Date' | 'Uint8Array' | 'Error' | 'URL' | 'Blob' | 'File' | 'Boolean' | 'Number' | 'String';
export type RecursiveName = 'List' | 'Tree' | 'Json';

export type Ty =
  | { readonly k: 'prim'; readonly name: Primitive }
  | { readonly k: 'lit'; readonly value: string | number | boolean | bigint }
  | { readonly k: 'union'; readonly of: readonly Ty[] }
  | { readonly k: 'inter'; readonly of: readonly Ty[] }
  | { readonly k: 'array'; readonly of: Ty; readonly readonly: boolean }
  | { readonly k: 'tuple'; readonly elements: readonly TupleElement[]; readonly readonly: boolean }
  | { readonly k: 'object'; readonly props: readonly Prop[]; readonly index?: IndexSignature }
  | { readonly k: 'template'; readonly parts: readonly (string | { readonly hole: TemplateHole })[] }
  | { readonly k: 'enum'; readonly name: 'Color' | 'Dir'; readonly member?: string }
  /** A generic, mapped or conditional type: its text as written, what values are built from, and features its text hides. */
  | {
      readonly k: 'named';
      readonly render: (text: (t: Ty) => string) => string;
      readonly resolved: Ty;
      readonly tags?: readonly Feature[];
      /** Written with an operator (`keyof X`, `A | B`): parenthesized as an element or a member. */
      readonly compound?: boolean;
    }
  | { readonly k: 'builtin'; readonly name: Builtin }
  | { readonly k: 'map'; readonly key: Ty; readonly value: Ty; readonly readonly: boolean }
  | { readonly k: 'set'; readonly of: Ty; readonly readonly: boolean }
  | { readonly k: 'brand'; readonly prim: 'string' | 'number'; readonly tag: string; readonly alias: boolean }
  /** `Box<T>`: a generic class with a private member (nominal). */
  | { readonly k: 'box'; readonly of: Ty }
  /** `Point`: a class with public members only (structural). */
  | { readonly k: 'point' }
  | { readonly k: 'recursive'; readonly name: RecursiveName };

export interface TupleElement {
  readonly type: Ty;
  /** `rest`: `...type[]`. */
  readonly kind: 'required' | 'optional' | 'rest';
}

export interface Prop {
  readonly key: string;
  readonly type: Ty;
  readonly optional: boolean;
  readonly readonly: boolean;
}

export interface IndexSignature {
  /** `template`: `` `k-${string}` ``; `id-number`: `` `id-${number}` ``; `branded`: `string & { __key: 'K' }`. */
  readonly key: 'string' | 'number' | 'template' | 'id-number' | 'branded';
  readonly type: Ty;
}

/** The declarations every generated module starts with (runtime ones too: enums and classes). */
export const declarations = `enum Color { Red, Green = 5 }
enum Dir { Up = 'UP', Down = 'DOWN' }
interface Pair<A, B> { first: A; second: B }
type Maybe<T> = T | null;
type Wrapped<T> = { value: T; items: T[] };
interface Tagged<K extends string, V> { tag: K; value: V }
type IfString<T> = T extends string ? { text: T } : { other: T };
type UserId = string & { __brand: 'UserId' };
type Cents = number & { __brand: 'Cents' };
type List = { value: number; next: List | null };
interface Tree { label: string; children: Tree[] }
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
class Box<T> { constructor(private readonly v: T) {} get(): T { return this.v } }
class Point { constructor(public x: number, public y: number) {} }
`;

export const enumMembers = { Color: { Red: 0, Green: 5 }, Dir: { Up: 'UP', Down: 'DOWN' } } as const;

const recursiveBodies: Record<RecursiveName, Ty> = {
  List: { k: 'object', props: [prop('value', { k: 'prim', name: 'number' }), prop('next', { k: 'union', of: [{ k: 'recursive', name: 'List' }, { k: 'prim', name: 'null' }] })] },
  Tree: { k: 'object', props: [prop('label', { k: 'prim', name: 'string' }), prop('children', { k: 'array', of: { k: 'recursive', name: 'Tree' }, readonly: false })] },
  Json: {
    k: 'union',
    of: [
      { k: 'prim', name: 'null' },
      { k: 'prim', name: 'boolean' },
      { k: 'prim', name: 'number' },
      { k: 'prim', name: 'string' },
      { k: 'array', of: { k: 'recursive', name: 'Json' }, readonly: false },
      { k: 'object', props: [], index: { key: 'string', type: { k: 'recursive', name: 'Json' } } },
    ],
  },
};

export function recursiveBody(name: RecursiveName): Ty {
  return recursiveBodies[name];
}

function prop(key: string, type: Ty, optional = false, readonly = false): Prop {
  return { key, type, optional, readonly };
}

// ---------------------------------------------------------------------------------------------
// Text

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function keyText(key: string): string {
  return IDENTIFIER.test(key) ? key : JSON.stringify(key);
}

export function literalText(value: string | number | boolean | bigint): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint') return `${value}n`;
  return String(value);
}

/**
 * The type as source text. `erase`: as the checker should judge it at runtime, each brand as its
 * primitive (brands are phantom, API.md §1) and each string enum as its values.
 */
export function typeText(t: Ty, erase = false): string {
  const text = (u: Ty): string => typeText(u, erase);
  const operand = (u: Ty): string => (needsParentheses(u, erase) ? `(${text(u)})` : text(u));
  switch (t.k) {
    case 'prim':
      return t.name;
    case 'lit':
      return literalText(t.value);
    case 'union':
      return t.of.map((u) => (u.k === 'inter' ? `(${text(u)})` : text(u))).join(' | ');
    case 'inter':
      return t.of.map(operand).join(' & ');
    case 'array':
      return `${t.readonly ? 'readonly ' : ''}${operand(t.of)}[]`;
    case 'tuple':
      return `${t.readonly ? 'readonly ' : ''}[${t.elements
        .map((e) => (e.kind === 'rest' ? `...${operand(e.type)}[]` : e.kind === 'optional' ? `${operand(e.type)}?` : text(e.type)))
        .join(', ')}]`;
    case 'object': {
      const members = t.props.map((p) => `${p.readonly ? 'readonly ' : ''}${keyText(p.key)}${p.optional ? '?' : ''}: ${text(p.type)}`);
      if (t.index) members.push(`[key: ${indexKeyText(t.index.key, erase)}]: ${text(t.index.type)}`);
      return members.length === 0 ? '{}' : `{ ${members.join('; ')} }`;
    }
    case 'template':
      return `\`${t.parts.map((p) => (typeof p === 'string' ? p : `\${${p.hole}}`)).join('')}\``;
    case 'enum':
      // A string enum's member is its string at runtime: the checker's nominal string enums cannot be
      // told apart from the literal, so the checker judges against the values.
      if (erase && t.name === 'Dir') {
        const members: Record<string, string> = enumMembers.Dir;
        return (t.member === undefined ? Object.values(members) : [members[t.member] as string]).map((v) => JSON.stringify(v)).join(' | ');
      }
      return t.member === undefined ? t.name : `${t.name}.${t.member}`;
    case 'named':
      return t.render(text);
    case 'builtin':
      return t.name;
    case 'map':
      return `${t.readonly ? 'ReadonlyMap' : 'Map'}<${text(t.key)}, ${text(t.value)}>`;
    case 'set':
      return `${t.readonly ? 'ReadonlySet' : 'Set'}<${text(t.of)}>`;
    case 'brand':
      if (erase) return t.prim;
      return t.alias ? (t.prim === 'string' ? 'UserId' : 'Cents') : `${t.prim} & { __brand: ${JSON.stringify(t.tag)} }`;
    case 'box':
      return `Box<${text(t.of)}>`;
    case 'point':
      return 'Point';
    case 'recursive':
      return t.name;
  }
}

/** Whether `u` must be parenthesized as an array element, a tuple element or an intersection member. */
function needsParentheses(u: Ty, erase: boolean): boolean {
  switch (u.k) {
    case 'union':
    case 'inter':
      return true;
    case 'brand':
      return !erase && !u.alias;
    case 'enum':
      return erase && u.name === 'Dir' && u.member === undefined;
    case 'named':
      return u.compound === true;
    case 'array':
    case 'tuple':
      return u.readonly;
    default:
      return false;
  }
}

function indexKeyText(key: IndexSignature['key'], erase: boolean): string {
  switch (key) {
    case 'string':
      return 'string';
    case 'number':
      return 'number';
    case 'template':
      return '`k-${string}`';
    case 'id-number':
      return '`id-${number}`';
    case 'branded':
      return erase ? 'string' : "string & { __key: 'K' }";
  }
}

// ---------------------------------------------------------------------------------------------
// Features: what a type uses, to attribute a disagreement to an issue item

export type Feature =
  | 'any'
  | 'readonly-collection'
  | 'generic-class'
  | 'tuple-rest-array'
  | 'error'
  | 'proto-key'
  | 'inherited-key'
  | 'brand'
  | 'boxed-primitive'
  | 'intersection-index-key'
  | 'lib-class'
  | 'optional'
  /** Set by the judge, for a type with an optional property or element, when `exactOptionalPropertyTypes` is on. */
  | 'exact-optional'
  | 'weak-type'
  /** An object type with a number index signature or a numeric key: a string is judged against it by String's members. */
  | 'numeric-keys'
  /** `is<T>` on a type parameter with no constraint, instantiated with the type. */
  | 'type-parameter'
  /** The type as a rest parameter's tuple, with a rest element before the end. */
  | 'leading-or-middle-rest';

/** Object.prototype's members: an optional property with one of these names is read from the prototype when absent. */
export const INHERITED_KEYS = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString'];

export function featuresOf(t: Ty, into = new Set<Feature>(), seen = new Set<RecursiveName>()): Set<Feature> {
  const walk = (u: Ty): void => void featuresOf(u, into, seen);
  switch (t.k) {
    case 'prim':
      if (t.name === 'any') into.add('any');
      break;
    case 'union':
    case 'inter':
      t.of.forEach(walk);
      break;
    case 'array':
      walk(t.of);
      break;
    case 'tuple':
      for (const e of t.elements) {
        if (e.kind === 'optional') into.add('optional');
        if (e.kind === 'rest' && isArrayLike(e.type)) into.add('tuple-rest-array');
        walk(e.type);
      }
      break;
    case 'object':
      for (const p of t.props) {
        if (p.optional) into.add('optional');
        if (p.key === '__proto__') into.add('proto-key');
        if (p.optional && INHERITED_KEYS.includes(p.key)) into.add('inherited-key');
        walk(p.type);
      }
      if (t.index) {
        if (t.index.key === 'branded') into.add('intersection-index-key');
        walk(t.index.type);
      }
      if (!t.index && t.props.length > 0 && t.props.every((p) => p.optional)) into.add('weak-type');
      if (t.index?.key === 'number' || t.props.some((p) => /^\d+$/.test(p.key))) into.add('numeric-keys');
      break;
    case 'named':
      t.tags?.forEach((tag) => into.add(tag));
      walk(t.resolved);
      break;
    case 'builtin':
      if (t.name === 'Error') into.add('error');
      if (t.name === 'URL' || t.name === 'Blob' || t.name === 'File') into.add('lib-class');
      if (t.name === 'Boolean' || t.name === 'Number' || t.name === 'String') into.add('boxed-primitive');
      break;
    case 'map':
      if (t.readonly) into.add('readonly-collection');
      walk(t.key);
      walk(t.value);
      break;
    case 'set':
      if (t.readonly) into.add('readonly-collection');
      walk(t.of);
      break;
    case 'brand':
      into.add('brand');
      break;
    case 'box':
      into.add('generic-class');
      walk(t.of);
      break;
    case 'recursive':
      if (!seen.has(t.name)) {
        seen.add(t.name);
        walk(recursiveBodies[t.name]);
      }
      break;
    case 'lit':
    case 'template':
    case 'enum':
    case 'point':
      break;
  }
  return into;
}

function isArrayLike(t: Ty): boolean {
  if (t.k === 'named') return isArrayLike(t.resolved);
  return t.k === 'array' || t.k === 'tuple';
}

// ---------------------------------------------------------------------------------------------
// Generators, one per family

// No `name`, `length` or `prototype`: a function's or a string's are literals (or absent, for an arrow
// function's prototype) at runtime but `string`/`number`/`any` to the checker, so no value type could
// say what the value is.
const NAMES = ['a', 'b', 'c', 'kind', 'id', 'title', 'value', 'x'];
const UNUSUAL_KEYS = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', 'a-b', 'a b', '0', '1', '', '$x'];
const PLAIN_PRIMITIVES: Primitive[] = ['string', 'number', 'boolean'];

export class TypeGenerator {
  constructor(private readonly rng: Random) {}

  /** A small type made of primitives, literals, unions, objects, arrays and tuples only. */
  plain(depth = 2): Ty {
    const r = this.rng;
    const roll = depth <= 0 ? r.int(0, 1) : r.int(0, 5);
    switch (roll) {
      case 0:
        return { k: 'prim', name: r.pick([...PLAIN_PRIMITIVES, 'null', 'undefined', 'bigint']) };
      case 1:
        return this.literal();
      case 2:
        return { k: 'union', of: this.distinct(r.int(2, 3), () => this.plain(depth - 1)) };
      case 3:
        return this.object(depth - 1, () => this.plain(depth - 1));
      case 4:
        return { k: 'array', of: this.plain(depth - 1), readonly: r.chance(0.3) };
      default:
        return { k: 'tuple', elements: this.distinct(r.int(1, 3), () => ({ type: this.plain(depth - 1), kind: 'required' as const })), readonly: false };
    }
  }

  /** A child: mostly plain, sometimes from any family. */
  child(depth: number): Ty {
    return depth > 0 && this.rng.chance(0.25) ? this.family(this.rng.pick(NESTABLE), depth - 1) : this.plain(Math.min(depth, 1));
  }

  literal(): Ty {
    return { k: 'lit', value: this.rng.pick<string | number | boolean | bigint>(['a', 'b', '', 'circle', '0', 0, 1, -1, 2.5, 42, true, false, 0n, 7n]) };
  }

  object(depth: number, child: () => Ty, keys: readonly string[] = NAMES): Ty {
    const r = this.rng;
    const props = r.some(keys, r.int(1, 3)).map((key) => prop(key, child(), r.chance(0.35), r.chance(0.15)));
    return { k: 'object', props };
  }

  family(name: Family, depth = 2): Ty {
    const r = this.rng;
    const c = (): Ty => this.child(depth);
    switch (name) {
      case 'primitives':
        return { k: 'prim', name: r.pick(PLAIN_PRIMITIVES) };
      case 'literals':
        return r.chance(0.5) ? this.literal() : { k: 'union', of: this.distinct(r.int(2, 4), () => this.literal()) };
      case 'bigint-symbol':
        return r.pick<Ty>([{ k: 'prim', name: 'bigint' }, { k: 'prim', name: 'symbol' }, { k: 'union', of: [{ k: 'prim', name: 'bigint' }, { k: 'prim', name: 'symbol' }] }, { k: 'lit', value: 3n }]);
      case 'null-undefined':
        return r.pick<Ty>([{ k: 'prim', name: 'null' }, { k: 'prim', name: 'undefined' }, { k: 'union', of: [c(), { k: 'prim', name: r.pick<Primitive>(['null', 'undefined']) }] }]);
      case 'unions':
        return { k: 'union', of: this.distinct(r.int(2, 4), c) };
      case 'intersections': {
        const shared = r.chance(0.3) ? prop('kind', this.literal()) : undefined;
        const part = (keys: string[]): Ty => {
          const base = this.object(depth - 1, c, keys) as Extract<Ty, { k: 'object' }>;
          return shared ? { k: 'object', props: [shared, ...base.props.filter((p) => p.key !== 'kind')] } : base;
        };
        return { k: 'inter', of: [part(['a', 'b', 'c']), part(['x', 'y', 'z'])] };
      }
      case 'tuples': {
        const elements: TupleElement[] = [];
        const required = r.int(0, 3);
        for (let i = 0; i < required; i++) elements.push({ type: c(), kind: 'required' });
        const optional = r.int(0, 2);
        for (let i = 0; i < optional; i++) elements.push({ type: c(), kind: 'optional' });
        if (r.chance(0.4)) elements.push({ type: this.plainNonArray(), kind: 'rest' });
        return { k: 'tuple', elements, readonly: r.chance(0.2) };
      }
      case 'tuple-rest-arrays':
        return {
          k: 'tuple',
          elements: [{ type: { k: 'prim', name: 'string' }, kind: 'required' }, { type: { k: 'array', of: { k: 'prim', name: r.pick<Primitive>(['number', 'string']) }, readonly: false }, kind: 'rest' }],
          readonly: false,
        };
      case 'arrays':
        return { k: 'array', of: c(), readonly: r.chance(0.4) };
      case 'objects':
        return this.object(depth - 1, c);
      case 'index-signatures': {
        const key = r.pick<IndexSignature['key']>(['string', 'number', 'template']);
        const type = this.plain(1);
        // Required: an optional property's `undefined` would not fit the index signature.
        const props = r.chance(0.4) ? [prop(key === 'template' ? 'k-fixed' : key === 'number' ? '0' : 'fixed', type)] : [];
        return { k: 'object', props, index: { key, type } };
      }
      case 'records': {
        const value = c();
        const keys = r.pick(['string', 'number', "'a' | 'b'", '`id-${number}`']);
        const resolved: Ty =
          keys === "'a' | 'b'"
            ? { k: 'object', props: [prop('a', value), prop('b', value)] }
            : { k: 'object', props: [], index: { key: keys === 'string' ? 'string' : keys === 'number' ? 'number' : 'id-number', type: value } };
        return { k: 'named', render: (text) => `Record<${keys}, ${text(value)}>`, resolved };
      }
      case 'enums':
        return r.pick<Ty>([
          { k: 'enum', name: 'Color' },
          { k: 'enum', name: 'Dir' },
          { k: 'enum', name: 'Color', member: 'Green' },
          { k: 'enum', name: 'Dir', member: 'Up' },
          { k: 'union', of: [{ k: 'enum', name: 'Dir', member: 'Down' }, { k: 'enum', name: 'Color', member: 'Red' }] },
        ]);
      case 'template-literals':
        return {
          k: 'template',
          parts: r.pick<(string | { hole: TemplateHole })[]>([
            [{ hole: 'number' }, 'px'],
            ['id-', { hole: 'string' }],
            [{ hole: 'number' }],
            [{ hole: 'bigint' }],
            [{ hole: 'boolean' }, '!'],
            ['v', { hole: 'number' }, '.', { hole: 'number' }],
            [{ hole: 'string' }, '-', { hole: 'number' }],
          ]),
        };
      case 'any':
        return r.pick<Ty>([
          { k: 'prim', name: 'any' },
          { k: 'array', of: { k: 'prim', name: 'any' }, readonly: false },
          // The checker accepts every non-primitive for these (arrays, functions, Dates included).
          { k: 'named', render: () => 'Record<string, any>', resolved: { k: 'prim', name: 'object' }, tags: ['any'] },
          { k: 'named', render: () => '{ [key: string]: any }', resolved: { k: 'prim', name: 'object' }, tags: ['any'] },
          { k: 'object', props: [prop('a', { k: 'prim', name: 'any' })] },
          { k: 'tuple', elements: [{ type: { k: 'prim', name: 'any' }, kind: 'required' }, { type: { k: 'prim', name: 'number' }, kind: 'required' }], readonly: false },
        ]);
      case 'top-types':
        return r.pick<Ty>([
          { k: 'prim', name: 'unknown' },
          { k: 'prim', name: 'object' },
          { k: 'prim', name: '{}' },
          { k: 'union', of: [{ k: 'prim', name: '{}' }, { k: 'prim', name: 'null' }] },
          { k: 'object', props: [prop('a', { k: 'prim', name: 'unknown' })] },
          { k: 'named', render: () => 'Record<string, unknown>', resolved: { k: 'object', props: [], index: { key: 'string', type: { k: 'prim', name: 'unknown' } } } },
          { k: 'array', of: { k: 'prim', name: 'object' }, readonly: false },
        ]);
      case 'generics': {
        const a = c();
        const b = c();
        return r.pick<Ty>([
          { k: 'named', render: (text) => `Pair<${text(a)}, ${text(b)}>`, resolved: { k: 'object', props: [prop('first', a), prop('second', b)] } },
          { k: 'named', render: (text) => `Maybe<${text(a)}>`, resolved: { k: 'union', of: [a, { k: 'prim', name: 'null' }] } },
          { k: 'named', render: (text) => `Wrapped<${text(a)}>`, resolved: { k: 'object', props: [prop('value', a), prop('items', { k: 'array', of: a, readonly: false })] } },
          { k: 'named', render: (text) => `Tagged<'t', ${text(b)}>`, resolved: { k: 'object', props: [prop('tag', { k: 'lit', value: 't' }), prop('value', b)] } },
        ]);
      }
      case 'mapped-conditional':
        return this.mapped(depth);
      case 'built-ins': {
        const e = (): Ty => this.plain(0);
        return r.pick<Ty>([
          { k: 'builtin', name: 'Date' },
          { k: 'builtin', name: 'Uint8Array' },
          { k: 'map', key: e(), value: e(), readonly: false },
          { k: 'set', of: e(), readonly: false },
          { k: 'union', of: [{ k: 'builtin', name: 'Date' }, { k: 'prim', name: 'string' }] },
        ]);
      }
      case 'readonly-collections':
        return r.chance(0.5) ? { k: 'map', key: this.plain(0), value: this.plain(0), readonly: true } : { k: 'set', of: this.plain(0), readonly: true };
      case 'errors':
        return r.chance(0.7) ? { k: 'builtin', name: 'Error' } : { k: 'object', props: [prop('error', { k: 'builtin', name: 'Error' })] };
      case 'boxed-primitives':
        return { k: 'builtin', name: r.pick<Builtin>(['Boolean', 'Number', 'String']) };
      case 'lib-classes':
        return { k: 'builtin', name: r.pick<Builtin>(['URL', 'Blob', 'File']) };
      case 'brands': {
        const brand: Ty = { k: 'brand', prim: r.chance(0.5) ? 'string' : 'number', tag: 'X', alias: r.chance(0.5) };
        return r.pick<Ty>([brand, { k: 'object', props: [prop('id', brand)] }, { k: 'array', of: brand, readonly: false }]);
      }
      case 'unusual-keys':
        return this.object(depth - 1, c, UNUSUAL_KEYS.filter((k) => k !== '__proto__'));
      case 'type-operators':
        return this.typeOperator();
      case 'inherited-keys':
        return { k: 'object', props: [prop(r.pick(INHERITED_KEYS), this.plain(0), true), ...(r.chance(0.5) ? [prop('a', this.plain(0))] : [])] };
      case 'proto-key':
        return { k: 'object', props: [prop('__proto__', this.plain(0), r.chance(0.7)), ...(r.chance(0.5) ? [prop('a', this.plain(0))] : [])] };
      case 'recursive':
        return { k: 'recursive', name: r.pick<RecursiveName>(['List', 'Tree', 'Json']) };
      case 'classes':
        return r.chance(0.6) ? { k: 'point' } : { k: 'object', props: [prop('at', { k: 'point' })] };
      case 'generic-classes':
        return { k: 'box', of: this.plain(0) };
      case 'intersection-index-keys':
        return { k: 'object', props: [], index: { key: 'branded', type: this.plain(0) } };
      case 'type-parameters':
        return this.plain(1);
      case 'rest-parameters': {
        const e = (): Ty => ({ k: 'prim', name: r.pick<Primitive>(['number', 'string', 'boolean']) });
        const shapes: TupleElement['kind'][][] = [
          ['required', 'rest', 'required'],
          ['rest', 'required'],
          ['required', 'rest', 'required', 'required'],
          ['required', 'optional'],
          ['required', 'rest'],
          ['rest'],
        ];
        return { k: 'tuple', elements: r.pick(shapes).map((kind) => ({ type: e(), kind })), readonly: false };
      }
      case 'nested':
        return this.nested(depth + 1);
    }
  }

  private mapped(depth: number): Ty {
    const r = this.rng;
    const base = this.object(1, () => this.child(depth - 1), ['a', 'b', 'c', 'd']) as Extract<Ty, { k: 'object' }>;
    const keys = base.props.map((p) => p.key);
    const picked = r.some(keys, r.int(1, keys.length));
    const union = (ks: string[]): string => ks.map((k) => JSON.stringify(k)).join(' | ');
    const value = this.plain(1);
    const roll = r.int(0, 8);
    switch (roll) {
      case 0:
        return { k: 'named', render: (text) => `Partial<${text(base)}>`, resolved: { k: 'object', props: base.props.map((p) => ({ ...p, optional: true })) } };
      case 1:
        // Required<{ a?: undefined }> has a property of type never: no guard to compare.
        if (base.props.some((p) => p.optional && p.type.k === 'prim' && p.type.name === 'undefined')) return this.mapped(depth);
        return { k: 'named', render: (text) => `Required<${text(base)}>`, resolved: { k: 'object', props: base.props.map((p) => ({ ...p, optional: false })) } };
      case 2:
        return { k: 'named', render: (text) => `Readonly<${text(base)}>`, resolved: base };
      case 3:
        return { k: 'named', render: (text) => `Pick<${text(base)}, ${union(picked)}>`, resolved: { k: 'object', props: base.props.filter((p) => picked.includes(p.key)) } };
      case 4:
        return { k: 'named', render: (text) => `Omit<${text(base)}, ${union(picked)}>`, resolved: { k: 'object', props: base.props.filter((p) => !picked.includes(p.key)) } };
      case 5:
        return {
          k: 'named',
          render: (text) => `{ [K in ${union(picked)}]: ${text(value)} }`,
          resolved: { k: 'object', props: picked.map((key) => prop(key, value)) },
        };
      case 6: {
        const arg = r.chance(0.5) ? ({ k: 'lit', value: r.pick(['a', 'b']) } as Ty) : this.plain(0);
        const isString = arg.k === 'lit' ? typeof arg.value === 'string' : arg.k === 'prim' && arg.name === 'string';
        // Only arguments whose branch is certain (no unions: the conditional would distribute).
        if (!isString && !(arg.k === 'prim' && arg.name !== 'string') && arg.k !== 'lit') return this.mapped(depth);
        return { k: 'named', render: (text) => `IfString<${text(arg)}>`, resolved: { k: 'object', props: [prop(isString ? 'text' : 'other', arg)] } };
      }
      case 7: {
        // Its first member is neither null nor undefined: NonNullable of only those is never.
        const kept: Ty = r.chance(0.5) ? this.literal() : { k: 'prim', name: r.pick(PLAIN_PRIMITIVES) };
        const inner: Ty = { k: 'union', of: [kept, { k: 'prim', name: 'null' }, { k: 'prim', name: 'undefined' }] };
        return { k: 'named', render: (text) => `NonNullable<${text(inner)}>`, resolved: inner.of[0] as Ty };
      }
      default: {
        const members: Ty[] = [{ k: 'lit', value: 'a' }, { k: 'lit', value: 1 }, { k: 'lit', value: 'b' }, { k: 'lit', value: true }];
        const excluded = r.pick(['string', 'number', 'boolean']);
        const kept = members.filter((m) => m.k === 'lit' && typeof m.value !== excluded);
        return { k: 'named', render: () => `Exclude<${members.map((m) => typeText(m)).join(' | ')}, ${excluded}>`, resolved: { k: 'union', of: kept } };
      }
    }
  }

  /** Types written with TypeScript's operators and library aliases, each with what it resolves to. */
  private typeOperator(): Ty {
    const r = this.rng;
    const e = this.plain(1);
    const named = (text: string, resolved: Ty, compound = false): Ty => ({ k: 'named', render: () => text, resolved, compound });
    const lit = (value: string | number | boolean): Ty => ({ k: 'lit', value });
    const num: Ty = { k: 'prim', name: 'number' };
    switch (r.int(0, 11)) {
      case 0:
        // A "literal union with autocompletion": `string & {}` is no brand (a string can be a `{}`).
        return named(`"a" | (string & {})`, { k: 'prim', name: 'string' }, true);
      case 1:
        return { k: 'named', render: (text) => `ReadonlyArray<${text(e)}>`, resolved: { k: 'array', of: e, readonly: true } };
      case 2:
        return { k: 'named', render: (text) => `Array<${text(e)}>`, resolved: { k: 'array', of: e, readonly: false } };
      case 3:
        return named('Record<Dir, number>', { k: 'object', props: [prop('UP', num), prop('DOWN', num)] });
      case 4:
        return named('keyof { a: 1; b: 2; 3: 3 }', { k: 'union', of: [lit('a'), lit('b'), lit(3)] }, true);
      case 5:
        return named('{ a: 1; b: "x" | 2 }["b"]', { k: 'union', of: [lit('x'), lit(2)] });
      case 6:
        return named('Extract<"a" | 1 | true | null, string | number>', { k: 'union', of: [lit('a'), lit(1)] });
      case 7:
        return named('`${"a" | "b"}-${number}`', {
          k: 'union',
          of: [
            { k: 'template', parts: ['a-', { hole: 'number' }] },
            { k: 'template', parts: ['b-', { hole: 'number' }] },
          ],
        });
      case 8:
        return named('Uppercase<"ab" | "c">', { k: 'union', of: [lit('AB'), lit('C')] });
      case 9:
        return named('ReturnType<() => string | 1>', { k: 'union', of: [{ k: 'prim', name: 'string' }, lit(1)] });
      case 10:
        // A discriminated union.
        return {
          k: 'union',
          of: [
            { k: 'object', props: [prop('kind', lit('circle')), prop('r', num)] },
            { k: 'object', props: [prop('kind', lit('rect')), prop('w', num), prop('h', num, true)] },
          ],
        };
      default:
        return { k: 'named', render: (text) => `[x: ${text(e)}, y?: number, ...rest: string[]]`, resolved: { k: 'tuple', elements: [{ type: e, kind: 'required' }, { type: num, kind: 'optional' }, { type: { k: 'prim', name: 'string' }, kind: 'rest' }], readonly: false } };
    }
  }

  private nested(depth: number): Ty {
    const r = this.rng;
    if (depth <= 0) return this.family(r.pick(NESTABLE), 0);
    const inner = (): Ty => (r.chance(0.6) ? this.nested(depth - 1) : this.family(r.pick(NESTABLE), 0));
    switch (r.int(0, 4)) {
      case 0:
        return this.object(depth, inner);
      case 1:
        return { k: 'array', of: inner(), readonly: r.chance(0.3) };
      case 2:
        return { k: 'union', of: this.distinct(r.int(2, 3), inner) };
      case 3:
        return { k: 'tuple', elements: [{ type: inner(), kind: 'required' }, { type: inner(), kind: r.chance(0.5) ? 'optional' : 'required' }], readonly: false };
      default:
        return { k: 'map', key: { k: 'prim', name: 'string' }, value: inner(), readonly: false };
    }
  }

  private plainNonArray(): Ty {
    const t = this.plain(1);
    return t.k === 'array' || t.k === 'tuple' ? { k: 'prim', name: 'number' } : t;
  }

  /** `count` results of `make` whose texts differ. */
  private distinct<T extends Ty | TupleElement>(count: number, make: () => T): T[] {
    const out: T[] = [];
    const texts = new Set<string>();
    for (let attempt = 0; out.length < count && attempt < count * 4; attempt++) {
      const item = make();
      const text = 'kind' in item && 'type' in item ? typeText(item.type) : typeText(item as Ty);
      if (texts.has(text)) continue;
      texts.add(text);
      out.push(item);
    }
    return out;
  }
}

export const FAMILIES = [
  'primitives',
  'literals',
  'bigint-symbol',
  'null-undefined',
  'unions',
  'intersections',
  'tuples',
  'tuple-rest-arrays',
  'arrays',
  'objects',
  'index-signatures',
  'records',
  'enums',
  'template-literals',
  'any',
  'top-types',
  'generics',
  'mapped-conditional',
  'built-ins',
  'readonly-collections',
  'errors',
  'boxed-primitives',
  'lib-classes',
  'brands',
  'unusual-keys',
  'proto-key',
  'inherited-keys',
  'type-operators',
  'recursive',
  'classes',
  'generic-classes',
  'intersection-index-keys',
  'nested',
  // Not `is<T>` itself: `is<T>` inside `function <T>(v) { … }` instantiated with the type, and the
  // type as an overload case's rest parameter list, called with the value's elements.
  'type-parameters',
  'rest-parameters',
] as const;

export type Family = (typeof FAMILIES)[number];

/** Families a nested type may draw a part from. */
const NESTABLE: readonly Family[] = FAMILIES.filter((f) => f !== 'nested' && f !== 'type-parameters' && f !== 'rest-parameters');
