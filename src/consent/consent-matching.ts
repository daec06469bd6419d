/**
 * Does a client's written consent cover this mention in this message? Pure (no browser globals).
 *
 * A consent covers a finding when all three hold:
 *  - dates: givenOn ≤ today ≤ validUntil (both inclusive; `today` is the coach's local calendar day, YYYY-MM-DD);
 *  - information: name ← name|report|all, identifier ← contact|all, organization ← organization|report|all,
 *    detail ← details|report|all;
 *  - audience: a public post only by `publicPosts`; any other message only when it has at least one e-mail
 *    recipient and EVERY recipient is covered, by exact address (case-insensitive) or by domain (the domain
 *    itself or a subdomain of it; `evilgemeente-zwolle.nl` is not `gemeente-zwolle.nl`). A chat or DM without
 *    e-mail recipients is never covered: who reads it cannot be checked.
 *
 * With several consents: 'covered' if any covers; otherwise the reason of the consent closest to covering,
 * so the coach reads the sentence that helps ("your consent for exactly this expired" rather than "this
 * other consent is for someone else").
 */
import type { FindingKind } from '../detect/types';
import type { ConsentVerdict } from '../protocol';
import type { Situation } from '../codes/articles';
import type { Consent, InformationKind } from '../vault/schema';

export interface MessageAudience {
  /** Every e-mail recipient (To, Cc, Bcc). */
  emails: readonly string[];
  /** The kind of channel, when the site adapter said it. */
  situation?: Situation;
}

const COVERS: Record<FindingKind, readonly InformationKind[]> = {
  name: ['name', 'report', 'all'],
  identifier: ['contact', 'all'],
  organization: ['organization', 'report', 'all'],
  detail: ['details', 'report', 'all'],
};

/** Lower-case, trimmed e-mail address; '' when it is not one. */
export function normalizeEmail(address: string): string {
  const a = address.trim().toLowerCase();
  const at = a.lastIndexOf('@');
  return at > 0 && at < a.length - 1 && !/\s/.test(a) ? a : '';
}

/** Lower-case domain without a leading "@" or "." and without a trailing "."; '' when it is not one. */
export function normalizeDomain(domain: string): string {
  const d = domain.trim().toLowerCase().replace(/^[@.]+/, '').replace(/\.+$/, '');
  return /^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)*$/u.test(d) ? d : '';
}

function recipientCovered(email: string, consent: Consent): boolean {
  const address = normalizeEmail(email);
  if (!address) return false;
  if (consent.audience.emails.some((e) => normalizeEmail(e) === address)) return true;
  const host = address.slice(address.lastIndexOf('@') + 1);
  return consent.audience.domains.some((raw) => {
    const d = normalizeDomain(raw);
    // A whole label boundary: "hr.gemeente-zwolle.nl" is inside, "evilgemeente-zwolle.nl" is not.
    return d !== '' && (host === d || host.endsWith(`.${d}`));
  });
}

export function audienceCovered(consent: Consent, audience: MessageAudience): boolean {
  if (audience.situation === 'public-post') return consent.audience.publicPosts;
  return audience.emails.length > 0 && audience.emails.every((e) => recipientCovered(e, consent));
}

export function informationCovered(consent: Consent, kind: FindingKind): boolean {
  return COVERS[kind].some((k) => consent.information.includes(k));
}

/** 'ok', or why today is outside the consent's dates. ISO dates compare correctly as strings. */
export function dateStatus(consent: Consent, today: string): 'ok' | 'expired' | 'not-yet-valid' {
  if (today < consent.givenOn) return 'not-yet-valid';
  if (consent.validUntil !== undefined && today > consent.validUntil) return 'expired';
  return 'ok';
}

interface Judged {
  verdict: ConsentVerdict;
  /** How close the consent comes to covering: the right audience weighs most, then the information, then the dates. */
  closeness: number;
}

function judge(consent: Consent, kind: FindingKind, audience: MessageAudience, today: string): Judged {
  const audienceOk = audienceCovered(consent, audience);
  const infoOk = informationCovered(consent, kind);
  const dates = dateStatus(consent, today);
  // The status names the most fundamental gap: renewing an expired consent would not help if it is for
  // someone else or other information.
  const status: ConsentVerdict['status'] = !audienceOk
    ? 'audience-not-covered'
    : !infoOk
      ? 'information-not-covered'
      : dates !== 'ok'
        ? dates
        : 'covered';
  return {
    verdict: {
      status,
      givenOn: consent.givenOn,
      purpose: consent.purpose,
      ...(consent.party !== undefined ? { party: consent.party } : {}),
      ...(consent.validUntil !== undefined ? { validUntil: consent.validUntil } : {}),
    },
    closeness: (audienceOk ? 4 : 0) + (infoOk ? 2 : 0) + (dates === 'ok' ? 1 : 0),
  };
}

/**
 * The verdict for one finding of one client, or undefined when the client has no consent at all.
 * `consents` may hold other clients' consents too; only `clientId`'s count.
 */
export function consentVerdict(
  consents: readonly Consent[],
  clientId: string,
  kind: FindingKind,
  audience: MessageAudience,
  today: string,
): ConsentVerdict | undefined {
  let best: Judged | undefined;
  let bestConsent: Consent | undefined;
  for (const consent of consents) {
    if (consent.clientId !== clientId) continue;
    const j = judge(consent, kind, audience, today);
    const better =
      !best ||
      j.closeness > best.closeness ||
      // Equally close: the most recent consent is the one the coach will recognise.
      (j.closeness === best.closeness && consent.givenOn > bestConsent!.givenOn);
    if (better) {
      best = j;
      bestConsent = consent;
    }
  }
  return best?.verdict;
}
