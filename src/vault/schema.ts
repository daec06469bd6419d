/**
 * The plaintext inside the vault, validated with zod, versioned, with migrations from every earlier version.
 *
 * Version history:
 *  - v1: `{ schemaVersion: 1, registry, settings: { code, autoLockMinutes?, language? } }` (the first shape:
 *        the client list plus the few settings the first run asked for).
 *  - v2 (current): adds per-client metadata (`clientMeta`), the full settings block, and the (still empty)
 *        `consents` and `log` lists.
 *
 * To add v3: define `VaultContentsV3`, set CURRENT_SCHEMA_VERSION = 3, append a `{ from: 2, migrate }` step.
 * A version above CURRENT_SCHEMA_VERSION is 'unknown-version': the vault is then never written to.
 */
import { z } from 'zod';
import { RegistrySchema, type Registry } from '../registry';
import { VaultError } from './errors';

export const CURRENT_SCHEMA_VERSION = 2;

const isoDate = z.iso.date(); // YYYY-MM-DD
const isoDateTime = z.iso.datetime({ offset: true });

export const CodeSetting = z.enum(['lvsc', 'rl', 'both']);
export const LanguageSetting = z.enum(['auto', 'nl', 'en']);
/** The five apps Discreet guards out of the box. */
export const PROTECTED_APPS = ['gmail', 'outlook', 'linkedin', 'teams', 'slack'] as const;
export type ProtectedApp = (typeof PROTECTED_APPS)[number];

export const ClientMetaSchema = z.strictObject({
  trajectoryStart: isoDate.optional(),
  trajectoryEnd: isoDate.optional(),
  consentNotes: z.string().max(5000).optional(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type ClientMeta = z.infer<typeof ClientMetaSchema>;

export const SettingsSchema = z.strictObject({
  code: CodeSetting,
  /** Lock after this many minutes without activity (scans, page messages). */
  autoLockMinutes: z.number().int().min(1).max(7 * 24 * 60).default(480),
  /** How long client data is kept after a trajectory ends (see src/vault/retention.ts). */
  retentionYears: z.number().int().min(1).max(30).default(3),
  language: LanguageSetting.default('auto'),
  /** Whether a first name on its own counts as a mention. */
  firstNameAlone: z.boolean().default(true),
  protectedSites: z
    .strictObject({
      gmail: z.boolean().default(true),
      outlook: z.boolean().default(true),
      linkedin: z.boolean().default(true),
      teams: z.boolean().default(true),
      slack: z.boolean().default(true),
    })
    .default({ gmail: true, outlook: true, linkedin: true, teams: true, slack: true }),
});
export type VaultSettings = z.infer<typeof SettingsSchema>;

/**
 * A recorded consent of a client (minimal; fleshed out in a later issue): which client agreed to what, when.
 */
export const ConsentSchema = z.strictObject({
  clientId: z.string().min(1).max(100),
  /** Free-form scope, e.g. 'mention-to-employer'. */
  scope: z.string().min(1).max(200),
  grantedAt: isoDateTime,
  expiresAt: isoDateTime.optional(),
  note: z.string().max(5000).optional(),
});
export type Consent = z.infer<typeof ConsentSchema>;

/**
 * The coach's own log of warnings (minimal; later issue). Stored only inside the encrypted vault.
 * Holds ids and what happened, never the message text.
 */
export const LogEntrySchema = z.strictObject({
  at: isoDateTime,
  event: z.enum(['warning-shown', 'sent-anyway', 'cancelled', 'edited']),
  app: z.enum(PROTECTED_APPS).optional(),
  clientIds: z.array(z.string().min(1).max(100)).max(1000).default([]),
});
export type LogEntry = z.infer<typeof LogEntrySchema>;

export const VaultContentsSchema = z.strictObject({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  registry: RegistrySchema,
  clientMeta: z.record(z.string(), ClientMetaSchema).default({}),
  settings: SettingsSchema,
  consents: z.array(ConsentSchema).default([]),
  log: z.array(LogEntrySchema).default([]),
});
export type VaultContents = z.infer<typeof VaultContentsSchema>;
export type VaultContentsInput = z.input<typeof VaultContentsSchema>;

// ---------------------------------------------------------------------------------------------- earlier versions

export const VaultContentsV1Schema = z.strictObject({
  schemaVersion: z.literal(1),
  registry: RegistrySchema,
  settings: z.strictObject({
    code: CodeSetting,
    autoLockMinutes: z.number().int().min(1).max(7 * 24 * 60).optional(),
    language: LanguageSetting.optional(),
  }),
});
export type VaultContentsV1 = z.infer<typeof VaultContentsV1Schema>;

interface Migration {
  from: number;
  schema: z.ZodType;
  /** Takes a validated `from` shape, returns the shape of `from + 1` (validated by the next step). */
  migrate(old: unknown, now: Date): unknown;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    from: 1,
    schema: VaultContentsV1Schema,
    migrate(raw, now) {
      const old = raw as VaultContentsV1;
      const stamp = now.toISOString();
      return {
        schemaVersion: 2,
        registry: old.registry,
        // Creation dates were not recorded in v1: the migration date is the best honest value.
        clientMeta: Object.fromEntries(old.registry.clients.map((c) => [c.id, { createdAt: stamp, updatedAt: stamp }])),
        settings: {
          code: old.settings.code,
          ...(old.settings.autoLockMinutes !== undefined ? { autoLockMinutes: old.settings.autoLockMinutes } : {}),
          ...(old.settings.language !== undefined ? { language: old.settings.language } : {}),
        },
        consents: [],
        log: [],
      };
    },
  },
];

export interface ParsedContents {
  contents: VaultContents;
  /** The version found on disk when it was older than current (so the caller re-saves it), else null. */
  migratedFrom: number | null;
}

/**
 * Validates decrypted vault JSON, migrating older versions step by step.
 * 'unknown-version' for a newer version, 'corrupt' for anything invalid. Never echoes values.
 */
export function parseVaultContents(raw: unknown, now: Date = new Date()): ParsedContents {
  if (!raw || typeof raw !== 'object') throw new VaultError('corrupt');
  const version = (raw as { schemaVersion?: unknown }).schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) throw new VaultError('corrupt');
  if (version > CURRENT_SCHEMA_VERSION) throw new VaultError('unknown-version');
  let current: unknown = raw;
  for (let v = version; v < CURRENT_SCHEMA_VERSION; v++) {
    const step = MIGRATIONS.find((m) => m.from === v);
    if (!step) throw new VaultError('internal');
    const parsed = step.schema.safeParse(current);
    if (!parsed.success) throw new VaultError('corrupt');
    current = step.migrate(parsed.data, now);
  }
  const parsed = VaultContentsSchema.safeParse(current);
  if (!parsed.success) throw new VaultError('corrupt');
  return { contents: parsed.data, migratedFrom: version < CURRENT_SCHEMA_VERSION ? version : null };
}

/** Parses decrypted plaintext (JSON text). */
export function parseVaultPlaintext(plaintext: string, now?: Date): ParsedContents {
  let raw: unknown;
  try {
    raw = JSON.parse(plaintext);
  } catch {
    throw new VaultError('corrupt');
  }
  return parseVaultContents(raw, now);
}

/** Fresh contents for a new vault: every setting at its default, a createdAt for every client. */
export function newVaultContents(registry: Registry, code: z.infer<typeof CodeSetting>, now: Date = new Date()): VaultContents {
  const stamp = now.toISOString();
  return VaultContentsSchema.parse({
    schemaVersion: CURRENT_SCHEMA_VERSION,
    registry,
    clientMeta: Object.fromEntries(registry.clients.map((c) => [c.id, { createdAt: stamp, updatedAt: stamp }])),
    settings: { code },
    consents: [],
    log: [],
  });
}

/** Validates contents before they are written (a bug must not write an invalid vault). */
export function validateVaultContents(contents: unknown): VaultContents {
  const parsed = VaultContentsSchema.safeParse(contents);
  if (!parsed.success) throw new VaultError('internal');
  return parsed.data;
}
