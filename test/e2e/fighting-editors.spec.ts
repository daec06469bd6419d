/**
 * Editors that fight back (issue #6): an editor that re-renders its DOM from its own model on every input,
 * editors inside frames (same-origin, srcdoc, about:blank written by the app), editors inside shadow roots.
 * For each, what a coach would notice: the client's name is marked and every send is stopped until the
 * warning was seen (and "send anyway" sends once, unchanged), OR Discreet says plainly that it cannot
 * protect this editor. Never silence.
 */
import type { Page } from '@playwright/test';
import { openAttackPage, sentOf } from './support/attack-pages';
import { dialogOpen, dialogText, marksText, noticeText, sendAnywayByKeyboard, underlineCount, type Where } from './support/guard-ui';
import { expect, test } from './support/session';
import { NAME_ONLY_REGISTRY } from './support/clients';
import { addUnknownEditor } from './support/typing';

const REGISTRY = NAME_ONLY_REGISTRY;

test.use({ registry: REGISTRY });

const CANNOT = 'kan dit invoerveld niet beschermen';
/** Editors here may sit in frames: every reading looks into all of them. */
const ALL_FRAMES: Where = { frames: true };

/**
 * The whole protection, as the coach meets it: marked while typing; the key and the button are stopped
 * with the client named; Escape keeps the draft; send anyway sends exactly once, unchanged.
 */
async function expectGuarded(
  page: Page,
  o: { editor: ReturnType<Page['locator']>; send: ReturnType<Page['locator']>; key: string; text: () => Promise<string>; surface: string },
): Promise<void> {
  const draft = 'Goed gesprek gehad met Bram Koster';
  await o.editor.click();
  await page.keyboard.type(draft);
  await expect.poll(() => marksText(page, ALL_FRAMES), { timeout: 5000 }).toContain('Bram Koster');
  expect(await o.text()).toBe(draft);

  await page.keyboard.press(o.key);
  await expect.poll(() => dialogText(page, ALL_FRAMES)).toContain('Bram Koster');
  expect(await sentOf(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect.poll(() => dialogOpen(page, ALL_FRAMES)).toBe(false);
  expect(await o.text()).toBe(draft);

  await o.send.click();
  await expect.poll(() => dialogText(page, ALL_FRAMES)).toContain('Bram Koster');
  expect(await sentOf(page)).toEqual([]);
  await sendAnywayByKeyboard(page);
  await expect.poll(async () => (await sentOf(page)).length).toBe(1);
  expect(await sentOf(page)).toEqual([{ surface: o.surface, text: draft }]);
  await page.waitForTimeout(300);
  expect((await sentOf(page)).length).toBe(1);
}

test.describe('an editor that re-renders its DOM from its own model on every keystroke', () => {
  const URL = 'https://app.slack.com/client/T123/CFX1';
  for (const surface of ['children', 'element'] as const) {
    test(`${surface === 'children' ? 'children replaced' : 'the editor element itself replaced'}: marked, stopped, send anyway once`, async ({ session }) => {
      const page = await openAttackPage(session.context, { [URL]: 'rerender.html' });
      const box = surface === 'children' ? '#box-children' : '#box-element';
      await expectGuarded(page, {
        editor: page.locator(`${box} .ql-editor`),
        send: page.locator(`${box} [data-qa=texty_send_button]`),
        key: 'Enter',
        surface,
        text: () => page.evaluate((s) => (window as any).__modelText[s](), surface),
      });
    });
  }

  test('the mark survives re-renders after the name (typing on, and a paste)', async ({ session }) => {
    const page = await openAttackPage(session.context, { [URL]: 'rerender.html' });
    await page.locator('#box-children .ql-editor').click();
    await page.keyboard.type('Over Bram Koster');
    await expect.poll(() => marksText(page, ALL_FRAMES)).toContain('Bram Koster');
    // Every keystroke after the name throws away the text nodes the mark was on.
    await page.keyboard.type(' en de rest van het team');
    await page.keyboard.press('Home');
    await expect.poll(() => underlineCount(page, ALL_FRAMES)).toBeGreaterThan(0);
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await expect.poll(() => dialogText(page, ALL_FRAMES)).toContain('Bram Koster');
    expect(await sentOf(page)).toEqual([]);
  });
});

test.describe('editors inside frames', () => {
  const TOP = 'https://outlook.office.com/mail/fx-frames';
  const FRAME = 'https://outlook.office.com/mail/fx-compose-frame';
  const FRAMES = {
    same: 'a same-origin frame',
    srcdoc: 'a srcdoc frame',
    blank: 'an about:blank frame the app filled with DOM calls',
  } as const;
  for (const id of Object.keys(FRAMES) as Array<keyof typeof FRAMES>) {
    test(`${FRAMES[id]}: marked, stopped, send anyway once`, async ({ session }) => {
      const page = await openAttackPage(session.context, { [TOP]: 'frames.html', [FRAME]: 'compose-frame.html' });
      const frame = page.frameLocator(`#${id}`);
      const body = frame.locator('[aria-label^="Message body"]');
      await expectGuarded(page, {
        editor: body,
        send: frame.locator('[data-testid=ComposeSendButton] button'),
        key: 'Control+Enter',
        surface: id,
        text: async () => (await body.innerText()).replace(/\u00a0/g, ' ').replace(/\n+$/, ''),
      });
    });
  }

  test('an about:blank frame the app rewrote with document.open/write: marked, the button stopped, and the coach told it is not fully protected', async ({ session }) => {
    // document.open() erases every listener of the frame, Discreet's included; the guard re-installs itself,
    // but after the app's own window listener for Ctrl+Enter, which it therefore cannot stop.
    const page = await openAttackPage(session.context, { [TOP]: 'frames.html', [FRAME]: 'compose-frame.html' });
    const frame = page.frameLocator('#written');
    await frame.locator('[aria-label^="Message body"]').click();
    await page.keyboard.type('Goed gesprek gehad met Bram Koster');
    await expect.poll(() => marksText(page, ALL_FRAMES), { timeout: 5000 }).toContain('Bram Koster');
    await expect.poll(() => noticeText(page, ALL_FRAMES)).toContain(CANNOT);
    await frame.locator('[data-testid=ComposeSendButton] button').click();
    await expect.poll(() => dialogText(page, ALL_FRAMES)).toContain('Bram Koster');
    expect(await sentOf(page)).toEqual([]);
  });

  test('a frame whose editor Discreet does not know says so', async ({ session }) => {
    const page = await openAttackPage(session.context, { [TOP]: 'frames.html', [FRAME]: 'compose-frame.html' });
    const frame = (await (await page.$('#srcdoc'))!.contentFrame())!;
    await page.frameLocator('#srcdoc').locator(await addUnknownEditor(frame, 'fx-unknown', 'min-height:60px;border:1px solid red')).click();
    await expect.poll(() => noticeText(page, ALL_FRAMES)).toContain(CANNOT);
  });
});

test.describe('editors inside shadow roots', () => {
  const URL = 'https://teams.microsoft.com/v2/fx-shadow';
  test('a known editor in an open shadow root: marked, stopped, send anyway once', async ({ session }) => {
    const page = await openAttackPage(session.context, { [URL]: 'shadow.html' });
    const editor = page.locator('fx-composer [data-tid=ckeditor]');
    await expectGuarded(page, {
      editor,
      send: page.locator('fx-composer button'),
      key: 'Enter',
      surface: 'open',
      text: async () => (await editor.innerText()).replace(/\u00a0/g, ' ').replace(/\n+$/, ''),
    });
  });

  test('an unknown editor in an open shadow root: the coach is told it is not protected', async ({ session }) => {
    const page = await openAttackPage(session.context, { [URL]: 'shadow.html' });
    await page.locator('fx-notes .notes').click();
    await expect.poll(() => noticeText(page, ALL_FRAMES)).toContain(CANNOT);
  });

  test('an editor in the page’s own closed shadow root: the coach is told it is not protected', async ({ session }) => {
    const page = await openAttackPage(session.context, { [URL]: 'shadow.html' });
    // Playwright cannot pierce a closed root either: click where the editor is drawn.
    const box = (await page.locator('fx-closed-notes').boundingBox())!;
    await page.mouse.click(box.x + 40, box.y + 20);
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('FX-CLOSED-NOTES');
    await expect.poll(() => noticeText(page, ALL_FRAMES)).toContain(CANNOT);
  });
});
