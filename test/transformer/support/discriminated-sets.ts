/**
 * Overload sets for discriminant-dispatch.test.ts: 4, 16 and 64 cases told apart by `kind`, with
 * cases that share a value (a literal union, a union of two types), one with a numeric discriminant,
 * an intersection, an index signature, an optional property or parameter and a nested array, and
 * cases without a discriminant mixed in (`kind: string`, `string`, `{ size: number }`, …). Each
 * case returns its index. Per set: `guards`, the first-match chain of the cases' own guards
 * (`is<T>` per parameter, a throwing check not matching), and `pools`, the kinds and fields each
 * case reads, for generating values near them (a field's first letter says its type: `n`, `u`
 * number, `s`, `o` string, `b`, `t` boolean, `l` number[], `z` anything).
 */
import { is, overload } from '../../../src/index.js';

/** A case's parameters as the chain checks them: the argument count it takes, and its checks in order. */
export interface ChainCase {
  readonly counts: readonly number[];
  readonly checks: readonly ((v: unknown) => boolean)[];
}

/** Which case a first-match chain of the guards picks (-1: none). */
export function firstMatch(chain: readonly ChainCase[], args: readonly unknown[]): number {
  return chain.findIndex(({ counts, checks }) => {
    if (!counts.includes(args.length)) return false;
    try {
      return checks.every((check, i) => i >= args.length || check(args[i]));
    } catch {
      return false;
    }
  });
}

/** The discriminant values and property names one case reads. */
export interface Pool {
  readonly kinds: readonly (string | number)[];
  readonly fields: readonly string[];
}

// ---- 8 cases, 4 of them discriminated -----------------------------------------------------------

interface Four0 { kind: 'k0'; n0: number }
interface Four1 { kind: 'k1' | 'k0'; s1: string }
interface Four2 { kind: 'k2'; n2: number; o2?: string }
interface Four3 { kind: 'k3'; b3: boolean }

export const four = overload(
  (s: Four0) => 0,
  (s: Four1) => 1,
  (s: Four2) => 2,
  (x: { kind: string; other: number }) => 3,
  (s: Four3, m?: number) => 4,
  (x: string) => 5,
  (x: { size: number }) => 6,
  (x: number[]) => 7,
);

export const fourChain: readonly ChainCase[] = [
  { counts: [1], checks: [(v) => is<Four0>(v)] },
  { counts: [1], checks: [(v) => is<Four1>(v)] },
  { counts: [1], checks: [(v) => is<Four2>(v)] },
  { counts: [1], checks: [(v) => is<{ kind: string; other: number }>(v)] },
  { counts: [1, 2], checks: [(v) => is<Four3>(v), (v) => is<number | undefined>(v)] },
  { counts: [1], checks: [(v) => is<string>(v)] },
  { counts: [1], checks: [(v) => is<{ size: number }>(v)] },
  { counts: [1], checks: [(v) => is<number[]>(v)] },
];

export const fourPools: readonly Pool[] = [
  { kinds: ["k0"], fields: ["n0"] },
  { kinds: ["k1","k0"], fields: ["s1"] },
  { kinds: ["k2"], fields: ["n2","o2"] },
  { kinds: ["k0","zz"], fields: ["other"] },
  { kinds: ["k3"], fields: ["b3"] },
  { kinds: [], fields: [] },
  { kinds: [], fields: ["size"] },
  { kinds: [], fields: [] },
];

// ---- 22 cases, 16 of them discriminated ---------------------------------------------------------

interface Sixteen0 { kind: 'k0'; n0: number }
interface Sixteen1 { kind: 'k1' | 'k0'; s1: string }
interface Sixteen2 { kind: 'k2'; n2: number; o2?: string }
interface Sixteen3 { kind: 'k3'; b3: boolean }
interface Sixteen4 { kind: 'k4' | 'k2'; u4: number }
interface Sixteen6 { kind: 6; l6: number[] }
interface Sixteen7 { kind: 'k7'; [key: string]: unknown }
interface Sixteen8 { kind: 'k8'; n8: number }
interface Sixteen9 { kind: 'k9' | 'k8'; s9: string }
interface Sixteen10 { kind: 'k10'; n10: number; o10?: string }
interface Sixteen11 { kind: 'k11'; b11: boolean }
interface Sixteen12 { kind: 'k12' | 'k10'; u12: number }
interface Sixteen14 { kind: 14; l14: number[] }
interface Sixteen15 { kind: 'k15'; [key: string]: unknown }

export const sixteen = overload(
  (s: Sixteen0) => 0,
  (s: Sixteen1) => 1,
  (s: Sixteen2) => 2,
  (s: Sixteen3, m?: number) => 3,
  (x: { kind: string; other: number }) => 4,
  (s: Sixteen4 | Sixteen1) => 5,
  (s: { kind: 'k5' } & { t5: boolean }) => 6,
  (s: Sixteen6) => 7,
  (s: Sixteen7) => 8,
  (s: Sixteen0, m: number) => 9,
  (x: string) => 10,
  (s: Sixteen8) => 11,
  (s: Sixteen9) => 12,
  (s: Sixteen10) => 13,
  (s: Sixteen11, m?: number) => 14,
  (x: { size: number }) => 15,
  (s: Sixteen12 | Sixteen9) => 16,
  (s: { kind: 'k13' } & { t13: boolean }) => 17,
  (s: Sixteen14) => 18,
  (s: Sixteen15) => 19,
  (s: Sixteen8, m: number) => 20,
  (x: number[]) => 21,
);

export const sixteenChain: readonly ChainCase[] = [
  { counts: [1], checks: [(v) => is<Sixteen0>(v)] },
  { counts: [1], checks: [(v) => is<Sixteen1>(v)] },
  { counts: [1], checks: [(v) => is<Sixteen2>(v)] },
  { counts: [1, 2], checks: [(v) => is<Sixteen3>(v), (v) => is<number | undefined>(v)] },
  { counts: [1], checks: [(v) => is<{ kind: string; other: number }>(v)] },
  { counts: [1], checks: [(v) => is<Sixteen4 | Sixteen1>(v)] },
  { counts: [1], checks: [(v) => is<{ kind: 'k5' } & { t5: boolean }>(v)] },
  { counts: [1], checks: [(v) => is<Sixteen6>(v)] },
  { counts: [1], checks: [(v) => is<Sixteen7>(v)] },
  { counts: [2], checks: [(v) => is<Sixteen0>(v), (v) => is<number>(v)] },
  { counts: [1], checks: [(v) => is<string>(v)] },
  { counts: [1], checks: [(v) => is<Sixteen8>(v)] },
  { counts: [1], checks: [(v) => is<Sixteen9>(v)] },
  { counts: [1], checks: [(v) => is<Sixteen10>(v)] },
  { counts: [1, 2], checks: [(v) => is<Sixteen11>(v), (v) => is<number | undefined>(v)] },
  { counts: [1], checks: [(v) => is<{ size: number }>(v)] },
  { counts: [1], checks: [(v) => is<Sixteen12 | Sixteen9>(v)] },
  { counts: [1], checks: [(v) => is<{ kind: 'k13' } & { t13: boolean }>(v)] },
  { counts: [1], checks: [(v) => is<Sixteen14>(v)] },
  { counts: [1], checks: [(v) => is<Sixteen15>(v)] },
  { counts: [2], checks: [(v) => is<Sixteen8>(v), (v) => is<number>(v)] },
  { counts: [1], checks: [(v) => is<number[]>(v)] },
];

export const sixteenPools: readonly Pool[] = [
  { kinds: ["k0"], fields: ["n0"] },
  { kinds: ["k1","k0"], fields: ["s1"] },
  { kinds: ["k2"], fields: ["n2","o2"] },
  { kinds: ["k3"], fields: ["b3"] },
  { kinds: ["k0","zz"], fields: ["other"] },
  { kinds: ["k4","k2","k1","k0"], fields: ["u4","s1"] },
  { kinds: ["k5"], fields: ["t5"] },
  { kinds: [6,"k6"], fields: ["l6"] },
  { kinds: ["k7"], fields: ["z7"] },
  { kinds: ["k0"], fields: ["n0"] },
  { kinds: [], fields: [] },
  { kinds: ["k8"], fields: ["n8"] },
  { kinds: ["k9","k8"], fields: ["s9"] },
  { kinds: ["k10"], fields: ["n10","o10"] },
  { kinds: ["k11"], fields: ["b11"] },
  { kinds: [], fields: ["size"] },
  { kinds: ["k12","k10","k9","k8"], fields: ["u12","s9"] },
  { kinds: ["k13"], fields: ["t13"] },
  { kinds: [14,"k14"], fields: ["l14"] },
  { kinds: ["k15"], fields: ["z15"] },
  { kinds: ["k8"], fields: ["n8"] },
  { kinds: [], fields: [] },
];

// ---- 76 cases, 64 of them discriminated ---------------------------------------------------------

interface SixtyFour0 { kind: 'k0'; n0: number }
interface SixtyFour1 { kind: 'k1' | 'k0'; s1: string }
interface SixtyFour2 { kind: 'k2'; n2: number; o2?: string }
interface SixtyFour3 { kind: 'k3'; b3: boolean }
interface SixtyFour4 { kind: 'k4' | 'k2'; u4: number }
interface SixtyFour6 { kind: 6; l6: number[] }
interface SixtyFour7 { kind: 'k7'; [key: string]: unknown }
interface SixtyFour8 { kind: 'k8'; n8: number }
interface SixtyFour9 { kind: 'k9' | 'k8'; s9: string }
interface SixtyFour10 { kind: 'k10'; n10: number; o10?: string }
interface SixtyFour11 { kind: 'k11'; b11: boolean }
interface SixtyFour12 { kind: 'k12' | 'k10'; u12: number }
interface SixtyFour14 { kind: 14; l14: number[] }
interface SixtyFour15 { kind: 'k15'; [key: string]: unknown }
interface SixtyFour16 { kind: 'k16'; n16: number }
interface SixtyFour17 { kind: 'k17' | 'k16'; s17: string }
interface SixtyFour18 { kind: 'k18'; n18: number; o18?: string }
interface SixtyFour19 { kind: 'k19'; b19: boolean }
interface SixtyFour20 { kind: 'k20' | 'k18'; u20: number }
interface SixtyFour22 { kind: 22; l22: number[] }
interface SixtyFour23 { kind: 'k23'; [key: string]: unknown }
interface SixtyFour24 { kind: 'k24'; n24: number }
interface SixtyFour25 { kind: 'k25' | 'k24'; s25: string }
interface SixtyFour26 { kind: 'k26'; n26: number; o26?: string }
interface SixtyFour27 { kind: 'k27'; b27: boolean }
interface SixtyFour28 { kind: 'k28' | 'k26'; u28: number }
interface SixtyFour30 { kind: 30; l30: number[] }
interface SixtyFour31 { kind: 'k31'; [key: string]: unknown }
interface SixtyFour32 { kind: 'k32'; n32: number }
interface SixtyFour33 { kind: 'k33' | 'k32'; s33: string }
interface SixtyFour34 { kind: 'k34'; n34: number; o34?: string }
interface SixtyFour35 { kind: 'k35'; b35: boolean }
interface SixtyFour36 { kind: 'k36' | 'k34'; u36: number }
interface SixtyFour38 { kind: 38; l38: number[] }
interface SixtyFour39 { kind: 'k39'; [key: string]: unknown }
interface SixtyFour40 { kind: 'k40'; n40: number }
interface SixtyFour41 { kind: 'k41' | 'k40'; s41: string }
interface SixtyFour42 { kind: 'k42'; n42: number; o42?: string }
interface SixtyFour43 { kind: 'k43'; b43: boolean }
interface SixtyFour44 { kind: 'k44' | 'k42'; u44: number }
interface SixtyFour46 { kind: 46; l46: number[] }
interface SixtyFour47 { kind: 'k47'; [key: string]: unknown }
interface SixtyFour48 { kind: 'k48'; n48: number }
interface SixtyFour49 { kind: 'k49' | 'k48'; s49: string }
interface SixtyFour50 { kind: 'k50'; n50: number; o50?: string }
interface SixtyFour51 { kind: 'k51'; b51: boolean }
interface SixtyFour52 { kind: 'k52' | 'k50'; u52: number }
interface SixtyFour54 { kind: 54; l54: number[] }
interface SixtyFour55 { kind: 'k55'; [key: string]: unknown }
interface SixtyFour56 { kind: 'k56'; n56: number }
interface SixtyFour57 { kind: 'k57' | 'k56'; s57: string }
interface SixtyFour58 { kind: 'k58'; n58: number; o58?: string }
interface SixtyFour59 { kind: 'k59'; b59: boolean }
interface SixtyFour60 { kind: 'k60' | 'k58'; u60: number }
interface SixtyFour62 { kind: 62; l62: number[] }
interface SixtyFour63 { kind: 'k63'; [key: string]: unknown }

export const sixtyFour = overload(
  (s: SixtyFour0) => 0,
  (s: SixtyFour1) => 1,
  (s: SixtyFour2) => 2,
  (s: SixtyFour3, m?: number) => 3,
  (s: SixtyFour4 | SixtyFour1) => 4,
  (s: { kind: 'k5' } & { t5: boolean }) => 5,
  (s: SixtyFour6) => 6,
  (s: SixtyFour7) => 7,
  (s: SixtyFour0, m: number) => 8,
  (s: SixtyFour8) => 9,
  (s: SixtyFour9) => 10,
  (s: SixtyFour10) => 11,
  (s: SixtyFour11, m?: number) => 12,
  (s: SixtyFour12 | SixtyFour9) => 13,
  (s: { kind: 'k13' } & { t13: boolean }) => 14,
  (s: SixtyFour14) => 15,
  (s: SixtyFour15) => 16,
  (s: SixtyFour8, m: number) => 17,
  (x: { kind: string; other: number }) => 18,
  (s: SixtyFour16) => 19,
  (s: SixtyFour17) => 20,
  (s: SixtyFour18) => 21,
  (s: SixtyFour19, m?: number) => 22,
  (s: SixtyFour20 | SixtyFour17) => 23,
  (s: { kind: 'k21' } & { t21: boolean }) => 24,
  (s: SixtyFour22) => 25,
  (s: SixtyFour23) => 26,
  (s: SixtyFour16, m: number) => 27,
  (s: SixtyFour24) => 28,
  (s: SixtyFour25) => 29,
  (s: SixtyFour26) => 30,
  (s: SixtyFour27, m?: number) => 31,
  (s: SixtyFour28 | SixtyFour25) => 32,
  (s: { kind: 'k29' } & { t29: boolean }) => 33,
  (s: SixtyFour30) => 34,
  (s: SixtyFour31) => 35,
  (s: SixtyFour24, m: number) => 36,
  (x: string) => 37,
  (s: SixtyFour32) => 38,
  (s: SixtyFour33) => 39,
  (s: SixtyFour34) => 40,
  (s: SixtyFour35, m?: number) => 41,
  (s: SixtyFour36 | SixtyFour33) => 42,
  (s: { kind: 'k37' } & { t37: boolean }) => 43,
  (s: SixtyFour38) => 44,
  (s: SixtyFour39) => 45,
  (s: SixtyFour32, m: number) => 46,
  (s: SixtyFour40) => 47,
  (s: SixtyFour41) => 48,
  (s: SixtyFour42) => 49,
  (s: SixtyFour43, m?: number) => 50,
  (s: SixtyFour44 | SixtyFour41) => 51,
  (s: { kind: 'k45' } & { t45: boolean }) => 52,
  (s: SixtyFour46) => 53,
  (s: SixtyFour47) => 54,
  (s: SixtyFour40, m: number) => 55,
  (x: { size: number }) => 56,
  (s: SixtyFour48) => 57,
  (s: SixtyFour49) => 58,
  (s: SixtyFour50) => 59,
  (s: SixtyFour51, m?: number) => 60,
  (s: SixtyFour52 | SixtyFour49) => 61,
  (s: { kind: 'k53' } & { t53: boolean }) => 62,
  (s: SixtyFour54) => 63,
  (s: SixtyFour55) => 64,
  (s: SixtyFour48, m: number) => 65,
  (s: SixtyFour56) => 66,
  (s: SixtyFour57) => 67,
  (s: SixtyFour58) => 68,
  (s: SixtyFour59, m?: number) => 69,
  (s: SixtyFour60 | SixtyFour57) => 70,
  (s: { kind: 'k61' } & { t61: boolean }) => 71,
  (s: SixtyFour62) => 72,
  (s: SixtyFour63) => 73,
  (s: SixtyFour56, m: number) => 74,
  (x: number[]) => 75,
);

export const sixtyFourChain: readonly ChainCase[] = [
  { counts: [1], checks: [(v) => is<SixtyFour0>(v)] },
  { counts: [1], checks: [(v) => is<SixtyFour1>(v)] },
  { counts: [1], checks: [(v) => is<SixtyFour2>(v)] },
  { counts: [1, 2], checks: [(v) => is<SixtyFour3>(v), (v) => is<number | undefined>(v)] },
  { counts: [1], checks: [(v) => is<SixtyFour4 | SixtyFour1>(v)] },
  { counts: [1], checks: [(v) => is<{ kind: 'k5' } & { t5: boolean }>(v)] },
  { counts: [1], checks: [(v) => is<SixtyFour6>(v)] },
  { counts: [1], checks: [(v) => is<SixtyFour7>(v)] },
  { counts: [2], checks: [(v) => is<SixtyFour0>(v), (v) => is<number>(v)] },
  { counts: [1], checks: [(v) => is<SixtyFour8>(v)] },
  { counts: [1], checks: [(v) => is<SixtyFour9>(v)] },
  { counts: [1], checks: [(v) => is<SixtyFour10>(v)] },
  { counts: [1, 2], checks: [(v) => is<SixtyFour11>(v), (v) => is<number | undefined>(v)] },
  { counts: [1], checks: [(v) => is<SixtyFour12 | SixtyFour9>(v)] },
  { counts: [1], checks: [(v) => is<{ kind: 'k13' } & { t13: boolean }>(v)] },
  { counts: [1], checks: [(v) => is<SixtyFour14>(v)] },
  { counts: [1], checks: [(v) => is<SixtyFour15>(v)] },
  { counts: [2], checks: [(v) => is<SixtyFour8>(v), (v) => is<number>(v)] },
  { counts: [1], checks: [(v) => is<{ kind: string; other: number }>(v)] },
  { counts: [1], checks: [(v) => is<SixtyFour16>(v)] },
  { counts: [1], checks: [(v) => is<SixtyFour17>(v)] },
  { counts: [1], checks: [(v) => is<SixtyFour18>(v)] },
  { counts: [1, 2], checks: [(v) => is<SixtyFour19>(v), (v) => is<number | undefined>(v)] },
  { counts: [1], checks: [(v) => is<SixtyFour20 | SixtyFour17>(v)] },
  { counts: [1], checks: [(v) => is<{ kind: 'k21' } & { t21: boolean }>(v)] },
  { counts: [1], checks: [(v) => is<SixtyFour22>(v)] },
  { counts: [1], checks: [(v) => is<SixtyFour23>(v)] },
  { counts: [2], checks: [(v) => is<SixtyFour16>(v), (v) => is<number>(v)] },
  { counts: [1], checks: [(v) => is<SixtyFour24>(v)] },
  { counts: [1], checks: [(v) => is<SixtyFour25>(v)] },
  { counts: [1], checks: [(v) => is<SixtyFour26>(v)] },
  { counts: [1, 2], checks: [(v) => is<SixtyFour27>(v), (v) => is<number | undefined>(v)] },
  { counts: [1], checks: [(v) => is<SixtyFour28 | SixtyFour25>(v)] },
  { counts: [1], checks: [(v) => is<{ kind: 'k29' } & { t29: boolean }>(v)] },
  { counts: [1], checks: [(v) => is<SixtyFour30>(v)] },
  { counts: [1], checks: [(v) => is<SixtyFour31>(v)] },
  { counts: [2], checks: [(v) => is<SixtyFour24>(v), (v) => is<number>(v)] },
  { counts: [1], checks: [(v) => is<string>(v)] },
  { counts: [1], checks: [(v) => is<SixtyFour32>(v)] },
  { counts: [1], checks: [(v) => is<SixtyFour33>(v)] },
  { counts: [1], checks: [(v) => is<SixtyFour34>(v)] },
  { counts: [1, 2], checks: [(v) => is<SixtyFour35>(v), (v) => is<number | undefined>(v)] },
  { counts: [1], checks: [(v) => is<SixtyFour36 | SixtyFour33>(v)] },
  { counts: [1], checks: [(v) => is<{ kind: 'k37' } & { t37: boolean }>(v)] },
  { counts: [1], checks: [(v) => is<SixtyFour38>(v)] },
  { counts: [1], checks: [(v) => is<SixtyFour39>(v)] },
  { counts: [2], checks: [(v) => is<SixtyFour32>(v), (v) => is<number>(v)] },
  { counts: [1], checks: [(v) => is<SixtyFour40>(v)] },
  { counts: [1], checks: [(v) => is<SixtyFour41>(v)] },
  { counts: [1], checks: [(v) => is<SixtyFour42>(v)] },
  { counts: [1, 2], checks: [(v) => is<SixtyFour43>(v), (v) => is<number | undefined>(v)] },
  { counts: [1], checks: [(v) => is<SixtyFour44 | SixtyFour41>(v)] },
  { counts: [1], checks: [(v) => is<{ kind: 'k45' } & { t45: boolean }>(v)] },
  { counts: [1], checks: [(v) => is<SixtyFour46>(v)] },
  { counts: [1], checks: [(v) => is<SixtyFour47>(v)] },
  { counts: [2], checks: [(v) => is<SixtyFour40>(v), (v) => is<number>(v)] },
  { counts: [1], checks: [(v) => is<{ size: number }>(v)] },
  { counts: [1], checks: [(v) => is<SixtyFour48>(v)] },
  { counts: [1], checks: [(v) => is<SixtyFour49>(v)] },
  { counts: [1], checks: [(v) => is<SixtyFour50>(v)] },
  { counts: [1, 2], checks: [(v) => is<SixtyFour51>(v), (v) => is<number | undefined>(v)] },
  { counts: [1], checks: [(v) => is<SixtyFour52 | SixtyFour49>(v)] },
  { counts: [1], checks: [(v) => is<{ kind: 'k53' } & { t53: boolean }>(v)] },
  { counts: [1], checks: [(v) => is<SixtyFour54>(v)] },
  { counts: [1], checks: [(v) => is<SixtyFour55>(v)] },
  { counts: [2], checks: [(v) => is<SixtyFour48>(v), (v) => is<number>(v)] },
  { counts: [1], checks: [(v) => is<SixtyFour56>(v)] },
  { counts: [1], checks: [(v) => is<SixtyFour57>(v)] },
  { counts: [1], checks: [(v) => is<SixtyFour58>(v)] },
  { counts: [1, 2], checks: [(v) => is<SixtyFour59>(v), (v) => is<number | undefined>(v)] },
  { counts: [1], checks: [(v) => is<SixtyFour60 | SixtyFour57>(v)] },
  { counts: [1], checks: [(v) => is<{ kind: 'k61' } & { t61: boolean }>(v)] },
  { counts: [1], checks: [(v) => is<SixtyFour62>(v)] },
  { counts: [1], checks: [(v) => is<SixtyFour63>(v)] },
  { counts: [2], checks: [(v) => is<SixtyFour56>(v), (v) => is<number>(v)] },
  { counts: [1], checks: [(v) => is<number[]>(v)] },
];

export const sixtyFourPools: readonly Pool[] = [
  { kinds: ["k0"], fields: ["n0"] },
  { kinds: ["k1","k0"], fields: ["s1"] },
  { kinds: ["k2"], fields: ["n2","o2"] },
  { kinds: ["k3"], fields: ["b3"] },
  { kinds: ["k4","k2","k1","k0"], fields: ["u4","s1"] },
  { kinds: ["k5"], fields: ["t5"] },
  { kinds: [6,"k6"], fields: ["l6"] },
  { kinds: ["k7"], fields: ["z7"] },
  { kinds: ["k0"], fields: ["n0"] },
  { kinds: ["k8"], fields: ["n8"] },
  { kinds: ["k9","k8"], fields: ["s9"] },
  { kinds: ["k10"], fields: ["n10","o10"] },
  { kinds: ["k11"], fields: ["b11"] },
  { kinds: ["k12","k10","k9","k8"], fields: ["u12","s9"] },
  { kinds: ["k13"], fields: ["t13"] },
  { kinds: [14,"k14"], fields: ["l14"] },
  { kinds: ["k15"], fields: ["z15"] },
  { kinds: ["k8"], fields: ["n8"] },
  { kinds: ["k0","zz"], fields: ["other"] },
  { kinds: ["k16"], fields: ["n16"] },
  { kinds: ["k17","k16"], fields: ["s17"] },
  { kinds: ["k18"], fields: ["n18","o18"] },
  { kinds: ["k19"], fields: ["b19"] },
  { kinds: ["k20","k18","k17","k16"], fields: ["u20","s17"] },
  { kinds: ["k21"], fields: ["t21"] },
  { kinds: [22,"k22"], fields: ["l22"] },
  { kinds: ["k23"], fields: ["z23"] },
  { kinds: ["k16"], fields: ["n16"] },
  { kinds: ["k24"], fields: ["n24"] },
  { kinds: ["k25","k24"], fields: ["s25"] },
  { kinds: ["k26"], fields: ["n26","o26"] },
  { kinds: ["k27"], fields: ["b27"] },
  { kinds: ["k28","k26","k25","k24"], fields: ["u28","s25"] },
  { kinds: ["k29"], fields: ["t29"] },
  { kinds: [30,"k30"], fields: ["l30"] },
  { kinds: ["k31"], fields: ["z31"] },
  { kinds: ["k24"], fields: ["n24"] },
  { kinds: [], fields: [] },
  { kinds: ["k32"], fields: ["n32"] },
  { kinds: ["k33","k32"], fields: ["s33"] },
  { kinds: ["k34"], fields: ["n34","o34"] },
  { kinds: ["k35"], fields: ["b35"] },
  { kinds: ["k36","k34","k33","k32"], fields: ["u36","s33"] },
  { kinds: ["k37"], fields: ["t37"] },
  { kinds: [38,"k38"], fields: ["l38"] },
  { kinds: ["k39"], fields: ["z39"] },
  { kinds: ["k32"], fields: ["n32"] },
  { kinds: ["k40"], fields: ["n40"] },
  { kinds: ["k41","k40"], fields: ["s41"] },
  { kinds: ["k42"], fields: ["n42","o42"] },
  { kinds: ["k43"], fields: ["b43"] },
  { kinds: ["k44","k42","k41","k40"], fields: ["u44","s41"] },
  { kinds: ["k45"], fields: ["t45"] },
  { kinds: [46,"k46"], fields: ["l46"] },
  { kinds: ["k47"], fields: ["z47"] },
  { kinds: ["k40"], fields: ["n40"] },
  { kinds: [], fields: ["size"] },
  { kinds: ["k48"], fields: ["n48"] },
  { kinds: ["k49","k48"], fields: ["s49"] },
  { kinds: ["k50"], fields: ["n50","o50"] },
  { kinds: ["k51"], fields: ["b51"] },
  { kinds: ["k52","k50","k49","k48"], fields: ["u52","s49"] },
  { kinds: ["k53"], fields: ["t53"] },
  { kinds: [54,"k54"], fields: ["l54"] },
  { kinds: ["k55"], fields: ["z55"] },
  { kinds: ["k48"], fields: ["n48"] },
  { kinds: ["k56"], fields: ["n56"] },
  { kinds: ["k57","k56"], fields: ["s57"] },
  { kinds: ["k58"], fields: ["n58","o58"] },
  { kinds: ["k59"], fields: ["b59"] },
  { kinds: ["k60","k58","k57","k56"], fields: ["u60","s57"] },
  { kinds: ["k61"], fields: ["t61"] },
  { kinds: [62,"k62"], fields: ["l62"] },
  { kinds: ["k63"], fields: ["z63"] },
  { kinds: ["k56"], fields: ["n56"] },
  { kinds: [], fields: [] },
];
