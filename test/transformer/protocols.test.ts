/**
 * Protocols (API.md §3): `is`, `assert`, `validate`, `protocol<T>()` and `@implement<T>()`, with the
 * guards generated from `T` by the duckcall transformer.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  assert,
  implement,
  is,
  NoMatchingOverloadError,
  overload,
  protocol,
  ProtocolError,
  validate,
  when,
  type Issue,
  type Protocol,
} from '../../src/index.js';
import { assert as check } from '../../src/index.js';
import * as dc from '../../src/index.js';
import { isA, validate as validateVia } from './support/reexport.js';
import { assertNamed, isNamed, NamedP, validateNamed } from './support/uses-reexport.js';
import { thrown } from '../support/thrown.js';

interface EatsBread {
  eatBread(grams: number): void;
  readonly name: string;
}

interface Owner { name: string; age?: number }
interface Order {
  id: number;
  owner: Owner;
  items: string[];
}

const duck = { name: 'Donald', eatBread(grams: number) { void grams; } };


describe('is<T>', () => {
  it('returns booleans', () => {
    expect(is<EatsBread>(duck)).toBe(true);
    expect(is<EatsBread>({ name: 'Donald' })).toBe(false);
    expect(is<EatsBread>({ name: 'Donald', eatBread: 'crumbs' })).toBe(false);
    expect(is<EatsBread>({ name: 1, eatBread() {} })).toBe(false);
    expect(is<EatsBread>(null)).toBe(false);
    expect(is<EatsBread>(undefined)).toBe(false);
    expect(is<EatsBread>('duck')).toBe(false);
    expect(is<number>(1)).toBe(true);
    expect(is<number>('1')).toBe(false);
    expect(is<'a' | 'b'>('b')).toBe(true);
    expect(is<'a' | 'b'>('c')).toBe(false);
  });

  it('narrows its argument', () => {
    const value: unknown = duck;
    if (is<EatsBread>(value)) {
      expectTypeOf(value).toEqualTypeOf<EatsBread>();
      value.eatBread(10);
      expect(value.name).toBe('Donald');
    } else {
      expect.unreachable();
    }
    const either: EatsBread | number = 3 as EatsBread | number;
    if (is<number>(either)) expectTypeOf(either).toEqualTypeOf<number>();
    else expectTypeOf(either).toEqualTypeOf<EatsBread>();
  });

  it('accepts class instances structurally, methods inherited through the prototype', () => {
    class Bird {
      constructor(readonly name: string) {}
      eatBread(grams: number): void {
        void grams;
      }
    }
    class Duckling extends Bird {}
    expect(is<EatsBread>(new Duckling('Huey'))).toBe(true);
  });
});

describe('assert<T>', () => {
  it('returns nothing for a value that satisfies T, and narrows', () => {
    const value: unknown = duck;
    expect(() => assert<EatsBread>(value)).not.toThrow();
    assert<EatsBread>(value);
    expectTypeOf(value).toEqualTypeOf<EatsBread>();
    expect(value.name).toBe('Donald');
  });

  it('throws ProtocolError listing every violation', () => {
    const error = thrown(() => assert<EatsBread>({ name: 1 })) as ProtocolError;
    expect(error).toBeInstanceOf(ProtocolError);
    expect(error).toBeInstanceOf(TypeError);
    expect(error.name).toBe('ProtocolError');
    expect(error.code).toBe('ERR_PROTOCOL');
    expect(error.errors).toHaveLength(2);
    expect(error.errors).toContainEqual({ path: '$input.name', expected: 'string', value: 1 });
    expect(error.errors.map((e) => e.path).sort()).toEqual(['$input.eatBread', '$input.name']);
    const [head, ...lines] = error.message.split('\n');
    expect(head).toBe('Value does not satisfy EatsBread (2 violations).');
    expect(lines).toHaveLength(2);
    expect(lines).toContain('  $input.name: expected string, got number');
    expect(lines.some((l) => l.startsWith('  $input.eatBread: expected '))).toBe(true);
  });

  it('names a top-level mismatch at $input', () => {
    const error = thrown(() => assert<EatsBread>(42)) as ProtocolError;
    expect(error.errors).toEqual([{ path: '$input', expected: 'EatsBread', value: 42 }]);
    expect(error.message).toBe('Value does not satisfy EatsBread (1 violation).\n  $input: expected EatsBread, got number');
  });
});

describe('validate<T>', () => {
  it('gives the value back when it satisfies T', () => {
    const order = { id: 1, owner: { name: 'Ann' }, items: ['a'] };
    const result = validate<Order>(order);
    expect(result).toEqual({ success: true, data: order });
    if (result.success) {
      expectTypeOf(result.data).toEqualTypeOf<Order>();
      expect(result.data).toBe(order);
    }
  });

  it('reports every violation with $input-rooted paths', () => {
    const result = validate<Order>({ id: 'x', owner: { name: 7, age: 'old' }, items: ['a', 'b', 'c', 4, 'e', null] });
    expect(result.success).toBe(false);
    if (result.success) return;
    const errors: Issue[] = result.errors;
    expect(errors).toEqual(
      expect.arrayContaining([
        { path: '$input.id', expected: 'number', value: 'x' },
        { path: '$input.owner.name', expected: 'string', value: 7 },
        { path: '$input.owner.age', expected: expect.stringContaining('number'), value: 'old' },
        { path: '$input.items[3]', expected: 'string', value: 4 },
        { path: '$input.items[5]', expected: 'string', value: null },
      ]),
    );
    expect(errors).toHaveLength(5);
  });

  it('reports a missing property as undefined at its path', () => {
    const result = validate<Order>({ id: 1, items: [] });
    expect(result).toEqual({ success: false, errors: [{ path: '$input.owner', expected: 'Owner', value: undefined }] });
  });
});

describe('protocol<T>()', () => {
  const EatsBreadP = protocol<EatsBread>();
  const OrderP = protocol<Order>();

  it('has the type name as written and is/assert/validate', () => {
    expect(EatsBreadP.name).toBe('EatsBread');
    expect(OrderP.name).toBe('Order');
    expectTypeOf(EatsBreadP).toEqualTypeOf<Protocol<EatsBread>>();
    expect(EatsBreadP.is(duck)).toBe(true);
    expect(EatsBreadP.is({ name: 'x' })).toBe(false);
    expect(() => EatsBreadP.assert(duck)).not.toThrow();
    expect(() => EatsBreadP.assert({})).toThrow(ProtocolError);
    expect((thrown(() => EatsBreadP.assert({})) as ProtocolError).errors).toHaveLength(2);
    expect(OrderP.validate({ id: 1, owner: { name: 'a' }, items: [] })).toEqual({ success: true, data: { id: 1, owner: { name: 'a' }, items: [] } });
    expect(OrderP.validate({ id: 1, owner: { name: 2 }, items: [] })).toEqual({
      success: false,
      errors: [{ path: '$input.owner.name', expected: 'string', value: 2 }],
    });
  });

  it('is a Standard Schema v1', () => {
    const standard = OrderP['~standard'];
    expect(standard.version).toBe(1);
    expect(standard.vendor).toBe('duckcall');
    const good = { id: 1, owner: { name: 'a' }, items: ['x'] };
    expect(standard.validate(good)).toEqual({ value: good });
    const bad = standard.validate({ id: 1, owner: { name: 2 }, items: ['x', 3] });
    expect(bad).toEqual({
      issues: [
        { message: '$input.owner.name: expected string, got number', path: ['owner', 'name'] },
        { message: '$input.items[1]: expected string, got number', path: ['items', 1] },
      ],
    });
    expect(bad).not.toBeInstanceOf(Promise);
  });

  it('is a matcher for when(...)', () => {
    const feed = overload(
      when([EatsBreadP], (d: EatsBread) => `fed ${d.name}`),
      when([OrderP], (o: Order) => `order ${o.id}`),
    );
    expect(feed(duck)).toBe('fed Donald');
    expect(feed({ id: 3, owner: { name: 'a' }, items: [] })).toBe('order 3');
    const error = thrown(() => feed({ name: 'no bread' } as any)) as NoMatchingOverloadError;
    expect(error).toBeInstanceOf(NoMatchingOverloadError);
    expect(error.candidates[0]!.errors.map((e) => e.path)).toContain('$args[0].eatBread');
  });
});

describe('@implement<T>()', () => {
  it('accepts a class that satisfies T, including inherited methods', () => {
    @implement<EatsBread>()
    class Duck {
      readonly name = 'duck';
      eatBread(grams: number): void {
        void grams;
      }
    }
    class Animal {
      eatBread(grams: number): void {
        void grams;
      }
    }
    @implement<EatsBread>()
    class Goose extends Animal {
      get name(): string {
        return 'goose';
      }
    }
    expect(new Duck().name).toBe('duck');
    expect(new Goose().name).toBe('goose');
  });

  it('throws ProtocolError at class definition when a method is missing', () => {
    let defined = false;
    const error = thrown(() => {
      // @ts-expect-error Swan has no eatBread, so it is not an EatsBread
      @implement<EatsBread>()
      class Swan {
        readonly name = 'swan';
      }
      defined = Swan !== undefined;
    }) as ProtocolError;
    expect(defined).toBe(false);
    expect(error).toBeInstanceOf(ProtocolError);
    expect(error.errors).toEqual([{ path: '$input.prototype.eatBread', expected: 'a method', value: undefined }]);
    expect(error.message.split('\n')[0]).toBe('Swan does not implement EatsBread: its prototype chain lacks a method.');
  });

  it('reads descriptors and never runs a getter', () => {
    let reads = 0;
    class Sneaky {
      get name(): string {
        reads++;
        return 'sneaky';
      }
      eatBread(grams: number): void {
        void grams;
      }
    }
    implement<EatsBread>()(Sneaky);
    expect(reads).toBe(0);

    const error = thrown(() => {
      // @ts-expect-error not an EatsBread: eatBread is an accessor returning a non-function
      @implement<EatsBread>()
      class Trap {
        readonly name = 'trap';
        get eatBread(): number {
          reads++;
          throw new Error('getter ran');
        }
      }
      return Trap;
    });
    expect(reads).toBe(0);
    expect(error).toBeInstanceOf(ProtocolError);
    expect((error as ProtocolError).errors.map((e) => e.path)).toEqual(['$input.prototype.eatBread']);
    expect((error as ProtocolError).errors[0]!.expected).toBe('a method, not an accessor');
  });
});

describe('recognition by declaration', () => {
  it('works through an aliased import', () => {
    expect(() => check<EatsBread>(duck)).not.toThrow();
    expect(() => check<EatsBread>({})).toThrow(ProtocolError);
  });

  it('works through a namespace import', () => {
    expect(dc.is<EatsBread>(duck)).toBe(true);
    expect(dc.is<EatsBread>({})).toBe(false);
    expect(dc.validate<Owner>({ name: 1 })).toEqual({ success: false, errors: [{ path: '$input.name', expected: 'string', value: 1 }] });
    expect(dc.protocol<Owner>().name).toBe('Owner');
  });

  it('works through a re-export module', () => {
    expect(isA<EatsBread>(duck)).toBe(true);
    expect(isA<EatsBread>({})).toBe(false);
    expect(validateVia<Owner>({ name: 'a' })).toEqual({ success: true, data: { name: 'a' } });
  });

  it('works in a module that imports duckcall only through the re-export', () => {
    const named = { name: 'n', greet: () => 'hi' };
    expect(isNamed(named)).toBe(true);
    expect(isNamed({ name: 'n' })).toBe(false);
    expect(() => assertNamed(named)).not.toThrow();
    expect(() => assertNamed({ greet: 1 })).toThrow(ProtocolError);
    expect(validateNamed({ name: 2, greet: () => '' })).toEqual({ success: false, errors: [{ path: '$input.name', expected: 'string', value: 2 }] });
    expect(NamedP.name).toBe('Named');
    expect(NamedP['~standard'].vendor).toBe('duckcall');
  });
});

describe('method lists', () => {
  it('a protocol<T>() handed to implement(p) checks the methods of T', () => {
    const EatsBreadP = protocol<EatsBread>();
    expect(() => implement(EatsBreadP)(class { eatBread() {} get name() { return 'x'; } })).not.toThrow();
    // A class the compiler would reject (no eatBread), as JavaScript could pass it.
    expect(() => implement(EatsBreadP)(class { name = 'x' } as never)).toThrow(ProtocolError);
  });
});

describe('cyclic values and mutation', () => {
  interface TreeNode { value: number; children: TreeNode[]; parent?: TreeNode }
  interface Linked { value: number; next?: Linked }

  it('gives cyclic values a verdict without overflowing the stack', () => {
    const a: Linked = { value: 1 };
    const b: Linked = { value: 2, next: a };
    a.next = b;
    expect(is<Linked>(a)).toBe(true);
    expect(validate<Linked>(a)).toEqual({ success: true, data: a });

    const root: TreeNode = { value: 0, children: [] };
    const child: TreeNode = { value: 1, children: [], parent: root };
    root.children.push(child, root);
    expect(is<TreeNode>(root)).toBe(true);
    expect(protocol<TreeNode>().is(child)).toBe(true);
  });

  it('reports every violation of a cyclic value, once', () => {
    const a = { value: 'one', next: undefined as unknown };
    const b = { value: 2, next: a };
    a.next = b;
    const result = validate<Linked>(a);
    expect(result).toEqual({ success: false, errors: [{ path: '$input.value', expected: 'number', value: 'one' }] });
    const selfLoop: Record<string, unknown> = { value: 1 };
    selfLoop.next = selfLoop;
    selfLoop.value = 'x';
    const loopResult = validate<Linked>(selfLoop);
    expect(loopResult.success).toBe(false);
    if (!loopResult.success) expect(loopResult.errors).toEqual([{ path: '$input.value', expected: 'number', value: 'x' }]);
    expect(() => assert<Linked>(selfLoop)).toThrow(ProtocolError);
  });

  it('never mutates the value', () => {
    const writes: string[] = [];
    const record = <T extends object>(target: T, label: string): T =>
      new Proxy(target, {
        set: (t, key) => (writes.push(`${label} set ${String(key)}`), Reflect.set(t, key, (t as any)[key])),
        defineProperty: (t, key, d) => (writes.push(`${label} define ${String(key)}`), Reflect.defineProperty(t, key, d)),
        deleteProperty: (t, key) => (writes.push(`${label} delete ${String(key)}`), Reflect.deleteProperty(t, key)),
        setPrototypeOf: (t, p) => (writes.push(`${label} setPrototypeOf`), Reflect.setPrototypeOf(t, p)),
        preventExtensions: (t) => (writes.push(`${label} preventExtensions`), Reflect.preventExtensions(t)),
      });
    const owner = record({ name: 'Ann', age: 3 }, 'owner');
    const items = record(['a', 'b', 3], 'items');
    const order = record({ id: 1, owner, items }, 'order');
    const badOrder = record({ id: 'x', owner: record({ name: 5 }, 'badOwner'), items }, 'badOrder');
    const cyclic = record({ value: 1 } as { value: number; next?: unknown }, 'cyclic');
    (cyclic as { next?: unknown }).next = cyclic; // through the proxy: one expected write, cleared below
    writes.length = 0;

    const OrderP = protocol<Order>();
    expect(is<Order>(order)).toBe(false); // items[2] is a number
    expect(validate<Order>(order).success).toBe(false);
    expect(validate<Order>(badOrder).success).toBe(false);
    expect(() => assert<Order>(badOrder)).toThrow(ProtocolError);
    expect(OrderP['~standard'].validate(badOrder)).toHaveProperty('issues');
    expect(is<Owner>(owner)).toBe(true);
    expect(validate<Linked>(cyclic).success).toBe(true);
    expect(is<EatsBread>(record({ name: 'x', eatBread() {} }, 'duck'))).toBe(true);
    const area = overload((o: Owner) => o.name, (n: number) => n);
    expect(area(owner)).toBe('Ann');
    expect(() => area(record({ name: 1 }, 'arg') as any)).toThrow(NoMatchingOverloadError);

    expect(writes).toEqual([]);
    expect(Object.isFrozen(order)).toBe(false);
    expect(Object.keys(owner)).toEqual(['name', 'age']);
  });
});
