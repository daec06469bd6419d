import { describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({ default: {} }));

const { errorText } = await import('../../../src/ui/common');
const { CONSENT_LOG_ERRORS } = await import('../../../src/background/consent-and-log-service');
const { setLanguage } = await import('../../../src/i18n');

describe('error codes the pages can receive', () => {
  it.each(['nl', 'en'] as const)('every code of the consent register and log reads as its own sentence (%s)', (language) => {
    setLanguage(language);
    for (const code of CONSENT_LOG_ERRORS) {
      if (code === 'bad-request') continue; // a malformed message: only a bug sends one, the generic text is right
      const text = errorText(code);
      expect(text, code).not.toContain(`(${code})`);
      expect(text, code).not.toBe(code);
    }
  });
});
