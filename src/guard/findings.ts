/** Pure helpers turning scan findings into what the coach sees: blocking or not, quotes, grouped per client. */
import type { GuardFinding } from '../protocol';
import { t } from './messages';
import type { ClientMention, Quote } from './warning-dialog';

/**
 * Whether a finding stops the send: anything not addressed to the client themself and not covered by the
 * client's valid consent, except low-confidence hints.
 */
export function isBlocking(f: Pick<GuardFinding, 'toClient' | 'severity' | 'consent'>): boolean {
  return !f.toClient && f.consent?.status !== 'covered' && f.severity !== 'low';
}

export function kindLabel(kind: GuardFinding['kind']): string {
  return t(`kind_${kind}`);
}

/** A few surrounding words (at most ~40 characters each side, cut at word boundaries, on one line). */
export function quoteAround(text: string, start: number, end: number, bodyOffset: number): Quote {
  const inSubject = start < bodyOffset;
  const lo = inSubject ? 0 : bodyOffset;
  const hi = inSubject ? Math.max(bodyOffset - 2, 0) : text.length;
  let before = text.slice(Math.max(lo, start - 40), start);
  let after = text.slice(end, Math.min(hi, end + 40));
  before = before.slice(before.lastIndexOf('\n') + 1);
  const nl = after.indexOf('\n');
  if (nl >= 0) after = after.slice(0, nl);
  if (start - 40 > lo && before.includes(' ')) before = before.slice(before.indexOf(' ') + 1);
  if (end + 40 < hi && after.includes(' ')) after = after.slice(0, after.lastIndexOf(' '));
  return { before: before.replace(/\s+/g, ' '), match: text.slice(start, end), after: after.replace(/\s+/g, ' '), inSubject };
}

/** Findings grouped per client, blocking clients first, in text order. */
export function mentionsByClient(findings: readonly GuardFinding[], text: string, bodyOffset: number): ClientMention[] {
  const byClient = new Map<string, { mention: ClientMention; kinds: Set<string> }>();
  for (const f of findings) {
    let entry = byClient.get(f.clientId);
    if (!entry) {
      entry = { mention: { label: f.clientLabel, toClient: !!f.toClient, what: [], quotes: [] }, kinds: new Set() };
      byClient.set(f.clientId, entry);
    }
    entry.kinds.add(f.kind);
    entry.mention.quotes.push(quoteAround(text, f.start, f.end, bodyOffset));
  }
  const out = [...byClient.values()].map(({ mention, kinds }) => ({ ...mention, what: [...kinds].map((k) => kindLabel(k as GuardFinding['kind'])) }));
  return out.sort((a, b) => Number(a.toClient) - Number(b.toClient));
}
