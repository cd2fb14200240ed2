// typia validators as `when` matchers: `typia.createValidate<T>()` is a Standard Schema and
// `typia.createIs<T>()` a type-guard predicate, so people who already use typia can mix its
// validators, tags included, into overload sets next to duckcall's typed cases. typia needs its own
// transform: examples/tsconfig.json runs typia's after duckcall's ("plugins"), as bench/ does.
import assert from 'node:assert/strict';
import typia, { type tags } from 'typia';
import { casesOf, NoMatchingOverloadError, overload, when, which } from 'duckcall';

interface Order {
  id: string & tags.Format<'uuid'>;
  lines: { sku: string; quantity: number & tags.Type<'uint32'> & tags.Minimum<1> }[];
}
interface Refund {
  orderId: string & tags.Format<'uuid'>;
  cents: number & tags.Type<'uint32'>;
}

const validOrder = typia.createValidate<Order>(); // a Standard Schema: issues come with their paths
const isRefund = typia.createIs<Refund>(); //          (input: unknown) => input is Refund

const post = overload(
  when([validOrder], (order) => `order ${order.id.slice(0, 8)}: ${order.lines.length} line(s)`),
  when([isRefund], (refund) => `refund of ${refund.cents} cents`),
  (note: string) => `note: ${note}`, // a typed case: its guard comes from duckcall's transformer
);

const id = '2f1d3c4b-5a69-4788-9abc-def012345678';
const results = [
  post({ id, lines: [{ sku: 'duck', quantity: 2 }] }),
  post({ orderId: id, cents: 250 }),
  post('thanks'),
];
assert.deepEqual(results, ['order 2f1d3c4b: 1 line(s)', 'refund of 250 cents', 'note: thanks']);
for (const line of results) console.log(line);

assert.deepEqual(
  casesOf(post).map((c) => c.signature),
  ['(typia schema)', '(predicate)', '(note: string) => string'], // typia's functions are anonymous
);
assert.equal(which(post, { orderId: id, cents: 1.5 }), undefined); // uint32: typia's tag, checked by typia

// No case accepts a quantity of 0 (tags.Minimum<1>): the error lists typia's issue at its path.
try {
  post({ id, lines: [{ sku: 'duck', quantity: 0 }] } as never);
  assert.fail('expected NoMatchingOverloadError');
} catch (error) {
  assert.ok(error instanceof NoMatchingOverloadError);
  const [fromTypia] = error.candidates[0]!.errors;
  assert.equal(fromTypia?.path, '$args[0].lines[0].quantity');
  assert.equal(fromTypia?.value, 0);
  console.log(error.message.split('\n').slice(0, 2).join('\n'));
}
