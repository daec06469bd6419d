/**
 * A host element with a CLOSED shadow root, appended to <html> (of this document, or of `doc`: a same-origin
 * parent's, for a dialog that must not be clipped by a small frame). The page's scripts can see that the
 * host exists but cannot read inside it (host.shadowRoot is null for them, and nothing is in the light DOM).
 * If the page removes the host or changes its style, it is put back.
 */
export interface ClosedHost {
  host: HTMLElement;
  root: ShadowRoot;
  remove(): void;
}

const HOST_STYLE =
  'all:initial !important;position:fixed !important;inset:0 auto auto 0 !important;width:0 !important;height:0 !important;' +
  'overflow:visible !important;z-index:2147483647 !important;display:block !important;visibility:visible !important;' +
  'opacity:1 !important;pointer-events:none !important;contain:none !important;transform:none !important;';

export function createClosedHost(tag: string, extraStyle = '', doc: Document = document): ClosedHost {
  const host = doc.createElement(tag);
  const style = HOST_STYLE + extraStyle;
  host.setAttribute('style', style);
  const root = host.attachShadow({ mode: 'closed' });
  let removed = false;
  const attach = () => {
    if (removed) return;
    if (!host.isConnected) (doc.documentElement ?? doc).appendChild(host);
  };
  const watch = new MutationObserver(() => {
    if (removed) return;
    if (host.getAttribute('style') !== style) host.setAttribute('style', style);
    for (const a of [...host.attributes]) if (a.name !== 'style') host.removeAttribute(a.name);
    attach();
  });
  watch.observe(host, { attributes: true });
  const startDocWatch = () => watch.observe(doc.documentElement, { childList: true });
  if (doc.documentElement) startDocWatch();
  attach();
  return {
    host,
    root,
    remove() {
      removed = true;
      watch.disconnect();
      host.remove();
    },
  };
}

/** Create an element with attributes and children, inside our own shadow roots only. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | boolean | undefined> = {},
  ...children: Array<Node | string | null | undefined | false>
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}
