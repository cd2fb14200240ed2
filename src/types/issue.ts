/**
 * One violation: where it is (a path rooted at `$input` for protocols, `$args[i]` for overload
 * arguments), what was expected there, and the value found.
 */
export interface Issue {
  readonly path: string;
  readonly expected: string;
  readonly value: unknown;
}

/** The result of `validate<T>(value)`. */
export type Validation<T> =
  | { readonly success: true; readonly data: T }
  | { readonly success: false; readonly errors: Issue[] };

/** Why one case of an overload set did not accept the arguments. */
export interface Candidate {
  /** The case as written, e.g. `(s: Circle) => number` or `(Number, optional(Number))`. */
  readonly signature: string;
  /** Every reason it rejected the arguments; the first is the one the message shows. */
  readonly errors: readonly Issue[];
}
