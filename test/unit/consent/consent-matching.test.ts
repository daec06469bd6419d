import { describe, expect, it } from 'vitest';
import { consentVerdict, type MessageAudience } from '../../../src/consent/consent-matching';
import { ConsentSchema, type Consent, type ConsentInput } from '../../../src/vault/schema';

const STAMP = '2026-01-01T00:00:00.000Z';

function consent(over: Partial<ConsentInput> & { audience?: Partial<ConsentInput['audience']> } = {}): Consent {
  const { audience, ...rest } = over;
  return ConsentSchema.parse({
    id: 'k1',
    clientId: 'a1',
    information: ['name', 'report'],
    audience: { emails: [], domains: ['gemeente-zwolle.nl'], publicPosts: false, ...audience },
    purpose: 'voortgangsrapport',
    givenOn: '2026-03-01',
    validUntil: '2026-12-31',
    createdAt: STAMP,
    updatedAt: STAMP,
    ...rest,
  });
}

const TODAY = '2026-11-23';
const mail = (...emails: string[]): MessageAudience => ({ emails, situation: 'third-party' });
const status = (consents: Consent[], audience: MessageAudience, kind: 'name' | 'identifier' | 'organization' | 'detail' = 'name', today = TODAY) =>
  consentVerdict(consents, 'a1', kind, audience, today)?.status;

describe('consent matching: recipients', () => {
  it('covers a message only when every recipient is covered', () => {
    const k = [consent({ audience: { emails: ['Manager@Bedrijf.nl'], domains: ['gemeente-zwolle.nl'] } })];
    expect(status(k, mail('hr@gemeente-zwolle.nl'))).toBe('covered');
    expect(status(k, mail('manager@bedrijf.nl', 'HR@Gemeente-Zwolle.NL'))).toBe('covered');
    expect(status(k, mail('hr@gemeente-zwolle.nl', 'collega@praktijk.nl'))).toBe('audience-not-covered');
    // The exact address covers only itself, not its domain.
    expect(status(k, mail('directeur@bedrijf.nl'))).toBe('audience-not-covered');
  });

  it('a message without recipients, or a chat without e-mail addresses, is not covered', () => {
    const k = [consent()];
    expect(status(k, mail())).toBe('audience-not-covered');
    expect(status(k, { emails: [], situation: 'message' })).toBe('audience-not-covered');
    expect(status(k, { emails: [] })).toBe('audience-not-covered');
  });

  it('covers subdomains but never a look-alike or a suffix trick', () => {
    const k = [consent()];
    expect(status(k, mail('hr@personeelszaken.gemeente-zwolle.nl'))).toBe('covered');
    expect(status(k, mail('hr@evilgemeente-zwolle.nl'))).toBe('audience-not-covered');
    expect(status(k, mail('hr@gemeente-zwolle.nl.evil.com'))).toBe('audience-not-covered');
    expect(status(k, mail('gemeente-zwolle.nl@evil.com'))).toBe('audience-not-covered');
    expect(status(k, mail('hr@gemeente-zwolle.nI'))).toBe('audience-not-covered'); // capital i, not l
    expect(status(k, mail('gemeente-zwolle.nl'))).toBe('audience-not-covered'); // not an address
  });

  it('a domain entered as "@domain" or with a trailing dot still works; an exact address is compared whole', () => {
    expect(status([consent({ audience: { domains: ['@Gemeente-Zwolle.nl.'] } })], mail('hr@gemeente-zwolle.nl'))).toBe('covered');
    const exact = [consent({ audience: { domains: [], emails: ['hr@gemeente-zwolle.nl'] } })];
    expect(status(exact, mail(' HR@gemeente-zwolle.nl '))).toBe('covered');
    expect(status(exact, mail('xhr@gemeente-zwolle.nl'))).toBe('audience-not-covered');
    expect(status(exact, mail('hr@sub.gemeente-zwolle.nl'))).toBe('audience-not-covered');
  });

  it('a public post is covered only by a consent for public posts, whatever its e-mail audience', () => {
    expect(status([consent()], { emails: [], situation: 'public-post' })).toBe('audience-not-covered');
    expect(status([consent({ audience: { publicPosts: true, domains: [] } })], { emails: [], situation: 'public-post' })).toBe('covered');
    // Consent for public posts does not cover e-mail to anyone.
    expect(status([consent({ audience: { publicPosts: true, domains: [] } })], mail('hr@gemeente-zwolle.nl'))).toBe('audience-not-covered');
  });
});

describe('consent matching: dates', () => {
  it('is valid from givenOn through validUntil, both days included', () => {
    const k = [consent({ givenOn: '2026-03-01', validUntil: '2026-03-31' })];
    const to = mail('hr@gemeente-zwolle.nl');
    expect(status(k, to, 'name', '2026-02-28')).toBe('not-yet-valid');
    expect(status(k, to, 'name', '2026-03-01')).toBe('covered');
    expect(status(k, to, 'name', '2026-03-31')).toBe('covered');
    expect(status(k, to, 'name', '2026-04-01')).toBe('expired');
  });

  it('without an end date it stays valid', () => {
    const { validUntil: _, ...open } = consent();
    expect(status([ConsentSchema.parse(open)], mail('hr@gemeente-zwolle.nl'), 'name', '2040-01-01')).toBe('covered');
  });
});

describe('consent matching: information', () => {
  const to = mail('hr@gemeente-zwolle.nl');
  it.each([
    ['name', ['name'], true],
    ['name', ['report'], true],
    ['name', ['all'], true],
    ['name', ['contact', 'organization', 'details'], false],
    ['identifier', ['contact'], true],
    ['identifier', ['all'], true],
    ['identifier', ['name', 'report', 'organization', 'details'], false],
    ['organization', ['organization'], true],
    ['organization', ['report'], true],
    ['organization', ['name', 'contact', 'details'], false],
    ['detail', ['details'], true],
    ['detail', ['report'], true],
    ['detail', ['name', 'contact', 'organization'], false],
  ] as const)('a %s finding with consent for %j: covered %s', (kind, information, covered) => {
    expect(status([consent({ information: [...information] })], to, kind)).toBe(covered ? 'covered' : 'information-not-covered');
  });
});

describe('consent matching: several consents', () => {
  const to = mail('hr@gemeente-zwolle.nl');

  it('no consent for this client: no verdict', () => {
    expect(consentVerdict([], 'a1', 'name', to, TODAY)).toBeUndefined();
    expect(consentVerdict([consent({ clientId: 'other' })], 'a1', 'name', to, TODAY)).toBeUndefined();
  });

  it('another client\'s consent never covers this client', () => {
    expect(status([consent({ clientId: 'other' }), consent({ id: 'k2', audience: { domains: ['bedrijf.nl'] } })], to)).toBe('audience-not-covered');
  });

  it('covered when any one consent covers, and the verdict names that consent', () => {
    const k = [
      consent({ id: 'old', givenOn: '2025-01-01', validUntil: '2025-06-30', purpose: 'intake' }),
      consent({ id: 'now', purpose: 'voortgangsrapport', party: 'werkgever (Gemeente Zwolle)' }),
      consent({ id: 'elsewhere', audience: { domains: ['bedrijf.nl'] }, purpose: 'sollicitatie' }),
    ];
    expect(consentVerdict(k, 'a1', 'name', to, TODAY)).toEqual({
      status: 'covered',
      givenOn: '2026-03-01',
      purpose: 'voortgangsrapport',
      party: 'werkgever (Gemeente Zwolle)',
      validUntil: '2026-12-31',
    });
  });

  it('explains the expired consent for these recipients rather than a valid one for someone else', () => {
    const k = [
      consent({ id: 'elsewhere', audience: { domains: ['bedrijf.nl'] }, purpose: 'sollicitatie', validUntil: '2027-12-31' }),
      consent({ id: 'expired', givenOn: '2025-01-01', validUntil: '2025-12-31', purpose: 'voortgangsrapport' }),
    ];
    expect(consentVerdict(k, 'a1', 'name', to, TODAY)).toMatchObject({ status: 'expired', purpose: 'voortgangsrapport', validUntil: '2025-12-31' });
    // Reversed order, same answer.
    expect(consentVerdict([...k].reverse(), 'a1', 'name', to, TODAY)).toMatchObject({ status: 'expired', purpose: 'voortgangsrapport' });
  });

  it('for these recipients but other information beats a consent for other recipients', () => {
    const k = [
      consent({ id: 'elsewhere', audience: { domains: ['bedrijf.nl'] }, purpose: 'sollicitatie' }),
      consent({ id: 'contact-only', information: ['contact'], purpose: 'afspraken plannen' }),
    ];
    expect(consentVerdict(k, 'a1', 'name', to, TODAY)).toMatchObject({ status: 'information-not-covered', purpose: 'afspraken plannen' });
  });

  it('an expired consent for other recipients says the audience is the problem (renewing it would not help)', () => {
    const k = [consent({ audience: { domains: ['bedrijf.nl'] }, validUntil: '2025-12-31' })];
    expect(status(k, to)).toBe('audience-not-covered');
  });
});
