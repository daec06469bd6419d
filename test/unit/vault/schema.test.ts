import { describe, expect, it } from 'vitest';
import {
  CURRENT_SCHEMA_VERSION,
  MIGRATIONS,
  newVaultContents,
  parseVaultContents,
  parseVaultPlaintext,
  type VaultContentsV1,
  type VaultContentsV2,
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
  2: {
    schemaVersion: 2,
    registry,
    clientMeta: {
      c1: { createdAt: '2026-01-02T09:00:00.000Z', updatedAt: '2026-01-02T09:00:00.000Z', trajectoryEnd: '2026-06-30' },
      c2: { createdAt: '2026-01-02T09:00:00.000Z', updatedAt: '2026-01-02T09:00:00.000Z' },
    },
    settings: {
      code: 'lvsc',
      autoLockMinutes: 60,
      retentionYears: 3,
      language: 'en',
      firstNameAlone: false,
      protectedSites: { gmail: true, outlook: false, linkedin: true, teams: true, slack: true },
    },
    consents: [{ clientId: 'c1', scope: 'voortgangsrapport aan werkgever', grantedAt: '2026-02-01T10:00:00.000Z', expiresAt: '2026-12-31T00:00:00.000Z' }],
    log: [
      { at: '2026-03-01T10:00:00.000Z', event: 'warning-shown', app: 'gmail', clientIds: ['c1'] },
      { at: '2026-03-01T10:01:00.000Z', event: 'sent-anyway', app: 'gmail', clientIds: ['c1'] },
    ],
  } satisfies VaultContentsV2,
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
    expect(c.ignoreRules).toEqual([]);
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

  it('migrates v2 consents without widening them and keeps only "sent anyway" log entries', () => {
    const { contents } = parseVaultPlaintext(JSON.stringify(EARLIER[2]), NOW);
    expect(contents.settings.firstNameAlone).toBe(false);
    expect(contents.settings.protectedSites.outlook).toBe(false);
    expect(contents.clientMeta.c1?.trajectoryEnd).toBe('2026-06-30');
    expect(contents.consents).toHaveLength(1);
    const consent = contents.consents[0]!;
    expect(consent).toMatchObject({ clientId: 'c1', purpose: 'voortgangsrapport aan werkgever', givenOn: '2026-02-01', validUntil: '2026-12-31' });
    // Nobody may receive anything under a migrated consent until the coach completes it.
    expect(consent.audience).toEqual({ emails: [], domains: [], publicPosts: false });
    expect(consent.information).toEqual(['name']);
    expect(contents.log).toEqual([
      { id: 'log-v2-1', at: '2026-03-01T10:01:00.000Z', app: 'gmail', situation: 'message', clientIds: ['c1'], reason: 'other' },
    ]);
    expect(contents.ignoreRules).toEqual([]);
  });

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
