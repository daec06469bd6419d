/**
 * Where the guard runs and what an event really hit, for editors that hide: in frames (same-origin,
 * srcdoc, about:blank written by script, as Outlook's pop-out compose does) and in shadow roots.
 * Read only, like the rest of the guard.
 */

/**
 * The host whose adapters apply in this frame. An about:blank or srcdoc frame has no host of its own
 * (location.hostname is ''), but it inherits its creator's origin: Outlook's compose written into an
 * about:blank frame is still Outlook. A sandboxed srcdoc frame has an opaque origin ('null'); the guard
 * runs there (match_origin_as_fallback) and takes the app of the page that holds the frame (Chromium's
 * location.ancestorOrigins), else ''.
 */
export function frameHostname(loc: { hostname: string; ancestorOrigins?: DOMStringList } = location, origin: string = self.origin): string {
  if (loc.hostname) return loc.hostname;
  if (!origin || origin === 'null') origin = loc.ancestorOrigins?.[0] ?? '';
  try {
    return new URL(origin).hostname;
  } catch {
    return '';
  }
}

export function isTopFrame(): boolean {
  try {
    return window.top === window;
  } catch {
    return false;
  }
}

/** A page's CLOSED shadow root, which only an extension can open (Chrome: chrome.dom, Firefox: openOrClosedShadowRoot). */
export function closedShadowRootOf(el: Element): ShadowRoot | null {
  if (el.shadowRoot) return null; // open: composedPath() already reaches inside
  const g = globalThis as { chrome?: { dom?: { openOrClosedShadowRoot?: (e: Element) => ShadowRoot | null } } };
  try {
    const root = g.chrome?.dom?.openOrClosedShadowRoot?.(el) ?? (el as Element & { openOrClosedShadowRoot?: ShadowRoot | null }).openOrClosedShadowRoot ?? null;
    return root instanceof ShadowRoot ? root : null;
  } catch {
    return null;
  }
}

/**
 * The element that has focus behind `target` when `target` is the host of a closed shadow root
 * (events from inside a closed tree reach window listeners retargeted to the host). Returns null when
 * `target` hides nothing focused.
 */
export function focusedInsideClosedShadow(target: Element): Element | null {
  let found: Element | null = null;
  let el: Element | null = target;
  for (let depth = 0; el && depth < 8; depth++) {
    const root: ShadowRoot | null = closedShadowRootOf(el) ?? el.shadowRoot;
    const active: Element | null = root?.activeElement ?? null;
    if (!active) break;
    if (root !== el.shadowRoot) found = active; // went through at least one closed root
    el = active;
  }
  return found ? el : null;
}

/**
 * The selection as seen from inside `el`'s tree. In Chromium, document.getSelection() hides a caret that
 * sits inside a shadow root (it is rescoped to the host); the shadow root's own getSelection() shows it.
 */
export function selectionFor(el: Node): Selection | null {
  const root = el.getRootNode() as (ShadowRoot & { getSelection?: () => Selection | null }) | Document;
  if (root instanceof ShadowRoot && typeof root.getSelection === 'function') return root.getSelection() ?? el.ownerDocument?.getSelection() ?? null;
  return (el.ownerDocument ?? document).getSelection();
}
