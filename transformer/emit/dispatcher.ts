/**
 * A straight-line dispatcher for an overload set whose cases are all typed: a switch on the
 * argument count, then, per count, the cases that take that many arguments in order, each one's
 * checks inlined with the cheapest first. It only chooses the case; the runtime's ordinary
 * dispatcher (`fallback`) handles everything else: no match (and its error), a check that threw,
 * more arguments than any fixed case takes. Emitted as text, like the guards it calls.
 */
import type { Shape } from '../analyze/shape.js';
import { cost, type GuardEmitter } from './guard.js';

export interface CompiledPosition {
  readonly shape: Shape;
  /** Optional or defaulted: may be left out, or be `undefined`. */
  readonly optional: boolean;
}

/** Fixed positions only (no rest parameter), so the argument-count switch covers every case. */
export type CompiledCase = readonly CompiledPosition[];

const ARGS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
/** Sets with longer parameter lists keep the ordinary dispatcher. */
export const MAX_COMPILED_ARITY = ARGS.length;

/** The builder function `(fallback, c0, c1, …) => dispatcher` as JavaScript text. */
export function dispatcherSource(cases: readonly CompiledCase[], emitter: GuardEmitter): string {
  const arity = Math.max(0, ...cases.map((c) => c.length));
  const params = ARGS.slice(0, arity);
  const groups: string[] = [];
  for (let n = 0; n <= arity; n++) {
    const fits = cases.map((c, index) => ({ c, index })).filter(({ c }) => n <= c.length && c.slice(n).every((p) => p.optional));
    if (fits.length === 0) continue;
    const branches = fits.map(({ c, index }) => {
      const checks = c
        .slice(0, n)
        .map((position, i) => ({ position, i }))
        .sort((x, y) => cost(x.position.shape) - cost(y.position.shape))
        .map(({ position, i }) => {
          const check = emitter.isExpression(position.shape, params[i]!);
          return position.optional && check !== 'true' ? `(${params[i]} === undefined || ${check})` : check;
        })
        .filter((check) => check !== 'true');
      const call = `{ running = true; return c${index}.call(this${params.slice(0, n).map((p) => `, ${p}`).join('')}); }`;
      return checks.length > 0 ? `if (${checks.join(' && ')}) ${call}` : call;
    });
    groups.push(`case ${n}:\n          ${branches.join('\n          ')}\n          break;`);
  }
  const fns = cases.map((_, i) => `c${i}`).join(', ');
  // `running` tells an error thrown by a case (rethrown unchanged) from one thrown by a check (a
  // getter, a proxy trap), after which the ordinary dispatcher retries case by case.
  return `function (fallback, ${fns}) {
  return function (${params.join(', ')}) {
    var running = false;
    try {
      switch (arguments.length) {
        ${groups.join('\n        ')}
      }
    } catch (e) {
      if (running) throw e;
    }
    return fallback.apply(this, arguments);
  };
}`;
}
