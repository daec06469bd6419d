import { describe, expect, it } from 'vitest';
import { createDetector } from '../../../src/detect';
import { RegistrySchema, type RegistryInput } from '../../../src/registry';

const registry: RegistryInput = {
  version: 1,
  clients: [
    { id: 'vries', name: 'Jan Pieter de Vries', aliases: ['JP'], identifiers: ['jp.devries@Example.nl', '06-12345678'], organization: 'Bouwbedrijf Hulshof', details: ['uitvoerder', 'Zwolle'] },
    { id: 'zand', name: "Niels van 't Zand", identifiers: ['linkedin.com/in/nielsvantzand'], organization: 'Provincie Zeeland', details: ['ecoloog', 'Goes'] },
    { id: 'linden', name: 'Renée van der Linden', organization: 'Gemeente Meppel', details: ['Best'] },
    { id: 'boer', name: 'Sterre de Boer', identifiers: ['Venneperweg 512, Nieuw-Vennep'] },
    { id: 'sahin', name: 'Ömer Şahin', aliases: [] },
    { id: 'zoe', name: 'Zoë Verhoeven-de Bruijn' },
    { id: 'will', name: 'Will Timmerman', aliases: ['Wil'], organization: 'Stroom' },
    { id: 'mark', name: 'Mark Visser' },
    { id: 'roos', name: 'Roos Bakker' },
    { id: 'khadija', name: 'Khadija Bennani' },
    { id: 'oconnor', name: "James O'Connor", organization: 'Medevia Pharma' },
    { id: 'haar', name: 'Joost ter Haar' },
  ],
};
const detector = createDetector(RegistrySchema.parse(registry));

/** The findings as [surface text, client] pairs, in order. */
function found(text: string): Array<[string, string]> {
  return detector.scan(text).findings.map((f) => [text.slice(f.start, f.end), f.clientId]);
}
function clientsIn(text: string): string[] {
  return [...new Set(detector.scan(text).findings.map((f) => f.clientId))];
}

describe('names', () => {
  it('finds full names, surnames alone, first names alone and aliases', () => {
    expect(found('Gesprek met Jan Pieter de Vries gehad.')).toEqual([['Jan Pieter de Vries', 'vries']]);
    expect(found('Ik sprak mevrouw De Boer vandaag.')).toEqual([['De Boer', 'boer']]);
    expect(found('Gisteren belde Sterre nog.')).toEqual([['Sterre', 'boer']]);
    expect(found('Hi Wil, how are you?')).toEqual([['Wil', 'will']]);
  });

  it('finds initials with a surname in the usual Dutch formats', () => {
    expect(found('Afspraak met J. de Vries om tien uur.')).toEqual([['J. de Vries', 'vries']]);
    expect(found('Afspraak met J.P. de Vries om tien uur.')).toEqual([['J.P. de Vries', 'vries']]);
    expect(found('Dossier: De Vries, J. (zie bijlage)')).toEqual([['De Vries, J.', 'vries']]);
  });

  it('finds either half of a double surname, and the whole', () => {
    expect(found('Mevrouw Verhoeven komt morgen.')).toEqual([['Verhoeven', 'zoe']]);
    expect(found('Mevrouw De Bruijn komt morgen.')).toEqual([['De Bruijn', 'zoe']]);
    expect(found('Z. Verhoeven-de Bruijn komt morgen.')).toEqual([['Z. Verhoeven-de Bruijn', 'zoe']]);
  });

  it('reads tussenvoegsels in every spelling', () => {
    for (const s of ['van der Linden', 'Van der Linden', 'v.d. Linden', 'vd Linden', 'v/d Linden', 'V.d. Linden']) {
      expect(found(`Het verslag van ${s} is klaar.`), s).toEqual([[s, 'linden']]);
    }
    for (const s of ["van 't Zand", 'van t Zand', 'van het Zand', "Van 't Zand"]) {
      expect(found(`Ik zie ${s} morgen.`), s).toEqual([[s, 'zand']]);
    }
    expect(found('Van der Linden belde net.')).toEqual([['Van der Linden', 'linden']]);
    expect(found('Ik zag Joost ter Haar en later Ter Haar, J. nog eens.')).toEqual([
      ['Joost ter Haar', 'haar'],
      ['Ter Haar, J.', 'haar'],
    ]);
  });

  it('includes possessives and genitives in the span', () => {
    expect(found("Dat is Sterre's laptop.")).toEqual([["Sterre's", 'boer']]);
    expect(found('Dat is Sterres laptop.')).toEqual([['Sterres', 'boer']]);
    expect(found("Hebben we Roos' verslag al?")).toEqual([["Roos'", 'roos']]);
    expect(found('Hi Ravi, Wills verzoek is binnen.')).toEqual([['Wills', 'will']]);
  });

  it('ignores case, diacritics, ligatures and characters hidden inside a name', () => {
    expect(clientsIn('sterre belde')).toEqual(['boer']);
    expect(found('STERRE DE BOER')).toEqual([['STERRE DE BOER', 'boer']]);
    expect(found('Gesprek met Omer Sahin.')).toEqual([['Omer Sahin', 'sahin']]);
    expect(found('Gesprek met Zoe.')).toEqual([['Zoe', 'zoe']]);
    expect(found('Gesprek met Ste\u200Brre de\u00a0Boer.')).toEqual([['Ste\u200Brre de\u00a0Boer', 'boer']]);
    expect(found('Gesprek met Renée.')).toEqual([['Renée', 'linden']]);
    expect(found('Gesprek met Rene\u0301e.')).toEqual([['Rene\u0301e', 'linden']]);
  });

  it('accepts one typo in names of five letters or more, not in shorter ones or ordinary words', () => {
    expect(found('khadja belde net')).toEqual([['khadja', 'khadija']]);
    expect(found('Bericht van Khadjia.')).toEqual([['Khadjia', 'khadija']]);
    expect(found('Bericht van Bennnani.')).toEqual([['Bennnani', 'khadija']]);
    expect(found('haar sterke kanten')).toEqual([]);
    expect(found('Bericht van Jn.')).toEqual([]);
  });
});

describe('the word memo', () => {
  it('tells a name from an earlier word with the same hash and length', () => {
    // hashKey('9cala') === hashKey('pijcr') and hashKey('7tdma') === hashKey('nzmdr'): the
    // scan remembers the first two as no names and must not take the names for them.
    const memoDetector = createDetector(RegistrySchema.parse({ version: 1, clients: [{ id: 'pn', name: 'Pijcr Nzmdr' }] }));
    expect(memoDetector.scan('Code 9cala en 7tdma, twee keer: 9cala 7tdma.').findings).toEqual([]);
    const text = 'Daarna belde Pijcr Nzmdr over 9cala.';
    expect(memoDetector.scan(text).findings.map((f) => [text.slice(f.start, f.end), f.clientId])).toEqual([['Pijcr Nzmdr', 'pn']]);
  });
});

describe('staying quiet', () => {
  it('does not read ordinary words as names', () => {
    expect(found('Hij moet de boer op om klanten te vinden.')).toEqual([]);
    expect(found('Ik wil dat graag.')).toEqual([]);
    expect(found('Will you still enjoy your job?')).toEqual([]);
    expect(found('I will send it tomorrow.')).toEqual([]);
    expect(found('Een roos in de vaas.')).toEqual([]);
    expect(found('Haar functie blijft bestaan.')).toEqual([]);
    expect(found('Tegen de stroom in roeien.')).toEqual([]);
    expect(found('Er was een stroomstoring.')).toEqual([]);
  });

  it('does not mistake a namesake for the client', () => {
    expect(found('Mark Rutte was premier.')).toEqual([]);
    expect(found('I read a book by James Clear.')).toEqual([]);
    expect(found('Mark van de ICT-afdeling hielp me.')).toEqual([]);
  });

  it('reads a sentence-initial capital as a name only with other evidence', () => {
    expect(found('Mark my words.')).toEqual([]);
    expect(found('Mark Visser is gestart. Mark is blij.')).toEqual([
      ['Mark Visser', 'mark'],
      ['Mark', 'mark'],
    ]);
  });
});

describe('identifiers and organisations', () => {
  it('finds phone numbers in any formatting', () => {
    for (const p of ['06-12345678', '0612345678', '06 12 34 56 78', '+31 6 1234 5678', '+31 (0)6 12345678', '0031 6 12345678']) {
      expect(found(`Bel ${p} even.`), p).toEqual([[p, 'vries']]);
    }
  });

  it('finds e-mail addresses in any case and web addresses with or without scheme', () => {
    expect(found('Mail JP.DEVRIES@EXAMPLE.NL even.')).toEqual([['JP.DEVRIES@EXAMPLE.NL', 'vries']]);
    for (const u of ['linkedin.com/in/nielsvantzand', 'https://www.linkedin.com/in/nielsvantzand/', 'www.linkedin.com/in/nielsvantzand']) {
      expect(found(`Profiel: ${u} (zie)`), u).toEqual([[u, 'zand']]);
    }
  });

  it('finds a street and number without the town', () => {
    expect(found('Ze woont op Venneperweg 512.')).toEqual([['Venneperweg 512', 'boer']]);
  });

  it('finds organisations by full name and distinctive part, not by the generic word', () => {
    expect(found('Hij werkt bij Bouwbedrijf Hulshof.')).toEqual([['Bouwbedrijf Hulshof', 'vries']]);
    expect(found('Hij werkt bij Hulshof.')).toEqual([['Hulshof', 'vries']]);
    expect(found('De bouwbedrijf-branche groeit.')).toEqual([]);
    expect(found('Zij werkt bij de gemeente Meppel.')).toEqual([['gemeente Meppel', 'linden']]);
    expect(found('We gaan naar Meppel.')).toEqual([]);
    expect(found('As agreed with Medevia, six sessions.')).toEqual([['Medevia', 'oconnor']]);
  });
});

describe('details', () => {
  it('are findings only with another registered item of the same client', () => {
    expect(found('Een uitvoerder uit Zwolle zocht werk.')).toEqual([
      ['uitvoerder', 'vries'],
      ['Zwolle', 'vries'],
    ]);
    expect(found('Een uitvoerder zocht werk.')).toEqual([]);
    expect(found('Een uitvoerder bij Hulshof zocht werk.')).toEqual([
      ['uitvoerder', 'vries'],
      ['Hulshof', 'vries'],
    ]);
    expect(found('die ecoloog uit goes')).toEqual([
      ['ecoloog', 'zand'],
      ['goes', 'zand'],
    ]);
  });

  it('owe nothing to an earlier scan (resolve clears its per-client tables, sparsely or whole)', () => {
    // A shared first name goes to the client with the most evidence in the message. One client
    // with evidence is cleared entry by entry, several (over an eighth of the registry) by filling
    // the whole table: neither may leak into the next scan.
    const names = ['Anna de Boer', 'Anna Visser', 'Mark Jansen', 'Roos Bakker', 'Khadija Bennani', 'Joost ter Haar', 'Niels Mulder', 'Sterre Smit'];
    const shared = RegistrySchema.parse({
      version: 1,
      clients: names.map((name, k) => ({ id: `c${k}`, name, details: k < 2 ? ['ecoloog'] : [] })),
    });
    const texts = [
      'Anna Visser belde.',
      'Anna Visser, Mark Jansen, Roos Bakker en Khadija Bennani belden.',
      'Anna belde met Joost ter Haar, Niels Mulder en Sterre Smit.',
      'Anna de ecoloog belde.',
      'De ecoloog belde.',
    ];
    const fresh = texts.map((t) => createDetector(shared).scan(t).findings);
    for (const order of [[0, 2, 3, 4], [1, 2, 3, 4], [1, 0, 2, 1, 3, 4]]) {
      const reused = createDetector(shared);
      for (const k of order) expect(reused.scan(texts[k]!).findings, texts[k]).toEqual(fresh[k]);
    }
  });

  it('keep an ordinary word as a word', () => {
    expect(found('Renée is best moe vandaag.')).toEqual([['Renée', 'linden']]);
    expect(found('Renée komt uit Best.')).toEqual([
      ['Renée', 'linden'],
      ['Best', 'linden'],
    ]);
  });
});

describe('findings', () => {
  it('carry kind, severity and evidence, never the text itself', () => {
    const [f] = detector.scan('Mail van jp.devries@example.nl').findings;
    expect(f).toMatchObject({ clientId: 'vries', kind: 'identifier', severity: 'high' });
    expect(f!.evidence).not.toContain('devries');
  });
});

describe('other personal data', () => {
  const other = (text: string) => detector.scan(text).other.map((o) => [text.slice(o.start, o.end), o.kind]);
  it('reports unregistered BSN, IBAN, phone, e-mail, birth date and postcode with house number', () => {
    expect(other('BSN 111222333 graag.')).toEqual([['111222333', 'bsn']]);
    expect(other('BSN 123456789 graag.')).toEqual([]); // fails the elfproef
    expect(other('Rekening NL91 ABNA 0417 1643 00 graag.')).toContainEqual(['NL91 ABNA 0417 1643 00', 'iban']);
    expect(other('Rekening NL91 ABNA 0417 1643 01 graag.')).not.toContainEqual(['NL91 ABNA 0417 1643 01', 'iban']);
    expect(other('bel 06-98765432')).toEqual([['06-98765432', 'phone']]);
    expect(other('mail iemand@voorbeeld.nl')).toEqual([['iemand@voorbeeld.nl', 'email']]);
    expect(other('geboren op 12-03-1985 in Assen')).toContainEqual(['12-03-1985', 'birthdate']);
    expect(other('adres: 1234 AB 12')).toEqual([['1234 AB 12', 'postcode']]);
  });

  it('hints at unregistered person names', () => {
    expect(other('Ik sprak mevrouw Jansen.')).toContainEqual(['Jansen', 'person-hint']);
    expect(other('Ik sprak Hugo Brandsma.')).toContainEqual(['Hugo Brandsma', 'person-hint']);
  });

  it('are those of their own text when asked for after later scans (the dialog asks after typing went on)', () => {
    const first = 'Ik sprak Hugo Brandsma, BSN 111222333, over 06-98765432.';
    const earlier = detector.scan(first);
    const expected = other(first);
    // Later scans of other texts, some longer, some shorter, before the first result's `other` is read.
    detector.scan('Geboren op 12-03-1985 in Assen; mail iemand@voorbeeld.nl en mevrouw Jansen. '.repeat(40));
    detector.scan('kort');
    expect(earlier.other.map((o) => [first.slice(o.start, o.end), o.kind])).toEqual(expected);
    expect(expected).toContainEqual(['Hugo Brandsma', 'person-hint']);
  });
});
