/**
 * A VaultSession that keeps the registry in memory only and stores nothing at all.
 * A stand-in until the encrypted vault (src/vault) is wired in: it never writes client data anywhere,
 * so it cannot break the "encrypted at rest" promise, but the list is gone when the worker stops.
 */
import type { CodeChoice } from '../protocol';
import type { Registry } from '../registry';
import type { VaultSession } from './vault-session';

export function createMemoryVaultSession(): VaultSession {
  let stored: { passphrase: string; registry: Registry; code: CodeChoice } | null = null;
  let unlocked: Registry | null = null;
  const listeners: Array<() => void> = [];
  const changed = () => listeners.forEach((l) => l());
  return {
    exists: async () => stored !== null,
    registry: () => unlocked,
    async setup(passphrase, registry, code) {
      stored = { passphrase, registry, code };
      unlocked = registry;
      changed();
    },
    async unlock(passphrase) {
      if (!stored) throw new Error('no-vault');
      if (passphrase !== stored.passphrase) throw new Error('wrong-passphrase');
      unlocked = stored.registry;
      changed();
    },
    async lock() {
      unlocked = null;
      changed();
    },
    onChange: (l) => void listeners.push(l),
  };
}
