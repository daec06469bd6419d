/**
 * Decides whether an event is a send path of a compose unit. Pure with respect to the guard's state:
 * it only reads the DOM. Used by the guard's window capture listeners (registered at document_start).
 * Shift+Enter, IME composition and keys in unrelated fields are never send paths.
 */
import { composeRootOf, editorsIn } from '../sites/dom';
import { unitForEditorTarget, unitForSendTarget, type ComposeUnit, type SiteAdapter } from '../sites';

export type SendPath =
  | { kind: 'key'; unit: ComposeUnit }
  | { kind: 'button'; unit: ComposeUnit; button: HTMLElement }
  | { kind: 'submit'; unit: ComposeUnit; form: HTMLFormElement };

/** Event types the guard listens to. Pointer/mouse down/up on a send button are blocked too (some apps send on them) but never act. */
export const GUARDED_EVENTS = ['keydown', 'keyup', 'click', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'submit'] as const;

/** Whether this event type, once blocked, should start the check/dialog (the others are only swallowed). */
export function isActivating(e: Event): boolean {
  return e.type === 'keydown' || e.type === 'click' || e.type === 'submit';
}

export function eventTarget(e: Event): Element | null {
  const t = (e.composedPath?.()[0] ?? e.target) as Node | null;
  if (!t) return null;
  return t.nodeType === 1 ? (t as Element) : t.parentElement;
}

export function sendPathOf(e: Event, adapters: readonly SiteAdapter[]): SendPath | null {
  // Most events are keystrokes that can never send: decided before looking at the target.
  const key = (e as KeyboardEvent).key;
  if ((e.type === 'keydown' || e.type === 'keyup') && key !== 'Enter' && key !== ' ') return null;
  const target = eventTarget(e);
  if (!target) return null;
  if (e.type === 'submit') {
    const form = target as HTMLFormElement;
    if (form.tagName !== 'FORM') return null;
    for (const a of adapters) {
      const editor = editorsIn(a, form)[0];
      if (editor) {
        const unit = unitForEditorTarget([a], editor);
        if (unit) return { kind: 'submit', unit, form };
      }
    }
    return null;
  }
  if (e.type === 'keydown' || e.type === 'keyup') {
    const ke = e as KeyboardEvent;
    if (ke.isComposing || ke.keyCode === 229) return null;
    if (ke.key !== 'Enter' && ke.key !== ' ') return null;
    if (ke.shiftKey || ke.altKey) return null;
    // Enter or Space on a focused send button.
    const onButton = unitForSendTarget(adapters, target);
    if (onButton) {
      // A native button turns Space into a click on keyup: that click is guarded, the key is not.
      const native = onButton.button.tagName === 'BUTTON' || onButton.button.tagName === 'INPUT';
      return ke.key === ' ' && native ? null : { kind: 'button', ...onButton };
    }
    if (ke.key !== 'Enter') return null;
    const mod = ke.ctrlKey || ke.metaKey;
    const unit = unitForEditorTarget(adapters, target);
    if (unit) {
      const keys = unit.adapter.sendKeys(unit);
      return (mod ? keys.includes('mod-enter') : keys.includes('enter')) ? { kind: 'key', unit } : null;
    }
    if (mod) {
      // Gmail/Outlook: Ctrl/Cmd+Enter anywhere in the compose (subject, recipients) sends.
      for (const a of adapters) {
        if (!a.modEnterAnywhere) continue;
        let el: Element | null = target;
        for (let depth = 0; el && depth < 15; depth++, el = el.parentElement) {
          const editor = editorsIn(a, el)[0];
          if (!editor) continue;
          const root = composeRootOf(a, editor);
          if (root.contains(target)) return { kind: 'key', unit: { adapter: a, editor, root } };
          break;
        }
      }
    }
    return null;
  }
  // click / mousedown / mouseup / pointerdown / pointerup: primary button only.
  if ((e as MouseEvent).button !== 0) return null;
  const onButton = unitForSendTarget(adapters, target);
  return onButton ? { kind: 'button', ...onButton } : null;
}
