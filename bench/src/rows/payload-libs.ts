// is<Payload>(x) against the usual runtime validators, each used the way its documentation shows
// for a yes/no answer, with the schema built (and compiled, where the library can) once.
import { Ajv } from 'ajv';
import { type } from 'arktype';
import { is } from 'duckcall';
import * as v from 'valibot';
import { z } from 'zod';
import type { Row } from '../harness.js';
import { INVALID, VALID, type Payload } from '../payload-data.js';

// zod 4 set up as fast as it goes: z.compile() generates the schema's parser ahead of the first call
// (with z.object's own jit as the fallback).
const zodSchema = z.compile(z.object({
  id: z.number(),
  name: z.string(),
  email: z.string(),
  active: z.boolean(),
  tags: z.array(z.string()),
  address: z.object({ street: z.string(), city: z.string(), zip: z.string() }),
  createdAt: z.number(),
}));

const valibotSchema = v.object({
  id: v.number(),
  name: v.string(),
  email: v.string(),
  active: v.boolean(),
  tags: v.array(v.string()),
  address: v.object({ street: v.string(), city: v.string(), zip: v.string() }),
  createdAt: v.number(),
});

const arktypeSchema = type({
  id: 'number',
  name: 'string',
  email: 'string',
  active: 'boolean',
  tags: 'string[]',
  address: { street: 'string', city: 'string', zip: 'string' },
  createdAt: 'number',
});

const ajvValidate = new Ajv().compile<Payload>({
  type: 'object',
  properties: {
    id: { type: 'number' },
    name: { type: 'string' },
    email: { type: 'string' },
    active: { type: 'boolean' },
    tags: { type: 'array', items: { type: 'string' } },
    address: {
      type: 'object',
      properties: { street: { type: 'string' }, city: { type: 'string' }, zip: { type: 'string' } },
      required: ['street', 'city', 'zip'],
    },
    createdAt: { type: 'number' },
  },
  required: ['id', 'name', 'email', 'active', 'tags', 'address', 'createdAt'],
});

// One loop function per variant and per row (its own call site; no shared closures).

function validDuckcall(n: number): number {
  let count = 0;
  for (let i = 0; i < n; i++) if (is<Payload>(VALID[i & 15])) count++;
  return count;
}

function validZod(n: number): number {
  let count = 0;
  for (let i = 0; i < n; i++) if (zodSchema.safeParse(VALID[i & 15]).success) count++;
  return count;
}

function validValibot(n: number): number {
  let count = 0;
  for (let i = 0; i < n; i++) if (v.is(valibotSchema, VALID[i & 15])) count++;
  return count;
}

function validArktype(n: number): number {
  let count = 0;
  for (let i = 0; i < n; i++) if (arktypeSchema.allows(VALID[i & 15])) count++;
  return count;
}

function validAjv(n: number): number {
  let count = 0;
  for (let i = 0; i < n; i++) if (ajvValidate(VALID[i & 15])) count++;
  return count;
}

function invalidDuckcall(n: number): number {
  let count = 0;
  for (let i = 0; i < n; i++) if (is<Payload>(INVALID[i & 15])) count++;
  return count;
}

function invalidZod(n: number): number {
  let count = 0;
  for (let i = 0; i < n; i++) if (zodSchema.safeParse(INVALID[i & 15]).success) count++;
  return count;
}

function invalidValibot(n: number): number {
  let count = 0;
  for (let i = 0; i < n; i++) if (v.is(valibotSchema, INVALID[i & 15])) count++;
  return count;
}

function invalidArktype(n: number): number {
  let count = 0;
  for (let i = 0; i < n; i++) if (arktypeSchema.allows(INVALID[i & 15])) count++;
  return count;
}

function invalidAjv(n: number): number {
  let count = 0;
  for (let i = 0; i < n; i++) if (ajvValidate(INVALID[i & 15])) count++;
  return count;
}

const DUCKCALL = 'duckcall is<Payload>';
const ZOD = 'zod 4 z.compile() safeParse().success';
const VALIBOT = 'valibot is()';
const ARKTYPE = 'arktype allows()';
const AJV = 'ajv compiled validate()';
export const rows: Record<string, Row> = {
  valid: {
    baseline: DUCKCALL,
    expect: (n) => n,
    variants: [
      { name: DUCKCALL, loop: validDuckcall },
      { name: ZOD, loop: validZod },
      { name: VALIBOT, loop: validValibot },
      { name: ARKTYPE, loop: validArktype },
      { name: AJV, loop: validAjv },
    ],
  },
  invalid: {
    baseline: DUCKCALL,
    expect: () => 0,
    variants: [
      { name: DUCKCALL, loop: invalidDuckcall },
      { name: ZOD, loop: invalidZod },
      { name: VALIBOT, loop: invalidValibot },
      { name: ARKTYPE, loop: invalidArktype },
      { name: AJV, loop: invalidAjv },
    ],
  },
};
