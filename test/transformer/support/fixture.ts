/**
 * The typia-style fixture harness for generated guards: for each type, values that must be accepted
 * and values that must be rejected, each with the first path `validate<T>` reports.
 */
import { describe, expect, it } from 'vitest';
import type { Validation } from '../../../src/index.js';

export interface Guard {
  readonly is: (value: unknown) => boolean;
  readonly validate: (value: unknown) => Validation<unknown>;
}

export type Rejected = readonly [value: unknown, path: string];

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'symbol') return value.toString();
  if (typeof value === 'function') return `function ${value.name}`;
  if (typeof value === 'number' && Object.is(value, -0)) return '-0';
  if (typeof value !== 'object' || value === null) return String(value);
  const proto: unknown = Object.getPrototypeOf(value);
  const kind = proto === null ? 'null-prototype ' : proto === Object.prototype || proto === Array.prototype ? '' : `${(proto as { constructor?: { name?: string } }).constructor?.name ?? '?'} `;
  try {
    return `${kind}${(JSON.stringify(value) ?? '').slice(0, 50)}`;
  } catch {
    return `${kind}(cyclic or bigint)`;
  }
}

/** One type: every accepted value passes both checks; every rejected one fails both, at `path` first. */
export function fixture(name: string, guard: Guard, accept: readonly unknown[], reject: readonly Rejected[]): void {
  describe(name, () => {
    accept.forEach((value, i) => {
      it(`accepts ${show(value)} (#${i})`, () => {
        expect(guard.is(value)).toBe(true);
        const result = guard.validate(value);
        expect(result).toEqual({ success: true, data: value });
        if (result.success) expect(result.data).toBe(value);
      });
    });
    reject.forEach(([value, path], i) => {
      it(`rejects ${show(value)} at ${path} (#${i})`, () => {
        expect(guard.is(value)).toBe(false);
        const result = guard.validate(value);
        expect(result.success).toBe(false);
        if (result.success) return;
        expect(result.errors.length).toBeGreaterThan(0);
        expect(result.errors[0]!.path).toBe(path);
        for (const issue of result.errors) expect(issue.path.startsWith('$input')).toBe(true);
      });
    });
  });
}

/** The paths of every issue `validate` reports. */
export function paths(result: Validation<unknown>): string[] {
  return result.success ? [] : result.errors.map((issue) => issue.path);
}

