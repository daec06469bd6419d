/**
 * The consent register, false-alarm rules and accountability log as the options page and the guard's dialog
 * use them: every message goes through the same zod validation as in the background.
 */
import { describe, expect, it } from 'vitest';
import { createClientListService, isClientListRequest } from '../../../src/background/client-list-service';
import { createConsentAndLogService } from '../../../src/background/consent-and-log-service';
import { createEncryptedVaultSession } from '../../../src/background/encrypted-vault-session';
import { createMemoryVaultSession } from '../../../src/background/memory-vault-session';
import { scanForGuard } from '../../../src/background/scan-service';
import { createDetector } from '../../../src/detect';
import { ContentRequest, PageRequest, type LogRecord } from '../../../src/protocol';
import { TEST_KDF } from '../../../src/vault/envelope';
import type { VaultSession } from '../../../src/background/vault-session';
import { FakeStorage } from '../vault/fake-storage';

const NOW = new Date('2026-11-23T12:00:00Z');
const CLIENTS = [
  { id: 'a1', name: 'Anouk Visser', aliases: [], identifiers: [], details: [] },
  { id: 'b2', name: 'Bram Koster', aliases: [], identifiers: [], details: [] },
];

function wire(vault: VaultSession, clock = { now: NOW }) {
  let n = 0;
  const service = createConsentAndLogService(vault, { now: () => clock.now, newId: (kind) => `${kind}-${++n}`, browserLanguage: () => 'nl', timeZone: 'Europe/Amsterdam' });
  const clientList = createClientListService(vault, { now: () => clock.now });
  const send = async (msg: unknown) => {
    const content = ContentRequest.safeParse(msg);
    if (content.success) return (await service.handle(content.data as never)) as any;
    const page = PageRequest.parse(msg);
    if (isClientListRequest(page)) return (await clientList.handle(page)) as any;
    return (await service.handle(page as never)) as any;
  };
  return { service, send, clock };
}

async function setup() {
  const vault = createMemoryVaultSession();
  await vault.setup('een lang wachtwoord', { version: 1, clients: CLIENTS }, 'lvsc');
  return { vault, ...wire(vault) };
}

const draft = {
  clientId: 'a1',
  information: ['name', 'report'],
  audience: { emails: [' HR@Gemeente-Zwolle.nl '], domains: ['@Provincie.NL'], publicPosts: false },
  party: ' werkgever (Gemeente Zwolle) ',
  purpose: ' voortgangsrapport ',
  givenOn: '2026-03-01',
  validUntil: '2026-12-31',
};

const sendAnyway = (over: object = {}) => ({ type: 'log:send-anyway', app: 'gmail', situation: 'third-party', clientIds: ['a1'], reason: 'consent', ...over });

describe('consents:save / consents:delete', () => {
  it('stores a consent with addresses and domains in lower case and timestamps; an edit keeps its creation time', async () => {
    const { send, vault, clock } = await setup();
    expect(await send({ type: 'consents:save', consent: draft })).toEqual({ ok: true, id: 'consent-1' });
    expect(vault.contents()!.consents).toEqual([
      {
        id: 'consent-1',
        clientId: 'a1',
        information: ['name', 'report'],
        audience: { emails: ['hr@gemeente-zwolle.nl'], domains: ['provincie.nl'], publicPosts: false },
        party: 'werkgever (Gemeente Zwolle)',
        purpose: 'voortgangsrapport',
        givenOn: '2026-03-01',
        validUntil: '2026-12-31',
        createdAt: NOW.toISOString(),
        updatedAt: NOW.toISOString(),
      },
    ]);
    clock.now = new Date('2026-11-24T09:00:00Z');
    expect(await send({ type: 'consents:save', consent: { ...draft, id: 'consent-1', validUntil: '2027-06-30' } })).toEqual({ ok: true, id: 'consent-1' });
    expect(vault.contents()!.consents).toHaveLength(1);
    expect(vault.contents()!.consents[0]).toMatchObject({ validUntil: '2027-06-30', createdAt: NOW.toISOString(), updatedAt: '2026-11-24T09:00:00.000Z' });
  });

  it('refuses, changing nothing: unknown client or consent, a consent of another client, end before start, a bad address, a blank purpose', async () => {
    const { send, vault } = await setup();
    await send({ type: 'consents:save', consent: draft });
    const before = JSON.stringify(vault.contents());
    const cases: Array<[object, string]> = [
      [{ ...draft, clientId: 'nobody' }, 'not-found'],
      [{ ...draft, id: 'consent-99' }, 'not-found'],
      [{ ...draft, id: 'consent-1', clientId: 'b2' }, 'not-found'],
      [{ ...draft, validUntil: '2026-02-28' }, 'end-before-start'],
      [{ ...draft, audience: { ...draft.audience, emails: ['hr at gemeente'] } }, 'invalid-audience'],
      [{ ...draft, audience: { ...draft.audience, domains: ['gemeente zwolle'] } }, 'invalid-audience'],
      [{ ...draft, purpose: '   ' }, 'purpose-required'],
    ];
    for (const [consent, error] of cases) expect(await send({ type: 'consents:save', consent })).toEqual({ ok: false, error });
    expect(JSON.stringify(vault.contents())).toBe(before);
  });

  it('a consent valid for a single day is fine', async () => {
    const { send } = await setup();
    expect((await send({ type: 'consents:save', consent: { ...draft, validUntil: draft.givenOn } })).ok).toBe(true);
  });

  it('deletes a consent; an unknown one is not-found', async () => {
    const { send, vault } = await setup();
    await send({ type: 'consents:save', consent: draft });
    expect(await send({ type: 'consents:delete', id: 'consent-1' })).toEqual({ ok: true });
    expect(vault.contents()!.consents).toEqual([]);
    expect(await send({ type: 'consents:delete', id: 'consent-1' })).toEqual({ ok: false, error: 'not-found' });
  });
});

describe('ignore:add / ignore:delete', () => {
  it('stores the normalised matched text once, and the scan stops warning for it in that situation only', async () => {
    const { send, vault } = await setup();
    const text = 'Gisteren sprak ik Bram, en Anouk ook.';
    const scan = (situation: 'third-party' | 'message') =>
      scanForGuard(createDetector(vault.registry()!), vault.registry()!, text, undefined, { ignoreRules: vault.contents()!.ignoreRules, situation })
        .map((f) => f.clientId)
        .sort();
    expect(scan('third-party')).toEqual(['a1', 'b2']);
    expect(await send({ type: 'ignore:add', clientId: 'b2', term: ' BRÁM ', situation: 'third-party' })).toEqual({ ok: true, id: 'ignore-1' });
    expect(vault.contents()!.ignoreRules).toEqual([{ id: 'ignore-1', clientId: 'b2', term: 'bram', situation: 'third-party', createdAt: NOW.toISOString() }]);
    expect(scan('third-party')).toEqual(['a1']);
    expect(scan('message')).toEqual(['a1', 'b2']);
    // The same rule again: the existing one, no duplicate.
    expect(await send({ type: 'ignore:add', clientId: 'b2', term: 'Bram', situation: 'third-party' })).toEqual({ ok: true, id: 'ignore-1' });
    expect(vault.contents()!.ignoreRules).toHaveLength(1);

    expect(await send({ type: 'ignore:delete', id: 'ignore-1' })).toEqual({ ok: true });
    expect(scan('third-party')).toEqual(['a1', 'b2']);
    expect(await send({ type: 'ignore:delete', id: 'ignore-1' })).toEqual({ ok: false, error: 'not-found' });
  });

  it('refuses an unknown client and a term that is only spaces', async () => {
    const { send, vault } = await setup();
    expect(await send({ type: 'ignore:add', clientId: 'nobody', term: 'bram', situation: 'message' })).toEqual({ ok: false, error: 'not-found' });
    expect(await send({ type: 'ignore:add', clientId: 'b2', term: '   ', situation: 'message' })).toEqual({ ok: false, error: 'bad-request' });
    expect(vault.contents()!.ignoreRules).toEqual([]);
  });
});

describe('accountability log', () => {
  it('logs "send anyway" with ids and reason only; "other" needs a note', async () => {
    const { send, vault } = await setup();
    expect(await send(sendAnyway({ clientIds: ['a1', 'b2'] }))).toEqual({ ok: true, id: 'log-1' });
    expect(await send(sendAnyway({ reason: 'other' }))).toEqual({ ok: false, error: 'note-required' });
    expect(await send(sendAnyway({ reason: 'other', note: 'Op verzoek van de cliënt zelf' }))).toEqual({ ok: true, id: 'log-3' });
    expect(vault.contents()!.log).toEqual([
      { id: 'log-1', at: NOW.toISOString(), app: 'gmail', situation: 'third-party', clientIds: ['a1', 'b2'], reason: 'consent' },
      { id: 'log-3', at: NOW.toISOString(), app: 'gmail', situation: 'third-party', clientIds: ['a1'], reason: 'other', note: 'Op verzoek van de cliënt zelf' },
    ]);
    // A message text sent along (by a careless or hostile caller) is never stored.
    expect((await send(sendAnyway({ text: 'Anouk Visser is ziek' }))).ok).toBe(true);
    expect(JSON.stringify(vault.contents()!.log)).not.toContain('ziek');
  });

  it('lists newest first with today\'s names, null for a deleted client', async () => {
    const { send, clock } = await setup();
    await send(sendAnyway({ clientIds: ['a1'] }));
    clock.now = new Date('2026-11-23T15:00:00Z');
    await send(sendAnyway({ clientIds: ['b2', 'a1'], reason: 'legal' }));
    expect(await send({ type: 'clients:delete', id: 'b2' })).toEqual({ ok: true });
    const { entries } = (await send({ type: 'log:list' })) as { entries: LogRecord[] };
    expect(entries.map((e) => [e.reason, e.clientLabels])).toEqual([
      ['legal', [null, 'Anouk Visser']],
      ['consent', ['Anouk Visser']],
    ]);
    expect(entries[0]!.clientIds).toEqual(['b2', 'a1']);
  });

  it('forgets entries past the retention period: at unlock, when an entry is added, and never lists them', async () => {
    const { send, vault, service, clock } = await setup();
    await send(sendAnyway()); // 2026-11-23
    clock.now = new Date('2029-11-24T12:00:00Z'); // three years and a day later
    expect((await send({ type: 'log:list' })).entries).toEqual([]);
    expect(vault.contents()!.log).toHaveLength(1); // not yet written
    await vault.lock();
    await vault.unlock('een lang wachtwoord');
    expect(await service.purgeLog()).toBe(1);
    expect(vault.contents()!.log).toEqual([]);
    expect(await service.purgeLog()).toBe(0);

    clock.now = NOW;
    await send(sendAnyway());
    clock.now = new Date('2029-11-24T12:00:00Z');
    await send(sendAnyway({ reason: 'safety' }));
    expect(vault.contents()!.log.map((e) => e.reason)).toEqual(['safety']);
  });

  it('a shorter retention setting shortens the log', async () => {
    const { send, clock } = await setup();
    await send(sendAnyway());
    clock.now = new Date('2028-01-01T00:00:00Z');
    expect((await send({ type: 'log:list' })).entries).toHaveLength(1);
    const { settings } = await send({ type: 'settings:get' });
    expect(await send({ type: 'settings:save', settings: { ...settings, retentionYears: 1 } })).toEqual({ ok: true });
    expect((await send({ type: 'log:list' })).entries).toEqual([]);
  });
});

describe('everything needs the vault unlocked', () => {
  it('answers "locked" and stores nothing', async () => {
    const { send, vault } = await setup();
    await vault.lock();
    for (const msg of [
      sendAnyway(),
      { type: 'ignore:add', clientId: 'b2', term: 'bram', situation: 'message' },
      { type: 'consents:save', consent: draft },
      { type: 'consents:delete', id: 'x' },
      { type: 'ignore:delete', id: 'x' },
      { type: 'log:list' },
      { type: 'log:export-csv', passphrase: 'een lang wachtwoord' },
    ]) {
      expect(await send(msg)).toEqual({ ok: false, error: 'locked' });
    }
    expect(vault.contents()).toBeNull(); // the export did not unlock the list either
  });

  it('never echoes an unexpected error message', async () => {
    const { service, vault } = await setup();
    vault.update = async () => {
      throw new Error('Anouk Visser');
    };
    expect(await service.handle({ type: 'consents:delete', id: 'x' })).toEqual({ ok: false, error: 'internal' });
  });
});

describe('log:export-csv', () => {
  const PASS = 'lange-zin-als-wachtwoord-2026';
  async function encrypted() {
    const vault = createEncryptedVaultSession({ local: new FakeStorage(), session: new FakeStorage(), alarms: null, kdf: TEST_KDF.argon2id, sleep: async () => {} });
    await vault.setup(PASS, { version: 1, clients: CLIENTS }, 'both');
    return { vault, ...wire(vault) };
  }

  it('needs the passphrase in the message', () => {
    expect(PageRequest.safeParse({ type: 'log:export-csv' }).success).toBe(false);
  });

  it('exports the log in the coach\'s language only with the right passphrase; a wrong one counts as a failed attempt', async () => {
    const { send, vault } = await encrypted();
    await send(sendAnyway({ clientIds: ['a1'], note: 'Toestemming op papier, dossier 2026' }));
    const wrong = await send({ type: 'log:export-csv', passphrase: 'niet het goede wachtwoord' });
    expect(wrong).toEqual({ ok: false, error: 'wrong-passphrase' });
    expect((await vault.attemptStatus()).failures).toBe(1);
    const r = await send({ type: 'log:export-csv', passphrase: PASS });
    expect(r.ok).toBe(true);
    expect(r.text).toBe(
      '\uFEFFdatum en tijd;app;soort kanaal;cliënten;reden;toelichting\r\n' +
        '2026-11-23 13:00;Gmail;bericht aan een derde;Anouk Visser;toestemming van de cliënt;Toestemming op papier, dossier 2026\r\n',
    );
    expect((await vault.attemptStatus()).failures).toBe(0);
    expect(vault.registry()).not.toBeNull();
  });
});
