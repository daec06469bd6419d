/**
 * The options page's and popup's view of the vault: list, save and delete clients, read and save settings.
 * Runs in the background only, on top of a VaultSession; the background accepts these messages from
 * extension pages only, never from content scripts (the registry never reaches a web page).
 *
 * Errors are stable codes ('locked', 'not-found', …), never client data.
 */
import type { ClientDraft, ClientRecord, OverviewResponse, PageRequest, Result } from '../protocol';
import type { Client } from '../registry';
import { VAULT_ERROR_CODES } from '../vault/errors';
import { checkCsvExport, exportCsv, exportJson } from '../vault/export';
import { findDueForDeletion } from '../vault/retention';
import type { VaultContents, VaultSettings } from '../vault/schema';
import type { VaultSession } from './vault-session';

/** The error codes this service answers with: the vault's plus its own. */
export const KNOWN_ERRORS = [...VAULT_ERROR_CODES, 'not-found', 'end-before-start', 'csv-separator-in-value'] as const;

export type ClientListRequest = Extract<
  PageRequest,
  {
    type:
      | 'ui:overview'
      | 'clients:list'
      | 'clients:save'
      | 'clients:delete'
      | 'clients:delete-due'
      | 'clients:import'
      | 'clients:export-plain'
      | 'settings:get'
      | 'settings:save';
  }
>;

export function isClientListRequest(req: PageRequest): req is ClientListRequest {
  return [
    'ui:overview',
    'clients:list',
    'clients:save',
    'clients:delete',
    'clients:delete-due',
    'clients:import',
    'clients:export-plain',
    'settings:get',
    'settings:save',
  ].includes(req.type);
}

export interface ClientListServiceOptions {
  /** Number of clients due for deletion (src/vault/retention.ts); undefined when not known. */
  retentionDue?: (contents: VaultContents, now: Date) => number | undefined;
  now?: () => Date;
  newId?: () => string;
}

export function createClientListService(vault: VaultSession, options: ClientListServiceOptions = {}) {
  const now = options.now ?? (() => new Date());
  const newId = options.newId ?? (() => `c-${crypto.randomUUID()}`);
  const retentionDue = options.retentionDue ?? ((c: VaultContents, at: Date) => dueIds(c, at).size);

  /** Clients whose trajectory ended longer ago than the retention period (src/vault/retention.ts). */
  function dueIds(c: VaultContents, at: Date): Set<string> {
    const known = new Set(c.registry.clients.map((x) => x.id));
    return new Set(
      findDueForDeletion(c.clientMeta, at, c.settings.retentionYears)
        .due.map((d) => d.clientId)
        .filter((id) => known.has(id)),
    );
  }

  function unlocked(): VaultContents {
    const c = vault.contents();
    if (!c) throw new Error('locked');
    return c;
  }

  function toRecord(client: Client, contents: VaultContents, due: Set<string>): ClientRecord {
    const meta = contents.clientMeta[client.id];
    return {
      ...client,
      ...(due.has(client.id) ? { retentionDue: true } : {}),
      ...(meta?.trajectoryStart ? { trajectoryStart: meta.trajectoryStart } : {}),
      ...(meta?.trajectoryEnd ? { trajectoryEnd: meta.trajectoryEnd } : {}),
      ...(meta?.updatedAt ? { updatedAt: meta.updatedAt } : {}),
      consents: contents.consents.filter((x) => x.clientId === client.id).sort((a, b) => b.givenOn.localeCompare(a.givenOn)),
      ignoreRules: contents.ignoreRules.filter((x) => x.clientId === client.id),
    };
  }

  async function save(draft: ClientDraft): Promise<string> {
    unlocked();
    if (draft.trajectoryStart && draft.trajectoryEnd && draft.trajectoryEnd < draft.trajectoryStart) throw new Error('end-before-start');
    const id = draft.id ?? newId();
    const stamp = now().toISOString();
    await vault.update((c) => {
      const index = c.registry.clients.findIndex((x) => x.id === id);
      if (draft.id && index < 0) throw new Error('not-found');
      const client: Client = {
        id,
        name: draft.name,
        aliases: draft.aliases,
        identifiers: draft.identifiers,
        details: draft.details,
        ...(draft.organization ? { organization: draft.organization } : {}),
      };
      const clients = [...c.registry.clients];
      if (index < 0) clients.push(client);
      else clients[index] = client;
      const previous = c.clientMeta[id];
      const meta = {
        ...(previous?.consentNotes !== undefined ? { consentNotes: previous.consentNotes } : {}),
        ...(draft.trajectoryStart ? { trajectoryStart: draft.trajectoryStart } : {}),
        ...(draft.trajectoryEnd ? { trajectoryEnd: draft.trajectoryEnd } : {}),
        createdAt: previous?.createdAt ?? stamp,
        updatedAt: stamp,
      };
      return { ...c, registry: { ...c.registry, clients }, clientMeta: { ...c.clientMeta, [id]: meta } };
    });
    return id;
  }

  async function remove(id: string): Promise<void> {
    unlocked();
    await vault.update((c) => {
      if (!c.registry.clients.some((x) => x.id === id)) throw new Error('not-found');
      return withoutClients(c, new Set([id]));
    });
  }

  /**
   * LVSC art. 4.4: deletes, in one vault write, every client whose trajectory ended longer ago
   * than the retention period — decided here, at the moment of deletion, not by the page.
   */
  async function removeDue(): Promise<number> {
    unlocked();
    let removed = 0;
    await vault.update((c) => {
      const due = dueIds(c, now());
      removed = due.size;
      return due.size ? withoutClients(c, due) : c;
    });
    return removed;
  }

  /** The contents without these clients: registry entry, dates, consents and ignore rules all gone (no tombstones). */
  function withoutClients(c: VaultContents, ids: Set<string>): VaultContents {
    const clientMeta = Object.fromEntries(Object.entries(c.clientMeta).filter(([id]) => !ids.has(id)));
    return {
      ...c,
      registry: { ...c.registry, clients: c.registry.clients.filter((x) => !ids.has(x.id)) },
      clientMeta,
      consents: c.consents.filter((x) => !ids.has(x.clientId)),
      ignoreRules: c.ignoreRules.filter((x) => !ids.has(x.clientId)),
      // The accountability log keeps only ids (never names), so its entries stay; they show "deleted client".
    };
  }

  /** Accepts an import: same id = replace (metadata kept), new id = add. Validated as a whole by the vault. */
  async function importClients(incoming: Client[]): Promise<{ added: number; updated: number }> {
    unlocked();
    const stamp = now().toISOString();
    let added = 0;
    let updated = 0;
    await vault.update((c) => {
      const clients = [...c.registry.clients];
      const clientMeta = { ...c.clientMeta };
      const index = new Map(clients.map((x, i) => [x.id, i]));
      const seen = new Set<string>();
      for (const client of incoming) {
        if (seen.has(client.id)) throw new Error('internal');
        seen.add(client.id);
        const at = index.get(client.id);
        if (at === undefined) {
          clients.push(client);
          clientMeta[client.id] = { createdAt: stamp, updatedAt: stamp };
          added++;
        } else {
          clients[at] = client;
          const previous = clientMeta[client.id];
          clientMeta[client.id] = { ...previous, createdAt: previous?.createdAt ?? stamp, updatedAt: stamp };
          updated++;
        }
      }
      return { ...c, registry: { ...c.registry, clients }, clientMeta };
    });
    return { added, updated };
  }

  /**
   * The list as plain text, only after the passphrase was given again. The check is a real re-open of the
   * stored vault (KDF, key check and authentication, behind the wrong-passphrase throttle: a wrong one is
   * counted like any failed unlock); the session stays unlocked either way. Refuses CSV when a value holds
   * the multi-value separator (the file would not read back the same): 'csv-separator-in-value'.
   */
  async function exportPlain(passphrase: string, format: 'json' | 'csv'): Promise<string> {
    unlocked();
    await vault.unlock(passphrase);
    const { registry } = unlocked();
    if (format === 'json') return exportJson(registry);
    if (checkCsvExport(registry).length > 0) throw new Error('csv-separator-in-value');
    return exportCsv(registry);
  }

  async function overview(): Promise<OverviewResponse> {
    const exists = await vault.exists();
    const contents = vault.contents();
    if (!exists || !contents) return { ok: true, setupNeeded: !exists, locked: true };
    const due = retentionDue(contents, now());
    return {
      ok: true,
      setupNeeded: false,
      locked: false,
      clientCount: contents.registry.clients.length,
      ...(due !== undefined ? { retentionDue: due } : {}),
      settings: contents.settings,
    };
  }

  return {
    async handle(req: ClientListRequest): Promise<Result<Record<string, unknown>>> {
      try {
        switch (req.type) {
          case 'ui:overview':
            return await overview();
          case 'clients:list': {
            const c = unlocked();
            const due = dueIds(c, now());
            return { ok: true, clients: c.registry.clients.map((x) => toRecord(x, c, due)) };
          }
          case 'clients:save':
            return { ok: true, id: await save(req.client) };
          case 'clients:import':
            return { ok: true, ...(await importClients(req.clients)) };
          case 'clients:delete':
            await remove(req.id);
            return { ok: true };
          case 'clients:delete-due':
            return { ok: true, removed: await removeDue() };
          case 'clients:export-plain':
            return { ok: true, text: await exportPlain(req.passphrase, req.format) };
          case 'settings:get':
            return { ok: true, settings: unlocked().settings };
          case 'settings:save': {
            unlocked();
            const settings: VaultSettings = req.settings;
            await vault.update((c) => ({ ...c, settings }));
            return { ok: true };
          }
        }
      } catch (e) {
        // Only known codes pass; any other message could hold data, so it becomes 'internal'.
        const message = e instanceof Error ? e.message : '';
        return { ok: false, error: (KNOWN_ERRORS as readonly string[]).includes(message) ? message : 'internal' };
      }
    },
  };
}
