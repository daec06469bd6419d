/**
 * What the background needs from the vault: is there one, is it unlocked, and the registry while it is.
 * The registry lives only here, in the background; content scripts get findings, never the list.
 */
import type { CodeChoice } from '../protocol';
import type { Registry } from '../registry';
import type { VaultContents } from '../vault/schema';

export interface VaultSession {
  exists(): Promise<boolean>;
  /** The registry while unlocked, null while locked. */
  registry(): Registry | null;
  setup(passphrase: string, registry: Registry, code: CodeChoice): Promise<void>;
  /** Throws an Error whose message is a stable code (e.g. 'wrong-passphrase'). */
  unlock(passphrase: string): Promise<void>;
  lock(): Promise<void>;
  /** Everything inside the vault (registry, per-client metadata, settings) while unlocked, null while locked. */
  contents(): VaultContents | null;
  /**
   * Changes the unlocked contents and saves them (for the encrypted vault: re-encrypted, written atomically).
   * The mutator gets a copy and returns the new contents. Throws Error('locked') while locked.
   * Fires onChange after a successful save; on failure nothing changes.
   */
  update(mutator: (current: VaultContents) => VaultContents): Promise<void>;
  /** Called whenever the registry changes (unlock, lock, edit), so the detector can be rebuilt. */
  onChange(listener: () => void): void;
}
