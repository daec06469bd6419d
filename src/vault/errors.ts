/**
 * Typed vault errors with stable codes.
 *
 * The message of a VaultError IS its code: it is safe to log, to send between contexts and to show
 * as a key for a translated text. It never contains client data, passphrases or file contents.
 */
import { defineMessages } from '../i18n';

export const VAULT_ERROR_CODES = [
  /** The passphrase does not open this vault. */
  'wrong-passphrase',
  /** The stored or supplied data is damaged (bad JSON, bad base64, failed authentication, invalid contents). */
  'corrupt',
  /** Written by a newer version of Discreet: never overwritten, never guessed at. */
  'unknown-version',
  /** Passphrase refused for a new vault (too short or too easy to guess). */
  'weak-passphrase',
  /** There is no vault yet. */
  'no-vault',
  /** A vault already exists (setup refused so it is never overwritten by accident). */
  'vault-exists',
  /** The vault is locked: unlock first. */
  'locked',
  /** The key-derivation function of this vault cannot run here (e.g. no WebAssembly for Argon2id). */
  'kdf-unavailable',
  /** The storage refused a write or a read (quota, disk error). Nothing was lost: the previous version is intact. */
  'storage-failed',
  /** A written copy did not read back identically: the write was abandoned, the previous version kept. */
  'write-not-verified',
  /** Anything else (a bug). Still never includes user data. */
  'internal',
] as const;

export type VaultErrorCode = (typeof VAULT_ERROR_CODES)[number];

export interface VaultErrorDetails {
  /** For 'corrupt' / 'unknown-version' on open: an older generation exists that this passphrase opens. */
  previousReadable?: boolean;
}

export class VaultError extends Error {
  override readonly name = 'VaultError';
  constructor(
    readonly code: VaultErrorCode,
    readonly details: VaultErrorDetails = {},
  ) {
    super(code);
  }
}

export function isVaultError(e: unknown, code?: VaultErrorCode): e is VaultError {
  return e instanceof VaultError && (code === undefined || e.code === code);
}

/** Wraps anything thrown into a VaultError without ever copying its message (which might hold data). */
export function asVaultError(e: unknown, fallback: VaultErrorCode = 'internal'): VaultError {
  return e instanceof VaultError ? e : new VaultError(fallback);
}

/** What the coach reads for each code. */
export const vaultErrorText = defineMessages({
  nl: {
    'wrong-passphrase': 'Dit wachtwoord opent de cliëntenlijst niet.',
    corrupt: 'De opgeslagen cliëntenlijst is beschadigd en kan niet worden geopend.',
    'unknown-version': 'Deze cliëntenlijst is gemaakt met een nieuwere versie van Discreet. Werk Discreet bij; de lijst blijft onaangeroerd.',
    'weak-passphrase': 'Kies een sterker wachtwoord: minstens 10 tekens en niet makkelijk te raden.',
    'no-vault': 'Er is nog geen cliëntenlijst ingesteld.',
    'vault-exists': 'Er bestaat al een cliëntenlijst; die wordt niet overschreven.',
    locked: 'De cliëntenlijst is vergrendeld. Ontgrendel hem eerst.',
    'kdf-unavailable': 'Deze browser kan de versleuteling van deze lijst niet uitvoeren (WebAssembly ontbreekt).',
    'storage-failed': 'Opslaan is mislukt (bijvoorbeeld: schijf vol). De vorige versie is bewaard gebleven.',
    'write-not-verified': 'Opslaan kon niet worden gecontroleerd. De vorige versie is bewaard gebleven.',
    internal: 'Er ging intern iets mis. Er is niets verloren gegaan.',
  },
  en: {
    'wrong-passphrase': 'This passphrase does not open the client list.',
    corrupt: 'The stored client list is damaged and cannot be opened.',
    'unknown-version': 'This client list was made by a newer version of Discreet. Update Discreet; the list is left untouched.',
    'weak-passphrase': 'Choose a stronger passphrase: at least 10 characters and not easy to guess.',
    'no-vault': 'No client list has been set up yet.',
    'vault-exists': 'A client list already exists; it will not be overwritten.',
    locked: 'The client list is locked. Unlock it first.',
    'kdf-unavailable': 'This browser cannot run the encryption of this list (WebAssembly is missing).',
    'storage-failed': 'Saving failed (for example: disk full). The previous version was kept.',
    'write-not-verified': 'Saving could not be verified. The previous version was kept.',
    internal: 'Something went wrong internally. Nothing was lost.',
  },
});
