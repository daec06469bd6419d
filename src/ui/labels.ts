/** Stored codes (kinds of information, channels, reasons, apps) in the coach's words. */
import { getLanguage } from '../i18n';
import type { InformationKind, ProtectedApp, SendReason } from '../vault/schema';
import type { Situation } from '../codes/articles';
import { t, type MessageKey } from './messages';
import { APP_LABELS } from './sites';

const INFORMATION: Record<InformationKind, MessageKey> = {
  name: 'info_name',
  contact: 'info_contact',
  organization: 'info_organization',
  details: 'info_details',
  report: 'info_report',
  all: 'info_all',
};

const SITUATION: Record<Situation, MessageKey> = {
  'public-post': 'situation_public_post',
  'third-party': 'situation_third_party',
  message: 'situation_message',
  supervision: 'situation_supervision',
};

const REASON: Record<SendReason, MessageKey> = {
  consent: 'reason_consent',
  legal: 'reason_legal',
  safety: 'reason_safety',
  'false-alarm': 'reason_false_alarm',
  other: 'reason_other',
};

export const informationLabel = (k: InformationKind) => t(INFORMATION[k]);
export const situationLabel = (s: Situation) => t(SITUATION[s]);
export const reasonLabel = (r: SendReason) => t(REASON[r]);

/** 'gmail' → 'Gmail'; another protected site is shown by its host name, as stored. */
export function appLabel(app: string): string {
  return (APP_LABELS as Record<string, string>)[app as ProtectedApp] ?? app;
}

/** The clients of a log entry: today's names, "verwijderde cliënt" for one deleted since. */
export function clientLabelsText(labels: readonly (string | null)[]): string {
  return labels.map((l) => l ?? t('logDeletedClient')).join(', ');
}

/** "23 nov 2026 14:05" in the coach's language and time zone. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(getLanguage() === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}
