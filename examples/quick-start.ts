// The example at the top of the README. The definitions are the README's, line for line; its
// three calls are asserted below (the README shows their results as comments).
//
// The cases are plain typed functions: compiled with duckcall/transformer (see tsconfig.json),
// each parameter type becomes the runtime guard for that case.
import assert from 'node:assert/strict';
import { casesOf, isDuckcallError, NoMatchingOverloadError } from 'duckcall';

// ---- as in the README ----
import { overload } from 'duckcall';

interface Circle { kind: 'circle'; r: number }
interface Rect { kind: 'rect'; w: number; h: number }

const area = overload(
  (s: Circle) => Math.PI * s.r ** 2,
  (s: Rect) => s.w * s.h,
  (w: number, h: number) => w * h,
);
// ---- end ----

// area({ kind: 'rect', w: 2, h: 3 });  // 6 (static type: number)
const rect: number = area({ kind: 'rect', w: 2, h: 3 });
assert.equal(rect, 6);
console.log(`area({ kind: 'rect', w: 2, h: 3 }) = ${rect}`);

assert.equal(area({ kind: 'circle', r: 1 }), Math.PI);
console.log(`area({ kind: 'circle', r: 1 })   = ${area({ kind: 'circle', r: 1 })}`);

// area(2, 3);  // 6
assert.equal(area(2, 3), 6);
console.log(`area(2, 3)                       = ${area(2, 3)}`);

// The compiler knows the cases, so a call no case fits is a compile error...
// @ts-expect-error -- no case takes a boolean
assert.throws(() => area(true), NoMatchingOverloadError);

// ...and a value that gets past it (`any`, JSON) is still checked at run time.
// area(true as any);  // throws NoMatchingOverloadError
assert.throws(() => area(true as any), NoMatchingOverloadError);
try {
  area(true as any);
} catch (error) {
  assert.ok(isDuckcallError(error, 'ERR_NO_MATCHING_OVERLOAD'));
  assert.equal(
    error.message,
    [
      'No overload of area() accepts (boolean).',
      '  (s: Circle) => number: $args[0]: expected Circle, got boolean',
      '  (s: Rect) => number: $args[0]: expected Rect, got boolean',
      '  (w: number, h: number) => number: expected 2 arguments, got 1',
    ].join('\n'),
  );
  console.log(`\narea(true) throws ${error.name}:\n${error.message}`);
}

// The guards check the whole structure, not just a tag: a rect without `h` is no Rect.
const fromJson = JSON.parse('{ "kind": "rect", "w": 2 }');
try {
  area(fromJson);
  assert.fail('expected NoMatchingOverloadError');
} catch (error) {
  assert.ok(error instanceof NoMatchingOverloadError);
  assert.deepEqual(error.candidates[1]?.errors, [{ path: '$args[0].h', expected: 'number', value: undefined }]);
  console.log(`\narea({ kind: 'rect', w: 2 }) throws:\n${error.message}`);
}

// Each case keeps its signature as written.
assert.deepEqual(
  casesOf(area).map((c) => c.signature),
  ['(s: Circle) => number', '(s: Rect) => number', '(w: number, h: number) => number'],
);
