/**
 * API.md §1: values from another realm are judged by the same rules (issue 9, item 5). Plain objects
 * for index signatures and `Record`, and `Map`, `Set`, `Date`, typed arrays made by `node:vm`.
 */
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { is, overload, validate } from '../../src/index.js';

const other = (code: string): unknown => vm.runInNewContext(code);

interface Tagged { [key: string]: number }
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

describe('values from another realm', () => {
  it('plain objects fit index signatures and Record', () => {
    expect(is<Record<string, number>>(other('({ a: 1, b: 2 })'))).toBe(true);
    expect(is<Tagged>(other('({ a: 1 })'))).toBe(true);
    expect(is<Record<string, number>>(other('({ a: "x" })'))).toBe(false);
    expect(is<Json>(other('({ a: [1, "b", { c: null }] })'))).toBe(true);
    expect(is<Record<string, number>>(other('Object.create(null)'))).toBe(true);
  });

  it('class instances and arrays from another realm still do not fit an index signature', () => {
    expect(is<Record<string, number>>(other('new (class A { constructor() { this.a = 1 } })()'))).toBe(false);
    expect(is<Record<string, number>>(other('new Map()'))).toBe(false);
  });

  it('Map, Set, Date, Uint8Array and RegExp from another realm', () => {
    expect(is<Map<string, number>>(other('new Map([["a", 1]])'))).toBe(true);
    expect(is<Map<string, number>>(other('new Map([["a", "x"]])'))).toBe(false);
    expect(is<ReadonlyMap<string, number>>(other('new Map([["a", 1]])'))).toBe(true);
    expect(is<Set<number>>(other('new Set([1, 2])'))).toBe(true);
    expect(is<Set<number>>(other('new Set(["1"])'))).toBe(false);
    expect(is<ReadonlySet<number>>(other('new Map([[1, 1]])'))).toBe(false);
    expect(is<Date>(other('new Date(0)'))).toBe(true);
    expect(is<Uint8Array>(other('new Uint8Array(2)'))).toBe(true);
    expect(is<Uint8Array>(other('new Int8Array(2)'))).toBe(false);
    expect(is<RegExp>(other('/a/g'))).toBe(true);
    expect(is<{ [index: number]: number }>(other('new Float64Array([1, 2])'))).toBe(true);
  });

  it('look-alikes from this realm or another are not instances', () => {
    expect(is<Map<string, number>>(other('({ size: 0, get() {}, has() {} })'))).toBe(false);
    expect(is<Date>(other('Object.create(Date.prototype)'))).toBe(false);
  });

  it('a compiled dispatcher picks the case for another realm\'s value', () => {
    const kind = overload(
      (d: Date) => 'date',
      (m: Map<string, number>) => 'map',
      (r: Record<string, number>) => 'record',
      (x: unknown) => 'other',
    );
    expect(kind(other('new Date(0)'))).toBe('date');
    expect(kind(other('new Map([["a", 1]])'))).toBe('map');
    expect(kind(other('({ a: 1 })'))).toBe('record');
    expect(kind(other('[1]'))).toBe('other');
  });

  it('validate reports inside another realm\'s Map', () => {
    const result = validate<{ m: Map<string, number> }>({ m: other('new Map([["a", 1], ["b", "x"]])') });
    expect(result.success === false && result.errors.map((e) => e.path)).toEqual(['$input.m[1][1]']);
  });
});
