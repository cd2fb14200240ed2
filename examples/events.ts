// Event handlers chosen by the shape of the payload: the first case whose type the event fits
// runs, with a generic fallback last. Payloads usually arrive as JSON (a socket, postMessage, a
// queue), typed `any`, so the compiler cannot pick the case: the guards made from the types do.
import assert from 'node:assert/strict';
import { NoMatchingOverloadError, overload, which } from 'duckcall';

interface Click { type: 'click'; x: number; y: number; button?: 'left' | 'right' }
interface Key { type: 'key'; key: string; modifiers?: ('shift' | 'ctrl' | 'alt')[] }
interface AnyEvent { type: string }

const handle = overload(
  (e: Click) => `click at (${e.x}, ${e.y})${e.button === 'right' ? ' with the right button' : ''}`,
  (e: Key) => `key ${[...(e.modifiers ?? []), e.key].join('+')}`,
  (e: AnyEvent) => `unhandled '${e.type}' event`,
);

const wire = [
  '{ "type": "click", "x": 10, "y": 20 }',
  '{ "type": "click", "x": 3, "y": 4, "button": "right" }',
  '{ "type": "key", "key": "s", "modifiers": ["ctrl"] }',
  '{ "type": "key", "key": "Enter" }',
  '{ "type": "scroll", "dy": -120 }',
  '{ "type": "click", "x": "10", "y": 20 }',
  '{ "type": "key", "key": "q", "modifiers": ["meta"] }',
];
const handled = wire.map((line) => handle(JSON.parse(line)));
assert.deepEqual(handled, [
  'click at (10, 20)',
  'click at (3, 4) with the right button',
  'key ctrl+s',
  'key Enter',
  "unhandled 'scroll' event",
  "unhandled 'click' event", // x is a string: not a Click, so the fallback runs
  "unhandled 'key' event", //   'meta' is not a modifier Key allows
]);
wire.forEach((line, i) => console.log(`${line.padEnd(56)} -> ${handled[i]}`));

// `which` tells which handler an event would get, without running it.
assert.equal(which(handle, { type: 'key', key: 'a' })?.signature, '(e: Key) => string');
assert.equal(which(handle, { type: 'click', x: 1 })?.signature, '(e: AnyEvent) => string');

// Typed events get the case the compiler picks, and the same case runs.
const click: Click = { type: 'click', x: 1, y: 2 };
assert.equal(handle(click), 'click at (1, 2)');

// Extending the set: an overloaded function as a case is spliced in at that position, so a new
// handler goes before `handle` to come before its fallback. `handle` itself is unchanged.
interface Resize { type: 'resize'; width: number; height: number }
const handleMore = overload(
  (e: Resize) => `resize to ${e.width}x${e.height}`,
  handle,
);
const resize = JSON.parse('{ "type": "resize", "width": 800, "height": 600 }');
assert.equal(handleMore(resize), 'resize to 800x600');
assert.equal(handle(resize), "unhandled 'resize' event");
assert.equal(handleMore(click), 'click at (1, 2)');
console.log(`\nhandleMore(resize) -> ${handleMore(resize)}; handle(resize) -> ${handle(resize)}`);

// Anything without a string `type` is no event at all.
try {
  handle(JSON.parse('{ "kind": "click" }'));
  assert.fail('expected NoMatchingOverloadError');
} catch (error) {
  assert.ok(error instanceof NoMatchingOverloadError);
  console.log(`\nhandle({ kind: 'click' }) throws:\n${error.message}`);
}
