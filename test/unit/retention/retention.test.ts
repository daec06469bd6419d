import { describe, expect, it } from 'vitest';
import type { Registry } from '../../../src/registry';
import { deleteClients, findDueForDeletion, formatAgo, purgeOlderThan, type RetentionMeta } from '../../../src/vault/retention';

const now = new Date('2026-11-23T13:00:00Z');

describe('clients due for deletion (LVSC art. 4.4)', () => {
  const meta: RetentionMeta = {
    ended3y2m: { trajectoryEnd: '2023-09-10' },
    exactly3y: { trajectoryEnd: '2023-11-23' },
    oneDayOver: { trajectoryEnd: '2023-11-22' },
    recent: { trajectoryEnd: '2025-01-15' },
    running: {},
    blank: { trajectoryEnd: '' },
    longAgo: { trajectoryEnd: '2015-02-01T09:30:00Z' },
    future: { trajectoryEnd: '2027-01-01' },
    garbage: { trajectoryEnd: 'ergens vorig jaar' },
    impossible: { trajectoryEnd: '2023-02-30' },
  };

  it('lists those ended longer ago than the default three years, oldest first, with how long ago', () => {
    const { due, invalidDates } = findDueForDeletion(meta, now);
    expect(due.map((d) => d.clientId)).toEqual(['longAgo', 'ended3y2m', 'oneDayOver']);
    expect(due[1]).toEqual({ clientId: 'ended3y2m', trajectoryEnd: '2023-09-10', endedAgo: { years: 3, months: 2, days: 13, totalDays: 1170 } });
    expect(due[2]!.endedAgo).toMatchObject({ years: 3, months: 0, days: 1 });
    // Dates we cannot read are shown to the coach, never deleted on a guess.
    expect(invalidDates.sort()).toEqual(['garbage', 'impossible']);
  });

  it('ended exactly three years ago today is not yet due', () => {
    expect(findDueForDeletion(meta, now).due.map((d) => d.clientId)).not.toContain('exactly3y');
    expect(findDueForDeletion(meta, new Date('2026-11-24T00:00:00Z')).due.map((d) => d.clientId)).toContain('exactly3y');
  });

  it('follows the retention period the coach chose', () => {
    expect(findDueForDeletion(meta, now, 1).due.map((d) => d.clientId)).toEqual(['longAgo', 'ended3y2m', 'oneDayOver', 'exactly3y', 'recent']);
    expect(findDueForDeletion(meta, now, 20).due).toEqual([]);
    expect(() => findDueForDeletion(meta, now, 0)).toThrow(RangeError);
    expect(() => findDueForDeletion(meta, now, 2.5)).toThrow(RangeError);
  });

  it('29 February: three years later counts from 28 February', () => {
    const leap = { a: { trajectoryEnd: '2024-02-29' } };
    expect(findDueForDeletion(leap, new Date('2027-02-28T12:00:00Z')).due).toEqual([]);
    expect(findDueForDeletion(leap, new Date('2027-03-01T00:00:00Z')).due.map((d) => d.clientId)).toEqual(['a']);
  });

  it('says how long ago in Dutch and English', () => {
    expect(formatAgo({ years: 3, months: 2, days: 13, totalDays: 1170 }, 'nl')).toBe('3 jaar en 2 maanden geleden');
    expect(formatAgo({ years: 1, months: 1, days: 0, totalDays: 396 }, 'en')).toBe('1 year and 1 month ago');
    expect(formatAgo({ years: 0, months: 0, days: 1, totalDays: 1 }, 'nl')).toBe('1 dag geleden');
  });
});

describe('deleteClients', () => {
  const registry: Registry = {
    version: 1,
    clients: [
      { id: 'a', name: 'Anna Kok', aliases: ['Annie'], identifiers: ['anna@kok.nl'], details: [] },
      { id: 'b', name: 'Bram Smit', aliases: [], identifiers: [], details: [] },
      { id: 'c', name: 'Carla Vos', aliases: [], identifiers: [], organization: 'Vos BV', details: ['Gouda'] },
    ],
  };
  const meta: RetentionMeta = { a: { trajectoryEnd: '2020-01-01' }, b: {}, c: { trajectoryEnd: '2019-05-05' } };

  it('removes the clients and their retention data for real: no trace of name or details remains', () => {
    const before = JSON.stringify({ registry, meta });
    const result = deleteClients(registry, meta, ['a', 'c', 'unknown']);
    expect(result.removed).toEqual(['a', 'c']);
    expect(result.registry).toEqual({ version: 1, clients: [registry.clients[1]] });
    expect(result.meta).toEqual({ b: {} });
    const after = JSON.stringify({ registry: result.registry, meta: result.meta });
    for (const trace of ['Anna', 'Annie', 'anna@kok.nl', 'Carla', 'Vos', 'Gouda', '"a"', '"c"']) expect(after).not.toContain(trace);
    // The inputs are not changed behind the caller's back.
    expect(JSON.stringify({ registry, meta })).toBe(before);
  });

  it('works with findDueForDeletion end to end', () => {
    const due = findDueForDeletion(meta, now).due.map((d) => d.clientId);
    expect(deleteClients(registry, meta, due).registry.clients.map((c) => c.id)).toEqual(['b']);
  });
});

describe('purgeOlderThan (log entries)', () => {
  type Entry = { at?: string | number | Date; what: string };
  const entries: Entry[] = [
    { at: '2021-01-01T00:00:00Z', what: 'old' },
    { at: Date.parse('2024-06-01T00:00:00Z'), what: 'recent-number' },
    { at: new Date('2023-11-23T12:59:59Z'), what: 'just-over' },
    { at: new Date('2023-11-23T13:00:00Z'), what: 'exactly' },
    { at: 'not a date', what: 'undated' },
    { what: 'no-time' },
  ];

  it('drops entries older than the period, keeps the rest in order, and keeps (and counts) undated ones', () => {
    const r = purgeOlderThan(entries, 3, now, (e) => e.at);
    expect(r.kept.map((e) => e.what)).toEqual(['recent-number', 'exactly', 'undated', 'no-time']);
    expect(r.purged).toBe(2);
    expect(r.undated).toBe(2);
  });

  it('with one year everything before 2025-11-23 13:00 goes', () => {
    expect(purgeOlderThan(entries, 1, now, (e) => e.at).kept.map((e) => e.what)).toEqual(['undated', 'no-time']);
  });
});
