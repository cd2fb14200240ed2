// is<Payload>(x) (duckcall/transformer writes the guard) against typia.createIs<Payload>() (typia's
// own transform writes it), on valid and invalid payloads.
import { is } from 'duckcall';
import typia from 'typia';
import type { Row } from '../harness.js';
import { INVALID, VALID, type Payload } from '../payload-data.js';

const typiaIs = typia.createIs<Payload>();

function validTypia(n: number): number {
  let count = 0;
  for (let i = 0; i < n; i++) if (typiaIs(VALID[i & 15])) count++;
  return count;
}
function validDuckcall(n: number): number {
  let count = 0;
  for (let i = 0; i < n; i++) if (is<Payload>(VALID[i & 15])) count++;
  return count;
}
function invalidTypia(n: number): number {
  let count = 0;
  for (let i = 0; i < n; i++) if (typiaIs(INVALID[i & 15])) count++;
  return count;
}
function invalidDuckcall(n: number): number {
  let count = 0;
  for (let i = 0; i < n; i++) if (is<Payload>(INVALID[i & 15])) count++;
  return count;
}

const TYPIA = 'typia.createIs<Payload>()';
const DUCKCALL = 'duckcall is<Payload>';
export const rows: Record<string, Row> = {
  valid: { baseline: TYPIA, expect: (n) => n, variants: [{ name: TYPIA, loop: validTypia }, { name: DUCKCALL, loop: validDuckcall }] },
  invalid: { baseline: TYPIA, expect: () => 0, variants: [{ name: TYPIA, loop: invalidTypia }, { name: DUCKCALL, loop: invalidDuckcall }] },
};
