import { describe, expect, it } from 'vitest';
import { createClientListService } from '../../../src/background/client-list-service';
import { createMemoryVaultSession } from '../../../src/background/memory-vault-session';
import { PageRequest, type ClientRecord } from '../../../src/protocol';

const NOW = new Date('2026-11-23T12:00:00Z');

async function setup() {
  const vault = createMemoryVaultSession();
  await vault.setup('een lang wachtwoord', { version: 1, clients: [{ id: 'a1', name: 'Anouk Visser', aliases: [], identifiers: [], details: [] }] }, 'lvsc');
  let n = 0;
  const service = createClientListService(vault, { now: () => NOW, newId: () => `new-${++n}` });
  /** Goes through the same validation as the background (PageRequest), like a real message. */
  const send = async (msg: unknown) => {
    const parsed = PageRequest.parse(msg);
    return (await service.handle(parsed as never)) as any;
  };
  return { vault, service, send };
}

describe('client list service', () => {
  it('lists, adds and edits clients with trajectory dates, keeping creation time', async () => {
    const { send, vault } = await setup();
    const added = await send({
      type: 'clients:save',
      client: { name: ' Bram Kok ', aliases: ['Bram'], organization: 'Gemeente Zwolle', trajectoryStart: '2026-01-05' },
    });
    expect(added).toEqual({ ok: true, id: 'new-1' });
    const createdAt = vault.contents()!.clientMeta['new-1']!.createdAt;

    const edited = await send({
      type: 'clients:save',
      client: { id: 'new-1', name: 'Bram Kok', organization: 'Provincie Overijssel', trajectoryStart: '2026-01-05', trajectoryEnd: '2026-06-30' },
    });
    expect(edited.ok).toBe(true);
    const list = (await send({ type: 'clients:list' })).clients as ClientRecord[];
    expect(list.map((c) => c.name)).toEqual(['Anouk Visser', 'Bram Kok']);
    expect(list[1]).toMatchObject({ organization: 'Provincie Overijssel', trajectoryEnd: '2026-06-30', aliases: [] });
    expect(vault.contents()!.clientMeta['new-1']!.createdAt).toBe(createdAt);
    // The detector sees the change (the registry itself was updated).
    expect(vault.registry()!.clients.find((c) => c.id === 'new-1')!.organization).toBe('Provincie Overijssel');
  });

  it('refuses an end date before the start date and an unknown id, changing nothing', async () => {
    const { send, vault } = await setup();
    const before = JSON.stringify(vault.contents());
    expect(await send({ type: 'clients:save', client: { name: 'X Y', trajectoryStart: '2026-05-01', trajectoryEnd: '2026-04-01' } })).toEqual({
      ok: false,
      error: 'end-before-start',
    });
    expect(await send({ type: 'clients:save', client: { id: 'nope', name: 'X Y' } })).toEqual({ ok: false, error: 'not-found' });
    expect(await send({ type: 'clients:delete', id: 'nope' })).toEqual({ ok: false, error: 'not-found' });
    expect(JSON.stringify(vault.contents())).toBe(before);
  });

  it('deletes a client with its metadata and consents', async () => {
    const { send, vault } = await setup();
    const stamp = NOW.toISOString();
    await vault.update((c) => ({
      ...c,
      consents: [
        { id: 'k1', clientId: 'a1', information: ['name'], audience: { emails: ['hr@example.nl'], domains: [], publicPosts: false }, purpose: 'x', givenOn: '2026-01-01', createdAt: stamp, updatedAt: stamp },
      ],
      ignoreRules: [{ id: 'r1', clientId: 'a1', term: 'x', situation: 'message', createdAt: stamp }],
    }));
    expect(await send({ type: 'clients:delete', id: 'a1' })).toEqual({ ok: true });
    const c = vault.contents()!;
    expect(c.registry.clients).toEqual([]);
    expect(c.clientMeta.a1).toBeUndefined();
    expect(c.consents).toEqual([]);
    expect(c.ignoreRules).toEqual([]);
  });

  it('answers "locked" to everything while locked, and the overview shows no counts', async () => {
    const { send, vault } = await setup();
    await vault.lock();
    for (const msg of [
      { type: 'clients:list' },
      { type: 'clients:save', client: { name: 'Anouk Visser' } },
      { type: 'clients:delete', id: 'a1' },
      { type: 'settings:get' },
    ]) {
      expect(await send(msg)).toEqual({ ok: false, error: 'locked' });
    }
    expect(await send({ type: 'ui:overview' })).toEqual({ ok: true, setupNeeded: false, locked: true });
  });

  it('overview: setup needed without a vault', async () => {
    const service = createClientListService(createMemoryVaultSession());
    expect(await service.handle({ type: 'ui:overview' })).toEqual({ ok: true, setupNeeded: true, locked: true });
  });

  it('counts clients due for deletion under the retention setting', async () => {
    const { send } = await setup();
    await send({ type: 'clients:save', client: { name: 'Oud Traject', trajectoryEnd: '2022-01-31' } });
    await send({ type: 'clients:save', client: { name: 'Recent Traject', trajectoryEnd: '2025-01-31' } });
    let o = await send({ type: 'ui:overview' });
    expect(o).toMatchObject({ ok: true, locked: false, clientCount: 3, retentionDue: 1 });
    const list = (await send({ type: 'clients:list' })).clients as ClientRecord[];
    expect(list.filter((c) => c.retentionDue).map((c) => c.name)).toEqual(['Oud Traject']);

    const settings = (await send({ type: 'settings:get' })).settings;
    expect(await send({ type: 'settings:save', settings: { ...settings, retentionYears: 1 } })).toEqual({ ok: true });
    o = await send({ type: 'ui:overview' });
    expect(o.retentionDue).toBe(2);
    expect(o.settings.retentionYears).toBe(1);
  });

  it('deletes every client past the retention period in one go, with their dates, and nobody else', async () => {
    const { send, vault } = await setup();
    await send({ type: 'clients:save', client: { name: 'Oud Traject', trajectoryEnd: '2022-01-31' } });
    await send({ type: 'clients:save', client: { name: 'Ouder Traject', trajectoryEnd: '2019-05-01' } });
    await send({ type: 'clients:save', client: { name: 'Recent Traject', trajectoryEnd: '2025-01-31' } });
    expect(await send({ type: 'clients:delete-due' })).toEqual({ ok: true, removed: 2 });
    const names = ((await send({ type: 'clients:list' })).clients as ClientRecord[]).map((c) => c.name).sort();
    expect(names).toEqual(['Anouk Visser', 'Recent Traject']);
    // No tombstones: nothing in the vault still holds the deleted names.
    expect(JSON.stringify(vault.contents())).not.toMatch(/Oud(er)? Traject/);
    expect((await send({ type: 'ui:overview' })).retentionDue).toBe(0);
    expect(await send({ type: 'clients:delete-due' })).toEqual({ ok: true, removed: 0 });
  });

  it('saves settings in the vault', async () => {
    const { send, vault } = await setup();
    const settings = (await send({ type: 'settings:get' })).settings;
    const next = { ...settings, language: 'en', firstNameAlone: false, protectedSites: { ...settings.protectedSites, slack: false } };
    expect(await send({ type: 'settings:save', settings: next })).toEqual({ ok: true });
    expect(vault.contents()!.settings).toMatchObject({ language: 'en', firstNameAlone: false, protectedSites: { slack: false, gmail: true } });
  });

  it('never echoes an unexpected error message (it might hold client data)', async () => {
    const { service, vault } = await setup();
    vault.update = async () => {
      throw new Error('anouk visser');
    };
    const r = await service.handle({ type: 'clients:delete', id: 'a1' });
    expect(r).toEqual({ ok: false, error: 'internal' });
  });

  it('imports: a known id replaces the client (keeping its dates), a new id is added', async () => {
    const { send, vault } = await setup();
    await send({ type: 'clients:save', client: { id: 'a1', name: 'Anouk Visser', trajectoryEnd: '2026-02-01' } });
    const r = await send({
      type: 'clients:import',
      clients: [
        { id: 'a1', name: 'Anouk Visser', identifiers: ['anouk@example.nl'] },
        { id: 'n1', name: 'Nieuwe Cliënt' },
      ],
    });
    expect(r).toEqual({ ok: true, added: 1, updated: 1 });
    const list = (await send({ type: 'clients:list' })).clients as ClientRecord[];
    expect(list.find((c) => c.id === 'a1')).toMatchObject({ identifiers: ['anouk@example.nl'], trajectoryEnd: '2026-02-01' });
    expect(list.map((c) => c.name)).toEqual(['Anouk Visser', 'Nieuwe Cliënt']);
    expect(vault.contents()!.clientMeta.n1?.createdAt).toBe(NOW.toISOString());
  });

  it('the message schema refuses malformed client drafts', () => {
    expect(PageRequest.safeParse({ type: 'clients:save', client: { name: '' } }).success).toBe(false);
    expect(PageRequest.safeParse({ type: 'clients:save', client: { name: 'A', trajectoryEnd: '31-12-2026' } }).success).toBe(false);
    expect(PageRequest.safeParse({ type: 'settings:save', settings: { code: 'nope' } }).success).toBe(false);
  });
});
