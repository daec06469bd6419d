/** Small read-only DOM helpers shared by the adapters. */
import type { ComposeUnit, SiteAdapter } from './types';

/** The first visible, enabled send button of a unit (or the first at all). */
export function sendButtonOf(unit: ComposeUnit): HTMLElement | null {
  const all = [...unit.root.querySelectorAll<HTMLElement>(unit.adapter.sendButtonSelector)];
  return all.find((b) => b.getClientRects().length > 0 && !isDisabled(b)) ?? all[0] ?? null;
}

export function isDisabled(el: Element): boolean {
  return (el as HTMLButtonElement).disabled === true || el.getAttribute('aria-disabled') === 'true';
}

/** The compose root of an editor: nearest rootSelector match, else the nearest ancestor holding a send button. */
export function composeRootOf(adapter: SiteAdapter, editor: HTMLElement): Element {
  if (adapter.rootSelector) {
    const r = editor.closest(adapter.rootSelector);
    if (r) return r;
  }
  let el: Element | null = editor.parentElement;
  // An editor in a same-origin frame (TinyMCE / CKEditor 4 "classic iframe") whose send button is in the
  // page around the frame: the walk goes on from the frame element.
  for (let depth = 0; el && depth < 12; depth++, el = el.parentElement ?? frameElementOf(el)) {
    if (el.querySelector(adapter.sendButtonSelector)) return el;
    if (el.tagName === 'FORM') return el;
  }
  return editor.parentElement ?? editor;
}

/** The <iframe> holding `el`'s document, when that is a same-origin frame (null in the top frame or cross-origin). */
export function frameElementOf(el: Element): Element | null {
  try {
    return el.ownerDocument.defaultView?.frameElement ?? null;
  } catch {
    return null;
  }
}

/** The document of a frame, or null when the page may not read it (cross-origin, sandboxed). */
export function frameDoc(f: HTMLIFrameElement): Document | null {
  try {
    return f.contentDocument;
  } catch {
    return null;
  }
}

/** How deep same-origin frames are searched for a compose's editor (apps wrap an editor's frame in another). */
const FRAME_DEPTH = 3;

/**
 * Whether `el` holds a frame this script may not read (cross-origin, sandboxed) that could hold an editor:
 * apps keep hidden and tiny cross-origin frames (sign-in keep-alive, analytics) near anything. Also one inside
 * a same-origin frame in `el`.
 */
export function hasBlindFrame(el: ParentNode, depth = 0): boolean {
  return [...el.querySelectorAll('iframe')].some((f) => {
    const doc = frameDoc(f);
    return doc ? depth < FRAME_DEPTH && hasBlindFrame(doc, depth + 1) : f.offsetHeight > 30;
  });
}


/** Whether `root` holds `el`, also when `el` is in a same-origin frame inside `root`. */
export function holds(root: Element, el: Element | null): boolean {
  for (let depth = 0; el && depth <= FRAME_DEPTH; depth++, el = frameElementOf(el)) if (root.contains(el)) return true;
  return false;
}

/** The adapter's editors in `el`, and in the same-origin frames inside it (and frames in those, FRAME_DEPTH deep). */
export function editorsIn(adapter: SiteAdapter, el: ParentNode, depth = 0): HTMLElement[] {
  const eds = [...el.querySelectorAll<HTMLElement>(adapter.editorSelector)];
  if (depth < FRAME_DEPTH)
    for (const f of el.querySelectorAll('iframe')) {
      const doc = frameDoc(f);
      if (doc) eds.push(...editorsIn(adapter, doc, depth + 1));
    }
  return eds;
}

/** The editor a send button belongs to: walk up from the button to the nearest ancestor holding one of the adapter's editors. */
export function editorForButton(adapter: SiteAdapter, button: Element): HTMLElement | null {
  const scoped = adapter.rootSelector ? button.closest(adapter.rootSelector) : null;
  if (scoped) {
    const ed = editorsIn(adapter, scoped)[0];
    if (ed) return ed;
  }
  let el: Element | null = button.parentElement;
  for (let depth = 0; el && depth < 12; depth++, el = el.parentElement) {
    const eds = editorsIn(adapter, el);
    if (eds.length === 1) return eds[0]!;
    if (eds.length > 1) return eds.find((e) => e.contains(e.ownerDocument.activeElement)) ?? eds[0]!;
    // The compose's editor is in a frame this script cannot read: not some other compose's editor further up.
    if (hasBlindFrame(el)) return null;
  }
  return null;
}

export function text(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export function emailsFrom(values: Iterable<string | null | undefined>): string[] {
  const out = new Set<string>();
  for (const v of values) {
    const m = (v ?? '').match(/[^\s<>"',;]+@[^\s<>"',;]+\.[^\s<>"',;]+/g);
    for (const e of m ?? []) out.add(e.toLowerCase());
  }
  return [...out];
}

export function hostMatches(hosts: readonly string[], hostname: string): boolean {
  return hosts.some((h) => hostname === h || hostname.endsWith('.' + h));
}
