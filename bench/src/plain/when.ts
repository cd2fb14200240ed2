// The same 4-case job with `when` cases and constructor matchers, as a user without the transformer
// writes it. bench/tsconfig.plain.json compiles this folder with plain tsc: no duckcall transformer.
import { overload, when } from 'duckcall';
import type { Row } from '../harness.js';
import { MIXED, onNumber, onPair, onString, onVec, PAIR_A, PAIR_B, Vec } from '../impls.js';

export const byWhen = overload(
  when([Number], onNumber),
  when([String], onString),
  when([Vec], onVec),
  when([Number, Number], onPair),
);

// The baseline reaches its functions as the dispatcher does: module-local constants.
const numberCase = onNumber;
const stringCase = onString;
const vecCase = onVec;
const pairCase = onPair;
const VecClass = Vec;

const handChain = function (a: unknown, b?: unknown): number {
  if (arguments.length === 1) {
    if (typeof a === 'number') return numberCase(a);
    if (typeof a === 'string') return stringCase(a);
    if (a instanceof VecClass) return vecCase(a);
  } else if (arguments.length === 2 && typeof a === 'number' && typeof b === 'number') {
    return pairCase(a, b);
  }
  throw new TypeError('handChain: no case accepts these arguments');
};

function mixedHand(n: number): number {
  let sink = 0;
  for (let i = 0; i < n; i++) {
    const j = i & 15;
    sink += (j & 3) === 3 ? handChain(PAIR_A[j], PAIR_B[j]) : handChain(MIXED[j]);
  }
  return sink;
}

function mixedWhen(n: number): number {
  let sink = 0;
  for (let i = 0; i < n; i++) {
    const j = i & 15;
    sink += (j & 3) === 3 ? byWhen(PAIR_A[j]!, PAIR_B[j]!) : (byWhen(MIXED[j] as any) as number);
  }
  return sink;
}

const HAND = 'hand-written chain';
export const rows: Record<string, Row> = {
  mixed: { baseline: HAND, variants: [{ name: HAND, loop: mixedHand }, { name: 'duckcall overload (when + constructor matchers)', loop: mixedWhen }] },
};
