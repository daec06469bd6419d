import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Papa from 'papaparse';
import { RegistrySchema, type Client, type Registry } from '../../../src/registry';
import { checkCsvExport, exportCsv, exportJson } from '../../../src/vault/export';
import { importClients } from '../../../src/vault/import';
import { isEmail, isPhone, nameKey, identifierKey } from '../../../src/vault/import/normalize';
import { utf8, withoutId } from './helpers';

const CORPUS = '/work/shared/corpus/registry.json';

const sample: Registry = {
  version: 1,
  clients: [
    {
      id: 'c1',
      name: 'Niels van \'t Zand',
      aliases: ['Nielsje', '-Nils'],
      identifiers: ['niels.vantzand@ziggo.nl', '+31 6 65870921', 'VC-2024-012', 'Venneperweg 512, Nieuw-Vennep'],
      organization: '=Provincie Zeeland',
      details: ['ecoloog; veldwerk', "'s-Hertogenbosch", '@SUM(1)', 'Goes\nen Middelburg'],
    },
    { id: 'c2', name: 'Renée Öztürk', aliases: [], identifiers: [], details: [] },
  ],
};

/** Identifiers come back grouped as e-mail, phone, other (the template's columns). */
function grouped(c: Omit<Client, 'id'>): Omit<Client, 'id'> {
  const ids = c.identifiers;
  const other = ids.filter((v) => !isEmail(v) && !isPhone(v));
  return { ...c, identifiers: [...ids.filter(isEmail), ...ids.filter((v) => !isEmail(v) && isPhone(v)), ...other] };
}

function reimport(text: string, name: string) {
  return importClients(utf8(text), name);
}

describe('JSON export', () => {
  it('is the registry format and round-trips exactly (ids aside)', () => {
    const json = exportJson(sample);
    expect(RegistrySchema.parse(JSON.parse(json))).toEqual(sample);
    const p = reimport(json, 'export.json');
    expect(p.errors).toEqual([]);
    expect(p.clients.map(withoutId)).toEqual(sample.clients.map(withoutId));
  });
});

describe('CSV export (Dutch template)', () => {
  const csv = exportCsv(sample);

  it('is UTF-8 with BOM, semicolon-separated, with the Dutch header', () => {
    expect(csv.startsWith('\uFEFFnaam;aliassen;e-mail;telefoon;identificatoren;organisatie;details\r\n')).toBe(true);
  });

  it('neutralises every cell a spreadsheet could evaluate', () => {
    const rows = Papa.parse<string[]>(csv.slice(1), { delimiter: ';' }).data;
    const cells = rows.slice(1).flat();
    for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(cells).toContain("'=Provincie Zeeland");
    expect(cells).toContain("'+31 6 65870921");
  });

  it('round-trips: export → import gives the same clients (ids aside)', () => {
    const p = reimport(csv, 'export.csv');
    expect(p.errors).toEqual([]);
    expect(p.rows.every((r) => r.status === 'ok')).toBe(true);
    expect(p.clients.map(withoutId)).toEqual(sample.clients.map(withoutId).map(grouped));
  });

  it.skipIf(!existsSync(CORPUS))('round-trips the shared corpus registry through CSV and JSON unchanged', () => {
    const corpus = RegistrySchema.parse(JSON.parse(readFileSync(CORPUS, 'utf8')));
    expect(checkCsvExport(corpus)).toEqual([]);
    expect(reimport(exportCsv(corpus), 'x.csv').clients.map(withoutId)).toEqual(corpus.clients.map(withoutId));
    expect(reimport(exportJson(corpus), 'x.json').clients.map(withoutId)).toEqual(corpus.clients.map(withoutId));
  });

  it('reports values the CSV cannot carry (they contain |), recommending the JSON export', () => {
    const reg: Registry = { version: 1, clients: [{ id: 'a', name: 'A B', aliases: [], identifiers: [], details: ['x|y'] }] };
    expect(checkCsvExport(reg)).toEqual([{ code: 'export_separator_in_value', params: { field: 'details', clientId: 'a' } }]);
  });

  it('round-trips arbitrary registries without duplicates (property)', () => {
    const value = fc
      .string({ minLength: 1, maxLength: 30 })
      .map((s) => s.trim())
      .filter((s) => s.length > 0 && !s.includes('|') && /[\p{L}\p{N}]/u.test(s));
    const client = fc.record({
      name: value,
      aliases: fc.array(value, { maxLength: 3 }),
      identifiers: fc.array(fc.oneof(value, fc.emailAddress().filter((e) => !e.includes('|')), fc.constantFrom('+31 6 12345678', '06-98765432', '020 555 1234')), { maxLength: 4 }),
      organization: fc.option(value, { nil: undefined }),
      details: fc.array(value, { maxLength: 3 }),
    });
    const registry = fc.array(client, { maxLength: 6 }).map((cs): Registry => ({
      version: 1,
      clients: cs.map((c, i) => {
        const { organization, ...rest } = c;
        return { id: `c${i}`, ...rest, ...(organization !== undefined ? { organization } : {}) };
      }),
    }));
    // Canonical registries only: the importer (rightly) merges duplicate people and duplicate values.
    const canonical = (r: Registry) => {
      const names = new Set<string>();
      const strong = new Set<string>();
      for (const c of r.clients) {
        if (names.has(nameKey(c.name))) return false;
        names.add(nameKey(c.name));
        const nk = [nameKey(c.name), ...c.aliases.map(nameKey)];
        if (new Set(nk).size !== nk.length) return false;
        const ik = c.identifiers.map(identifierKey);
        if (new Set(ik).size !== ik.length) return false;
        for (const k of ik) {
          if (k.startsWith('t:')) continue;
          if (strong.has(k)) return false;
          strong.add(k);
        }
        const dk = [...(c.organization ? [nameKey(c.organization)] : []), ...c.details.map(nameKey)];
        if (new Set(dk).size !== dk.length) return false;
      }
      return true;
    };
    fc.assert(
      fc.property(registry.filter(canonical), (reg) => {
        const viaCsv = reimport(exportCsv(reg), 'x.csv');
        const expected = reg.clients.map(withoutId).map(grouped);
        if (reg.clients.length === 0) {
          expect(viaCsv.errors).toEqual([{ code: 'no_clients' }]);
          return;
        }
        expect(viaCsv.errors).toEqual([]);
        expect(viaCsv.clients.map(withoutId)).toEqual(expected);
        expect(reimport(exportJson(reg), 'x.json').clients.map(withoutId)).toEqual(reg.clients.map(withoutId));
      }),
      { numRuns: 300 },
    );
  });
});
