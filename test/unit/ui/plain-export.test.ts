/**
 * "Onversleutelde lijst exporteren" in the background: only with the passphrase given again, checked by a
 * real re-open of the encrypted vault (a wrong one counts as a failed attempt and exports nothing),
 * CSV refused when it would not carry the list unchanged, and no client data in any error.
 */
import { describe, expect, it } from 'vitest';
import { createClientListService } from '../../../src/background/client-list-service';
import { createEncryptedVaultSession } from '../../../src/background/encrypted-vault-session';
import { PageRequest } from '../../../src/protocol';
import { TEST_KDF } from '../../../src/vault/envelope';
import { FakeStorage } from '../vault/fake-storage';

const PASS = 'lange-zin-als-wachtwoord-2026';

async function setup(clients: Array<{ id: string; name: string; aliases?: string[]; identifiers?: string[]; details?: string[] }>) {
  const local = new FakeStorage();
  const sleeps: number[] = [];
  const vault = createEncryptedVaultSession({
    local,
    session: new FakeStorage(),
    alarms: null,
    kdf: TEST_KDF.argon2id,
    sleep: async (ms) => void sleeps.push(ms),
  });
  const registry = {
    version: 1 as const,
    clients: clients.map((c) => ({ aliases: [], identifiers: [], details: [], ...c })),
  };
  await vault.setup(PASS, registry, 'both');
  const service = createClientListService(vault);
  const send = async (msg: unknown) => (await service.handle(PageRequest.parse(msg) as never)) as any;
  return { vault, send, local, sleeps };
}

describe('plain export (clients:export-plain)', () => {
  it('exports JSON and CSV only with the right passphrase; the list stays unlocked', async () => {
    const { send, vault } = await setup([{ id: 'a1', name: 'Anouk Visser', identifiers: ['anouk@example.nl'] }]);
    const json = await send({ type: 'clients:export-plain', passphrase: PASS, format: 'json' });
    expect(json.ok).toBe(true);
    expect(JSON.parse(json.text).clients[0]).toMatchObject({ name: 'Anouk Visser', identifiers: ['anouk@example.nl'] });
    const csv = await send({ type: 'clients:export-plain', passphrase: PASS, format: 'csv' });
    expect(csv.ok).toBe(true);
    expect(csv.text).toContain('Anouk Visser;');
    expect(csv.text).toContain('anouk@example.nl');
    expect(vault.registry()?.clients).toHaveLength(1);
  });

  it('a wrong passphrase exports nothing, is counted as a failed attempt and slows down like unlocking', async () => {
    const { send, vault, sleeps } = await setup([{ id: 'a1', name: 'Anouk Visser' }]);
    for (let i = 1; i <= 4; i++) {
      const r = await send({ type: 'clients:export-plain', passphrase: 'niet het goede wachtwoord', format: 'json' });
      expect(r).toEqual({ ok: false, error: 'wrong-passphrase' });
      expect((await vault.attemptStatus()).failures).toBe(i);
    }
    // The fourth try waited (3 free attempts, then 1 s, 2 s, …): the same throttle as the unlock screen.
    expect(sleeps.length).toBeGreaterThan(0);
    expect((await vault.attemptStatus()).waitMs).toBeGreaterThan(0);
    expect(vault.registry()).not.toBeNull(); // still unlocked
    // The right one works again and resets the counter.
    expect((await send({ type: 'clients:export-plain', passphrase: PASS, format: 'json' })).ok).toBe(true);
    expect((await vault.attemptStatus()).failures).toBe(0);
  });

  it('refuses while locked', async () => {
    const { send, vault } = await setup([{ id: 'a1', name: 'Anouk Visser' }]);
    await vault.lock();
    expect(await send({ type: 'clients:export-plain', passphrase: PASS, format: 'json' })).toEqual({ ok: false, error: 'locked' });
    expect(vault.registry()).toBeNull(); // the export did not unlock the list
  });

  it('refuses CSV when a value holds the separator "|" (JSON still works), without naming the client', async () => {
    const { send } = await setup([{ id: 'a1', name: 'Anouk Visser', aliases: ['Anouk | Noukie'] }]);
    const r = await send({ type: 'clients:export-plain', passphrase: PASS, format: 'csv' });
    expect(r).toEqual({ ok: false, error: 'csv-separator-in-value' });
    expect(JSON.stringify(r)).not.toMatch(/Anouk|Noukie|a1/);
    expect((await send({ type: 'clients:export-plain', passphrase: PASS, format: 'json' })).ok).toBe(true);
  });

  it('the message needs a passphrase and a known format', () => {
    expect(PageRequest.safeParse({ type: 'clients:export-plain', format: 'json' }).success).toBe(false);
    expect(PageRequest.safeParse({ type: 'clients:export-plain', passphrase: '', format: 'json' }).success).toBe(false);
    expect(PageRequest.safeParse({ type: 'clients:export-plain', passphrase: PASS, format: 'xlsx' }).success).toBe(false);
  });
});

describe('the slow-down is said in the coach\'s language', () => {
  it('rounds the wait up to whole seconds, singular for one, nothing without a wait', async () => {
    const { waitText } = await import('../../../src/ui/wait');
    const { setLanguage } = await import('../../../src/i18n');
    setLanguage('nl');
    expect(waitText(1000)).toBe('Probeer het over 1 seconde opnieuw.');
    expect(waitText(3200)).toBe('Probeer het over 4 seconden opnieuw.');
    expect(waitText(0)).toBeNull();
    expect(waitText(undefined)).toBeNull();
    setLanguage('en');
    expect(waitText(800)).toBe('Try again in 1 second.');
    expect(waitText(16_000)).toBe('Try again in 16 seconds.');
    setLanguage('nl');
  });
});
