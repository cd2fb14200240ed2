/**
 * The type of an overloaded function: the intersection of its cases' function types, in the order
 * given, which TypeScript reads as an overload list tried in that order. Folded from the left so
 * the order is the declared one.
 *
 * @example
 * declare area: Overloaded<[Shapes['areaOfCircle'], Shapes['areaOfRect']]>;
 */
export type Overloaded<Fs extends readonly unknown[]> = Fs extends readonly [infer Head, ...infer Tail]
  ? Head & Overloaded<Tail>
  : unknown;
