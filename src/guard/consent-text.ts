/** A consent verdict in five-second words, for the mark's tooltip and the warning dialog. */
import type { Language } from '../i18n';
import type { ConsentVerdict } from '../protocol';
import { t } from './messages';

/** "2026-03-12" → "12 maart 2026" / "12 March 2026" (the input as is when it is not a date). */
export function formatDate(iso: string, language?: Language): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const month = t('months', undefined, language).split(',')[Number(m[2]) - 1];
  return month ? `${Number(m[3])} ${month} ${m[1]}` : iso;
}

/** One line: covered (not blocking) or why the consent does not cover this send (still blocking). */
export function consentLine(v: ConsentVerdict, language?: Language): string {
  const given = formatDate(v.givenOn, language);
  switch (v.status) {
    case 'covered':
      return t('consentCovered', { date: given, purpose: v.purpose }, language);
    case 'expired':
      return t('consentExpired', { date: formatDate(v.validUntil ?? v.givenOn, language) }, language);
    case 'not-yet-valid':
      return t('consentNotYet', { date: given }, language);
    case 'audience-not-covered':
      return t('consentAudience', { date: given }, language);
    case 'information-not-covered':
      return t('consentInformation', { date: given }, language);
  }
}
