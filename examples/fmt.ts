// A formatter written with `when` matchers, the form that needs no transformer: optional, rest
// and literal matchers, and what a call no case accepts reports. (Compiled here with
// duckcall/transformer like every example; it leaves `when` cases as they are.)
import assert from 'node:assert/strict';
import { casesOf, isDuckcallError, NoMatchingOverloadError, optional, overload, rest, when, which } from 'duckcall';

const fmt = overload(
  when([Number, optional(Number)], (n: number, digits = 2) => n.toFixed(digits)),
  when([Date], (d: Date) => d.toISOString()),
  when(['hex', Number], (_: 'hex', n: number) => n.toString(16)),
  when([String, rest(String)], (first: string, ...more: string[]) => [first, ...more].join(' ')),
);

const cases: [string, string][] = [
  ['fmt(Math.PI)', fmt(Math.PI)], //                  optional(Number) left out: digits = 2
  ['fmt(Math.PI, 4)', fmt(Math.PI, 4)],
  ['fmt(Math.PI, undefined)', fmt(Math.PI, undefined)], // optional accepts undefined too
  ['fmt(new Date(0))', fmt(new Date(0))],
  ["fmt('hex', 255)", fmt('hex', 255)], //             the literal 'hex' comes before String
  ["fmt('duck', 'call')", fmt('duck', 'call')],
  ["fmt('hex')", fmt('hex')], //                       one argument: only the String case fits
];
assert.deepEqual(cases.map(([, out]) => out), ['3.14', '3.1416', '3.14', '1970-01-01T00:00:00.000Z', 'ff', 'duck call', 'hex']);
for (const [call, out] of cases) console.log(`${call.padEnd(24)} -> '${out}'`);

// Each case's matchers are shown as its signature; `which` tells the case a call would run.
assert.deepEqual(
  casesOf(fmt).map((c) => c.signature),
  ['(Number, optional(Number))', '(Date)', "('hex', Number)", '(String, rest(String))'],
);
assert.equal(which(fmt, 'hex', 255)?.signature, "('hex', Number)");
assert.equal(which(fmt, 'hex', 'ff')?.signature, '(String, rest(String))');
assert.equal(which(fmt, true), undefined);

// The compiler knows the cases: a boolean fits none of them.
// @ts-expect-error -- no case takes a boolean
assert.throws(() => fmt(true), NoMatchingOverloadError);

// Values from outside (JSON, `any`) get past the compiler; the dispatcher still checks them, and
// the error names every case with the reason it did not match.
const fromJson = JSON.parse('true'); // any
try {
  fmt(fromJson);
  assert.fail('expected NoMatchingOverloadError');
} catch (error) {
  assert.ok(error instanceof NoMatchingOverloadError);
  assert.ok(isDuckcallError(error, 'ERR_NO_MATCHING_OVERLOAD')); // works across ESM/CJS copies too
  assert.equal(error.name, 'NoMatchingOverloadError');
  assert.equal(error.code, 'ERR_NO_MATCHING_OVERLOAD');
  assert.deepEqual(error.args, [true]);
  assert.equal(error.candidates.length, 4);
  assert.deepEqual(error.candidates[0]?.errors, [{ path: '$args[0]', expected: 'Number', value: true }]);
  assert.equal(
    error.message,
    [
      'No overload of fmt() accepts (boolean).',
      '  (Number, optional(Number)): $args[0]: expected Number, got boolean',
      '  (Date): $args[0]: expected Date, got boolean',
      "  ('hex', Number): expected 2 arguments, got 1",
      '  (String, rest(String)): $args[0]: expected String, got boolean',
    ].join('\n'),
  );
  console.log(`\nfmt(true) throws ${error.name} (${error.code}):\n${error.message}`);
}

// The message names the set: the transformer names `const fmt = overload(…)` after its variable.
// (Without the transformer a function made by overload() has an empty name, as JavaScript gives a
// call's result no name; `Object.defineProperty(fmt, 'name', { value: 'fmt' })` names it.)
assert.equal(fmt.name, 'fmt');
// @ts-expect-error -- no case takes three numbers
assert.throws(() => fmt(1, 2, 3), { message: /^No overload of fmt\(\) accepts \(number, number, number\)\./ });
try {
  // @ts-expect-error -- as above
  fmt(1, 2, 3);
} catch (error) {
  console.log(`\nfmt(1, 2, 3) throws:\n${(error as Error).message}`);
}
