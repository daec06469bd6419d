import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize, wordKeys } from '../../../src/detect/text';

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
