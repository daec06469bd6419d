import { describe, expect, it } from 'vitest';
import { SCAN_DELAY_MS, ScanScheduler, scanKey, type ScanRequest } from '../../../src/guard/scan-scheduler';
import type { ScanResponse } from '../../../src/protocol';

/** A scheduler with hand-driven timers and background answers (no real time involved). */
function harness() {
  let current: ScanRequest = { text: '' };
  const timers: Array<{ fn: () => void; ms: number; cleared: boolean }> = [];
  const pending: Array<{ req: ScanRequest; resolve: (r: ScanResponse) => void }> = [];
  const results: string[] = [];
  const s = new ScanScheduler({
    read: () => current,
    send: (req) => new Promise((resolve) => pending.push({ req, resolve })),
    onResult: (r) => results.push(r.text),
    setTimer: (fn, ms) => {
      const t = { fn, ms, cleared: false };
      timers.push(t);
      return t;
    },
    clearTimer: (t) => void ((t as { cleared: boolean }).cleared = true),
  });
  return {
    s,
    set: (text: string, recipients?: ScanRequest['recipients']) => void (current = recipients ? { text, recipients } : { text }),
    fire: () => timers.filter((t) => !t.cleared).forEach((t) => ((t.cleared = true), t.fn())),
    live: () => timers.filter((t) => !t.cleared),
    pending,
    results,
  };
}
const clean: ScanResponse = { locked: false, findings: [] };
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('ScanScheduler', () => {
  it('waits for a pause before scanning; a new keystroke restarts the wait', () => {
    const h = harness();
    h.set('Ha');
    h.s.touch();
    h.set('Hal');
    h.s.touch();
    expect(h.live()).toHaveLength(1);
    expect(h.live()[0]!.ms).toBe(SCAN_DELAY_MS);
    expect(SCAN_DELAY_MS).toBeGreaterThanOrEqual(50); // a pause, not a scan per keystroke
    expect(h.pending).toHaveLength(0);
    h.fire();
    expect(h.pending.map((p) => p.req.text)).toEqual(['Hal']);
  });

  it('scans at once after a paste', () => {
    const h = harness();
    h.s.touch(true);
    expect(h.live()[0]!.ms).toBe(0);
  });

  it('drops a response that a newer scan overtook', async () => {
    const h = harness();
    h.set('Bram');
    const first = h.s.scanNow();
    h.set('Bram Koster');
    const second = h.s.scanNow();
    h.pending[1]!.resolve(clean);
    h.pending[0]!.resolve(clean);
    expect(await second).not.toBeNull();
    expect(await first).toBeNull();
    expect(h.results).toEqual(['Bram Koster']);
    expect(h.s.isCurrent({ text: 'Bram Koster' })).toBe(true);
    expect(h.s.isCurrent({ text: 'Bram' })).toBe(false);
  });

  it('does not ask twice for the same text while a scan is under way', () => {
    const h = harness();
    h.set('x');
    void h.s.scanNow();
    void h.s.scanNow();
    expect(h.pending).toHaveLength(1);
  });

  it('a changed audience makes the last result stale', async () => {
    const h = harness();
    h.set('Hallo', { emails: ['a@b.nl'] });
    const p = h.s.scanNow();
    h.pending[0]!.resolve(clean);
    await p;
    expect(h.s.isCurrent({ text: 'Hallo', recipients: { emails: ['a@b.nl'] } })).toBe(true);
    expect(h.s.isCurrent({ text: 'Hallo', recipients: { emails: ['a@b.nl', 'c@d.nl'] } })).toBe(false);
    expect(scanKey({ text: 'a' })).not.toBe(scanKey({ text: 'a', recipients: { emails: [] } }));
  });

  it('reports a failed scan as an error result (the guard then fails visibly)', async () => {
    const h = harness();
    h.set('x');
    const s = new ScanScheduler({
      read: () => ({ text: 'x' }),
      send: () => Promise.reject(new Error('Extension context invalidated.')),
      onResult: () => {},
      setTimer: () => 0,
      clearTimer: () => {},
    });
    expect(await s.scanNow()).toMatchObject({ text: 'x', error: true });
  });

  it('scanUntilCurrent follows text that changed while the scan was under way', async () => {
    const h = harness();
    h.set('a');
    const done = h.s.scanUntilCurrent();
    h.set('ab');
    h.pending[0]!.resolve(clean);
    await flush();
    expect(h.pending).toHaveLength(2);
    h.pending[1]!.resolve(clean);
    expect((await done)!.text).toBe('ab');
  });
});
