import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Papa from 'papaparse';
import { importClients, tryApplyImport, PROBLEM_CODES, type ImportPreview } from '../../../src/vault/import';
import { describeProblem } from '../../../src/vault/import/messages';
import { allProblems, sequentialIds, utf8 } from './helpers';

const empty = { version: 1 as const, clients: [] };

/** What must hold for any input whatsoever. */
function checkInvariants(p: ImportPreview, headers: readonly string[] = []): void {
  expect(allProblems(p).map((q) => q.code)).not.toContain('internal_error');
  for (const q of allProblems(p)) {
    expect(PROBLEM_CODES).toContain(q.code);
    // No client data: every string in a problem comes from a known vocabulary.
    expect(Object.keys(q).every((k) => ['code', 'row', 'column', 'params'].includes(k))).toBe(true);
    if (q.column !== undefined) expect(headers.map((h) => h.trim())).toContain(q.column);
    for (const v of Object.values(q.params ?? {})) {
      if (typeof v === 'number') continue;
      expect(v).toMatch(/^(new-\d+|[a-z_]+|\(root\)|[a-z]+(\.[a-z0-9]+)*)$/);
    }
    expect(describeProblem(q, 'nl')).not.toMatch(/\{\w+\}/);
    expect(describeProblem(q, 'en')).not.toMatch(/\{\w+\}/);
  }
  if (p.errors.length) {
    expect(p.clients).toEqual([]);
    expect(p.rows).toEqual([]);
  } else {
    // Whatever the preview offers can be applied and yields a valid registry.
    const applied = tryApplyImport(empty, p);
    expect(applied.ok).toBe(true);
    if (applied.ok) expect(applied.registry.clients).toHaveLength(p.summary.added);
    expect(new Set(p.clients.map((c) => c.id)).size).toBe(p.clients.length);
  }
}

describe('never throws, only problems', () => {
  it('arbitrary bytes', () => {
    const prefix = fc.constantFrom([], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff], [0x7b]);
    fc.assert(
      fc.property(prefix, fc.uint8Array({ maxLength: 3000 }), fc.constantFrom('x.csv', 'x.json', 'x.txt', ''), (pre, body, name) => {
        const bytes = new Uint8Array([...pre, ...body]);
        checkInvariants(importClients(bytes, name, { newId: sequentialIds() }));
      }),
      { numRuns: 500 },
    );
  });

  it('CSV-like text built from awkward pieces', () => {
    const piece = fc.constantFrom(',', ';', '\t', '|', '"', '""', '\n', '\r\n', '\r', 'naam', 'e-mail', 'telefoon', 'First Name', 'x', 'Jan', 'é', '=', '+31 6 1', '@', "'", ' ::: ', '{', '}', '\uFEFF', 'sep=;');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 200 }), (pieces) => {
        const text = pieces.join('');
        const headerLine = text.replace(/^\uFEFF/, '');
        checkInvariants(importClients(utf8(text), 'x.csv', { newId: sequentialIds() }), allHeaders(headerLine));
      }),
      { numRuns: 500 },
    );
  });

  it('arbitrary JSON values', () => {
    fc.assert(
      fc.property(fc.json(), (json) => checkInvariants(importClients(utf8(json), 'x.json', { newId: sequentialIds() }))),
      { numRuns: 300 },
    );
  });

  it('registry-shaped JSON with random contents', () => {
    const anyValue = fc.oneof(fc.string({ maxLength: 600 }), fc.integer(), fc.constant(null), fc.array(fc.string(), { maxLength: 60 }));
    const client = fc.dictionary(fc.constantFrom('id', 'name', 'aliases', 'identifiers', 'organization', 'details'), anyValue);
    fc.assert(
      fc.property(fc.array(client, { maxLength: 5 }), fc.constantFrom(1, 2, '1'), (clients, version) => {
        checkInvariants(importClients(utf8(JSON.stringify({ version, clients })), 'x.json', { newId: sequentialIds() }));
      }),
      { numRuns: 300 },
    );
  });

  it('a well-formed template with random cell values: problems never carry a cell value', () => {
    const header = ['naam', 'aliassen', 'e-mail', 'telefoon', 'organisatie', 'details'];
    const cell = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ minLength: 495, maxLength: 520 }), fc.constantFrom('=HYPERLINK("x")', '+31 6 12345678', '-', ''));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 6, maxLength: 7 }), { maxLength: 20 }), fc.constantFrom(',', ';'), (rows, delimiter) => {
        const csv = Papa.unparse({ fields: header, data: rows }, { delimiter });
        checkInvariants(importClients(utf8(csv), 'x.csv', { newId: sequentialIds() }), header);
      }),
      { numRuns: 300 },
    );
  });
});

/** Every cell of every line, as candidate headers: the header row is one of them. */
function allHeaders(text: string): string[] {
  const body = text.replace(/^sep=.\r?\n/i, '');
  return [',', ';', '\t'].flatMap((delimiter) => Papa.parse<string[]>(body, { delimiter }).data.flat());
}

describe('large files', () => {
  it('a 100,000-row CSV parses completely, with the right counts', () => {
    const lines = ['naam;e-mail;telefoon;details'];
    for (let i = 0; i < 100_000; i++) lines.push(`Cliënt ${i};client${i}@example.nl;06${String(10_000_000 + i)};plaats ${i % 50}`);
    const p = importClients(utf8(lines.join('\r\n')), 'groot.csv', { newId: sequentialIds() });
    expect(p.errors).toEqual([]);
    expect(p.rows).toHaveLength(100_000);
    expect(p.clients).toHaveLength(100_000);
    expect(p.summary).toEqual({ added: 100_000, updated: 0, merged: 0, skipped: 0 });
    expect(p.clients[99_999]).toMatchObject({ name: 'Cliënt 99999', identifiers: ['client99999@example.nl', '0610099999'] });
  });

  it('more rows than a client list may hold is refused as a whole', () => {
    const lines = ['naam'];
    for (let i = 0; i <= 100_000; i++) lines.push(`P${i}`);
    const p = importClients(utf8(lines.join('\n')), 'te-groot.csv');
    expect(p.errors).toEqual([{ code: 'too_many_rows', params: { max: 100_000 } }]);
    expect(p.clients).toEqual([]);
  });
});
