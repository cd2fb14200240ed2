// is<Payload[]>(x) against typia.createIs<Payload[]>() on valid arrays of 10, 1,000 and 100,000
// payloads (the element check at scale: a shared helper that goes megamorphic, or a loop the
// engine can inline). Each row builds only its own arrays.
import { is } from 'duckcall';
import typia from 'typia';
import type { Row } from '../harness.js';
import { makePayload, type Payload } from '../payload-data.js';

const typiaIs = typia.createIs<Payload[]>();

function arrayRow(size: number): Row {
  // Every element is its own object. 16 arrays of 10 (so no call sees the previous call's array);
  // one of 1,000, which stays in the CPU's cache as a hot array does (16 of them would not: the row
  // would time memory, not the check); two of 100,000, which no cache holds.
  const count = size >= 100_000 ? 2 : size >= 1000 ? 1 : 16;
  const arrays: unknown[][] = [];
  for (let k = 0; k < count; k++) arrays.push(Array.from({ length: size }, (_, j) => makePayload(k * size + j, true)));
  const mask = count - 1;
  function viaTypia(n: number): number {
    let ok = 0;
    for (let i = 0; i < n; i++) if (typiaIs(arrays[i & mask])) ok++;
    return ok;
  }
  function viaDuckcall(n: number): number {
    let ok = 0;
    for (let i = 0; i < n; i++) if (is<Payload[]>(arrays[i & mask])) ok++;
    return ok;
  }
  return {
    baseline: TYPIA,
    expect: (n) => n,
    checks: size >= 100_000 ? [1, 2, 3] : undefined,
    variants: [{ name: TYPIA, loop: viaTypia }, { name: DUCKCALL, loop: viaDuckcall }],
  };
}

const TYPIA = 'typia.createIs<Payload[]>()';
const DUCKCALL = 'duckcall is<Payload[]>';
export const rows: Record<string, Row> = {
  get 'is-10'() {
    return arrayRow(10);
  },
  get 'is-1000'() {
    return arrayRow(1000);
  },
  get 'is-100000'() {
    return arrayRow(100_000);
  },
};
