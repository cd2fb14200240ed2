// Protocols built by hand, for code compiled without duckcall/transformer (esbuild, swc, tsx, Bun,
// plain tsc). There `is<T>()`, `assert<T>()`, `validate<T>()`, `protocol<T>()` and
// `@implement<T>()` have no type to read and throw SetupError saying how to set the transformer
// up; protocols.ts shows them with it. `protocol({ name, is, validate?, methods? })` builds the
// same reusable protocol from a guard written by hand, and works with or without the transformer.
import assert from 'node:assert/strict';
import { implement, NoMatchingOverloadError, overload, protocol, ProtocolError, when, type Issue, type Protocol } from 'duckcall';

interface EatsBread {
  readonly name: string;
  eatBread(grams: number): string;
}

// The annotation is what lets `EatsBread.assert(x)` narrow: TypeScript only runs an assertion
// signature through a name declared with an explicit type (error TS2775 otherwise).
const EatsBread: Protocol<EatsBread> = protocol<EatsBread>({
  name: 'EatsBread',
  is: (v): v is EatsBread => typeof (v as any)?.name === 'string' && typeof (v as any)?.eatBread === 'function',
  // Optional: every violation, with `$input`-rooted paths. Without it a failure is one issue at `$input`.
  validate(v) {
    if (typeof v !== 'object' || v === null) return [{ path: '$input', expected: 'EatsBread', value: v }];
    const { name, eatBread } = v as Record<string, unknown>;
    const issues: Issue[] = [];
    if (typeof name !== 'string') issues.push({ path: '$input.name', expected: 'string', value: name });
    if (typeof eatBread !== 'function') issues.push({ path: '$input.eatBread', expected: 'function', value: eatBread });
    return issues;
  },
  methods: ['eatBread'], // what @implement requires on a class's prototype chain
});

const duck = { name: 'Donald', eatBread: (grams: number) => `Donald ate ${grams} g of bread` };
const robot = { name: 1, beep: () => 'beep' };

// .is / .validate / .assert
assert.equal(EatsBread.is(duck), true);
assert.equal(EatsBread.is(robot), false);
assert.deepEqual(EatsBread.validate(duck), { success: true, data: duck });
assert.deepEqual(EatsBread.validate(robot), {
  success: false,
  errors: [
    { path: '$input.name', expected: 'string', value: 1 },
    { path: '$input.eatBread', expected: 'function', value: undefined },
  ],
});
console.log(`EatsBread.is(duck) = ${EatsBread.is(duck)}, EatsBread.is(robot) = ${EatsBread.is(robot)}`);

assert.throws(() => EatsBread.assert(robot), ProtocolError);
try {
  EatsBread.assert(robot);
} catch (error) {
  assert.ok(error instanceof ProtocolError);
  assert.equal(error.code, 'ERR_PROTOCOL');
  assert.equal(error.errors.length, 2);
  console.log(`EatsBread.assert(robot) throws ${error.name}:\n${error.message}`);
}

// A protocol is a matcher for `when`, and a Standard Schema v1 for any library that takes one.
const feed = overload(
  when([EatsBread, Number], (d, grams) => d.eatBread(grams)),
  when([EatsBread], (d) => d.eatBread(50)),
);
assert.equal(feed(duck), 'Donald ate 50 g of bread');
assert.equal(feed(duck, 20), 'Donald ate 20 g of bread');
console.log(`feed(duck) = '${feed(duck)}'`);
assert.throws(() => feed(robot as any), NoMatchingOverloadError);
try {
  feed(robot as any);
} catch (error) {
  console.log(`feed(robot) throws:\n${(error as Error).message}`);
}

const standard = EatsBread['~standard'].validate(robot);
assert.ok(!(standard instanceof Promise) && standard.issues?.length === 2);
assert.deepEqual(standard.issues[0]?.path, ['name']);

// @implement(protocol) checks a class when it is defined: every method of `methods` must be a
// function on its prototype chain. It catches what the compiler cannot see, such as a method that
// is only declared.
@implement(EatsBread)
class Duck implements EatsBread {
  constructor(readonly name: string) {}
  eatBread(grams: number): string {
    return `${this.name} ate ${grams} g of bread`;
  }
}
assert.equal(feed(new Duck('Daisy')), 'Daisy ate 50 g of bread');

assert.throws(() => {
  @implement(EatsBread)
  class Decoy implements EatsBread {
    readonly name = 'decoy';
    declare eatBread: (grams: number) => string; // typed, but never there at run time
  }
  return Decoy;
}, ProtocolError);
try {
  @implement(EatsBread)
  class Decoy implements EatsBread {
    readonly name = 'decoy';
    declare eatBread: (grams: number) => string;
  }
  void Decoy;
} catch (error) {
  console.log(`@implement(EatsBread) class Decoy throws:\n${(error as Error).message}`);
}
