/**
 * The one typed set of messages between content scripts, extension pages and the background.
 *
 * The background validates every request with these schemas (a page cannot forge its way in,
 * a malformed message is refused with a reason). Content scripts import only the *types* from
 * here (`import type`), so zod never lands in the content-script bundle, which loads on every page.
 */
import { z } from 'zod';
import { ClientSchema, RegistrySchema } from './registry';
import { SettingsSchema } from './vault/schema';
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

/** A client as the options page lists it. */
export type ClientRecord = z.infer<typeof ClientSchema> & {
  trajectoryStart?: string;
  trajectoryEnd?: string;
  updatedAt?: string;
  /** The retention period after the trajectory's end has passed: the coach is reminded to delete. */
  retentionDue?: true;
};

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
export type Result<T extends object = {}> = ({ ok: true } & T) | { ok: false; error: string; waitMs?: number };
