/**
 * Strange text, end to end (issue #6): a 5 MB message, text beyond the 10,000,000-character scan cap,
 * right-to-left text around a Latin client name, emoji around and inside names, names split by
 * zero-width characters. What a coach would expect: no crash, the page keeps working, the underline sits
 * under the name as the coach sees it, and the send is stopped (or, when Discreet cannot check, it says so
 * and still asks before sending; never a silent pass).
 */
import type { Page } from '@playwright/test';
import { dialogOpen, dialogText, underlineBoxes } from './support/guard-ui';
import { expect, test } from './support/session';
import { NAME_ONLY_REGISTRY } from './support/clients';
import { openApp, type AppHandle } from './support/sites';

test.use({ registry: NAME_ONLY_REGISTRY });

const EDITOR = '[data-fx-surface=compose1] [g_editable=true]';

/** Where the page renders `piece` (exact code units, zero-width characters included) in the editor. */
async function pieceBoxes(page: Page, piece: string) {
  return page.evaluate(
    ([sel, w]) => {
      const ed = document.querySelector(sel!)!;
      const walker = document.createTreeWalker(ed, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = (n as Text).data.indexOf(w!);
        if (i < 0) continue;
        const r = document.createRange();
        r.setStart(n, i);
        r.setEnd(n, i + w!.length);
        return [...r.getClientRects()].filter((b) => b.width > 0).map((b) => ({ x: b.left, right: b.right, bottom: b.bottom }));
      }
      return [];
    },
    [EDITOR, piece],
  );
}

/** Every drawn underline lies under `piece`, and together they cover it from its left to its right edge. */
async function underlinedExactly(page: Page, piece: string): Promise<boolean> {
  const want = await pieceBoxes(page, piece);
  const got = await underlineBoxes(page);
  if (want.length === 0 || got.length === 0) return false;
  const left = Math.min(...want.map((w) => w.x));
  const right = Math.max(...want.map((w) => w.right));
  const gotLeft = Math.min(...got.map((g) => g.x));
  const gotRight = Math.max(...got.map((g) => g.x + g.width));
  const underText = got.every((g) => want.some((w) => g.x >= w.x - 2 && g.x + g.width <= w.right + 2 && Math.abs(g.y - w.bottom) < 4));
  return underText && Math.abs(gotLeft - left) < 2 && Math.abs(gotRight - right) < 2;
}

async function expectStopped(app: AppHandle, client: string): Promise<void> {
  const { page } = app;
  const before = await app.editorText('compose1');
  await page.keyboard.press('Control+Enter');
  await expect.poll(() => dialogText(page), { timeout: 20_000 }).toContain(client);
  expect(await app.sent()).toEqual([]);
  await page.keyboard.press('Escape');
  await expect.poll(() => dialogOpen(page)).toBe(false);
  expect(await app.editorText('compose1')).toBe(before);
}

for (const c of [
  { what: 'Arabic and Hebrew around a Latin client name', text: 'شكرا جزيلا Bram Koster תודה רבה', piece: 'Bram Koster' },
  { what: 'emoji right before and after the name (surrogate pairs shift every offset)', text: '🎉🎉 Feest met 👩🏽‍💼Bram Koster🎉 vandaag', piece: 'Bram Koster' },
  { what: 'a zero-width space splitting the surname', text: 'Gesprek met Bram Kos\u200bter gehad', piece: 'Bram Kos\u200bter' },
  { what: 'zero-width joiner and non-joiner inside the name', text: 'Groet aan Mar\u200cieke Ver\u200dhoeven.', piece: 'Mar\u200cieke Ver\u200dhoeven' },
]) {
  test(`${c.what}: the underline covers the name as drawn, and the send is stopped`, async ({ session }) => {
    const app = await openApp(session.context, 'gmail');
    const { page } = app;
    await app.surface('compose1').editor.click();
    await page.keyboard.insertText(c.text);
    expect(await app.editorText('compose1')).toBe(c.text);
    await expect.poll(() => underlinedExactly(page, c.piece), { timeout: 5000 }).toBe(true);
    await expectStopped(app, c.piece.includes('Bram') ? 'Bram Koster' : 'Marieke Verhoeven');
  });
}

test('an emoji between first name and surname: the send is still stopped for that client', async ({ session }) => {
  const app = await openApp(session.context, 'gmail');
  const { page } = app;
  await app.surface('compose1').editor.click();
  await page.keyboard.insertText('Dank aan Bram 👋 Koster!');
  await expect.poll(async () => (await underlineBoxes(page)).length, { timeout: 5000 }).toBeGreaterThan(0);
  await expectStopped(app, 'Bram Koster');
});

/** `chars` of ordinary text in long paragraphs (about 10,000 characters each), one client mention at the very end. */
function bigMessage(chars: number, mention: string): string {
  const sentence = 'Dit is een gewone zin over werk, loopbaan en planning, zonder namen van wie dan ook. ';
  const para = sentence.repeat(Math.ceil(10_000 / sentence.length)).trimEnd() + '\n';
  return para.repeat(Math.ceil(chars / para.length)).slice(0, chars) + `\nGroet aan ${mention}`;
}

/** Pastes `text` into the focused editor through the real clipboard (a trusted paste, as Ctrl+V does). */
async function pasteText(page: Page, text: string): Promise<void> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press('Control+V');
}

test('a 5 MB message pasted into the editor: no crash, the page keeps working, the mention near its end stops the send', async ({ session }) => {
  test.setTimeout(180_000);
  const app = await openApp(session.context, 'gmail');
  const { page } = app;
  const big = bigMessage(5_000_000, 'Bram Koster');
  await app.surface('compose1').editor.click();
  await pasteText(page, big);
  await expect.poll(async () => (await app.editorText('compose1')).length, { timeout: 60_000 }).toBeGreaterThan(4_900_000);
  // Still typing into the same editor, like a coach adding a last line.
  await page.keyboard.type(' tot snel');
  await expect.poll(async () => (await app.editorText('compose1')).endsWith('Groet aan Bram Koster tot snel'), { timeout: 30_000 }).toBe(true);
  await expectStopped(app, 'Bram Koster');
  // The page answers at once afterwards: the guard did not leave work behind on the page's thread.
  const t0 = Date.now();
  await page.evaluate(() => 1);
  expect(Date.now() - t0).toBeLessThan(5000);
});

test('more than the 10,000,000 characters Discreet can check: the send still asks first, and says it could not check', async ({ session }) => {
  test.setTimeout(240_000);
  const app = await openApp(session.context, 'gmail');
  const { page } = app;
  await app.surface('compose1').editor.click();
  await pasteText(page, bigMessage(10_100_000, 'niemand in het bijzonder'));
  await expect.poll(async () => (await app.editorText('compose1')).length, { timeout: 90_000 }).toBeGreaterThan(10_000_000);
  await page.keyboard.press('Control+Enter');
  // Not a silent pass and not a silent block: the dialog says the message could not be checked.
  await expect.poll(() => dialogText(page), { timeout: 60_000 }).toMatch(/kon dit bericht niet controleren/);
  expect(await app.sent()).toEqual([]);
  await page.keyboard.press('Escape');
  await expect.poll(() => dialogOpen(page)).toBe(false);
});
