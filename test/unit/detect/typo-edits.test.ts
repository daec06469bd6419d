import { describe, expect, it } from 'vitest';
import { createDetector } from '../../../src/detect';
import { RegistrySchema } from '../../../src/registry';

// Names of five to nine letters: the typo pre-check reads two edge letters of names up to six
// letters and three of longer ones, so every length class is here.
const NAMES = ['Quirn Xavolt', 'Zebulo Wixtrap', 'Ylvania Koqsterman', 'Pjotrek Brazzewijk'];
const detector = createDetector(RegistrySchema.parse({ version: 1, clients: NAMES.map((name, i) => ({ id: `c${i}`, name })) }));

/** Every one-typo spelling of a word: each deletion, insertion, substitution and swap of neighbours. */
function oneTypo(word: string): string[] {
  const out = new Set<string>();
  for (let p = 0; p <= word.length; p++) {
    if (p < word.length) out.add(word.slice(0, p) + word.slice(p + 1));
    out.add(word.slice(0, p) + 'j' + word.slice(p));
    if (p < word.length) out.add(word.slice(0, p) + 'j' + word.slice(p + 1));
    if (p + 1 < word.length) out.add(word.slice(0, p) + word[p + 1] + word[p] + word.slice(p + 2));
  }
  out.delete(word);
  return [...out];
}

describe('typos of names', () => {
  it('finds every one-typo spelling of a name of five letters or more, at every position', () => {
    for (const name of NAMES) {
      for (const part of name.split(' ')) {
        const lower = part.toLowerCase();
        for (const typo of oneTypo(part)) {
          const t = typo.toLowerCase();
          // A name plus or minus a last letter reads as an inflection, not a typo (by design).
          if (t.startsWith(lower) || lower.startsWith(t)) continue;
          const text = `Bericht van ${typo[0]!.toUpperCase()}${typo.slice(1)} vandaag.`;
          const findings = detector.scan(text).findings;
          expect(findings.map((f) => f.clientId), `${part} → ${typo}`).toEqual([`c${NAMES.indexOf(name)}`]);
        }
      }
    }
  });
});
