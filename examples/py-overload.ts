// The scenario from Python's overload packages, with the types doing the dispatch:
//
//   @overload                          @overload
//   def func(a: str): ...              def my_func(): ...
//   @func.add                          @my_func.add
//   def func(a: int): ...              def my_func(a: int, b: str): ...
//                                      @my_func.add
//   @overload                          def my_func(a: int, b: str, c: float): ...
//   def total(xs: List[int]): ...
//   @total.add
//   def total(xs: List[str]): ...
//
// Each case is a typed function; duckcall/transformer turns its parameter types into the guards.
// (fmt.ts shows the same kind of dispatch written with `when` matchers, without the transformer.)
import assert from 'node:assert/strict';
import { NoMatchingOverloadError, overload, when, which } from 'duckcall';

// -- func(a: str) / func(a: int) ---------------------------------------------------------------
const func = overload(
  (a: string) => `str '${a}'`,
  (a: number) => `number ${a}`,
);

assert.equal(func('s'), "str 's'");
assert.equal(func(1), 'number 1');
console.log(`func('s') -> ${func('s')}`);
console.log(`func(1)   -> ${func(1)}`);

// A boolean is neither: a compile error, and a NoMatchingOverloadError for values from outside.
// @ts-expect-error -- no case takes a boolean
assert.throws(() => func(true), NoMatchingOverloadError);
try {
  func(JSON.parse('true'));
} catch (error) {
  assert.ok(error instanceof TypeError); // NoMatchingOverloadError extends TypeError, like Python's
  console.log(`func(true) -> throws ${(error as Error).name}:\n${(error as Error).message}`);
}

// -- my_func() with 0, 2 and 3 arguments --------------------------------------------------------
// The argument count is part of the match.
const myFunc = overload(
  () => 'my_func()',
  (a: number, b: string) => `my_func(a=${a}, b='${b}')`,
  (a: number, b: string, c: number) => `my_func(a=${a}, b='${b}', c=${c})`,
);

assert.equal(myFunc(), 'my_func()');
assert.equal(myFunc(1, 'x'), "my_func(a=1, b='x')");
assert.equal(myFunc(1, 'x', 2.5), "my_func(a=1, b='x', c=2.5)");
console.log(`\n${myFunc()}`);
console.log(myFunc(1, 'x'));
console.log(myFunc(1, 'x', 2.5));

// @ts-expect-error -- no case takes one argument
assert.throws(() => myFunc(1), NoMatchingOverloadError);
try {
  // @ts-expect-error -- as above
  myFunc(1);
} catch (error) {
  console.log(`myFunc(1) -> throws:\n${(error as Error).message}`);
}

// -- total(xs: List[int]) / total(xs: List[str]) -------------------------------------------------
// An array type checks every element.
const total = overload(
  (xs: number[]) => xs.reduce((sum, x) => sum + x, 0),
  (xs: string[]) => xs.join(''),
);

assert.equal(total([1, 2, 3]), 6);
assert.equal(total(['duck', 'call']), 'duckcall');
console.log(`\ntotal([1, 2, 3])         -> ${total([1, 2, 3])}`);
console.log(`total(['duck', 'call'])  -> '${total(['duck', 'call'])}'`);

// An empty list is both a number[] and a string[]. The compiler picks the first overload that
// fits, and duckcall runs the first case that fits: the same one.
const empty: number = total([]);
assert.equal(empty, 0);
assert.equal(which(total, [])?.signature, '(xs: number[]) => number');
console.log(`total([])                -> ${empty}   (the first case that fits, as the compiler chose)`);

// A mixed list is neither; the reason points at the element.
const mixed = JSON.parse('[1, "two", 3]');
try {
  total(mixed);
  assert.fail('expected NoMatchingOverloadError');
} catch (error) {
  assert.ok(error instanceof NoMatchingOverloadError);
  assert.deepEqual(error.candidates[0]?.errors[0], { path: '$args[0][1]', expected: 'number', value: 'two' });
  console.log(`total([1, 'two', 3]) -> throws:\n${error.message}`);
}

// -- int is not a TypeScript type ----------------------------------------------------------------
// JavaScript has one number type, so `(a: number)` accepts 1.5 where Python's `int` would not.
// A type-guard predicate in a `when` case says "integer", and sits beside typed cases.
const isInt = (value: unknown): value is number => Number.isInteger(value);
const intOrStr = overload(
  when([isInt], (a) => `int ${a}`),
  (a: string) => `str '${a}'`,
);
assert.equal(intOrStr(1), 'int 1');
assert.throws(() => intOrStr(1.5), NoMatchingOverloadError); // the compiler allows it (a number), the guard does not
console.log(`\nintOrStr(1) -> ${intOrStr(1)}; intOrStr(1.5) throws NoMatchingOverloadError`);
