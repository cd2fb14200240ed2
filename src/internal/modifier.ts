/**
 * The mark `optional(m)` and `rest(m)` put on a matcher, apart from the matchers themselves so that
 * generated code can mark its protocols without shipping the check of every kind of matcher.
 * @internal
 */
import type { Optional, PlainMatcher, Rest } from '../types/matcher.js';

const MODIFIER = Symbol.for('duckcall/modifier');

export type ModifierKind = 'optional' | 'rest';

/** `m` marked `kind`, unchecked: `optional` and `rest` check it first. */
export function modified(kind: ModifierKind, m: unknown): object {
  return Object.freeze({ [MODIFIER]: kind, matcher: m });
}

/** `optional(p)` for a protocol the transformer generated, which needs no check. Public for generated code only. */
export function optionalProtocol<const M extends PlainMatcher>(m: M): Optional<M> {
  return modified('optional', m) as unknown as Optional<M>;
}

/** `rest(p)` for a protocol the transformer generated. Public for generated code only. */
export function restProtocol<const M extends PlainMatcher>(m: M): Rest<M> {
  return modified('rest', m) as unknown as Rest<M>;
}

export function modifierOf(m: unknown): { kind: ModifierKind; matcher: unknown } | undefined {
  if (typeof m !== 'object' || m === null) return undefined;
  const kind = (m as { [MODIFIER]?: unknown })[MODIFIER];
  return kind === 'optional' || kind === 'rest' ? { kind, matcher: (m as { matcher: unknown }).matcher } : undefined;
}
