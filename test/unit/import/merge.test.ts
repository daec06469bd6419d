import { describe, expect, it } from 'vitest';
import { applyImport, ImportApplyError, importClients, tryApplyImport } from '../../../src/vault/import';
import { describeProblem } from '../../../src/vault/import/messages';
import type { Client, Registry } from '../../../src/registry';
import { byName, importFixture, importText, sequentialIds, utf8, withoutId } from './helpers';

describe('duplicates within one file', () => {
  const p = importFixture('duplicates.csv');

  it('merges same name (case, spacing, diacritics), same e-mail (case) and same phone (+31 ↔ 0, formatting)', () => {
    expect(p.clients.map(withoutId)).toEqual([
      {
        name: 'Sophie de Groot',
        aliases: ['Soof', 'S. de Groot'], // the other spelling is kept as an alias
        identifiers: ['sophie.degroot@gmail.com', '06-12121212'],
        organization: 'Rabobank',
        details: ['accountmanager'],
      },
      { name: 'Daan Hendriks', aliases: ['D. Hendriks'], identifiers: ['+31 6 77889900'], organization: 'Hendriks Advies', details: [] },
      { name: 'Renée van Leeuwen', aliases: [], identifiers: [], details: ['Delft', 'Rijswijk'] },
    ]);
  });

  it('says which row merged with which', () => {
    expect(p.rows.map((r) => [r.row, r.status, r.mergedWith])).toEqual([
      [2, 'ok', undefined],
      [3, 'merged', { row: 2 }], // same name, other case and spacing
      [4, 'merged', { row: 2 }], // same e-mail, other case
      [5, 'ok', undefined],
      [6, 'merged', { row: 5 }], // +31 6 77889900 = 06-77 88 99 00
      [7, 'ok', undefined],
      [8, 'merged', { row: 7 }], // Renee = Renée
    ]);
    expect(p.rows[1]!.clientId).toBe(p.rows[0]!.clientId);
    expect(describeProblem(p.rows[1]!.problems[0]!, 'nl')).toBe(
      'Rij 3 is dezelfde persoon als rij 2 (zelfde naam, e-mailadres of telefoonnummer); de gegevens zijn samengevoegd.',
    );
    expect(p.summary).toEqual({ added: 3, updated: 0, merged: 4, skipped: 0 });
  });
});

describe('against the existing client list', () => {
  const existing: Client[] = [
    { id: 'k1', name: 'Sophie de Groot', aliases: [], identifiers: ['06-12121212'], organization: 'Rabobank Utrecht', details: ['Houten'] },
    { id: 'k2', name: 'Jan Bos', aliases: [], identifiers: ['jan@bos.nl'], details: [] },
    { id: 'k3', name: 'Jan de Vries', aliases: [], identifiers: ['jan.devries@a.nl'], details: [] },
    { id: 'k4', name: 'Jan de Vries', aliases: [], identifiers: ['jdv@b.nl'], details: [] },
  ];

  it('merges into the existing client, keeping its id, name and organisation and losing nothing new', () => {
    const p = importText('naam;e-mail;telefoon;organisatie;details\nSoof de Groot;sophie@groot.nl;+31 6 12121212;ING;Utrecht\n', 'x.csv', { existing });
    expect(p.rows).toEqual([
      expect.objectContaining({ row: 2, status: 'merged', clientId: 'k1', mergedWith: { clientId: 'k1' }, changed: true }),
    ]);
    expect(p.clients).toEqual([
      {
        id: 'k1',
        name: 'Sophie de Groot',
        aliases: ['Soof de Groot'],
        identifiers: ['06-12121212', 'sophie@groot.nl'], // +31 6 12121212 is the same number
        organization: 'Rabobank Utrecht',
        details: ['Houten', 'Utrecht', 'ING'], // a different organisation becomes a detail
      },
    ]);
    expect(p.summary).toMatchObject({ added: 0, updated: 1, merged: 1 });
  });

  it('re-importing the same data changes nothing and says so', () => {
    const p = importText('naam,e-mail\nJan Bos,JAN@BOS.NL\n', 'x.csv', { existing });
    expect(p.rows[0]).toMatchObject({ status: 'merged', clientId: 'k2', changed: false });
    expect(p.clients).toEqual([]);
  });

  it('does not guess when a name alone matches two existing clients: adds separately and flags it', () => {
    const p = importText('naam,e-mail\nJan de Vries,jan@c.nl\n', 'x.csv', { existing });
    expect(p.rows[0]).toMatchObject({ status: 'ok', problems: [{ code: 'possible_duplicate', row: 2 }] });
    expect(p.clients).toHaveLength(1);
    expect(p.clients[0]!.id).not.toMatch(/^k/);
  });

  it('an e-mail decides between two existing clients of the same name', () => {
    const p = importText('naam,e-mail,details\nJan de Vries,JDV@b.nl,Zwolle\n', 'x.csv', { existing });
    expect(p.rows[0]).toMatchObject({ status: 'merged', clientId: 'k4' });
  });

  it('flags a row whose identifiers point at two different clients', () => {
    const p = importText('naam;e-mail\nX;jan@bos.nl|jdv@b.nl\n', 'x.csv', { existing });
    expect(p.rows[0]!.problems.map((q) => q.code)).toEqual(['matches_several', 'merged_with_existing']);
    expect(p.rows[0]!.clientId).toBe('k2');
  });

  it('applyImport replaces merged clients in place and appends new ones; the input registry is untouched', () => {
    const registry: Registry = { version: 1, clients: existing };
    const before = JSON.stringify(registry);
    const p = importText('naam,e-mail\nJan Bos,jan@bos.nl\nNieuw Mens,nieuw@mens.nl\nSophie de Groot,s@g.nl\n', 'x.csv', { existing });
    const next = applyImport(registry, p);
    expect(JSON.stringify(registry)).toBe(before);
    expect(next.clients.map((c) => c.id)).toEqual(['k1', 'k2', 'k3', 'k4', p.rows[1]!.clientId]);
    expect(next.clients[0]!.identifiers).toEqual(['06-12121212', 's@g.nl']);
    expect(next.clients[4]!.name).toBe('Nieuw Mens');
  });

  it('applyImport refuses a stale preview instead of bringing back a client deleted in the meantime', () => {
    const registry: Registry = { version: 1, clients: existing };
    const p = importText('naam,e-mail\nJan Bos,jan.bos@elders.nl\n', 'x.csv', { existing });
    expect(p.clients.map((c) => c.id)).toEqual(['k2']);
    const afterDeletion: Registry = { version: 1, clients: existing.filter((c) => c.id !== 'k2') };
    expect(tryApplyImport(afterDeletion, p)).toEqual({ ok: false, problem: { code: 'preview_outdated' } });
    expect(() => applyImport(afterDeletion, p)).toThrow(ImportApplyError);
    expect(tryApplyImport(registry, p).ok).toBe(true);
    expect(tryApplyImport(registry, importText('', 'x.csv'))).toEqual({ ok: false, problem: { code: 'file_empty' } });
  });

  it('a merge that would exceed 50 values skips the row instead of truncating', () => {
    const full: Client = { id: 'f', name: 'Vol Ledig', aliases: Array.from({ length: 50 }, (_, i) => `a${i}`), identifiers: [], details: [] };
    const p = importText('naam,aliassen\nVol Ledig,nog een\n', 'x.csv', { existing: [full] });
    expect(p.rows[0]).toMatchObject({ status: 'skipped', problems: [{ code: 'merge_too_large', row: 2 }] });
    expect(p.clients).toEqual([]);
  });
});

describe('generated ids', () => {
  it('are unique, random by default and never derived from the name', () => {
    const rows = Array.from({ length: 200 }, (_, i) => `Persoon ${i},p${i}@x.nl`).join('\n');
    const p = importClients(utf8(`naam,e-mail\n${rows}\n`), 'x.csv');
    const ids = p.clients.map((c) => c.id);
    expect(new Set(ids).size).toBe(200);
    for (const c of p.clients) expect(c.id.toLowerCase()).not.toContain('persoon');
    // Same file, second import: different ids (not a hash of the content).
    const again = importClients(utf8(`naam,e-mail\n${rows}\n`), 'x.csv');
    expect(again.clients[0]!.id).not.toBe(p.clients[0]!.id);
  });

  it('never collide with existing ids', () => {
    const existing: Client[] = [{ id: 'new-1', name: 'Al Bestaand', aliases: [], identifiers: [], details: [] }];
    const p = importText('naam\nNieuw Iemand\n', 'x.csv', { existing, newId: sequentialIds() });
    expect(p.clients[0]!.id).toBe('new-2');
  });

  it('a merged row and its target share one id; new rows get their own', () => {
    const p = importFixture('duplicates.csv');
    expect(byName(p, 'Sophie de Groot')!.id).toBe(p.rows[0]!.clientId);
  });
});
