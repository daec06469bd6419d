/**
 * "Anonimiseren" from a mark's tooltip, end to end (issue #5): the built extension on the fixture apps.
 * What a coach would notice: hovering a client mention opens its tooltip, the pointer can travel to it without
 * it closing, its "Anonimiseren" replaces every mention through the editor (the same action as the warning's),
 * the caret stays in the editor and the app then sends only placeholders. With the caret in a mention,
 * Alt+Shift+A does the same. A page script clicking at the tooltip or forging the shortcut changes nothing.
 */
import { DRAFT, DRAFT_CLIENTS, EXPECTED, SECRETS } from './support/clients';
import { marksText, noticeText, overlayBox } from './support/guard-ui';
import { expect, test } from './support/session';
import { openApp, type AppHandle, type AppName } from './support/sites';
import { typeInto, wordBox } from './support/typing';

test.use({
  registry: {
    version: 1 as const,
    clients: [
      ...DRAFT_CLIENTS,
      // Gmail fixture: compose2 goes to p.jansen@example.org only.
      { id: 'c3', name: 'Pieter Jansen', identifiers: ['p.jansen@example.org'] },
    ],
  },
});

const editorHasFocus = (app: AppHandle, surface: string) =>
  app.surface(surface).editor.evaluate((ed) => ed === document.activeElement || ed.contains(document.activeElement));

async function typeDraft(app: AppHandle, surface: string): Promise<void> {
  await typeInto(app, surface, DRAFT);
  expect(await app.editorText(surface)).toBe(DRAFT);
  // The caret is at the end, outside every mention: the tooltip waits for the pointer.
  await expect.poll(async () => (await wordBox(app.surface(surface).editor, 'Bram Koster')) !== null).toBe(true);
  await app.page.waitForTimeout(600); // the scan of the last keystrokes
}

/** Hovers "Bram Koster" and returns where the tooltip's button is. */
async function hoverMention(app: AppHandle, surface: string) {
  const { page } = app;
  const word = (await wordBox(app.surface(surface).editor, 'Bram Koster'))!;
  await page.mouse.move(word.x + word.width / 2, word.bottom - 4);
  await expect.poll(() => marksText(page)).toContain('Cliënt: Bram Koster');
  expect(await marksText(page)).toContain('Anonimiseren');
  const button = await overlayBox(page, 'BUTTON');
  expect(button).not.toBeNull();
  return { word, button: button! };
}

async function sendAndCheck(app: AppHandle, surface: string, expected: string): Promise<void> {
  expect(await app.sent()).toEqual([]); // never sent by itself
  await app.surface(surface).send.click();
  await expect.poll(async () => (await app.sent()).length).toBe(1);
  const sent = (await app.sent())[0]!;
  expect(sent.text).toBe(expected);
  for (const s of SECRETS) expect(JSON.stringify(sent).toLowerCase()).not.toContain(s.toLowerCase());
}

const CASES: Array<{ app: AppName; surface: string }> = [
  { app: 'slack', surface: 'channel' },
  { app: 'gmail', surface: 'compose1' },
];

for (const c of CASES) {
  test.describe(`${c.app} ${c.surface}`, () => {
    test('hover a mention, move to its tooltip, click "Anonimiseren": placeholders in the editor, caret kept, only placeholders sent', async ({ session }) => {
      const app = await openApp(session.context, c.app);
      const { page } = app;
      await typeDraft(app, c.surface);
      const { button } = await hoverMention(app, c.surface);
      // The pointer travels from the mark to the button (over the gap between them) in small steps.
      await page.mouse.move(button.x + button.width / 2, button.y + button.height / 2, { steps: 8 });
      await page.waitForTimeout(400); // longer than the grace time: still open because the pointer is on it
      expect(await marksText(page)).toContain('Anonimiseren');
      await page.mouse.down();
      expect(await editorHasFocus(app, c.surface)).toBe(true); // pressing the button does not take focus
      await page.mouse.up();

      await expect.poll(() => app.editorText(c.surface)).toBe(EXPECTED);
      await expect.poll(() => noticeText(page)).toContain('Geanonimiseerd');
      expect(await editorHasFocus(app, c.surface)).toBe(true);
      // The caret is in the editor: typing goes on there.
      await page.keyboard.press('Control+End');
      await page.keyboard.type(' Groet');
      await expect.poll(() => app.editorText(c.surface)).toBe(`${EXPECTED} Groet`);
      await sendAndCheck(app, c.surface, `${EXPECTED} Groet`);
    });

    test('keyboard: with the caret in a mention the tooltip names Alt+Shift+A, which anonymises and keeps the caret', async ({ session }) => {
      const app = await openApp(session.context, c.app);
      const { page } = app;
      await typeDraft(app, c.surface);
      await page.keyboard.press('Control+Home');
      for (let i = 0; i < 20; i++) await page.keyboard.press('ArrowRight'); // inside "Marieke"
      await expect.poll(() => marksText(page)).toContain('Cliënt: Marieke Verhoeven');
      expect(await marksText(page)).toContain('Alt+Shift+A');
      // Opened by the caret, the tooltip lets clicks through to whatever it covers (the next line, say).
      const tip = (await overlayBox(page, 'BUTTON'))!;
      expect(await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.tagName, [tip.x + 5, tip.y + 5])).not.toBe('DISCREET-MARKS');
      await page.keyboard.press('Alt+Shift+A');
      await expect.poll(() => app.editorText(c.surface)).toBe(EXPECTED);
      await expect.poll(() => noticeText(page)).toContain('Geanonimiseerd');
      expect(await editorHasFocus(app, c.surface)).toBe(true);
      await sendAndCheck(app, c.surface, EXPECTED);
    });

    test('a page script cannot press the tooltip button or the shortcut, and cannot read the tooltip', async ({ session }) => {
      const app = await openApp(session.context, c.app);
      const { page } = app;
      await typeDraft(app, c.surface);
      const { button } = await hoverMention(app, c.surface);
      await page.mouse.move(button.x + button.width / 2, button.y + button.height / 2, { steps: 4 });
      const probe = await page.evaluate(
        async ({ x, y }) => {
          const host = document.querySelector('discreet-marks')!;
          const at = document.elementFromPoint(x, y);
          for (const target of [host, at].filter(Boolean) as Element[]) {
            for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']) {
              target.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true, cancelable: true, clientX: x, clientY: y }));
            }
            (target as HTMLElement).click?.();
          }
          // The forged shortcut, with the caret in a mention.
          const ed = document.activeElement as HTMLElement;
          const sel = getSelection()!;
          const walker = document.createTreeWalker(ed, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const i = (n as Text).data.indexOf('Marieke');
            if (i >= 0) {
              sel.collapse(n, i + 2);
              break;
            }
          }
          await new Promise((r) => setTimeout(r, 100));
          const key = { key: 'A', code: 'KeyA', altKey: true, shiftKey: true, bubbles: true, composed: true, cancelable: true };
          ed.dispatchEvent(new KeyboardEvent('keydown', key));
          host.dispatchEvent(new KeyboardEvent('keydown', key));
          await new Promise((r) => setTimeout(r, 800));
          return {
            shadowRoot: host.shadowRoot === null,
            lightDom: host.childNodes.length,
            text: host.textContent,
          };
        },
        { x: button.x + button.width / 2, y: button.y + button.height / 2 },
      );
      expect(probe).toEqual({ shadowRoot: true, lightDom: 0, text: '' });
      expect(await app.editorText(c.surface)).toBe(DRAFT);
      expect(await noticeText(page)).not.toContain('Geanonimiseerd');
    });
  });
}

test('the tooltip closes when the pointer leaves the mark and the tooltip (after the grace time)', async ({ session }) => {
  const app = await openApp(session.context, 'slack');
  const { page } = app;
  await typeDraft(app, 'channel');
  const { button } = await hoverMention(app, 'channel');
  await page.mouse.move(button.x + button.width / 2, button.y + button.height / 2, { steps: 4 });
  await page.mouse.move(5, 5, { steps: 4 });
  await expect.poll(() => marksText(page)).not.toContain('Bram Koster');
  expect(await app.editorText('channel')).toBe(DRAFT);
});

test('a mention to the client themself gets no "Anonimiseren" in its tooltip, and Alt+Shift+A there is left alone', async ({ session }) => {
  const app = await openApp(session.context, 'gmail');
  const { page } = app;
  await typeInto(app, 'compose2', 'Beste Pieter Jansen, tot donderdag.');
  await page.waitForTimeout(600);
  const word = (await wordBox(app.surface('compose2').editor, 'Pieter Jansen'))!;
  await page.mouse.move(word.x + word.width / 2, word.bottom - 4);
  await expect.poll(() => marksText(page)).toContain('Aan de cliënt zelf');
  const text = await marksText(page);
  expect(text).not.toContain('Anonimiseren');
  expect(text).not.toContain('Alt+Shift+A');
  expect(await overlayBox(page, 'BUTTON')).toBeNull();
  await page.keyboard.press('Control+Home');
  for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowRight'); // inside "Pieter"
  await page.keyboard.press('Alt+Shift+A');
  await page.waitForTimeout(500);
  expect(await app.editorText('compose2')).toBe('Beste Pieter Jansen, tot donderdag.');
});

test('typing a name: underlined and announced, but no tooltip until the caret is moved into it by hand', async ({ session }) => {
  const app = await openApp(session.context, 'gmail');
  const { page } = app;
  await app.surface('compose1').editor.click();
  await page.keyboard.type('Vandaag sprak ik Bram Koster');
  // The caret rests at the end of the name: screen readers are told (the status line), nothing opens over the page.
  await expect.poll(() => marksText(page), { timeout: 5000 }).toContain('Cliënt: Bram Koster');
  await page.waitForTimeout(300);
  expect(await overlayBox(page, 'BUTTON')).toBeNull();
  // An arrow key moves the caret into the mention: now the tooltip opens, with its button.
  await page.keyboard.press('ArrowLeft');
  await expect.poll(async () => (await overlayBox(page, 'BUTTON')) !== null).toBe(true);
  // Typing again closes it (the caret is still in the mention, so the status line keeps the name).
  await page.keyboard.type('s');
  await expect.poll(async () => (await overlayBox(page, 'BUTTON')) === null).toBe(true);
  // A click in the mention opens it again.
  await page.keyboard.press('Backspace');
  const word = (await wordBox(app.surface('compose1').editor, 'Bram Koster'))!;
  await page.mouse.click(word.x + 3, (word.y + word.bottom) / 2);
  await page.mouse.move(5, 5);
  await page.waitForTimeout(700); // past the pointer's grace time: what shows now is the caret's tooltip
  expect(await overlayBox(page, 'BUTTON')).not.toBeNull();
  // Leaving the mention by arrow keys empties the status line: nothing is announced for a caret outside a name.
  await page.keyboard.press('Home');
  await expect.poll(() => marksText(page)).not.toContain('Bram Koster');
});

test('near the bottom of the window the tooltip opens above its mention, whole and not over the name', async ({ session }) => {
  // Slack's message box sits at the bottom of the window: the tooltip must turn upwards. Its height is known only
  // after the browser laid it out (the overlay learns it from a ResizeObserver, without forcing a layout).
  const app = await openApp(session.context, 'slack');
  const { page } = app;
  await app.surface('channel').editor.click();
  await page.keyboard.type('Over Bram Koster');
  await expect.poll(() => marksText(page), { timeout: 5000 }).toContain('Cliënt: Bram Koster');
  await page.keyboard.press('ArrowLeft'); // the caret moved by hand, inside the mention: its tooltip opens
  const word = (await wordBox(app.surface('channel').editor, 'Bram Koster'))!;
  const viewport = await page.evaluate(() => window.innerHeight);
  expect(word.bottom + 100).toBeGreaterThan(viewport); // the case this is about: no room below for its lines and button
  await expect
    .poll(async () => {
      const b = await overlayBox(page, 'BUTTON');
      return !!b && b.y >= 0 && b.y + b.height < word.y;
    })
    .toBe(true);
});
