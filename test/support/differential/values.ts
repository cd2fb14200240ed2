/**
 * Values for a type: some valid by construction, some near misses (a property removed, a wrong
 * primitive, an extra element, `undefined` for an optional property, …). Each value is kept as a tree
 * that renders both as a JavaScript expression that builds it and as its exact TypeScript type, so
 * the checker can judge it as a type (no object-literal freshness: excess properties are allowed).
 */
import type { Random } from './random.js';
import { enumMembers, literalText, recursiveBody, type Ty } from './types.js';

export type Val =
  | { readonly k: 'leaf'; readonly expr: string; readonly type: string }
  | { readonly k: 'array'; readonly items: readonly Val[] }
  | { readonly k: 'object'; readonly entries: readonly (readonly [string, Val])[] }
  | { readonly k: 'map'; readonly entries: readonly (readonly [Val, Val])[] }
  | { readonly k: 'set'; readonly items: readonly Val[] };

const leaf = (expr: string, type = expr): Val => ({ k: 'leaf', expr, type });
const lit = (value: string | number | boolean | bigint): Val => leaf(literalText(value));
const object = (entries: [string, Val][]): Val => ({ k: 'object', entries });

/**
 * A Map keeps one entry per key: a later entry with an equal primitive key replaces the value (a
 * second `"a"` would otherwise be in the type but not in the value). Object keys are fresh objects.
 */
function map(entries: readonly (readonly [Val, Val])[]): Val {
  const byKey = new Map<string, readonly [Val, Val]>();
  entries.forEach((entry, i) => {
    const [key] = entry;
    const primitive = key.k === 'leaf' && !key.expr.startsWith('new ') && !key.expr.startsWith('(');
    const id = primitive ? key.expr : `#${i}`;
    const earlier = byKey.get(id);
    byKey.set(id, earlier ? [earlier[0], entry[1]] : entry);
  });
  return { k: 'map', entries: [...byKey.values()] };
}

export function valueExpr(v: Val): string {
  switch (v.k) {
    case 'leaf':
      return v.expr;
    case 'array':
      return `[${v.items.map(valueExpr).join(', ')}]`;
    case 'object':
      // Computed keys: `{ "__proto__": 1 }` would set the prototype instead of a property.
      return `{ ${v.entries.map(([key, value]) => `[${JSON.stringify(key)}]: ${valueExpr(value)}`).join(', ')} }`;
    case 'map':
      return `new Map<${unionOf(v.entries.map(([key]) => key))}, ${unionOf(v.entries.map(([, value]) => value))}>([${v.entries
        .map(([key, value]) => `[${valueExpr(key)}, ${valueExpr(value)}]`)
        .join(', ')}])`;
    case 'set':
      return `new Set<${unionOf(v.items)}>([${v.items.map(valueExpr).join(', ')}])`;
  }
}

export function valueType(v: Val): string {
  switch (v.k) {
    case 'leaf':
      return v.type;
    case 'array':
      return `[${v.items.map(valueType).join(', ')}]`;
    case 'object':
      return v.entries.length === 0 ? '{}' : `{ ${v.entries.map(([key, value]) => `${JSON.stringify(key)}: ${valueType(value)}`).join('; ')} }`;
    case 'map':
      return `Map<${unionOf(v.entries.map(([key]) => key))}, ${unionOf(v.entries.map(([, value]) => value))}>`;
    case 'set':
      return `Set<${unionOf(v.items)}>`;
  }
}

function unionOf(values: readonly Val[]): string {
  const types = [...new Set(values.map(valueType))];
  if (types.length === 0) return 'never';
  return types.length === 1 ? (types[0] as string) : types.map((t) => `(${t})`).join(' | ');
}

/** Values of other kinds, for `any`, `unknown` and near misses. */
const FOREIGN: readonly Val[] = [
  lit('x'),
  lit(''),
  lit('1'),
  lit('UP'),
  lit('k-1'),
  lit('12px'),
  lit('true'),
  lit(0),
  lit(1),
  lit(-1),
  lit(5),
  lit(2.5),
  lit(true),
  lit(false),
  lit(5n),
  leaf('null'),
  leaf('undefined'),
  leaf('Symbol.for("f")', 'symbol'),
  object([]),
  { k: 'array', items: [] },
  object([['a', lit(1)]]),
  { k: 'array', items: [lit(1), lit('a')] },
  leaf('new Date(0)', 'Date'),
  leaf('(() => 0)', '() => number'),
  { k: 'map', entries: [] },
  { k: 'set', items: [lit(1)] },
  leaf('new Error("f")', 'Error'),
];

export function foreign(rng: Random): Val {
  return rng.pick(FOREIGN);
}

const STRINGS = ['', 'a', 'hello', '0', 'a-b'];
const NUMBERS = [0, 1, -3, 1.5, 42];
const HOLES = {
  number: ['0', '1', '-2', '1.5', '42', '1e3', '.5', '0x1F', ' 1', 'Infinity', 'NaN', '', '+1', '1_0', '01', 'x'],
  bigint: ['0', '12', '-3', '1n', '1.5', '0x1', ''],
  boolean: ['true', 'false', 'True'],
  string: ['', 'a', 'xy', '1'],
} as const;
const INDEX_KEYS = { string: ['x', 'yy', 'k-1'], number: ['0', '1', '12'], template: ['k-a', 'k-', 'k-0'], 'id-number': ['id-1', 'id-2.5', 'id-x'], branded: ['x', 'id'] } as const;

export class ValueGenerator {
  constructor(private readonly rng: Random) {}

  /** A value of `t` (for template literals, occasionally a string TypeScript may not accept: the checker decides). */
  valid(t: Ty, depth = 3): Val {
    const r = this.rng;
    switch (t.k) {
      case 'prim':
        switch (t.name) {
          case 'string':
            return lit(r.pick(STRINGS));
          case 'number':
            return lit(r.pick(NUMBERS));
          case 'boolean':
            return lit(r.chance(0.5));
          case 'bigint':
            return lit(r.pick([0n, 5n, -2n]));
          case 'symbol':
            return leaf('Symbol.for("s")', 'symbol');
          case 'null':
            return leaf('null');
          case 'undefined':
            return leaf('undefined');
          case 'any':
          case 'unknown':
            return r.chance(0.5) ? foreign(r) : this.valid({ k: 'recursive', name: 'Json' }, 1);
          case 'object':
            return r.pick<Val>([object([]), object([['a', lit(1)]]), { k: 'array', items: [lit(1)] }, leaf('new Date(0)', 'Date'), leaf('(() => 0)', '() => number'), { k: 'map', entries: [] }]);
          case '{}': {
            let v = foreign(r);
            while (v.k === 'leaf' && (v.expr === 'null' || v.expr === 'undefined')) v = foreign(r);
            return v;
          }
        }
        break;
      case 'lit':
        return lit(t.value);
      case 'union':
        return this.valid(r.pick(t.of), depth);
      case 'inter': {
        const parts = t.of.map((u) => this.valid(u, depth));
        const entries = new Map<string, Val>();
        for (const part of parts) if (part.k === 'object') for (const [key, value] of part.entries) entries.set(key, value);
        return object([...entries]);
      }
      case 'array':
        return { k: 'array', items: Array.from({ length: depth > 0 ? r.int(0, 3) : 0 }, () => this.valid(t.of, depth - 1)) };
      case 'tuple': {
        const items: Val[] = [];
        let open = true;
        for (const e of t.elements) {
          if (e.kind === 'required') items.push(this.valid(e.type, depth - 1));
          else if (e.kind === 'optional' && open && r.chance(0.6)) items.push(r.chance(0.2) ? leaf('undefined') : this.valid(e.type, depth - 1));
          else if (e.kind === 'optional') open = false;
          else if (open) for (let i = r.int(0, 2); i > 0; i--) items.push(this.valid(e.type, depth - 1));
        }
        return { k: 'array', items };
      }
      case 'object': {
        // A string has a number index signature of strings: the checker judges it against this one.
        if (t.index?.key === 'number' && t.props.length === 0 && r.chance(0.5)) return lit(r.pick(['', '', 'ab']));
        const entries: [string, Val][] = [];
        for (const p of t.props) {
          if (!p.optional || r.chance(0.5)) entries.push([p.key, this.valid(p.type, depth - 1)]);
          // Fine for the checker, unless exactOptionalPropertyTypes is on.
          else if (r.chance(0.3)) entries.push([p.key, leaf('undefined')]);
        }
        if (t.index) {
          const keys = r.some(INDEX_KEYS[t.index.key], depth > 0 ? r.int(0, 2) : 0);
          for (const key of keys) if (!entries.some(([k]) => k === key)) entries.push([key, this.valid(t.index.type, depth - 1)]);
        }
        return object(entries);
      }
      case 'template':
        return lit(t.parts.map((p) => (typeof p === 'string' ? p : this.hole(p.hole))).join(''));
      case 'enum': {
        const members = enumMembers[t.name];
        const member = t.member ?? r.pick(Object.keys(members));
        return leaf(`${t.name}.${member}`);
      }
      case 'named':
        return this.valid(t.resolved, depth);
      case 'builtin':
        return this.builtin(t.name);
      case 'map':
        return map(Array.from({ length: depth > 0 ? r.int(0, 2) : 0 }, () => [this.valid(t.key, depth - 1), this.valid(t.value, depth - 1)] as const));
      case 'set':
        return { k: 'set', items: Array.from({ length: depth > 0 ? r.int(0, 3) : 0 }, () => this.valid(t.of, depth - 1)) };
      case 'brand':
        // Brands are phantom: the primitive is the value (the checker judges the brand-erased type).
        return this.valid({ k: 'prim', name: t.prim }, depth);
      case 'box': {
        // Often a Box of something else: the type argument is what tells them apart.
        const inner = r.chance(0.6) ? this.valid(t.of, depth - 1) : foreign(r);
        return leaf(`new Box<${valueType(inner)}>(${valueExpr(inner)})`, `Box<${valueType(inner)}>`);
      }
      case 'point':
        return r.chance(0.5) ? leaf('new Point(1, 2)', 'Point') : object([['x', lit(1)], ['y', lit(2)]]);
      case 'recursive':
        return this.recursive(t.name, depth);
    }
  }

  private recursive(name: 'List' | 'Tree' | 'Json', depth: number): Val {
    const r = this.rng;
    switch (name) {
      case 'List':
        return object([['value', lit(r.pick(NUMBERS))], ['next', depth > 0 && r.chance(0.6) ? this.recursive('List', depth - 1) : leaf('null')]]);
      case 'Tree':
        return object([['label', lit(r.pick(STRINGS))], ['children', { k: 'array', items: Array.from({ length: depth > 0 ? r.int(0, 2) : 0 }, () => this.recursive('Tree', depth - 1)) }]]);
      case 'Json': {
        if (depth <= 0) return this.valid(r.pick((recursiveBody('Json') as Extract<Ty, { k: 'union' }>).of.slice(0, 4)), 0);
        return this.valid(recursiveBody('Json'), depth - 1);
      }
    }
  }

  private hole(kind: keyof typeof HOLES): string {
    // Mostly strings TypeScript accepts; the rest probe the edges (the checker judges every one).
    const pool = HOLES[kind];
    return this.rng.chance(0.7) ? (pool[this.rng.int(0, Math.min(pool.length, 3) - 1)] as string) : this.rng.pick(pool);
  }

  private builtin(name: string): Val {
    const r = this.rng;
    switch (name) {
      case 'Date':
        return r.chance(0.8) ? leaf('new Date(0)', 'Date') : leaf('new Date(NaN)', 'Date');
      case 'Uint8Array':
        return leaf('new Uint8Array([1, 2])', 'Uint8Array<ArrayBuffer>');
      case 'Error':
        return r.pick<Val>([leaf('new Error("m")', 'Error'), leaf('new TypeError("t")', 'TypeError'), object([['name', lit('E')], ['message', lit('m')]])]);
      case 'URL':
        return leaf('new URL("https://example.com/")', 'URL');
      case 'Blob':
        return leaf('new Blob(["a"])', 'Blob');
      case 'File':
        return leaf('new File([], "x")', 'File');
      case 'Boolean':
        return r.pick<Val>([leaf('new Boolean(true)', 'Boolean'), lit(true), lit(false)]);
      case 'Number':
        return r.pick<Val>([leaf('new Number(1)', 'Number'), lit(1), lit(0)]);
      case 'String':
        return r.pick<Val>([leaf('new String("s")', 'String'), lit('s'), lit('')]);
    }
    throw new Error(`no value for ${name}`);
  }

  /** For a collection type, the other collection with the same elements (a Map for a Set, a Set for a Map). */
  otherCollection(t: Ty): Val | undefined {
    if (t.k === 'named') return this.otherCollection(t.resolved);
    const v = t.k === 'set' || t.k === 'map' ? this.valid(t) : undefined;
    if (v?.k === 'set') return map(v.items.map((item) => [item, item] as const));
    if (v?.k === 'map') return { k: 'set', items: v.entries.map(([key]) => key) };
    return undefined;
  }

  /** A near miss: `v` with one change somewhere in it. */
  nearMiss(v: Val): Val {
    const paths = nodePaths(v);
    const path = this.rng.pick(paths);
    return replaceAt(v, path, (node) => this.change(node));
  }

  private change(node: Val): Val {
    const r = this.rng;
    if (r.chance(0.35)) return foreign(r);
    switch (node.k) {
      case 'object': {
        if (node.entries.length === 0) return object([[freshKey([]), foreign(r)]]);
        const i = r.int(0, node.entries.length - 1);
        const [key] = node.entries[i] as readonly [string, Val];
        const rest = node.entries.filter((_, j) => j !== i) as [string, Val][];
        switch (r.int(0, 3)) {
          case 0:
            return object(rest);
          case 1:
            return object(node.entries.map(([k, value]) => [k, k === key ? leaf('undefined') : value]));
          case 2:
            return object([...(node.entries as [string, Val][]), [freshKey(node.entries), foreign(r)]]);
          default:
            return object(node.entries.map(([k, value]) => [k, k === key ? foreign(r) : value]));
        }
      }
      case 'array': {
        const roll = r.int(0, 2);
        if (roll === 0 || node.items.length === 0) return { k: 'array', items: [...node.items, node.items.length > 0 && r.chance(0.5) ? r.pick(node.items) : foreign(r)] };
        if (roll === 1) return { k: 'array', items: node.items.slice(0, -1) };
        return { k: 'array', items: [...node.items.slice(0, -1), leaf('undefined')] };
      }
      case 'map': {
        const sample = node.entries.length > 0 ? r.pick(node.entries) : undefined;
        const entry: readonly [Val, Val] = r.chance(0.5) || !sample ? [foreign(r), sample?.[1] ?? foreign(r)] : [sample[0], foreign(r)];
        return map([...node.entries, entry]);
      }
      case 'set':
        return { k: 'set', items: [...node.items, foreign(r)] };
      case 'leaf':
        return foreign(r);
    }
  }
}

function freshKey(entries: readonly (readonly [string, Val])[]): string {
  let key = 'extra';
  for (let n = 2; entries.some(([k]) => k === key); n++) key = `extra${n}`;
  return key;
}

type Path = readonly number[];

function children(v: Val): Val[] {
  switch (v.k) {
    case 'leaf':
      return [];
    case 'array':
    case 'set':
      return [...v.items];
    case 'object':
      return v.entries.map(([, value]) => value);
    case 'map':
      return v.entries.flatMap(([key, value]) => [key, value]);
  }
}

function nodePaths(v: Val, at: Path = []): Path[] {
  return [at, ...children(v).flatMap((child, i) => nodePaths(child, [...at, i]))];
}

function replaceAt(v: Val, path: Path, change: (node: Val) => Val): Val {
  if (path.length === 0) return change(v);
  const [i, ...rest] = path as [number, ...number[]];
  const at = (child: Val, j: number): Val => (j === i ? replaceAt(child, rest, change) : child);
  switch (v.k) {
    case 'leaf':
      return v;
    case 'array':
      return { k: 'array', items: v.items.map(at) };
    case 'set':
      return { k: 'set', items: v.items.map(at) };
    case 'object':
      return object(v.entries.map(([key, value], j) => [key, at(value, j)]));
    case 'map':
      return map(v.entries.map(([key, value], j) => [at(key, 2 * j), at(value, 2 * j + 1)] as const));
  }
}
