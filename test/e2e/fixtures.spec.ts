/**
 * Tests of the offline app FIXTURES themselves (not of the guard): with the built extension
 * loaded but no client list set up (the guard is inactive), real keystrokes in each app's real
 * editor, then each of the app's send paths, must record exactly one message with exactly the
 * typed text, and leave the editor empty. Plus: Shift+Enter line breaks, recipient chips, undo.
 * If these fail, guard tests built on the fixtures would mean nothing.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { launchWithExtension, type ExtensionSession } from './support/extension';
import { APPS, openApp, type AppHandle, type AppName, type Sent } from './support/sites';
import { typeInto } from './support/typing';

test.describe.configure({ mode: 'parallel' });

let session: ExtensionSession;
test.beforeAll(async () => {
  session = await launchWithExtension();
});
test.afterAll(async () => {
  await session?.close();
});

/** Waits until exactly `count` messages are recorded, and stays there a moment (no duplicates). */
async function expectSentCount(app: AppHandle, count: number): Promise<Sent[]> {
  await expect.poll(async () => (await app.sent()).length).toBe(count);
  await app.page.waitForTimeout(150);
  const sent = await app.sent();
  expect(sent).toHaveLength(count);
  return sent;
}

type SendPath = 'click' | 'key' | 'meta-key' | 'button-enter' | 'button-space';

/**
 * A real mouse click on a part of the element that nothing covers. With no client list the guard
 * shows its "protection is off" notice in the bottom-right corner, which can cover a send button
 * (reported to the guard's owner). When the whole button is covered, the click is dispatched to it
 * directly (noted in the test's annotations) so the fixture's own click handler is still tested.
 */
async function clickUncovered(page: Page, target: Locator): Promise<void> {
  await target.scrollIntoViewIfNeeded();
  const handle = await target.elementHandle();
  const point = await handle!.evaluate((el) => {
    const r = el.getBoundingClientRect();
    for (const fy of [0.5, 0.25, 0.75, 0.1, 0.9]) {
      for (const fx of [0.5, 0.25, 0.75, 0.1, 0.9]) {
        const x = r.left + r.width * fx;
        const y = r.top + r.height * fy;
        const hit = document.elementFromPoint(x, y);
        if (hit && (hit === el || el.contains(hit))) return { x, y };
      }
    }
    return null;
  });
  if (point) {
    await page.mouse.click(point.x, point.y);
  } else {
    test.info().annotations.push({ type: 'covered', description: 'send button fully covered (guard notice?): click dispatched' });
    await target.dispatchEvent('click');
  }
}

async function sendVia(app: AppHandle, surface: string, how: SendPath): Promise<void> {
  const s = app.surface(surface);
  if (how === 'click') await clickUncovered(app.page, s.send);
  else if (how === 'key') await app.page.keyboard.press(app.sendKey(surface)!);
  else if (how === 'meta-key') await app.page.keyboard.press('Meta+Enter'); // Cmd+Enter on macOS
  else {
    await s.send.focus();
    await app.page.keyboard.press(how === 'button-enter' ? 'Enter' : ' ');
  }
}

/** Every send path of every surface: one message each, exactly the typed text, editor emptied. */
async function checkSendPaths(app: AppHandle, paths: Partial<Record<string, SendPath[]>> = {}): Promise<void> {
  let count = (await app.sent()).length;
  for (const surface of Object.keys(app.surfaces)) {
    const how: SendPath[] = paths[surface] ?? (app.sendKey(surface) ? ['click', 'key'] : ['click']);
    for (const [i, path] of how.entries()) {
      const text = `Afspraak ${surface} ${i + 1}: donderdag om 10.00 uur, oké?`;
      await typeInto(app, surface, text, { waitForModel: true });
      await sendVia(app, surface, path);
      const sent = await expectSentCount(app, ++count);
      expect(sent.at(-1), `${app.app}/${surface} via ${path}`).toMatchObject({ surface, text });
      await expect.poll(() => app.editorText(surface)).toBe('');
    }
  }
}

/** Shift+Enter inserts a line break and does not send; the sent text has the two lines. */
async function checkShiftEnter(app: AppHandle, surface: string): Promise<void> {
  const before = (await app.sent()).length;
  await app.surface(surface).editor.click();
  await app.page.keyboard.type('eerste regel');
  await app.page.keyboard.press('Shift+Enter');
  await app.page.keyboard.type('tweede regel');
  await expect.poll(() => app.editorText(surface)).toBe('eerste regel\ntweede regel');
  expect(await app.sent()).toHaveLength(before);
  await clickUncovered(app.page, app.surface(surface).send);
  const sent = await expectSentCount(app, before + 1);
  expect(sent.at(-1)!.text).toBe('eerste regel\ntweede regel');
}

/** In apps where Enter is a new line (mail, posts, comments), Enter must not send. */
async function checkEnterIsNewline(app: AppHandle, surface: string): Promise<void> {
  const before = (await app.sent()).length;
  await app.surface(surface).editor.click();
  await app.page.keyboard.type('alinea een');
  await app.page.keyboard.press('Enter');
  await app.page.keyboard.type('alinea twee');
  await expect.poll(() => app.editorText(surface)).toBe('alinea een\nalinea twee');
  await app.page.waitForTimeout(100);
  expect(await app.sent()).toHaveLength(before);
  await clickUncovered(app.page, app.surface(surface).send);
  const sent = await expectSentCount(app, before + 1);
  expect(sent.at(-1)!.text).toBe('alinea een\nalinea twee');
}

/** Ctrl+Z undoes typing in the editor's model (and Ctrl+Shift+Z redoes it), without sending. */
async function checkUndo(app: AppHandle, surface: string): Promise<void> {
  const before = (await app.sent()).length;
  await typeInto(app, surface, 'eerste deel', { waitForModel: true });
  await app.page.waitForTimeout(1100); // past Quill's undo grouping delay (1 s)
  await app.surface(surface).editor.click(); // breaks CKEditor/TipTap typing batches too
  await app.page.keyboard.press('End');
  await app.page.keyboard.type(' tweede deel');
  await expect.poll(() => app.editorText(surface)).toBe('eerste deel tweede deel');
  await app.page.keyboard.press('Control+z');
  await expect.poll(() => app.editorText(surface)).not.toBe('eerste deel tweede deel');
  const undone = await app.editorText(surface);
  expect('eerste deel tweede deel'.startsWith(undone)).toBe(true);
  // What is on screen follows the model.
  expect((await app.surface(surface).editor.innerText()).replace(/\n+$/, '')).toBe(undone);
  await app.page.keyboard.press('Control+Shift+z');
  await expect.poll(() => app.editorText(surface)).toBe('eerste deel tweede deel');
  expect(await app.sent()).toHaveLength(before);
  // leave it empty for whatever comes next
  await app.page.keyboard.press('Control+a');
  await app.page.keyboard.press('Delete');
  await expect.poll(() => app.editorText(surface)).toBe('');
}

async function open(name: AppName): Promise<AppHandle> {
  const app = await openApp(session.context, name);
  expect(app.page.url()).toBe(APPS[name].url);
  return app;
}

test('gmail: two docked composes and an inline reply; click, Enter/Space on Send, Ctrl+Enter', async () => {
  const app = await open('gmail');
  // Like Gmail, the page enforces Trusted Types: an HTML string assigned to innerHTML throws.
  const tt = await app.page.evaluate(() => {
    try {
      document.createElement('div').innerHTML = '<b>x</b>';
      return 'allowed';
    } catch {
      return 'blocked';
    }
  });
  expect(tt).toBe('blocked');
  await checkSendPaths(app, {
    compose1: ['click', 'key', 'button-enter', 'button-space'],
    compose2: ['key', 'click', 'meta-key'],
    reply: ['key', 'button-enter'],
  });
  const sent = await app.sent();
  expect(sent.map((s) => s.surface)).toEqual(['compose1', 'compose1', 'compose1', 'compose1', 'compose2', 'compose2', 'compose2', 'reply', 'reply']);
  expect(sent[0]!.to).toEqual(['intervisie@example.nl']);
  expect(sent[4]).toMatchObject({ subject: 'Agenda', to: ['p.jansen@example.org'] });
  expect(sent[7]).toMatchObject({ subject: 'Re: vervolgafspraak', to: ['p.jansen@example.org'] });

  // Ctrl+Enter sends from anywhere in the compose, e.g. the subject line.
  await typeInto(app, 'compose1', 'Vanuit het onderwerp verstuurd', { waitForModel: true });
  await app.surface('compose1').subject!.click();
  await app.page.keyboard.type('Planning');
  await app.page.keyboard.press('Control+Enter');
  expect((await expectSentCount(app, 10)).at(-1)).toMatchObject({ surface: 'compose1', text: 'Vanuit het onderwerp verstuurd', subject: 'Planning' });

  // Typed addresses become chips on Enter and on a comma; Enter there does not send.
  const c2 = app.surface('compose2');
  await c2.recipientInput!.click();
  await app.page.keyboard.type('anouk@example.nl');
  await app.page.keyboard.press('Enter');
  await app.page.keyboard.type('bram@example.nl,');
  await expect(c2.recipients!).toHaveCount(3);
  await expect(c2.recipientInput!).toHaveValue('');
  await c2.subject!.fill('Nieuw onderwerp');
  await checkEnterIsNewline(app, 'compose2');
  expect((await app.sent()).at(-1)).toMatchObject({
    surface: 'compose2',
    subject: 'Nieuw onderwerp',
    to: ['p.jansen@example.org', 'anouk@example.nl', 'bram@example.nl'],
  });
  await checkShiftEnter(app, 'compose1');
  // The other compose was untouched by all of this.
  expect(await app.editorText('reply')).toBe('');
});

test('outlook: reading-pane compose; Send button and Ctrl+Enter; recipients resolve to chips', async () => {
  const app = await open('outlook');
  await checkSendPaths(app);
  const s = app.surface('compose');
  await s.recipientInput!.click();
  await app.page.keyboard.press('End');
  await app.page.keyboard.type('anouk@example.nl;');
  await expect(s.recipients!).toHaveCount(2);
  await checkEnterIsNewline(app, 'compose');
  expect((await app.sent()).at(-1)).toMatchObject({ subject: 'Re: Vervolgafspraak', to: ['p.jansen@example.org', 'anouk@example.nl'] });
  await checkShiftEnter(app, 'compose');
});

test('linkedin feed: Quill post composer and TipTap comment box; Post disabled while empty; undo', async () => {
  const app = await open('linkedin-feed');
  await expect(app.surface('post').send).toBeDisabled();
  await expect(app.surface('comment').send).toBeDisabled();
  await checkSendPaths(app);
  await expect(app.surface('post').send).toBeDisabled();
  await checkEnterIsNewline(app, 'post');
  await checkEnterIsNewline(app, 'comment');
  await checkShiftEnter(app, 'post');
  await checkShiftEnter(app, 'comment');
  await checkUndo(app, 'post');
  await checkUndo(app, 'comment');
});

test('linkedin messaging: Press Enter to Send, Send button disabled until there is text', async () => {
  const app = await open('linkedin-messaging');
  const s = app.surface('message');
  await expect(s.send).toBeDisabled();
  await expect(app.page.locator('.msg-thread__link-to-profile')).toHaveText('Sanne Bakker');
  await checkSendPaths(app);
  await expect(s.send).toBeDisabled();
  // Enter on an empty box sends nothing.
  await s.editor.click();
  await app.page.keyboard.press('Enter');
  await app.page.waitForTimeout(100);
  expect(await app.sent()).toHaveLength(2);
  await checkShiftEnter(app, 'message');
  // "Click Send" mode: Enter is a new line, only the button sends.
  await app.page.locator('button.msg-form__send-toggle').click();
  await app.page.getByLabel('Click Send').check();
  await app.page.locator('button.msg-form__send-toggle').click();
  await s.editor.click();
  await app.page.keyboard.type('regel een');
  await app.page.keyboard.press('Enter');
  await app.page.keyboard.type('regel twee');
  await expect.poll(() => app.editorText('message')).toMatch(/^regel een\n+regel twee$/);
  expect(await app.sent()).toHaveLength(3);
  await clickUncovered(app.page, s.send);
  expect((await expectSentCount(app, 4)).at(-1)!.text).toMatch(/^regel een\n+regel twee$/);
});

test('teams: CKEditor 5 compose; Enter and the Send button send, Shift+Enter is a soft break, undo', async () => {
  const app = await open('teams');
  const editor = app.surface('chat').editor;
  await expect(editor).toHaveAttribute('role', 'textbox');
  await expect(editor).toHaveAttribute('aria-label', 'Type a message');
  await expect(editor).toHaveAttribute('id', /^new-message-[0-9a-f-]{36}$/);
  await expect(app.page.locator('h2[data-tid="chat-title"]')).toHaveText('Anouk de Wit');
  await checkSendPaths(app);
  await checkShiftEnter(app, 'chat');
  expect((await app.sent()).at(-1)!.html).toBe('<p>eerste regel<br>tweede regel</p>');
  await checkUndo(app, 'chat');
});

test('slack: Quill channel and thread composers; Enter and Send button; Shift+Enter new line; undo', async () => {
  const app = await open('slack');
  for (const surface of ['channel', 'thread']) {
    await expect(app.page.locator(`[data-qa=message_input] .ql-editor`).nth(surface === 'channel' ? 0 : 1)).toBeVisible();
  }
  await expect(app.surface('channel').editor).toHaveAttribute('aria-label', 'Message #general');
  await checkSendPaths(app);
  await checkShiftEnter(app, 'channel');
  await checkShiftEnter(app, 'thread');
  await checkUndo(app, 'channel');
  const sent = await app.sent();
  expect(sent.filter((s) => s.surface === 'thread')).toHaveLength(3);
});

test('chatbot: textarea composer; Enter and the send button; Shift+Enter new line', async () => {
  const app = await open('chatbot');
  await checkSendPaths(app);
  await checkShiftEnter(app, 'prompt');
});

test('nothing leaves the machine: other hosts are aborted, unknown fixture paths are 404', async () => {
  const app = await open('slack');
  const page: Page = app.page;
  const outside = await page.evaluate(async () => {
    try {
      await fetch('https://example.com/beacon', { mode: 'no-cors' });
      return 'reached';
    } catch {
      return 'blocked';
    }
  });
  expect(outside).toBe('blocked');
  const missing = await page.evaluate(async () => (await fetch('/api/users.list')).status);
  expect(missing).toBe(404);
});
