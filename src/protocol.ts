/**
 * The one typed set of messages between content scripts, extension pages and the background.
 *
 * The background validates every request with these schemas (a page cannot forge its way in,
 * a malformed message is refused with a reason). Content scripts import only the *types* from
 * here (`import type`), so zod never lands in the content-script bundle, which loads on every page.
 */
import { z } from 'zod';
import { ClientSchema, RegistrySchema } from './registry';
import { ConsentSchema, SEND_REASONS, SettingsSchema, SituationSchema, type Consent, type IgnoreRule, type LogEntry } from './vault/schema';
import type { WarningArticle } from './codes';
import type { Finding } from './detect/types';

export const CodeChoice = z.enum(['lvsc', 'rl', 'both']);
export type CodeChoice = z.infer<typeof CodeChoice>;

const passphrase = z.string().min(1).max(1024);

/** Requests any extension context may send (content scripts included). */
export const ContentRequest = z.discriminatedUnion('type', [
  z.object({ type: z.literal('status') }),
  z.object({
    type: z.literal('scan'),
    /** The editor's plain text (body, or subject). Capped so a hostile page cannot exhaust memory. */
    text: z.string().max(10_000_000),
    /** Who the message goes to, read by the site adapter; findings about a client who is the only audience are marked `toClient`. */
    recipients: z
      .object({
        emails: z.array(z.string().max(320)).max(500),
        partner: z.string().max(300).optional(),
      })
      .optional(),
    /** Which app the text is in ('gmail', 'linkedin', …), so the coach's per-site switch applies. */
    app: z.string().max(40).optional(),
    /** The kind of channel (the adapter's situation), so the coach's ignore rules for that context apply. */
    situation: SituationSchema.optional(),
  }),
  /**
   * The articles to cite in the warning for this situation, in the coach's code(s) and language (the texts
   * live in the background, not in the content script). Answer: Result<{ articles: WarningArticle[] }>.
   */
  z.object({ type: z.literal('warning-articles'), situation: SituationSchema }),
  /**
   * The coach chose "send anyway": one accountability-log entry (ids and reason, never message text).
   * Answer: Result<{ id: string }>; 'locked' when the vault is locked.
   */
  z.object({
    type: z.literal('log:send-anyway'),
    app: z.string().min(1).max(253),
    situation: SituationSchema,
    clientIds: z.array(z.string().min(1).max(100)).min(1).max(1000),
    reason: z.enum(SEND_REASONS),
    note: z.string().max(1000).optional(),
  }),
  /**
   * After "false alarm": stop warning for this matched text, for this client, in this kind of channel.
   * `term` is the matched text as it stands in the message (the background normalises it). Answer: Result<{ id: string }>.
   */
  z.object({
    type: z.literal('ignore:add'),
    clientId: z.string().min(1).max(100),
    term: z.string().min(1).max(200),
    situation: SituationSchema,
  }),
  /** The guard asks to open the unlock page (options) after a trusted click in its notice or dialog. */
  z.object({ type: z.literal('open-unlock') }),
]);
export type ContentRequest = z.infer<typeof ContentRequest>;

const isoDate = z.iso.date();

/** A client as the options form edits it: registry fields plus trajectory dates. No id = a new client. */
export const ClientDraft = ClientSchema.extend({
  id: ClientSchema.shape.id.optional(),
  trajectoryStart: isoDate.optional(),
  trajectoryEnd: isoDate.optional(),
});
export type ClientDraft = z.infer<typeof ClientDraft>;
export type ClientDraftInput = z.input<typeof ClientDraft>;

/** A consent as the client's page edits it. No id = a new consent; the background sets the timestamps. */
export const ConsentDraft = ConsentSchema.omit({ createdAt: true, updatedAt: true }).extend({ id: ConsentSchema.shape.id.optional() });
export type ConsentDraft = z.infer<typeof ConsentDraft>;
export type ConsentDraftInput = z.input<typeof ConsentDraft>;

/** A client as the options page lists it. */
export type ClientRecord = z.infer<typeof ClientSchema> & {
  trajectoryStart?: string;
  trajectoryEnd?: string;
  updatedAt?: string;
  /** The retention period after the trajectory's end has passed: the coach is reminded to delete. */
  retentionDue?: true;
  /** The client's consent records, newest first. */
  consents: Consent[];
  /** The coach's "stop warning for this word" rules for this client. */
  ignoreRules: IgnoreRule[];
};

/** A log entry as the options page shows it: client ids resolved to today's names (absent = client deleted). */
export type LogRecord = LogEntry & { clientLabels: (string | null)[] };

/** What the popup and options page show at a glance. Counts only while unlocked. */
export type OverviewResponse = {
  ok: true;
  setupNeeded: boolean;
  locked: boolean;
  clientCount?: number;
  /** Clients whose retention period has passed (due for deletion); absent when unknown. */
  retentionDue?: number;
  settings?: z.infer<typeof SettingsSchema>;
};

/** Requests only extension pages (options, popup) may send: they touch the vault. */
export const PageRequest = z.discriminatedUnion('type', [
  z.object({ type: z.literal('vault:setup'), passphrase, registry: RegistrySchema, code: CodeChoice }),
  z.object({ type: z.literal('vault:unlock'), passphrase }),
  z.object({ type: z.literal('vault:lock') }),
  // Vault maintenance (src/background/encrypted-vault-session.ts).
  z.object({ type: z.literal('vault:change-passphrase'), current: passphrase, next: passphrase }),
  /** Answer: Result<{ backup: string }>: the encrypted envelope text, to save as a file. */
  z.object({ type: z.literal('vault:export-backup') }),
  /** Replaces the vault with a backup (checked fully first; nothing changes on error) and unlocks it. */
  z.object({ type: z.literal('vault:restore-backup'), backup: z.string().min(1).max(60_000_000), passphrase }),
  /** After unlock answered 'corrupt' / 'unknown-version': open the previous generation (the damaged one is kept). */
  z.object({ type: z.literal('vault:recover-previous'), passphrase }),
  // Options page and popup (src/background/client-list-service.ts).
  z.object({ type: z.literal('ui:overview') }),
  z.object({ type: z.literal('clients:list') }),
  z.object({ type: z.literal('clients:save'), client: ClientDraft }),
  z.object({ type: z.literal('clients:delete'), id: z.string().min(1).max(100) }),
  /** Deletes every client past the retention period (LVSC art. 4.4) in one write. Answer: Result<{ removed: number }>. */
  z.object({ type: z.literal('clients:delete-due') }),
  /** Accepting an import preview: clients with a known id replace it, the others are added. */
  z.object({ type: z.literal('clients:import'), clients: z.array(ClientSchema).min(1).max(100_000) }),
  z.object({ type: z.literal('settings:get') }),
  z.object({ type: z.literal('settings:save'), settings: SettingsSchema }),
  /**
   * The list as a plain (unencrypted) JSON or CSV file. The passphrase is checked again through the vault's
   * KDF and throttle (a wrong one counts as a failed attempt). Answer: Result<{ text: string }>.
   */
  z.object({ type: z.literal('clients:export-plain'), passphrase, format: z.enum(['json', 'csv']) }),
  // Consent register, ignore rules and accountability log (issue #5).
  /** Adds (no id) or replaces a consent record. Answer: Result<{ id: string }>; 'not-found' for an unknown client or consent. */
  z.object({ type: z.literal('consents:save'), consent: ConsentDraft }),
  z.object({ type: z.literal('consents:delete'), id: z.string().min(1).max(100) }),
  /** Undo an ignore rule (shown on the client's page). */
  z.object({ type: z.literal('ignore:delete'), id: z.string().min(1).max(100) }),
  /** The accountability log, newest first. Answer: Result<{ entries: LogRecord[] }>. */
  z.object({ type: z.literal('log:list') }),
  /**
   * The log as CSV (date, app, channel, clients, reason, note). It names clients outside the encryption, so,
   * like `clients:export-plain`, only with the passphrase given again (checked through the vault's KDF and
   * throttle; a wrong one counts as a failed attempt). Answer: Result<{ text: string }>.
   */
  z.object({ type: z.literal('log:export-csv'), passphrase }),
]);
export type PageRequest = z.infer<typeof PageRequest>;

export interface StatusResponse {
  /** true when no vault exists yet (first run not finished). */
  setupNeeded: boolean;
  locked: boolean;
}

/** A finding as the content script sees it: offsets plus what to show the coach. */
export interface GuardFinding extends Finding {
  /** The client's display name, shown in the mark's tooltip and the warning dialog (closed shadow root only). */
  clientLabel: string;
  /** The message goes only to this client (every e-mail recipient is theirs, or they are the DM partner): shown, not blocking. */
  toClient?: boolean;
  /**
   * The client's consent that bears on this finding: 'covered' (valid, covers this kind of information and
   * every recipient: shown, not blocking) or why the closest consent does not cover it (still blocking).
   */
  consent?: ConsentVerdict;
}

export interface ConsentVerdict {
  status: 'covered' | 'expired' | 'not-yet-valid' | 'audience-not-covered' | 'information-not-covered';
  /** The consent's date given (YYYY-MM-DD), purpose and party, for "consent of <date> for <purpose>". */
  givenOn: string;
  purpose: string;
  party?: string;
  validUntil?: string;
}

export type ScanResponse =
  | { locked: true; /** true when no vault exists yet: nothing to protect, the guard does not block. */ setupNeeded?: boolean }
  | {
      locked: false;
      findings: GuardFinding[];
      /** The coach's code of conduct, for the citation in the warning (default both). */
      code?: CodeChoice;
      /** The coach's language setting, so the guard speaks it too. */
      language?: 'auto' | 'nl' | 'en';
      /** false when the coach switched protection off for this app (then findings is empty). */
      siteEnabled?: boolean;
    };

/** `error` is a stable code (see src/vault/errors.ts), never user data. */
/** `waitMs`: after a wrong passphrase, how long the next attempt will wait (the throttle), when there is a wait. */
export type WarningArticlesResponse = Result<{ articles: WarningArticle[] }>;

export type Result<T extends object = {}> = ({ ok: true } & T) | { ok: false; error: string; waitMs?: number };
