/**
 * Retention (LVSC beroepscode art. 4.4): client data is kept no longer than needed, by default
 * three years after the coaching trajectory ended. Pure functions; the caller asks the coach
 * before calling deleteClients, and then deletes for real.
 *
 * Dates: a trajectory end is an ISO calendar date ("2023-05-31", or a full ISO timestamp of which
 * the date counts). A client is due when the end date plus the retention period lies strictly
 * before today's date (UTC): ended exactly three years ago today is not yet "longer than" three years.
 * 29 February plus whole years lands on 28 February in non-leap years.
 */
import { defineMessages, type Language } from '../i18n';
import type { Client, Registry } from '../registry';

export const DEFAULT_RETENTION_YEARS = 3;

export interface ClientRetentionMeta {
  /** ISO date on which the trajectory ended; absent while it is still running. */
  trajectoryEnd?: string;
}
export type RetentionMeta = Record<string, ClientRetentionMeta>;

export interface Ago {
  years: number;
  months: number;
  days: number;
  /** Total whole days since the end date. */
  totalDays: number;
}

export interface DueClient {
  clientId: string;
  trajectoryEnd: string;
  endedAgo: Ago;
}

export interface DueResult {
  /** Oldest first. */
  due: DueClient[];
  /** Clients whose end date cannot be read: never deleted automatically, shown to the coach instead. */
  invalidDates: string[];
}

const DAY = 86_400_000;

interface Ymd {
  y: number;
  m: number; // 1-12
  d: number;
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Strict ISO date (optionally followed by a time): "2023-02-30" is refused, not rolled over. */
export function parseIsoDate(value: string): Ymd | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/.exec(value.trim());
  if (!m) return undefined;
  const ymd = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  if (ymd.m < 1 || ymd.m > 12 || ymd.d < 1 || ymd.d > daysInMonth(ymd.y, ymd.m)) return undefined;
  if (value.includes('T') && Number.isNaN(Date.parse(value))) return undefined;
  return ymd;
}

function toUtc({ y, m, d }: Ymd): number {
  return Date.UTC(y, m - 1, d);
}

function todayOf(now: Date): Ymd {
  return { y: now.getUTCFullYear(), m: now.getUTCMonth() + 1, d: now.getUTCDate() };
}

function addYears(date: Ymd, years: number): Ymd {
  const y = date.y + years;
  return { y, m: date.m, d: Math.min(date.d, daysInMonth(y, date.m)) };
}

function compare(a: Ymd, b: Ymd): number {
  return toUtc(a) - toUtc(b);
}

/** Calendar difference from `from` to `to` (to ≥ from). */
export function ago(from: Ymd, to: Ymd): Ago {
  let years = to.y - from.y;
  let months = to.m - from.m;
  let days = to.d - from.d;
  if (days < 0) {
    months -= 1;
    // Borrow the length of the month before `to`.
    const pm = to.m === 1 ? 12 : to.m - 1;
    const py = to.m === 1 ? to.y - 1 : to.y;
    days += daysInMonth(py, pm);
  }
  if (months < 0) {
    years -= 1;
    months += 12;
  }
  return { years, months, days, totalDays: Math.round((toUtc(to) - toUtc(from)) / DAY) };
}

function checkYears(years: number): void {
  if (!Number.isInteger(years) || years < 1) throw new RangeError('The retention period must be a whole number of years, at least 1');
}

export function findDueForDeletion(meta: RetentionMeta, now: Date, years: number = DEFAULT_RETENTION_YEARS): DueResult {
  checkYears(years);
  if (Number.isNaN(now.getTime())) throw new RangeError('now is not a valid date');
  const today = todayOf(now);
  const due: DueClient[] = [];
  const invalidDates: string[] = [];
  for (const [clientId, m] of Object.entries(meta)) {
    if (m.trajectoryEnd === undefined || m.trajectoryEnd.trim() === '') continue; // still running
    const end = parseIsoDate(m.trajectoryEnd);
    if (!end) {
      invalidDates.push(clientId);
      continue;
    }
    if (compare(addYears(end, years), today) < 0) due.push({ clientId, trajectoryEnd: m.trajectoryEnd, endedAgo: ago(end, today) });
  }
  due.sort((a, b) => b.endedAgo.totalDays - a.endedAgo.totalDays || (a.clientId < b.clientId ? -1 : 1));
  return { due, invalidDates };
}

export interface DeleteResult {
  registry: Registry;
  meta: RetentionMeta;
  /** Ids actually removed (unknown ids are ignored). */
  removed: string[];
}

/**
 * Removes the clients and their retention data for real: the returned registry and meta hold no
 * trace of them (no tombstones, no names). The inputs are not modified.
 */
export function deleteClients(registry: Registry, meta: RetentionMeta, ids: Iterable<string>): DeleteResult {
  const doomed = new Set(ids);
  const removed: string[] = [];
  const clients: Client[] = [];
  for (const c of registry.clients) {
    if (doomed.has(c.id)) removed.push(c.id);
    else clients.push(c);
  }
  const nextMeta: RetentionMeta = {};
  for (const [id, m] of Object.entries(meta)) if (!doomed.has(id)) nextMeta[id] = { ...m };
  return { registry: { ...registry, clients }, meta: nextMeta, removed };
}

export interface PurgeResult<T> {
  kept: T[];
  purged: number;
  /** Entries kept because their time could not be read (never silently dropped). */
  undated: number;
}

/**
 * Drops entries (e.g. log lines) older than `years` before `now`: an entry is purged when its time
 * plus the period lies strictly before `now`. Order of the kept entries is preserved.
 */
export function purgeOlderThan<T>(
  entries: readonly T[],
  years: number,
  now: Date,
  getTime: (entry: T) => Date | number | string | undefined,
): PurgeResult<T> {
  checkYears(years);
  if (Number.isNaN(now.getTime())) throw new RangeError('now is not a valid date');
  const kept: T[] = [];
  let purged = 0;
  let undated = 0;
  for (const e of entries) {
    const raw = getTime(e);
    const time = raw instanceof Date ? raw.getTime() : typeof raw === 'number' ? raw : typeof raw === 'string' ? Date.parse(raw) : NaN;
    if (!Number.isFinite(time)) {
      undated++;
      kept.push(e);
      continue;
    }
    const t = new Date(time);
    const limit = new Date(t.getTime());
    const y = t.getUTCFullYear() + years;
    limit.setUTCFullYear(y, t.getUTCMonth(), Math.min(t.getUTCDate(), daysInMonth(y, t.getUTCMonth() + 1)));
    if (limit.getTime() < now.getTime()) purged++;
    else kept.push(e);
  }
  return { kept, purged, undated };
}

const t = defineMessages({
  nl: {
    years1: '1 jaar',
    years: '{n} jaar',
    months1: '1 maand',
    months: '{n} maanden',
    days1: '1 dag',
    days: '{n} dagen',
    and: 'en',
    ago: '{span} geleden',
  },
  en: {
    years1: '1 year',
    years: '{n} years',
    months1: '1 month',
    months: '{n} months',
    days1: '1 day',
    days: '{n} days',
    and: 'and',
    ago: '{span} ago',
  },
});

/** "3 jaar en 2 maanden geleden" / "3 years and 2 months ago" (days only under a month). */
export function formatAgo(a: Ago, language?: Language): string {
  const parts: string[] = [];
  if (a.years > 0) parts.push(a.years === 1 ? t('years1', undefined, language) : t('years', { n: a.years }, language));
  if (a.months > 0) parts.push(a.months === 1 ? t('months1', undefined, language) : t('months', { n: a.months }, language));
  if (a.years === 0 && a.months === 0) parts.push(a.days === 1 ? t('days1', undefined, language) : t('days', { n: a.days }, language));
  const span = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} ${t('and', undefined, language)} ${parts.at(-1)}` : parts[0]!;
  return t('ago', { span }, language);
}
