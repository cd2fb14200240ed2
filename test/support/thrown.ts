/** What `fn` throws; fails the test if it returns normally. */
export function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

/** An overloaded function called with arguments its static type would reject, as hostile callers do. */
export type Loose = (...args: unknown[]) => unknown;
export const loose = (f: unknown): Loose => f as Loose;
