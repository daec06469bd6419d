import { describe, expect, it } from 'vitest';
import { AUTOLOCK_ALARM, SESSION_KEYS, createEncryptedVaultSession, type AlarmsApi } from '../../../src/background/encrypted-vault-session';
import { TEST_KDF } from '../../../src/vault/envelope';
import { FakeStorage } from './fake-storage';

const PASS = 'lange-zin-als-wachtwoord-2026';
const registry = { version: 1 as const, clients: [{ id: 'c1', name: 'Anneke de Vries', aliases: [], identifiers: ['anneke@example.nl'], details: [] }] };
const MIN = 60_000;

class FakeAlarms implements AlarmsApi {
  scheduled = new Map<string, number>();
  private listeners: Array<(a: { name: string }) => void> = [];
  create(name: string, info: { when: number }) {
    this.scheduled.set(name, info.when);
  }
  async clear(name: string) {
    return this.scheduled.delete(name);
  }
  onAlarm = { addListener: (l: (a: { name: string }) => void) => void this.listeners.push(l) };
  fire(name: string) {
    for (const l of this.listeners) l({ name });
  }
}

function browserLike() {
  let clock = Date.UTC(2026, 10, 23, 9, 0, 0);
  const local = new FakeStorage();
  let session = new FakeStorage();
  let alarms = new FakeAlarms();
  const start = () =>
    createEncryptedVaultSession({ local, session, alarms, kdf: TEST_KDF.argon2id, now: () => clock, sleep: async () => undefined });
  return {
    local,
    get session() {
      return session;
    },
    get alarms() {
      return alarms;
    },
    advance: (ms: number) => (clock += ms),
    /** The service worker is stopped and started again: same storage, same alarms, fresh memory. */
    restartWorker: () => start(),
    /** The browser is closed and opened: session storage is gone. */
    restartBrowser: () => {
      session = new FakeStorage();
      alarms = new FakeAlarms();
      return start();
    },
    start,
  };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('EncryptedVaultSession', () => {
  it('survives a service-worker restart unlocked, and locks when the browser closes', async () => {
    const b = browserLike();
    const s = b.start();
    await s.setup(PASS, registry, 'both');
    expect(s.registry()?.clients[0]?.name).toBe('Anneke de Vries');

    const afterWorkerRestart = b.restartWorker();
    let notified = 0;
    afterWorkerRestart.onChange(() => notified++);
    await afterWorkerRestart.ready();
    expect(afterWorkerRestart.registry()?.clients[0]?.name).toBe('Anneke de Vries');
    expect(notified).toBe(1);

    const afterBrowserRestart = b.restartBrowser();
    await afterBrowserRestart.ready();
    expect(afterBrowserRestart.registry()).toBeNull();
    expect(await afterBrowserRestart.exists()).toBe(true);
    await afterBrowserRestart.unlock(PASS);
    expect(afterBrowserRestart.registry()).not.toBeNull();
  });

  it('keeps only the derived key in session storage, never the passphrase or client data', async () => {
    const b = browserLike();
    const s = b.start();
    await s.setup(PASS, registry, 'both');
    const text = JSON.stringify(b.session.snapshot());
    expect(text).not.toContain(PASS);
    expect(text).not.toContain('Anneke');
    expect(Object.keys(b.session.snapshot()).sort()).toEqual([SESSION_KEYS.key, SESSION_KEYS.lastActivity].sort());
    const local = JSON.stringify(b.local.snapshot());
    expect(local).not.toContain('Anneke');
    expect(local).not.toContain('anneke@example.nl');
  });

  it('manual lock forgets the key, so a restarted worker stays locked', async () => {
    const b = browserLike();
    const s = b.start();
    await s.setup(PASS, registry, 'both');
    await s.lock();
    expect(s.registry()).toBeNull();
    expect(b.session.snapshot()).toEqual({});
    const again = b.restartWorker();
    await again.ready();
    expect(again.registry()).toBeNull();
  });

  it('locks after 8 hours without activity; activity postpones it', async () => {
    const b = browserLike();
    const s = b.start();
    await s.setup(PASS, registry, 'both');
    expect(b.alarms.scheduled.get(AUTOLOCK_ALARM)).toBeDefined();

    b.advance(7 * 60 * MIN);
    s.noteActivity();
    await flush();
    b.advance(60 * MIN + 1); // 8 h after setup, 1 h after the last activity
    b.alarms.fire(AUTOLOCK_ALARM);
    await flush();
    expect(s.registry()).not.toBeNull();

    b.advance(8 * 60 * MIN);
    b.alarms.fire(AUTOLOCK_ALARM);
    await flush();
    await flush();
    expect(s.registry()).toBeNull();
    expect(b.session.snapshot()).toEqual({});
  });

  it('a worker restarted after the idle deadline comes back locked', async () => {
    const b = browserLike();
    const s = b.start();
    await s.setup(PASS, registry, 'both');
    b.advance(9 * 60 * MIN);
    const again = b.restartWorker();
    await again.ready();
    expect(again.registry()).toBeNull();
  });

  it('follows a shorter auto-lock setting', async () => {
    const b = browserLike();
    const s = b.start();
    await s.setup(PASS, registry, 'both');
    await s.update((c) => ({ ...c, settings: { ...c.settings, autoLockMinutes: 15 } }));
    b.advance(16 * MIN);
    b.alarms.fire(AUTOLOCK_ALARM);
    await flush();
    await flush();
    expect(s.registry()).toBeNull();
  });

  it('reports stable error codes and no data', async () => {
    const b = browserLike();
    const s = b.start();
    await expect(s.unlock(PASS)).rejects.toThrow('no-vault');
    await s.setup(PASS, registry, 'both');
    await expect(s.setup(PASS, registry, 'both')).rejects.toThrow('vault-exists');
    await s.lock();
    await expect(s.unlock('Anneke de Vries 1234')).rejects.toThrow(/^wrong-passphrase$/);
    await expect(s.exportBackup()).rejects.toThrow('locked');
    await expect(s.update((c) => c)).rejects.toThrow('locked');
  });

  it('a damaged vault: unlock says corrupt, recovery opens the previous version', async () => {
    const b = browserLike();
    const s = b.start();
    await s.setup(PASS, registry, 'both');
    await s.update((c) => ({ ...c, settings: { ...c.settings, code: 'lvsc' } }));
    await s.lock();
    const ptr = b.local.data.get('vault.pointer') as { current: number };
    b.local.data.set(`vault.gen.${ptr.current}`, '{"format":"discreet-vault","envelopeVersion":1,"trunc');
    const again = b.restartBrowser();
    await expect(again.unlock(PASS)).rejects.toThrow('corrupt');
    await again.recoverPrevious(PASS);
    expect(again.registry()?.clients[0]?.name).toBe('Anneke de Vries');
    expect(again.contents()?.settings.code).toBe('both');
  });

  it('locks when its open vault turns out to be stale instead of writing over newer data', async () => {
    const b = browserLike();
    const s = b.start();
    await s.setup(PASS, registry, 'both');
    // Another writer (e.g. a second worker instance) moves the vault on.
    const other = b.restartWorker();
    await other.ready();
    await other.update((c) => ({ ...c, settings: { ...c.settings, code: 'rl' } }));
    await expect(s.update((c) => ({ ...c, settings: { ...c.settings, code: 'lvsc' } }))).rejects.toThrow('locked');
    expect(s.registry()).toBeNull();
    await s.unlock(PASS);
    expect(s.contents()?.settings.code).toBe('rl');
  });

  it('changes the passphrase and round-trips a backup', async () => {
    const b = browserLike();
    const s = b.start();
    await s.setup(PASS, registry, 'both');
    await s.changePassphrase(PASS, 'nieuw-lang-wachtwoord-99');
    const backup = await s.exportBackup();
    // Still unlocked after a worker restart with the new key.
    const again = b.restartWorker();
    await again.ready();
    expect(again.registry()).not.toBeNull();

    const other = browserLike().start();
    await other.restoreBackup(backup, 'nieuw-lang-wachtwoord-99');
    expect(other.registry()?.clients[0]?.name).toBe('Anneke de Vries');
  });
});
