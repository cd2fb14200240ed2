// A program for the bytes rows (bench/lib/size.mjs) that uses only `when` (no transformer): the
// 4-case job of rows/dispatch.ts with constructor matchers.
import { overload, when } from 'duckcall';
import { onNumber, onPair, onString, onVec, Vec } from '../impls.js';

export const byWhen = overload(
  when([Number], onNumber),
  when([String], onString),
  when([Vec], onVec),
  when([Number, Number], onPair),
);
