/**
 * The guard's scan request to the background, checked on both ends of the trip. A text longer than the
 * background accepts (src/protocol.ts caps it at 10,000,000 characters) is not sent at all, and an answer
 * that is not a scan response (the background's 'bad-request', say) is not read as "no findings": both
 * become a failed scan, which the guard shows as "could not check this message" and never as a clean send.
 */
import type { ScanResponse } from '../protocol';

/** Must equal the `.max()` of the scan text in src/protocol.ts (a unit test checks). */
export const MAX_SCAN_CHARS = 10_000_000;

export function isScanResponse(r: unknown): r is ScanResponse {
  if (!r || typeof r !== 'object') return false;
  const o = r as { locked?: unknown; findings?: unknown };
  if (o.locked === true) return true;
  return o.locked === false && Array.isArray(o.findings);
}

export async function requestScan<M extends { type: 'scan'; text: string }>(send: (message: M) => Promise<unknown>, message: M): Promise<ScanResponse> {
  if (message.text.length > MAX_SCAN_CHARS) throw new Error('too-long');
  const answer = await send(message);
  if (!isScanResponse(answer)) throw new Error('not-a-scan-response');
  return answer;
}
