import { describe, expect, it } from 'vitest';
import { clientsAddressed, isBlocking, localIsoDate, normalizeName, scanForGuard } from '../../../src/background/scan-service';
import { createDetector } from '../../../src/detect';
import { RegistrySchema } from '../../../src/registry';
import { ConsentSchema, IgnoreRuleSchema } from '../../../src/vault/schema';

const registry = RegistrySchema.parse({
  version: 1,
  clients: [
    { id: 'm', name: 'Marieke Verhoeven', aliases: ['Mieke'], identifiers: ['marieke@example.com', 'm.verhoeven@werk.nl'] },
    { id: 'b', name: 'Bram Koster', identifiers: ['bram@example.com'] },
  ],
});

describe('clientsAddressed', () => {
  it('a client whose identifiers include EVERY e-mail recipient is addressed', () => {
    expect([...clientsAddressed(registry, { emails: ['Marieke@Example.com'] })]).toEqual(['m']);
    expect([...clientsAddressed(registry, { emails: ['marieke@example.com', 'm.verhoeven@werk.nl'] })]).toEqual(['m']);
  });

  it('one other recipient (a colleague in Cc) means nobody is addressed', () => {
    expect([...clientsAddressed(registry, { emails: ['marieke@example.com', 'collega@praktijk.nl'] })]).toEqual([]);
    expect([...clientsAddressed(registry, { emails: [] })]).toEqual([]);
    expect([...clientsAddressed(registry, undefined)]).toEqual([]);
  });

  it('the DM partner is addressed by name or alias, ignoring case and accents', () => {
    expect([...clientsAddressed(registry, { emails: [], partner: 'marieke  verhoeven' })]).toEqual(['m']);
    expect([...clientsAddressed(registry, { emails: [], partner: 'Miéke' })]).toEqual(['m']);
    expect([...clientsAddressed(registry, { emails: [], partner: 'Marieke' })]).toEqual([]);
  });
});

describe('scanForGuard', () => {
  it('labels findings and marks only the addressed client toClient', () => {
    const text = 'Hoi Marieke Verhoeven, ik zie ook Bram Koster.';
    const out = scanForGuard(createDetector(registry), registry, text, { emails: ['marieke@example.com'] });
    const byClient = new Map(out.map((f) => [f.clientId, f]));
    expect(byClient.get('m')).toMatchObject({ clientLabel: 'Marieke Verhoeven', toClient: true });
    expect(byClient.get('b')).toMatchObject({ clientLabel: 'Bram Koster' });
    expect(byClient.get('b')!.toClient).toBeUndefined();
  });
});

describe('scanForGuard with consents and ignore rules', () => {
  const STAMP = '2026-01-01T00:00:00.000Z';
  const withOrg = RegistrySchema.parse({
    version: 1,
    clients: [
      { id: 'm', name: 'Marieke Verhoeven', organization: 'Gemeente Zwolle' },
      { id: 'b', name: 'Bram Koster' },
    ],
  });
  const consent = ConsentSchema.parse({
    id: 'k1',
    clientId: 'm',
    information: ['name'],
    audience: { emails: ['hr@gemeente-zwolle.nl'] },
    purpose: 'voortgangsrapport',
    givenOn: '2026-03-01',
    validUntil: '2026-12-31',
    createdAt: STAMP,
    updatedAt: STAMP,
  });
  const rule = (clientId: string, term: string, situation: 'message' | 'third-party' = 'third-party') =>
    IgnoreRuleSchema.parse({ id: `r-${term}`, clientId, term, situation, createdAt: STAMP });
  const scan = (text: string, emails: string[], context: Parameters<typeof scanForGuard>[4]) =>
    scanForGuard(createDetector(withOrg), withOrg, text, { emails }, context);

  it('a covered name no longer blocks; the organisation (not in the consent) and the other client still do', () => {
    const out = scan('Voortgang Marieke Verhoeven bij Gemeente Zwolle, ook Bram Koster', ['hr@gemeente-zwolle.nl'], {
      consents: [consent],
      situation: 'third-party',
      today: '2026-11-23',
    });
    const name = out.find((f) => f.clientId === 'm' && f.kind === 'name')!;
    const org = out.find((f) => f.clientId === 'm' && f.kind === 'organization')!;
    expect(name.consent).toMatchObject({ status: 'covered', purpose: 'voortgangsrapport' });
    expect(isBlocking(name)).toBe(false);
    expect(org.consent?.status).toBe('information-not-covered');
    expect(isBlocking(org)).toBe(true);
    const bram = out.find((f) => f.clientId === 'b')!;
    expect(bram.consent).toBeUndefined();
    expect(isBlocking(bram)).toBe(true);
  });

  it('the same text to another recipient, or after the consent ended, blocks with the reason', () => {
    const text = 'Voortgang Marieke Verhoeven';
    const other = scan(text, ['hr@gemeente-zwolle.nl', 'collega@praktijk.nl'], { consents: [consent], today: '2026-11-23' });
    expect(other[0]!.consent?.status).toBe('audience-not-covered');
    expect(isBlocking(other[0]!)).toBe(true);
    const late = scan(text, ['hr@gemeente-zwolle.nl'], { consents: [consent], today: '2027-01-01' });
    expect(late[0]!.consent).toMatchObject({ status: 'expired', validUntil: '2026-12-31' });
    expect(isBlocking(late[0]!)).toBe(true);
  });

  it('drops a finding only for the same client, situation and matched text (any case or accents)', () => {
    const text = 'Gisteren sprak ik Bram, en Marieke ook.';
    const base = scan(text, [], { situation: 'third-party' });
    expect(base.map((f) => f.clientId).sort()).toEqual(['b', 'm']);
    const ignored = scan(text, [], { situation: 'third-party', ignoreRules: [rule('b', 'bram')] });
    expect(ignored.map((f) => f.clientId)).toEqual(['m']);
    // Another situation, another client, another matched text: still warned.
    expect(scan(text, [], { situation: 'message', ignoreRules: [rule('b', 'bram')] }).map((f) => f.clientId).sort()).toEqual(['b', 'm']);
    expect(scan(text, [], { situation: 'third-party', ignoreRules: [rule('m', 'bram')] }).map((f) => f.clientId).sort()).toEqual(['b', 'm']);
    expect(scan('Gisteren sprak ik Bram Koster.', [], { situation: 'third-party', ignoreRules: [rule('b', 'bram')] }).map((f) => f.clientId)).toEqual(['b']);
    // Without a situation no rule applies.
    expect(scan(text, [], { ignoreRules: [rule('b', 'bram')] }).map((f) => f.clientId).sort()).toEqual(['b', 'm']);
    // Case and accents of the matched text do not matter (the rule holds the normalised term).
    expect(scan('Gisteren sprak ik MARIÉKE.', [], { situation: 'third-party' }).map((f) => f.clientId)).toEqual(['m']);
    expect(scan('Gisteren sprak ik MARIÉKE.', [], { situation: 'third-party', ignoreRules: [rule('m', normalizeName('Marieke'))] })).toEqual([]);
  });
});

describe('localIsoDate', () => {
  it('is the local calendar day, not the UTC one', () => {
    expect(localIsoDate(new Date(2026, 0, 5, 0, 30))).toBe('2026-01-05');
    expect(localIsoDate(new Date(2026, 11, 31, 23, 59))).toBe('2026-12-31');
  });
});
