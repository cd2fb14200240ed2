// Dispatch over 4 interface-typed object cases, each guard checking the whole shape (as TypeScript's
// types require), against what a person writes calling the same functions: a `switch (x.kind)` with
// the same field checks for the set with a `kind` discriminant, a guard chain for the set told apart
// only by which properties they have.
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

const circle = (s: Circle): number => s.r * 3;
const rect = (s: Rect): number => s.w * s.h;
const triangle = (s: Triangle): number => s.a + s.b + s.c;
const square = (s: Square): number => s.side * s.side;
const disk = (s: Disk): number => s.r * 3;
const box = (s: Box): number => s.w * s.h;
const sides = (s: Sides): number => s.a + s.b + s.c;
const tile = (s: Tile): number => s.side * s.side;

export const tagged = overload(circle, rect, triangle, square);
export const untagged = overload(disk, box, sides, tile);

// ---- hand-written, checking what the types say --------------------------------------------------
// Module-local constants throughout, as the generated dispatcher reaches its guards and cases.

/** What a person writes for a `kind` union: a switch on the discriminant, then that kind's fields. */
const handSwitch = (v: unknown): number => {
  if (typeof v === 'object' && v !== null) {
    const o = v as Record<string, unknown>;
    switch (o.kind) {
      case 'circle':
        if (typeof o.r === 'number') return circle(o as unknown as Circle);
        break;
      case 'rect':
        if (typeof o.w === 'number' && typeof o.h === 'number') return rect(o as unknown as Rect);
        break;
      case 'triangle':
        if (typeof o.a === 'number' && typeof o.b === 'number' && typeof o.c === 'number') return triangle(o as unknown as Triangle);
        break;
      case 'square':
        if (typeof o.side === 'number') return square(o as unknown as Square);
        break;
    }
  }
  throw new TypeError('handSwitch: no case accepts this argument');
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isCircle = (v: unknown): v is Circle => isObject(v) && v.kind === 'circle' && typeof v.r === 'number';
const isRect = (v: unknown): v is Rect => isObject(v) && v.kind === 'rect' && typeof v.w === 'number' && typeof v.h === 'number';
const isTriangle = (v: unknown): v is Triangle =>
  isObject(v) && v.kind === 'triangle' && typeof v.a === 'number' && typeof v.b === 'number' && typeof v.c === 'number';
const isSquare = (v: unknown): v is Square => isObject(v) && v.kind === 'square' && typeof v.side === 'number';
/** The same checks as a chain of guards (for scale). */
const handTagged = (v: unknown): number => {
  if (isCircle(v)) return circle(v);
  if (isRect(v)) return rect(v);
  if (isTriangle(v)) return triangle(v);
  if (isSquare(v)) return square(v);
  throw new TypeError('handTagged: no case accepts this argument');
};

const isDisk = (v: unknown): v is Disk => isObject(v) && typeof v.r === 'number';
const isBox = (v: unknown): v is Box => isObject(v) && typeof v.w === 'number' && typeof v.h === 'number';
const isSides = (v: unknown): v is Sides => isObject(v) && typeof v.a === 'number' && typeof v.b === 'number' && typeof v.c === 'number';
const isTile = (v: unknown): v is Tile => isObject(v) && typeof v.side === 'number';
const handUntagged = (v: unknown): number => {
  if (isDisk(v)) return disk(v);
  if (isBox(v)) return box(v);
  if (isSides(v)) return sides(v);
  if (isTile(v)) return tile(v);
  throw new TypeError('handUntagged: no case accepts this argument');
};

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

function taggedSwitch(n: number): number {
  let sink = 0;
  for (let i = 0; i < n; i++) sink += handSwitch(TAGGED[i & 15]);
  return sink;
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
const SWITCH = 'hand-written switch (x.kind)';
const TYPED = 'duckcall overload (typed cases)';
export const rows: Record<string, Row> = {
  tagged: {
    baseline: SWITCH,
    variants: [{ name: SWITCH, loop: taggedSwitch }, { name: TYPED, loop: taggedDuckcall }, { name: HAND, loop: taggedHand }],
  },
  untagged: { baseline: HAND, variants: [{ name: HAND, loop: untaggedHand }, { name: TYPED, loop: untaggedDuckcall }] },
};
