/**
 * `@overload(name, ...matchers)` on methods, in both decorator modes.
 *
 * Each class keeps its own cases per overload name: legacy decorators store them on the prototype
 * (or the constructor, for static methods), which they are given; TC39 decorators are not given the
 * class, so they store them in `context.metadata` and the dispatchers are installed by
 * `installOverloads(Class)` (which the transformer calls from a `static {}` block at the end of the
 * class), by a static method's initializer, or at the latest by the first construction. Not knowing
 * the class, a TC39 decorator also leaves its setup mistakes to be thrown there, by name.
 */
import { caseFrom, type Case } from './cases.js';
import { dispatcherFor } from './dispatch.js';
import { SetupError } from './errors.js';
import { functionName } from './internal/describe.js';
import { INSTALLED, OWN_OVERLOADS, SIGNATURE } from './internal/symbols.js';
import {
  caseNamedLikeDispatcher,
  decoratorWithoutGuards,
  dispatcherNameClash,
  indistinguishable,
  noDecoratorMetadata,
  notAMethod,
  overloadNameInvalid,
} from './messages.js';
import type { Matcher } from './types/matcher.js';

// TC39 decorators read `Symbol.metadata`; Node 20 and 22 lack it. This is the key TypeScript's and
// esbuild's helpers fall back to, so metadata written by either is found.
(Symbol as { metadata?: symbol }).metadata ??= Symbol.for('Symbol.metadata');
const METADATA: symbol = (Symbol as unknown as { metadata: symbol }).metadata;

type Key = string | symbol;
/** A class's own cases, per overload name, for its instance side and its static side. */
interface OwnOverloads {
  instance: Map<Key, Case[]>;
  static: Map<Key, Case[]>;
}

/**
 * A decorator for methods that joins the method to the overload set `name`, for TC39 decorators
 * and for `experimentalDecorators`.
 */
export interface OverloadDecorator {
  <This, F extends (this: This, ...args: any) => any>(value: F, context: ClassMethodDecoratorContext<This, F>): void;
  (target: object, propertyKey: string | symbol, descriptor: PropertyDescriptor): void;
}

/** What `@overload(name, ...)` was given for its case. */
interface CaseSpec {
  readonly matchers: readonly unknown[];
  /** The signature as written, when the transformer passed it. */
  readonly signature: string | undefined;
  /** Matchers or a typed signature were given: without either, only design:paramtypes can help. */
  readonly guarded: boolean;
}

/**
 * Marks the case's signature as written, after the matchers: `@overload('area', ...guards,
 * __signature('(s: Circle) => number'))`. The transformer writes it, so a typed case with no
 * parameters still counts as guarded. Not part of the contract.
 * @internal
 */
export function signature(text: string): object {
  return Object.freeze({ [SIGNATURE]: text });
}

function signatureIn(m: unknown): string | undefined {
  const text = typeof m === 'object' && m !== null ? (m as { [SIGNATURE]?: unknown })[SIGNATURE] : undefined;
  return typeof text === 'string' ? text : undefined;
}

/** @internal */
export function overloadDecorator(name: unknown, given: readonly Matcher[]): OverloadDecorator {
  if (typeof name !== 'string' && typeof name !== 'symbol') throw new SetupError(overloadNameInvalid(name));
  const setName: Key = name;
  const written = signatureIn(given[given.length - 1]);
  const matchers = written === undefined ? given : given.slice(0, -1);
  const spec: CaseSpec = { matchers, signature: written, guarded: matchers.length > 0 || written !== undefined };
  function decorate(...args: unknown[]): void {
    if (args.length === 2 && typeof args[1] === 'object' && args[1] !== null && 'kind' in args[1]) {
      return decorateTc39(setName, spec, args[0] as Function, args[1] as ClassMethodDecoratorContext);
    }
    const [target, key, descriptor] = args as [object, Key, PropertyDescriptor | undefined];
    decorateLegacy(setName, spec, target, key, descriptor);
  }
  return decorate as OverloadDecorator;
}

function label(key: Key): string {
  return typeof key === 'symbol' ? `[${key.description ?? ''}]` : key;
}

function buildCase(fn: Function, method: Key, matchers: readonly unknown[], signature: string | undefined, owner: string): Case {
  const c = caseFrom(fn, matchers, `@overload on ${owner}.${label(method)}`, signature);
  return { ...c, signature: `${label(method)}${c.signature}` };
}

function decorateTc39(
  name: Key,
  spec: CaseSpec,
  fn: Function,
  context: ClassMethodDecoratorContext,
): void {
  if (context.kind !== 'method') throw new SetupError(notAMethod(context.kind));
  const metadata = context.metadata as Record<symbol, unknown> | undefined;
  if (!metadata) throw new SetupError(noDecoratorMetadata());
  const caseFor = (owner: string): Case => {
    if (context.name === name) throw new SetupError(caseNamedLikeDispatcher(owner, label(name)));
    if (!spec.guarded) throw new SetupError(decoratorWithoutGuards(owner, label(context.name), label(name)));
    return buildCase(fn, context.name, spec.matchers, spec.signature, owner);
  };
  const side = ownOverloadsIn(metadata)[context.static ? 'static' : 'instance'];
  try {
    const list = side.get(name) ?? [];
    list.push(caseFor(UNKNOWN_CLASS));
    side.set(name, list);
  } catch (error) {
    if (!(error instanceof SetupError)) throw error;
    // TC39 decorators are not told their class, and the message must name it (`Drawing.area`): the
    // mistake is thrown again, named, where the class is first known (see installOverloads).
    const list = mistakes.get(metadata) ?? [];
    list.push((owner) => {
      caseFor(owner);
      throw error;
    });
    mistakes.set(metadata, list);
  }
  if (context.static) {
    context.addInitializer(function (this: unknown) {
      installOverloads(this as Function);
    });
  } else {
    context.addInitializer(function (this: unknown) {
      installForInstance(this, metadata);
    });
  }
}

/** Stands for the class in a TC39 decorator, which is not told it; never shown (see `mistakes`). */
const UNKNOWN_CLASS = 'class';

/**
 * Setup mistakes TC39 decorators found, per class metadata, each thrown (named) by `installOverloads`:
 * at class definition if the class has a static `@overload` method or calls installOverloads in a
 * static block (as the transformer's output does), else at its first construction.
 */
const mistakes = new WeakMap<object, ((owner: string) => never)[]>();

function ownOverloadsIn(holder: object): OwnOverloads {
  if (Object.prototype.hasOwnProperty.call(holder, OWN_OVERLOADS)) return (holder as Record<symbol, OwnOverloads>)[OWN_OVERLOADS]!;
  const own: OwnOverloads = { instance: new Map(), static: new Map() };
  Object.defineProperty(holder, OWN_OVERLOADS, { value: own });
  return own;
}

const installed = new WeakSet<object>();

function installForInstance(instance: unknown, metadata: object): void {
  if (installed.has(metadata)) return;
  for (let proto = Object.getPrototypeOf(instance); proto !== null; proto = Object.getPrototypeOf(proto)) {
    const ctor = Object.getOwnPropertyDescriptor(proto, 'constructor')?.value;
    if (typeof ctor === 'function' && Object.getOwnPropertyDescriptor(ctor, METADATA)?.value === metadata) {
      installOverloads(ctor);
      return;
    }
  }
}

/** The own cases a class keeps for one side (TC39: in its metadata; legacy: on the target). */
function ownCases(target: object, side: 'instance' | 'static'): Map<Key, Case[]> | undefined {
  const holder = side === 'static' ? target : Object.getOwnPropertyDescriptor(target, 'constructor')?.value;
  const metadata = typeof holder === 'function' ? Object.getOwnPropertyDescriptor(holder, METADATA)?.value : undefined;
  const fromMetadata =
    metadata && Object.prototype.hasOwnProperty.call(metadata, OWN_OVERLOADS) ? (metadata[OWN_OVERLOADS] as OwnOverloads)[side] : undefined;
  const fromTarget = Object.prototype.hasOwnProperty.call(target, OWN_OVERLOADS)
    ? (target as Record<symbol, OwnOverloads>)[OWN_OVERLOADS]![side]
    : undefined;
  return fromMetadata ?? fromTarget;
}

/** Own cases first, then the inherited ones that no own case replaces. */
function effectiveCases(target: object | null, side: 'instance' | 'static', name: Key): Case[] {
  if (target === null || target === Object.prototype || target === Function.prototype) return [];
  const own = ownCases(target, side)?.get(name) ?? [];
  const inherited = effectiveCases(Object.getPrototypeOf(target), side, name);
  const replaced = new Set(own.map((c) => c.key));
  return [...own, ...inherited.filter((c) => !replaced.has(c.key))];
}

function className(target: object, side: 'instance' | 'static'): string {
  const ctor = side === 'static' ? target : Object.getOwnPropertyDescriptor(target, 'constructor')?.value;
  return (typeof ctor === 'function' && functionName(ctor)) || 'anonymous class';
}

function install(target: object, side: 'instance' | 'static', name: Key): void {
  const owner = className(target, side);
  const existing = Object.getOwnPropertyDescriptor(target, name);
  if (existing && !(typeof existing.value === 'function' && existing.value[INSTALLED] === true)) {
    throw new SetupError(dispatcherNameClash(owner, label(name)));
  }
  const dispatcher = dispatcherFor(effectiveCases(target, side, name), `${owner}.${label(name)}`);
  Object.defineProperty(dispatcher, INSTALLED, { value: true });
  Object.defineProperty(target, name, { value: dispatcher, writable: true, configurable: true, enumerable: false });
}

/**
 * Installs the dispatchers of every `@overload` set a class declares, on its prototype and on the
 * class itself. The transformer calls it from a `static {}` block so dispatchers exist as soon as
 * the class is defined; without the transformer, TC39-decorated classes can call it the same way
 * (`static { installOverloads(this) }`), or the dispatchers appear at the first construction.
 * Idempotent.
 *
 * @example
 * class Shapes {
 *   @overload('area', isCircle) areaOfCircle(s: Circle) { … }
 *   static { installOverloads(this) }
 * }
 */
export function installOverloads(cls: Function): void {
  const metadata = Object.getOwnPropertyDescriptor(cls, METADATA)?.value as object | undefined;
  const mistake = metadata && mistakes.get(metadata)?.[0];
  if (mistake) mistake(className(cls, 'static'));
  if (metadata) installed.add(metadata);
  for (const [target, side] of [
    [cls.prototype as object, 'instance'],
    [cls, 'static'],
  ] as const) {
    for (const name of ownCases(target, side)?.keys() ?? []) install(target, side, name);
  }
}

function decorateLegacy(
  name: Key,
  spec: CaseSpec,
  target: object,
  method: Key,
  descriptor: PropertyDescriptor | undefined,
): void {
  const side = typeof target === 'function' ? 'static' : 'instance';
  const owner = className(target, side);
  const fn = descriptor?.value;
  if (typeof fn !== 'function') throw new SetupError(notAMethod(descriptor ? 'accessor' : 'field'));
  if (method === name) throw new SetupError(caseNamedLikeDispatcher(owner, label(name)));
  let given: readonly unknown[] = spec.matchers;
  const recorded = spec.guarded ? undefined : paramTypes(target, method);
  if (!spec.guarded) {
    if (!recorded) throw new SetupError(decoratorWithoutGuards(owner, label(method), label(name)));
    given = recorded;
  }
  const c = buildCase(fn, method, given, spec.signature, owner);
  const own = ownOverloadsIn(target)[side];
  const list = own.get(name) ?? [];
  if (recorded) {
    const twin = list.find((other) => other.key === c.key);
    if (twin) {
      const firstMethod = twin.signature.slice(0, twin.signature.indexOf('('));
      throw new SetupError(indistinguishable(owner, firstMethod, label(method), label(name), recorded.map(describeRecorded).join(', ')));
    }
  }
  list.push(c);
  own.set(name, list);
  install(target, side, name);
}

function describeRecorded(m: unknown): string {
  return typeof m === 'function' ? functionName(m) : String(m);
}

/** The constructors `emitDecoratorMetadata` recorded, read through reflect-metadata if it is loaded. */
function paramTypes(target: object, method: Key): unknown[] | undefined {
  const getMetadata = (Reflect as { getMetadata?: (key: string, target: object, property: Key) => unknown }).getMetadata;
  if (typeof getMetadata !== 'function') return undefined;
  const types = getMetadata('design:paramtypes', target, method);
  return Array.isArray(types) ? types : undefined;
}
