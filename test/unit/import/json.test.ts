import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RegistrySchema } from '../../../src/registry';
import { describeProblem } from '../../../src/vault/import/messages';
import { importFixture, importText, withoutId } from './helpers';
import { importClients } from '../../../src/vault/import';

const CORPUS = '/work/shared/corpus/registry.json';

describe('registry JSON', () => {
  it('imports a registry file with all fields, giving fresh ids', () => {
    const p = importFixture('registry-small.json');
    expect(p.format).toBe('registry-json');
    expect(p.clients.map(withoutId)).toEqual([
      { name: 'Anna Kok', aliases: ['Annie'], identifiers: ['anna.kok@gmail.com', '06-10101010'], organization: 'Kok & Co', details: ['boekhouder', 'Gouda'] },
      { name: 'Bram Smit', aliases: [], identifiers: ['bram.smit@gmail.com'], details: [] },
    ]);
    expect(p.clients.map((c) => c.id)).not.toContain('x1');
    expect(p.rows.map((r) => [r.row, r.status])).toEqual([
      [1, 'ok'],
      [2, 'ok'],
    ]);
  });

  it('a bad field refuses the whole file and names the field path, not the value', () => {
    const p = importFixture('registry-bad-field.json');
    expect(p.clients).toEqual([]);
    expect(p.rows).toEqual([]);
    expect(p.errors).toEqual([
      { code: 'json_invalid_field', row: 3, params: { path: 'clients.2.identifiers.1', reason: 'wrong_type', field: 'identifiers' } },
    ]);
    expect(describeProblem(p.errors[0]!, 'nl')).toBe(
      'Cliënt 3 in het bestand, veld "identificatoren" (clients.2.identifiers.1): heeft een verkeerd soort waarde. Er is niets geïmporteerd.',
    );
    expect(JSON.stringify(p)).not.toContain('612345678');
    expect(JSON.stringify(p)).not.toContain('Carla');
  });

  it('reports missing, too long and duplicate fields with their reason', () => {
    const reg = (clients: unknown[]) => JSON.stringify({ version: 1, clients });
    expect(importText(reg([{ id: 'a', aliases: [] }]), 'r.json').errors[0]).toMatchObject({
      row: 1,
      params: { path: 'clients.0.name', reason: 'missing', field: 'name' },
    });
    expect(importText(reg([{ id: 'a', name: 'x'.repeat(501) }]), 'r.json').errors[0]).toMatchObject({
      params: { path: 'clients.0.name', reason: 'too_long' },
    });
    expect(importText(reg([{ id: 'a', name: 'A' }, { id: 'a', name: 'B' }]), 'r.json').errors[0]).toMatchObject({
      row: 2,
      params: { path: 'clients.1.id', reason: 'duplicate_id' },
    });
    const noVersion = importText(JSON.stringify({ clients: [] }), 'r.json');
    expect(noVersion.errors[0]).toMatchObject({ code: 'json_invalid_field', params: { path: 'version', reason: 'missing' } });
    expect(describeProblem(noVersion.errors[0]!, 'en')).toBe('Field "version" (version) is missing. Nothing has been imported.');
  });

  it('a damaged or foreign JSON file gets a clear refusal without quoting it', () => {
    const broken = importText('{"version":1,"clients":[{"id":"a","name":"Geheime Naam"', 'r.json');
    expect(broken.errors).toEqual([{ code: 'json_syntax' }]);
    expect(JSON.stringify(broken)).not.toContain('Geheime');
    expect(importText('[1,2,3]', 'r.json').errors).toEqual([{ code: 'json_not_registry' }]);
    expect(importText('{"version":1,"clients":[]}', 'r.json').errors).toEqual([{ code: 'no_clients' }]);
  });

  it.skipIf(!existsSync(CORPUS))('imports the shared corpus registry: all 20 clients come through unchanged (ids aside)', () => {
    const bytes = new Uint8Array(readFileSync(CORPUS));
    const source = RegistrySchema.parse(JSON.parse(new TextDecoder().decode(bytes)));
    expect(source.clients).toHaveLength(20);
    const p = importClients(bytes, 'registry.json');
    expect(p.errors).toEqual([]);
    expect(p.rows.every((r) => r.status === 'ok' && r.problems.length === 0)).toBe(true);
    expect(p.clients.map(withoutId)).toEqual(source.clients.map(withoutId));
  });

  it.skipIf(!existsSync(CORPUS))('importing the same list again (e.g. restoring a backup) doubles nobody', () => {
    const bytes = new Uint8Array(readFileSync(CORPUS));
    const source = RegistrySchema.parse(JSON.parse(new TextDecoder().decode(bytes)));
    const p = importClients(bytes, 'registry.json', { existing: source.clients });
    expect(p.rows.map((r) => [r.status, r.changed])).toEqual(source.clients.map(() => ['merged', false]));
    expect(p.rows.map((r) => r.clientId)).toEqual(source.clients.map((c) => c.id));
    expect(p.clients).toEqual([]);
  });
});

if (!existsSync(CORPUS)) {
  // Make the reason visible in the test output rather than silently passing.
  console.warn(`Skipping the corpus import test: ${CORPUS} is not present in this checkout.`);
}
