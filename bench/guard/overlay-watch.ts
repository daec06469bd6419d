/**
 * Watches Discreet's marks overlay (a CLOSED shadow root under <discreet-marks>) from outside the page,
 * through the DevTools protocol's DOM domain, which pierces closed roots. Only the overlay's subtree is
 * bound (the editor is not), so the DOM agent reports the overlay's mutations and nothing of the app's.
 *
 * Every DOM event is timestamped on arrival in this process (performance.now()): an observed time is
 * the real change plus one renderer → browser → Node hop (well under a millisecond on an idle machine,
 * a few ms on a busy one). No polling.
 */
import type { CDPSession } from '@playwright/test';
import { performance } from 'node:perf_hooks';

export interface Underline {
  left: number;
  top: number;
  width: number;
}

interface NodeInfo {
  id: number;
  parent: number | null;
  name: string;
  attrs: Map<string, string>;
  children: number[];
  value?: string;
}

type Listener = (at: number) => void;

export class OverlayWatch {
  private nodes = new Map<number, NodeInfo>();
  private layerId: number | null = null;
  private listeners = new Set<Listener>();
  /** Number of DOM events received (for the report). */
  events = 0;

  private constructor(private cdp: CDPSession) {}

  static async attach(cdp: CDPSession, hostTag = 'discreet-marks'): Promise<OverlayWatch> {
    const w = new OverlayWatch(cdp);
    const touched = (fn: () => void) => () => {
      w.events++;
      fn();
    };
    cdp.on('DOM.setChildNodes', (e: any) => {
      const parent = w.nodes.get(e.parentId);
      if (parent) parent.children = e.nodes.map((n: any) => n.nodeId);
      for (const n of e.nodes) w.add(n, e.parentId);
      w.fire();
    });
    cdp.on('DOM.childNodeInserted', (e: any) =>
      touched(() => {
        const parent = w.nodes.get(e.parentNodeId);
        if (!parent) return;
        const i = e.previousNodeId ? parent.children.indexOf(e.previousNodeId) + 1 : 0;
        parent.children.splice(i, 0, e.node.nodeId);
        w.add(e.node, e.parentNodeId);
      })(),
    );
    cdp.on('DOM.childNodeRemoved', (e: any) =>
      touched(() => {
        const parent = w.nodes.get(e.parentNodeId);
        if (parent) parent.children = parent.children.filter((c) => c !== e.nodeId);
        w.drop(e.nodeId);
      })(),
    );
    cdp.on('DOM.attributeModified', (e: any) => touched(() => w.nodes.get(e.nodeId)?.attrs.set(e.name, e.value))());
    cdp.on('DOM.attributeRemoved', (e: any) => touched(() => w.nodes.get(e.nodeId)?.attrs.delete(e.name))());
    cdp.on('DOM.characterDataModified', (e: any) =>
      touched(() => {
        const n = w.nodes.get(e.nodeId);
        if (n) n.value = e.characterData;
      })(),
    );
    // Inline style set through CSSOM (el.style.left = …) is not an attribute event: the DOM agent says
    // "invalidated" (in the task right after the change) and the new value has to be fetched. The time
    // stamped is the arrival of the invalidation, not of the fetched value.
    cdp.on('DOM.inlineStyleInvalidated', (e: any) => {
      w.events++;
      const at = performance.now();
      void Promise.all(
        (e.nodeIds as number[]).map(async (id) => {
          const n = w.nodes.get(id);
          if (!n) return;
          try {
            const { attributes } = (await cdp.send('DOM.getAttributes', { nodeId: id })) as { attributes: string[] };
            n.attrs.clear();
            for (let i = 0; i + 1 < attributes.length; i += 2) n.attrs.set(attributes[i]!, attributes[i + 1]!);
          } catch {
            // removed meanwhile
          }
        }),
      ).then(() => w.fireAt(at));
    });
    for (const ev of ['DOM.childNodeInserted', 'DOM.childNodeRemoved', 'DOM.attributeModified', 'DOM.attributeRemoved', 'DOM.characterDataModified']) {
      cdp.on(ev as any, () => w.fire());
    }

    await cdp.send('DOM.enable');
    // Bind only <html> and its children (the host among them, with its closed shadow root), then the
    // shadow root's subtree. The app's DOM below <body> stays unbound: its mutations are not reported.
    const { root } = (await cdp.send('DOM.getDocument', { depth: 2, pierce: false })) as any;
    const html = (root.children ?? []).find((n: any) => n.nodeName === 'HTML');
    const host = (html?.children ?? []).find((n: any) => n.nodeName.toLowerCase() === hostTag);
    if (!host) throw new Error(`no <${hostTag}> host in the page: is the extension's content script running?`);
    w.add(html, null);
    const shadow = host.shadowRoots?.[0];
    if (!shadow) throw new Error(`<${hostTag}> has no shadow root visible to the DevTools protocol`);
    await cdp.send('DOM.requestChildNodes', { nodeId: shadow.nodeId, depth: -1, pierce: true });
    // Wait until the shadow root's children arrived (setChildNodes events).
    const t0 = performance.now();
    while (w.layerId === null && performance.now() - t0 < 3000) {
      w.findLayer();
      if (w.layerId === null) await new Promise((r) => setTimeout(r, 20));
    }
    if (w.layerId === null) throw new Error('could not bind the marks layer inside the closed shadow root');
    return w;
  }

  private add(n: any, parent: number | null): void {
    const attrs = new Map<string, string>();
    const a: string[] = n.attributes ?? [];
    for (let i = 0; i + 1 < a.length; i += 2) attrs.set(a[i]!, a[i + 1]!);
    const info: NodeInfo = { id: n.nodeId, parent, name: String(n.nodeName).toLowerCase(), attrs, children: [], value: n.nodeValue };
    this.nodes.set(n.nodeId, info);
    for (const s of n.shadowRoots ?? []) {
      info.children.push(s.nodeId);
      this.add(s, n.nodeId);
    }
    for (const c of n.children ?? []) {
      info.children.push(c.nodeId);
      this.add(c, n.nodeId);
    }
    if (this.layerId === null) this.findLayer();
  }

  private drop(id: number): void {
    const n = this.nodes.get(id);
    if (!n) return;
    for (const c of n.children) this.drop(c);
    this.nodes.delete(id);
  }

  /** The marks layer: the first <div> child of the shadow root (before the editor covers, the mirror and the tooltip). */
  private findLayer(): void {
    for (const n of this.nodes.values()) {
      if (n.name !== '#document-fragment') continue;
      const div = n.children.map((c) => this.nodes.get(c)).find((c) => c?.name === 'div');
      if (div) {
        this.layerId = div.id;
        return;
      }
    }
  }

  private fire(): void {
    this.fireAt(performance.now());
  }

  private fireAt(at: number): void {
    for (const l of [...this.listeners]) l(at);
  }

  /** The underlines drawn now (position: fixed, CSS pixels of the viewport). */
  underlines(): Underline[] {
    const layer = this.layerId === null ? undefined : this.nodes.get(this.layerId);
    if (!layer) return [];
    const out: Underline[] = [];
    for (const id of layer.children) {
      const style = this.nodes.get(id)?.attrs.get('style') ?? '';
      const px = (p: string) => Number(new RegExp(`(?:^|;)\\s*${p}:\\s*(-?[\\d.]+)px`).exec(style)?.[1] ?? NaN);
      const u = { left: px('left'), top: px('top'), width: px('width') };
      if (Number.isFinite(u.left) && Number.isFinite(u.width)) out.push(u);
    }
    return out;
  }

  /**
   * Resolves with the arrival time (performance.now()) of the first DOM event after which `ok()` holds,
   * or null after `timeoutMs`. Checks the current state first.
   */
  waitFor(ok: (w: OverlayWatch) => boolean, timeoutMs: number): Promise<number | null> {
    if (ok(this)) return Promise.resolve(performance.now());
    return new Promise((resolve) => {
      const listener: Listener = (at) => {
        if (!ok(this)) return;
        this.listeners.delete(listener);
        clearTimeout(timer);
        resolve(at);
      };
      const timer = setTimeout(() => {
        this.listeners.delete(listener);
        resolve(null);
      }, timeoutMs);
      this.listeners.add(listener);
    });
  }
}
