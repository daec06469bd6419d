import { describe, expect, it, vi } from 'vitest';
import { ContentRequest } from '../../../src/protocol';
import { isScanResponse, MAX_SCAN_CHARS, requestScan } from '../../../src/guard/scan-request';

describe('the guard’s scan request', () => {
  it('uses the same cap as the background’s schema', () => {
    expect(ContentRequest.safeParse({ type: 'scan', text: 'a'.repeat(MAX_SCAN_CHARS) }).success).toBe(true);
    expect(ContentRequest.safeParse({ type: 'scan', text: 'a'.repeat(MAX_SCAN_CHARS + 1) }).success).toBe(false);
  });

  it('does not send a text beyond the cap: the scan fails (the guard then says it could not check)', async () => {
    const send = vi.fn(async () => ({ locked: false, findings: [] }));
    await expect(requestScan(send, { type: 'scan', text: 'a'.repeat(MAX_SCAN_CHARS + 1) })).rejects.toThrow('too-long');
    expect(send).not.toHaveBeenCalled();
  });

  it('never reads a refusal or a malformed answer as "nothing found"', async () => {
    for (const answer of [{ ok: false, error: 'bad-request' }, undefined, null, 'x', { locked: false }, { locked: false, findings: 'none' }]) {
      await expect(requestScan(async () => answer, { type: 'scan', text: 'Bram Koster' })).rejects.toThrow('not-a-scan-response');
      expect(isScanResponse(answer)).toBe(false);
    }
    await expect(requestScan(async () => ({ locked: false, findings: [] }), { type: 'scan', text: 'x' })).resolves.toEqual({ locked: false, findings: [] });
    await expect(requestScan(async () => ({ locked: true }), { type: 'scan', text: 'x' })).resolves.toEqual({ locked: true });
  });
});
