import { describe, expect, it } from 'vitest';
import { VAULT_ERROR_CODES, VaultError, asVaultError, vaultErrorText } from '../../../src/vault/errors';

describe('vault errors', () => {
  it('every code has its own Dutch and English text', () => {
    for (const code of VAULT_ERROR_CODES) {
      const nl = vaultErrorText(code, undefined, 'nl');
      const en = vaultErrorText(code, undefined, 'en');
      expect(nl, code).not.toBe(code);
      expect(en, code).not.toBe(code);
      expect(nl, code).not.toBe(en);
    }
  });

  it('the message is the code, and wrapping a foreign error never copies its message', () => {
    expect(new VaultError('corrupt').message).toBe('corrupt');
    const wrapped = asVaultError(new Error('could not parse "Anneke de Vries"'));
    expect(wrapped.code).toBe('internal');
    expect(wrapped.message).not.toContain('Anneke');
  });
});
