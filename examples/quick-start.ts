// The example at the top of the README. The definitions are the README's, line for line; its
// three calls are asserted below (the README shows their results as comments).
import assert from 'node:assert/strict';
import { isDuckcallError, NoMatchingOverloadError } from 'duckcall';

// ---- as in the README ----
import { overload, when } from 'duckcall';

interface Circle { kind: 'circle'; r: number }
interface Rect { kind: 'rect'; w: number; h: number }
const isCircle = (s: any): s is Circle => s?.kind === 'circle';
const isRect = (s: any): s is Rect => s?.kind === 'rect';
const area = overload(
  when([isCircle], (s) => Math.PI * s.r ** 2),
  when([isRect], (s) => s.w * s.h),
  when([Number, Number], (w, h) => w * h),
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

// area(true as any);  // throws NoMatchingOverloadError
assert.throws(() => area(true as any), NoMatchingOverloadError);
try {
  area(true as any);
} catch (error) {
  assert.ok(isDuckcallError(error, 'ERR_NO_MATCHING_OVERLOAD'));
  console.log(`area(true) throws ${error.name}:\n${error.message}`);
}
