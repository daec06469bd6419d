/**
 * Passphrase strength for a new vault (setup, passphrase change, restore-with-new-passphrase screens).
 *
 * zxcvbn-ts with the common, Dutch (nl-be) and English dictionaries. The dictionaries are large:
 * import this module from extension pages only (options/popup), never from the background or content
 * scripts. The background enforces only the minimum length (store.ts MIN_PASSPHRASE_LENGTH).
 *
 * Refused when the zxcvbn score is below 3 or the passphrase is shorter than 10 characters.
 * Feedback comes back as stable codes (zxcvbn's own keys) plus Dutch/English text via src/i18n.
 */
import { ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core';
import * as zxcvbnCommon from '@zxcvbn-ts/language-common';
import * as zxcvbnNl from '@zxcvbn-ts/language-nl-be';
import * as zxcvbnEn from '@zxcvbn-ts/language-en';
import { defineMessages, type Language } from '../i18n';
import { MIN_PASSPHRASE_LENGTH } from './store';

export const MIN_SCORE = 3;

export type WarningCode =
  | 'straightRow' | 'keyPattern' | 'simpleRepeat' | 'extendedRepeat' | 'sequences' | 'recentYears' | 'dates'
  | 'topTen' | 'topHundred' | 'common' | 'similarToCommon' | 'wordByItself' | 'namesByThemselves'
  | 'commonNames' | 'userInputs' | 'pwned';
export type SuggestionCode =
  | 'l33t' | 'reverseWords' | 'allUppercase' | 'capitalization' | 'dates' | 'recentYears' | 'associatedYears'
  | 'sequences' | 'repeated' | 'longerKeyboardPattern' | 'anotherWord' | 'useWords' | 'noNeed' | 'pwned';

export interface PassphraseVerdict {
  /** True when the passphrase may be used. */
  acceptable: boolean;
  /** zxcvbn score 0..4. */
  score: 0 | 1 | 2 | 3 | 4;
  tooShort: boolean;
  warning: WarningCode | null;
  suggestions: SuggestionCode[];
  /** Everything above as sentences for the coach, in the requested (or current) language. */
  messages(language?: Language): string[];
}

const text = defineMessages({
  nl: {
    tooShort: 'Gebruik minstens {min} tekens.',
    tooWeak: 'Dit wachtwoord is te makkelijk te raden.',
    'w.straightRow': 'Toetsen op een rij zijn makkelijk te raden.',
    'w.keyPattern': 'Korte toetsenbordpatronen zijn makkelijk te raden.',
    'w.simpleRepeat': 'Herhaalde tekens zoals "aaa" zijn makkelijk te raden.',
    'w.extendedRepeat': 'Herhaalde patronen zoals "abcabcabc" zijn makkelijk te raden.',
    'w.sequences': 'Reeksen zoals "abc" of "123" zijn makkelijk te raden.',
    'w.recentYears': 'Recente jaartallen zijn makkelijk te raden.',
    'w.dates': 'Datums zijn makkelijk te raden.',
    'w.topTen': 'Dit is een van de meest gebruikte wachtwoorden.',
    'w.topHundred': 'Dit wachtwoord wordt heel vaak gebruikt.',
    'w.common': 'Dit wachtwoord wordt vaak gebruikt.',
    'w.similarToCommon': 'Dit lijkt op een veelgebruikt wachtwoord.',
    'w.wordByItself': 'Eén los woord is makkelijk te raden.',
    'w.namesByThemselves': 'Losse voor- of achternamen zijn makkelijk te raden.',
    'w.commonNames': 'Veelvoorkomende namen zijn makkelijk te raden.',
    'w.userInputs': 'Vermijd woorden die met jou of met Discreet te maken hebben.',
    'w.pwned': 'Dit wachtwoord komt voor in een bekend datalek.',
    's.l33t': "Vermijd voorspelbare vervangingen zoals '@' voor 'a'.",
    's.reverseWords': 'Vermijd omgekeerd gespelde gewone woorden.',
    's.allUppercase': 'Zet sommige letters in hoofdletters, niet alle.',
    's.capitalization': 'Gebruik meer hoofdletters dan alleen de eerste.',
    's.dates': 'Vermijd datums en jaartallen die met jou te maken hebben.',
    's.recentYears': 'Vermijd recente jaartallen.',
    's.associatedYears': 'Vermijd jaartallen die met jou te maken hebben.',
    's.sequences': 'Vermijd gewone reeksen.',
    's.repeated': 'Vermijd herhaalde woorden en tekens.',
    's.longerKeyboardPattern': 'Gebruik langere toetsenbordpatronen en wissel vaker van richting.',
    's.anotherWord': 'Voeg nog een minder gebruikelijk woord toe.',
    's.useWords': 'Gebruik meerdere woorden, maar geen bekende uitdrukking.',
    's.noNeed': 'Een sterke zin kan ook zonder symbolen, cijfers of hoofdletters.',
    's.pwned': 'Gebruik je dit wachtwoord ook ergens anders? Verander het daar.',
  },
  en: {
    tooShort: 'Use at least {min} characters.',
    tooWeak: 'This passphrase is too easy to guess.',
    'w.straightRow': 'Straight rows of keys are easy to guess.',
    'w.keyPattern': 'Short keyboard patterns are easy to guess.',
    'w.simpleRepeat': 'Repeated characters like "aaa" are easy to guess.',
    'w.extendedRepeat': 'Repeated patterns like "abcabcabc" are easy to guess.',
    'w.sequences': 'Sequences like "abc" or "123" are easy to guess.',
    'w.recentYears': 'Recent years are easy to guess.',
    'w.dates': 'Dates are easy to guess.',
    'w.topTen': 'This is one of the most used passwords.',
    'w.topHundred': 'This password is used very often.',
    'w.common': 'This password is used often.',
    'w.similarToCommon': 'This is similar to a commonly used password.',
    'w.wordByItself': 'A single word is easy to guess.',
    'w.namesByThemselves': 'First or last names on their own are easy to guess.',
    'w.commonNames': 'Common names are easy to guess.',
    'w.userInputs': 'Avoid words related to you or to Discreet.',
    'w.pwned': 'This password appears in a known data breach.',
    's.l33t': "Avoid predictable substitutions like '@' for 'a'.",
    's.reverseWords': 'Avoid common words spelled backwards.',
    's.allUppercase': 'Capitalise some letters, not all of them.',
    's.capitalization': 'Capitalise more than the first letter.',
    's.dates': 'Avoid dates and years associated with you.',
    's.recentYears': 'Avoid recent years.',
    's.associatedYears': 'Avoid years associated with you.',
    's.sequences': 'Avoid common sequences.',
    's.repeated': 'Avoid repeated words and characters.',
    's.longerKeyboardPattern': 'Use longer keyboard patterns and change direction more often.',
    's.anotherWord': 'Add another, less common word.',
    's.useWords': 'Use several words, but not a well-known phrase.',
    's.noNeed': 'A strong phrase does not need symbols, digits or capitals.',
    's.pwned': 'If you use this password elsewhere, change it there.',
  },
});

let factory: ZxcvbnFactory | null = null;
function zxcvbn(): ZxcvbnFactory {
  // Built on first use: merging the dictionaries takes a moment. No `translations`: feedback stays as keys.
  factory ??= new ZxcvbnFactory({
    graphs: zxcvbnCommon.adjacencyGraphs,
    dictionary: { ...zxcvbnCommon.dictionary, ...zxcvbnEn.dictionary, ...zxcvbnNl.dictionary },
    useLevenshteinDistance: true,
  });
  return factory;
}

/** Words that make a passphrase guessable for this product in particular. */
const PRODUCT_WORDS = ['discreet', 'coach', 'coaching', 'loopbaan', 'cliënt', 'client', 'clienten', 'wachtwoord', 'lvsc'];

/**
 * Checks a candidate passphrase. `userInputs`: words an attacker might try first (the coach's own name,
 * e-mail); they are only used for this check and never stored.
 */
export function checkPassphrase(passphrase: string, userInputs: string[] = []): PassphraseVerdict {
  const length = [...passphrase.normalize('NFC')].length;
  const tooShort = length < MIN_PASSPHRASE_LENGTH;
  const result: ZxcvbnResult = zxcvbn().check(passphrase, [...PRODUCT_WORDS, ...userInputs]);
  const score = result.score as PassphraseVerdict['score'];
  const warning = (result.feedback.warning || null) as WarningCode | null;
  const suggestions = result.feedback.suggestions as SuggestionCode[];
  const acceptable = !tooShort && score >= MIN_SCORE;
  return {
    acceptable,
    score,
    tooShort,
    warning,
    suggestions,
    messages(language?: Language) {
      const out: string[] = [];
      if (tooShort) out.push(text('tooShort', { min: MIN_PASSPHRASE_LENGTH }, language));
      if (score < MIN_SCORE) out.push(text('tooWeak', undefined, language));
      if (warning) out.push(text(`w.${warning}`, undefined, language));
      for (const s of suggestions) out.push(text(`s.${s}`, undefined, language));
      return out;
    },
  };
}
