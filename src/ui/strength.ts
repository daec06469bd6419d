/**
 * Passphrase strength for the setup wizard and the passphrase change form: the vault's own rule
 * (src/vault/passphrase-strength.ts, zxcvbn-ts with Dutch and English dictionaries). Extension pages only.
 */
import type { Language } from '../i18n';
import { checkPassphrase } from '../vault/passphrase-strength';

export interface Strength {
  /** 0 (very weak) … 4 (very strong). */
  score: 0 | 1 | 2 | 3 | 4;
  /** Whether setup accepts it. */
  acceptable: boolean;
  /** Why not, or how to improve, as sentences for the coach. */
  messages(language?: Language): string[];
}

export function rateStrength(passphrase: string): Strength {
  const v = checkPassphrase(passphrase);
  return { score: v.score, acceptable: v.acceptable, messages: (language) => v.messages(language) };
}
