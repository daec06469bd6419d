/**
 * Reads an editor's plain text with a map from text offsets back to DOM positions.
 * Read only: never changes the editor's DOM, selection or model.
 *
 * Contenteditables (Quill, CKEditor 5, ProseMirror, plain): text nodes are walked in order;
 * block elements and <br> become '\n' so words of adjacent lines never run together.
 * Textareas and inputs: their value, offsets map 1:1.
 */

export interface Segment {
  node: Text;
  /** Offset in the plain text where this node's text starts. */
  start: number;
}

export interface EditorText {
  text: string;
  /** Text node segments in order (empty for textarea/input). */
  segments: Segment[];
  /** 'field' for textarea/input: offsets are value offsets. */
  kind: 'rich' | 'field';
  element: HTMLElement;
}

const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TBODY',
  'TD', 'TH', 'THEAD', 'TFOOT', 'TR', 'UL',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'svg']);

export function isField(el: Element): el is HTMLTextAreaElement | HTMLInputElement {
  return el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement;
}

export function readEditorText(element: HTMLElement): EditorText {
  if (isField(element)) return { text: element.value, segments: [], kind: 'field', element };
  const parts: string[] = [];
  const segments: Segment[] = [];
  let length = 0;
  let lastChar = '';
  // A block boundary becomes one '\n', written only when more text follows (no trailing newline).
  let pendingNewline = false;
  const push = (s: string) => {
    if (pendingNewline) {
      pendingNewline = false;
      if (length > 0 && lastChar !== '\n') push('\n');
    }
    if (s.length === 0) return;
    parts.push(s);
    length += s.length;
    lastChar = s[s.length - 1] ?? lastChar;
  };
  const newline = () => {
    if (length > 0 && lastChar !== '\n') pendingNewline = true;
  };
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        const t = child as Text;
        if (t.data.length === 0) continue;
        push(''); // writes a pending block newline first, so the segment starts after it
        segments.push({ node: t, start: length });
        // Non-breaking spaces read as spaces so words still match; lengths stay equal.
        push(t.data.replace(/\u00a0/g, ' '));
      } else if (child.nodeType === 1) {
        const el = child as Element;
        if (SKIP.has(el.tagName)) continue;
        if (el.tagName === 'BR') {
          push('\n');
          continue;
        }
        const block = BLOCKS.has(el.tagName);
        if (block) newline();
        walk(el);
        if (block) newline();
      }
    }
  };
  walk(element);
  return { text: parts.join(''), segments, kind: 'rich', element };
}

/** The DOM position of a text offset (rich text only). `preferEnd` picks the end of a node over the start of the next. */
export function domPosition(et: EditorText, offset: number, preferEnd = false): { node: Text; offset: number } | null {
  const segs = et.segments;
  if (segs.length === 0) return null;
  // Binary search for the last segment starting at or before offset.
  let lo = 0;
  let hi = segs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segs[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  let seg = segs[lo]!;
  if (preferEnd && offset === seg.start && lo > 0) {
    const prev = segs[lo - 1]!;
    if (prev.start + prev.node.data.length === offset) seg = prev;
  }
  const inNode = Math.min(Math.max(offset - seg.start, 0), seg.node.data.length);
  return { node: seg.node, offset: inNode };
}

/** A live DOM Range covering [start, end) of the plain text, or null for fields / empty editors. */
export function rangeFor(et: EditorText, start: number, end: number): Range | null {
  if (et.kind !== 'rich') return null;
  const a = domPosition(et, start);
  const b = domPosition(et, end, true);
  if (!a || !b) return null;
  const r = et.element.ownerDocument.createRange();
  r.setStart(a.node, a.offset);
  r.setEnd(b.node, b.offset);
  return r;
}
