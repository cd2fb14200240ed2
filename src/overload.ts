import type { Case } from './cases.js';
import { overloadDecorator, type OverloadDecorator } from './decorators.js';
import { casesIn, dispatcherFor } from './dispatch.js';
import { SetupError } from './errors.js';
import { functionName } from './internal/describe.js';
import { caseWithoutGuards, noCases, notACase } from './messages.js';
import type { Matcher } from './types/matcher.js';
import type { Overloaded } from './types/overloaded.js';
import { markedCase } from './when.js';

/**
 * One function with several implementations: each call runs the first case whose parameter types
 * (with the transformer) or matchers (with `when`) accept the arguments, with `this` passed through.
 * An overloaded function given as a case has its cases spliced in at that position.
 *
 * With a name instead of cases, it is a method decorator: `@overload('area')` joins the method to
 * the dispatcher `area` installed on the class.
 *
 * @example
 * const area = overload(
 *   (s: Circle) => Math.PI * s.r ** 2,          // guards from the transformer
 *   when([Number, Number], (w: number, h: number) => w * h),
 * );
 * @throws {SetupError} when built with no cases, or with a case that has no guards.
 * @throws {NoMatchingOverloadError} at a call no case accepts.
 */
export function overload<const Fs extends readonly Function[]>(...cases: Fs): Overloaded<Fs>;
/**
 * Joins a method to the overload set `name`, dispatched by the transformer's guards for its
 * parameter types, by `matchers`, or (legacy decorators with `emitDecoratorMetadata`) by the
 * recorded parameter constructors.
 *
 * @example
 * class Shapes {
 *   @overload('area') areaOfCircle(s: Circle) { return Math.PI * s.r ** 2 }
 *   @overload('area') areaOfRect(s: Rect) { return s.w * s.h }
 *   declare area: Overloaded<[Shapes['areaOfCircle'], Shapes['areaOfRect']]>;
 * }
 * @throws {SetupError} when the class is defined, if a case has no guards or two cannot be told apart.
 */
export function overload(name: string | symbol, ...matchers: Matcher[]): OverloadDecorator;
export function overload(...items: unknown[]): unknown {
  if (typeof items[0] === 'string' || typeof items[0] === 'symbol') return overloadDecorator(items[0], items.slice(1) as Matcher[]);
  return dispatcherFor(flatten(items), '');
}

/** The cases of `overload(...items)`, spliced and checked. @internal */
export function flatten(items: readonly unknown[]): Case[] {
  if (items.length === 0) throw new SetupError(noCases());
  return items.flatMap((item, index): readonly Case[] => {
    if (typeof item !== 'function') throw new SetupError(notACase(index, item));
    const spliced = casesIn(item);
    if (spliced) return spliced;
    const marked = markedCase(item);
    if (marked) return [marked];
    throw new SetupError(caseWithoutGuards(index, functionName(item)));
  });
}
