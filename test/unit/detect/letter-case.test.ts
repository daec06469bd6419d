import { describe, expect, it } from 'vitest';
import { isSentenceStart, isUpperAt, isUpperLetterAt, shapeOf, Shape } from '../../../src/detect/text';

// One notion of "written in capitals" for the whole detector: a character with a different
// lower-case form. A capital *letter* (for initials) must also be a letter.
describe('letter case', () => {
  it('counts upper and title case as upper, lower case and uncased characters not', () => {
    for (const ch of ['A', 'Z', 'É', 'Ö', 'Ş', 'Ǆ', 'ǅ']) expect(isUpperAt(ch, 0), ch).toBe(true);
    for (const ch of ['a', 'é', 'ş', 'ǆ', '1', '.', 'ß', '中']) expect(isUpperAt(ch, 0), ch).toBe(false);
  });

  it('takes only letters as capital letters: a Roman numeral or circled letter is no initial', () => {
    for (const ch of ['A', 'É', 'Ǆ', 'ǅ']) expect(isUpperLetterAt(ch, 0), ch).toBe(true);
    for (const ch of ['Ⅰ', 'Ⓐ', 'a', '1']) expect(isUpperLetterAt(ch, 0), ch).toBe(false);
  });

  it('agrees with shapeOf on what a capitalised word is', () => {
    for (const w of ['Jan', 'Émile', 'ǅemal', 'Şahin']) {
      expect(isUpperAt(w, 0), w).toBe(true);
      expect(shapeOf(w, 0, w.length), w).toBe(Shape.Title);
    }
  });

  it('reads an initial before a dot (also a title-case one) as no end of sentence, a numeral as one', () => {
    expect(isSentenceStart('Met J. Jansen', 7)).toBe(false);
    expect(isSentenceStart('Met ǅ. Hodžić', 7)).toBe(false);
    expect(isSentenceStart('Ⅰ. Inleiding', 3)).toBe(true);
  });
});
