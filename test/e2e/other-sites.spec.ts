/**
 * Other sites (issue #4): an AI chat is not guarded until the coach switches it on in the settings; then the
 * browser's permission for that one site lets Discreet register its guard there, and switching it off removes it.
 *
 * Playwright cannot answer the browser's permission prompt. The coach's "Allow" is given beforehand the other
 * way a user can grant site access: chrome://extensions (developerPrivate.addHostPermission, what its
 * "site access" controls call). Chromium then answers Discreet's own permissions.request() without a prompt, so
 * the preset button, the request and the registration below are Discreet's real code path.
 */
import type { Page } from '@playwright/test';
import type { ExtensionSession } from './support/extension';
import { dialogText, expectMarked, guardPresent } from './support/guard-ui';
import { expect, test } from './support/session';
import { openApp, type AppHandle } from './support/sites';
import { typeInto } from './support/typing';

test.use({ registry: { version: 1 as const, clients: [{ id: 'c1', name: 'Marieke Verhoeven' }] } });
const CHATGPT = ['https://chatgpt.com/*', 'https://chat.openai.com/*'];

/** The coach's answer "Allow" for these sites, given through chrome://extensions. */
async function allowInBrowser(session: ExtensionSession, patterns: string[]): Promise<void> {
  const page = await session.context.newPage();
  try {
    await page.goto('chrome://extensions');
    for (const p of patterns) {
      await page.evaluate(([id, pattern]) => (globalThis as any).chrome.developerPrivate.addHostPermission(id, pattern), [session.extensionId, p]);
    }
  } finally {
    await page.close();
  }
}

async function openSettings(session: ExtensionSession): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/options.html#settings`);
  await page.getByRole('heading', { name: 'Andere sites' }).waitFor();
  return page;
}

async function typeClientAndSend(app: AppHandle): Promise<void> {
  await typeInto(app, 'prompt', 'Hoe help ik Marieke Verhoeven verder?');
  await app.page.waitForTimeout(600); // the guard's pause before a scan, and then some
  await app.page.keyboard.press('Enter');
}

test('an AI chat is guarded only after the coach switches it on, and no longer after switching it off', async ({ session }) => {
  // Off by default: no guard on chatgpt.com, the prompt goes out as typed.
  let chat = await openApp(session.context, 'chatbot');
  await typeClientAndSend(chat);
  await expect.poll(async () => (await chat.sent()).length).toBe(1);
  expect(await guardPresent(chat.page)).toBe(false);
  await chat.page.close();

  await allowInBrowser(session, CHATGPT);
  const settings = await openSettings(session);
  await expect(settings.getByText('ChatGPT: wordt niet bewaakt')).toBeVisible();
  await settings.getByRole('button', { name: 'ChatGPT bewaken' }).click();
  await expect(settings.getByText('ChatGPT wordt nu bewaakt. Herlaad open tabbladen van deze site.')).toBeVisible();
  await expect(settings.getByText('ChatGPT: wordt bewaakt')).toBeVisible();

  // Now guarded: the name is marked while typing and Enter is stopped with the warning.
  chat = await openApp(session.context, 'chatbot');
  await typeInto(chat, 'prompt', 'Hoe help ik Marieke Verhoeven'); // the caret ends in the mention: its tooltip shows
  await expectMarked(chat.page, 'Marieke Verhoeven');
  await chat.page.keyboard.press('Enter');
  await expect.poll(() => dialogText(chat.page), { timeout: 5000 }).toContain('Marieke Verhoeven');
  expect(await chat.sent()).toHaveLength(0);
  await chat.page.close();

  await settings.getByRole('button', { name: 'ChatGPT niet meer bewaken' }).click();
  await expect(settings.getByText('ChatGPT wordt niet meer bewaakt.')).toBeVisible();
  const granted = await settings.evaluate(() => (globalThis as any).chrome.permissions.getAll());
  expect(granted.origins).not.toContain('https://chatgpt.com/*');

  chat = await openApp(session.context, 'chatbot');
  await typeClientAndSend(chat);
  await expect.poll(async () => (await chat.sent()).length).toBe(1);
  expect(await guardPresent(chat.page)).toBe(false);
});

test('a site the coach types is checked before the browser is asked', async ({ session }) => {
  const settings = await openSettings(session);
  const field = settings.getByLabel('Andere site bewaken');
  for (const [input, message] of [
    ['http://forum.voorbeeld.nl', 'Discreet bewaakt alleen beveiligde sites (https).'],
    ['mail.google.com', 'Deze site wordt al standaard bewaakt.'],
    ['localhost', 'Dit is geen webadres dat Discreet kan bewaken.'],
  ] as const) {
    await field.fill(input);
    await field.press('Enter');
    await expect(settings.getByRole('alert')).toContainText(message);
  }
  // Nothing was granted along the way.
  const granted = await settings.evaluate(() => (globalThis as any).chrome.permissions.getAll());
  expect(granted.origins.filter((o: string) => !/google|outlook|linkedin|teams|slack/.test(o))).toEqual([]);
});

/**
 * The toolbar popup as the coach sees it over `tab`. The popup asks the browser for the active tab of its own
 * window; chrome.action.openPopup() does open the real popup here, but Playwright cannot reach into it (it is
 * no Page). So popup.html is loaded in a tab of the same window while `tab` is the active one: the same
 * question to the browser, the same answer, the same code after it.
 */
async function popupOver(session: ExtensionSession, tab: Page): Promise<Page> {
  const popup = await session.context.newPage();
  await tab.bringToFront();
  await popup.goto(`chrome-extension://${session.extensionId}/popup.html`); // navigating does not activate it
  await popup.getByRole('button', { name: 'Nu vergrendelen' }).waitFor();
  return popup;
}

/** The popup's line about the site of the tab it was opened over. */
async function popupSiteLine(session: ExtensionSession, tab: Page): Promise<{ text: string; on: boolean }> {
  const popup = await popupOver(session, tab);
  try {
    const line = popup.locator('.facts li').first();
    return { text: (await line.textContent()) ?? '', on: (await line.getAttribute('class')) === 'site-on' };
  } finally {
    await popup.close();
  }
}

const NOT_PROTECTED = { text: 'Deze site wordt niet bewaakt.', on: false };

test('the popup over an other site says it is protected exactly while the coach has it switched on', async ({ session }) => {
  const chat = await openApp(session.context, 'chatbot');
  expect(await popupSiteLine(session, chat.page)).toEqual(NOT_PROTECTED);

  // The browser's site access alone is not Discreet's switch: nothing is guarded there yet, so the popup says so.
  await allowInBrowser(session, CHATGPT);
  expect(await popupSiteLine(session, chat.page)).toEqual(NOT_PROTECTED);

  const settings = await openSettings(session);
  await settings.getByRole('button', { name: 'ChatGPT bewaken' }).click();
  await expect(settings.getByText('ChatGPT: wordt bewaakt')).toBeVisible();
  expect(await popupSiteLine(session, chat.page)).toEqual({ text: 'Deze site wordt bewaakt (chatgpt.com).', on: true });
  // Another site the coach did not switch on, in the same browser, at the same time: not protected.
  const other = await session.context.newPage();
  await other.route('https://forum.voorbeeld.nl/**', (r) => r.fulfill({ contentType: 'text/html', body: '<textarea></textarea>' }));
  await other.goto('https://forum.voorbeeld.nl/');
  expect(await popupSiteLine(session, other)).toEqual(NOT_PROTECTED);

  await settings.getByRole('button', { name: 'ChatGPT niet meer bewaken' }).click();
  await expect(settings.getByText('ChatGPT wordt niet meer bewaakt.')).toBeVisible();
  expect(await popupSiteLine(session, chat.page)).toEqual(NOT_PROTECTED);
});
