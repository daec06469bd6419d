/**
 * Debounced scans for one compose unit. Key handlers call `touch()` and return at once (never await);
 * the scan runs after a short pause, or at once after a paste. A response is used only if no newer
 * scan was started meanwhile (stale responses are dropped).
 */
import type { ScanResponse } from '../protocol';

export type ScanRequest = { text: string; recipients?: { emails: string[]; partner?: string } };
export type ScanResult = { key: string; text: string; response: ScanResponse } | { key: string; text: string; error: true };

/** What a result is valid for: the text and the audience (a changed recipient list needs a new scan). */
export function scanKey(req: ScanRequest): string {
  return `${req.text}\u0000${JSON.stringify(req.recipients ?? null)}`;
}

export interface ScanSchedulerDeps {
  /** Read what to scan now (text and recipients). */
  read(): ScanRequest;
  /** Ask the background. */
  send(req: ScanRequest): Promise<ScanResponse>;
  /** A fresh result (never called for a stale one). */
  onResult(result: ScanResult): void;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

/**
 * The pause after the last keystroke before a scan. Typing never waits for it; it only keeps a
 * scan per keystroke from happening. 90 ms leaves room inside the 150 ms keystroke-to-mark
 * budget (bench/guard.bench.ts) for the round trip and the frame, even on a busy machine.
 */
export const SCAN_DELAY_MS = 90;

export class ScanScheduler {
  #timer: unknown = null;
  #seq = 0;
  #inFlight: { seq: number; key: string; promise: Promise<ScanResult | null> } | null = null;
  last: ScanResult | null = null;

  constructor(private deps: ScanSchedulerDeps) {}

  /** The text changed: scan after a pause (or now, after a paste). */
  touch(immediate = false): void {
    if (this.#timer !== null) this.deps.clearTimer(this.#timer);
    this.#timer = this.deps.setTimer(() => {
      this.#timer = null;
      void this.scanNow();
    }, immediate ? 0 : SCAN_DELAY_MS);
  }

  /** Whether the last result was computed for exactly this text and audience. */
  isCurrent(req: ScanRequest): boolean {
    return this.last !== null && this.last.key === scanKey(req);
  }

  /** Scan the current text now; resolves with the result, or null if a newer scan overtook this one. */
  scanNow(): Promise<ScanResult | null> {
    if (this.#timer !== null) {
      this.deps.clearTimer(this.#timer);
      this.#timer = null;
    }
    const req = this.deps.read();
    const key = scanKey(req);
    if (this.#inFlight && this.#inFlight.key === key) return this.#inFlight.promise;
    const seq = ++this.#seq;
    const promise = this.deps.send(req).then(
      (response): ScanResult => ({ key, text: req.text, response }),
      (): ScanResult => ({ key, text: req.text, error: true }),
    ).then((result) => {
      if (this.#inFlight?.seq === seq) this.#inFlight = null;
      if (seq !== this.#seq) return null; // a newer scan started: drop this one
      this.last = result;
      this.deps.onResult(result);
      return result;
    });
    this.#inFlight = { seq, key, promise };
    return promise;
  }

  /** Scan now and wait for a result that is current for the text at the time it arrives. */
  async scanUntilCurrent(maxRounds = 3): Promise<ScanResult | null> {
    for (let i = 0; i < maxRounds; i++) {
      const r = await this.scanNow();
      if (r && r.key === scanKey(this.deps.read())) return r;
    }
    return null;
  }
}
