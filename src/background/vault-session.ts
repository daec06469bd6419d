/**
 * What the background needs from the vault: is there one, is it unlocked, and the registry while it is.
 * The registry lives only here, in the background; content scripts get findings, never the list.
 */
import type { CodeChoice } from '../protocol';
import type { Registry } from '../registry';

export interface VaultSession {
  exists(): Promise<boolean>;
  /** The registry while unlocked, null while locked. */
  registry(): Registry | null;
  setup(passphrase: string, registry: Registry, code: CodeChoice): Promise<void>;
  /** Throws an Error whose message is a stable code (e.g. 'wrong-passphrase'). */
  unlock(passphrase: string): Promise<void>;
  lock(): Promise<void>;
  /** Called whenever the registry changes (unlock, lock, edit), so the detector can be rebuilt. */
  onChange(listener: () => void): void;
}
