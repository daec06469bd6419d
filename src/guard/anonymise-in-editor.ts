/**
 * Anonymise, applied the way typing is: the ONLY place where Discreet changes the coach's text, and only
 * because the coach asked (the dialog's "Anonimiseren").
 *
 * How: for each replacement, last to first so earlier offsets stay valid, select the mention's range and
 * `document.execCommand('insertText', …)`. That is the editor's own input path: the browser fires
 * `beforeinput`/`input` like typing does, so model-owning editors (Quill, CKEditor 5, ProseMirror/TipTap)
 * apply the change to their model (Quill and CKEditor 5 take the `beforeinput` target range and update
 * their model themselves; ProseMirror reads the DOM change back), and textareas/inputs keep their native
 * undo stack. We never write to the DOM ourselves.
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

function select(el: HTMLElement, start: number, end: number): boolean {
  if (isField(el)) {
    el.focus({ preventScroll: true });
    el.setSelectionRange(start, end);
    return el.selectionStart === start && el.selectionEnd === end;
  }
  if (!el.contains(document.activeElement) && document.activeElement !== el) el.focus({ preventScroll: true });
  const range = rangeFor(readEditorText(el), start, end);
  const sel = document.getSelection();
  if (!range || !sel) return false;
  sel.removeAllRanges();
  sel.addRange(range);
  return true;
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
    if (!select(el, g.start, g.end)) return { ok: false, reason: 'refused' };
    if (!document.execCommand('insertText', false, g.text)) return { ok: false, reason: 'refused' };
    // Let editors that read the DOM back (ProseMirror's observer) catch up before the next step.
    await nextTask();
  }
  await nextTask();
  return same(textOf(el), expected) ? { ok: true } : { ok: false, reason: 'mismatch' };
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
