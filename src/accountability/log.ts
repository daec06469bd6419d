/**
 * The accountability log: one entry per "send anyway" (RL 2.1.4 and 3.2; LVSC 3.2), kept inside the
 * encrypted vault and no longer than the retention period (LVSC 4.4). Pure (no browser globals).
 *
 * An entry holds when, where, which clients (ids), the reason and the coach's own note: NEVER the message
 * text. Its CSV export is for the coach's own records (e.g. a complaint procedure); it names clients, so the
 * background hands it out only after the passphrase was given again.
 */
import Papa from 'papaparse';
import { defineMessages, type Language } from '../i18n';
import type { LogRecord } from '../protocol';
import { escapeCell } from '../vault/import/formula';
import { purgeOlderThan } from '../vault/retention';
import { LogEntrySchema, type LogEntry, type SendReason } from '../vault/schema';
import type { Situation } from '../codes/articles';

export const MAX_NOTE = 1000;

/** The codes buildLogEntry throws (as Error messages): stable, never user data. */
export const LOG_ERRORS = ['note-required', 'note-too-long'] as const;

export interface SendAnyway {
  app: string;
  situation: Situation;
  clientIds: readonly string[];
  reason: SendReason;
  note?: string;
}

/**
 * A valid log entry, or Error('note-required') when the reason is 'other' without a note, Error('note-too-long')
 * beyond 1000 characters. The note is trimmed (a blank one is left out); client ids are deduplicated.
 */
export function buildLogEntry(input: SendAnyway, stamp: { id: string; at: Date }): LogEntry {
  const note = input.note?.trim() ?? '';
  if (note.length > MAX_NOTE) throw new Error('note-too-long');
  if (input.reason === 'other' && note === '') throw new Error('note-required');
  const parsed = LogEntrySchema.safeParse({
    id: stamp.id,
    at: stamp.at.toISOString(),
    app: input.app,
    situation: input.situation,
    clientIds: [...new Set(input.clientIds)],
    reason: input.reason,
    ...(note ? { note } : {}),
  });
  // Anything else the schema refuses is a caller's bug; its message could quote the input, so it is not passed on.
  if (!parsed.success) throw new Error('internal');
  return parsed.data;
}

/** The entries still within the retention period (LVSC 4.4): older ones are gone for good, not hidden. */
export function purgeLog(log: readonly LogEntry[], retentionYears: number, now: Date): { kept: LogEntry[]; purged: number } {
  const { kept, purged } = purgeOlderThan(log, retentionYears, now, (e) => e.at);
  return { kept, purged };
}

/** Newest first (the order the log page and the export show). */
export function newestFirst<T extends Pick<LogEntry, 'at'>>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
}

const t = defineMessages({
  nl: {
    colAt: 'datum en tijd',
    colApp: 'app',
    colSituation: 'soort kanaal',
    colClients: 'cliënten',
    colReason: 'reden',
    colNote: 'toelichting',
    'situation-public-post': 'openbaar bericht',
    'situation-third-party': 'bericht aan een derde',
    'situation-message': 'direct bericht',
    'situation-supervision': 'intervisie of supervisie',
    'reason-consent': 'toestemming van de cliënt',
    'reason-legal': 'wettelijke plicht',
    'reason-safety': 'veiligheid, na overleg met een collega',
    'reason-false-alarm': 'vals alarm',
    'reason-other': 'anders',
    deletedClient: 'verwijderde cliënt ({id})',
  },
  en: {
    colAt: 'date and time',
    colApp: 'app',
    colSituation: 'channel',
    colClients: 'clients',
    colReason: 'reason',
    colNote: 'note',
    'situation-public-post': 'public post',
    'situation-third-party': 'message to a third party',
    'situation-message': 'direct message',
    'situation-supervision': 'peer review or supervision',
    'reason-consent': 'the client gave consent',
    'reason-legal': 'legal duty',
    'reason-safety': 'safety, after consulting a colleague',
    'reason-false-alarm': 'false alarm',
    'reason-other': 'other',
    deletedClient: 'deleted client ({id})',
  },
});

const APP_NAMES: Record<string, string> = { gmail: 'Gmail', outlook: 'Outlook', linkedin: 'LinkedIn', teams: 'Teams', slack: 'Slack' };

/** "2026-11-23 14:05" in the given time zone (default: this machine's). */
export function formatLocalDateTime(iso: string, timeZone?: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}

/** Several clients in one cell, as the plain client export joins several values. */
export const CLIENT_SEPARATOR = ' | ';

/**
 * The log as CSV in the coach's language, in the same spreadsheet form as the plain client export
 * (src/vault/export): UTF-8 with BOM, semicolons, CRLF, every cell safe against formula injection.
 */
export function logCsv(entries: readonly LogRecord[], language: Language, timeZone?: string): string {
  const header = (['colAt', 'colApp', 'colSituation', 'colClients', 'colReason', 'colNote'] as const).map((key) => t(key, undefined, language));
  const rows = newestFirst(entries).map((e) =>
    [
      formatLocalDateTime(e.at, timeZone),
      APP_NAMES[e.app] ?? e.app,
      t(`situation-${e.situation}`, undefined, language),
      e.clientIds.map((id, i) => e.clientLabels[i] ?? t('deletedClient', { id }, language)).join(CLIENT_SEPARATOR),
      t(`reason-${e.reason}`, undefined, language),
      e.note ?? '',
    ].map(escapeCell),
  );
  const body = Papa.unparse({ fields: header, data: rows }, { delimiter: ';', newline: '\r\n', quotes: false, escapeFormulae: false });
  return `\uFEFF${body}\r\n`;
}
