/**
 * What the guard shows on a page, read the way a test can and the page itself cannot: the text inside its
 * closed shadow roots (the warning `discreet-dialog`, the marks overlay `discreet-marks` with its tooltip, the
 * notice `discreet-notice`), whether the warning is open, where the overlay draws its underlines and buttons;
 * and the coach's keyboard route to "send anyway".
 *
 *   await expect.poll(() => dialogText(page)).toContain('Bram Koster');
 *   await expectMarked(page, 'Bram Koster');          // the caret's mention shows its tooltip
 *   expect(await dialogOpen(page)).toBe(false);
 *
 * Pages with editors in frames (the attack pages): pass `{ frames: true }` to look into every frame as well.
 */
import { expect, type CDPSession, type Page } from '@playwright/test';
import { closedShadowTextDeep } from './attack-pages';
import { closedShadowText } from './extension';

export interface Where {
  /** Also look inside every frame of the page (default: the top document only). */
  frames?: boolean;
}

const shadowText = (page: Page, hostTag: string, where: Where) => (where.frames ? closedShadowTextDeep : closedShadowText)(page, hostTag);

/** The warning's text ('' when it is not open). */
export const dialogText = (page: Page, where: Where = {}) => shadowText(page, 'discreet-dialog', where);
/** The marks overlay's text: the tooltip of the mention under the caret or the pointer ('' when none shows). */
export const marksText = (page: Page, where: Where = {}) => shadowText(page, 'discreet-marks', where);
/** The notice's text (protection off, locked, cannot protect this editor, anonymised…). */
export const noticeText = (page: Page, where: Where = {}) => shadowText(page, 'discreet-notice', where);

/** Whether the warning is open (its host is in the page, or with `frames`, in any frame of it). */
export async function dialogOpen(page: Page, where: Where = {}): Promise<boolean> {
  if (!where.frames) return page.evaluate(() => document.querySelector('discreet-dialog') !== null);
  for (const f of page.frames()) if (await f.evaluate(() => document.querySelector('discreet-dialog') !== null).catch(() => false)) return true;
  return false;
}

/** Whether the guard runs on the page at all (its marks overlay is there). */
export const guardPresent = (page: Page) => page.evaluate(() => document.querySelector('discreet-marks') !== null);

/** The caret ends inside the mention, so its tooltip (the client's name) shows: that is how marks are read. */
export async function expectMarked(page: Page, label: string, options: { timeout?: number } = {}): Promise<void> {
  await expect.poll(() => marksText(page), { timeout: options.timeout ?? 5000 }).toContain(label);
}

/** Warning: "Terug naar bewerken" is focused first; Shift+Tab reaches "Toch versturen…"; pick the first reason; confirm. */
export async function sendAnywayByKeyboard(page: Page): Promise<void> {
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Space'); // "the client gave consent"
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
}

interface DomNode {
  nodeId: number;
  nodeType: number;
  nodeName?: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
  contentDocument?: DomNode;
}

/** Runs `use` with the ids of the nodes inside the closed marks overlay that `match`, in document order. */
async function inMarksOverlay<T>(
  page: Page,
  match: (node: DomNode) => boolean,
  use: (cdp: CDPSession, nodeIds: number[]) => Promise<T>,
  where: Where = {},
): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const ids: number[] = [];
    const walk = (node: DomNode, inside: boolean) => {
      const within = inside || node.nodeName?.toLowerCase() === 'discreet-marks';
      if (within && match(node)) ids.push(node.nodeId);
      for (const c of node.children ?? []) walk(c, within);
      for (const s of node.shadowRoots ?? []) walk(s, within);
      if (where.frames && node.contentDocument) walk(node.contentDocument, within);
    };
    walk(root as DomNode, false);
    return await use(cdp, ids);
  } finally {
    await cdp.detach();
  }
}

/** An underline the overlay draws under a mention: `<div class="m">` (or "m ok" for a covered one). */
const isUnderline = (node: DomNode): boolean => {
  if (node.nodeName !== 'DIV') return false;
  const attrs = node.attributes ?? [];
  for (let i = 0; i + 1 < attrs.length; i += 2) if (attrs[i] === 'class') return /^m( ok)?$/.test(attrs[i + 1]!);
  return false;
};

export interface UnderlineBox {
  x: number;
  y: number;
  width: number;
}

/**
 * The underlines' boxes, in page coordinates. The overlay redraws while the text changes, so an underline found
 * in the DOM snapshot can be gone a moment later: then the snapshot is taken again (a redraw, not a missing mark).
 */
export async function underlineBoxes(page: Page): Promise<UnderlineBox[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await inMarksOverlay(page, isUnderline, async (cdp, ids) => {
        const out: UnderlineBox[] = [];
        for (const nodeId of ids) {
          const { model } = await cdp.send('DOM.getBoxModel', { nodeId });
          const [x, y, x2] = model.border;
          out.push({ x: x!, y: y!, width: x2! - x! });
        }
        return out;
      });
    } catch (e) {
      if (attempt >= 5 || !/Could not find node/.test(String(e))) throw e;
    }
  }
}

/** How many underlines are drawn; with `frames`, in the overlays of every frame too. */
export const underlineCount = (page: Page, where: Where = {}): Promise<number> =>
  inMarksOverlay(page, isUnderline, async (_cdp, ids) => ids.length, where);

/** Where the first `nodeName` element (e.g. 'BUTTON') inside the marks overlay is drawn, or null (none, or hidden). */
export async function overlayBox(page: Page, nodeName: string): Promise<{ x: number; y: number; width: number; height: number } | null> {
  return inMarksOverlay(
    page,
    (node) => node.nodeName === nodeName,
    async (cdp, ids) => {
      if (ids.length === 0) return null;
      try {
        const { model } = await cdp.send('DOM.getBoxModel', { nodeId: ids[0]! });
        const [x, y, x2, , , y3] = model.border;
        return { x: x!, y: y!, width: x2! - x!, height: y3! - y! };
      } catch {
        return null; // hidden
      }
    },
  );
}
