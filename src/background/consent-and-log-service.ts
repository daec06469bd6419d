/**
 * The consent register, the coach's false-alarm rules and the accountability log, on top of a VaultSession
 * (like client-list-service). Runs in the background only.
 *
 * Content scripts may send `log:send-anyway` and `ignore:add` (the guard's dialog); everything else here is
 * for extension pages only (the background checks the sender). Errors are stable codes, never client data.
 * The log is purged of entries past the retention period (LVSC 4.4) at unlock and whenever an entry is
 * added; list and export never show such entries even before that write.
 */
import { LOG_ERRORS, buildLogEntry, logCsv, newestFirst, purgeLog } from '../accountability/log';
import { normalizeDomain, normalizeEmail } from '../consent/consent-matching';
import { detectLanguage, type Language } from '../i18n';
import type { ConsentDraft, ContentRequest, LogRecord, PageRequest, Result } from '../protocol';
import { VAULT_ERROR_CODES } from '../vault/errors';
import type { Consent, IgnoreRule, LogEntry, VaultContents } from '../vault/schema';
import { normalizeName } from './scan-service';
import type { VaultSession } from './vault-session';

/** The error codes this service answers with: the vault's plus its own. */
export const CONSENT_LOG_ERRORS = [
  ...VAULT_ERROR_CODES,
  ...LOG_ERRORS,
  'not-found',
  'end-before-start',
  /** A consent's e-mail address or domain is not one. */
  'invalid-audience',
  /** A consent's purpose is blank. */
  'purpose-required',
  'bad-request',
] as const;

type ContentTypes = 'log:send-anyway' | 'ignore:add';
type PageTypes = 'consents:save' | 'consents:delete' | 'ignore:delete' | 'log:list' | 'log:export-csv';
export type ConsentLogContentRequest = Extract<ContentRequest, { type: ContentTypes }>;
export type ConsentLogPageRequest = Extract<PageRequest, { type: PageTypes }>;
export type ConsentLogRequest = ConsentLogContentRequest | ConsentLogPageRequest;

const CONTENT_TYPES: readonly string[] = ['log:send-anyway', 'ignore:add'] satisfies ContentTypes[];
const PAGE_TYPES: readonly string[] = ['consents:save', 'consents:delete', 'ignore:delete', 'log:list', 'log:export-csv'] satisfies PageTypes[];

export function isConsentLogContentRequest(req: ContentRequest): req is ConsentLogContentRequest {
  return CONTENT_TYPES.includes(req.type);
}
export function isConsentLogPageRequest(req: PageRequest): req is ConsentLogPageRequest {
  return PAGE_TYPES.includes(req.type);
}

export interface ConsentLogServiceOptions {
  now?: () => Date;
  newId?: (kind: 'consent' | 'log' | 'ignore') => string;
  /** The language for 'auto' (the browser's). */
  browserLanguage?: () => Language;
  /** Time zone of the CSV's date and time column (default: this machine's). */
  timeZone?: string;
}

function code(message: string): never {
  throw new Error(message);
}

export function createConsentAndLogService(vault: VaultSession, options: ConsentLogServiceOptions = {}) {
  const now = options.now ?? (() => new Date());
  const newId = options.newId ?? ((kind: string) => `${kind}-${crypto.randomUUID()}`);
  const browserLanguage = options.browserLanguage ?? (() => detectLanguage());

  function unlocked(): VaultContents {
    return vault.contents() ?? code('locked');
  }

  function hasClient(c: VaultContents, id: string): boolean {
    return c.registry.clients.some((x) => x.id === id);
  }

  /** Entries within the retention period, as of now. */
  function current(c: VaultContents): LogEntry[] {
    return purgeLog(c.log, c.settings.retentionYears, now()).kept;
  }

  /** Lower-cased, deduplicated addresses and domains; 'invalid-audience' when one is not an address or domain. */
  function normalizedAudience(draft: ConsentDraft): Consent['audience'] {
    const emails = draft.audience.emails.map((e) => normalizeEmail(e) || code('invalid-audience'));
    const domains = draft.audience.domains.map((d) => normalizeDomain(d) || code('invalid-audience'));
    return { emails: [...new Set(emails)], domains: [...new Set(domains)], publicPosts: draft.audience.publicPosts };
  }

  async function saveConsent(draft: ConsentDraft): Promise<string> {
    unlocked();
    if (draft.validUntil !== undefined && draft.validUntil < draft.givenOn) code('end-before-start');
    const purpose = draft.purpose.trim() || code('purpose-required');
    const audience = normalizedAudience(draft);
    const id = draft.id ?? newId('consent');
    const stamp = now().toISOString();
    const party = draft.party?.trim();
    const keptAt = draft.keptAt?.trim();
    await vault.update((c) => {
      if (!hasClient(c, draft.clientId)) code('not-found');
      const index = c.consents.findIndex((x) => x.id === id);
      // An existing consent stays with its client: a form cannot move it to someone else.
      if (draft.id !== undefined && (index < 0 || c.consents[index]!.clientId !== draft.clientId)) code('not-found');
      const consent: Consent = {
        id,
        clientId: draft.clientId,
        information: [...new Set(draft.information)],
        audience,
        ...(party ? { party } : {}),
        purpose,
        givenOn: draft.givenOn,
        ...(draft.validUntil !== undefined ? { validUntil: draft.validUntil } : {}),
        ...(keptAt ? { keptAt } : {}),
        createdAt: index >= 0 ? c.consents[index]!.createdAt : stamp,
        updatedAt: stamp,
      };
      const consents = [...c.consents];
      if (index < 0) consents.push(consent);
      else consents[index] = consent;
      return { ...c, consents };
    });
    return id;
  }

  async function deleteConsent(id: string): Promise<void> {
    unlocked();
    await vault.update((c) => {
      if (!c.consents.some((x) => x.id === id)) code('not-found');
      return { ...c, consents: c.consents.filter((x) => x.id !== id) };
    });
  }

  async function addIgnoreRule(req: Extract<ConsentLogContentRequest, { type: 'ignore:add' }>): Promise<string> {
    unlocked();
    const term = normalizeName(req.term);
    if (term.length === 0 || term.length > 200) code('bad-request');
    let id = newId('ignore');
    await vault.update((c) => {
      if (!hasClient(c, req.clientId)) code('not-found');
      const same = c.ignoreRules.find((r) => r.clientId === req.clientId && r.situation === req.situation && r.term === term);
      if (same) {
        id = same.id;
        return c;
      }
      const rule: IgnoreRule = { id, clientId: req.clientId, term, situation: req.situation, createdAt: now().toISOString() };
      return { ...c, ignoreRules: [...c.ignoreRules, rule] };
    });
    return id;
  }

  async function deleteIgnoreRule(id: string): Promise<void> {
    unlocked();
    await vault.update((c) => {
      if (!c.ignoreRules.some((x) => x.id === id)) code('not-found');
      return { ...c, ignoreRules: c.ignoreRules.filter((x) => x.id !== id) };
    });
  }

  async function logSendAnyway(req: Extract<ConsentLogContentRequest, { type: 'log:send-anyway' }>): Promise<string> {
    unlocked();
    const entry = buildLogEntry(req, { id: newId('log'), at: now() });
    // Client ids as the guard saw them: a client deleted meanwhile still has its decision logged (by id only).
    await vault.update((c) => ({ ...c, log: [...current(c), entry] }));
    return entry.id;
  }

  function records(c: VaultContents): LogRecord[] {
    const names = new Map(c.registry.clients.map((x) => [x.id, x.name]));
    return newestFirst(current(c)).map((e) => ({ ...e, clientLabels: e.clientIds.map((id) => names.get(id) ?? null) }));
  }

  async function exportCsv(passphrase: string): Promise<string> {
    unlocked();
    // A real re-open of the stored vault: KDF, key check, the wrong-passphrase throttle (as clients:export-plain).
    await vault.unlock(passphrase);
    const c = unlocked();
    const language = c.settings.language === 'auto' ? browserLanguage() : c.settings.language;
    return logCsv(records(c), language, options.timeZone);
  }

  return {
    async handle(req: ConsentLogRequest): Promise<Result<Record<string, unknown>>> {
      try {
        switch (req.type) {
          case 'log:send-anyway':
            return { ok: true, id: await logSendAnyway(req) };
          case 'ignore:add':
            return { ok: true, id: await addIgnoreRule(req) };
          case 'consents:save':
            return { ok: true, id: await saveConsent(req.consent) };
          case 'consents:delete':
            await deleteConsent(req.id);
            return { ok: true };
          case 'ignore:delete':
            await deleteIgnoreRule(req.id);
            return { ok: true };
          case 'log:list':
            return { ok: true, entries: records(unlocked()) };
          case 'log:export-csv':
            return { ok: true, text: await exportCsv(req.passphrase) };
        }
      } catch (e) {
        // Only known codes pass; any other message could hold data, so it becomes 'internal'.
        const message = e instanceof Error ? e.message : '';
        return { ok: false, error: (CONSENT_LOG_ERRORS as readonly string[]).includes(message) ? message : 'internal' };
      }
    },

    /**
     * Removes log entries past the retention period, writing only when there are any (call at unlock).
     * Answers how many went; never throws (the next added entry purges again).
     */
    async purgeLog(): Promise<number> {
      const c = vault.contents();
      if (!c || purgeLog(c.log, c.settings.retentionYears, now()).purged === 0) return 0;
      let purged = 0;
      try {
        await vault.update((x) => {
          const r = purgeLog(x.log, x.settings.retentionYears, now());
          purged = r.purged;
          return r.purged ? { ...x, log: r.kept } : x;
        });
      } catch {
        return 0;
      }
      return purged;
    },
  };
}
