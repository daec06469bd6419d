/**
 * Hands a text selection from the context menu ("Als cliënt toevoegen") to the options page.
 * Kept in storage.session (memory only, extension pages only, gone when the browser closes), never in
 * storage.local or in the URL (URLs end up in the browser history). Read once, then removed.
 */
import browser from 'webextension-polyfill';

export const PREFILL_KEY = 'discreet:add-client-prefill';
/** The hash the options page opens with; the selection itself is never in the URL. */
export const ADD_CLIENT_HASH = '#add-client';
const MAX_AGE_MS = 2 * 60 * 1000;

export interface Prefill {
  text: string;
  at: number;
}

const clean = (text: string) => text.replace(/\s+/g, ' ').trim().slice(0, 500);

export async function storePrefill(text: string, now = Date.now()): Promise<void> {
  await browser.storage.session.set({ [PREFILL_KEY]: { text: clean(text), at: now } satisfies Prefill });
}

/** The pending selection, if any and recent; removes it so it is used only once. */
export async function takePrefill(now = Date.now()): Promise<string | null> {
  const got = (await browser.storage.session.get(PREFILL_KEY))[PREFILL_KEY] as Prefill | undefined;
  if (!got) return null;
  await browser.storage.session.remove(PREFILL_KEY);
  if (typeof got.text !== 'string' || typeof got.at !== 'number' || now - got.at > MAX_AGE_MS) return null;
  return clean(got.text) || null;
}
