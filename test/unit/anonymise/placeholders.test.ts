import { describe, expect, it } from 'vitest';
import { createDetector } from '../../../src/detect';
import { RegistrySchema } from '../../../src/registry';
import { applyToText, identifierShape, letter, planAnonymisation, type AnonymiseInput } from '../../../src/anonymise/placeholders';

const registry = RegistrySchema.parse({
  version: 1,
  clients: [
    {
      id: 'c1',
      name: 'Jan de Vries',
      identifiers: ['jan@example.com', '06-12345678', 'Kerkstraat 12, Zwolle', 'https://linkedin.com/in/jandevries', 'DOS-2024-117'],
      organization: 'Gemeente Zwolle',
      details: ['lasser', 'Kampen'],
    },
    { id: 'c2', name: 'Roos Bakker', identifiers: ['roos.bakker@example.nl'] },
    { id: 'c3', name: 'Pieter Jansen', details: ['piloot'] },
  ],
});
const detector = createDetector(registry);

function anonymise(text: string, language: 'nl' | 'en' = 'nl', tweak?: (f: AnonymiseInput[]) => AnonymiseInput[]): string {
  let findings: AnonymiseInput[] = detector.scan(text).findings;
  if (tweak) findings = tweak(findings);
  return applyToText(text, planAnonymisation(text, findings, language));
}

describe('planAnonymisation', () => {
  it('letters clients in order of first appearance and keeps the same letter for the same client', () => {
    expect(anonymise('Gisteren sprak ik Roos Bakker en daarna Jan de Vries. Roos Bakker was blij, De Vries ook.')).toBe(
      'Gisteren sprak ik cliënt A en daarna cliënt B. Cliënt A was blij, cliënt B ook.',
    );
  });

  it('speaks English when asked', () => {
    expect(anonymise('Met Jan de Vries en Roos Bakker gesproken', 'en')).toBe('Met client A en client B gesproken');
  });

  it('replaces organisations and identifiers by their shape', () => {
    expect(
      anonymise('Jan de Vries werkt bij Gemeente Zwolle, mail jan@example.com of bel 06 12345678, woont Kerkstraat 12, Zwolle. Zie https://linkedin.com/in/jandevries.'),
    ).toBe('Cliënt A werkt bij [organisatie], mail [e-mailadres] of bel [telefoonnummer], woont [adres], Zwolle. Zie [website].');
  });

  it('English placeholders for organisations and identifiers', () => {
    expect(anonymise('Jan de Vries (Gemeente Zwolle): jan@example.com, 06 12345678', 'en')).toBe('Client A ([organisation]): [e-mail address], [phone number]');
  });

  it('an identifier alone does not use up a letter', () => {
    expect(anonymise('Mail roos.bakker@example.nl en bel Jan de Vries')).toBe('Mail [e-mailadres] en bel cliënt A');
  });

  it('keeps possessives: Jans, Jan’s, Jan\'s and Roos\' become cliënt X\'s', () => {
    expect(anonymise("Jan de Vries belde. Jans cv en Jan's brief, Roos Bakker: Roos' plan.")).toBe(
      "Cliënt A belde. Cliënt A's cv en cliënt A's brief, cliënt B: cliënt B's plan.",
    );
    expect(anonymise('Jan de Vries belde over Jan’s cv.')).toBe('Cliënt A belde over cliënt A’s cv.');
  });

  it('replaces details only when the client is also identified in the message', () => {
    expect(anonymise('Jan de Vries is lasser in Kampen.')).toBe('Cliënt A is [detail] in [detail].');
    // Alone, a detail identifies nobody (and may be an ordinary word): it stays.
    const plain = 'Een lasser uit Kampen belde.';
    expect(anonymise(plain)).toBe(plain);
  });

  it('leaves findings about the addressee themself alone', () => {
    const text = 'Beste Jan de Vries, ik sprak Roos Bakker.';
    expect(anonymise(text, 'nl', (fs) => fs.map((f) => (f.clientId === 'c1' ? { ...f, toClient: true } : f)))).toBe('Beste Jan de Vries, ik sprak cliënt A.');
  });

  it('merges overlapping findings into one replacement decided by the longest', () => {
    const text = 'Zie jan.devries@example.com';
    const at = text.indexOf('jan');
    const findings: AnonymiseInput[] = [
      { start: at, end: at + 3, clientId: 'c1', kind: 'name', severity: 'medium' },
      { start: at, end: text.length, clientId: 'c1', kind: 'identifier', severity: 'high' },
      { start: at + 4, end: at + 11, clientId: 'c1', kind: 'name', severity: 'high' },
    ];
    const plan = planAnonymisation(text, findings, 'nl');
    expect(plan).toEqual([{ start: at, end: text.length, original: 'jan.devries@example.com', text: '[e-mailadres]' }]);
  });

  it('returns replacements in text order that never overlap, with the original text', () => {
    const text = 'Roos Bakker en Jan de Vries (jan@example.com) bij Gemeente Zwolle';
    const plan = planAnonymisation(text, detector.scan(text).findings, 'nl');
    for (let i = 1; i < plan.length; i++) expect(plan[i]!.start).toBeGreaterThanOrEqual(plan[i - 1]!.end);
    for (const r of plan) expect(text.slice(r.start, r.end)).toBe(r.original);
  });

  it('capitalises only at the start of a sentence or line', () => {
    expect(anonymise('Roos Bakker belde.\nJan de Vries ook! Roos Bakker? ja, Roos Bakker')).toBe('Cliënt A belde.\nCliënt B ook! Cliënt A? ja, cliënt A');
  });

  it('a message without findings is unchanged', () => {
    expect(planAnonymisation('Tot morgen', [], 'nl')).toEqual([]);
  });
});

describe('identifierShape', () => {
  it.each([
    ['jan@example.com', 'email'],
    ['https://linkedin.com/in/x', 'website'],
    ['www.example.nl', 'website'],
    ['linkedin.com/in/jandevries', 'website'],
    ['+31 6 1234 5678', 'phone'],
    ['(020) 123-4567', 'phone'],
    ['Kerkstraat 12', 'address'],
    ['Laan van Meerdervoort 5a', 'address'],
    ['1234 AB', 'address'],
    ['DOS-2024-117', 'reference'],
  ])('%s is %s', (text, shape) => {
    expect(identifierShape(text)).toBe(shape);
  });
});

describe('letter', () => {
  it('A…Z then AA', () => {
    expect([0, 1, 25, 26, 27].map(letter)).toEqual(['A', 'B', 'Z', 'AA', 'AB']);
  });
});
