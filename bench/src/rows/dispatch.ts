// Dispatch over 4 cases, number, string, class instance, (number, number): duckcall's typed
// overload (guards from duckcall/transformer) against a hand-written typeof/instanceof chain that
// calls the same functions. The mixed call site gets its values as `any` (the compiler cannot
// know which kind comes), the one-type call sites get typed values. Every variant has its own loop function, so each call site's feedback
// is its own.
import { overload } from 'duckcall';
import type { Row } from '../harness.js';
import { MIXED, NUMBERS, onNumber, onPair, onString, onVec, PAIR_A, PAIR_B, STRINGS, Vec, VECS } from '../impls.js';

/** As a user writes it: the parameter types are the guards. */
export const typed = overload(onNumber, onString, onVec, onPair);

/**
 * The same cases written inline (the bodies of onNumber, onString, onVec, onPair), so the
 * transformer's opt-in `directCalls` (on in bench/tsconfig.json) can send a call whose static types
 * select one case straight to it; the baseline calls those functions directly.
 */
export const typedArrows = overload(
  (x: number) => x * 2,
  (s: string) => s.length,
  (v: Vec) => v.x + v.y,
  (a: number, b: number) => a - b,
);

// The baselines reach their functions the way the generated dispatcher does: through module-local
// constants (V8 can pin a const binding; an exported function declaration calling imported
// bindings loses for reasons that have nothing to do with dispatch).
const numberCase = onNumber;
const stringCase = onString;
const vecCase = onVec;
const pairCase = onPair;
const VecClass = Vec;

/** The floor: what a person would write by hand. */
export const handChain = function (a: unknown, b?: unknown): number {
  if (arguments.length === 1) {
    if (typeof a === 'number') return numberCase(a);
    if (typeof a === 'string') return stringCase(a);
    if (a instanceof VecClass) return vecCase(a);
  } else if (arguments.length === 2 && typeof a === 'number' && typeof b === 'number') {
    return pairCase(a, b);
  }
  throw new TypeError('handChain: no case accepts these arguments');
};

/**
 * The same chain with its cases captured in a closure, as the generated dispatcher holds them (for
 * scale: V8 may call closure-captured functions faster or slower than module constants).
 */
function closureChainOf(
  c0: (n: number) => number,
  c1: (s: string) => number,
  c2: (v: Vec) => number,
  c3: (a: number, b: number) => number,
): (a: unknown, b?: unknown) => number {
  return function (a: unknown, b?: unknown): number {
    if (arguments.length === 1) {
      if (typeof a === 'number') return c0(a);
      if (typeof a === 'string') return c1(a);
      if (a instanceof VecClass) return c2(a);
    } else if (arguments.length === 2 && typeof a === 'number' && typeof b === 'number') {
      return c3(a, b);
    }
    throw new TypeError('closureChain: no case accepts these arguments');
  };
}
const closureChain = closureChainOf(onNumber, onString, onVec, onPair);

// ---- mixed call site: the 4 kinds in rotation --------------------------------------------------

function mixedHand(n: number): number {
  let sink = 0;
  for (let i = 0; i < n; i++) {
    const j = i & 15;
    sink += (j & 3) === 3 ? handChain(PAIR_A[j], PAIR_B[j]) : handChain(MIXED[j]);
  }
  return sink;
}

function mixedClosure(n: number): number {
  let sink = 0;
  for (let i = 0; i < n; i++) {
    const j = i & 15;
    sink += (j & 3) === 3 ? closureChain(PAIR_A[j], PAIR_B[j]) : closureChain(MIXED[j]);
  }
  return sink;
}

export function mixedTyped(n: number): number {
  let sink = 0;
  for (let i = 0; i < n; i++) {
    const j = i & 15;
    sink += (j & 3) === 3 ? typed(PAIR_A[j]!, PAIR_B[j]!) : (typed(MIXED[j] as any) as number);
  }
  return sink;
}

// ---- call sites that see one type --------------------------------------------------------------

function numberDirect(n: number): number {
  let sink = 0;
  for (let i = 0; i < n; i++) sink += numberCase(NUMBERS[i & 15]!);
  return sink;
}
function numberHand(n: number): number {
  let sink = 0;
  for (let i = 0; i < n; i++) sink += handChain(NUMBERS[i & 15]);
  return sink;
}
function numberTyped(n: number): number {
  let sink = 0;
  for (let i = 0; i < n; i++) sink += typed(NUMBERS[i & 15]!);
  return sink;
}

function stringDirect(n: number): number {
  let sink = 0;
  for (let i = 0; i < n; i++) sink += stringCase(STRINGS[i & 15]!);
  return sink;
}
function stringHand(n: number): number {
  let sink = 0;
  for (let i = 0; i < n; i++) sink += handChain(STRINGS[i & 15]);
  return sink;
}
function stringTyped(n: number): number {
  let sink = 0;
  for (let i = 0; i < n; i++) sink += typed(STRINGS[i & 15]!);
  return sink;
}

function vecDirect(n: number): number {
  let sink = 0;
  for (let i = 0; i < n; i++) sink += vecCase(VECS[i & 15]!);
  return sink;
}
function vecHand(n: number): number {
  let sink = 0;
  for (let i = 0; i < n; i++) sink += handChain(VECS[i & 15]);
  return sink;
}
function vecTyped(n: number): number {
  let sink = 0;
  for (let i = 0; i < n; i++) sink += typed(VECS[i & 15]!);
  return sink;
}

function pairDirect(n: number): number {
  let sink = 0;
  for (let i = 0; i < n; i++) sink += pairCase(PAIR_A[i & 15]!, PAIR_B[i & 15]!);
  return sink;
}
function pairHand(n: number): number {
  let sink = 0;
  for (let i = 0; i < n; i++) sink += handChain(PAIR_A[i & 15], PAIR_B[i & 15]);
  return sink;
}
function pairTyped(n: number): number {
  let sink = 0;
  for (let i = 0; i < n; i++) sink += typed(PAIR_A[i & 15]!, PAIR_B[i & 15]!);
  return sink;
}

// ---- the same call sites with directCalls: compiled to a call of the case itself ----------------

function numberDirectCalls(n: number): number {
  let sink = 0;
  for (let i = 0; i < n; i++) sink += typedArrows(NUMBERS[i & 15]!);
  return sink;
}
function stringDirectCalls(n: number): number {
  let sink = 0;
  for (let i = 0; i < n; i++) sink += typedArrows(STRINGS[i & 15]!);
  return sink;
}
function vecDirectCalls(n: number): number {
  let sink = 0;
  for (let i = 0; i < n; i++) sink += typedArrows(VECS[i & 15]!);
  return sink;
}
function pairDirectCalls(n: number): number {
  let sink = 0;
  for (let i = 0; i < n; i++) sink += typedArrows(PAIR_A[i & 15]!, PAIR_B[i & 15]!);
  return sink;
}

const HAND = 'hand-written chain';
const TYPED = 'duckcall overload (typed cases)';
const DIRECT = 'direct call (no dispatch, module-local const)';
const DIRECT_CALLS = 'duckcall overload, directCalls on';

export const rows: Record<string, Row> = {
  mixed: {
    baseline: HAND,
    variants: [{ name: HAND, loop: mixedHand }, { name: TYPED, loop: mixedTyped }, { name: 'hand-written chain, cases in a closure', loop: mixedClosure }],
  },
  'one-number': {
    baseline: HAND,
    variants: [{ name: HAND, loop: numberHand }, { name: TYPED, loop: numberTyped }, { name: DIRECT, loop: numberDirect }],
  },
  'one-string': {
    baseline: HAND,
    variants: [{ name: HAND, loop: stringHand }, { name: TYPED, loop: stringTyped }, { name: DIRECT, loop: stringDirect }],
  },
  'one-vec': {
    baseline: HAND,
    variants: [{ name: HAND, loop: vecHand }, { name: TYPED, loop: vecTyped }, { name: DIRECT, loop: vecDirect }],
  },
  'one-pair': {
    baseline: HAND,
    variants: [{ name: HAND, loop: pairHand }, { name: TYPED, loop: pairTyped }, { name: DIRECT, loop: pairDirect }],
  },
  'direct-number': { baseline: DIRECT, variants: [{ name: DIRECT, loop: numberDirect }, { name: DIRECT_CALLS, loop: numberDirectCalls }] },
  'direct-string': { baseline: DIRECT, variants: [{ name: DIRECT, loop: stringDirect }, { name: DIRECT_CALLS, loop: stringDirectCalls }] },
  'direct-vec': { baseline: DIRECT, variants: [{ name: DIRECT, loop: vecDirect }, { name: DIRECT_CALLS, loop: vecDirectCalls }] },
  'direct-pair': { baseline: DIRECT, variants: [{ name: DIRECT, loop: pairDirect }, { name: DIRECT_CALLS, loop: pairDirectCalls }] },
};
