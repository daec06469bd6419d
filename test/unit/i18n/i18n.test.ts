import { describe, expect, it } from 'vitest';
import { defineMessages, detectLanguage, setLanguage } from '../../../src/i18n';

describe('i18n', () => {
  const t = defineMessages({
    nl: { greet: 'Hallo {name}', count: '{n} cliënten' },
    en: { greet: 'Hello {name}', count: '{n} clients' },
  });

  it('speaks Dutch first and English on request', () => {
    setLanguage('nl');
    expect(t('greet', { name: 'Pauline' })).toBe('Hallo Pauline');
    setLanguage('en');
    expect(t('count', { n: 3 })).toBe('3 clients');
    expect(t('greet', { name: 'X' }, 'nl')).toBe('Hallo X');
  });

  it('follows the browser language, falling back to Dutch', () => {
    expect(detectLanguage(['en-GB', 'nl'])).toBe('en');
    expect(detectLanguage(['nl-BE'])).toBe('nl');
    expect(detectLanguage(['de-DE', 'fr'])).toBe('nl');
  });
});
