// Dispatch over 4 interface-typed object cases, each guard checking the whole shape (as TypeScript's
// types require), against a hand-written guard chain calling the same functions. Two sets: with a
// `kind` discriminant, and told apart only by which properties they have.
import { overload } from 'duckcall';
import type { Row } from '../harness.js';

export interface Circle { kind: 'circle'; r: number }
export interface Rect { kind: 'rect'; w: number; h: number }
export interface Triangle { kind: 'triangle'; a: number; b: number; c: number }
export interface Square { kind: 'square'; side: number }

export interface Disk { r: number }
export interface Box { w: number; h: number }
export interface Sides { a: number; b: number; c: number }
export interface Tile { side: number }

function circle(s: Circle): number { return s.r * 3; }
function rect(s: Rect): number { return s.w * s.h; }
function triangle(s: Triangle): number { return s.a + s.b + s.c; }
function square(s: Square): number { return s.side * s.side; }
function disk(s: Disk): number { return s.r * 3; }
function box(s: Box): number { return s.w * s.h; }
function sides(s: Sides): number { return s.a + s.b + s.c; }
function tile(s: Tile): number { return s.side * s.side; }

export const tagged = overload(circle, rect, triangle, square);
export const untagged = overload(disk, box, sides, tile);

// ---- hand-written guards, checking what the types say ------------------------------------------

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}
function isCircle(v: unknown): v is Circle {
  return isObject(v) && v.kind === 'circle' && typeof v.r === 'number';
}
function isRect(v: unknown): v is Rect {
  return isObject(v) && v.kind === 'rect' && typeof v.w === 'number' && typeof v.h === 'number';
}
function isTriangle(v: unknown): v is Triangle {
  return isObject(v) && v.kind === 'triangle' && typeof v.a === 'number' && typeof v.b === 'number' && typeof v.c === 'number';
}
function isSquare(v: unknown): v is Square {
  return isObject(v) && v.kind === 'square' && typeof v.side === 'number';
}
function handTagged(v: unknown): number {
  if (isCircle(v)) return circle(v);
  if (isRect(v)) return rect(v);
  if (isTriangle(v)) return triangle(v);
  if (isSquare(v)) return square(v);
  throw new TypeError('handTagged: no case accepts this argument');
}

function isDisk(v: unknown): v is Disk {
  return isObject(v) && typeof v.r === 'number';
}
function isBox(v: unknown): v is Box {
  return isObject(v) && typeof v.w === 'number' && typeof v.h === 'number';
}
function isSides(v: unknown): v is Sides {
  return isObject(v) && typeof v.a === 'number' && typeof v.b === 'number' && typeof v.c === 'number';
}
function isTile(v: unknown): v is Tile {
  return isObject(v) && typeof v.side === 'number';
}
function handUntagged(v: unknown): number {
  if (isDisk(v)) return disk(v);
  if (isBox(v)) return box(v);
  if (isSides(v)) return sides(v);
  if (isTile(v)) return tile(v);
  throw new TypeError('handUntagged: no case accepts this argument');
}

// ---- inputs: 16 objects, the 4 kinds in rotation -----------------------------------------------

const TAGGED: unknown[] = [];
const UNTAGGED: unknown[] = [];
for (let j = 0; j < 16; j++) {
  switch (j & 3) {
    case 0:
      TAGGED.push({ kind: 'circle', r: j });
      UNTAGGED.push({ r: j });
      break;
    case 1:
      TAGGED.push({ kind: 'rect', w: j, h: 2 });
      UNTAGGED.push({ w: j, h: 2 });
      break;
    case 2:
      TAGGED.push({ kind: 'triangle', a: j, b: 1, c: 2 });
      UNTAGGED.push({ a: j, b: 1, c: 2 });
      break;
    default:
      TAGGED.push({ kind: 'square', side: j });
      UNTAGGED.push({ side: j });
  }
}

function taggedHand(n: number): number {
  let sink = 0;
  for (let i = 0; i < n; i++) sink += handTagged(TAGGED[i & 15]);
  return sink;
}
function taggedDuckcall(n: number): number {
  let sink = 0;
  for (let i = 0; i < n; i++) sink += (tagged(TAGGED[i & 15] as any) as number);
  return sink;
}
function untaggedHand(n: number): number {
  let sink = 0;
  for (let i = 0; i < n; i++) sink += handUntagged(UNTAGGED[i & 15]);
  return sink;
}
function untaggedDuckcall(n: number): number {
  let sink = 0;
  for (let i = 0; i < n; i++) sink += (untagged(UNTAGGED[i & 15] as any) as number);
  return sink;
}

const HAND = 'hand-written guard chain';
const TYPED = 'duckcall overload (typed cases)';
export const rows: Record<string, Row> = {
  tagged: { baseline: HAND, variants: [{ name: HAND, loop: taggedHand }, { name: TYPED, loop: taggedDuckcall }] },
  untagged: { baseline: HAND, variants: [{ name: HAND, loop: untaggedHand }, { name: TYPED, loop: untaggedDuckcall }] },
};
