import { describe, expect, it } from 'vitest';
import { isBlocking, mentionsByClient, quoteAround } from '../../../src/guard/findings';
import { setLanguage } from '../../../src/i18n';
import type { GuardFinding } from '../../../src/protocol';

const f = (start: number, end: number, clientId: string, clientLabel: string, extra: Partial<GuardFinding> = {}): GuardFinding => ({
  start,
  end,
  clientId,
  clientLabel,
  kind: 'name',
  severity: 'high',
  evidence: 'name',
  ...extra,
});

describe('isBlocking', () => {
  it('blocks a mention of a client, not one addressed to the client, not a low-confidence hint', () => {
    expect(isBlocking({ severity: 'high' })).toBe(true);
    expect(isBlocking({ severity: 'medium' })).toBe(true);
    expect(isBlocking({ severity: 'high', toClient: true })).toBe(false);
    expect(isBlocking({ severity: 'low' })).toBe(false);
  });
});

describe('quoteAround', () => {
  it('quotes a few surrounding words on the same line', () => {
    const text = 'Eerste regel\nIk had vandaag een lang gesprek met Marieke Verhoeven over haar nieuwe baan bij de gemeente en de rest\nderde';
    const s = text.indexOf('Marieke');
    const q = quoteAround(text, s, s + 17, 0);
    expect(q.match).toBe('Marieke Verhoeven');
    expect(q.before.endsWith('gesprek met ')).toBe(true);
    expect(q.after.startsWith(' over haar')).toBe(true);
    expect(q.before).not.toContain('\n');
    expect(q.after).not.toContain('derde');
    expect(q.inSubject).toBe(false);
  });

  it('keeps subject and body apart', () => {
    const text = 'Over Bram\n\nHallo allemaal';
    const q = quoteAround(text, 5, 9, 11);
    expect(q).toMatchObject({ before: 'Over ', match: 'Bram', after: '', inSubject: true });
  });
});

describe('mentionsByClient', () => {
  it('groups per client, blocking clients first, with what was recognised', () => {
    setLanguage('nl');
    const text = 'Pieter, ik spreek Bram morgen. Bram weet het.';
    const out = mentionsByClient(
      [f(0, 6, 'p', 'Pieter Jansen', { toClient: true }), f(18, 22, 'b', 'Bram Koster'), f(31, 35, 'b', 'Bram Koster')],
      text,
      0,
    );
    expect(out.map((m) => [m.label, m.toClient, m.quotes.length])).toEqual([
      ['Bram Koster', false, 2],
      ['Pieter Jansen', true, 1],
    ]);
    expect(out[0]!.what).toEqual(['naam']);
  });
});
