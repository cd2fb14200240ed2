/**
 * The type of an overloaded function: the intersection of its cases' function types, in the order
 * given, which TypeScript reads as an overload list tried in that order. Folded from the left so
 * the order is the declared one.
 *
 * A call with an argument typed `any` fits every case for the compiler, which would pick the first,
 * while at run time the argument's value picks the case. Such calls (an `any` among the first four
 * arguments) match a signature of their own, tried first, whose result is `unknown`, so the static
 * type never claims a case that may not run: `size(JSON.parse(text))` must be narrowed before use.
 * (Not the union of the cases' results: a subclass's set, which adds cases, must stay assignable to
 * its parent's.)
 *
 * @example
 * declare area: Overloaded<[Shapes['areaOfCircle'], Shapes['areaOfRect']]>;
 */
export type Overloaded<Fs extends readonly unknown[]> = Fs extends readonly [] ? unknown : ((...args: ArgumentsWithOneTypedAny) => unknown) & Cases<Fs>;

// Tail-recursive (the intersection so far is carried along), so the checker folds up to 1,000
// cases without TS2589; `Head & Cases<Tail>` stopped near 48. Intersecting on the right keeps the
// declared order.
type Cases<Fs extends readonly unknown[], Folded = unknown> = Fs extends readonly [infer Head, ...infer Tail] ? Cases<Tail, Folded & Head> : Folded;

declare const typedAny: unique symbol;

/** Only a value typed `any` is assignable to this. */
export interface ArgumentTypedAny {
  readonly [typedAny]: true;
}

/** Argument lists with an argument typed `any` at one of the first four positions. */
export type ArgumentsWithOneTypedAny =
  | [ArgumentTypedAny, ...unknown[]]
  | [unknown, ArgumentTypedAny, ...unknown[]]
  | [unknown, unknown, ArgumentTypedAny, ...unknown[]]
  | [unknown, unknown, unknown, ArgumentTypedAny, ...unknown[]];
