/** Timing and heap helpers for the benchmark. Results are medians after warm-up. */
import { performance } from 'node:perf_hooks';

/** Keeps results alive so the engine cannot drop the measured work. */
export let sink: unknown = 0;
export function consume(v: unknown): void {
  sink = v;
}

export interface Timing {
  /** Median in milliseconds. */
  median: number;
  runs: number;
  /** Only one cold call was timed: it alone exceeded the time budget, so it was not repeated. */
  cold?: boolean;
}

export interface MeasureOptions {
  /** Untimed calls first (JIT warm-up). Default 1. */
  warmup?: number;
  minRuns?: number;
  maxRuns?: number;
  /** Stop after this much timed work once minRuns are done. */
  budgetMs?: number;
  /** Run gc (when exposed) before every timed run, outside the timing. */
  gcBetween?: boolean;
  /** Untimed preparation per run; its result is passed to fn. */
  prepare?: (run: number) => unknown;
  /** Told the duration of the first (cold) call as soon as it is known. */
  onFirst?: (ms: number) => void;
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function gcIfExposed(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
}

export function measure(fn: (prepared: unknown) => unknown, opts: MeasureOptions = {}): Timing {
  const { warmup = 1, minRuns = 5, maxRuns = 25, budgetMs = 1500, gcBetween = false, prepare, onFirst } = opts;
  for (let i = 0; i < warmup; i++) {
    const input = prepare ? prepare(-1 - i) : undefined;
    if (gcBetween) gcIfExposed();
    const t0 = performance.now();
    consume(fn(input));
    const dt = performance.now() - t0;
    if (i === 0) {
      onFirst?.(dt);
      if (dt >= budgetMs) return { median: dt, runs: 1, cold: true };
    }
  }
  const times: number[] = [];
  let spent = 0;
  for (let run = 0; run < maxRuns && (run < minRuns || spent < budgetMs); run++) {
    const input = prepare ? prepare(run) : undefined;
    if (gcBetween) gcIfExposed();
    const t0 = performance.now();
    const out = fn(input);
    const dt = performance.now() - t0;
    consume(out);
    times.push(dt);
    spent += dt;
  }
  return { median: median(times), runs: times.length };
}

/** Bytes retained by the value `build()` returns (JS heap plus ArrayBuffer backing stores), or null without gc. */
export function retainedBytes<T>(build: () => T, touch?: (value: T) => unknown): { bytes: number; value: T } | null {
  if (typeof (globalThis as { gc?: unknown }).gc !== 'function') return null;
  const used = () => {
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  gcIfExposed();
  const before = used();
  const value = build();
  if (touch) consume(touch(value));
  consume(0);
  gcIfExposed();
  const after = used();
  consume(value); // keep it alive until after the second measurement
  return { bytes: after - before, value };
}
