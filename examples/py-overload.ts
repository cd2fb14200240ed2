// The scenario from Python's `overload` package (PyPI "overload"), written with `when`:
//
//   @overload                      class A:
//   def func(a: int): ...              @overload
//   @func.add                          def method(self): ...
//   def func(a: str): ...              @method.add
//                                      def method(self, a: int, b: str): ...
//   func(1)    -> 'int'                @method.add
//   func('s')  -> 'str'                def method(self, a: int, b: str, c: float): ...
//   func(1.0)  -> TypeError
import assert from 'node:assert/strict';
import { NoMatchingOverloadError, overload, when } from 'duckcall';

// JavaScript has one number type; Python's `int` is a number that is an integer. A predicate
// written as a type guard is a matcher that also gives the case its parameter type.
const isInt = (value: unknown): value is number => Number.isInteger(value);

// -- func(a: int) / func(a: str) ---------------------------------------------------------------
const func = overload(
  when([isInt], (a) => `int ${a}`),
  when([String], (a) => `str '${a}'`),
);

assert.equal(func(1), 'int 1');
assert.equal(func('s'), "str 's'");
console.log(`func(1)   -> ${func(1)}`);
console.log(`func('s') -> ${func('s')}`);

// 1.5 is a number, so the compiler accepts the call, but no case accepts it at run time:
// the `int` case wants an integer, as Python's does (`func(1.0)` raises TypeError there).
assert.throws(() => func(1.5), NoMatchingOverloadError);
assert.throws(() => func(1.5), TypeError); // NoMatchingOverloadError extends TypeError
try {
  func(1.5);
} catch (error) {
  console.log(`func(1.5) -> throws ${(error as Error).name}:\n${(error as Error).message}`);
}

// -- A.method() with 0, 2 and 3 arguments ------------------------------------------------------
// One dispatcher on the prototype, shared by every instance; `this` is passed through to the
// case that runs. (Classes can also use `@overload('method', ...)`: see shapes-class.ts.)
const method = overload(
  when([], function (this: A) {
    return `${this.label}.method()`;
  }),
  when([isInt, String], function (this: A, a, b) {
    return `${this.label}.method(a=${a}, b='${b}')`;
  }),
  when([isInt, String, Number], function (this: A, a, b, c) {
    return `${this.label}.method(a=${a}, b='${b}', c=${c})`;
  }),
);

class A {
  constructor(readonly label: string) {}
  declare method: typeof method;
}
A.prototype.method = method;

const a = new A('a');
assert.equal(a.method(), 'a.method()');
assert.equal(a.method(1, 'x'), "a.method(a=1, b='x')");
assert.equal(a.method(1, 'x', 2.5), "a.method(a=1, b='x', c=2.5)");
console.log(a.method());
console.log(a.method(1, 'x'));
console.log(a.method(1, 'x', 2.5));

// The argument count is part of the match. One argument fits no case, and the compiler says so
// first: the static type of `method` is the overload list the three cases spell out.
// @ts-expect-error -- no case takes one argument
assert.throws(() => a.method(1), NoMatchingOverloadError);
try {
  // @ts-expect-error -- as above
  a.method(1);
} catch (error) {
  console.log(`a.method(1) -> throws:\n${(error as Error).message}`);
}
