// The 4-case job of rows/dispatch.ts (number, string, class instance, (number, number)) with
// @arrows/multimethod and ts-pattern, each written the way its documentation shows, against
// duckcall's typed overload, at a mixed call site.
import { method, multi } from '@arrows/multimethod';
import { match, P } from 'ts-pattern';
import type { Row } from '../harness.js';
import { MIXED, onNumber, onPair, onString, onVec, PAIR_A, PAIR_B, Vec } from '../impls.js';
import { mixedTyped } from './dispatch.js';

const isNumber = (v: unknown): boolean => typeof v === 'number';
const isString = (v: unknown): boolean => typeof v === 'string';

// multimethod's default dispatch value is the argument (one argument) or the argument list (more),
// and a top-level predicate is called with every argument, so the pair case goes first.
const viaMultimethod = multi(
  method([isNumber, isNumber], (a: number, b: number) => onPair(a, b)),
  method(isNumber, (n: number) => onNumber(n)),
  method(isString, (s: string) => onString(s)),
  method(Vec, (v: Vec) => onVec(v)),
) as (...args: unknown[]) => number;

// ts-pattern matches one value: a one-argument call matches the argument itself and only a
// two-argument call builds the tuple it matches, with every pattern and handler made once, so the
// row measures ts-pattern's matching, not closures and argument arrays allocated per call.
const numberCase = onNumber;
const stringCase = onString;
const vecCase = onVec;
const pairCase = ([a, b]: [number, number]): number => onPair(a, b);
const VEC = P.instanceOf(Vec);
const PAIR = [P.number, P.number] as const;
const noCase = (): never => {
  throw new TypeError('viaTsPattern: no case accepts these arguments');
};

const viaTsPattern = function (a: unknown, b?: unknown): number {
  if (arguments.length === 1) {
    return match(a)
      .with(P.number, numberCase)
      .with(P.string, stringCase)
      .with(VEC, vecCase)
      .otherwise(noCase);
  }
  return match([a, b]).with(PAIR, pairCase).otherwise(noCase);
};

function mixedMultimethod(n: number): number {
  let sink = 0;
  for (let i = 0; i < n; i++) {
    const j = i & 15;
    sink += (j & 3) === 3 ? viaMultimethod(PAIR_A[j], PAIR_B[j]) : viaMultimethod(MIXED[j]);
  }
  return sink;
}

function mixedTsPattern(n: number): number {
  let sink = 0;
  for (let i = 0; i < n; i++) {
    const j = i & 15;
    sink += (j & 3) === 3 ? viaTsPattern(PAIR_A[j], PAIR_B[j]) : viaTsPattern(MIXED[j]);
  }
  return sink;
}

const TYPED = 'duckcall overload (typed cases)';
export const rows: Record<string, Row> = {
  mixed: {
    baseline: TYPED,
    variants: [
      { name: TYPED, loop: mixedTyped },
      { name: '@arrows/multimethod', loop: mixedMultimethod },
      { name: 'ts-pattern', loop: mixedTsPattern },
    ],
  },
};
