/**
 * Issue #6, "Proof of trust": editors in frames whose compose is split across the frame boundary, and
 * sandboxed (opaque-origin) frames.
 *
 *   - An editor in a same-origin frame (srcdoc, or about:blank filled by the app: TinyMCE / CKEditor 4's
 *     "classic iframe") with its Send button in the page around it. The page's guard treats the framed
 *     editor as part of the compose its button belongs to: a mention stops the send with the client named,
 *     no mention sends exactly once without a dialog, "send anyway" sends exactly once.
 *   - An editor in a frame the page's guard cannot read (cross-origin; sandboxed without allow-same-origin)
 *     with its Send button outside: the coach is told this editor is not protected, when going into it and
 *     when pressing Send. The send itself goes on: it cannot be checked, and a button that never works would
 *     leave the coach nothing but to switch Discreet off.
 *   - A whole compose inside a sandboxed srcdoc frame: the guard runs there too (match_origin_as_fallback),
 *     marks the name and stops the frame's own Send.
 *
 * The fixture pages live here, served at a real Outlook URL (the guard's manifest reach).
 */
import type { CDPSession, Page } from '@playwright/test';
import { closedShadowTextDeep, sentOf } from './support/attack-pages';
import type { ExtensionSession } from './support/extension';
import { dialogOpen, sendAnywayByKeyboard } from './support/guard-ui';
import { expect, test } from './support/session';
import { NAME_ONLY_REGISTRY } from './support/clients';

const REGISTRY = NAME_ONLY_REGISTRY;

test.use({ registry: REGISTRY });

const TOP = 'https://outlook.office.com/mail/fx-split-compose';
/** A frame on another origin (an editor served from a CDN host the guard does not run on). */
const FOREIGN = 'https://editor.fx-cdn.example/compose';
const CANNOT = 'kan dit invoerveld niet beschermen';

const EDITOR = `<div role="textbox" contenteditable="true" aria-multiline="true" aria-label="Message body, press Alt+F10 to exit"
  style="min-height:90px;border:1px solid #ccc;padding:4px;outline:none"><div><br></div></div>`;
const FRAME_STYLE = '<style>body{font:14px/1.4 Arial,sans-serif;margin:4px}</style>';
/** An editor in a frame the app cannot read tells the app its text (so the app's Send can send it). */
const reporter = (surface: string) =>
  `<script>const b=document.querySelector('[role=textbox]');b.addEventListener('input',()=>parent.postMessage({surface:'${surface}',text:b.innerText.replace(/\\u00a0/g,' ').trim()},'*'))<\/script>`;
const attr = (html: string) => html.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/** An Outlook-like compose: recipients, subject and Send in the page, the body in `frame` (an <iframe> tag). */
const compose = (id: string, frame: string) => `
<section class="compose" id="${id}">
  <div role="group"><span class="_EType_RECIPIENT_ENTITY" aria-label="collega@praktijk.nl">Collega</span></div>
  <input class="ms-TextField-field" aria-label="Add a subject" placeholder="Add a subject">
  <div class="body">${frame}</div>
  <div data-testid="ComposeSendButton"><button aria-label="Send" title="Send (Ctrl+Enter)">Send</button></div>
</section>`;

const TOP_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Outlook (split compose)</title>
<style>body{font:14px/1.4 Arial,sans-serif;margin:10px} iframe{display:block;width:680px;height:150px;border:1px solid #888}
.compose{border:1px solid #ddd;padding:6px;margin-bottom:8px}</style></head>
<body>
${compose('srcdoc', `<iframe id="f-srcdoc" title="body" srcdoc="${attr(FRAME_STYLE + EDITOR)}"></iframe>`)}
${compose('blank', '<iframe id="f-blank" title="body"></iframe>')}
${compose('nested', `<iframe id="f-nested" title="body" srcdoc="${attr(FRAME_STYLE + `<iframe id="inner" title="body" style="width:640px;height:120px;border:0" srcdoc="${attr(FRAME_STYLE + EDITOR)}"></iframe>`)}"></iframe>`)}
${compose('foreign', `<iframe id="f-foreign" title="body" src="${FOREIGN}"></iframe>`)}
${compose('tracked', EDITOR).replace('<button', `<iframe class="tracker" src="${FOREIGN}" style="width:1px;height:1px;border:0"></iframe><button`)}
${compose('wrapped-foreign', `<iframe id="f-wrapped" title="body" srcdoc="${attr(FRAME_STYLE + `<iframe title="body" style="width:640px;height:120px;border:0" src="${FOREIGN}"></iframe>`)}"></iframe>`)}
${compose('sandboxed', `<iframe id="f-sandboxed" title="body" sandbox="allow-scripts" srcdoc="${attr(FRAME_STYLE + EDITOR + reporter('sandboxed'))}"></iframe>`)}
<div id="whole-sandboxed"><iframe id="f-whole" style="height:420px" title="compose" sandbox="allow-scripts" srcdoc="${attr(
  FRAME_STYLE +
    compose('inside', EDITOR) +
    `<script>
      const body = document.querySelector('[aria-label^="Message body"]');
      document.querySelector('button').addEventListener('click', () => {
        const text = body.innerText.replace(/\\u00a0/g, ' ').replace(/\\n+$/, '');
        if (!text.trim()) return;
        parent.postMessage({ sent: { surface: 'whole-sandboxed', text } }, '*');
        body.innerHTML = '<div><br></div>';
      });
    <\/script>`,
)}"></iframe></div>
<script>
window.__sent = [];
// The app keeps what each opaque frame last told it (it cannot read those frames either).
const told = {};
addEventListener('message', (e) => {
  if (e.data && e.data.sent) window.__sent.push(e.data.sent);
  if (e.data && typeof e.data.text === 'string') told[e.data.surface] = e.data.text;
});
// about:blank: the app writes the editor into an empty frame itself.
const bdoc = document.getElementById('f-blank').contentDocument;
bdoc.body.innerHTML = ${JSON.stringify(FRAME_STYLE + EDITOR)};
// The body of a compose: in the page, or in its frame (or in a frame in that frame), where the app can read it.
const bodyIn = (d) => {
  const b = d && d.querySelector('[aria-label^="Message body"]');
  if (!d || b) return b;
  for (const f of d.querySelectorAll('iframe:not(.tracker)')) {
    const x = bodyIn(f.contentDocument);
    if (x) return x;
  }
  return null;
};
// The app's Send: reads the body from its frame (or what an opaque frame told it), records, clears.
for (const c of document.querySelectorAll('.compose')) {
  c.querySelector('button').addEventListener('click', () => {
    const body = bodyIn(c);
    const text = body ? body.innerText.replace(/\\u00a0/g, ' ').replace(/\\n+$/, '') : (told[c.id] || '');
    if (!text.trim()) return;
    window.__sent.push({ surface: c.id, text });
    if (body) body.innerHTML = '<div><br></div>';
  });
}
// The window's load waits for every frame.
addEventListener('load', () => document.documentElement.setAttribute('data-fixture-ready', 'true'));
</script>
</body></html>`;

const FOREIGN_HTML = `<!doctype html><html><head><meta charset="utf-8">${FRAME_STYLE}</head><body>${EDITOR}${reporter('foreign')}</body></html>`;

async function openSplitCompose(session: ExtensionSession): Promise<Page> {
  const page = await session.context.newPage();
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    const href = url.origin + url.pathname;
    if (href === TOP) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: TOP_HTML });
    if (href === FOREIGN) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: FOREIGN_HTML });
    if (url.protocol === 'http:' || url.protocol === 'https:') return route.abort('blockedbyclient');
    return route.continue();
  });
  await page.goto(TOP);
  await page.locator('html[data-fixture-ready=true]').waitFor({ state: 'attached', timeout: 15_000 });
  return page;
}

/**
 * Text in the closed hosts `tag` of the page, its in-process frames, AND its out-of-process frames (Chromium
 * puts a sandboxed frame in a process of its own; the page's DevTools session does not see into it).
 */
async function closedText(page: Page, tag: string): Promise<string> {
  const texts = [await closedShadowTextDeep(page, tag)];
  for (const frame of page.frames().slice(1)) {
    let cdp: CDPSession;
    try {
      cdp = await page.context().newCDPSession(frame); // only an out-of-process frame has a session of its own
    } catch {
      continue;
    }
    try {
      const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
      const walk = (node: any, inside: boolean) => {
        const within = inside || node.nodeName?.toLowerCase() === tag;
        if (within && node.nodeType === 3) texts.push(node.nodeValue);
        for (const c of node.children ?? []) walk(c, within);
        for (const s of node.shadowRoots ?? []) walk(s, within);
        if (node.contentDocument) walk(node.contentDocument, false);
      };
      walk(root, false);
    } finally {
      await cdp.detach().catch(() => undefined);
    }
  }
  return texts.join(' ');
}
const marksText = (page: Page) => closedText(page, 'discreet-marks');
const dialogText = (page: Page) => closedText(page, 'discreet-dialog');
const noticeText = (page: Page) => closedText(page, 'discreet-notice');

/** The editor of compose `id`, in its frame (in the frame inside it, for 'nested'). */
const bodyOf = (page: Page, id: string) =>
  (id === 'nested' ? page.frameLocator('#f-nested').frameLocator('#inner') : page.frameLocator(`#f-${id}`)).locator('[aria-label^="Message body"]');

const DRAFT = 'Goed gesprek gehad met Bram Koster';
const CLEAN = 'Goed gesprek gehad met Joep Zwaard';

test.describe('the editor in a same-origin frame, Send in the page around it', () => {
  const LABELS = { srcdoc: 'a srcdoc frame', blank: 'an about:blank frame the app filled', nested: 'a srcdoc frame inside another' } as const;
  for (const id of ['srcdoc', 'blank', 'nested'] as const) {
    const label = LABELS[id];
    test(`${label}: marked; the page's Send is stopped with the client named; Escape keeps the draft; send anyway sends once`, async ({ session }) => {
      const page = await openSplitCompose(session);
      const body = bodyOf(page, id);
      const send = page.locator(`#${id} [data-testid=ComposeSendButton] button`);
      await body.click();
      await page.keyboard.type(DRAFT);
      await expect.poll(() => marksText(page), { timeout: 5000 }).toContain('Bram Koster');

      await send.click();
      await expect.poll(() => dialogText(page)).toContain('Bram Koster');
      expect(await sentOf(page)).toEqual([]);
      // The dialog is the page's (where the button is): one dialog, not one per frame.
      expect(await page.evaluate(() => document.querySelectorAll('discreet-dialog').length)).toBe(1);
      await page.keyboard.press('Escape');
      await expect.poll(() => dialogOpen(page, { frames: true })).toBe(false);
      expect((await body.innerText()).replace(/\u00a0/g, ' ').trim()).toBe(DRAFT);

      await send.click();
      await expect.poll(() => dialogText(page)).toContain('Bram Koster');
      await sendAnywayByKeyboard(page);
      await expect.poll(async () => (await sentOf(page)).length).toBe(1);
      expect(await sentOf(page)).toEqual([{ surface: id, text: DRAFT }]);
      await page.waitForTimeout(400);
      expect((await sentOf(page)).length).toBe(1);
    });

    test(`${label}: without a mention the page's Send sends exactly once, with no dialog`, async ({ session }) => {
      const page = await openSplitCompose(session);
      await bodyOf(page, id).click();
      await page.keyboard.type(CLEAN);
      await page.locator(`#${id} [data-testid=ComposeSendButton] button`).click();
      await expect.poll(async () => (await sentOf(page)).length).toBe(1);
      expect(await sentOf(page)).toEqual([{ surface: id, text: CLEAN }]);
      await page.waitForTimeout(400);
      expect((await sentOf(page)).length).toBe(1);
      expect(await dialogOpen(page, { frames: true })).toBe(false);
    });
  }

  test('Ctrl+Enter in the framed editor is stopped too, with the warning in the page (not cut to the frame); send anyway clicks the page’s Send once', async ({ session }) => {
    const page = await openSplitCompose(session);
    const body = bodyOf(page, 'srcdoc');
    await body.click();
    await page.keyboard.type(DRAFT);
    await expect.poll(() => marksText(page), { timeout: 5000 }).toContain('Bram Koster');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => dialogText(page)).toContain('Bram Koster');
    expect(await sentOf(page)).toEqual([]);
    // The warning is the page's, over the whole window: the 150 px frame would cut off its heading and name.
    expect(await page.evaluate(() => document.querySelectorAll('discreet-dialog').length)).toBe(1);
    expect(await page.frame({ url: /srcdoc/ })!.evaluate(() => document.querySelectorAll('discreet-dialog').length)).toBe(0);
    const box = (await page.locator('discreet-dialog').boundingBox())!;
    expect(box.height).toBe(await page.evaluate(() => innerHeight));
    // Escape: back in the framed editor, draft kept, nothing sent.
    await page.keyboard.press('Escape');
    await expect.poll(() => dialogOpen(page, { frames: true })).toBe(false);
    expect(await body.evaluate((ed) => ed.ownerDocument.hasFocus() && ed.contains(ed.ownerDocument.activeElement))).toBe(true);
    expect((await body.innerText()).replace(/\u00a0/g, ' ').trim()).toBe(DRAFT);
    expect(await sentOf(page)).toEqual([]);
    await page.keyboard.press('End');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => dialogText(page)).toContain('Bram Koster');
    await sendAnywayByKeyboard(page);
    await expect.poll(async () => (await sentOf(page)).length).toBe(1);
    expect(await sentOf(page)).toEqual([{ surface: 'srcdoc', text: DRAFT }]);
    await page.waitForTimeout(400);
    expect((await sentOf(page)).length).toBe(1);
  });
});

test.describe('an editor in a frame the page cannot read, Send in the page', () => {
  for (const id of ['foreign', 'sandboxed'] as const) {
    const label = id === 'foreign' ? 'a cross-origin frame' : 'a sandboxed frame (opaque origin)';
    test(`${label}: going into the editor tells the coach it is not protected (and the send, unreadable, goes on)`, async ({ session }) => {
      const page = await openSplitCompose(session);
      await page.waitForTimeout(500);
      expect(await noticeText(page)).not.toContain(CANNOT);
      await bodyOf(page, id).click();
      await expect.poll(() => noticeText(page)).toContain(CANNOT);
      await page.keyboard.type(DRAFT);
      await page.locator(`#${id} [data-testid=ComposeSendButton] button`).click();
      await expect.poll(async () => (await sentOf(page)).length).toBe(1);
      expect(await sentOf(page)).toEqual([{ surface: id, text: DRAFT }]);
      expect(await noticeText(page)).toContain(CANNOT);
      expect(await dialogOpen(page, { frames: true })).toBe(false);
    });

    test(`${label}: pressing Send tells the coach it is not protected`, async ({ session }) => {
      const page = await openSplitCompose(session);
      await page.waitForTimeout(500);
      expect(await noticeText(page)).not.toContain(CANNOT);
      await page.locator(`#${id} [data-testid=ComposeSendButton] button`).click();
      await expect.poll(() => noticeText(page)).toContain(CANNOT);
    });
  }
});

test('a cross-origin editor frame wrapped in a same-origin frame: pressing Send tells the coach it is not protected', async ({ session }) => {
  const page = await openSplitCompose(session);
  await page.waitForTimeout(500);
  expect(await noticeText(page)).not.toContain(CANNOT);
  await page.locator('#wrapped-foreign [data-testid=ComposeSendButton] button').click();
  await expect.poll(() => noticeText(page)).toContain(CANNOT);
});

test('a tiny cross-origin frame next to Send (as apps keep for sign-in or analytics) does not unguard a compose whose editor is in the page', async ({ session }) => {
  const page = await openSplitCompose(session);
  await page.locator('#tracked [aria-label^="Message body"]').click();
  await page.keyboard.type(DRAFT);
  await expect.poll(() => marksText(page), { timeout: 5000 }).toContain('Bram Koster');
  await page.locator('#tracked [data-testid=ComposeSendButton] button').click();
  await expect.poll(() => dialogText(page)).toContain('Bram Koster');
  expect(await sentOf(page)).toEqual([]);
  expect(await noticeText(page)).not.toContain(CANNOT);
});

test.describe('a whole compose inside a sandboxed srcdoc frame', () => {
  test('the guard runs there: the name is marked, the frame’s Send is stopped with the client named, send anyway sends once', async ({ session }) => {
    const page = await openSplitCompose(session);
    const frame = page.frameLocator('#f-whole');
    await frame.locator('[aria-label^="Message body"]').click();
    await page.keyboard.type(DRAFT);
    await expect.poll(() => marksText(page), { timeout: 5000 }).toContain('Bram Koster');
    await frame.locator('[data-testid=ComposeSendButton] button').click();
    await expect.poll(() => dialogText(page)).toContain('Bram Koster');
    expect(await sentOf(page)).toEqual([]);
    await sendAnywayByKeyboard(page);
    await expect.poll(async () => (await sentOf(page)).length).toBe(1);
    expect(await sentOf(page)).toEqual([{ surface: 'whole-sandboxed', text: DRAFT }]);
    await page.waitForTimeout(400);
    expect((await sentOf(page)).length).toBe(1);
  });

  test('without a mention the frame’s Send sends once, with no dialog', async ({ session }) => {
    const page = await openSplitCompose(session);
    await page.frameLocator('#f-whole').locator('[aria-label^="Message body"]').click();
    await page.keyboard.type(CLEAN);
    await page.frameLocator('#f-whole').locator('[data-testid=ComposeSendButton] button').click();
    await expect.poll(async () => (await sentOf(page)).length).toBe(1);
    expect(await sentOf(page)).toEqual([{ surface: 'whole-sandboxed', text: CLEAN }]);
    expect(await dialogOpen(page, { frames: true })).toBe(false);
  });
});
