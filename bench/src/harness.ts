// The measuring loop every row shares. A row is a list of variants, each a loop function of its own
// (`loop(n)` makes n calls at its own call site and returns a result sink). The variants run side by
// side in one process, in alternating order, round after round; a round times each variant over a
// fixed number of calls. The parent (bench/run.mjs) turns the per-round ns/call into per-round
// ratios against the row's baseline and takes medians.

export interface Variant {
  readonly name: string;
  /** Makes `n` calls and returns a value that depends on every result (the sink). */
  readonly loop: (n: number) => number;
}

export interface Row {
  readonly baseline: string;
  readonly variants: readonly Variant[];
  /** What `loop(n)` must return (every variant must agree with the baseline anyway). */
  readonly expect?: (n: number) => number;
  /** Throws an error saying what is wrong when a variant's verdict is (run once, before any timing). */
  readonly verify?: () => void;
  /** The `n`s every variant's `loop(n)` is checked with before timing (fewer for slow calls). */
  readonly checks?: readonly number[];
}

export interface Options {
  readonly rounds: number;
  readonly warmup: number;
  /** Time per variant per round, in milliseconds. */
  readonly targetMs: number;
  /**
   * What a round's time is: `cpu`, the process's CPU time (user + system), which others' work on a
   * shared machine does not inflate (a round preempted halfway is not charged for the wait), or
   * `wall`, elapsed time.
   */
  readonly clock: 'cpu' | 'wall';
}

export interface VariantResult {
  readonly name: string;
  /** Calls per round. */
  readonly calls: number;
  /** ns per call by the row's clock, one entry per measured round. */
  readonly ns: number[];
  /** ns per call of elapsed time, the same rounds. */
  readonly wallNs: number[];
}

const gc: (() => void) | undefined = (globalThis as { gc?: () => void }).gc;
let blackhole = 0;

let clock: Options['clock'] = 'cpu';
let lastWall = 0;

/** The time `loop(n)` takes by the chosen clock, in ns (elapsed time is kept in `lastWall`). */
function time(loop: (n: number) => number, n: number): number {
  gc?.();
  const cpu0 = process.cpuUsage();
  const start = process.hrtime.bigint();
  const result = loop(n);
  const elapsed = Number(process.hrtime.bigint() - start);
  const cpu = process.cpuUsage(cpu0);
  blackhole += result;
  lastWall = elapsed;
  return clock === 'wall' ? elapsed : (cpu.user + cpu.system) * 1000;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Every variant must compute what the baseline computes: a wrong dispatch fails the row. */
function check(row: Row): void {
  const base = row.variants.find((v) => v.name === row.baseline);
  if (!base) throw new Error(`baseline ${row.baseline} is not a variant`);
  for (const n of row.checks ?? [1, 4, 16, 64, 100]) {
    const expected = row.expect ? row.expect(n) : base.loop(n);
    for (const v of row.variants) {
      const got = v.loop(n);
      if (!Object.is(got, expected)) throw new Error(`${v.name}: loop(${n}) returned ${got}, expected ${expected} (as ${row.baseline})`);
    }
  }
}

/** Calls per round so that one round of `loop` takes about `targetMs`. */
function calibrate(loop: (n: number) => number, targetMs: number): number {
  let n = 1;
  for (;;) {
    const ns = time(loop, n);
    if (ns >= targetMs * 1e5 || n >= 2 ** 30) return Math.max(1, Math.round((n * targetMs * 1e6) / Math.max(ns, 1)));
    n *= 4;
  }
}

export function measure(row: Row, options: Options): { variants: VariantResult[]; blackhole: number } {
  clock = options.clock;
  if (row.verify) {
    row.verify();
    // For the parent: a row killed after this line was measuring, not still waiting for a verdict.
    process.stderr.write('bench: verdict checked\n');
  }
  check(row);
  const variants = row.variants.map((v) => ({
    v,
    calls: calibrate(v.loop, options.targetMs),
    warm: [] as number[],
    ns: [] as number[],
    wallNs: [] as number[],
  }));
  const total = options.warmup + options.rounds;
  for (let round = 0; round < total; round++) {
    if (round === options.warmup) {
      // Now that everything is optimized, size the rounds again from what warm-up measured.
      for (const entry of variants) entry.calls = Math.max(1, Math.round((options.targetMs * 1e6) / median(entry.warm)));
    }
    // Alternate: each round starts with the next variant.
    for (let k = 0; k < variants.length; k++) {
      const entry = variants[(round + k) % variants.length]!;
      const perCall = time(entry.v.loop, entry.calls) / entry.calls;
      if (round < options.warmup) entry.warm.push(perCall);
      else {
        entry.ns.push(perCall);
        entry.wallNs.push(lastWall / entry.calls);
      }
    }
  }
  return { variants: variants.map((e) => ({ name: e.v.name, calls: e.calls, ns: e.ns, wallNs: e.wallNs })), blackhole };
}
