/**
 * A module that imports duckcall's protocol functions only through a re-export (reexport.ts), so
 * the transformer must recognise them by declaration and still import its runtime correctly.
 */
import { isA, assert, validate, protocol } from './reexport.js';

export interface Named { name: string; greet(): string }

export function isNamed(value: unknown): boolean {
  return isA<Named>(value);
}

export function assertNamed(value: unknown): void {
  assert<Named>(value);
}

export function validateNamed(value: unknown) {
  return validate<Named>(value);
}

export const NamedP = protocol<Named>();
