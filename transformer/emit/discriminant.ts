/**
 * Discriminants read off shapes: a property every object case at a position requires with a literal
 * type (`kind: 'circle'`), so a compiled dispatcher can `switch` on it instead of trying the cases
 * one by one. Only a filter: a case found under a value still runs its whole guard, so all a
 * discriminant has to promise is that a value the guard accepts reads as one of the listed literals.
 */
import type { Shape } from '../analyze/shape.js';
import type { Literal } from './code.js';

/** Aliases nest this deep at most before a shape counts as not discriminated (they cannot loop, but cheaply bounded). */
const MAX_DEPTH = 16;

export type { Literal };

/**
 * The literals the property `key` can hold on a value `shape` accepts (as its guard reads it:
 * `v.key`, after the guard has refused null and undefined), or `undefined` when it is not limited
 * to a few literals.
 */
export function discriminantValues(shape: Shape, key: string, depth = 0): Literal[] | undefined {
  if (depth > MAX_DEPTH) return undefined;
  switch (shape.kind) {
    case 'ref': {
      const property = shape.target.properties.find((p) => p.key === key);
      // An own-property key (`__proto__`) is read through a helper, not as `v.key`.
      if (!property || property.optional || property.own || property.method) return undefined;
      return literalValues(property.shape);
    }
    case 'union': {
      const each = shape.members.map((m) => discriminantValues(m, key, depth + 1));
      return each.every((values) => values !== undefined) ? unique(each.flat() as Literal[]) : undefined;
    }
    case 'intersection':
      // Every member must accept the value, so any member that limits the key limits the whole.
      for (const member of shape.members) {
        const values = discriminantValues(member, key, depth + 1);
        if (values) return values;
      }
      return undefined;
    case 'lazy':
      return shape.box.shape ? discriminantValues(shape.box.shape, key, depth + 1) : undefined;
    default:
      return undefined;
  }
}

/** String keys a shape requires with literal types: the candidates for `discriminantValues`. */
export function discriminantKeys(shape: Shape, depth = 0): string[] {
  if (depth > MAX_DEPTH) return [];
  switch (shape.kind) {
    case 'ref':
      return shape.target.properties.flatMap((p) => (typeof p.key === 'string' && discriminantValues(shape, p.key) ? [p.key] : []));
    case 'union': {
      const [first, ...rest] = shape.members;
      return first ? discriminantKeys(first, depth + 1).filter((key) => rest.every((m) => discriminantValues(m, key))) : [];
    }
    case 'intersection':
      return unique(shape.members.flatMap((m) => discriminantKeys(m, depth + 1))) as string[];
    case 'lazy':
      return shape.box.shape ? discriminantKeys(shape.box.shape, depth + 1) : [];
    default:
      return [];
  }
}

/** The values of a literal or a union of literals (`boolean` is `true | false`); else `undefined`. */
function literalValues(shape: Shape, depth = 0): Literal[] | undefined {
  if (depth > MAX_DEPTH) return undefined;
  switch (shape.kind) {
    case 'literal':
      return [shape.value];
    case 'typeof':
      return shape.type === 'boolean' ? [true, false] : undefined;
    case 'union': {
      const each = shape.members.map((m) => literalValues(m, depth + 1));
      return each.every((values) => values !== undefined) ? unique(each.flat() as Literal[]) : undefined;
    }
    case 'lazy':
      return shape.box.shape ? literalValues(shape.box.shape, depth + 1) : undefined;
    default:
      return undefined;
  }
}

/** A key telling literals apart as `===` does (`1`, `"1"` and `1n` differ). */
export function literalKey(value: Literal): string {
  return `${typeof value}:${String(value)}`;
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
