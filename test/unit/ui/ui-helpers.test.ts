import { describe, expect, it } from 'vitest';
import { PROTECTED_HOSTS } from '../../../src/sites/hosts';
import { filterAndSort } from '../../../src/ui/client-search';
import { uiMessages } from '../../../src/ui/messages';
import { appForUrl } from '../../../src/ui/sites';
import { rateStrength } from '../../../src/ui/strength';
import type { ClientRecord } from '../../../src/protocol';

const client = (name: string, extra: Partial<ClientRecord> = {}): ClientRecord => ({ id: name, name, aliases: [], identifiers: [], details: [], consents: [], ignoreRules: [], ...extra });

describe('popup site status', () => {
  it('knows every protected host', () => {
    for (const pattern of PROTECTED_HOSTS) {
      const host = new URL(pattern.replace('/*', '/')).host;
      expect(appForUrl(`https://${host}/some/path`), host).not.toBeNull();
    }
  });
  it('maps apps and refuses look-alikes', () => {
    expect(appForUrl('https://mail.google.com/mail/u/0/#inbox')).toBe('gmail');
    expect(appForUrl('https://app.slack.com/client/T1/C1')).toBe('slack');
    expect(appForUrl('https://mail.google.com.evil.example/')).toBeNull();
    expect(appForUrl('http://mail.google.com/')).toBeNull();
    expect(appForUrl('chrome-extension://abc/popup.html')).toBeNull();
    expect(appForUrl(undefined)).toBeNull();
  });
});

describe('client list search and sort', () => {
  const list = [
    client('Will Timmerman', { aliases: ['Wil'], organization: 'Stroom', trajectoryEnd: '2026-03-01' }),
    client('Anouk Visser', { identifiers: ['anouk@example.nl'], updatedAt: '2026-11-01T00:00:00Z' }),
    client('Émile Bakker', { organization: 'Accenture', details: ['Zwolle'], trajectoryEnd: '2025-01-01', updatedAt: '2026-11-20T00:00:00Z' }),
  ];
  it('searches names, aliases, identifiers, organisation and details, case-insensitively, all words', () => {
    expect(filterAndSort(list, 'wil', 'name').map((c) => c.name)).toEqual(['Will Timmerman']);
    expect(filterAndSort(list, 'ANOUK@', 'name').map((c) => c.name)).toEqual(['Anouk Visser']);
    expect(filterAndSort(list, 'zwolle bakker', 'name').map((c) => c.name)).toEqual(['Émile Bakker']);
    expect(filterAndSort(list, 'zwolle stroom', 'name')).toEqual([]);
    expect(filterAndSort(list, 'emile', 'name').map((c) => c.name)).toEqual(['Émile Bakker']);
  });
  it('can show only the clients due for deletion', () => {
    const withDue = [...list, client('Oud Traject', { retentionDue: true })];
    expect(filterAndSort(withDue, '', 'name', true).map((c) => c.name)).toEqual(['Oud Traject']);
    expect(filterAndSort(withDue, '', 'name', false)).toHaveLength(4);
  });
  it('sorts by name (accents ignored), organisation and end date with blanks last, most recently changed first', () => {
    expect(filterAndSort(list, '', 'name').map((c) => c.name)).toEqual(['Anouk Visser', 'Émile Bakker', 'Will Timmerman']);
    expect(filterAndSort(list, '', 'organization').map((c) => c.name)).toEqual(['Émile Bakker', 'Will Timmerman', 'Anouk Visser']);
    expect(filterAndSort(list, '', 'trajectoryEnd').map((c) => c.name)).toEqual(['Émile Bakker', 'Will Timmerman', 'Anouk Visser']);
    expect(filterAndSort(list, '', 'updated').map((c) => c.name)).toEqual(['Émile Bakker', 'Anouk Visser', 'Will Timmerman']);
  });
});

describe('UI strings', () => {
  it('every string exists in Dutch and English, with the same placeholders', () => {
    expect(Object.keys(uiMessages.en).sort()).toEqual(Object.keys(uiMessages.nl).sort());
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, nl] of Object.entries(uiMessages.nl)) {
      const en = (uiMessages.en as Record<string, string>)[key]!;
      expect(nl.trim(), key).not.toBe('');
      expect(en.trim(), key).not.toBe('');
      expect(placeholders(en), key).toEqual(placeholders(nl));
    }
  });
});

describe('passphrase strength (the vault rule)', () => {
  it('refuses short or guessable passphrases with a reason, accepts a long sentence', () => {
    const short = rateStrength('kort');
    expect(short.acceptable).toBe(false);
    expect(short.messages('nl').join(' ')).toMatch(/minstens 10 tekens/);
    expect(rateStrength('wachtwoord123').acceptable).toBe(false);
    const good = rateStrength('zeven groene appels op de fiets');
    expect(good.acceptable).toBe(true);
    expect(good.score).toBeGreaterThanOrEqual(3);
  });
});
