import { describe, expect, it } from 'vitest';
import { PROBLEM_CODES, type Problem } from '../../../src/vault/import';
import { codesWithMessages, describeProblem } from '../../../src/vault/import/messages';

const sampleParams: Record<string, string | number> = { max: 50, maxMb: 64, count: 3, otherRow: 2, clientId: 'k1', field: 'aliases', path: 'clients.0.name', reason: 'missing' };

describe('problem messages', () => {
  it('every problem code has a Dutch and an English sentence, all placeholders filled', () => {
    expect([...codesWithMessages].sort()).toEqual([...PROBLEM_CODES].sort());
    for (const code of PROBLEM_CODES) {
      const p: Problem = { code, row: 4, column: 'E-mail 1 - Value', params: sampleParams };
      const nl = describeProblem(p, 'nl');
      const en = describeProblem(p, 'en');
      expect(nl).not.toMatch(/\{\w+\}/);
      expect(en).not.toMatch(/\{\w+\}/);
      expect(nl).not.toBe(en);
      expect(nl).not.toContain(code);
    }
  });

  it('reads like the coach would expect', () => {
    expect(describeProblem({ code: 'row_no_name', row: 4 }, 'nl')).toBe('Rij 4: geen naam gevonden; deze rij wordt overgeslagen.');
    expect(describeProblem({ code: 'row_no_name', row: 4 }, 'en')).toBe('Row 4: no name found; this row will be skipped.');
    expect(describeProblem({ code: 'value_too_long', row: 7, column: 'details', params: { max: 500 } }, 'nl')).toBe(
      'Rij 7, kolom "details": de tekst is langer dan 500 tekens; deze rij wordt overgeslagen.',
    );
    expect(describeProblem({ code: 'columns_ignored', params: { count: 1 } }, 'nl')).toMatch(/^1 kolom in het bestand/);
    expect(describeProblem({ code: 'columns_ignored', params: { count: 22 } }, 'en')).toMatch(/^22 columns in the file are not used/);
    expect(describeProblem({ code: 'too_many_values', row: 2, params: { field: 'identifiers', max: 50 } }, 'en')).toBe(
      'Row 2: more than 50 identifiers; this row will be skipped.',
    );
  });
});
