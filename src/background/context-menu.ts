/**
 * The context menu "Als cliënt toevoegen" / "Add as client" on a text selection: opens the options page
 * with the client form prefilled. The selection travels through storage.session only (see src/ui/prefill.ts).
 */
import browser from 'webextension-polyfill';
import { defineMessages, detectLanguage } from '../i18n';
import { ADD_CLIENT_HASH, storePrefill } from '../ui/prefill';

export const ADD_CLIENT_MENU_ID = 'discreet-add-client';

const t = defineMessages({
  nl: { addAsClient: 'Als cliënt toevoegen aan Discreet' },
  en: { addAsClient: 'Add as client to Discreet' },
});

let currentTitleLanguage: 'nl' | 'en' = detectLanguage();

/** Follows the language setting from the vault (while unlocked); 'auto' or unknown = the browser's language. */
export function updateAddClientMenuLanguage(setting: 'auto' | 'nl' | 'en' | undefined): void {
  const language = setting === 'nl' || setting === 'en' ? setting : detectLanguage();
  if (language === currentTitleLanguage || !browser.contextMenus) return;
  currentTitleLanguage = language;
  // The item may not exist yet (before onInstalled ran): then there is nothing to update.
  browser.contextMenus.update(ADD_CLIENT_MENU_ID, { title: t('addAsClient', undefined, language) }).catch(() => undefined);
}

export function registerAddClientMenu(): void {
  const menus = browser.contextMenus;
  if (!menus) return; // permission missing (e.g. a build without it): nothing to register
  browser.runtime.onInstalled.addListener(async () => {
    await menus.removeAll();
    menus.create({
      id: ADD_CLIENT_MENU_ID,
      // The saved language lives in the encrypted vault: until it is unlocked, the browser's language.
      title: t('addAsClient', undefined, currentTitleLanguage),
      contexts: ['selection'],
    });
  });
  menus.onClicked.addListener(async (info) => {
    if (info.menuItemId !== ADD_CLIENT_MENU_ID) return;
    await storePrefill(info.selectionText ?? '');
    await browser.tabs.create({ url: browser.runtime.getURL(`/options.html${ADD_CLIENT_HASH}`) });
  });
}
