/**
 * The guard end to end: the built extension on the fixture apps at their real URLs.
 * What a coach would notice: a client's name gets marked while typing; every send path is stopped
 * while it is there and the warning names the client; going back keeps the draft exactly; "send anyway"
 * sends once, unchanged; a message without clients sends once with no dialog; the editor keeps working.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { EXTENSION_DIR } from './support/extension';
import { dialogOpen, dialogText, expectMarked, marksText, noticeText, sendAnywayByKeyboard, underlineBoxes } from './support/guard-ui';
import { expect, test } from './support/session';
import { openApp, type AppHandle, type AppName } from './support/sites';
import { addUnknownEditor, typeInto, wordBox } from './support/typing';
import { lockVault, send } from './support/vault';

test.use({
  registry: {
    version: 1 as const,
    clients: [
      { id: 'c1', name: 'Marieke Verhoeven', identifiers: ['marieke.verhoeven@example.com'] },
      { id: 'c2', name: 'Bram Koster' },
      // Gmail fixture: compose2 and the reply go to p.jansen@example.org only.
      { id: 'c3', name: 'Pieter Jansen', identifiers: ['p.jansen@example.org'] },
      // Teams fixture: the chat is with Anouk de Wit.
      { id: 'c4', name: 'Anouk de Wit' },
      // LinkedIn messaging fixture: the conversation is with Sanne Bakker.
      { id: 'c5', name: 'Sanne Bakker' },
    ],
  },
});

interface Case {
  app: AppName;
  surface: string;
  /** Keyboard send shortcut from inside the editor, or null when the app sends by button only. */
  key: string | null;
  /** What the coach does first to reach the surface. */
  prepare?: (app: AppHandle) => Promise<void>;
}

const CASES: Case[] = [
  { app: 'gmail', surface: 'compose1', key: 'Control+Enter' },
  { app: 'slack', surface: 'channel', key: 'Enter' },
  { app: 'teams', surface: 'chat', key: 'Enter' },
  { app: 'linkedin-feed', surface: 'post', key: null },
  {
    app: 'linkedin-feed',
    surface: 'comment',
    key: null,
    prepare: (app) => app.page.locator('.artdeco-modal__dismiss').click(), // close the share box over the feed
  },
  { app: 'linkedin-messaging', surface: 'message', key: 'Enter' },
  { app: 'outlook', surface: 'compose', key: 'Control+Enter' },
];

for (const c of CASES) {
  test.describe(`${c.app} ${c.surface}`, () => {
    test('a client mention is marked, every send path is stopped, Escape keeps the draft, send anyway sends once unchanged', async ({ session }) => {
      const app = await openApp(session.context, c.app);
      const { page } = app;
      await c.prepare?.(app);
      const draft = 'Goed gesprek gehad met Marieke Verhoeven';
      await typeInto(app, c.surface, draft);
      await expectMarked(page, 'Marieke Verhoeven');
      const before = await app.editorText(c.surface);
      expect(before).toBe(draft);

      // Button.
      await app.surface(c.surface).send.click();
      await expect.poll(() => dialogText(page)).toContain('Marieke Verhoeven');
      expect(await app.sent()).toEqual([]);
      await page.keyboard.press('Escape');
      await expect.poll(() => dialogOpen(page)).toBe(false);
      expect(await app.editorText(c.surface)).toBe(before);
      // Back in the editor with the mention selected (selection only).
      expect(await page.evaluate(() => document.getSelection()?.toString())).toBe('Marieke Verhoeven');

      // Keyboard.
      if (c.key) {
        await page.keyboard.press('End');
        await page.keyboard.press(c.key);
        await expect.poll(() => dialogText(page)).toContain('Marieke Verhoeven');
        expect(await app.sent()).toEqual([]);
        await page.keyboard.press('Escape');
        await expect.poll(() => dialogOpen(page)).toBe(false);
        expect(await app.editorText(c.surface)).toBe(before);
      }

      // Send anyway: exactly once, text unchanged.
      await app.surface(c.surface).send.click();
      await expect.poll(() => dialogOpen(page)).toBe(true);
      await sendAnywayByKeyboard(page);
      await expect.poll(async () => (await app.sent()).length).toBe(1);
      const sent = await app.sent();
      expect(sent[0]!.text).toBe(draft);
      expect(await dialogOpen(page)).toBe(false);
      await page.waitForTimeout(300);
      expect((await app.sent()).length).toBe(1);
    });

    test('a message without client mentions sends exactly once with no dialog, even right after typing', async ({ session }) => {
      const app = await openApp(session.context, c.app);
      const { page } = app;
      await c.prepare?.(app);
      const draft = 'Zullen we donderdag om tien uur afspreken?';
      await typeInto(app, c.surface, draft);
      // No pause: the guard has to check the fresh text itself, then send once.
      if (c.key) await page.keyboard.press(c.key);
      else await app.surface(c.surface).send.click();
      await expect.poll(async () => (await app.sent()).length).toBe(1);
      expect((await app.sent())[0]!.text).toBe(draft);
      expect(await dialogOpen(page)).toBe(false);
      await page.waitForTimeout(300);
      expect((await app.sent()).length).toBe(1);
    });
  });
}

test('gmail: the editor HTML is untouched by marks; Shift+Enter still makes a new line; undo still works', async ({ session }) => {
  const app = await openApp(session.context, 'gmail');
  const { page } = app;
  const editor = app.surface('compose1').editor;
  await editor.click();
  // Watch the editor from the page itself: any DOM change Discreet made would show up here.
  await editor.evaluate((el) => {
    (window as any).__mutations = 0;
    new MutationObserver((records) => ((window as any).__mutations += records.length)).observe(el, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
    });
  });
  await page.keyboard.type('Hallo Marieke Verhoeven');
  const typedHtml = await editor.innerHTML();
  const typedMutations = await page.evaluate(() => (window as any).__mutations);
  await expectMarked(page, 'Marieke Verhoeven');
  await page.waitForTimeout(200);
  expect(await editor.innerHTML()).toBe(typedHtml);
  expect(await page.evaluate(() => (window as any).__mutations)).toBe(typedMutations);

  await page.keyboard.press('Shift+Enter');
  await page.keyboard.type('tweede regel');
  expect(await app.editorText('compose1')).toBe('Hallo Marieke Verhoeven\ntweede regel');
  expect(await dialogOpen(page)).toBe(false);

  await page.keyboard.press('Control+z');
  expect(await app.editorText('compose1')).not.toBe('Hallo Marieke Verhoeven\ntweede regel');
});

test('slack: Shift+Enter makes a new line and undo works while a mention is marked', async ({ session }) => {
  const app = await openApp(session.context, 'slack');
  const { page } = app;
  await typeInto(app, 'channel', 'Vraag over Marieke Verhoeven');
  await expectMarked(page, 'Marieke Verhoeven');
  await page.keyboard.press('Shift+Enter');
  await page.keyboard.type('en nog iets');
  expect(await app.editorText('channel')).toBe('Vraag over Marieke Verhoeven\nen nog iets');
  expect(await dialogOpen(page)).toBe(false);
  expect(await app.sent()).toEqual([]);
  await page.keyboard.press('Control+z');
  await expect.poll(() => app.editorText('channel')).not.toBe('Vraag over Marieke Verhoeven\nen nog iets');
});

test('gmail: an e-mail only to the client themself is not blocked for that client', async ({ session }) => {
  const app = await openApp(session.context, 'gmail');
  const { page } = app;
  // compose2 goes to p.jansen@example.org only: Pieter Jansen's own address.
  await typeInto(app, 'compose2', 'Beste Pieter Jansen');
  // Still marked, but as "to the client themself".
  await expectMarked(page, 'Aan de cliënt zelf');
  await page.keyboard.type(', tot donderdag.');
  await page.waitForTimeout(400);
  await app.surface('compose2').send.click();
  await expect.poll(async () => (await app.sent()).length).toBe(1);
  expect(await dialogOpen(page)).toBe(false);
  expect((await app.sent())[0]!.text).toBe('Beste Pieter Jansen, tot donderdag.');
});

test('gmail: mentioning another client in an e-mail to a client still blocks, and the dialog says which', async ({ session }) => {
  const app = await openApp(session.context, 'gmail');
  const { page } = app;
  await typeInto(app, 'compose2', 'Beste Pieter Jansen, groet ook Bram Koster');
  await expectMarked(page, 'Bram Koster');
  await app.surface('compose2').send.click();
  await expect.poll(() => dialogText(page)).toContain('Bram Koster');
  const text = await dialogText(page);
  expect(text).toContain('p.jansen@example.org');
  expect(text).toMatch(/aan de cliënt zelf/);
  expect(text).toMatch(/LVSC-code art\. 5|Register Loopbaanprofessional/);
  expect(await app.sent()).toEqual([]);
});

test('teams: a chat with the client themself is not blocked for that client', async ({ session }) => {
  const app = await openApp(session.context, 'teams');
  const { page } = app;
  await typeInto(app, 'chat', 'Hoi Anouk de Wit, tot morgen');
  await page.waitForTimeout(400);
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await app.sent()).length).toBe(1);
  expect(await dialogOpen(page)).toBe(false);
});

test('the page cannot find the registered name anywhere it can reach while marks and dialog are shown', async ({ session }) => {
  const app = await openApp(session.context, 'gmail');
  const { page } = app;
  // Only the first name is typed; the registered surname and the other clients must stay unknown to the page.
  await typeInto(app, 'compose1', 'Morgen zie ik Marieke');
  await expectMarked(page, 'Marieke Verhoeven');
  await page.keyboard.press('Control+Enter');
  await expect.poll(() => dialogText(page)).toContain('Marieke Verhoeven');
  const leaks = await page.evaluate(() => {
    const found: string[] = [];
    const needles = ['Verhoeven', 'Bram Koster', 'Koster', 'Anouk de Wit'];
    const scan = (where: string, s: string) => needles.forEach((n) => s.includes(n) && found.push(`${where}: ${n}`));
    scan('outerHTML', document.documentElement.outerHTML);
    scan('innerText', document.body.innerText);
    const walk = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.shadowRoot) {
          scan(`open shadow of ${el.tagName}`, el.shadowRoot.innerHTML);
          walk(el.shadowRoot);
        }
      }
    };
    walk(document);
    for (const tag of ['discreet-marks', 'discreet-dialog', 'discreet-notice']) {
      const host = document.querySelector(tag);
      if (host?.shadowRoot) found.push(`${tag} has a readable shadowRoot`);
      if (host?.textContent) found.push(`${tag} has light-DOM text`);
    }
    const highlights = (CSS as any).highlights;
    if (highlights && highlights.size > 0) found.push('CSS.highlights used');
    return found;
  });
  expect(leaks).toEqual([]);
});

test('locked vault: the send is stopped and the dialog offers to unlock', async ({ session }) => {
  const app = await openApp(session.context, 'slack');
  const { page } = app;
  await lockVault(session);
  await typeInto(app, 'channel', 'Gewoon een berichtje');
  await page.keyboard.press('Enter');
  await expect.poll(() => dialogText(page)).toMatch(/vergrendeld/);
  expect(await dialogText(page)).toMatch(/Ontgrendelen/);
  expect(await app.sent()).toEqual([]);
  await expect.poll(() => noticeText(page)).toMatch(/ontgrendel/i);
  await page.keyboard.press('Escape');
  await expect.poll(() => dialogOpen(page)).toBe(false);
  expect(await app.editorText('channel')).toBe('Gewoon een berichtje');

  // "Unlock" (keyboard: Shift+Tab from "back") opens the extension's unlock page.
  await page.keyboard.press('Enter');
  await expect.poll(() => dialogOpen(page)).toBe(true);
  const opened = session.context.waitForEvent('page');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  expect((await opened).url()).toContain(`chrome-extension://${session.extensionId}/options.html`);
  expect(await app.sent()).toEqual([]);
});

test('a page script cannot press "send anyway" or make the dialog go away', async ({ session }) => {
  const app = await openApp(session.context, 'slack');
  const { page } = app;
  await typeInto(app, 'channel', 'Update over Bram Koster');
  await expectMarked(page, 'Bram Koster');
  await page.keyboard.press('Enter');
  await expect.poll(() => dialogOpen(page)).toBe(true);
  await page.evaluate(() => {
    const host = document.querySelector('discreet-dialog')!;
    host.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    host.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    host.remove();
  });
  await page.waitForTimeout(300);
  expect(await dialogOpen(page)).toBe(true);
  expect(await app.sent()).toEqual([]);
  expect(await dialogText(page)).toContain('Bram Koster');
});

test('a page cannot use the guard as an oracle: a script planting a name and sending gets no reaction', async ({ session }) => {
  const app = await openApp(session.context, 'gmail');
  const { page } = app;
  await page.waitForTimeout(1200); // no user gesture just before
  const probe = await page.evaluate(async () => {
    const body = document.querySelector('[data-fx-surface=compose1] [g_editable=true]') as HTMLElement;
    body.textContent = 'Bram Koster';
    await new Promise((r) => setTimeout(r, 500)); // give any scan time to finish
    const send = document.querySelector('[data-fx-surface=compose1] [data-tooltip^="Send"]') as HTMLElement;
    let reachedApp = false;
    send.addEventListener('click', () => (reachedApp = true), { once: true });
    const notCancelled = send.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    await new Promise((r) => setTimeout(r, 300));
    return { reachedApp, notCancelled, dialog: document.querySelector('discreet-dialog') !== null };
  });
  expect(probe).toEqual({ reachedApp: true, notCancelled: true, dialog: false });
});

test('a pasted mention is caught even when sent at once', async ({ session }) => {
  const app = await openApp(session.context, 'slack');
  const { page } = app;
  await app.surface('channel').editor.click();
  // Paste through a real paste event carrying the text (as the clipboard would).
  await app.surface('channel').editor.evaluate((el) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', 'Notitie over Bram Koster');
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  });
  await expect.poll(() => app.editorText('channel')).toBe('Notitie over Bram Koster');
  await page.keyboard.press('Enter');
  await expect.poll(() => dialogText(page)).toContain('Bram Koster');
  expect(await app.sent()).toEqual([]);
});

test('an editor Discreet does not know says so instead of staying silent', async ({ session }) => {
  const app = await openApp(session.context, 'gmail');
  const { page } = app;
  // The app adds a new kind of editor (e.g. after an update).
  await page.locator(await addUnknownEditor(page, 'fx-unknown-editor', 'min-height:80px;border:1px solid #ccc')).click();
  await expect.poll(() => noticeText(page)).toContain('kan dit invoerveld niet beschermen');
  // A known editor: the notice goes away.
  await app.surface('compose1').editor.click();
  await expect.poll(() => noticeText(page)).not.toContain('kan dit invoerveld niet beschermen');
});

test('gmail: a client in the subject blocks too, and the dialog says it is in the subject', async ({ session }) => {
  const app = await openApp(session.context, 'gmail');
  const { page } = app;
  await app.surface('compose1').subject!.fill('Verslag Bram Koster');
  await typeInto(app, 'compose1', 'Zie bijlage.');
  await app.surface('compose1').send.click();
  await expect.poll(() => dialogText(page)).toContain('in het onderwerp');
  expect(await dialogText(page)).toContain('Bram Koster');
  expect(await app.sent()).toEqual([]);
});

test('gmail: a mention in one compose window does not hold up another', async ({ session }) => {
  const app = await openApp(session.context, 'gmail');
  const { page } = app;
  await typeInto(app, 'compose1', 'Over Marieke Verhoeven');
  await expectMarked(page, 'Marieke Verhoeven');
  await typeInto(app, 'compose2', 'De agenda voor donderdag staat klaar.');
  await page.waitForTimeout(300);
  await page.keyboard.press('Control+Enter');
  await expect.poll(async () => (await app.sent()).length).toBe(1);
  expect((await app.sent())[0]).toMatchObject({ surface: 'compose2', text: 'De agenda voor donderdag staat klaar.' });
  expect(await dialogOpen(page)).toBe(false);
  expect(await app.editorText('compose1')).toBe('Over Marieke Verhoeven');
});

test('teams (CKEditor 5): Shift+Enter makes a soft break and undo works while a mention is marked', async ({ session }) => {
  const app = await openApp(session.context, 'teams');
  const { page } = app;
  await typeInto(app, 'chat', 'Vraag over Bram Koster');
  await expectMarked(page, 'Bram Koster');
  await page.keyboard.press('Shift+Enter');
  await page.keyboard.type('en nog iets');
  expect(await app.editorText('chat')).toBe('Vraag over Bram Koster\nen nog iets');
  expect(await dialogOpen(page)).toBe(false);
  expect(await app.sent()).toEqual([]);
  await page.keyboard.press('Control+z');
  await expect.poll(() => app.editorText('chat')).not.toBe('Vraag over Bram Koster\nen nog iets');
});

test('the underline sits under the name and follows typing before it and scrolling', async ({ session }) => {
  const app = await openApp(session.context, 'gmail');
  const { page } = app;
  const sel = '[data-fx-surface=compose1] [g_editable=true]';
  await typeInto(app, 'compose1', 'Over Bram Koster');
  await expectMarked(page, 'Bram Koster');
  const near = async () => {
    const word = (await wordBox(page.locator(sel).first(), 'Bram Koster'))!;
    const boxes = await underlineBoxes(page);
    return boxes.some((b) => Math.abs(b.x - word.x) < 2 && Math.abs(b.width - word.width) < 2 && Math.abs(b.y - word.bottom) < 4);
  };
  await expect.poll(near).toBe(true);

  // Reflow: text typed before the name moves it; the underline moves along.
  await page.keyboard.press('Home');
  await page.keyboard.type('Een vraag. ');
  await expect.poll(near).toBe(true);

  // Scroll: many lines push the name out of the editor's view and back.
  await page.keyboard.press('Home');
  for (let i = 0; i < 20; i++) await page.keyboard.press('Shift+Enter');
  await page.locator(sel).evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect.poll(near).toBe(true);
  await page.locator(sel).evaluate((el) => (el.scrollTop = 0));
  // Out of the editor's visible box: no underline drawn over the page.
  await expect.poll(async () => (await underlineBoxes(page)).length).toBe(0);
});

test('hovering a mention shows who it is; moving away hides it', async ({ session }) => {
  const app = await openApp(session.context, 'slack');
  const { page } = app;
  await typeInto(app, 'channel', 'Over Bram Koster gesproken');
  await expect.poll(async () => (await underlineBoxes(page)).length).toBeGreaterThan(0);
  // The caret is outside the mention: no tooltip yet.
  expect(await marksText(page)).not.toContain('Bram Koster');
  const word = (await wordBox(page.locator('.p-view_contents--primary .ql-editor').first(), 'Bram Koster'))!;
  await page.mouse.move(word.x + word.width / 2, word.bottom - 4);
  await expect.poll(() => marksText(page)).toContain('Cliënt: Bram Koster');
  await page.mouse.move(5, 5);
  await expect.poll(() => marksText(page)).not.toContain('Bram Koster');
});

test.describe('bundle', () => {
  test('the content script stays within its 60 KB budget and does not carry zod', async () => {
    const code = readFileSync(path.join(EXTENSION_DIR, 'guard.js'), 'utf8');
    expect(Buffer.byteLength(code)).toBeLessThanOrEqual(60_000);
    expect(code).not.toMatch(/ZodError|\$ZodType/);
  });
});

for (const c of [
  { app: 'outlook' as const, surface: 'compose', text: 'Beste Pieter Jansen, tot donderdag.', send: 'Control+Enter' },
  { app: 'linkedin-messaging' as const, surface: 'message', text: 'Hoi Sanne Bakker, tot donderdag.', send: 'Enter' },
]) {
  test(`${c.app}: a message only to the client themself is not blocked for that client`, async ({ session }) => {
    const app = await openApp(session.context, c.app);
    const { page } = app;
    await typeInto(app, c.surface, c.text);
    await page.waitForTimeout(400);
    await page.keyboard.press(c.send);
    await expect.poll(async () => (await app.sent()).length).toBe(1);
    expect(await dialogOpen(page)).toBe(false);
    expect((await app.sent())[0]!.text).toBe(c.text);
  });
}

test('gmail: adding a colleague to an e-mail to the client makes the client mention block again', async ({ session }) => {
  const app = await openApp(session.context, 'gmail');
  const { page } = app;
  await typeInto(app, 'compose2', 'Beste Pieter Jansen, tot donderdag.');
  await page.locator('[data-fx-surface=compose2] .anm[name=cc] input').fill('collega@praktijk.nl');
  await page.locator('[data-fx-surface=compose2] .anm[name=cc] input').press('Enter');
  await app.surface('compose2').send.click();
  await expect.poll(() => dialogText(page)).toContain('Pieter Jansen');
  expect(await dialogText(page)).toContain('collega@praktijk.nl');
  expect(await app.sent()).toEqual([]);
});

test('the coach’s settings reach the guard: protection off for Slack lets the send through; English when chosen', async ({ session }) => {
  const got = await send(session, { type: 'settings:get' });
  expect(got.ok).toBe(true);
  const saved = await send(session, {
    type: 'settings:save',
    settings: { ...got.settings, language: 'en', protectedSites: { ...got.settings.protectedSites, slack: false } },
  });
  expect(saved.ok).toBe(true);

  const slack = await openApp(session.context, 'slack');
  await typeInto(slack, 'channel', 'Over Bram Koster');
  await slack.page.waitForTimeout(400);
  await slack.page.keyboard.press('Enter');
  await expect.poll(async () => (await slack.sent()).length).toBe(1);
  expect(await dialogOpen(slack.page)).toBe(false);

  const gmail = await openApp(session.context, 'gmail');
  await typeInto(gmail, 'compose1', 'Over Bram Koster');
  await expectMarked(gmail.page, 'Client: Bram Koster');
  await gmail.surface('compose1').send.click();
  await expect.poll(() => dialogText(gmail.page)).toContain('This message mentions a client');
  expect(await gmail.sent()).toEqual([]);
});
