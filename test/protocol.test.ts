import { describe, expect, it } from 'vitest';
import {
  NoMatchingOverloadError,
  ProtocolError,
  SetupError,
  assert,
  implement,
  is,
  overload,
  protocol,
  validate,
  when,
  type Issue,
  type StandardSchemaV1,
} from '../src/index.js';
import { formatIssue, protocolViolated, transformerMissing } from '../src/messages.js';
import { pathKeys } from '../src/protocol.js';
import { thrown } from './support/thrown.js';

type Loose = (...args: unknown[]) => unknown;


interface EatsBread {
  eatBread(grams: number): void;
  readonly name: string;
}

function isEatsBread(v: unknown): v is EatsBread {
  const o = v as Partial<EatsBread> | null;
  return typeof o === 'object' && o !== null && typeof o.eatBread === 'function' && typeof o.name === 'string';
}

/** Every violation, as the transformer would generate it. */
function eatsBreadIssues(v: unknown): Issue[] {
  if (typeof v !== 'object' || v === null) return [{ path: '$input', expected: 'EatsBread', value: v }];
  const o = v as Record<string, unknown>;
  const issues: Issue[] = [];
  if (typeof o.eatBread !== 'function') issues.push({ path: '$input.eatBread', expected: '(grams: number) => void', value: o.eatBread });
  if (typeof o.name !== 'string') issues.push({ path: '$input.name', expected: 'string', value: o.name });
  return issues;
}

const duck = { name: 'Donald', eatBread(_grams: number) {} };

function syncResult<T>(result: StandardSchemaV1.Result<T> | Promise<StandardSchemaV1.Result<T>>): StandardSchemaV1.Result<T> {
  if (result instanceof Promise) throw new Error('expected a synchronous result');
  return result;
}

describe('without the transformer', () => {
  it.each<[string, () => unknown]>([
    ['is', () => is<EatsBread>(duck)],
    ['assert', () => assert<EatsBread>(duck)],
    ['validate', () => validate<EatsBread>(duck)],
    ['protocol', () => protocol<EatsBread>()],
    ['implement', () => implement<EatsBread>()],
  ])('%s<T>() throws SetupError saying how to set the transformer up', (name, call) => {
    // Act
    const error = thrown(call);

    // Assert
    expect(error).toBeInstanceOf(SetupError);
    expect((error as SetupError).message).toBe(transformerMissing(name));
    expect((error as SetupError).message).toContain('duckcall/transformer');
  });
});

describe('protocol({ name, is, validate })', () => {
  const EatsBreadP = protocol({ name: 'EatsBread', is: isEatsBread, validate: eatsBreadIssues });

  it('has the name and guard it was built from', () => {
    expect(EatsBreadP.name).toBe('EatsBread');
    expect(EatsBreadP.is(duck)).toBe(true);
    expect(EatsBreadP.is({ name: 'Rock' })).toBe(false);
    expect(EatsBreadP.is(null)).toBe(false);
  });

  it('validate and assert keep the first 100 issues of a validate that reports more', () => {
    const many = protocol({
      name: 'Many',
      is: (_value: unknown): _value is never => false,
      validate: (value) => Array.from({ length: 100_000 }, (_, i) => ({ path: `$input[${i}]`, expected: 'number', value })),
    });
    const result = many.validate('x');
    expect(result.success === false && result.errors.length).toBe(100);
    expect(result.success === false && result.errors[99]!.path).toBe('$input[99]');
    expect(() => many.assert('x')).toThrow(expect.objectContaining({ errors: expect.objectContaining({ length: 100 }) }));
  });

  it('validate returns the value itself on success', () => {
    const result = EatsBreadP.validate(duck);

    expect(result).toEqual({ success: true, data: duck });
    expect(result.success && result.data).toBe(duck);
  });

  it('validate returns every violation on failure', () => {
    const result = EatsBreadP.validate({ name: 7 });

    expect(result).toEqual({
      success: false,
      errors: [
        { path: '$input.eatBread', expected: '(grams: number) => void', value: undefined },
        { path: '$input.name', expected: 'string', value: 7 },
      ],
    });
  });

  it('assert passes a satisfying value and throws ProtocolError with every violation otherwise', () => {
    // Arrange
    const rock = { name: 7 };

    // Act
    const error = thrown(() => EatsBreadP.assert(rock));

    // Assert
    expect(() => EatsBreadP.assert(duck)).not.toThrow();
    expect(error).toBeInstanceOf(ProtocolError);
    expect((error as ProtocolError).errors).toEqual(eatsBreadIssues(rock));
    expect((error as ProtocolError).message).toBe(protocolViolated('EatsBread', eatsBreadIssues(rock)));
  });

  it('without validate, a failure is one issue at $input naming the protocol', () => {
    const P = protocol({ name: 'EatsBread', is: isEatsBread });

    const result = P.validate(42);

    expect(result).toEqual({ success: false, errors: [{ path: '$input', expected: 'EatsBread', value: 42 }] });
  });

  it('a failure always has at least one issue, even if validate lists none', () => {
    const P = protocol({ name: 'EatsBread', is: isEatsBread, validate: () => [] });

    const result = P.validate(42);

    expect(result).toEqual({ success: false, errors: [{ path: '$input', expected: 'EatsBread', value: 42 }] });
  });

  it('a definition without a name or guard is a SetupError', () => {
    expect(() => protocol({ name: 'X' } as never)).toThrow(SetupError);
    expect(() => protocol({ is: isEatsBread } as never)).toThrow(SetupError);
  });
});

describe("protocol '~standard'", () => {
  const P = protocol({
    name: 'Thing',
    is: (v: unknown): v is { a: number[] } => Array.isArray((v as { a?: unknown } | null)?.a),
    validate: (v) => [
      { path: '$input.a[3]', expected: 'number', value: (v as { a?: unknown[] }).a?.[3] },
      { path: '$input["a b"].c', expected: 'string', value: undefined },
      { path: '$input', expected: 'Thing', value: v },
    ],
  });

  it('is a Standard Schema v1 from vendor duckcall', () => {
    expect(P['~standard'].version).toBe(1);
    expect(P['~standard'].vendor).toBe('duckcall');
  });

  it('validate returns { value } on success', () => {
    const value = { a: [1] };

    const result = syncResult(P['~standard'].validate(value));

    expect(result).toEqual({ value });
    expect(result.issues).toBeUndefined();
  });

  it('validate returns issues with messages and key paths on failure', () => {
    // Arrange
    const value = { a: 'no' };
    const issues = P.validate(value);

    // Act
    const result = syncResult(P['~standard'].validate(value));

    // Assert
    expect(issues.success).toBe(false);
    expect(result.issues).toEqual(
      (issues.success ? [] : issues.errors).map((issue) => ({ message: formatIssue(issue), path: pathKeys(issue.path) })),
    );
    expect(result.issues?.map((i) => i.path)).toEqual([['a', 3], ['a b', 'c'], []]);
  });

  it('pathKeys parses $input paths into property keys', () => {
    expect(pathKeys('$input')).toEqual([]);
    expect(pathKeys('$input.owner.items[3]')).toEqual(['owner', 'items', 3]);
    expect(pathKeys('$input["a b"][0]["q\\"uote"]')).toEqual(['a b', 0, 'q"uote']);
  });
});

describe('a protocol as a when matcher', () => {
  const EatsBreadP = protocol({ name: 'EatsBread', is: isEatsBread, validate: eatsBreadIssues });
  const feed = overload(
    when([EatsBreadP], (d: EatsBread) => `fed ${d.name}`),
    when([String], (s: string) => `fed the ${s}`),
  ) as unknown as Loose;

  it('dispatches on protocol.is', () => {
    expect(feed(duck)).toBe('fed Donald');
    expect(feed('pond')).toBe('fed the pond');
  });

  it('explains a rejection with the protocol’s issues below the argument', () => {
    const error = thrown(() => feed({ name: 7 })) as NoMatchingOverloadError;

    expect(error).toBeInstanceOf(NoMatchingOverloadError);
    expect(error.candidates[0]).toEqual({
      signature: '(EatsBread)',
      errors: [
        { path: '$args[0].eatBread', expected: '(grams: number) => void', value: undefined },
        { path: '$args[0].name', expected: 'string', value: 7 },
      ],
    });
  });
});

describe('implement(definition) on a class', () => {
  const definition = { name: 'EatsBread', is: isEatsBread, methods: ['eatBread'] as const };
  // `implement<object>` so that classes which do not satisfy EatsBread still typecheck.
  const check = (cls: abstract new () => object) => implement<object>({ ...definition, is: (v): v is object => isEatsBread(v) })(cls);

  it('accepts a class whose prototype has the method', () => {
    class Duck {
      name = 'Donald';
      eatBread(_g: number) {}
    }

    expect(() => check(Duck)).not.toThrow();
  });

  it('finds inherited methods', () => {
    class Bird {
      eatBread(_g: number) {}
    }
    class Duck extends Bird {
      name = 'Donald';
    }

    expect(() => check(Duck)).not.toThrow();
  });

  it('throws ProtocolError for a missing method', () => {
    class Rock {
      name = 'rock';
    }

    const error = thrown(() => check(Rock)) as ProtocolError;

    expect(error).toBeInstanceOf(ProtocolError);
    expect(error.errors).toEqual([expect.objectContaining({ path: '$input.prototype.eatBread', value: undefined })]);
    expect(error.message).toContain('Rock');
  });

  it('a static method does not count', () => {
    class Static {
      static eatBread() {}
    }

    expect(() => check(Static)).toThrow(ProtocolError);
  });

  it('throws ProtocolError for a non-function', () => {
    class Loaf {}
    Object.defineProperty(Loaf.prototype, 'eatBread', { value: 'crumbs' });

    const error = thrown(() => check(Loaf)) as ProtocolError;

    expect(error).toBeInstanceOf(ProtocolError);
    expect(error.errors).toEqual([expect.objectContaining({ path: '$input.prototype.eatBread', value: 'crumbs' })]);
  });

  it('throws ProtocolError for an accessor, without running the getter', () => {
    // Arrange
    let getterRuns = 0;
    class Sneaky {
      get eatBread(): (g: number) => void {
        getterRuns++;
        throw new Error('getter ran');
      }
    }

    // Act
    const error = thrown(() => check(Sneaky));

    // Assert
    expect(error).toBeInstanceOf(ProtocolError);
    expect(getterRuns).toBe(0);
  });

  it('takes the methods from a protocol built by hand', () => {
    const P = protocol<object>({ ...definition, is: (v): v is object => isEatsBread(v) });
    class Rock {}
    class Duck {
      eatBread() {}
    }

    expect(() => implement(P)(Rock)).toThrow(ProtocolError);
    expect(() => implement(P)(Duck)).not.toThrow();
  });
});

describe('a value whose getter throws', () => {
  const P = protocol<{ a: number }>({ name: 'HasA', is: (v): v is { a: number } => typeof (v as { a?: unknown }).a === 'number' });
  const hostile = {
    get a(): number {
      throw new Error('boom');
    },
  };

  it('fails validate instead of throwing', () => {
    const result = P.validate(hostile);

    expect(result).toEqual({ success: false, errors: [{ path: '$input', expected: 'HasA', value: hostile }] });
  });

  it('fails assert with a ProtocolError, not the getter’s error', () => {
    expect(() => P.assert(hostile)).toThrow(ProtocolError);
  });
});
