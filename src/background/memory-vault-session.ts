/**
 * A VaultSession that keeps the registry in memory only and stores nothing at all.
 * A stand-in until the encrypted vault (src/vault) is wired in: it never writes client data anywhere,
 * so it cannot break the "encrypted at rest" promise, but the list is gone when the worker stops.
 */
import type { CodeChoice } from '../protocol';
import type { Registry } from '../registry';
import { newVaultContents, validateVaultContents, type VaultContents } from '../vault/schema';
import type { VaultSession } from './vault-session';

export function createMemoryVaultSession(): VaultSession {
  let stored: { passphrase: string; contents: VaultContents } | null = null;
  let unlocked: VaultContents | null = null;
  const listeners: Array<() => void> = [];
  const changed = () => listeners.forEach((l) => l());
  return {
    exists: async () => stored !== null,
    registry: () => unlocked?.registry ?? null,
    contents: () => unlocked,
    async setup(passphrase, registry: Registry, code: CodeChoice) {
      if (stored) throw new Error('vault-exists');
      stored = { passphrase, contents: newVaultContents(registry, code) };
      unlocked = stored.contents;
      changed();
    },
    async unlock(passphrase) {
      if (!stored) throw new Error('no-vault');
      if (passphrase !== stored.passphrase) throw new Error('wrong-passphrase');
      unlocked = stored.contents;
      changed();
    },
    async lock() {
      unlocked = null;
      changed();
    },
    async update(mutator) {
      if (!stored || !unlocked) throw new Error('locked');
      const next = validateVaultContents(mutator(structuredClone(unlocked)));
      stored = { passphrase: stored.passphrase, contents: next };
      unlocked = next;
      changed();
    },
    onChange: (l) => void listeners.push(l),
  };
}
