/**
 * `duckcall/transformer`: the ts-patch transformer. Not built yet: until it lands, loading it as a
 * plugin fails with a message saying so, instead of compiling code that throws later.
 */
const notBuilt =
  'duckcall/transformer is not built yet in this version of duckcall. Give guards by hand with when([...matchers], fn) ' +
  'and @overload(name, ...matchers) meanwhile.';

/** The ts-patch transformer factory. */
export default function transformer(): never {
  throw new Error(notBuilt);
}
