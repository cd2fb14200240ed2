import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ProtocolError, implement, protocol, type Issue } from '../src/index.js';
import {
  EXPECTED_METHOD,
  EXPECTED_METHOD_NOT_ACCESSOR,
  implementViolated,
  methodBeyondChain,
  methodUnreadable,
} from '../src/messages.js';
import { thrown } from './support/thrown.js';

/*
 * `implement(p)(cls)` (the legacy call form) against prototype chains with Proxies on them: whatever
 * a trap throws, the decorator throws ProtocolError listing every problem, each at its method's path
 * and saying what threw; never the trap's own error, and never a getter run.
 */

const Swims = protocol({ name: 'Swims', is: (v: unknown): v is object => typeof v === 'object' && v !== null, methods: ['swim', 'dive'] });
const check = (cls: unknown) => implement(Swims)(cls as abstract new () => object);

/** A constructor whose `prototype` is `proto`, as a class whose chain was built by hand would have. */
function classWith(proto: object): Function {
  const cls = function Pond() {};
  Object.defineProperty(cls, 'prototype', { value: proto, writable: false });
  return cls;
}

const trapError = new Error('trap ran');
const throwing = (): never => {
  throw trapError;
};

function revoked<T extends object>(target: T): T {
  const { proxy, revoke } = Proxy.revocable(target, {});
  revoke();
  return proxy;
}

/** The ProtocolError `fn` throws; fails the test if it throws anything else or nothing. */
function protocolError(fn: () => unknown): ProtocolError {
  const error = thrown(fn);
  expect(error).toBeInstanceOf(ProtocolError);
  return error as ProtocolError;
}

const methods = { swim() {}, dive() {} };

describe('implement on a chain with Proxies', () => {
  it('a prototype whose getOwnPropertyDescriptor trap throws: an issue per method, saying what threw', () => {
    // Arrange
    const proto = new Proxy(Object.create(methods) as object, { getOwnPropertyDescriptor: throwing });

    // Act
    const error = protocolError(() => check(classWith(proto)));

    // Assert
    expect(error.errors).toEqual([
      { path: '$input.prototype.swim', expected: methodUnreadable('its descriptor', trapError), value: undefined },
      { path: '$input.prototype.dive', expected: methodUnreadable('its descriptor', trapError), value: undefined },
    ]);
    expect(error.message).toContain('Error: trap ran');
  });

  it('a Proxy found after the methods does not matter', () => {
    const hostile = new Proxy({}, { getOwnPropertyDescriptor: throwing, getPrototypeOf: throwing, get: throwing });

    expect(() => check(classWith(Object.create(hostile, Object.getOwnPropertyDescriptors(methods))))).not.toThrow();
  });

  it('a getPrototypeOf trap that throws: methods beyond it are reported, those before it found', () => {
    // Arrange
    const proto = new Proxy({ swim() {} }, { getPrototypeOf: throwing });

    // Act
    const error = protocolError(() => check(classWith(proto)));

    // Assert
    expect(error.errors).toEqual([{ path: '$input.prototype.dive', expected: methodUnreadable('the prototype chain', trapError), value: undefined }]);
  });

  it('a revoked Proxy on the chain', () => {
    const error = protocolError(() => check(classWith(Object.create(revoked(methods)) as object)));

    expect(error.errors.map((issue) => issue.path)).toEqual(['$input.prototype.swim', '$input.prototype.dive']);
    expect(error.errors[0]!.expected).toMatch(/^a method \(reading its descriptor threw TypeError: /);
  });

  it('the class itself a Proxy whose traps all throw', () => {
    // Arrange
    class Pond {
      swim() {}
      dive() {}
    }
    const cls = new Proxy(Pond, { get: throwing, getOwnPropertyDescriptor: throwing, getPrototypeOf: throwing, has: throwing });

    // Act
    const error = protocolError(() => check(cls));

    // Assert
    expect(error.errors).toEqual([
      { path: '$input.prototype.swim', expected: methodUnreadable("the class's prototype", trapError), value: undefined },
      { path: '$input.prototype.dive', expected: methodUnreadable("the class's prototype", trapError), value: undefined },
    ]);
    expect(error.message).toBe(implementViolated('', 'Swims', error.errors));
  });

  it('the class a Proxy whose get trap throws: descriptors are read, not properties', () => {
    class Pond {
      swim() {}
      dive() {}
    }

    expect(() => check(new Proxy(Pond, { get: throwing }))).not.toThrow();
  });

  it('the class a revoked Proxy', () => {
    class Pond {}

    const error = protocolError(() => check(revoked(Pond)));

    expect(error.errors).toHaveLength(2);
    expect(error.errors[0]!.expected).toMatch(/^a method \(reading the class's prototype threw TypeError: /);
  });

  it('a chain that never ends (a trap giving a fresh Proxy each time) stops with an issue', () => {
    // Arrange
    let traps = 0;
    const endless = (): object => new Proxy({}, { getPrototypeOf: () => (traps++, endless()) });

    // Act
    const error = protocolError(() => check(classWith(endless())));

    // Assert
    expect(error.errors).toEqual([
      { path: '$input.prototype.swim', expected: methodBeyondChain(10_000), value: undefined },
      { path: '$input.prototype.dive', expected: methodBeyondChain(10_000), value: undefined },
    ]);
    expect(traps).toBeLessThanOrEqual(10_000);
  });

  it('a chain that loops back on itself stops with an issue', () => {
    const looping: object = new Proxy({}, { getPrototypeOf: () => looping });

    const error = protocolError(() => check(classWith(looping)));

    expect(error.errors[0]!.expected).toBe(methodBeyondChain(10_000));
  });

  it('runs no getter: not on the prototype, not the class name, not on what the trap threw', () => {
    // Arrange
    let runs = 0;
    const hostileError = Object.defineProperties(new Error('hidden'), {
      message: { get: () => (runs++, 'm') },
      name: { get: () => (runs++, 'n') },
    });
    const proto = new Proxy(
      Object.defineProperty({}, 'swim', { get: () => (runs++, () => {}) }),
      {
        getOwnPropertyDescriptor: (target, key) => {
          if (key === 'dive') throw hostileError;
          return Reflect.getOwnPropertyDescriptor(target, key);
        },
      },
    );
    const cls = classWith(proto);
    Object.defineProperty(cls, 'name', { get: () => (runs++, 'Pond') });

    // Act
    const error = protocolError(() => check(cls));

    // Assert
    expect(runs).toBe(0);
    expect(error.errors.map((issue) => issue.expected)).toEqual([EXPECTED_METHOD_NOT_ACCESSOR, methodUnreadable('its descriptor', hostileError)]);
    expect(error.message).toContain('anonymous class');
  });

  it('what the trap threw may be anything: a primitive, null, a revoked Proxy', () => {
    for (const value of ['boom', 42, null, undefined, Symbol('s'), revoked({}), revoked(() => {})]) {
      const proto = new Proxy({}, {
        getOwnPropertyDescriptor() {
          throw value;
        },
      });

      const error = protocolError(() => check(classWith(proto)));

      expect(error.errors[0]!.expected).toBe(methodUnreadable('its descriptor', value));
    }
  });

  it('lists every problem at once', () => {
    const Five = protocol({ name: 'Five', is: (v: unknown): v is object => v !== null, methods: ['ok', 'gone', 'getter', 'text', 'hidden'] });
    const proto = new Proxy(
      Object.defineProperties({ ok() {}, text: 'words' }, { getter: { get: () => () => {} } }),
      {
        getOwnPropertyDescriptor: (target, key) => {
          if (key === 'hidden') throw trapError;
          return Reflect.getOwnPropertyDescriptor(target, key);
        },
      },
    );

    const error = protocolError(() => implement(Five)(classWith(proto) as abstract new () => object));

    expect(error.errors.map(({ path, expected }) => [path, expected])).toEqual([
      ['$input.prototype.gone', EXPECTED_METHOD],
      ['$input.prototype.getter', EXPECTED_METHOD_NOT_ACCESSOR],
      ['$input.prototype.text', EXPECTED_METHOD],
      ['$input.prototype.hidden', methodUnreadable('its descriptor', trapError)],
    ]);
  });
});

/*
 * Property: over prototype chains of random links (plain, with a method, an accessor or a non-function
 * at a key, a Proxy whose descriptor or prototype trap throws, a revoked Proxy), implement reports
 * exactly what a reference walk written from API.md §3 reports, and never throws anything but
 * ProtocolError.
 */
type Member = 'method' | 'accessor' | 'text';
interface Link {
  readonly own: Partial<Record<'swim' | 'dive' | 'fly', Member>>;
  readonly kind: 'plain' | 'descriptorThrows' | 'prototypeThrows' | 'revoked';
}

const linkArbitrary: fc.Arbitrary<Link> = fc.record({
  own: fc.record(
    { swim: fc.constantFrom<Member>('method', 'accessor', 'text'), dive: fc.constantFrom<Member>('method', 'accessor', 'text'), fly: fc.constantFrom<Member>('method', 'accessor', 'text') },
    { requiredKeys: [] },
  ),
  kind: fc.constantFrom('plain', 'plain', 'descriptorThrows', 'prototypeThrows', 'revoked'),
});

function build(links: readonly Link[]): object {
  let above: object = Object.prototype;
  for (const link of [...links].reverse()) {
    const target: object = Object.create(above);
    for (const [key, member] of Object.entries(link.own)) {
      if (member === 'method') Object.defineProperty(target, key, { value() {} });
      else if (member === 'accessor') Object.defineProperty(target, key, { get: throwing });
      else Object.defineProperty(target, key, { value: 'text' });
    }
    if (link.kind === 'plain') above = target;
    else if (link.kind === 'revoked') above = revoked(target);
    else above = new Proxy(target, link.kind === 'descriptorThrows' ? { getOwnPropertyDescriptor: throwing } : { getPrototypeOf: throwing });
  }
  return above;
}

/** What API.md §3 asks for, one method at a time: `[path, what the issue starts with]`, or nothing. */
function expectedIssue(links: readonly Link[], method: 'swim' | 'dive' | 'fly'): [string, string] | undefined {
  const path = `$input.prototype.${method}`;
  for (const link of links) {
    if (link.kind === 'descriptorThrows' || link.kind === 'revoked') return [path, 'a method (reading its descriptor threw'];
    const member = link.own[method];
    if (member === 'method') return undefined;
    if (member === 'accessor') return [path, EXPECTED_METHOD_NOT_ACCESSOR];
    if (member === 'text') return [path, EXPECTED_METHOD];
    if (link.kind === 'prototypeThrows') return [path, 'a method (reading the prototype chain threw'];
  }
  return [path, EXPECTED_METHOD];
}

describe('implement, property', () => {
  it('reports what a reference walk of the chain finds, and only ever throws ProtocolError', () => {
    fc.assert(
      fc.property(
        fc.array(linkArbitrary, { minLength: 1, maxLength: 5 }),
        fc.uniqueArray(fc.constantFrom<'swim' | 'dive' | 'fly'>('swim', 'dive', 'fly'), { minLength: 1 }),
        (links, names) => {
          // Arrange
          const P = protocol({ name: 'P', is: (v: unknown): v is object => v !== null, methods: names });
          const expected = names.map((name) => expectedIssue(links, name)).filter((issue) => issue !== undefined);

          // Act
          let errors: readonly Issue[] = [];
          try {
            implement(P)(classWith(build(links)) as abstract new () => object);
          } catch (error) {
            expect(error).toBeInstanceOf(ProtocolError);
            errors = (error as ProtocolError).errors;
          }

          // Assert
          expect(errors.map(({ path, expected: text }) => [path, text.startsWith('a method (') ? text.slice(0, text.indexOf(' threw') + 6) : text])).toEqual(expected);
        },
      ),
      { numRuns: 500 },
    );
  });
});
