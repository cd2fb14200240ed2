import { describe, expect, it } from 'vitest';
import {
  NoMatchingOverloadError,
  ProtocolError,
  SetupError,
  isDuckcallError,
  overload,
  protocol,
  rest,
  when,
  type Candidate,
  type Issue,
} from '../src/index.js';
import { arity, formatIssue, noMatchingOverload, protocolViolated } from '../src/messages.js';
import { thrown, loose } from './support/thrown.js';



const ERROR_BRAND = Symbol.for('duckcall/error');

describe('the error classes', () => {
  const candidates: Candidate[] = [{ signature: '(String)', errors: [{ path: '$args[0]', expected: 'String', value: 1 }] }];
  const issues: Issue[] = [{ path: '$input.name', expected: 'string', value: 1 }];

  it.each<[string, () => Error, string, typeof Error]>([
    ['NoMatchingOverloadError', () => new NoMatchingOverloadError('f', [1], candidates), 'ERR_NO_MATCHING_OVERLOAD', TypeError],
    ['ProtocolError', () => new ProtocolError('Named', issues), 'ERR_PROTOCOL', TypeError],
    ['SetupError', () => new SetupError('bad setup'), 'ERR_DUCKCALL_SETUP', Error],
  ])('%s has its name, code and base class', (name, make, code, base) => {
    // Act
    const error = make();

    // Assert
    expect(error.name).toBe(name);
    expect((error as { code?: unknown }).code).toBe(code);
    expect(error).toBeInstanceOf(base);
    expect(error).toBeInstanceOf(Error);
    expect(String(error).startsWith(`${name}: `)).toBe(true);
    expect(isDuckcallError(error)).toBe(true);
    expect(isDuckcallError(error, code as 'ERR_PROTOCOL')).toBe(true);
  });

  it('SetupError is not a TypeError', () => {
    expect(new SetupError('x')).not.toBeInstanceOf(TypeError);
  });

  it('each class recognises only its own errors', () => {
    const setup = new SetupError('x');
    const protocolError = new ProtocolError('Named', issues);

    expect(setup instanceof ProtocolError).toBe(false);
    expect(protocolError instanceof SetupError).toBe(false);
    expect(protocolError instanceof NoMatchingOverloadError).toBe(false);
    expect(isDuckcallError(setup, 'ERR_PROTOCOL')).toBe(false);
  });

  it('ProtocolError keeps every issue and words its message with protocolViolated', () => {
    const error = new ProtocolError('Named', issues);

    expect(error.errors).toEqual(issues);
    expect(error.message).toBe(protocolViolated('Named', issues));
  });

  it('NoMatchingOverloadError keeps args and candidates and words its message with noMatchingOverload', () => {
    const error = new NoMatchingOverloadError('f', [1], candidates);

    expect(error.args).toEqual([1]);
    expect(error.candidates).toEqual(candidates);
    expect(error.message).toBe(noMatchingOverload('f', [1], candidates));
  });
});

describe('isDuckcallError and the cross-copy brand', () => {
  it('is false for other values, including hostile ones', () => {
    const throwingProxy = new Proxy(
      {},
      {
        get() {
          throw new Error('trap');
        },
      },
    );
    const { proxy: revoked, revoke } = Proxy.revocable({}, {});
    revoke();

    const results = [new TypeError('x'), new Error('x'), null, undefined, 'ERR_PROTOCOL', {}, { code: 'ERR_PROTOCOL' }, throwingProxy, revoked].map(
      (v) => isDuckcallError(v),
    );

    expect(results.every((r) => r === false)).toBe(true);
  });

  it('recognises an error from another copy of duckcall by its Symbol.for brand', () => {
    // Arrange: what the CJS copy's error looks like to the ESM copy.
    class OtherCopyNoMatch extends TypeError {}
    Object.defineProperty(OtherCopyNoMatch.prototype, ERROR_BRAND, { value: 'ERR_NO_MATCHING_OVERLOAD' });
    const foreign = new OtherCopyNoMatch('No overload accepts (boolean).');
    const plain = { [ERROR_BRAND]: 'ERR_DUCKCALL_SETUP', message: 'x' };

    // Act & Assert
    expect(isDuckcallError(foreign)).toBe(true);
    expect(isDuckcallError(foreign, 'ERR_NO_MATCHING_OVERLOAD')).toBe(true);
    expect(isDuckcallError(foreign, 'ERR_PROTOCOL')).toBe(false);
    expect(foreign instanceof NoMatchingOverloadError).toBe(true);
    expect(foreign instanceof ProtocolError).toBe(false);
    expect(plain instanceof SetupError).toBe(true);
    expect(plain instanceof NoMatchingOverloadError).toBe(false);
  });

  it('a user subclass keeps ordinary instanceof', () => {
    class MySetupError extends SetupError {}
    const mine = new MySetupError('mine');
    const plain = new SetupError('plain');

    expect(mine instanceof MySetupError).toBe(true);
    expect(mine instanceof SetupError).toBe(true);
    expect(plain instanceof MySetupError).toBe(false);
  });

  it('ignores a brand that is not a code string', () => {
    const fake = { [ERROR_BRAND]: true };

    expect(isDuckcallError(fake)).toBe(false);
    expect(fake instanceof SetupError).toBe(false);
  });
});

describe('NoMatchingOverloadError from a call', () => {
  const isCircle = (v: unknown) => (v as { kind?: unknown } | null)?.kind === 'circle';
  const shapes = loose(
    overload(when([isCircle], () => 'circle'), when([String, String], () => 'strings'), when([Number, rest(Number)], () => 'numbers')),
  );

  it('carries the call’s arguments', () => {
    const arg = { kind: 'square' };

    const error = thrown(() => shapes(arg)) as NoMatchingOverloadError;

    expect(error).toBeInstanceOf(NoMatchingOverloadError);
    expect(error.args).toHaveLength(1);
    expect(error.args[0]).toBe(arg);
  });

  it('lists every case in order, each with every reason it rejected the arguments', () => {
    const error = thrown(() => shapes(1, true)) as NoMatchingOverloadError;

    expect(error.candidates).toEqual([
      { signature: '(isCircle)', errors: [{ path: '$args', expected: arity(1, 1), value: 2 }] },
      {
        signature: '(String, String)',
        errors: [
          { path: '$args[0]', expected: 'String', value: 1 },
          { path: '$args[1]', expected: 'String', value: true },
        ],
      },
      { signature: '(Number, rest(Number))', errors: [{ path: '$args[1]', expected: 'Number', value: true }] },
    ]);
  });

  it('reports a rest position and an arity miss', () => {
    const error = thrown(() => shapes(1, 2, 'x')) as NoMatchingOverloadError;

    expect(error.candidates.map((c) => c.errors)).toEqual([
      [{ path: '$args', expected: arity(1, 1), value: 3 }],
      [{ path: '$args', expected: arity(2, 2), value: 3 }],
      [{ path: '$args[2]', expected: 'Number', value: 'x' }],
    ]);
  });

  it('words its message with the message builders', () => {
    const error = thrown(() => shapes(true)) as NoMatchingOverloadError;

    expect(error.message).toBe(noMatchingOverload('', [true], error.candidates));
    for (const candidate of error.candidates) {
      expect(error.message).toContain(`  ${candidate.signature}: ${formatIssue(candidate.errors[0]!)}`);
    }
  });

  it('names the set by its current name', () => {
    const named = loose(overload(when([String], () => 0)));
    Object.defineProperty(named, 'name', { value: 'greet' });

    const error = thrown(() => named(1)) as NoMatchingOverloadError;

    expect(error.message).toBe(noMatchingOverload('greet', [1], error.candidates));
    expect(error.message.startsWith('No overload of greet() accepts (number).')).toBe(true);
  });

  it('has the shape of the API.md sample', () => {
    // Arrange
    interface Circle { kind: 'circle'; r: number }
    interface Rect { kind: 'rect'; w: number; h: number }
    const CircleP = protocol({ name: 'Circle', is: (v: unknown): v is Circle => (v as Circle | null)?.kind === 'circle' });
    const RectP = protocol({ name: 'Rect', is: (v: unknown): v is Rect => (v as Rect | null)?.kind === 'rect' });
    const area = loose(
      overload(
        when([CircleP], (s: Circle) => Math.PI * s.r ** 2),
        when([RectP], (s: Rect) => s.w * s.h),
        when([Number, Number], (w: number, h: number) => w * h),
      ),
    );
    Object.defineProperty(area, 'name', { value: 'area' });

    // Act
    const error = thrown(() => area(true)) as NoMatchingOverloadError;

    // Assert
    expect(error.message).toBe(
      [
        'No overload of area() accepts (boolean).',
        '  (Circle): $args[0]: expected Circle, got boolean',
        '  (Rect): $args[0]: expected Rect, got boolean',
        '  (Number, Number): expected 2 arguments, got 1',
      ].join('\n'),
    );
  });
});

describe('reasons are worked out only when no case matched', () => {
  function counting(test: (v: unknown) => boolean) {
    const guard = (v: unknown): boolean => {
      guard.calls++;
      return test(v);
    };
    guard.calls = 0;
    return guard;
  }

  it('the matching path runs each guard at most once per call', () => {
    // Arrange
    const isPositive = counting((v) => typeof v === 'number' && v > 0);
    const isNegative = counting((v) => typeof v === 'number' && v < 0);
    const f = loose(overload(when([isPositive], () => 'positive'), when([isNegative], () => 'negative'), when([Object], () => 'other')));

    // Act
    const results = [f(-1), f('x')];

    // Assert: two calls, each guard once per call, no explanation re-running them
    expect(results).toEqual(['negative', 'other']);
    expect(isPositive.calls).toBe(2);
    expect(isNegative.calls).toBe(2);
  });

  it('the matching path runs each guard at most once per call with more than four arguments', () => {
    const guards = [0, 1, 2, 3, 4].map(() => counting((v) => typeof v === 'number'));
    const f = loose(overload(when(guards, () => 'numbers'), when([rest(Object)], () => 'other')));

    f(1, 2, 3, 4, 'x');

    expect(guards.map((g) => g.calls)).toEqual([1, 1, 1, 1, 1]);
  });

  it('explanations run only on failure', () => {
    // Arrange
    const isPositive = counting((v) => typeof v === 'number' && v > 0);
    const f = loose(overload(when([isPositive], () => 'positive')));
    f(1);
    const afterSuccess = isPositive.calls;

    // Act
    const error = thrown(() => f(-1));

    // Assert: the failing call ran the guard once to match and again to explain
    expect(afterSuccess).toBe(1);
    expect(error).toBeInstanceOf(NoMatchingOverloadError);
    expect(isPositive.calls).toBeGreaterThan(2);
  });

  it('the matching path does not inspect the argument to describe it', () => {
    // Arrange: every trap counts; typeof and null checks use none of them.
    let traps = 0;
    const spy = new Proxy(
      {},
      {
        get: (t, k) => (traps++, Reflect.get(t, k)),
        getPrototypeOf: (t) => (traps++, Reflect.getPrototypeOf(t)),
        getOwnPropertyDescriptor: (t, k) => (traps++, Reflect.getOwnPropertyDescriptor(t, k)),
        ownKeys: (t) => (traps++, Reflect.ownKeys(t)),
        has: (t, k) => (traps++, Reflect.has(t, k)),
      },
    );
    const f = loose(overload(when([String], () => 'string'), when([Number], () => 'number'), when([Object], () => 'object')));

    // Act
    const result = f(spy);

    // Assert
    expect(result).toBe('object');
    expect(traps).toBe(0);
  });
});
