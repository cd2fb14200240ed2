// The cost of a call no case accepts: duckcall builds a NoMatchingOverloadError with every
// candidate's reasons (4 cases here). The hand-written chain throwing a plain TypeError is shown
// for scale only.
import { NoMatchingOverloadError } from 'duckcall';
import type { Row } from '../harness.js';
import { handChain, typed } from './dispatch.js';

const BAD: unknown[] = [true, false];

function throwsTyped(n: number): number {
  let caught = 0;
  for (let i = 0; i < n; i++) {
    try {
      typed(BAD[i & 1] as any);
    } catch (error) {
      if (error instanceof NoMatchingOverloadError && error.candidates.length === 4) caught++;
    }
  }
  return caught;
}

function throwsHand(n: number): number {
  let caught = 0;
  for (let i = 0; i < n; i++) {
    try {
      handChain(BAD[i & 1]);
    } catch (error) {
      if (error instanceof TypeError) caught++;
    }
  }
  return caught;
}

const TYPED = 'duckcall overload (typed cases)';
export const rows: Record<string, Row> = {
  throw: {
    baseline: TYPED,
    expect: (n) => n,
    variants: [
      { name: TYPED, loop: throwsTyped },
      { name: 'hand-written chain, throw new TypeError', loop: throwsHand },
    ],
  },
};
