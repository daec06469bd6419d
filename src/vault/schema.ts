/**
 * The plaintext inside the vault, validated with zod, versioned, with migrations from every earlier version.
 *
 * Version history:
 *  - v1: `{ schemaVersion: 1, registry, settings: { code, autoLockMinutes?, language? } }` (the first shape:
 *        the client list plus the few settings the first run asked for).
 *  - v2: adds per-client metadata (`clientMeta`), the full settings block, and the (still unused, minimal)
 *        `consents` and `log` lists.
 *  - v3 (current): the codes of conduct in the product: full consent records (what, with whom, purpose, dates),
 *        the accountability log of "send anyway" decisions (ids and reasons, never message text), and the
 *        coach's ignore rules for false alarms.
 *
 * To add v4: keep the v3 schema as `VaultContentsV3Schema`, set CURRENT_SCHEMA_VERSION = 4, append a `{ from: 3, migrate }` step.
 * A version above CURRENT_SCHEMA_VERSION is 'unknown-version': the vault is then never written to.
 */
import { z } from 'zod';
import { RegistrySchema, type Registry } from '../registry';
import { VaultError } from './errors';
import type { Situation } from '../codes/articles';

export const CURRENT_SCHEMA_VERSION = 3;

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

const id = z.string().min(1).max(100);

/** The situations a send can be in (src/codes/articles.ts `Situation`). */
export const SITUATIONS = ['public-post', 'third-party', 'message', 'supervision'] as const satisfies readonly Situation[];
export const SituationSchema = z.enum(SITUATIONS);

/**
 * What a consent lets the coach share. A finding of kind `name` is covered by name|report|all, `identifier` by
 * contact|all, `organization` by organization|report|all, `detail` by details|report|all (src/consent/).
 */
export const INFORMATION_KINDS = ['name', 'contact', 'organization', 'details', 'report', 'all'] as const;
export type InformationKind = (typeof INFORMATION_KINDS)[number];

/**
 * A client's written consent (Register Loopbaanprofessional 2.1.2 and 2.4; LVSC 2.1): what may be shared,
 * with whom, for what purpose, from when until when, and where the signed form is kept.
 */
export const ConsentSchema = z.strictObject({
  id,
  clientId: id,
  information: z.array(z.enum(INFORMATION_KINDS)).min(1).max(INFORMATION_KINDS.length),
  /** Who may receive it. A message is covered only when EVERY recipient is. */
  audience: z.strictObject({
    /** Exact e-mail addresses (compared case-insensitively). */
    emails: z.array(z.string().min(3).max(320)).max(100).default([]),
    /** Whole domains, e.g. "gemeente-zwolle.nl" (also covers subdomains). */
    domains: z.array(z.string().min(1).max(253)).max(100).default([]),
    /** Public posts (e.g. a testimonial on LinkedIn). */
    publicPosts: z.boolean().default(false),
  }),
  /** The named party as the coach calls it, e.g. "werkgever (Gemeente Zwolle)". Shown, not matched. */
  party: z.string().max(200).optional(),
  purpose: z.string().min(1).max(500),
  givenOn: isoDate,
  /** Last day the consent is valid (inclusive). */
  validUntil: isoDate.optional(),
  /** Where the signed consent is kept, e.g. "dossier, map 2026". */
  keptAt: z.string().max(500).optional(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type Consent = z.infer<typeof ConsentSchema>;
export type ConsentInput = z.input<typeof ConsentSchema>;

/** Why the coach sent anyway (the accountability log). */
export const SEND_REASONS = ['consent', 'legal', 'safety', 'false-alarm', 'other'] as const;
export type SendReason = (typeof SEND_REASONS)[number];

/**
 * One "send anyway" (RL 2.1.4 and 3.2; LVSC 3.2: breaking confidentiality is something the coach accounts for).
 * Stored only inside the encrypted vault. Client ids, never names; never the message text.
 */
export const LogEntrySchema = z.strictObject({
  id,
  at: isoDateTime,
  /** The app ('gmail', 'linkedin', … or a host name for another protected site). */
  app: z.string().min(1).max(253),
  /** The kind of channel: public post, message to a third party, direct message, supervision. */
  situation: SituationSchema,
  clientIds: z.array(id).min(1).max(1000),
  reason: z.enum(SEND_REASONS),
  /** The coach's own note (required for 'other'). */
  note: z.string().max(1000).optional(),
});
export type LogEntry = z.infer<typeof LogEntrySchema>;

/**
 * "False alarm: stop warning for this word in this kind of context for this client." Seen and undone on the
 * client's page. `term` is the matched text, normalised as src/background/scan-service.ts `normalizeName`.
 */
export const IgnoreRuleSchema = z.strictObject({
  id,
  clientId: id,
  term: z.string().min(1).max(200),
  situation: SituationSchema,
  createdAt: isoDateTime,
});
export type IgnoreRule = z.infer<typeof IgnoreRuleSchema>;

export const VaultContentsSchema = z.strictObject({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  registry: RegistrySchema,
  clientMeta: z.record(z.string(), ClientMetaSchema).default({}),
  settings: SettingsSchema,
  consents: z.array(ConsentSchema).default([]),
  log: z.array(LogEntrySchema).default([]),
  ignoreRules: z.array(IgnoreRuleSchema).default([]),
});
export type VaultContents = z.infer<typeof VaultContentsSchema>;
export type VaultContentsInput = z.input<typeof VaultContentsSchema>;

// ---------------------------------------------------------------------------------------------- earlier versions

/** v2's minimal consent and log shapes (never written by any released version; migrated conservatively). */
const ConsentV2Schema = z.strictObject({
  clientId: id,
  scope: z.string().min(1).max(200),
  grantedAt: isoDateTime,
  expiresAt: isoDateTime.optional(),
  note: z.string().max(5000).optional(),
});
const LogEntryV2Schema = z.strictObject({
  at: isoDateTime,
  event: z.enum(['warning-shown', 'sent-anyway', 'cancelled', 'edited']),
  app: z.enum(PROTECTED_APPS).optional(),
  clientIds: z.array(id).max(1000).default([]),
});

export const VaultContentsV2Schema = z.strictObject({
  schemaVersion: z.literal(2),
  registry: RegistrySchema,
  clientMeta: z.record(z.string(), ClientMetaSchema).default({}),
  settings: SettingsSchema,
  consents: z.array(ConsentV2Schema).default([]),
  log: z.array(LogEntryV2Schema).default([]),
});
export type VaultContentsV2 = z.infer<typeof VaultContentsV2Schema>;

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
  {
    from: 2,
    schema: VaultContentsV2Schema,
    migrate(raw, now) {
      const old = raw as VaultContentsV2;
      const stamp = now.toISOString();
      return {
        ...old,
        schemaVersion: 3,
        // A v2 consent said only "scope": keep it as the purpose, but let it cover nothing (no information
        // kind beyond the name, no audience) until the coach completes it: a migration must never widen consent.
        consents: old.consents.map((c, i) => ({
          id: `consent-v2-${i + 1}`,
          clientId: c.clientId,
          information: ['name'],
          audience: { emails: [], domains: [], publicPosts: false },
          purpose: c.scope,
          givenOn: c.grantedAt.slice(0, 10),
          ...(c.expiresAt ? { validUntil: c.expiresAt.slice(0, 10) } : {}),
          ...(c.note ? { keptAt: c.note.slice(0, 500) } : {}),
          createdAt: stamp,
          updatedAt: stamp,
        })),
        // v2 logged events without reasons; only "sent anyway" is an accountability entry.
        log: old.log
          .filter((e) => e.event === 'sent-anyway' && e.clientIds.length > 0)
          .map((e, i) => ({ id: `log-v2-${i + 1}`, at: e.at, app: e.app ?? 'unknown', situation: 'message', clientIds: e.clientIds, reason: 'other' })),
        ignoreRules: [],
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
    ignoreRules: [],
  });
}

/** Validates contents before they are written (a bug must not write an invalid vault). */
export function validateVaultContents(contents: unknown): VaultContents {
  const parsed = VaultContentsSchema.safeParse(contents);
  if (!parsed.success) throw new VaultError('internal');
  return parsed.data;
}
