import type { Protocol } from './protocol.js';
import type { StandardSchemaV1 } from './standard-schema.js';

declare const modifier: unique symbol;

/** `optional(m)`: the argument may be left out or be `undefined`; otherwise `m` must accept it. */
export interface Optional<M extends PlainMatcher = PlainMatcher> {
  readonly [modifier]: 'optional';
  readonly matcher: M;
}

/** `rest(m)`: any number of further arguments, each accepted by `m`. Last matcher only. */
export interface Rest<M extends PlainMatcher = PlainMatcher> {
  readonly [modifier]: 'rest';
  readonly matcher: M;
}

/** A class or built-in constructor: `typeof` for primitives' constructors, `instanceof` otherwise. */
export type AnyConstructor = abstract new (...args: any) => unknown;

/** A function that says whether it accepts a value. */
export type Predicate = (value: any) => unknown;

/** A value that must equal the argument (`===`). */
export type Literal = string | number | boolean | bigint | symbol | null | undefined;

/** Anything `when` accepts in one position except `optional` and `rest`. */
export type PlainMatcher = AnyConstructor | Predicate | StandardSchemaV1 | Protocol<any> | Literal;

/** One entry of `when([...matchers], fn)`. */
export type Matcher = PlainMatcher | Optional | Rest;

/** The type of value a matcher accepts; for a Standard Schema its input type, since the case gets the argument as passed. */
export type MatchedBy<M> = M extends StringConstructor
  ? string
  : M extends NumberConstructor
    ? number
    : M extends BooleanConstructor
      ? boolean
      : M extends BigIntConstructor
        ? bigint
        : M extends SymbolConstructor
          ? symbol
          : M extends ObjectConstructor
            ? {}
            : M extends ArrayConstructor
              ? unknown[]
              : M extends FunctionConstructor
                ? Function
                : M extends Protocol<infer T>
                  ? T
                  : M extends StandardSchemaV1<infer I, any>
                    ? I
                    : M extends abstract new (...args: any) => infer I
                      ? I
                      : M extends (value: any) => value is infer T
                        ? T
                        : M extends Predicate
                          ? unknown
                          : M extends Literal
                            ? M
                            : never;

/** The parameter list a list of matchers accepts, e.g. `[Number, optional(String)]` → `[number, string?]`. */
export type ArgsOf<M extends readonly unknown[]> = M extends readonly []
  ? []
  : M extends readonly [Rest<infer X>]
    ? MatchedBy<X>[]
    : M extends readonly [Optional<infer X>, ...infer R]
      ? [arg?: MatchedBy<X>, ...ArgsOf<R>]
      : M extends readonly [infer H, ...infer R]
        ? [MatchedBy<H>, ...ArgsOf<R>]
        : unknown[];
