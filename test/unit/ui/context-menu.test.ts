import { beforeEach, describe, expect, it, vi } from 'vitest';

const calls = vi.hoisted(() => ({
  created: [] as any[],
  updated: [] as any[],
  sessionSet: [] as any[],
  localSet: [] as any[],
  tabs: [] as any[],
  onInstalled: [] as Array<() => Promise<void>>,
  onClicked: [] as Array<(info: any) => Promise<void>>,
}));

vi.mock('webextension-polyfill', () => ({
  default: {
    runtime: {
      onInstalled: { addListener: (l: () => Promise<void>) => calls.onInstalled.push(l) },
      getURL: (p: string) => `chrome-extension://id${p}`,
    },
    contextMenus: {
      removeAll: async () => undefined,
      create: (item: any) => calls.created.push(item),
      update: async (id: string, props: any) => void calls.updated.push({ id, ...props }),
      onClicked: { addListener: (l: (info: any) => Promise<void>) => calls.onClicked.push(l) },
    },
    storage: {
      session: { set: async (v: any) => void calls.sessionSet.push(v) },
      local: { set: async (v: any) => void calls.localSet.push(v) },
    },
    tabs: { create: async (v: any) => void calls.tabs.push(v) },
  },
}));

import { ADD_CLIENT_MENU_ID, registerAddClientMenu, updateAddClientMenuLanguage } from '../../../src/background/context-menu';
import { PREFILL_KEY } from '../../../src/ui/prefill';

describe('"Als cliënt toevoegen" context menu', () => {
  beforeEach(() => {
    for (const list of Object.values(calls)) list.length = 0;
  });

  it('appears on text selections only', async () => {
    registerAddClientMenu();
    await calls.onInstalled[0]!();
    expect(calls.created).toHaveLength(1);
    expect(calls.created[0]).toMatchObject({ id: ADD_CLIENT_MENU_ID, contexts: ['selection'] });
    expect(calls.created[0].title).toMatch(/Als cliënt toevoegen|Add as client/);
  });

  it('hands the selection to a new options tab through storage.session, never storage.local or the URL', async () => {
    registerAddClientMenu();
    await calls.onClicked[0]!({ menuItemId: ADD_CLIENT_MENU_ID, selectionText: '  Sterre\n de Boer ' });
    expect(calls.sessionSet).toHaveLength(1);
    expect(calls.sessionSet[0][PREFILL_KEY]).toMatchObject({ text: 'Sterre de Boer' });
    expect(calls.localSet).toEqual([]);
    expect(calls.tabs).toEqual([{ url: 'chrome-extension://id/options.html#add-client' }]);
    expect(calls.tabs[0].url).not.toContain('Sterre');
  });

  it('ignores other menu items', async () => {
    registerAddClientMenu();
    await calls.onClicked[0]!({ menuItemId: 'something-else', selectionText: 'x' });
    expect(calls.sessionSet).toEqual([]);
    expect(calls.tabs).toEqual([]);
  });

  it('follows the language setting', () => {
    updateAddClientMenuLanguage('en');
    updateAddClientMenuLanguage('nl');
    expect(calls.updated.map((u) => u.title)).toEqual(expect.arrayContaining(['Als cliënt toevoegen aan Discreet']));
    expect(calls.updated.at(-1)).toEqual({ id: ADD_CLIENT_MENU_ID, title: 'Als cliënt toevoegen aan Discreet' });
  });
});
