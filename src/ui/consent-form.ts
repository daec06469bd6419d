/**
 * The consent form's rules, without any UI: what the coach typed → a ConsentDraft, or per-field messages
 * in the coach's language. Kept pure so the rules are unit-tested (test/unit/ui/consent-form.test.ts).
 */
import type { ConsentDraftInput } from '../protocol';
import { INFORMATION_KINDS, type Consent, type InformationKind } from '../vault/schema';
import { t } from './messages';

/** The form as typed: multi-value fields one per line, dates as the date input gives them (YYYY-MM-DD or ''). */
export interface ConsentFormValues {
  information: InformationKind[];
  emails: string;
  domains: string;
  publicPosts: boolean;
  party: string;
  purpose: string;
  givenOn: string;
  validUntil: string;
  keptAt: string;
}

export type ConsentField = 'information' | 'audience' | 'emails' | 'domains' | 'party' | 'purpose' | 'givenOn' | 'validUntil' | 'keptAt';
export type ConsentErrors = Partial<Record<ConsentField, string>>;

/** The order errors are reported and focused in: the order of the form. */
export const CONSENT_FIELD_ORDER: readonly ConsentField[] = ['information', 'emails', 'domains', 'audience', 'party', 'purpose', 'givenOn', 'validUntil', 'keptAt'];

/** Limits of ConsentSchema (src/vault/schema.ts), checked here so the coach reads why instead of a refusal. */
const MAX = { lines: 100, email: 320, domain: 253, party: 200, purpose: 500, keptAt: 500 } as const;

/** Today as YYYY-MM-DD in the coach's own time zone (a date input speaks local dates). */
export function localToday(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

export function emptyConsentForm(today = localToday()): ConsentFormValues {
  return { information: [], emails: '', domains: '', publicPosts: false, party: '', purpose: '', givenOn: today, validUntil: '', keptAt: '' };
}

export function consentFormFrom(c: Consent): ConsentFormValues {
  return {
    information: [...c.information],
    emails: c.audience.emails.join('\n'),
    domains: c.audience.domains.join('\n'),
    publicPosts: c.audience.publicPosts,
    party: c.party ?? '',
    purpose: c.purpose,
    givenOn: c.givenOn,
    validUntil: c.validUntil ?? '',
    keptAt: c.keptAt ?? '',
  };
}

const lines = (s: string) =>
  s
    .split('\n')
    .map((x) => x.trim())
    .filter(Boolean);

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Letters of any script (IDN domains such as bücher.de), as src/consent/consent-matching.ts accepts them; a top-level part required. */
const DOMAIN = /^(?=.{1,253}$)([\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+[\p{L}]{2,63}$/u;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** "@gemeente.nl", "https://www.gemeente.nl/" and "Gemeente.NL" all mean the domain gemeente.nl-as-typed. */
export function normalizeDomain(raw: string): string {
  return raw
    .trim()
    .replace(/^https?:\/\//i, '')
    .replace(/^@/, '')
    .replace(/\/.*$/, '')
    .replace(/\.$/, '')
    .toLowerCase();
}

export type ConsentCheck = { ok: true; draft: ConsentDraftInput } | { ok: false; errors: ConsentErrors };

/**
 * Checks the form: at least one kind of information, at least one audience Discreet can recognise (an address,
 * a domain or public posts; a party name alone is a reminder, not an audience), a purpose, a date given, and an
 * end date not before it. Messages name line numbers, never the typed values.
 */
export function checkConsentForm(v: ConsentFormValues, ids: { id?: string; clientId: string }): ConsentCheck {
  const errors: ConsentErrors = {};
  const information = INFORMATION_KINDS.filter((k) => v.information.includes(k));
  if (information.length === 0) errors.information = t('consentErrWhat');

  const emails = lines(v.emails);
  const badEmail = emails.findIndex((e) => !EMAIL.test(e) || e.length > MAX.email);
  if (emails.length > MAX.lines) errors.emails = t('consentErrTooMany', { n: MAX.lines });
  else if (badEmail >= 0) errors.emails = t('consentErrEmail', { n: badEmail + 1 });

  const domains = lines(v.domains).map(normalizeDomain);
  const badDomain = domains.findIndex((d) => !DOMAIN.test(d));
  if (domains.length > MAX.lines) errors.domains = t('consentErrTooMany', { n: MAX.lines });
  else if (badDomain >= 0) errors.domains = t('consentErrDomain', { n: badDomain + 1 });

  if (emails.length === 0 && domains.length === 0 && !v.publicPosts) errors.audience = t('consentErrWho');

  const party = v.party.trim();
  if (party.length > MAX.party) errors.party = t('consentErrTooLong', { n: MAX.party });
  const purpose = v.purpose.trim();
  if (!purpose) errors.purpose = t('consentErrPurpose');
  else if (purpose.length > MAX.purpose) errors.purpose = t('consentErrTooLong', { n: MAX.purpose });
  const keptAt = v.keptAt.trim();
  if (keptAt.length > MAX.keptAt) errors.keptAt = t('consentErrTooLong', { n: MAX.keptAt });

  if (!ISO_DATE.test(v.givenOn)) errors.givenOn = t('consentErrGivenOn');
  if (v.validUntil && !ISO_DATE.test(v.validUntil)) errors.validUntil = t('consentErrGivenOn');
  else if (v.validUntil && ISO_DATE.test(v.givenOn) && v.validUntil < v.givenOn) errors.validUntil = t('consentErrEndBeforeStart');

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    draft: {
      ...(ids.id ? { id: ids.id } : {}),
      clientId: ids.clientId,
      information,
      audience: { emails: [...new Set(emails)], domains: [...new Set(domains)], publicPosts: v.publicPosts },
      ...(party ? { party } : {}),
      purpose,
      givenOn: v.givenOn,
      ...(v.validUntil ? { validUntil: v.validUntil } : {}),
      ...(keptAt ? { keptAt } : {}),
    },
  };
}

/** The first field with an error, in form order (to move the focus there). */
export function firstErrorField(errors: ConsentErrors): ConsentField | undefined {
  return CONSENT_FIELD_ORDER.find((f) => errors[f]);
}

export type ConsentState = 'valid' | 'expired' | 'not-yet-valid';

/** Whether a consent applies on `today` (YYYY-MM-DD): the end date is the last valid day. */
export function consentState(c: Pick<Consent, 'givenOn' | 'validUntil'>, today = localToday()): ConsentState {
  if (c.validUntil && c.validUntil < today) return 'expired';
  if (c.givenOn > today) return 'not-yet-valid';
  return 'valid';
}
