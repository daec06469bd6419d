/**
 * What a coach does in an app's editor, with real key events: click into it and type; and where the page
 * itself renders a word of it (the page can measure its own text, so this is no secret).
 */
import { expect, type Frame, type Locator, type Page } from '@playwright/test';
import type { AppHandle } from './sites';

/**
 * Clicks into a surface's editor and types like a person. With `waitForModel`, also waits until the editor's
 * own model holds exactly `text` (for tests of the fixtures themselves; guard tests usually must not wait).
 */
export async function typeInto(app: AppHandle, surface: string, text: string, options: { waitForModel?: boolean } = {}): Promise<void> {
  await app.surface(surface).editor.click();
  await app.page.keyboard.type(text);
  if (options.waitForModel) await expect.poll(() => app.editorText(surface)).toBe(text);
}

export interface WordBox {
  x: number;
  y: number;
  width: number;
  bottom: number;
}

/** Where the page renders the first occurrence of `word` inside `editor` (viewport coordinates), or null. */
export async function wordBox(editor: Locator, word: string): Promise<WordBox | null> {
  return editor.evaluate((ed, w) => {
    const walker = document.createTreeWalker(ed, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = (n as Text).data.indexOf(w);
      if (i < 0) continue;
      const r = document.createRange();
      r.setStart(n, i);
      r.setEnd(n, i + w.length);
      const b = r.getBoundingClientRect();
      return { x: b.left, y: b.top, width: b.width, bottom: b.bottom };
    }
    return null;
  }, word);
}

/**
 * The app adds an editor of a kind Discreet does not know (e.g. after an update): a bare multi-line
 * contenteditable, prepended to the body of `target` (the page or one of its frames). Returns its selector.
 */
export async function addUnknownEditor(target: Page | Frame, id: string, css: string): Promise<string> {
  await target.evaluate(
    ([id, css]) => {
      const ed = document.createElement('div');
      ed.contentEditable = 'true';
      ed.setAttribute('aria-multiline', 'true');
      ed.id = id!;
      ed.style.cssText = css!;
      document.body.prepend(ed);
    },
    [id, css],
  );
  return `#${id}`;
}
