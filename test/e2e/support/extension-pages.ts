/**
 * The extension's own pages (options page, popup) as a coach opens them, and messages to the background
 * sent from such a page, as its own scripts send them (only extension pages may talk to the vault).
 *
 *   const page = await openOptions(session, '#clients');
 *   expect(await sendFromPage(page, { type: 'vault:lock' })).toMatchObject({ ok: true });
 */
import type { Page } from '@playwright/test';
import type { ExtensionSession } from './extension';

export const optionsUrl = (session: ExtensionSession, hash = '') => `chrome-extension://${session.extensionId}/options.html${hash}`;
export const popupUrl = (session: ExtensionSession) => `chrome-extension://${session.extensionId}/popup.html`;

/** A new tab with the options page (at `hash`, e.g. '#settings'). */
export async function openOptions(session: ExtensionSession, hash = ''): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(optionsUrl(session, hash));
  return page;
}

/** A new tab with the popup. */
export async function openPopup(session: ExtensionSession): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(popupUrl(session));
  return page;
}

/** Sends one message to the background from this extension page and returns the answer. */
export function sendFromPage(page: Page, message: unknown): Promise<any> {
  return page.evaluate((m) => (globalThis as any).chrome.runtime.sendMessage(m), message as any);
}
