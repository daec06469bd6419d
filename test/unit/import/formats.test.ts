import { describe, expect, it } from 'vitest';
import { byName, codes, fixture, importFixture, importText, withoutId } from './helpers';
import { importClients } from '../../../src/vault/import';
import { describeProblem } from '../../../src/vault/import/messages';

describe('Google Contacts CSV', () => {
  it('reads the current export: name parts, nickname, multi-value e-mail, phone, organisation, title, city, street, website', () => {
    const p = importFixture('google-contacts.csv');
    expect(p.errors).toEqual([]);
    expect(p.format).toBe('google-csv');
    expect(withoutId(byName(p, 'Anouk Vermeulen')!)).toEqual({
      name: 'Anouk Vermeulen',
      aliases: ['Noek'],
      identifiers: ['anouk.vermeulen@gmail.com', 'a.vermeulen@zwolle.nl', '+31 6 12345678', 'Thorbeckegracht 12', 'linkedin.com/in/anoukvermeulen'],
      organization: 'Gemeente Zwolle',
      details: ['beleidsadviseur', 'Zwolle'],
    });
    expect(withoutId(byName(p, 'Pieter-Jan de Wit')!)).toEqual({
      name: 'Pieter-Jan de Wit',
      aliases: [],
      identifiers: ['pj.dewit@outlook.com', '06-87654321', '0318-123456'],
      organization: 'Waterschap Vallei',
      details: ['Beheer'],
    });
    // Notes, birthday and labels are not imported, and the coach is told so.
    expect(byName(p, 'Sanne Bakker')!.details).toEqual([]);
    expect(codes(p.warnings)).toEqual(['columns_ignored']);
  });

  it('skips a contact without a name, saying which row', () => {
    const p = importFixture('google-contacts.csv');
    expect(p.rows.map((r) => [r.row, r.status])).toEqual([
      [2, 'ok'],
      [3, 'ok'],
      [4, 'skipped'],
      [5, 'ok'],
    ]);
    expect(p.rows[2]!.problems).toEqual([{ code: 'row_no_name', row: 4 }]);
    expect(p.clients).toHaveLength(3);
  });

  it('reads the legacy "Google CSV" export', () => {
    const p = importFixture('google-contacts-legacy.csv');
    expect(p.format).toBe('google-csv');
    expect(withoutId(byName(p, 'Fatima el Amrani')!)).toEqual({
      name: 'Fatima el Amrani',
      aliases: ['Fati'],
      identifiers: ['fatima.elamrani@hotmail.com', '06 11 22 33 44'],
      organization: 'Albert Heijn Distributiecentrum',
      details: ['Zaandam', 'teamleider'],
    });
    // Empty "Name" column: the name is composed from Given + Family Name.
    expect(withoutId(byName(p, 'Thijs Mulder')!)).toEqual({ name: 'Thijs Mulder', aliases: [], identifiers: ['t.mulder@example.org'], details: ['docent'] });
  });
});

describe('Outlook CSV', () => {
  it('reads the English export; "Title" (Mevr./Dhr.) is a salutation, not a job', () => {
    const p = importFixture('outlook-contacts.csv');
    expect(p.format).toBe('outlook-csv');
    expect(withoutId(byName(p, 'Marloes Jansen')!)).toEqual({
      name: 'Marloes Jansen',
      aliases: [],
      identifiers: ['marloes.jansen@kpnmail.nl', 'm.jansen@rijnstate.nl', '06-44556677', '+31 (0)26 378 9111'],
      organization: 'Rijnstate',
      details: ['Velp', 'verpleegkundig specialist', 'Cardiologie', 'Arnhem'],
    });
    const ruud = byName(p, 'Ruud van Dijk')!;
    expect(ruud.organization).toBeUndefined();
    expect(JSON.stringify(p.clients)).not.toMatch(/Mevr|Dhr/);
  });

  it('reads Dutch-localised headers with tussenvoegsel', () => {
    const p = importFixture('outlook-contacts-nl.csv');
    expect(p.clients.map(withoutId)).toEqual([
      {
        name: 'Eva van der Meer',
        aliases: ['Eef'],
        identifiers: ['eva.vandermeer@gmail.com', '06-99887766'],
        organization: 'Stichting Jeugdzorg Utrecht',
        details: ['gezinscoach'],
      },
    ]);
  });
});

describe('Discreet template', () => {
  it('reads the semicolon Dutch template with BOM, | inside cells, and skips a row without a name', () => {
    const p = importFixture('discreet-template-nl.csv');
    expect(p.format).toBe('discreet-csv');
    expect(p.encoding).toBe('utf-8');
    expect(p.warnings).toEqual([]);
    expect(withoutId(byName(p, 'Sophie de Groot')!)).toEqual({
      name: 'Sophie de Groot',
      aliases: ['Soof', 'Sophie'],
      identifiers: ['sophie.degroot@gmail.com', '06-12121212', '+31 20 555 1234'],
      organization: 'Rabobank Utrecht',
      // With ; as the delimiter only | separates values: "Houten; Utrecht" is one value.
      details: ['accountmanager', 'Houten; Utrecht'],
    });
    expect(byName(p, 'Émile Brouwer')!.identifiers).toEqual(['0031 6 33445566']);
    expect(p.rows.find((r) => r.row === 4)).toMatchObject({ status: 'skipped', problems: [{ code: 'row_no_name', row: 4 }] });
    // The BOM does not end up in the first header or the first name.
    expect(p.clients[0]!.name.charCodeAt(0)).not.toBe(0xfeff);
  });

  it('reads English headers with a comma delimiter, where ; and | both separate values', () => {
    const p = importFixture('discreet-template-en.csv');
    expect(p.clients.map(withoutId)).toEqual([
      {
        name: 'Lotte Visser',
        aliases: ['Lot', 'Lotje'],
        identifiers: ['lotte.visser@gmail.com', 'l.visser@vu.nl', '06 1010 2020'],
        organization: 'Vrije Universiteit',
        details: ['promovendus', 'Amstelveen'],
      },
    ]);
  });

  it('reads a tab-separated file and honours an Excel "sep=" line', () => {
    expect(importText('naam\te-mail\nJan Bos\tjan@bos.nl\n').clients.map(withoutId)).toEqual([
      { name: 'Jan Bos', aliases: [], identifiers: ['jan@bos.nl'], details: [] },
    ]);
    expect(importText('sep=;\nnaam;details\nJan Bos;a,b\n').clients[0]!.details).toEqual(['a,b']);
  });

  it('ignores blank lines but keeps spreadsheet row numbers', () => {
    const p = importText('naam,e-mail\r\n\r\nJan Bos,jan@bos.nl\r\n,,\r\n,x@y.nl\r\n');
    expect(p.rows.map((r) => [r.row, r.status])).toEqual([
      [3, 'ok'],
      [5, 'skipped'],
    ]);
  });
});

describe('encodings', () => {
  it('decodes Windows-1252 (é, ë, €) and warns that it did', () => {
    const p = importFixture('windows-1252.csv');
    expect(p.encoding).toBe('windows-1252');
    expect(codes(p.warnings)).toEqual(['encoding_windows1252']);
    expect(p.clients.map((c) => c.name)).toEqual(['Chloë Hoekstra', 'René Kuipers']);
    expect(byName(p, 'Chloë Hoekstra')!.organization).toBe('Café de Zwaan');
    expect(byName(p, 'Chloë Hoekstra')!.details).toEqual(['bedrijfsleider', '€ 2e locatie']);
    expect(byName(p, 'René Kuipers')!.details).toEqual(['coördinator']);
    expect(describeProblem(p.warnings[0]!, 'nl')).toContain('Windows-1252');
  });

  it('decodes UTF-16 LE with BOM (Excel "Unicode text", tab-separated)', () => {
    const p = importFixture('utf16le.csv');
    expect(p.encoding).toBe('utf-16le');
    expect(p.warnings).toEqual([]);
    expect(p.clients.map((c) => c.name)).toEqual(['Zoë Smits', 'Ömer Yılmaz']);
    expect(byName(p, 'Ömer Yılmaz')!.aliases).toEqual(['Ömer Y.']);
  });

  it('decodes UTF-16 BE with BOM to the same clients', () => {
    const le = fixture('utf16le.csv');
    const be = new Uint8Array(le.length);
    for (let i = 0; i + 1 < le.length; i += 2) {
      be[i] = le[i + 1]!;
      be[i + 1] = le[i]!;
    }
    const p = importClients(be, 'utf16be.csv');
    expect(p.encoding).toBe('utf-16be');
    expect(p.clients.map(withoutId)).toEqual(importFixture('utf16le.csv').clients.map(withoutId));
  });
});

describe('UTF-16 without BOM', () => {
  it('is recognised by its zero bytes and decoded', () => {
    const text = 'naam,e-mail\r\nZoë Smits,zoe@smits.nl\r\n';
    const le = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) le[2 * i] = text.charCodeAt(i);
    const p = importClients(le, 'x.csv');
    expect(p.encoding).toBe('utf-16le');
    expect(p.clients.map((c) => c.name)).toEqual(['Zoë Smits']);
  });
});

describe('hostile sizes', () => {
  it('a multi-megabyte cell is handled (refused as too long), not choking the importer', () => {
    const huge = `+${'a'.repeat(2_000_000)}`;
    const p = importText(`naam,details\nJan Bos,${huge}\nPiet Bos,x\n`);
    expect(p.rows.map((r) => r.status)).toEqual(['skipped', 'ok']);
    expect(p.rows[0]!.problems[0]!.code).toBe('value_too_long');
  });
});

describe('files that cannot be imported', () => {
  it('an empty file', () => {
    for (const bytes of [new Uint8Array(), new Uint8Array([0xef, 0xbb, 0xbf]), new TextEncoder().encode(' \r\n\n ')]) {
      const p = importClients(bytes, 'leeg.csv');
      expect(codes(p.errors)).toEqual(['file_empty']);
      expect(p.clients).toEqual([]);
    }
    expect(describeProblem(importFixture('empty.csv').errors[0]!, 'nl')).toBe('Het bestand is leeg. Er is niets geïmporteerd.');
  });

  it('a header without rows', () => {
    expect(codes(importFixture('header-only.csv').errors)).toEqual(['no_clients']);
  });

  it('an unclosed quote: refuses the whole file, naming the row, rather than importing part of it', () => {
    const p = importFixture('malformed-quotes.csv');
    expect(p.errors).toEqual([{ code: 'csv_quotes', row: 3 }]);
    expect(p.clients).toEqual([]);
    expect(p.rows).toEqual([]);
  });

  it('a file without a name column (or without a header row) is refused without echoing its first row', () => {
    const p = importText('Jan Bos,jan@bos.nl,Gemeente Ede\nPiet Bos,piet@bos.nl,Gemeente Ede\n');
    expect(p.errors).toEqual([{ code: 'csv_no_name_column' }]);
    expect(JSON.stringify(p)).not.toContain('Bos');
  });

  it('an Excel workbook, a vCard file and a binary file each get their own explanation', () => {
    expect(codes(importClients(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'clients.xlsx').errors)).toEqual(['file_is_spreadsheet']);
    expect(codes(importText('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jan Bos\r\nEND:VCARD\r\n', 'c.vcf').errors)).toEqual(['file_is_vcard']);
    expect(codes(importClients(new Uint8Array([0x6e, 0x61, 0x61, 0x6d, 0, 0, 1, 2]), 'x.csv').errors)).toEqual(['file_not_text']);
  });
});

describe('per-row limits, consistent with the registry schema', () => {
  it('a value over 500 characters skips that row, naming row and column', () => {
    const long = 'x'.repeat(501);
    const p = importText(`naam,details\nJan Bos,${long}\nPiet Bos,${'y'.repeat(500)}\n`);
    expect(p.rows[0]).toMatchObject({ row: 2, status: 'skipped', problems: [{ code: 'value_too_long', row: 2, column: 'details', params: { max: 500 } }] });
    expect(p.rows[1]!.status).toBe('ok');
    expect(p.clients.map((c) => c.name)).toEqual(['Piet Bos']);
  });

  it('a composed name over 500 characters is refused too', () => {
    const p = importText(`First Name,Last Name\n${'a'.repeat(300)},${'b'.repeat(300)}\n`);
    expect(p.rows[0]!.problems).toEqual([{ code: 'value_too_long', row: 2, column: 'First Name', params: { max: 500 } }]);
  });

  it('more than 50 values in one field skips the row', () => {
    const many = Array.from({ length: 51 }, (_, i) => `alias${i}`).join('|');
    const p = importText(`naam;aliassen\nJan Bos;${many}\n`);
    expect(p.rows[0]!.problems).toEqual([{ code: 'too_many_values', row: 2, params: { field: 'aliases', max: 50 } }]);
    expect(describeProblem(p.rows[0]!.problems[0]!, 'nl')).toBe('Rij 2: meer dan 50 aliassen; deze rij wordt overgeslagen.');
  });

  it('a row with more filled cells than headers (an unquoted comma) is skipped, not shifted', () => {
    const p = importText('naam,e-mail,organisatie\nBos, Jan,jan@bos.nl,Gemeente Ede\nPiet Bos,piet@bos.nl,Gemeente Ede,,\n');
    expect(p.rows[0]).toMatchObject({ row: 2, status: 'skipped', problems: [{ code: 'row_extra_columns', row: 2 }] });
    // Trailing empty cells are harmless.
    expect(p.rows[1]!.status).toBe('ok');
  });

  it('a second name column is kept as an alias, not dropped', () => {
    const p = importText('naam,naam,e-mail\nJan Bos,Johannes Bos,jan@bos.nl\nPiet Bos,Piet Bos,piet@bos.nl\n');
    expect(p.clients.map((c) => [c.name, c.aliases])).toEqual([
      ['Jan Bos', ['Johannes Bos']],
      ['Piet Bos', []],
    ]);
  });

  it('placeholder cells without any letter or digit ("-", "--") count as empty', () => {
    const p = importText('naam,telefoon,organisatie\nJan Bos,-,--\n');
    expect(withoutId(p.clients[0]!)).toEqual({ name: 'Jan Bos', aliases: [], identifiers: [], details: [] });
  });

  it('a second organisation is kept as a detail rather than dropped', () => {
    const p = importText('First Name,Organization 1 - Name,Organization 2 - Name\nJan,Gemeente Ede,Voetbalclub Ede\n');
    expect(withoutId(p.clients[0]!)).toEqual({ name: 'Jan', aliases: [], identifiers: [], organization: 'Gemeente Ede', details: ['Voetbalclub Ede'] });
  });
});
