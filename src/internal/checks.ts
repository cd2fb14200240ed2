/**
 * Checks, what a matcher becomes (see matchers.ts), and the parts every kind shares: a protocol's
 * check is here too, on its own, so the cases duckcall/transformer writes (whose matchers are
 * protocols it generated) are built without the table of every kind of matcher.
 * @internal
 */
import { isSetupErrorMadeHere, SetupError } from '../errors.js';
import { notAMatcher, thrownDuringCheck } from '../messages.js';
import type { Issue } from '../types/issue.js';
import type { Protocol } from '../types/protocol.js';
import { PROTOCOL_BRAND, PROTOCOL_KEY } from './symbols.js';

/** A matcher turned into the checks duckcall runs. */
export interface Check {
  /**
   * The hot-path test. Never throws: a check that throws on a hostile value (a getter, a Proxy
   * trap) says no. Only a SetupError this copy made (a bug in the program, not in the argument)
   * propagates.
   */
  readonly test: (value: unknown) => boolean;
  /** What the matcher accepts, as messages show it: `Number`, `'hex'`, `isCircle`. */
  readonly expected: string;
  /** Why `value` is rejected, with paths below `path`; empty when it is accepted. Never throws. */
  readonly explain: (value: unknown, path: string) => Issue[];
  /** Identity of the matcher, so equal matcher lists can be recognised (subclass replacement). */
  readonly key: string;
}

let nextIdentity = 0;
const identities = new WeakMap<object, number>();
export function identity(value: object): number {
  let id = identities.get(value);
  if (id === undefined) identities.set(value, (id = ++nextIdentity));
  return id;
}

/** `test` may throw (a revoked Proxy, a trap), which `explain` reports; `safe` is `test` made never to. */
export function simple(test: (value: unknown) => boolean, expected: string, key: string, safe = test): Check {
  return {
    test: safe,
    expected,
    key,
    explain: explaining(expected, (value, path) => (test(value) ? [] : [{ path, expected, value }])),
  };
}

/**
 * A test that says no instead of throwing, for checks that may run the user's code, and for
 * `Array.isArray`, which runs none but throws on a revoked Proxy.
 */
export function guarded(test: (value: unknown) => boolean): (value: unknown) => boolean {
  return (value) => {
    try {
      return test(value);
    } catch (error) {
      rethrowSetup(error);
      return false;
    }
  };
}

/** An `explain` from `reasons`, where a check that throws (a getter, a trap) is itself the reason. */
export function explaining(expected: string, reasons: (value: unknown, path: string) => Issue[]): Check['explain'] {
  return (value, path) => {
    try {
      return reasons(value, path);
    } catch (error) {
      rethrowSetup(error);
      return [{ path, expected: thrownDuringCheck(expected, error), value }];
    }
  };
}

/**
 * A SetupError is a bug in the program, not a property of the argument: it must not be swallowed.
 * Only a real one: a thrown value that merely carries the brand (forged by the argument) is a reason.
 */
export function rethrowSetup(error: unknown): void {
  if (isSetupErrorMadeHere(error)) throw error;
}

export function isProtocol(m: object): m is Protocol<unknown> {
  return (m as { [PROTOCOL_BRAND]?: unknown })[PROTOCOL_BRAND] === true;
}

export function protocolCheck(p: Protocol<unknown>): Check {
  const typeKey = (p as { [PROTOCOL_KEY]?: unknown })[PROTOCOL_KEY];
  const is = (v: unknown): boolean => p.is(v);
  const check = simple(is, p.name, typeof typeKey === 'string' ? `type:${typeKey}` : `protocol:${identity(p)}`, guarded(is));
  return {
    ...check,
    explain(value, path) {
      try {
        const result = p.validate(value);
        return result.success ? [] : result.errors.map((issue) => ({ ...issue, path: path + issue.path.replace(/^\$input/, '') }));
      } catch (error) {
        rethrowSetup(error);
        return check.explain(value, path);
      }
    },
  };
}

/**
 * The check of a matcher in a case duckcall/transformer wrote (see `typedWhen`): a protocol of the
 * generated block, built by this runtime's `protocol` or `caseProtocol`, whose `is` and `validate`
 * never throw and whose issues are plain data. So the check calls them as they are, without the
 * guards `protocolCheck` puts around a protocol anyone could have written (and without what those
 * guards ship); it is the check `protocolCheck` makes of such a protocol. Any other matcher is the
 * SetupError `when` gives a value that is no matcher.
 */
export function protocolMatcher(m: unknown, where: string, index: number): Check {
  if (typeof m !== 'object' || m === null || !isProtocol(m)) throw new SetupError(notAMatcher(where, index, m));
  const p = m;
  const typeKey = (p as { [PROTOCOL_KEY]?: unknown })[PROTOCOL_KEY];
  return {
    test: (v) => p.is(v),
    expected: p.name,
    key: typeof typeKey === 'string' ? `type:${typeKey}` : `protocol:${identity(p)}`,
    explain(value, path) {
      const result = p.validate(value);
      return result.success ? [] : result.errors.map((issue) => ({ ...issue, path: path + issue.path.replace(/^\$input/, '') }));
    },
  };
}
