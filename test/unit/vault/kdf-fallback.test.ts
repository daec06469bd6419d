/**
 * Argon2id blocked (WebAssembly present but refused, as under a CSP without 'wasm-unsafe-eval'):
 * a new vault falls back to PBKDF2-SHA256 600k instead of failing; an existing Argon2id vault says so clearly.
 */
import { describe, expect, it, vi } from 'vitest';

vi.mock('hash-wasm', () => ({
  argon2id: async () => {
    throw new WebAssembly.CompileError('WebAssembly.compile(): Refused to compile or instantiate WebAssembly module');
  },
}));

const { VaultStore } = await import('../../../src/vault/store');
const { newVaultContents } = await import('../../../src/vault/schema');
const { TEST_KDF, DEFAULT_PBKDF2 } = await import('../../../src/vault/envelope');
const { VaultError } = await import('../../../src/vault/errors');
const { FakeStorage } = await import('./fake-storage');

const contents = newVaultContents({ version: 1, clients: [{ id: 'c1', name: 'Anneke de Vries', aliases: [], identifiers: [], details: [] }] }, 'both');
const PASS = 'lange-zin-als-wachtwoord-2026';

describe('KDF fallback without usable WebAssembly', () => {
  it('creates a new vault with PBKDF2-SHA256 600k when the KDF was left to the store', async () => {
    const storage = new FakeStorage();
    const store = new VaultStore({ storage });
    const v = await store.create(PASS, contents);
    expect(v.kdf).toMatchObject(DEFAULT_PBKDF2);
    expect(store.kdf).toMatchObject(DEFAULT_PBKDF2);
    const reopened = await new VaultStore({ storage: storage.restart() }).open(PASS);
    // No failed "upgrade" loop: it stays PBKDF2 and opens.
    expect(reopened.opened.kdfUpgraded).toBe(false);
    expect(reopened.contents.registry.clients[0]?.name).toBe('Anneke de Vries');
  }, 20_000);

  it('says kdf-unavailable when the caller insisted on Argon2id', async () => {
    const store = new VaultStore({ storage: new FakeStorage(), kdf: TEST_KDF.argon2id });
    await expect(store.create(PASS, contents)).rejects.toSatisfy((e: unknown) => e instanceof VaultError && e.code === 'kdf-unavailable');
  });
});
