/**
 * Duplicate and shadowed cases. TypeScript (and so duckcall) runs the first case that fits, so a
 * case whose every argument list an earlier case also accepts can never run.
 */
import ts from 'typescript';
import type { Position } from './parameters.js';

interface Arity {
  readonly min: number;
  readonly max: number;
}

function arity(positions: readonly Position[]): Arity {
  const lastRequired = positions.map((p) => p.flag).lastIndexOf('required');
  const hasRest = positions.some((p) => p.flag === 'rest');
  return { min: lastRequired + 1, max: hasRest ? Infinity : positions.length };
}

function typeAt(positions: readonly Position[], i: number): ts.Type | undefined {
  if (i < positions.length && positions[i]!.flag !== 'rest') return positions[i]!.type;
  const rest = positions.find((p) => p.flag === 'rest');
  return rest?.type;
}

/** Every argument list `later` accepts is also accepted by `earlier`. */
export function covers(checker: ts.TypeChecker, earlier: readonly Position[], later: readonly Position[]): boolean {
  const a = arity(earlier);
  const b = arity(later);
  if (b.min < a.min || b.max > a.max) return false;
  // Positions past both fixed lists are all rest positions: checking one more than the longer list covers them.
  const last = Math.max(earlier.length, later.length) + 1;
  for (let i = 0; i < Math.min(b.max, last); i++) {
    const mine = typeAt(later, i);
    const theirs = typeAt(earlier, i);
    if (!mine) break;
    if (!theirs || !checker.isTypeAssignableTo(mine, theirs)) return false;
  }
  return true;
}
