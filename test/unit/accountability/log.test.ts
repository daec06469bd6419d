import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { buildLogEntry, logCsv, purgeLog } from '../../../src/accountability/log';
import type { LogRecord } from '../../../src/protocol';
import { unescapeCell } from '../../../src/vault/import/formula';
import type { LogEntry } from '../../../src/vault/schema';

const AT = new Date('2026-11-23T13:05:00Z');

describe('buildLogEntry', () => {
  const base = { app: 'gmail', situation: 'third-party' as const, clientIds: ['a1', 'b2', 'a1'], reason: 'consent' as const };

  it('records when, where, which clients and why; duplicates once', () => {
    expect(buildLogEntry(base, { id: 'l1', at: AT })).toEqual({
      id: 'l1',
      at: '2026-11-23T13:05:00.000Z',
      app: 'gmail',
      situation: 'third-party',
      clientIds: ['a1', 'b2'],
      reason: 'consent',
    });
  });

  it('reason "other" needs a note; blank does not count', () => {
    expect(() => buildLogEntry({ ...base, reason: 'other' }, { id: 'l1', at: AT })).toThrow('note-required');
    expect(() => buildLogEntry({ ...base, reason: 'other', note: '  \n ' }, { id: 'l1', at: AT })).toThrow('note-required');
    expect(buildLogEntry({ ...base, reason: 'other', note: ' Overleg met de bedrijfsarts ' }, { id: 'l1', at: AT }).note).toBe('Overleg met de bedrijfsarts');
  });

  it('a note is at most 1000 characters; an empty note is left out', () => {
    expect(buildLogEntry({ ...base, note: 'x'.repeat(1000) }, { id: 'l1', at: AT }).note).toHaveLength(1000);
    expect(() => buildLogEntry({ ...base, note: 'x'.repeat(1001) }, { id: 'l1', at: AT })).toThrow('note-too-long');
    expect('note' in buildLogEntry({ ...base, note: '   ' }, { id: 'l1', at: AT })).toBe(false);
  });

  it('an invalid entry fails with a code, never quoting its input', () => {
    expect(() => buildLogEntry({ ...base, clientIds: [] }, { id: 'l1', at: AT })).toThrow(/^internal$/);
    expect(() => buildLogEntry({ ...base, app: '' }, { id: 'Anouk Visser', at: AT })).toThrow(/^internal$/);
  });
});

describe('purgeLog', () => {
  const entry = (id: string, at: string): LogEntry => ({ id, at, app: 'gmail', situation: 'message', clientIds: ['a1'], reason: 'legal' });

  it('drops entries older than the retention period and keeps the rest in order', () => {
    const log = [entry('old', '2023-11-22T12:00:00.000Z'), entry('edge', '2023-11-23T13:05:00.000Z'), entry('new', '2026-01-01T00:00:00.000Z')];
    const r = purgeLog(log, 3, AT);
    expect(r.kept.map((e) => e.id)).toEqual(['edge', 'new']);
    expect(r.purged).toBe(1);
    expect(purgeLog(log, 1, AT).kept.map((e) => e.id)).toEqual(['new']);
  });
});

describe('logCsv', () => {
  const records: LogRecord[] = [
    { id: 'l1', at: '2026-01-10T08:30:00.000Z', app: 'linkedin', situation: 'public-post', clientIds: ['a1'], reason: 'consent', clientLabels: ['Anouk Visser'] },
    {
      id: 'l2',
      at: '2026-07-01T21:15:00.000Z',
      app: 'gmail',
      situation: 'third-party',
      clientIds: ['a1', 'gone-7'],
      reason: 'other',
      note: '=HYPERLINK("http://evil.example","klik"); daarna "overleg"\nmet collega',
      clientLabels: ['Anouk Visser', null],
    },
  ];
  const rows = (csv: string) => Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { delimiter: ';', skipEmptyLines: true }).data;

  it('is Excel-ready like the plain export: BOM, semicolons, CRLF; newest first; in Dutch', () => {
    const csv = logCsv(records, 'nl', 'Europe/Amsterdam');
    expect(csv.startsWith('\uFEFFdatum en tijd;app;soort kanaal;cliënten;reden;toelichting\r\n')).toBe(true);
    const data = rows(csv);
    expect(data).toHaveLength(3);
    // Summer time in Amsterdam: 21:15 UTC is 23:15 local; winter 08:30 UTC is 09:30.
    expect(data[1]!.slice(0, 5)).toEqual(['2026-07-01 23:15', 'Gmail', 'bericht aan een derde', 'Anouk Visser | verwijderde cliënt (gone-7)', 'anders']);
    expect(data[2]!.slice(0, 5)).toEqual(['2026-01-10 09:30', 'LinkedIn', 'openbaar bericht', 'Anouk Visser', 'toestemming van de cliënt']);
  });

  it('in English when the coach reads English', () => {
    const data = rows(logCsv(records, 'en', 'Europe/Amsterdam'));
    expect(data[0]).toEqual(['date and time', 'app', 'channel', 'clients', 'reason', 'note']);
    expect(data[1]!.slice(2, 5)).toEqual(['message to a third party', 'Anouk Visser | deleted client (gone-7)', 'other']);
  });

  it('a note that looks like a formula is neutralised, and reads back unchanged', () => {
    const note = rows(logCsv(records, 'nl', 'UTC'))[1]![5]!;
    expect(note.startsWith("'=")).toBe(true);
    expect(unescapeCell(note)).toBe(records[1]!.note);
  });
});
