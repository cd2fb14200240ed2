/**
 * `duckcall/vite`: the Vite plugin running the duckcall transformer. Not built yet: calling it fails
 * with a message saying so.
 */
const notBuilt =
  'duckcall/vite is not built yet in this version of duckcall. Give guards by hand with when([...matchers], fn) ' +
  'and @overload(name, ...matchers) meanwhile.';

/** Returns the Vite plugin. */
export default function duckcall(): never {
  throw new Error(notBuilt);
}
