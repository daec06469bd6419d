/**
 * The options page's and popup's calls to the background. Every answer is checked for shape; a missing
 * answer (worker restarting) becomes the error 'no-answer' instead of a silent failure.
 */
import browser from 'webextension-polyfill';
import type { ClientDraftInput, ClientRecord, ConsentDraftInput, LogRecord, OverviewResponse, PageRequest, Result } from '../protocol';
import type { Client, RegistryInput } from '../registry';
import type { VaultSettings } from '../vault/schema';

type Answer<T extends object = {}> = Result<T>;

async function send<T extends object = {}>(message: PageRequest | { type: string; [k: string]: unknown }): Promise<Answer<T>> {
  try {
    const answer = (await browser.runtime.sendMessage(message)) as Answer<T> | undefined;
    if (!answer || typeof answer !== 'object' || typeof (answer as { ok?: unknown }).ok !== 'boolean') {
      return { ok: false, error: 'no-answer' };
    }
    return answer;
  } catch {
    return { ok: false, error: 'no-answer' };
  }
}

export const api = {
  overview: () => send<Omit<OverviewResponse, 'ok'>>({ type: 'ui:overview' }),
  unlock: (passphrase: string) => send({ type: 'vault:unlock', passphrase }),
  lock: () => send({ type: 'vault:lock' }),
  setup: (passphrase: string, registry: RegistryInput, code: VaultSettings['code']) =>
    send({ type: 'vault:setup', passphrase, registry, code }),
  listClients: () => send<{ clients: ClientRecord[] }>({ type: 'clients:list' }),
  saveClient: (client: ClientDraftInput) => send<{ id: string }>({ type: 'clients:save', client }),
  deleteClient: (id: string) => send({ type: 'clients:delete', id }),
  deleteDueClients: () => send<{ removed: number }>({ type: 'clients:delete-due' }),
  importClients: (clients: Client[]) => send<{ added: number; updated: number }>({ type: 'clients:import', clients }),
  getSettings: () => send<{ settings: VaultSettings }>({ type: 'settings:get' }),
  saveSettings: (settings: VaultSettings) => send({ type: 'settings:save', settings }),
  exportBackup: () => send<{ backup: string }>({ type: 'vault:export-backup' }),
  restoreBackup: (backup: string, passphrase: string) => send({ type: 'vault:restore-backup', backup, passphrase }),
  recoverPrevious: (passphrase: string) => send({ type: 'vault:recover-previous', passphrase }),
  changePassphrase: (current: string, next: string) => send({ type: 'vault:change-passphrase', current, next }),
  /** Register the guard on exactly the other sites the browser has granted (after a permission change). */
  syncOtherSites: () => send<{ patterns: string[] }>({ type: 'sites:sync' }),
  /** The unencrypted list (JSON or CSV text), after the background checked the passphrase again. */
  exportPlain: (passphrase: string, format: 'json' | 'csv') => send<{ text: string }>({ type: 'clients:export-plain', passphrase, format }),
  saveConsent: (consent: ConsentDraftInput) => send<{ id: string }>({ type: 'consents:save', consent }),
  deleteConsent: (id: string) => send({ type: 'consents:delete', id }),
  deleteIgnoreRule: (id: string) => send({ type: 'ignore:delete', id }),
  listLog: () => send<{ entries: LogRecord[] }>({ type: 'log:list' }),
  /** The accountability log as CSV (client names outside the encryption): the passphrase is checked again, as for the plain list. */
  exportLogCsv: (passphrase: string) => send<{ text: string }>({ type: 'log:export-csv', passphrase }),
};

/** The UI language is mirrored (not secret: 'auto' | 'nl' | 'en') so locked screens speak it too. */
const LANGUAGE_KEY = 'discreet:ui-language';

export async function rememberLanguage(language: VaultSettings['language']): Promise<void> {
  try {
    await browser.storage.local.set({ [LANGUAGE_KEY]: language });
  } catch {
    /* not important enough to fail anything */
  }
}

export async function rememberedLanguage(): Promise<VaultSettings['language']> {
  try {
    const v = (await browser.storage.local.get(LANGUAGE_KEY))[LANGUAGE_KEY];
    return v === 'nl' || v === 'en' ? v : 'auto';
  } catch {
    return 'auto';
  }
}
