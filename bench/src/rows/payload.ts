// is<Payload>(x) (duckcall/transformer writes the guard) against typia.createIs<Payload>() (typia's
// own transform writes it), on valid and invalid payloads; validate<Payload>(x) against
// typia.createValidate<Payload>() on invalid ones (each has exactly one wrong leaf, so both must
// report exactly one issue per call: the loops count them).
import { is, validate } from 'duckcall';
import typia from 'typia';
import type { Row } from '../harness.js';
import { INVALID, VALID, type Payload } from '../payload-data.js';

const typiaIs = typia.createIs<Payload>();
const typiaValidate = typia.createValidate<Payload>();

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
function validateInvalidTypia(n: number): number {
  let issues = 0;
  for (let i = 0; i < n; i++) {
    const result = typiaValidate(INVALID[i & 15]);
    if (!result.success) issues += result.errors.length;
  }
  return issues;
}
function validateInvalidDuckcall(n: number): number {
  let issues = 0;
  for (let i = 0; i < n; i++) {
    const result = validate<Payload>(INVALID[i & 15]);
    if (!result.success) issues += result.errors.length;
  }
  return issues;
}

const TYPIA = 'typia.createIs<Payload>()';
const DUCKCALL = 'duckcall is<Payload>';
const TYPIA_VALIDATE = 'typia.createValidate<Payload>()';
const DUCKCALL_VALIDATE = 'duckcall validate<Payload>';
export const rows: Record<string, Row> = {
  valid: { baseline: TYPIA, expect: (n) => n, variants: [{ name: TYPIA, loop: validTypia }, { name: DUCKCALL, loop: validDuckcall }] },
  invalid: { baseline: TYPIA, expect: () => 0, variants: [{ name: TYPIA, loop: invalidTypia }, { name: DUCKCALL, loop: invalidDuckcall }] },
  'validate-invalid': {
    baseline: TYPIA_VALIDATE,
    expect: (n) => n,
    variants: [
      { name: TYPIA_VALIDATE, loop: validateInvalidTypia },
      { name: DUCKCALL_VALIDATE, loop: validateInvalidDuckcall },
    ],
  },
};
