import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HASH_BASE, hashKey, hashWithoutLast, tokenize, Tokens, wordKeys } from '../../../src/detect/text';

describe('wordKeys', () => {
  it('gives the same keys as tokenize, for ASCII and non-ASCII strings', () => {
    const chars = fc.constantFrom(...'abcXYZ09 -._/@\'’\t\n,:;()#!?éÖß\u200b\u00ad'.split(''));
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 30 }).map((a) => a.join('')), (s) => {
        expect(wordKeys(s)).toEqual(tokenize(s).keys);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('hashWithoutLast', () => {
  it('gives the hash of the key without its last character', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 30, unit: 'grapheme' }), (s) => {
        expect(hashWithoutLast(hashKey(s), s.charCodeAt(s.length - 1))).toBe(hashKey(s.slice(0, -1)));
      }),
      { numRuns: 2000 },
    );
    // Token keys: the genitive-s case the scan uses.
    for (const tokenKey of tokenize('Sterres Wills jans Öztürks Marieke\u200bs').keys) {
      expect(hashWithoutLast(hashKey(tokenKey), 115)).toBe(hashKey(tokenKey.slice(0, -1)));
    }
  });
});

describe('hashKey of short words', () => {
  // The scan's word memo (isMemoWord in engine.ts) trusts the hash for the last four letters of
  // a word: that needs every two different ASCII tokens of one to four letters and digits and
  // the same length to have different hashes.
  it('differs for all different strings of 1 to 4 folded letters and digits of one length', () => {
    const alphabet = [...'0123456789abcdefghijklmnopqrstuvwxyz'].map((c) => c.charCodeAt(0));
    let hashes = new Int32Array([0]);
    for (let length = 1; length <= 4; length++) {
      const next = new Int32Array(hashes.length * alphabet.length);
      let k = 0;
      for (const h of hashes) for (const c of alphabet) next[k++] = (Math.imul(h, HASH_BASE) + c) | 0;
      hashes = next;
      const sorted = hashes.slice().sort();
      let duplicates = 0;
      for (let m = 1; m < sorted.length; m++) if (sorted[m] === sorted[m - 1]) duplicates++;
      expect(duplicates, `length ${length}`).toBe(0);
    }
    expect(hashes[hashes.length - 1]).toBe(hashKey('zzzz'));
  });
});

describe('a reused token table', () => {
  it('forgets the keys of the earlier text, also those the tokenizer made (non-ASCII tokens)', () => {
    const table = new Tokens('', 16);
    tokenize('Öztürk Renée Zoë', true, table);
    expect(tokenize('jan piet kees', true, table).keys).toEqual(['jan', 'piet', 'kees']);
    table.key(1);
    expect(tokenize('Ömer Şahin en zo', true, table).keys).toEqual(['omer', 'sahin', 'en', 'zo']);
  });

  it('gives the same tokens as a fresh one, and no key past the last token', () => {
    const table = new Tokens('', 16);
    const texts = ['Jan de Vries-Bakker belde #MariekeVerhoeven over Öztürk', 'kort', '', 'van der Berg, J. en Oz\u200bturk'];
    for (const text of [...texts, ...texts.reverse()]) {
      const reused = tokenize(text, true, table);
      const fresh = tokenize(text, true);
      expect(reused.count).toBe(fresh.count);
      expect(reused.keys).toEqual(fresh.keys);
      expect([...reused.starts.slice(0, reused.count)]).toEqual([...fresh.starts.slice(0, fresh.count)]);
      expect([...reused.hashes.slice(0, reused.count)]).toEqual([...fresh.hashes.slice(0, fresh.count)]);
      expect(reused.key(reused.count)).toBe('');
      expect(reused.key(reused.count + 3)).toBe('');
    }
  });
});
