// The functions every dispatcher in a row calls, and the inputs the loops feed them. The baseline
// (a hand-written chain) and duckcall call these same functions, so a row compares dispatch only.

/** A class with a `#private` member: TypeScript treats it nominally, so its guard is `instanceof`. */
export class Vec {
  #tag = 1;
  constructor(
    readonly x: number,
    readonly y: number,
  ) {}
  get tag(): number {
    return this.#tag;
  }
}

export function onNumber(n: number): number {
  return n * 2;
}
export function onString(s: string): number {
  return s.length;
}
export function onVec(v: Vec): number {
  return v.x + v.y;
}
export function onPair(a: number, b: number): number {
  return a - b;
}

/** 16 slots: slot j holds a number, a string, a Vec or nothing (a pair call) by j & 3. */
export const MIXED: unknown[] = [];
/** The two arguments of the pair calls, by slot. */
export const PAIR_A: number[] = [];
export const PAIR_B: number[] = [];
/** One kind per array, for the call sites that see one type. */
export const NUMBERS: number[] = [];
export const STRINGS: string[] = [];
export const VECS: Vec[] = [];

for (let j = 0; j < 16; j++) {
  NUMBERS.push(j + 1);
  STRINGS.push('s'.repeat(1 + (j % 5)));
  VECS.push(new Vec(j, 2 * j));
  PAIR_A.push(10 + j);
  PAIR_B.push(j);
  const kind = j & 3;
  MIXED.push(kind === 0 ? NUMBERS[j] : kind === 1 ? STRINGS[j] : kind === 2 ? VECS[j] : null);
}
