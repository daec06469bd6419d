import { describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({ default: {} }));

const { errorText } = await import('../../../src/ui/common');
const { CONSENT_LOG_ERRORS } = await import('../../../src/background/consent-and-log-service');
const { setLanguage } = await import('../../../src/i18n');
const { consentErrorText } = await import('../../../src/ui/consent-register');
const { ignoreErrorText } = await import('../../../src/ui/ignore-rules');

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

describe("'not-found' names what went missing", () => {
  it('in Dutch: a deleted consent, a new consent for a deleted client, an edited consent, an undone ignore rule', () => {
    setLanguage('nl');
    expect(consentErrorText('not-found', 'delete')).toBe('Deze toestemming bestaat niet meer. Misschien is die in een ander venster verwijderd.');
    expect(consentErrorText('not-found', 'add')).toBe('Deze cliënt bestaat niet meer. Misschien is hij in een ander venster verwijderd.');
    expect(consentErrorText('not-found', 'edit')).toBe('Deze toestemming of cliënt bestaat niet meer. Misschien is die in een ander venster verwijderd.');
    expect(ignoreErrorText('not-found')).toBe(
      'Dit woord staat niet meer op de lijst: Discreet waarschuwt er al weer voor. Misschien is het in een ander venster ongedaan gemaakt.',
    );
    // The client list keeps its own sentence.
    expect(errorText('not-found')).toBe('Deze cliënt bestaat niet meer. Misschien is hij in een ander venster verwijderd.');
  });

  it('in English, with the same distinctions', () => {
    setLanguage('en');
    expect(consentErrorText('not-found', 'delete')).toBe('This consent no longer exists. It may have been deleted in another window.');
    expect(consentErrorText('not-found', 'add')).toBe('This client no longer exists. It may have been deleted in another window.');
    expect(consentErrorText('not-found', 'edit')).toBe('This consent or client no longer exists. It may have been deleted in another window.');
    expect(ignoreErrorText('not-found')).toBe('This word is no longer on the list: Discreet already warns about it again. It may have been undone in another window.');
  });
});
