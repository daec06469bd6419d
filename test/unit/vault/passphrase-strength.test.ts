import { describe, expect, it } from 'vitest';
import { checkPassphrase } from '../../../src/vault/passphrase-strength';

describe('passphrase strength', () => {
  it('refuses short passphrases even when they look random', () => {
    const v = checkPassphrase('X9#qLz!');
    expect(v.acceptable).toBe(false);
    expect(v.tooShort).toBe(true);
    expect(v.messages('nl')[0]).toBe('Gebruik minstens 10 tekens.');
    expect(v.messages('en')[0]).toBe('Use at least 10 characters.');
  });

  it('refuses long but guessable passphrases, with feedback in Dutch and English', () => {
    for (const p of ['wachtwoord123', 'password1234', 'qwertyuiop', 'aaaaaaaaaaaa', 'hallohallo11']) {
      const v = checkPassphrase(p);
      expect(v.acceptable, p).toBe(false);
      expect(v.score, p).toBeLessThan(3);
      expect(v.messages('nl').length, p).toBeGreaterThan(0);
      expect(v.messages('nl')).not.toEqual(v.messages('en'));
    }
  });

  it('uses the Dutch dictionary: common Dutch words are weak on their own', () => {
    const v = checkPassphrase('gezelligheid');
    expect(v.acceptable).toBe(false);
  });

  it('accepts a long phrase of unrelated words', () => {
    const v = checkPassphrase('paars-vliegtuig-onder-kaasschaaf-regen');
    expect(v.acceptable).toBe(true);
    expect(v.score).toBeGreaterThanOrEqual(3);
  });

  it('counts the coach’s own details as guessable', () => {
    const without = checkPassphrase('pauline-janssen-1978');
    const withInputs = checkPassphrase('pauline-janssen-1978', ['pauline', 'janssen']);
    expect(withInputs.score).toBeLessThanOrEqual(without.score);
  });

  it('the test passphrase used by the e2e helpers is acceptable', () => {
    expect(checkPassphrase('demo-wachtwoord-voor-tests-42').acceptable).toBe(true);
  });
});
