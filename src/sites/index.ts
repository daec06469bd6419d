/**
 * Every app Discreet knows. A new app is one file and one line here.
 * Order matters: the first adapter whose host and editor match wins; `genericAdapter` comes last
 * and only applies on hosts no specific adapter claims.
 */
import { composeRootOf, editorForButton, hostMatches } from './dom';
import { genericAdapter } from './generic';
import { gmailAdapter } from './gmail';
import { linkedinAdapters } from './linkedin';
import { outlookAdapter } from './outlook';
import { slackAdapter } from './slack';
import { teamsAdapter } from './teams';
import type { ComposeUnit, SiteAdapter } from './types';

export type { ComposeUnit, Recipients, SendKey, SiteAdapter } from './types';

export const ADAPTERS: readonly SiteAdapter[] = [gmailAdapter, outlookAdapter, ...linkedinAdapters, teamsAdapter, slackAdapter];

/** The adapters that apply on this host (specific ones, or the generic one where none is specific). */
export function adaptersFor(hostname: string): SiteAdapter[] {
  const specific = ADAPTERS.filter((a) => hostMatches(a.hosts, hostname));
  return specific.length ? specific : [genericAdapter];
}

/** The compose unit an element (editor or anything inside it) belongs to, if any. */
export function unitForEditorTarget(adapters: readonly SiteAdapter[], target: Element): ComposeUnit | null {
  for (const adapter of adapters) {
    const editor = target.closest<HTMLElement>(adapter.editorSelector);
    if (!editor) continue;
    // For contenteditables, the root is the outermost editable (a nested contenteditable=true in a generic page).
    let root = editor;
    if (adapter === genericAdapter) {
      while (root.parentElement?.closest(adapter.editorSelector)) root = root.parentElement.closest<HTMLElement>(adapter.editorSelector)!;
    }
    return { adapter, editor: root, root: composeRootOf(adapter, root) };
  }
  return null;
}

/** The compose unit whose send button `target` is (or is inside), if any. */
export function unitForSendTarget(adapters: readonly SiteAdapter[], target: Element): { unit: ComposeUnit; button: HTMLElement } | null {
  for (const adapter of adapters) {
    const button = target.closest<HTMLElement>(adapter.sendButtonSelector);
    if (!button) continue;
    const editor = editorForButton(adapter, button);
    if (!editor) continue;
    const unit = { adapter, editor, root: composeRootOf(adapter, editor) };
    if (!unit.root.contains(button)) unit.root = commonAncestor(unit.root, button);
    return { unit, button };
  }
  return null;
}

function commonAncestor(a: Element, b: Element): Element {
  let el: Element | null = a;
  while (el && !el.contains(b)) el = el.parentElement;
  return el ?? document.documentElement;
}
