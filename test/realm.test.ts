import fc from 'fast-check';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { brandCheck, plainObject, typedArray } from '../src/internal/realm.js';

/** A value built by `source` in a fresh realm (a new `node:vm` context). */
const foreign = <T = unknown>(source: string): T => vm.runInNewContext(source) as T;

function revoked(target: object = {}): object {
  const { proxy, revoke } = Proxy.revocable(target, {});
  revoke();
  return proxy;
}

describe('plainObject', () => {
  it.each([
    ['{}', {}],
    ['an object literal', { a: 1, b: [2] }],
    ['new Object()', new Object()],
    ['a null-prototype object', Object.create(null) as object],
    ['JSON.parse', JSON.parse('{"a":{"b":1}}') as unknown],
  ])('accepts %s from this realm', (_, value) => {
    expect(plainObject(value)).toBe(true);
  });

  it.each([
    ['an object literal', '({ a: 1 })'],
    ['new Object()', 'new Object()'],
    ['JSON.parse', 'JSON.parse(\'{"a":1}\')'],
    ['a null-prototype object', 'Object.create(null)'],
  ])('accepts %s from another realm', (_, source) => {
    expect(plainObject(foreign(source))).toBe(true);
  });

  it('accepts objects of several other realms, each proven once', () => {
    const values = [foreign('({})'), foreign('({})'), foreign('({ x: 1 })')];

    expect(values.map(plainObject)).toEqual([true, true, true]);
    expect(values.map(plainObject)).toEqual([true, true, true]);
  });

  it.each([
    ['undefined', undefined],
    ['null', null],
    ['a string', 'a'],
    ['a number', 1],
    ['a symbol', Symbol('s')],
    ['an array', []],
    ['a function', () => {}],
    ['a class instance', new (class Point {})()],
    ['a Map', new Map()],
    ['a Date', new Date(0)],
    ['a boxed number', new Number(1)],
    ['an object whose prototype is a plain object', Object.create({})],
    ['Object.create(Object.create(null))', Object.create(Object.create(null))],
  ])('rejects %s', (_, value) => {
    expect(plainObject(value)).toBe(false);
  });

  it.each([
    ['an array', '[]'],
    ['a class instance', 'new (class Point {})()'],
    ['a Map', 'new Map()'],
    ['Object.create(Object.create(null))', 'Object.create(Object.create(null))'],
  ])('rejects %s from another realm', (_, source) => {
    expect(plainObject(foreign(source))).toBe(false);
  });

  describe('rejects a prototype that only looks like an Object.prototype', () => {
    it('a copy of every property of a real one', () => {
      const copy = Object.create(null, Object.getOwnPropertyDescriptors(Object.prototype)) as object;

      expect(plainObject(Object.create(copy))).toBe(false);
    });

    it('a copy of another realm\'s', () => {
      const copy = foreign<object>('Object.create(null, Object.getOwnPropertyDescriptors(Object.prototype))');

      expect(plainObject(Object.create(copy))).toBe(false);
    });

    it('one whose constructor is a class extending null', () => {
      // eslint-disable-next-line @typescript-eslint/no-extraneous-class
      const Fake = class Object extends (null as unknown as ObjectConstructor) {};

      expect(plainObject(Object.create(Fake.prototype))).toBe(false);
    });

    it('one whose constructor is a Proxy of Object reporting it as the prototype', () => {
      const impostor = Object.create(null) as { constructor?: unknown };
      impostor.constructor = new Proxy(Object, {});

      expect(plainObject(Object.create(impostor))).toBe(false);
    });

    it('one whose constructor is a function named Object', () => {
      const impostor = Object.create(null) as object;
      const Fake = function Object() {};
      Object.defineProperty(Fake, 'prototype', { value: impostor, writable: false, configurable: false });
      Object.defineProperty(impostor, 'constructor', { value: Fake });

      expect(plainObject(Object.create(impostor))).toBe(false);
    });
  });

  it('rejects the objects of a realm whose Object.prototype.constructor was replaced (documented)', () => {
    expect(plainObject(foreign('Object.prototype.constructor = function Object() {}; ({})'))).toBe(false);
  });

  it('keeps accepting this realm\'s objects when Object.prototype.constructor is replaced', () => {
    const original = Object.getOwnPropertyDescriptor(Object.prototype, 'constructor')!;
    try {
      Object.defineProperty(Object.prototype, 'constructor', { value: function Other() {}, configurable: true, writable: true });

      expect(plainObject({ a: 1 })).toBe(true);
    } finally {
      Object.defineProperty(Object.prototype, 'constructor', original);
    }
  });

  it('runs no getter on the value or on its prototype', () => {
    // Arrange
    let runs = 0;
    const count = { get: () => void runs++, configurable: true };
    const value = Object.defineProperties({}, { constructor: count, __proto__: count, a: count });
    const proto = Object.defineProperties(Object.create(null) as object, { constructor: count });

    // Act
    const verdicts = [plainObject(value), plainObject(Object.create(proto))];

    // Assert
    expect(verdicts).toEqual([true, false]);
    expect(runs).toBe(0);
  });

  describe('a Proxy', () => {
    it('is judged by what its traps report', () => {
      expect(plainObject(new Proxy({}, {}))).toBe(true);
      expect(plainObject(new Proxy([], {}))).toBe(false);
      expect(plainObject(new Proxy({}, { getPrototypeOf: () => Array.prototype }))).toBe(false);
    });

    it('that is revoked gives false', () => {
      expect(plainObject(revoked())).toBe(false);
    });

    it('whose trap throws gives false', () => {
      const hostile = new Proxy({}, {
        getPrototypeOf() {
          throw new Error('trap');
        },
      });

      expect(plainObject(hostile)).toBe(false);
    });

    it('as the prototype, with throwing or revoked traps, gives false', () => {
      const throwing = new Proxy(Object.create(null) as object, {
        getOwnPropertyDescriptor() {
          throw new Error('trap');
        },
      });

      expect(plainObject(Object.create(throwing))).toBe(false);
      expect(plainObject(Object.create(revoked(Object.create(null) as object)))).toBe(false);
    });

    it('of Object.prototype, as the prototype, is no Object.prototype', () => {
      expect(plainObject(Object.create(new Proxy(Object.prototype, {})))).toBe(false);
    });
  });

  it('agrees with the same-realm rule on any value, and accepts every object JSON makes in another realm', () => {
    fc.assert(
      fc.property(fc.anything({ withMap: true, withSet: true, withDate: true, withBoxedValues: true, withTypedArray: true, withNullPrototype: true }), (value) => {
        const proto = typeof value === 'object' && value !== null ? Object.getPrototypeOf(value) : undefined;
        expect(plainObject(value)).toBe(proto === Object.prototype || proto === null);
      }),
    );
    const context = vm.createContext({});
    fc.assert(
      fc.property(fc.json(), (text) => {
        const parsed: unknown = vm.runInContext(`JSON.parse(${JSON.stringify(text)})`, context);
        expect(plainObject(parsed)).toBe(typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed));
      }),
    );
  });
});

/** The arguments that build an instance of each class brandCheck knows (`Symbol` and `BigInt` are wrapped instead). */
const ARGS: Record<string, string> = {
  Map: '[[1, 2]]',
  Set: '[1]',
  WeakMap: '',
  WeakSet: '',
  Date: '0',
  RegExp: "'a', 'g'",
  ArrayBuffer: '8',
  SharedArrayBuffer: '8',
  DataView: 'new ArrayBuffer(8)',
  Int8Array: '2',
  Uint8Array: '[1, 2]',
  Uint8ClampedArray: '2',
  Int16Array: '2',
  Uint16Array: '2',
  Int32Array: '2',
  Uint32Array: '2',
  Float32Array: '2',
  Float64Array: '2',
  BigInt64Array: '2',
  BigUint64Array: '2',
  Boolean: 'false',
  Number: '0',
  String: "''",
};
if (typeof (globalThis as Record<string, unknown>).Float16Array === 'function') ARGS.Float16Array = '2';
const WRAPPED: Record<string, string> = { Symbol: "Object(Symbol('s'))", BigInt: 'Object(1n)' };
/** Classes whose instances a subclass can make (`Symbol` and `BigInt` cannot be constructed). */
const SUBCLASSABLE = Object.keys(ARGS);
const NAMES = [...SUBCLASSABLE, ...Object.keys(WRAPPED)];

/** Source that makes an instance of `name` (of a subclass of it with `sub`) in whatever realm runs it. */
const instance = (name: string, sub = false): string =>
  WRAPPED[name] ?? (sub ? `new (class Sub extends ${name} {})(${ARGS[name]!})` : `new ${name}(${ARGS[name]!})`);
const here = (source: string): unknown => vm.runInThisContext(source);

const check = (name: string): ((value: unknown) => boolean) => {
  const found = brandCheck(name);
  if (!found) throw new Error(`no brand check for ${name}`);
  return found;
};

describe('brandCheck', () => {
  it.each(NAMES)('%s: accepts an instance from this realm and from another', (name) => {
    const is = check(name);

    expect(is(here(instance(name)))).toBe(true);
    expect(is(foreign(instance(name)))).toBe(true);
  });

  it.each(SUBCLASSABLE)('%s: accepts a subclass instance from this realm and from another', (name) => {
    const source = instance(name, true);
    const is = check(name);

    expect(is(vm.runInThisContext(source))).toBe(true);
    expect(is(foreign(source))).toBe(true);
  });

  it.each(NAMES)('%s: rejects look-alikes, its prototype, Proxies and every other brand', (name) => {
    // Arrange
    const is = check(name);
    const ctor = (globalThis as unknown as Record<string, { prototype: object }>)[name]!;
    const real = here(instance(name)) as object;
    const others = NAMES.filter((other) => other !== name).map((other) => here(instance(other)) as unknown);
    const lookAlikes = [
      // Even Boolean.prototype, Number.prototype and String.prototype, wrapper objects themselves.
      ctor.prototype,
      foreign(`${name}.prototype`),
      Object.create(ctor.prototype),
      new Proxy(real, {}),
      revoked(real),
      Object.assign(Object.create(null), { size: 0, has() {}, get() {}, getTime() {}, byteLength: 8, buffer: new ArrayBuffer(8) }),
      { [Symbol.toStringTag]: name },
      name,
      0,
      0n,
      null,
      undefined,
      [],
      () => {},
    ];

    // Act
    const accepted = [...lookAlikes, ...others].filter((value) => is(value));

    // Assert
    expect(accepted).toEqual([]);
  });

  it('tells the primitive from its wrapper object', () => {
    expect([check('Number')(1), check('String')('s'), check('Boolean')(true), check('Symbol')(Symbol.iterator), check('BigInt')(1n)]).toEqual([false, false, false, false, false]);
  });

  it('needs the chain to reach the class: a real instance given another prototype is no instance', () => {
    const foreignPrototype = foreign<object>('Map.prototype');

    expect(check('Map')(Object.setPrototypeOf(new Map(), Object.prototype))).toBe(false);
    expect(check('Map')(Object.setPrototypeOf(new Map(), null))).toBe(false);
    expect(check('Map')(Object.setPrototypeOf(new Map(), Object.create(Set.prototype) as object))).toBe(false);
    expect(check('Map')(Object.setPrototypeOf(new Map(), foreignPrototype))).toBe(true);
  });

  it('does not take a look-alike prototype for the class\'s', () => {
    const copy = Object.create(Object.prototype, Object.getOwnPropertyDescriptors(Map.prototype)) as object;
    const fakeClass = class Map {};

    expect(check('Map')(Object.setPrototypeOf(new Map(), copy))).toBe(false);
    expect(check('Map')(Object.setPrototypeOf(new Map(), fakeClass.prototype))).toBe(false);
  });

  it('stops on a chain a Proxy makes endless, and on a chain whose links throw', () => {
    const endless = (): object => new Proxy({}, { getPrototypeOf: () => endless() });
    const throwing = new Proxy({}, {
      getOwnPropertyDescriptor() {
        throw new Error('trap');
      },
    });

    expect(check('Map')(Object.setPrototypeOf(new Map(), endless()))).toBe(false);
    expect(check('Map')(Object.setPrototypeOf(new Map(), throwing))).toBe(false);
    expect(check('Map')(Object.create(revoked()))).toBe(false);
  });

  it('ArrayBuffer and DataView still match once their buffer is detached', () => {
    const buffer = new ArrayBuffer(8);
    const view = new DataView(buffer);
    structuredClone(buffer, { transfer: [buffer] });

    expect(buffer.byteLength).toBe(0);
    expect([check('ArrayBuffer')(buffer), check('DataView')(view)]).toEqual([true, true]);
  });

  it('runs no getter, and no Proxy trap but getPrototypeOf and getOwnPropertyDescriptor', () => {
    // Arrange
    let runs = 0;
    const count = { get: () => void runs++, configurable: true };
    const keys = ['size', 'byteLength', 'buffer', 'source', 'constructor', 'prototype', 'name', Symbol.toStringTag, 'getTime', 'has', 'valueOf'];
    const withGetters = Object.defineProperties({}, Object.fromEntries(keys.map((key) => [key, count])));
    const prototypeWithGetters = Object.create(withGetters) as object;
    class SneakyMap extends Map {
      override get size(): number {
        runs++;
        return 0;
      }
    }
    const trapsRun = new Set<string>();
    const spying = (target: object): object =>
      new Proxy(target, new Proxy({}, { get: (_, trap: string) => (trapsRun.add(trap), (Reflect as unknown as Record<string, Function>)[trap]) }));
    const proxies = NAMES.map((name) => spying(here(instance(name)) as object));

    // Act
    const accepted: unknown[] = [];
    for (const name of NAMES) {
      const is = check(name);
      for (const value of [withGetters, prototypeWithGetters, new SneakyMap(), ...proxies]) if (is(value) && !(value instanceof SneakyMap)) accepted.push(value);
    }

    // Assert
    expect(runs).toBe(0);
    expect(accepted).toEqual([]);
    expect([...trapsRun].filter((trap) => trap !== 'getPrototypeOf' && trap !== 'getOwnPropertyDescriptor')).toEqual([]);
    expect(check('Map')(new SneakyMap())).toBe(true);
  });

  it('answers the same after the globals and their prototypes are replaced', () => {
    // Arrange
    const globals = globalThis as Record<string, unknown>;
    const saved = { Map: globals.Map, size: Object.getOwnPropertyDescriptor(Map.prototype, 'size')!, getTime: Date.prototype.getTime };
    const map = new Map();
    let verdicts: boolean[];
    try {
      globals.Map = class FakeMap {};
      Object.defineProperty(Map.prototype, 'size', { get: () => 0, configurable: true });
      Date.prototype.getTime = () => 0;

      // Act
      verdicts = [check('Map')(map), check('Map')({}), check('Date')(new Date()), check('Date')({})];
    } finally {
      globals.Map = saved.Map;
      Object.defineProperty(Map.prototype, 'size', saved.size);
      Date.prototype.getTime = saved.getTime;
    }

    // Assert
    expect(verdicts).toEqual([true, false, true, false]);
  });

  it.each(['Promise', 'Error', 'TypeError', 'URL', 'Blob', 'Headers', 'Object', 'Array', 'NoSuchClass'])('%s: no check (callers use instanceof)', (name) => {
    expect(brandCheck(name)).toBeUndefined();
  });

  it('gives the same function for the same name', () => {
    expect(brandCheck('Map')).toBe(brandCheck('Map'));
  });

  it('agrees with instanceof on ordinary values of this realm', () => {
    const arbitrary = fc.anything({ withMap: true, withSet: true, withDate: true, withBoxedValues: true, withTypedArray: true, withSparseArray: true, withNullPrototype: true });
    fc.assert(
      fc.property(arbitrary, (value) => {
        for (const name of NAMES) {
          const ctor = (globalThis as unknown as Record<string, Function>)[name]!;
          expect(check(name)(value)).toBe(value instanceof ctor);
        }
      }),
    );
  });

  it('accepts exactly the real instances among made, subclassed, proxied and forged values of either realm', () => {
    const realms = { here, there: foreign };
    const how = fc.constantFrom('new', 'subclass', 'proxy', 'revoked', 'forged');
    fc.assert(
      fc.property(fc.constantFrom(...SUBCLASSABLE), fc.constantFrom(...NAMES), fc.constantFrom('here', 'there'), how, (made, asked, realm, kind) => {
        const sources: Record<typeof kind, string> = {
          new: instance(made),
          subclass: instance(made, true),
          proxy: `new Proxy(${instance(made)}, {})`,
          revoked: `(() => { const { proxy, revoke } = Proxy.revocable(${instance(made)}, {}); revoke(); return proxy; })()`,
          forged: `Object.create(${made}.prototype)`,
        };
        const value = realms[realm](sources[kind]);
        expect(check(asked)(value)).toBe(made === asked && (kind === 'new' || kind === 'subclass'));
      }),
      { numRuns: 300 },
    );
  });
});

describe('typedArray', () => {
  const TYPED = Object.keys(ARGS).filter((name) => name.endsWith('Array'));

  it.each(TYPED)('accepts a %s from this realm and another, and a subclass instance', (name) => {
    expect([here(instance(name)), foreign(instance(name)), foreign(instance(name, true))].map(typedArray)).toEqual([true, true, true]);
  });

  it('rejects DataViews, buffers, arrays, look-alikes and Proxies, running no trap, never throwing', () => {
    // Arrange
    const trapsRun: string[] = [];
    const spying = new Proxy(new Uint8Array(2), new Proxy({}, { get: (_, trap: string) => (trapsRun.push(trap), (Reflect as unknown as Record<string, Function>)[trap]) }));
    const values = [new DataView(new ArrayBuffer(2)), new ArrayBuffer(2), [1, 2], Object.create(Uint8Array.prototype), { [Symbol.toStringTag]: 'Uint8Array' }, spying, revoked(new Uint8Array(2)), null, undefined, 1, 'Uint8Array'];

    // Act
    const accepted = values.filter(typedArray);

    // Assert
    expect(accepted).toEqual([]);
    expect(trapsRun).toEqual([]);
  });
});
