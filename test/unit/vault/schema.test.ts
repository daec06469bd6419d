import { describe, expect, it } from 'vitest';
import {
  CURRENT_SCHEMA_VERSION,
  MIGRATIONS,
  newVaultContents,
  parseVaultContents,
  parseVaultPlaintext,
  type VaultContentsV1,
} from '../../../src/vault/schema';
import { VaultError } from '../../../src/vault/errors';

const registry = {
  version: 1 as const,
  clients: [
    { id: 'c1', name: 'Anneke de Vries', aliases: ['Anneke'], identifiers: ['anneke@example.nl'], details: [] },
    { id: 'c2', name: 'Bram Jansen', aliases: [], identifiers: ['+31 6 12345678'], organization: 'Gemeente Utrecht', details: [] },
  ],
};
const NOW = new Date('2026-11-23T10:00:00.000Z');

function code(fn: () => unknown): string {
  try {
    fn();
    return 'no error';
  } catch (e) {
    return e instanceof VaultError ? e.code : 'non-VaultError';
  }
}

/** One example of every earlier version, as an older Discreet would have written it. */
const EARLIER: Record<number, unknown> = {
  1: { schemaVersion: 1, registry, settings: { code: 'lvsc', autoLockMinutes: 60, language: 'en' } } satisfies VaultContentsV1,
};

describe('vault contents schema', () => {
  it('fills every setting with its documented default for a new vault', () => {
    const c = newVaultContents(registry, 'both', NOW);
    expect(c.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(c.settings).toEqual({
      code: 'both',
      autoLockMinutes: 480,
      retentionYears: 3,
      language: 'auto',
      firstNameAlone: true,
      protectedSites: { gmail: true, outlook: true, linkedin: true, teams: true, slack: true },
    });
    expect(c.clientMeta.c1).toEqual({ createdAt: NOW.toISOString(), updatedAt: NOW.toISOString() });
    expect(c.consents).toEqual([]);
    expect(c.log).toEqual([]);
    expect(parseVaultContents(JSON.parse(JSON.stringify(c))).migratedFrom).toBeNull();
  });

  it('has an example and a migration for every earlier version', () => {
    for (let v = 1; v < CURRENT_SCHEMA_VERSION; v++) {
      expect(EARLIER[v], `example for v${v}`).toBeDefined();
      expect(MIGRATIONS.some((m) => m.from === v), `migration from v${v}`).toBe(true);
    }
  });

  for (const [v, example] of Object.entries(EARLIER)) {
    it(`migrates v${v} to the current version, keeping the clients and the chosen settings`, () => {
      const { contents, migratedFrom } = parseVaultPlaintext(JSON.stringify(example), NOW);
      expect(migratedFrom).toBe(Number(v));
      expect(contents.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
      expect(contents.registry.clients.map((c) => c.name)).toEqual(['Anneke de Vries', 'Bram Jansen']);
      expect(contents.registry.clients[1]?.organization).toBe('Gemeente Utrecht');
      expect(contents.settings.code).toBe('lvsc');
      expect(contents.settings.autoLockMinutes).toBe(60);
      expect(contents.settings.language).toBe('en');
      expect(contents.settings.retentionYears).toBe(3);
      expect(Object.keys(contents.clientMeta).sort()).toEqual(['c1', 'c2']);
    });
  }

  it('refuses a newer version as unknown-version and garbage as corrupt', () => {
    expect(code(() => parseVaultContents({ schemaVersion: CURRENT_SCHEMA_VERSION + 1, anything: true }))).toBe('unknown-version');
    expect(code(() => parseVaultContents({ schemaVersion: 1, registry }))).toBe('corrupt');
    expect(code(() => parseVaultContents({ schemaVersion: 'two' }))).toBe('corrupt');
    expect(code(() => parseVaultPlaintext('{not json'))).toBe('corrupt');
    expect(code(() => parseVaultContents(null))).toBe('corrupt');
  });

  it('rejects invalid data without echoing it in the error', () => {
    const bad = { ...newVaultContents(registry, 'rl', NOW), clientMeta: { c1: { createdAt: 'Anneke de Vries' } } };
    try {
      parseVaultContents(bad);
      throw new Error('expected a failure');
    } catch (e) {
      expect(e).toBeInstanceOf(VaultError);
      expect(String((e as Error).message)).not.toContain('Anneke');
    }
  });
});
