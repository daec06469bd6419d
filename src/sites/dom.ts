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
  for (let depth = 0; el && depth < 12; depth++, el = el.parentElement) {
    if (el.querySelector(adapter.sendButtonSelector)) return el;
    if (el.tagName === 'FORM') return el;
  }
  return editor.parentElement ?? editor;
}

/** The editor a send button belongs to: walk up from the button to the nearest ancestor holding one of the adapter's editors. */
export function editorForButton(adapter: SiteAdapter, button: Element): HTMLElement | null {
  const scoped = adapter.rootSelector ? button.closest(adapter.rootSelector) : null;
  if (scoped) {
    const ed = scoped.querySelector<HTMLElement>(adapter.editorSelector);
    if (ed) return ed;
  }
  let el: Element | null = button.parentElement;
  for (let depth = 0; el && depth < 12; depth++, el = el.parentElement) {
    const eds = [...el.querySelectorAll<HTMLElement>(adapter.editorSelector)];
    if (eds.length === 1) return eds[0]!;
    if (eds.length > 1) return eds.find((e) => e.contains(document.activeElement)) ?? eds[0]!;
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
