// One `mean` for two conventions of the Python array world, told apart by the shape of the
// arguments (the Python array API standard leaves the keyword style to each library):
//
//   NumPy    np.mean(a, axis=None, keepdims=False)   mean(m, 0)  mean(m, 1, true)
//   PyTorch  torch.mean(input, dim, keepdim=False)   mean(m, { dim: 0 })  mean(m, { dim: 1, keepdim: true })
//
// A second argument that is a number is NumPy's `axis`; an object is PyTorch's keywords. Literal
// types (`0 | 1`, `true`) are guards too, so `keepdims: true` picks the case that keeps the axis,
// and each call's static type is the case's result type.
import assert from 'node:assert/strict';
import { NoMatchingOverloadError, overload } from 'duckcall';

type Vector = number[];
type Matrix = number[][];
/** 0: down the columns (one mean per column); 1: along the rows (one mean per row). */
type Axis = 0 | 1;

const average = (xs: readonly number[]): number => xs.reduce((sum, x) => sum + x, 0) / xs.length;

function along(m: Matrix, axis: Axis): Vector {
  if (axis === 1) return m.map(average);
  const columns = m[0]?.length ?? 0;
  return Array.from({ length: columns }, (_, j) => average(m.map((row) => row[j]!)));
}

/** keepdims: the reduced axis stays, with length 1. */
function keep(means: Vector, axis: Axis): Matrix {
  return axis === 0 ? [means] : means.map((x) => [x]);
}

const mean = overload(
  // NumPy style, and a plain mean(x) in both
  (a: Vector): number => average(a),
  (a: Matrix, axis?: null): number => average(a.flat()),
  (a: Matrix, axis: Axis, keepdims?: false): Vector => along(a, axis),
  (a: Matrix, axis: Axis, keepdims: true): Matrix => keep(along(a, axis), axis),
  // PyTorch style: the keywords as an options object
  (input: Matrix, options: { dim: Axis; keepdim?: false }): Vector => along(input, options.dim),
  (input: Matrix, options: { dim: Axis; keepdim: true }): Matrix => keep(along(input, options.dim), options.dim),
);

const m = [
  [1, 2, 3],
  [4, 5, 6],
];

const calls: [string, unknown, unknown][] = [
  ['mean([1, 2, 3, 4])', mean([1, 2, 3, 4]), 2.5],
  ['mean(m)', mean(m), 3.5],
  ['mean(m, 0)', mean(m, 0), [2.5, 3.5, 4.5]],
  ['mean(m, 1)', mean(m, 1), [2, 5]],
  ['mean(m, 1, true)', mean(m, 1, true), [[2], [5]]],
  ['mean(m, { dim: 0 })', mean(m, { dim: 0 }), [2.5, 3.5, 4.5]],
  ['mean(m, { dim: 1, keepdim: true })', mean(m, { dim: 1, keepdim: true }), [[2], [5]]],
];
console.log(`m = ${JSON.stringify(m)}`);
for (const [call, actual, expected] of calls) {
  assert.deepEqual(actual, expected);
  console.log(`${call.padEnd(36)} -> ${JSON.stringify(actual)}`);
}

// The static types follow the case: a number, a vector, or a matrix.
const scalar: number = mean(m);
const columns: Vector = mean(m, 0);
const kept: Matrix = mean(m, { dim: 0, keepdim: true });
assert.deepEqual([scalar, columns, kept], [3.5, [2.5, 3.5, 4.5], [[2.5, 3.5, 4.5]]]);

// There is no axis 2 in a matrix: a compile error, and for options from outside, every case says
// why it did not fit.
// @ts-expect-error -- Axis is 0 | 1
assert.throws(() => mean(m, 2), NoMatchingOverloadError);
const options = JSON.parse('{ "axis": 0 }'); // NumPy's keyword in PyTorch's style
try {
  mean(m, options);
  assert.fail('expected NoMatchingOverloadError');
} catch (error) {
  assert.ok(error instanceof NoMatchingOverloadError);
  assert.deepEqual(error.candidates[4]?.errors[0], { path: '$args[1].dim', expected: '0 | 1', value: undefined });
  console.log(`\nmean(m, { axis: 0 }) throws:\n${error.message}`);
}
