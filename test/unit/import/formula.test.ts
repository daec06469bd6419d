import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { escapeCell, looksLikeFormula, unescapeCell } from '../../../src/vault/import/formula';
import { byName, importFixture } from './helpers';

describe('formula cells on import', () => {
  const p = importFixture('formulas.csv');

  it('refuses every row with a formula, naming row and column, and imports nothing of it', () => {
    const refused = p.rows.filter((r) => r.status === 'skipped');
    expect(refused.map((r) => r.problems)).toEqual([
      [{ code: 'formula_refused', row: 2, column: 'naam' }], // =HYPERLINK(...)
      [{ code: 'formula_refused', row: 3, column: 'organisatie' }], // =cmd|' /C calc'!A0
      [{ code: 'formula_refused', row: 4, column: 'details' }], // @SUM(1+1)
      [{ code: 'formula_refused', row: 5, column: 'telefoon' }], // tab, then =1+2
      [{ code: 'formula_refused', row: 6, column: 'organisatie' }], // +HYPERLINK("x")
      [{ code: 'formula_refused', row: 7, column: 'details' }], // -2+3+cmd|...
    ]);
    const stored = JSON.stringify(p.clients);
    for (const name of ['Hugo Claes', 'Noor Dekker', 'Tim Bosman', 'Tess de Vries', 'Mila Koster']) expect(stored).not.toContain(name);
    expect(stored).not.toMatch(/HYPERLINK|cmd\||SUM\(/);
  });

  it('still imports phone numbers with +31, negative numbers, @handles and names starting with -', () => {
    expect(byName(p, 'Jesse Prins')).toMatchObject({
      aliases: ['@jesseprins'],
      identifiers: ['jesse.prins@gmail.com', '+31 (0)6-12 34 56 78'],
      details: ['-12'],
    });
    expect(byName(p, 'Bas Jacobs')!.aliases).toEqual(['-Bassie']);
  });

  it("takes a leading apostrophe as the spreadsheet's 'this is text' marker and removes it", () => {
    expect(byName(p, 'Noa Willems')).toMatchObject({ identifiers: ['noa.willems@gmail.com', '+31 6 11223344'], organization: '=niet een formule' });
  });
});

describe('formula detection', () => {
  it.each([
    '=HYPERLINK("http://x","y")',
    '=1+1',
    "=cmd|' /C calc'!A0",
    '@SUM(A1:A2)',
    '+HYPERLINK("x")',
    "-2+3+cmd|' /C calc'!A0",
    '\t=1+2',
    '\r=1+2',
    "+A1!B2",
  ])('%j is a formula', (v) => expect(looksLikeFormula(v)).toBe(true));

  it.each(['+31 6 12345678', '+31 (0)6-12 34 56 78', '-12', '-', '@jansen', '-Jantje', "'s-Hertogenbosch", 'Jan = Jan', 'jan@bos.nl', '- (zie boven)'])(
    '%j is not a formula',
    (v) => expect(looksLikeFormula(v)).toBe(false),
  );
});

describe('export neutralisation', () => {
  it('prefixes an apostrophe to every cell a spreadsheet could evaluate', () => {
    expect(escapeCell('=1+1')).toBe("'=1+1");
    expect(escapeCell('+31 6 12345678')).toBe("'+31 6 12345678");
    expect(escapeCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(escapeCell('-Jantje')).toBe("'-Jantje");
    expect(escapeCell("'=x")).toBe("''=x");
    expect(escapeCell('Jan Bos')).toBe('Jan Bos');
    expect(escapeCell("'s-Hertogenbosch")).toBe("'s-Hertogenbosch");
  });

  it('import undoes exactly what export did, for any value', () => {
    fc.assert(
      fc.property(fc.string(), (v) => {
        expect(unescapeCell(escapeCell(v))).toBe(v);
        // And an escaped cell never starts with a formula trigger.
        expect(escapeCell(v)).not.toMatch(/^[=+\-@\t\r]/);
      }),
      { numRuns: 2000 },
    );
  });
});
