/**
 * Anonymise, applied the way typing is: the ONLY place where Discreet changes the coach's text, and only
 * because the coach asked (the dialog's "Anonimiseren").
 *
 * How: for each replacement, last to first so earlier offsets stay valid, select the mention's range, offer the
 * editor a `beforeinput` insertText for that range (CKEditor 5 and Quill 2 apply it to their model and say so
 * with preventDefault), and otherwise let the browser type it with `document.execCommand('insertText', …)`
 * (fires `input` like typing; ProseMirror/TipTap and plain contenteditables take it from the DOM; textareas
 * and inputs keep their native undo). Found while testing: execCommand fires no `beforeinput`, and CKEditor 5
 * silently reverts DOM changes it did not make, so execCommand alone leaves Teams' text unchanged.
 * A mention inside a link (TipTap autolinks e-mail addresses) is replaced together with one character outside
 * the link, and offered to the editor as a plain-text paste when it does not take the `beforeinput`
 * (ProseMirror keeps a replaced text's link mark, address included, when it reads a DOM change back; it
 * does not when pasting plain text). Found while testing: without this the TipTap comment sent
 * "[e-mailadres]" linked to mailto:<the client's address>.
 * We never write to the DOM ourselves.
 *
 * Undo: replacements that lie in one text node (or anywhere in a textarea/input) are sent as ONE insertText
 * of the whole stretch, so a textarea is undone in one step, and a line of a rich editor in one step per
 * text node (editors that group quick changes, like Quill's history, undo it all at once).
 *
 * Checked: before each step the editor must still hold the expected text at that place, and afterwards the
 * editor's text must be exactly the planned result. Anything else is reported, never silent.
 */
import { applyToText, planAnonymisation, type AnonymiseInput, type PlaceholderLanguage, type Replacement } from '../anonymise/placeholders';
import { domPosition, isField, rangeFor, readEditorText, type EditorText } from './editor-text';

export type ApplyResult = { ok: true } | { ok: false; reason: 'changed' | 'refused' | 'mismatch' };

/** The editor's text, read the same way the scan reads it. */
function textOf(el: HTMLElement): string {
  return readEditorText(el).text;
}

/** Editors may keep a trailing line break of their own (ProseMirror's trailing <br>): ignore it when comparing. */
function same(a: string, b: string): boolean {
  return a.replace(/\n+$/, '') === b.replace(/\n+$/, '');
}

/** Group replacements (text order in, last-first out) that can be sent as one insertText. */
export function groupReplacements(et: EditorText | null, replacements: readonly Replacement[], text: string): Replacement[] {
  const groups: Replacement[] = [];
  for (const r of replacements) {
    const prev = groups[groups.length - 1];
    if (prev && sameNode(et, prev.start, r.end)) {
      // The words in between go back exactly as they are (a rich editor's non-breaking spaces included).
      groups[groups.length - 1] = {
        start: prev.start,
        end: r.end,
        original: text.slice(prev.start, r.end),
        text: prev.text + rawSlice(et, text, prev.end, r.start) + r.text,
      };
    } else groups.push({ ...r });
  }
  return groups.reverse();
}

/** The text between two offsets as the DOM holds it (the reading turns \u00a0 into spaces). */
function rawSlice(et: EditorText | null, text: string, start: number, end: number): string {
  if (!et || et.kind === 'field' || start === end) return text.slice(start, end);
  const a = domPosition(et, start);
  const b = domPosition(et, end, true);
  return a && b && a.node === b.node ? a.node.data.slice(a.offset, b.offset) : text.slice(start, end);
}

/** Whether [start, end) lies inside one text node (always true for fields: their value is one text). */
function sameNode(et: EditorText | null, start: number, end: number): boolean {
  if (!et || et.kind === 'field') return true;
  const a = domPosition(et, start);
  const b = domPosition(et, end, true);
  return !!a && !!b && a.node === b.node;
}

const nextTask = () => new Promise<void>((r) => setTimeout(r, 0));

/** Selects [start, end) in the editor; for rich editors returns the DOM range (null when it cannot be mapped). */
function select(el: HTMLElement, start: number, end: number): Range | true | null {
  if (isField(el)) {
    el.focus({ preventScroll: true });
    el.setSelectionRange(start, end);
    return el.selectionStart === start && el.selectionEnd === end ? true : null;
  }
  if (!el.contains(document.activeElement) && document.activeElement !== el) el.focus({ preventScroll: true });
  const range = rangeFor(readEditorText(el), start, end);
  const sel = document.getSelection();
  if (!range || !sel) return null;
  sel.removeAllRanges();
  sel.addRange(range);
  return range;
}

/**
 * Offers the change to a model-owning editor as the input it listens for. `execCommand` fires `input` but no
 * `beforeinput` (Input Events spec), and CKEditor 5 undoes any DOM change it did not make itself (its
 * renderer restores the view), so the editors that take text from `beforeinput` (CKEditor 5; Quill 2 for a
 * replaced selection) get exactly that: an `insertText`/`deleteContent` with the target range. An editor
 * that took it calls preventDefault(); otherwise the browser's own editing does it (execCommand), which
 * ProseMirror and plain contenteditables read back from the DOM.
 */
function offerBeforeInput(el: HTMLElement, range: Range, inputType: 'insertText', data: string): boolean {
  const target = new StaticRange({ startContainer: range.startContainer, startOffset: range.startOffset, endContainer: range.endContainer, endOffset: range.endOffset });
  const ev = new InputEvent('beforeinput', { inputType, data, targetRanges: [target], bubbles: true, cancelable: true, composed: true });
  const node = range.startContainer.nodeType === 1 ? (range.startContainer as Element) : range.startContainer.parentElement ?? el;
  node.dispatchEvent(ev);
  return ev.defaultPrevented;
}

/** Whether a DOM position lies inside a link of the editor. */
function inLink(el: HTMLElement, node: Node): boolean {
  const a = (node.nodeType === 1 ? (node as Element) : node.parentElement)?.closest('a[href]');
  return !!a && el.contains(a);
}

/**
 * A link around the mention keeps its address (often the e-mail or profile URL itself; TipTap autolinks
 * addresses as they are typed), and text typed over a link's text stays in the link. So the replacement is
 * widened by one character outside the link (the space before it, or after it), which the editor then
 * types without the link, and the link goes with its text.
 */
function widenOutOfLink(el: HTMLElement, g: Replacement): Replacement {
  // (Returns g itself when no link is involved; a widened copy otherwise.)
  const et = readEditorText(el);
  const a = domPosition(et, g.start);
  if (!a || !inLink(el, a.node)) return g;
  const text = et.text;
  if (g.start > 0 && text[g.start - 1] !== '\n') {
    const p = domPosition(et, g.start - 1);
    if (p && !inLink(el, p.node)) return { start: g.start - 1, end: g.end, original: text.slice(g.start - 1, g.end), text: p.node.data.charAt(p.offset) + g.text };
  }
  if (g.end < text.length && text[g.end] !== '\n') {
    const p = domPosition(et, g.end, false);
    if (p && !inLink(el, p.node)) return { start: g.start, end: g.end + 1, original: text.slice(g.start, g.end + 1), text: g.text + p.node.data.charAt(p.offset) };
  }
  return { ...g }; // a link alone on its line: the paste path, and the check afterwards, handle it
}

/**
 * ProseMirror keeps the marks of replaced text when it reads a DOM change back (a link stays a link, with its
 * old address), but a paste of plain text replaces the selection without them: offered for links only.
 */
function offerPaste(range: Range, text: string): boolean {
  const data = new DataTransfer();
  data.setData('text/plain', text);
  const ev = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true, composed: true });
  const node = range.startContainer.nodeType === 1 ? (range.startContainer as Element) : range.startContainer.parentElement;
  node?.dispatchEvent(ev);
  return ev.defaultPrevented;
}

/** Replace the selected range in a rich editor through its own input path. */
function replaceRich(el: HTMLElement, range: Range, text: string, link: boolean): boolean {
  const sel = document.getSelection();
  if (offerBeforeInput(el, range, 'insertText', text)) return true;
  if (link && offerPaste(range, text)) return true;
  // Not taken by the editor: the browser types it over the selection (restored if the editor moved it).
  if (sel && (sel.rangeCount === 0 || sel.getRangeAt(0).compareBoundaryPoints(Range.START_TO_START, range) !== 0 || sel.getRangeAt(0).compareBoundaryPoints(Range.END_TO_END, range) !== 0)) {
    sel.removeAllRanges();
    sel.addRange(range);
  }
  return document.execCommand('insertText', false, text);
}

/** Whether any link in the editor still points at a replaced text (e.g. mailto:jan@…): never let that pass as done. */
function linkStillLeaks(el: HTMLElement, replacements: readonly Replacement[]): boolean {
  if (isField(el)) return false;
  const originals = replacements.map((r) => r.original.toLowerCase()).filter((o) => o.length >= 3);
  for (const a of el.querySelectorAll('a[href]')) {
    let href = (a.getAttribute('href') ?? '').toLowerCase();
    try {
      href = decodeURIComponent(href);
    } catch {
      // keep it as it is
    }
    if (originals.some((o) => href.includes(o))) return true;
  }
  return false;
}

/**
 * Applies `replacements` (offsets into the editor's text as `readEditorText` reads it, in text order,
 * non-overlapping) to one editor or field through its own input path, then checks the result.
 */
export async function applyReplacements(el: HTMLElement, replacements: readonly Replacement[]): Promise<ApplyResult> {
  if (replacements.length === 0) return { ok: true };
  const before = textOf(el);
  const expected = applyToText(before, replacements);
  const groups = groupReplacements(isField(el) ? null : readEditorText(el), replacements, before);
  for (const g of groups) {
    // The coach (or the app) may have changed the text meanwhile: never replace the wrong words.
    if (textOf(el).slice(g.start, g.end) !== g.original) return { ok: false, reason: 'changed' };
    let done: boolean;
    if (isField(el)) {
      done = !!select(el, g.start, g.end) && document.execCommand('insertText', false, g.text);
    } else {
      const w = widenOutOfLink(el, g);
      if (!select(el, w.start, w.end)) return { ok: false, reason: 'refused' };
      // Let the editor see the selection move first (CKEditor 5 then starts a new undo step instead of
      // merging this change into the coach's last typing), then take the range afresh.
      await nextTask();
      const range = rangeFor(readEditorText(el), w.start, w.end);
      done = !!range && replaceRich(el, range, w.text, w !== g);
    }
    if (!done) return { ok: false, reason: 'refused' };
    // Let editors that read the DOM back (ProseMirror's observer) catch up before the next step.
    await nextTask();
  }
  await nextTask();
  return same(textOf(el), expected) && !linkStillLeaks(el, replacements) ? { ok: true } : { ok: false, reason: 'mismatch' };
}

/**
 * Anonymises one compose unit: the plan is made on the scanned text (subject + "\n\n" + body, so a client keeps
 * the same letter in both), then applied to the subject field and the body, each through its own input path.
 * The caret ends in the body, for the coach to read it through and send again.
 */
export async function anonymiseUnit(
  parts: { editor: HTMLElement; subject: HTMLInputElement | HTMLTextAreaElement | null; bodyOffset: number },
  scanText: string,
  findings: readonly AnonymiseInput[],
  language: PlaceholderLanguage,
): Promise<ApplyResult> {
  const plan = planAnonymisation(scanText, findings, language);
  const subjectLen = parts.bodyOffset > 0 ? parts.bodyOffset - 2 : 0;
  const body: Replacement[] = [];
  const subject: Replacement[] = [];
  const lead = parts.subject ? parts.subject.value.length - parts.subject.value.trimStart().length : 0;
  for (const r of plan) {
    if (r.start >= parts.bodyOffset) body.push({ ...r, start: r.start - parts.bodyOffset, end: r.end - parts.bodyOffset });
    else if (r.end <= subjectLen && parts.subject) subject.push({ ...r, start: r.start + lead, end: r.end + lead });
  }
  let result: ApplyResult = { ok: true };
  if (subject.length && parts.subject) result = await applyReplacements(parts.subject, subject);
  if (result.ok) result = await applyReplacements(parts.editor, body);
  else if (body.length) await applyReplacements(parts.editor, body); // still take the names out of the body
  parts.editor.focus({ preventScroll: true });
  return result;
}
