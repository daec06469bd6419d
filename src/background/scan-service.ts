/**
 * The background half of the guard: turns a scan request into findings the content script may see.
 * Pure (no browser globals): the registry stays here; the content script gets offsets, the client's
 * display label and what was recognised, never the list.
 */
import type { Detector } from '../detect/types';
import type { GuardFinding } from '../protocol';
import type { Registry } from '../registry';

export interface ScanRecipients {
  emails: string[];
  partner?: string;
}

/** Lower-case, accents stripped, whitespace collapsed: how two spellings of a name or address are compared. */
export function normalizeName(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The clients the message goes to and only to: a client whose identifiers include EVERY e-mail recipient,
 * or whose name (or alias) is the DM partner. Mentioning a client to that client is not a disclosure.
 */
export function clientsAddressed(registry: Registry, recipients: ScanRecipients | undefined): Set<string> {
  const out = new Set<string>();
  if (!recipients) return out;
  const emails = recipients.emails.map(normalizeName).filter((e) => e.length > 0);
  const partner = recipients.partner ? normalizeName(recipients.partner) : '';
  for (const c of registry.clients) {
    if (emails.length > 0) {
      const ids = new Set(c.identifiers.map(normalizeName));
      if (emails.every((e) => ids.has(e))) out.add(c.id);
    }
    if (partner && [c.name, ...c.aliases].some((n) => normalizeName(n) === partner)) out.add(c.id);
  }
  return out;
}

/** Scan `text` and label each finding; findings about an addressed client are marked `toClient`. */
export function scanForGuard(
  detector: Detector,
  registry: Registry,
  text: string,
  recipients?: ScanRecipients,
): GuardFinding[] {
  const labels = new Map(registry.clients.map((c) => [c.id, c.name]));
  const addressed = clientsAddressed(registry, recipients);
  return detector.scan(text).findings.map((f) => ({
    ...f,
    clientLabel: labels.get(f.clientId) ?? f.clientId,
    ...(addressed.has(f.clientId) ? { toClient: true } : {}),
  }));
}

/**
 * Whether a finding stops the send: anything not addressed to the client themself and not covered by the
 * client's valid consent, except low-confidence hints.
 */
export function isBlocking(f: Pick<GuardFinding, 'toClient' | 'severity' | 'consent'>): boolean {
  return !f.toClient && f.consent?.status !== 'covered' && f.severity !== 'low';
}
