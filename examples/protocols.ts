// Protocols, as Python's typing.Protocol: does a value have the shape an interface describes?
// `is`, `assert`, `validate`, `protocol<T>()` and `@implement<T>()` take the interface as a type
// argument; duckcall/transformer writes the check from it.
// node's assert is imported as `check`, so `assert` below is duckcall's, as in the README.
import check from 'node:assert/strict';
import { assert, implement, is, overload, protocol, ProtocolError, validate, when } from 'duckcall';

interface EatsBread {
  readonly name: string;
  eatBread(grams: number): string;
}

// Duck never mentions EatsBread: it satisfies it by its shape.
class Duck {
  constructor(readonly name: string) {}
  eatBread(grams: number): string {
    return `${this.name} eats ${grams} g of bread`;
  }
}

class Rock {
  readonly weight = 3;
}

const duck: unknown = new Duck('Donald');
const rock: unknown = new Rock();

// -- is<T>(x): a boolean that narrows ------------------------------------------------------------
check.equal(is<EatsBread>(duck), true);
check.equal(is<EatsBread>(rock), false);
console.log(`is<EatsBread>(duck) = ${is<EatsBread>(duck)}`);
console.log(`is<EatsBread>(rock) = ${is<EatsBread>(rock)}`);
if (is<EatsBread>(duck)) console.log(`  ${duck.eatBread(20)}`); // duck: EatsBread here

// Methods are found on the prototype chain, and must be functions. Plain objects count too.
check.equal(is<EatsBread>({ name: 'Daffy', eatBread: () => 'crumbs' }), true);
check.equal(is<EatsBread>({ name: 'Daffy', eatBread: 'crumbs' }), false);

// -- assert<T>(x): narrows, or throws ProtocolError listing every violation ----------------------
assert<EatsBread>(duck);
check.equal(duck.name, 'Donald'); // duck: EatsBread from here on

try {
  assert<EatsBread>(rock);
  check.fail('expected ProtocolError');
} catch (error) {
  check.ok(error instanceof ProtocolError);
  check.equal(error.code, 'ERR_PROTOCOL');
  check.equal(
    error.message,
    [
      'Value does not satisfy EatsBread (2 violations).',
      '  $input.name: expected string, got undefined',
      '  $input.eatBread: expected a method, got undefined',
    ].join('\n'),
  );
  console.log(`\nassert<EatsBread>(rock) throws ${error.name}:\n${error.message}`);
}

// -- validate<T>(x): the value, or every violation with its path -----------------------------------
check.deepEqual(validate<EatsBread>(duck), { success: true, data: duck });
const result = validate<EatsBread>({ name: 42, eatBread() {} });
check.equal(result.success, false);
if (!result.success) {
  check.deepEqual(result.errors, [{ path: '$input.name', expected: 'string', value: 42 }]);
  console.log(`\nvalidate<EatsBread>({ name: 42, eatBread() {} }).errors = ${JSON.stringify(result.errors)}`);
}

// -- protocol<T>(): the same check as a reusable value -------------------------------------------
const EatsBreadP = protocol<EatsBread>();
check.equal(EatsBreadP.name, 'EatsBread');
check.equal(EatsBreadP.is(duck), true);
check.equal(EatsBreadP.validate(rock).success, false);

// It is a matcher for `when`...
const feed = overload(
  when([EatsBreadP, Number], (d, grams) => d.eatBread(grams)),
  when([EatsBreadP], (d) => d.eatBread(50)),
);
check.equal(feed(new Duck('Daisy')), 'Daisy eats 50 g of bread');
console.log(`\nfeed(new Duck('Daisy')) = '${feed(new Duck('Daisy'))}'`);

// ...and a Standard Schema v1, for any library that accepts one.
const standard = EatsBreadP['~standard'].validate(rock);
check.ok(!(standard instanceof Promise));
check.deepEqual(standard.issues?.map((issue) => issue.path), [['name'], ['eatBread']]);

// -- @implement<T>(): a class is checked when it is defined --------------------------------------
@implement<EatsBread>()
class Mallard {
  readonly name = 'mallard';
  eatBread(grams: number): string {
    return `the mallard eats ${grams} g of bread`;
  }
}
check.equal(is<EatsBread>(new Mallard()), true);

// A class without the methods is a compile error, and a ProtocolError when it is defined.
check.throws(() => {
  // @ts-expect-error -- a Rock has neither name nor eatBread
  @implement<EatsBread>() class Rock {
    readonly weight = 3;
  }
  return Rock;
}, ProtocolError);
try {
  // @ts-expect-error -- as above
  @implement<EatsBread>() class Rock {
    readonly weight = 3;
  }
  void Rock;
} catch (error) {
  console.log(`\n@implement<EatsBread>() class Rock throws ${(error as Error).name}:\n${(error as Error).message}`);
}

// It also catches what the compiler cannot see: a method that is only declared.
check.throws(() => {
  @implement<EatsBread>()
  class Decoy {
    readonly name = 'decoy';
    declare eatBread: (grams: number) => string; // typed, but never there at run time
  }
  return Decoy;
}, ProtocolError);
