/**
 * The project's own differential test (issue 8): seeded random types and values, each value judged
 * by the TypeScript checker (`isTypeAssignableTo` on the value's exact type, so excess properties are
 * allowed, as duckcall allows them) and by duckcall's `is<T>` compiled through the real engine.
 *
 * `DUCKCALL_DIFFERENTIAL=50000` judges about that many pairs (about 2 minutes for 50,000);
 * `DUCKCALL_DIFFERENTIAL_SEED=n` another seed; `DUCKCALL_DIFFERENTIAL_TIMES=1` prints where the time goes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agrees, report, run, type Judged, type Run } from './support/differential/judge.js';
import { FAMILIES, typeText, type Family, type Feature } from './support/differential/types.js';
import { valueExpr } from './support/differential/values.js';
import { removeProjects } from './support/project.js';

// ============================================================================================
// KNOWN DISAGREEMENTS: the features of a type (see `featuresOf`) on which duckcall's guard and the
// checker differ today, each with its item in issue 8. Remove an entry when its fix lands: the test
// fails while an entry no longer disagrees (so this list cannot go stale), and it fails on every
// disagreement that no entry explains.
// ============================================================================================
const KNOWN_DISAGREEMENTS: readonly { readonly feature: Feature; readonly item: number | 'new'; readonly what: string }[] = [];

afterAll(removeProjects);

const PAIRS = Number(process.env['DUCKCALL_DIFFERENTIAL'] ?? 2000);
const SEED = Number(process.env['DUCKCALL_DIFFERENTIAL_SEED'] ?? 8);

/** Families whose optional properties and elements `exactOptionalPropertyTypes` changes. */
const EXACT_FAMILIES: readonly Family[] = ['objects', 'tuples', 'mapped-conditional', 'index-signatures', 'generics', 'nested'];

const known = new Set(KNOWN_DISAGREEMENTS.map((k) => k.feature));
const knownFeaturesOf = (j: Judged): Feature[] => [...j.case.features].filter((f) => known.has(f));

let runs: Run[] = [];
let judged: Judged[] = [];

beforeAll(async () => {
  runs = [
    await run({ seed: SEED, pairs: Math.round(PAIRS * 0.8), families: FAMILIES }),
    await run({ seed: SEED + 1, pairs: Math.round(PAIRS * 0.2), families: EXACT_FAMILIES, compilerOptions: { exactOptionalPropertyTypes: true } }),
  ];
  judged = runs.flatMap((r) => r.judged);
  console.log(report(runs, (r) => (r.options.compilerOptions ? 'exactOptionalPropertyTypes' : 'default')));
}, 600_000);

function describeDisagreement(j: Judged): string {
  const duckcall = typeof j.duckcall === 'boolean' ? j.duckcall : j.duckcall.error.split('\n')[0];
  return `[${j.case.family}] is<${typeText(j.case.type)}>(${valueExpr(j.value)}): checker ${j.checker}, duckcall ${duckcall}`;
}

describe('is<T> against the checker', () => {
  it('judges enough pairs, from types and values the checker reads without error', () => {
    expect(judged.length).toBeGreaterThanOrEqual(Math.min(PAIRS, 2000));
    expect(runs.flatMap((r) => r.generatorErrors)).toEqual([]);
  });

  it('agrees on every pair that no known disagreement explains', () => {
    const unexplained = judged.filter((j) => !agrees(j) && knownFeaturesOf(j).length === 0);

    expect(unexplained.map(describeDisagreement)).toEqual([]);
  });

  it('still disagrees on each known disagreement, or its entry goes', () => {
    // A pair whose type has this feature and no other known one: once the fix lands there is none.
    const stale = KNOWN_DISAGREEMENTS.filter(({ feature }) => !judged.some((j) => !agrees(j) && knownFeaturesOf(j).join() === feature));

    expect(
      stale.map(({ feature, item }) => `no disagreement left on ${feature} (issue 8 item ${item}): remove it from KNOWN_DISAGREEMENTS`),
    ).toEqual([]);
  });
});
