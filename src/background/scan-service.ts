/**
 * The background half of the guard: turns a scan request into findings the content script may see.
 * Pure (no browser globals): the registry stays here; the content script gets offsets, the client's
 * display label and what was recognised, never the list.
 */
import type { Situation } from '../codes/articles';
import { consentVerdict } from '../consent/consent-matching';
import type { Detector } from '../detect/types';
import type { GuardFinding } from '../protocol';
import type { Registry } from '../registry';
import type { Consent, IgnoreRule } from '../vault/schema';

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

/** What the coach has registered that changes how findings are judged (all optional: none = plain scan). */
export interface ScanContext {
  /** The clients' consents (src/consent/): each finding of a client with consents gets a verdict. */
  consents?: readonly Consent[];
  /** The coach's "false alarm" rules: a finding is dropped for the same client, situation and matched text. */
  ignoreRules?: readonly IgnoreRule[];
  /** The kind of channel, as the site adapter said; ignore rules and public-post consents need it. */
  situation?: Situation;
  /** The coach's local calendar day, YYYY-MM-DD, for the consents' dates. Required for consents to apply. */
  today?: string;
}

/** The coach's local calendar day (YYYY-MM-DD): a consent valid "until 31 March" holds all of that day here. */
export function localIsoDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Scan `text` and label each finding; findings about an addressed client are marked `toClient`, findings the
 * coach marked as a false alarm (same client, same situation, same matched text) are dropped, and findings of
 * a client with consents carry the consent verdict.
 */
export function scanForGuard(
  detector: Detector,
  registry: Registry,
  text: string,
  recipients?: ScanRecipients,
  context: ScanContext = {},
): GuardFinding[] {
  const labels = new Map(registry.clients.map((c) => [c.id, c.name]));
  const addressed = clientsAddressed(registry, recipients);
  const { consents = [], ignoreRules = [], situation, today } = context;
  const ignored = new Set(
    ignoreRules.filter((r) => r.situation === situation).map((r) => `${r.clientId}\u0000${r.term}`),
  );
  const audience = { emails: recipients?.emails ?? [], ...(situation ? { situation } : {}) };
  const out: GuardFinding[] = [];
  for (const f of detector.scan(text).findings) {
    if (ignored.size > 0 && ignored.has(`${f.clientId}\u0000${normalizeName(text.slice(f.start, f.end))}`)) continue;
    const consent = today !== undefined ? consentVerdict(consents, f.clientId, f.kind, audience, today) : undefined;
    out.push({
      ...f,
      clientLabel: labels.get(f.clientId) ?? f.clientId,
      ...(addressed.has(f.clientId) ? { toClient: true } : {}),
      ...(consent ? { consent } : {}),
    });
  }
  return out;
}

/**
 * Whether a finding stops the send: anything not addressed to the client themself and not covered by the
 * client's valid consent, except low-confidence hints.
 */
export function isBlocking(f: Pick<GuardFinding, 'toClient' | 'severity' | 'consent'>): boolean {
  return !f.toClient && f.consent?.status !== 'covered' && f.severity !== 'low';
}
