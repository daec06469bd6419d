import { describe, expect, it } from 'vitest';
import { createDetector } from '../../../src/detect';
import { RegistrySchema, type RegistryInput } from '../../../src/registry';

const registry: RegistryInput = {
  version: 1,
  clients: [
    { id: 'marieke', name: 'Marieke Verhoeven' },
    { id: 'kok', name: 'Jan de Kok' },
    { id: 'sahin', name: 'Ömer Şahin' },
    // Names made of ordinary camelCase pieces: a hashtag like #OpenToWork must not become them.
    { id: 'open', name: 'Olga Open' },
  ],
};
const detector = createDetector(RegistrySchema.parse(registry));

/** The findings as [surface text, client, start] triples, in order. */
function found(text: string): Array<[string, string, number]> {
  return detector.scan(text).findings.map((f) => [text.slice(f.start, f.end), f.clientId, f.start]);
}

describe('LinkedIn hashtags', () => {
  it('finds a name written as one camelCase hashtag, with offsets over the name part', () => {
    expect(found('Trots op #MariekeVerhoeven vandaag!')).toEqual([['MariekeVerhoeven', 'marieke', 10]]);
    expect(found('#JanDeKok')).toEqual([['JanDeKok', 'kok', 1]]);
    expect(found('Bedankt #ÖmerŞahin')).toEqual([['ÖmerŞahin', 'sahin', 9]]);
  });

  it('finds a registered name that is a whole camel segment of a hashtag', () => {
    expect(found('Nieuw: #VerhoevenCoaching')).toEqual([['Verhoeven', 'marieke', 8]]);
    expect(found('#TeamMarieke')).toEqual([['Marieke', 'marieke', 5]]);
  });

  it('does not split ordinary camelCase words or hashtags into names', () => {
    expect(found('#LinkedIn #OpenToWork #OpenSource')).toEqual([]);
    expect(found('Zie LinkedIn en OpenToWork.')).toEqual([]);
    // Not a whole segment: "Verhoevenplein" is no mention of Verhoeven.
    expect(found('#VerhoevenpleinAmsterdam')).toEqual([]);
  });
});

describe('invisible format characters', () => {
  const INVISIBLES = ['\u2060', '\u200b', '\u200c', '\u200d', '\ufeff', '\u00ad', '\u180e'];

  it('finds a name with an invisible character inside either part', () => {
    for (const c of INVISIBLES) {
      const name = `Mar${c}ieke Ver${c}hoeven`;
      expect(found(`Gesprek met ${name} gehad.`), JSON.stringify(c)).toEqual([[name, 'marieke', 12]]);
    }
  });

  it('splits a camelCase hashtag at an invisible character right before a capital', () => {
    for (const c of INVISIBLES) {
      const tag = (s: string) => JSON.stringify([s, c]);
      expect(found(`Trots op #Marieke${c}Verhoeven vandaag!`), tag('full')).toEqual([[`Marieke${c}Verhoeven`, 'marieke', 10]]);
      expect(found(`#Jan${c}De${c}Kok`), tag('particle')).toEqual([[`Jan${c}De${c}Kok`, 'kok', 1]]);
      // A segment's own span stops before the invisible character.
      expect(found(`#Verhoeven${c}Coaching`), tag('segment')).toEqual([['Verhoeven', 'marieke', 1]]);
      expect(found(`#Team${c}Marieke`), tag('last segment')).toEqual([['Marieke', 'marieke', 6]]);
      expect(found(`#Open${c}To${c}Work`), tag('ordinary')).toEqual([]);
      // Outside a hashtag nothing is split: one (unregistered) word.
      expect(found(`Marieke${c}Verhoeven`), tag('no hashtag')).toEqual([]);
    }
  });

  it('keeps invisible characters at the edges of a name out of its span, and reads the gap as a space', () => {
    for (const c of INVISIBLES) {
      expect(found(`Met ${c}Marieke${c} ${c}Verhoeven${c} gesproken.`), JSON.stringify(c)).toEqual([[`Marieke${c} ${c}Verhoeven`, 'marieke', 5]]);
      expect(found(`Met Jan${c} de${c} Kok.`), JSON.stringify(c)).toEqual([[`Jan${c} de${c} Kok`, 'kok', 4]]);
    }
  });
});
