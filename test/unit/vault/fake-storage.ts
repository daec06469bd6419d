/**
 * An in-memory stand-in for browser.storage.local that can be told to fail at any operation:
 *  - 'throw-before': the call throws and nothing is applied (e.g. a quota error);
 *  - 'throw-after':  the call is applied, then throws (the caller cannot know it landed);
 *  - 'crash-before' / 'crash-after': like the throws, and then every later call fails too
 *    (the worker died mid-write; only a fresh start over the same data can continue).
 * Values are deep-copied in and out, like the real storage (structured clone).
 */
import type { KeyValueStorage } from '../../../src/vault/store';

export type FailMode = 'throw-before' | 'throw-after' | 'crash-before' | 'crash-after';
export type Op = 'get' | 'set' | 'remove';

export class FakeStorage implements KeyValueStorage {
  readonly data = new Map<string, unknown>();
  /** Every call, in order, as "op:key1,key2". */
  readonly calls: string[] = [];
  private failAt: { index: number; mode: FailMode } | null = null;
  private crashed = false;
  /** Makes a `get` of this key return a mangled value once (a disk that returns something else than written). */
  mangleNextGetOf: string | null = null;

  failOnCall(index: number, mode: FailMode): void {
    this.failAt = { index, mode };
  }

  /** A fresh storage over the same data (a restarted browser). */
  restart(): FakeStorage {
    const s = new FakeStorage();
    for (const [k, v] of this.data) s.data.set(k, structuredClone(v));
    return s;
  }

  snapshot(): Record<string, unknown> {
    return Object.fromEntries([...this.data].map(([k, v]) => [k, structuredClone(v)]));
  }

  private async step<T>(op: Op, keys: string[], apply: () => T): Promise<T> {
    const index = this.calls.length;
    this.calls.push(`${op}:${keys.join(',')}`);
    if (this.crashed) throw new Error('storage unavailable');
    const fail = this.failAt?.index === index ? this.failAt.mode : null;
    if (fail?.startsWith('crash')) this.crashed = true;
    if (fail?.endsWith('before')) throw new Error('QUOTA_BYTES quota exceeded');
    const result = apply();
    if (fail?.endsWith('after')) throw new Error('QUOTA_BYTES quota exceeded');
    return result;
  }

  get(keys: string[]): Promise<Record<string, unknown>> {
    return this.step('get', keys, () => {
      const out: Record<string, unknown> = {};
      for (const k of keys) {
        if (!this.data.has(k)) continue;
        let v = structuredClone(this.data.get(k));
        if (this.mangleNextGetOf === k && typeof v === 'string') {
          v = v.slice(0, -10) + '"}';
          this.mangleNextGetOf = null;
        }
        out[k] = v;
      }
      return out;
    });
  }

  set(items: Record<string, unknown>): Promise<void> {
    return this.step('set', Object.keys(items), () => {
      for (const [k, v] of Object.entries(items)) this.data.set(k, structuredClone(v));
    });
  }

  remove(keys: string[]): Promise<void> {
    return this.step('remove', keys, () => {
      for (const k of keys) this.data.delete(k);
    });
  }
}
