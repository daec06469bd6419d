/** Pure helpers turning scan findings into what the coach sees: blocking or not, quotes, grouped per client. */
import type { GuardFinding } from '../protocol';
import { consentLine } from './consent-text';
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

/** Findings grouped per client, blocking clients first, in text order; consent verdicts as one line each. */
export function mentionsByClient(findings: readonly GuardFinding[], text: string, bodyOffset: number): ClientMention[] {
  const byClient = new Map<string, { mention: ClientMention; kinds: Set<string>; consent: Set<string> }>();
  for (const f of findings) {
    let entry = byClient.get(f.clientId);
    if (!entry) {
      entry = { mention: { label: f.clientLabel, toClient: !!f.toClient, blocking: false, what: [], quotes: [] }, kinds: new Set(), consent: new Set() };
      byClient.set(f.clientId, entry);
    }
    if (isBlocking(f)) entry.mention.blocking = true;
    if (f.consent && !f.toClient) entry.consent.add(consentLine(f.consent));
    entry.kinds.add(f.kind);
    entry.mention.quotes.push(quoteAround(text, f.start, f.end, bodyOffset));
  }
  const out = [...byClient.values()].map(({ mention, kinds, consent }) => ({
    ...mention,
    what: [...kinds].map((k) => kindLabel(k as GuardFinding['kind'])),
    ...(consent.size ? { consent: [...consent] } : {}),
  }));
  return out.sort((a, b) => Number(!a.blocking) - Number(!b.blocking));
}

/** The distinct (client, matched text) pairs of the blocking findings: what "stop warning for this" would cover. */
export function blockingTerms(findings: readonly GuardFinding[], text: string): { clientId: string; term: string }[] {
  const seen = new Set<string>();
  const out: { clientId: string; term: string }[] = [];
  for (const f of findings) {
    if (!isBlocking(f)) continue;
    const term = text.slice(f.start, f.end).replace(/\s+/g, ' ').trim().slice(0, 200);
    const key = `${f.clientId}\u0000${term.toLowerCase()}`;
    if (!term || seen.has(key)) continue;
    seen.add(key);
    out.push({ clientId: f.clientId, term });
  }
  return out;
}
