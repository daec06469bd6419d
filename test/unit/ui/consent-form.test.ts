import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../../../src/i18n';
import { ConsentDraft } from '../../../src/protocol';
import {
  checkConsentForm,
  consentFormFrom,
  consentState,
  emptyConsentForm,
  firstErrorField,
  localToday,
  normalizeDomain,
  type ConsentFormValues,
} from '../../../src/ui/consent-form';
import { appLabel, clientLabelsText, informationLabel, reasonLabel, situationLabel } from '../../../src/ui/labels';
import { uiMessages } from '../../../src/ui/messages';
import { INFORMATION_KINDS, SEND_REASONS, SITUATIONS, type Consent } from '../../../src/vault/schema';

const ids = { clientId: 'c-1' };
const filled = (over: Partial<ConsentFormValues> = {}): ConsentFormValues => ({
  ...emptyConsentForm('2026-03-01'),
  information: ['name', 'report'],
  emails: 'hr@gemeente-zwolle.nl',
  purpose: 'Voortgangsgesprek met werkgever',
  ...over,
});

beforeEach(() => setLanguage('nl'));
afterEach(() => setLanguage('auto'));

describe('consent form validation', () => {
  it('turns a complete form into a draft the protocol accepts', () => {
    const r = checkConsentForm(
      filled({ domains: '@Gemeente-Zwolle.NL\n\nhttps://uwv.nl/', publicPosts: true, party: '  werkgever ', validUntil: '2026-09-01', keptAt: 'dossier, map 2026' }),
      ids,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.draft).toEqual({
      clientId: 'c-1',
      information: ['name', 'report'],
      audience: { emails: ['hr@gemeente-zwolle.nl'], domains: ['gemeente-zwolle.nl', 'uwv.nl'], publicPosts: true },
      party: 'werkgever',
      purpose: 'Voortgangsgesprek met werkgever',
      givenOn: '2026-03-01',
      validUntil: '2026-09-01',
      keptAt: 'dossier, map 2026',
    });
    expect(ConsentDraft.safeParse(r.draft).success).toBe(true);
  });

  it('keeps the id when editing and leaves empty optional fields out', () => {
    const r = checkConsentForm(filled(), { id: 'k-9', clientId: 'c-1' });
    expect(r.ok && r.draft).toMatchObject({ id: 'k-9' });
    expect(r.ok && Object.keys(r.draft)).not.toContain('validUntil');
    expect(r.ok && Object.keys(r.draft)).not.toContain('party');
  });

  it('asks for at least one kind of information, one audience and a purpose, in Dutch', () => {
    const r = checkConsentForm(filled({ information: [], emails: '', purpose: '   ' }), ids);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual({
      information: 'Kies minstens één soort informatie.',
      audience: expect.stringContaining('Vul een e-mailadres of domein in'),
      purpose: 'Vul het doel in.',
    });
    expect(firstErrorField(r.errors)).toBe('information');
  });

  it('does not count a party name alone as an audience', () => {
    const r = checkConsentForm(filled({ emails: '', party: 'werkgever' }), ids);
    expect(!r.ok && r.errors.audience).toBeTruthy();
    expect(checkConsentForm(filled({ emails: '', publicPosts: true }), ids).ok).toBe(true);
  });

  it('refuses an end date before the date given, and accepts the same day', () => {
    const r = checkConsentForm(filled({ validUntil: '2026-02-28' }), ids);
    expect(!r.ok && r.errors.validUntil).toBe('De einddatum ligt vóór de datum waarop de toestemming is gegeven.');
    expect(checkConsentForm(filled({ validUntil: '2026-03-01' }), ids).ok).toBe(true);
    const none = checkConsentForm(filled({ givenOn: '' }), ids);
    expect(!none.ok && none.errors.givenOn).toBeTruthy();
  });

  it('names the line of a bad address or domain, never its text', () => {
    const r = checkConsentForm(filled({ emails: 'hr@gemeente.nl\njan de vries', domains: 'gemeente.nl\nniet een domein' }), ids);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.emails).toBe('Regel 2 is geen e-mailadres (zoals naam@voorbeeld.nl).');
    expect(r.errors.domains).toBe('Regel 2 is geen domein (zoals voorbeeld.nl).');
    expect(JSON.stringify(r.errors)).not.toContain('jan de vries');
    expect(firstErrorField(r.errors)).toBe('emails');
  });

  it('checks the lengths the vault allows, and speaks English when asked', () => {
    setLanguage('en');
    const r = checkConsentForm(filled({ purpose: 'x'.repeat(501), emails: Array.from({ length: 101 }, (_, i) => `a${i}@b.nl`).join('\n') }), ids);
    expect(!r.ok && r.errors.purpose).toBe('This text is too long (at most 500 characters).');
    expect(!r.ok && r.errors.emails).toBe('At most 100 lines.');
  });

  it('reads a stored consent back into the form unchanged', () => {
    const stored: Consent = {
      id: 'k-1',
      clientId: 'c-1',
      information: ['contact'],
      audience: { emails: ['a@b.nl', 'c@d.nl'], domains: ['e.nl'], publicPosts: false },
      party: 'UWV',
      purpose: 'Re-integratieverslag',
      givenOn: '2026-01-05',
      validUntil: '2026-12-31',
      createdAt: '2026-01-05T10:00:00Z',
      updatedAt: '2026-01-05T10:00:00Z',
    };
    const r = checkConsentForm(consentFormFrom(stored), { id: stored.id, clientId: stored.clientId });
    expect(r.ok && r.draft).toEqual({
      id: 'k-1',
      clientId: 'c-1',
      information: ['contact'],
      audience: stored.audience,
      party: 'UWV',
      purpose: 'Re-integratieverslag',
      givenOn: '2026-01-05',
      validUntil: '2026-12-31',
    });
  });

  it('normalises domains as typed in many ways', () => {
    expect(normalizeDomain(' @Gemeente-Zwolle.NL ')).toBe('gemeente-zwolle.nl');
    expect(normalizeDomain('https://www.uwv.nl/werkgevers')).toBe('www.uwv.nl');
    expect(normalizeDomain('uwv.nl.')).toBe('uwv.nl');
    expect(checkConsentForm(filled({ emails: '', domains: 'bücher.de\nwww.uwv.nl' }), ids).ok).toBe(true);
    expect(checkConsentForm(filled({ emails: '', domains: 'localhost' }), ids).ok).toBe(false);
  });
});

describe('consent expiry', () => {
  it('is valid through the last day, expired the day after, not yet valid before the date given', () => {
    const c = { givenOn: '2026-03-01', validUntil: '2026-06-30' };
    expect(consentState(c, '2026-06-30')).toBe('valid');
    expect(consentState(c, '2026-07-01')).toBe('expired');
    expect(consentState(c, '2026-02-28')).toBe('not-yet-valid');
    expect(consentState({ givenOn: '2020-01-01' }, '2030-01-01')).toBe('valid');
  });
  it('takes today in the local calendar', () => {
    expect(localToday(new Date(2026, 0, 9, 23, 30))).toBe('2026-01-09');
    expect(emptyConsentForm('2026-01-09').givenOn).toBe('2026-01-09');
  });
});

describe('labels in words', () => {
  it('has a Dutch and an English word for every kind, channel and reason', () => {
    for (const lang of ['nl', 'en'] as const) {
      setLanguage(lang);
      const all = [...INFORMATION_KINDS.map(informationLabel), ...SITUATIONS.map(situationLabel), ...SEND_REASONS.map(reasonLabel)];
      for (const label of all) {
        expect(label).toMatch(/^[A-Za-zÀ-ÿ]/);
        expect(label).not.toMatch(/_/);
      }
      expect(new Set(SITUATIONS.map(situationLabel)).size).toBe(SITUATIONS.length);
    }
    setLanguage('nl');
    expect(situationLabel('public-post')).toBe('openbare berichten (zoals LinkedIn)');
    expect(reasonLabel('false-alarm')).toBe('Vals alarm');
    setLanguage('en');
    expect(reasonLabel('legal')).toBe('Legal duty');
  });
  it('names apps and deleted clients', () => {
    expect(appLabel('teams')).toBe('Microsoft Teams');
    expect(appLabel('chat.example.org')).toBe('chat.example.org');
    expect(clientLabelsText(['Sterre de Boer', null])).toBe('Sterre de Boer, verwijderde cliënt');
    setLanguage('en');
    expect(clientLabelsText([null])).toBe('deleted client');
  });
  it('keeps the new strings in both tables', () => {
    const nl = Object.keys(uiMessages.nl).filter((k) => /^(consent|ignore|log|situation_|reason_|info_)/.test(k));
    expect(nl.length).toBeGreaterThan(50);
    for (const k of nl) expect((uiMessages.en as Record<string, string>)[k], k).toBeTruthy();
  });
});
