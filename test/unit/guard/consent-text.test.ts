import { describe, expect, it } from 'vitest';
import { consentLine, formatDate } from '../../../src/guard/consent-text';
import { mentionsByClient } from '../../../src/guard/findings';
import { setLanguage } from '../../../src/i18n';
import type { GuardFinding } from '../../../src/protocol';

describe('consent in five-second words', () => {
  it('writes dates the way the coach reads them', () => {
    expect(formatDate('2026-03-12', 'nl')).toBe('12 maart 2026');
    expect(formatDate('2026-03-12', 'en')).toBe('12 March 2026');
    expect(formatDate('2026-01-01', 'nl')).toBe('1 januari 2026');
    expect(formatDate('not a date', 'nl')).toBe('not a date');
  });

  it('covered, expired, not yet valid, other recipient, other information', () => {
    const base = { givenOn: '2026-03-12', purpose: 'getuigenis op LinkedIn', validUntil: '2026-06-30' };
    expect(consentLine({ ...base, status: 'covered' }, 'nl')).toBe('Toestemming van 12 maart 2026 voor getuigenis op LinkedIn');
    expect(consentLine({ ...base, status: 'expired' }, 'nl')).toBe('Toestemming verlopen op 30 juni 2026');
    expect(consentLine({ ...base, status: 'not-yet-valid' }, 'nl')).toBe('Toestemming geldt pas vanaf 12 maart 2026');
    expect(consentLine({ ...base, status: 'audience-not-covered' }, 'nl')).toBe('Toestemming van 12 maart 2026 geldt niet voor deze ontvanger');
    expect(consentLine({ ...base, status: 'information-not-covered' }, 'en')).toBe('Consent of 12 March 2026 does not cover this information');
  });

  it('a covered client is listed but not blocking; an expired consent still blocks', () => {
    setLanguage('nl');
    const f = (start: number, end: number, clientId: string, consent: GuardFinding['consent']): GuardFinding => ({
      start, end, clientId, clientLabel: clientId, kind: 'name', severity: 'high', evidence: 'name', consent,
    });
    const text = 'Bram en Anouk';
    const out = mentionsByClient(
      [
        f(0, 4, 'Bram', { status: 'covered', givenOn: '2026-03-12', purpose: 'getuigenis' }),
        f(8, 13, 'Anouk', { status: 'expired', givenOn: '2025-01-01', purpose: 'getuigenis', validUntil: '2025-12-31' }),
      ],
      text,
      0,
    );
    expect(out.map((m) => [m.label, m.blocking, m.consent])).toEqual([
      ['Anouk', true, ['Toestemming verlopen op 31 december 2025']],
      ['Bram', false, ['Toestemming van 12 maart 2026 voor getuigenis']],
    ]);
  });
});
