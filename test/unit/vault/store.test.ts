import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_ARGON2ID, TEST_KDF, type Envelope, type KdfParams } from '../../../src/vault/envelope';
import { VaultError } from '../../../src/vault/errors';
import { CURRENT_SCHEMA_VERSION, newVaultContents, type VaultContents } from '../../../src/vault/schema';
import { STORAGE_KEYS, VaultStore, type VaultStoreOptions } from '../../../src/vault/store';
import { FakeStorage, type FailMode } from './fake-storage';

const PASS = 'lange-zin-als-wachtwoord-2026';
const OTHER = 'een-heel-ander-wachtwoord-77';

const registryA = {
  version: 1 as const,
  clients: [{ id: 'c1', name: 'Anneke de Vries', aliases: [], identifiers: ['anneke@example.nl', '+31 6 12345678'], details: [] }],
};
const registryB = {
  version: 1 as const,
  clients: [...registryA.clients, { id: 'c2', name: 'Bram Jansen', aliases: [], identifiers: ['bram@example.nl'], details: [] }],
};
const NOW = new Date('2026-11-23T10:00:00.000Z');
const contentsA = newVaultContents(registryA, 'both', NOW);
const contentsB = newVaultContents(registryB, 'both', NOW);
const names = (c: VaultContents) => c.registry.clients.map((x) => x.name);

/** One wall clock shared by every store in a test (a restarted worker sees the same time). */
let clock = NOW.getTime();
beforeEach(() => {
  clock = NOW.getTime();
});

function makeStore(storage: FakeStorage, extra: Partial<VaultStoreOptions> = {}) {
  const sleeps: number[] = [];
  const store = new VaultStore({
    storage,
    kdf: TEST_KDF.argon2id,
    now: () => clock,
    sleep: async (ms) => {
      sleeps.push(ms);
      clock += ms;
    },
    ...extra,
  });
  return { store, sleeps, advance: (ms: number) => (clock += ms) };
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'no error';
  } catch (e) {
    return e instanceof VaultError ? e.code : `non-VaultError: ${String(e)}`;
  }
}

async function errorOf(p: Promise<unknown>): Promise<VaultError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof VaultError) return e;
    throw e;
  }
  throw new Error('expected a VaultError');
}

function storedText(storage: FakeStorage): string {
  return JSON.stringify(storage.snapshot());
}

describe('VaultStore basics', () => {
  it('creates, reopens and saves; the storage holds only envelopes, the pointer and counters', async () => {
    const storage = new FakeStorage();
    const { store } = makeStore(storage);
    expect(await store.exists()).toBe(false);
    expect(await codeOf(store.open(PASS))).toBe('no-vault');
    const v = await store.create(PASS, contentsA);
    await v.save(contentsB);
    const again = await makeStore(storage.restart()).store.open(PASS);
    expect(names(again.contents)).toEqual(['Anneke de Vries', 'Bram Jansen']);
    const text = storedText(storage);
    for (const secret of ['Anneke', 'Bram', 'anneke@example.nl', '12345678', 'Vries']) expect(text).not.toContain(secret);
    for (const key of storage.data.keys()) expect(key).toMatch(/^vault\.(pointer|attempts|gen\.\d+)$/);
  });

  it('never overwrites an existing vault on setup', async () => {
    const storage = new FakeStorage();
    const { store } = makeStore(storage);
    await store.create(PASS, contentsA);
    const before = storage.snapshot();
    expect(await codeOf(store.create(OTHER, contentsB))).toBe('vault-exists');
    expect(storage.snapshot()).toEqual(before);
  });

  it('refuses a short passphrase for a new vault', async () => {
    const { store } = makeStore(new FakeStorage());
    expect(await codeOf(store.create('kort', contentsA))).toBe('weak-passphrase');
  });

  it('keeps one previous generation after a save and deletes older ones', async () => {
    const storage = new FakeStorage();
    const { store } = makeStore(storage);
    const v = await store.create(PASS, contentsA);
    await v.save(contentsB);
    await v.save(contentsA);
    await v.save(contentsB);
    const gens = [...storage.data.keys()].filter((k) => k.startsWith('vault.gen.'));
    expect(gens).toHaveLength(2);
  });

  it('deleting a client leaves no older generation that still holds them', async () => {
    const storage = new FakeStorage();
    const v = await makeStore(storage).store.create(PASS, contentsB);
    await v.save(contentsB);
    expect([...storage.data.keys()].filter((k) => k.startsWith('vault.gen.'))).toHaveLength(2);
    await v.save(contentsA); // Bram removed
    expect([...storage.data.keys()].filter((k) => k.startsWith('vault.gen.'))).toHaveLength(1);
    const { openWithPassphrase } = await import('../../../src/vault/envelope');
    for (const [k, text] of storage.data) {
      if (!k.startsWith('vault.gen.')) continue;
      expect((await openWithPassphrase(text, PASS)).plaintext).not.toContain('Bram');
    }
  });

  it('update() applies a change to a copy; a throwing mutator changes nothing', async () => {
    const storage = new FakeStorage();
    const { store } = makeStore(storage);
    const v = await store.create(PASS, contentsA);
    await v.update((c) => {
      c.settings.autoLockMinutes = 30;
    });
    expect(v.contents.settings.autoLockMinutes).toBe(30);
    const before = storage.snapshot();
    await expect(
      v.update((c) => {
        c.settings.autoLockMinutes = 1;
        throw new Error('mutator failed');
      }),
    ).rejects.toBeInstanceOf(VaultError);
    expect(v.contents.settings.autoLockMinutes).toBe(30);
    expect(storage.snapshot()).toEqual(before);
  });
});

describe('wrong passphrase and throttling', () => {
  it('a wrong passphrase changes nothing but a non-identifying counter', async () => {
    const storage = new FakeStorage();
    const { store } = makeStore(storage);
    await store.create(PASS, contentsA);
    const before = storage.snapshot();
    expect(await codeOf(store.open(OTHER))).toBe('wrong-passphrase');
    const after = storage.snapshot();
    const { [STORAGE_KEYS.attempts]: attempts, ...rest } = after;
    expect(rest).toEqual(before);
    expect(Object.keys(attempts as object).sort()).toEqual(['failures', 'lastFailureAt']);
  });

  it('waits longer after every failure beyond three, capped, and remembers it across a restart', async () => {
    const storage = new FakeStorage();
    const first = makeStore(storage, { throttle: { baseDelayMs: 1000, maxDelayMs: 8000 } });
    await first.store.create(PASS, contentsA);
    for (let i = 0; i < 5; i++) expect(await codeOf(first.store.open(OTHER))).toBe('wrong-passphrase');
    // 3 free attempts, then 1 s and 2 s.
    expect(first.sleeps).toEqual([1000, 2000]);

    // A restart does not reset the counter.
    const second = makeStore(storage.restart(), { throttle: { baseDelayMs: 1000, maxDelayMs: 8000 } });
    expect((await second.store.attemptStatus()).failures).toBe(5);
    for (let i = 0; i < 3; i++) await codeOf(second.store.open(OTHER));
    expect(second.sleeps).toEqual([4000, 8000, 8000]);

    // The right passphrase still works (after the wait) and resets the counter.
    await second.store.open(PASS);
    expect((await second.store.attemptStatus()).failures).toBe(0);
  });

  it('still says wrong-passphrase when the counter cannot be written (disk full)', async () => {
    const storage = new FakeStorage();
    const { store } = makeStore(storage);
    await store.create(PASS, contentsA);
    const base = storage.calls.length;
    // open: read pointer, read generation, read attempts (throttle), read attempts, write attempts ← fails
    storage.failOnCall(base + 4, 'throw-before');
    expect(await codeOf(store.open(OTHER))).toBe('wrong-passphrase');
    expect(storage.calls[base + 4]).toBe(`set:${STORAGE_KEYS.attempts}`);
  });

  it('does not make the coach wait when enough time has passed already', async () => {
    const storage = new FakeStorage();
    const t = makeStore(storage);
    await t.store.create(PASS, contentsA);
    for (let i = 0; i < 4; i++) await codeOf(t.store.open(OTHER));
    t.advance(10 * 60_000);
    const before = t.sleeps.length;
    await t.store.open(PASS);
    expect(t.sleeps.length).toBe(before);
  });
});

describe('passphrase change and KDF upgrade', () => {
  it('re-encrypts under the new passphrase; the old one opens nothing any more', async () => {
    const storage = new FakeStorage();
    const { store } = makeStore(storage);
    const v = await store.create(PASS, contentsA);
    await v.save(contentsB);
    expect(await codeOf(v.changePassphrase(OTHER, 'nog-een-ander-wachtwoord'))).toBe('wrong-passphrase');
    await v.changePassphrase(PASS, OTHER);
    const reopened = makeStore(storage.restart());
    expect(await codeOf(reopened.store.open(PASS))).toBe('wrong-passphrase');
    expect(names((await reopened.store.open(OTHER)).contents)).toEqual(['Anneke de Vries', 'Bram Jansen']);
    // No generation under the old passphrase is left behind.
    expect([...storage.data.keys()].filter((k) => k.startsWith('vault.gen.'))).toHaveLength(1);
  });

  it('raises weak stored KDF params to the current defaults on unlock', async () => {
    const storage = new FakeStorage();
    await makeStore(storage, { kdf: TEST_KDF.pbkdf2 }).store.create(PASS, contentsA);
    const stronger: KdfParams = { name: 'argon2id', memoryKiB: 2048, iterations: 2, parallelism: 1 };
    const v = await makeStore(storage, { kdf: stronger }).store.open(PASS);
    expect(v.opened.kdfUpgraded).toBe(true);
    const ptr = storage.data.get(STORAGE_KEYS.pointer) as { current: number };
    const env = JSON.parse(storage.data.get(STORAGE_KEYS.generation(ptr.current)) as string) as Envelope;
    expect(env.kdf).toMatchObject(stronger);
    expect([...storage.data.keys()].filter((k) => k.startsWith('vault.gen.'))).toHaveLength(1);
    // Opens with the same passphrase, and is not upgraded again.
    const again = await makeStore(storage, { kdf: stronger }).store.open(PASS);
    expect(again.opened.kdfUpgraded).toBe(false);
    expect(names(again.contents)).toEqual(['Anneke de Vries']);
  });

  it('defaults to Argon2id 64 MiB / 3 iterations for new vaults', () => {
    expect(new VaultStore({ storage: new FakeStorage() }).kdf).toEqual(DEFAULT_ARGON2ID);
  });
});

describe('schema migration on unlock', () => {
  it('opens a vault written as schema v1, saves it as the current version and keeps the v1 copy as fallback', async () => {
    const { VaultKey, newKdfHeader, seal, openWithPassphrase } = await import('../../../src/vault/envelope');
    const storage = new FakeStorage();
    const key = await VaultKey.derive(PASS, newKdfHeader(TEST_KDF.argon2id));
    const v1 = { schemaVersion: 1, registry: registryA, settings: { code: 'rl', autoLockMinutes: 30 } };
    storage.data.set(STORAGE_KEYS.generation(1), await seal(key, JSON.stringify(v1)));
    storage.data.set(STORAGE_KEYS.pointer, { pointerVersion: 1, current: 1, previous: null, quarantined: [], stale: [] });

    const v = await makeStore(storage).store.open(PASS);
    expect(v.opened.migratedFrom).toBe(1);
    expect(v.contents.settings).toMatchObject({ code: 'rl', autoLockMinutes: 30, retentionYears: 3 });
    const ptr = storage.data.get(STORAGE_KEYS.pointer) as { current: number; previous: number };
    expect(ptr).toMatchObject({ current: 2, previous: 1 });
    const current = JSON.parse((await openWithPassphrase(storage.data.get(STORAGE_KEYS.generation(2)), PASS)).plaintext);
    expect(current.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    const again = await makeStore(storage.restart()).store.open(PASS);
    expect(again.opened.migratedFrom).toBeNull();
  });
});

describe('atomic writes: a failure at any step leaves a readable vault', () => {
  async function countSaveCalls(): Promise<number> {
    const storage = new FakeStorage();
    const v = await makeStore(storage).store.create(PASS, contentsA);
    const start = storage.calls.length;
    await v.save(contentsB);
    return storage.calls.length - start;
  }

  for (const [label0, from, to] of [
    ['adding a client (keeps the previous generation)', contentsA, contentsB],
    ['removing a client (drops older generations)', contentsB, contentsA],
  ] as const) {
    it(`for every storage call of a save ${label0}, and every way it can fail`, async () => {
      const n = await countSaveCalls();
      expect(n).toBeGreaterThanOrEqual(4); // read pointer, write generation, read back, switch pointer, clean up
      const modes: FailMode[] = ['throw-before', 'throw-after', 'crash-before', 'crash-after'];
      for (let i = 0; i < n + 1; i++) {
        for (const mode of modes) {
          const storage = new FakeStorage();
          const v = await makeStore(storage).store.create(PASS, from);
          await v.save(from);
          storage.failOnCall(storage.calls.length + i, mode);
          const outcome = await codeOf(v.save(to));
          const label = `call ${i} (${storage.calls[storage.calls.length - 1]}) ${mode}`;
          expect(['no error', 'storage-failed', 'write-not-verified'], label).toContain(outcome);
          // Re-open from scratch over whatever is on "disk".
          const reopened = await makeStore(storage.restart()).store.open(PASS);
          const got = names(reopened.contents);
          if (outcome === 'no error') expect(got, label).toEqual(names(to));
          else expect([names(from), names(to)], label).toContainEqual(got);
          // When the save failed in memory, the open vault still holds the old contents.
          if (outcome !== 'no error') expect(names(v.contents), label).toEqual(names(from));
        }
      }
    });
  }

  it('for every storage call of the first setup (no vault, or a complete one)', async () => {
    for (let i = 0; i < 6; i++) {
      for (const mode of ['throw-before', 'throw-after', 'crash-before', 'crash-after'] as FailMode[]) {
        const storage = new FakeStorage();
        storage.failOnCall(i, mode);
        const outcome = await codeOf(makeStore(storage).store.create(PASS, contentsA));
        const reopened = makeStore(storage.restart()).store;
        if (outcome === 'no error' || (await reopened.exists())) {
          expect(names((await reopened.open(PASS)).contents)).toEqual(names(contentsA));
        } else {
          // Nothing usable was written: setup can simply be retried.
          await reopened.create(PASS, contentsA);
        }
      }
    }
  });

  it('abandons a write whose read-back differs, keeping the old vault current', async () => {
    const storage = new FakeStorage();
    const v = await makeStore(storage).store.create(PASS, contentsA);
    const ptrBefore = storage.data.get(STORAGE_KEYS.pointer);
    const next = (ptrBefore as { current: number }).current + 1;
    storage.mangleNextGetOf = STORAGE_KEYS.generation(next);
    expect(await codeOf(v.save(contentsB))).toBe('write-not-verified');
    expect(storage.data.get(STORAGE_KEYS.pointer)).toEqual(ptrBefore);
    expect(names((await makeStore(storage.restart()).store.open(PASS)).contents)).toEqual(names(contentsA));
  });

  it('a passphrase change interrupted at any step leaves a vault that opens with one of the two passphrases', async () => {
    for (let i = 0; i < 8; i++) {
      for (const mode of ['throw-before', 'throw-after', 'crash-before', 'crash-after'] as FailMode[]) {
        const storage = new FakeStorage();
        const v = await makeStore(storage).store.create(PASS, contentsA);
        storage.failOnCall(storage.calls.length + i, mode);
        const outcome = await codeOf(v.changePassphrase(PASS, OTHER));
        const s = makeStore(storage.restart()).store;
        const withOld = await codeOf(s.open(PASS));
        const withNew = await codeOf(makeStore(storage.restart()).store.open(OTHER));
        expect([withOld, withNew], `${i} ${mode}`).toContain('no error');
        if (outcome === 'no error') expect(withNew).toBe('no error');
      }
    }
  });
});

describe('damaged and newer vaults are never overwritten', () => {
  async function twoGenerations() {
    const storage = new FakeStorage();
    const v = await makeStore(storage).store.create(PASS, contentsA);
    await v.save(contentsB);
    const ptr = storage.data.get(STORAGE_KEYS.pointer) as { current: number; previous: number };
    return { storage, ptr };
  }

  it('a damaged current generation: clear code, the previous is offered, recovery keeps the damaged copy', async () => {
    const { storage, ptr } = await twoGenerations();
    const key = STORAGE_KEYS.generation(ptr.current);
    const damaged = (storage.data.get(key) as string).replace(/"ciphertext":"(.)/, (_m, c: string) => `"ciphertext":"${c === 'A' ? 'B' : 'A'}`);
    storage.data.set(key, damaged);
    const { store } = makeStore(storage);
    const err = await errorOf(store.open(PASS));
    expect(err.code).toBe('corrupt');
    expect(err.details.previousReadable).toBe(true);
    const v = await store.recoverPrevious(PASS);
    expect(names(v.contents)).toEqual(names(contentsA));
    await v.save(contentsB);
    await v.save(contentsA);
    expect(storage.data.get(key)).toBe(damaged); // quarantined: never overwritten, never deleted
    expect(names((await makeStore(storage.restart()).store.open(PASS)).contents)).toEqual(names(contentsA));
  });

  it('an envelope from a newer version: unknown-version, and no write touches it', async () => {
    const { storage, ptr } = await twoGenerations();
    const key = STORAGE_KEYS.generation(ptr.current);
    const env = JSON.parse(storage.data.get(key) as string);
    env.envelopeVersion = 3; // one above ENVELOPE_VERSION (2)
    storage.data.set(key, JSON.stringify(env));
    const before = storage.snapshot();
    const { store } = makeStore(storage);
    const err = await errorOf(store.open(PASS));
    expect(err.code).toBe('unknown-version');
    expect(err.details.previousReadable).toBe(true);
    expect(await codeOf(store.create(PASS, contentsA))).toBe('vault-exists');
    const backup = await (await makeStore(new FakeStorage()).store.create(PASS, contentsA)).exportBackup();
    expect(await codeOf(store.restoreBackup(backup, PASS))).toBe('unknown-version');
    expect(storage.snapshot()).toEqual(before);
  });

  it('contents from a newer schema version: unknown-version, nothing written', async () => {
    const storage = new FakeStorage();
    const { store } = makeStore(storage);
    const v = await store.create(PASS, contentsA);
    // Simulate a newer Discreet: same key, newer schemaVersion inside.
    await v.save(contentsA);
    const { seal, VaultKey, newKdfHeader } = await import('../../../src/vault/envelope');
    void VaultKey;
    void newKdfHeader;
    const ptr = storage.data.get(STORAGE_KEYS.pointer) as { current: number };
    const { openWithPassphrase } = await import('../../../src/vault/envelope');
    const { key } = await openWithPassphrase(storage.data.get(STORAGE_KEYS.generation(ptr.current)), PASS);
    storage.data.set(STORAGE_KEYS.generation(ptr.current), await seal(key, JSON.stringify({ schemaVersion: 99, future: true })));
    const before = storage.snapshot();
    expect(await codeOf(makeStore(storage).store.open(PASS))).toBe('unknown-version');
    expect(storage.snapshot()).toEqual(before);
  });

  it('a pointer from a newer version: unknown-version', async () => {
    const { storage } = await twoGenerations();
    storage.data.set(STORAGE_KEYS.pointer, { pointerVersion: 2, somethingNew: true });
    expect(await codeOf(makeStore(storage).store.open(PASS))).toBe('unknown-version');
  });
});

describe('backup and restore', () => {
  it('exports a backup that restores elsewhere with the passphrase alone', async () => {
    const source = new FakeStorage();
    const v = await makeStore(source).store.create(PASS, contentsA);
    await v.save(contentsB);
    const backup = await v.exportBackup();
    expect(backup).not.toContain('Anneke');
    const parsed = JSON.parse(backup) as Envelope;
    expect(parsed.kdf).toMatchObject(TEST_KDF.argon2id);

    const target = new FakeStorage();
    const t = makeStore(target).store;
    await t.create(OTHER, contentsA);
    const restored = await t.restoreBackup(backup, PASS);
    expect(names(restored.contents)).toEqual(names(contentsB));
    const s = makeStore(target.restart()).store;
    expect(await codeOf(s.open(OTHER))).toBe('wrong-passphrase');
    expect(names((await s.open(PASS)).contents)).toEqual(names(contentsB));
  });

  it('a truncated or damaged backup, or a wrong passphrase, gives a clear code and changes nothing', async () => {
    const backup = await (await makeStore(new FakeStorage()).store.create(PASS, contentsB)).exportBackup();
    const target = new FakeStorage();
    const t = makeStore(target).store;
    await t.create(OTHER, contentsA);
    const before = storage(target);
    for (const n of [0, 1, 20, Math.floor(backup.length / 2), backup.length - 1]) {
      expect(await codeOf(t.restoreBackup(backup.slice(0, n), PASS))).toBe('corrupt');
    }
    expect(await codeOf(t.restoreBackup(backup.replace('"iv":"', '"iv":"A'), PASS))).toBe('corrupt');
    expect(await codeOf(t.restoreBackup('not a backup at all', PASS))).toBe('corrupt');
    expect(storage(target)).toEqual(before);
    expect(await codeOf(t.restoreBackup(backup, OTHER))).toBe('wrong-passphrase');
    const { [STORAGE_KEYS.attempts]: _a, ...rest } = target.snapshot();
    expect(rest).toEqual(before);
    expect(names((await makeStore(target.restart()).store.open(OTHER)).contents)).toEqual(names(contentsA));

    function storage(s: FakeStorage) {
      const { [STORAGE_KEYS.attempts]: _x, ...r } = s.snapshot();
      return r;
    }
  });

  it('restores over a damaged pointer without overwriting any existing generation', async () => {
    const backup = await (await makeStore(new FakeStorage()).store.create(PASS, contentsB)).exportBackup();
    const target = new FakeStorage();
    const v = await makeStore(target).store.create(OTHER, contentsA);
    await v.save(contentsA);
    const oldGens = Object.fromEntries([...target.data].filter(([k]) => k.startsWith('vault.gen.')));
    target.data.set(STORAGE_KEYS.pointer, { pointerVersion: 1, current: 'kapot' });
    const t = makeStore(target).store;
    expect(await codeOf(t.open(OTHER))).toBe('corrupt');
    expect(await codeOf(t.create(PASS, contentsA))).toBe('vault-exists');
    await t.restoreBackup(backup, PASS);
    for (const [k, text] of Object.entries(oldGens)) expect(target.data.get(k)).toBe(text);
    expect(names((await makeStore(target.restart()).store.open(PASS)).contents)).toEqual(names(contentsB));
  });

  it('restores into an empty profile', async () => {
    const backup = await (await makeStore(new FakeStorage()).store.create(PASS, contentsB)).exportBackup();
    const target = new FakeStorage();
    await makeStore(target).store.restoreBackup(backup, PASS);
    expect(names((await makeStore(target.restart()).store.open(PASS)).contents)).toEqual(names(contentsB));
  });
});

describe('resume after a service-worker restart', () => {
  it('re-opens with the exported key; a stale key after a passphrase change does not', async () => {
    const storage = new FakeStorage();
    const { store } = makeStore(storage, { exportableKeys: true });
    const v = await store.create(PASS, contentsA);
    const parked = JSON.parse(JSON.stringify(v.exportKey()));
    const resumed = await makeStore(storage, { exportableKeys: true }).store.resume(parked);
    expect(names(resumed.contents)).toEqual(names(contentsA));
    await resumed.save(contentsB);
    expect(names((await makeStore(storage, { exportableKeys: true }).store.resume(parked)).contents)).toEqual(names(contentsB));
    // v opened an older generation: it may not write over a newer one.
    expect(await codeOf(v.save(contentsA))).toBe('locked');
    await (await makeStore(storage, { exportableKeys: true }).store.resume(parked)).changePassphrase(PASS, OTHER);
    expect(await codeOf(makeStore(storage, { exportableKeys: true }).store.resume(parked))).toBe('locked');
    expect(await codeOf(makeStore(storage).store.resume({ junk: true }))).toBe('locked');
  });
});

describe('garbage in storage', () => {
  it('any value under the pointer, a generation or the counter gives a VaultError and writes nothing', async () => {
    const fc = (await import('fast-check')).default;
    const { VaultError: VE } = await import('../../../src/vault/errors');
    await fc.assert(
      fc.asyncProperty(fc.anything(), fc.anything(), fc.anything(), async (pointer, gen, attempts) => {
        const storage = new FakeStorage();
        if (pointer !== undefined) storage.data.set(STORAGE_KEYS.pointer, pointer);
        storage.data.set(STORAGE_KEYS.generation(1), gen);
        storage.data.set(STORAGE_KEYS.attempts, attempts);
        const before = storage.snapshot();
        const { store } = makeStore(storage);
        try {
          await store.open(PASS);
          throw new Error('garbage opened');
        } catch (e) {
          expect(e).toBeInstanceOf(VE);
        }
        const { [STORAGE_KEYS.attempts]: _a, ...rest } = storage.snapshot();
        const { [STORAGE_KEYS.attempts]: _b, ...restBefore } = before;
        expect(rest).toEqual(restBefore);
        if (pointer !== undefined && pointer !== null) expect(await codeOf(store.create(PASS, contentsA))).not.toBe('no error');
      }),
      { numRuns: 150 },
    );
  });
});
