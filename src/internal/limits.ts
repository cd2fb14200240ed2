/**
 * How much duckcall reports about one rejected value, so a hostile one (a sparse array of length
 * 2**32 - 1, thousands of arguments, a schema with a million issues) cannot make an error take
 * minutes or fill memory.
 * @internal
 */

/** At most this many issues: `validate`/`assert` of one value, and the reasons of one candidate (API.md §1). */
export const MAX_ISSUES = 100;
