/**
 * Small notices in the corner, drawn in a closed shadow root so the page's own scripts cannot read them:
 * protection paused (vault locked / not set up; offers to unlock), a field Discreet cannot protect,
 * an internal error, or "checked, send again". Never silent: when protection is off, it says so.
 */
import { t } from './messages';
import { createClosedHost, h, type ClosedHost } from './shadow-host';

export type NoticeKind = 'setup' | 'locked' | 'cannotProtect' | 'internalError' | 'checked' | 'anonymised' | 'anonymiseFailed' | 'logFailed' | 'ignoreFailed';

const ERRORS: readonly NoticeKind[] = ['internalError', 'cannotProtect', 'anonymiseFailed', 'logFailed', 'ignoreFailed'];
const TEXT = { setup: 'pausedSetup', locked: 'pausedLocked', cannotProtect: 'cannotProtect', internalError: 'internalError', checked: 'checkedPressAgain', anonymised: 'anonymised', anonymiseFailed: 'anonymiseFailed', logFailed: 'logFailed', ignoreFailed: 'ignoreFailed' } as const satisfies Record<NoticeKind, Parameters<typeof t>[0]>;

const CSS = `
:host { all: initial; }
.stack { position: fixed; bottom: 12px; right: 12px; max-width: 380px; pointer-events: none; display: flex; flex-direction: column;
  align-items: flex-end; gap: 6px; }
.box { pointer-events: none; display: flex; gap: 8px; align-items: center;
  font: 13px/1.4 system-ui, sans-serif; background: #fff8e1; color: #3b2f00; border: 1px solid #e0c36a; border-radius: 6px; padding: 6px 10px;
  box-shadow: 0 2px 8px rgba(0,0,0,.12); }
.box.err { background: #fdecea; color: #5f1410; border-color: #e6a09a; }
.box.ok { background: #e6f4ea; color: #0d3b1e; border-color: #9fd2ae; }
/* Only the buttons take the pointer: the text never hides the app's own controls (Gmail's Send sits in this corner). */
button { pointer-events: auto; font: inherit; border: 1px solid currentColor; background: transparent; color: inherit; border-radius: 4px; padding: 2px 8px; cursor: pointer; }
button.x { border: none; padding: 0 4px; font-size: 16px; line-height: 1; }
`;

/** Protection state (paused: locked / not set up) stays while it lasts; one event notice may stand above it. */
const STATE_KINDS: readonly NoticeKind[] = ['setup', 'locked'];

let host: ClosedHost | null = null;
/** The protection-state notice, if any. */
let state: NoticeKind | null = null;
/** The latest event notice (an error, "checked", "anonymised", …), if any: a state change never hides it. */
let event: NoticeKind | null = null;
let onUnlock: (() => void) | null = null;

/** What "Ontgrendelen"/"Instellen" does (the guard sends `open-unlock`). */
export function setUnlockHandler(fn: () => void): void {
  onUnlock = fn;
}

/** The notice on top (the event notice, else the state notice). */
export function currentNotice(): NoticeKind | null {
  return event ?? state;
}

function box(kind: NoticeKind): HTMLElement {
  const err = ERRORS.includes(kind);
  const cls = err ? 'box err' : kind === 'checked' || kind === 'anonymised' ? 'box ok' : 'box';
  const el = h('div', { class: cls, role: err && kind !== 'cannotProtect' ? 'alert' : 'status' }, h('span', {}, t(TEXT[kind])));
  if (STATE_KINDS.includes(kind)) {
    if (onUnlock) {
      const b = h('button', { type: 'button' }, kind === 'setup' ? t('setUp') : t('unlock'));
      b.addEventListener('click', (e) => {
        if (e.isTrusted) onUnlock?.();
      });
      el.append(b);
    }
  } else {
    const x = h('button', { type: 'button', class: 'x', 'aria-label': t('close') }, '×');
    x.addEventListener('click', (e) => {
      if (e.isTrusted) hideNotice(kind);
    });
    el.append(x);
  }
  return el;
}

function render(): void {
  const draw = () => {
    host?.remove();
    host = null;
    if (!state && !event) return;
    host = createClosedHost('discreet-notice');
    const stack = h('div', { class: 'stack' });
    if (event) stack.append(box(event));
    if (state) stack.append(box(state));
    host.root.append(h('style', {}, CSS), stack);
  };
  if (document.body) draw();
  else document.addEventListener('DOMContentLoaded', draw, { once: true });
}

export function showNotice(kind: NoticeKind): void {
  if (STATE_KINDS.includes(kind)) {
    if (state === kind && host) return;
    state = kind;
  } else {
    if (event === kind && host) return;
    event = kind;
  }
  render();
}

/** Hides that notice (if shown), or every notice. */
export function hideNotice(kind?: NoticeKind): void {
  if (!kind) {
    state = null;
    event = null;
  } else if (state === kind) state = null;
  else if (event === kind) event = null;
  else return;
  render();
}

/** Kept for existing callers. */
export function showPausedNotice(reason: 'setup' | 'locked'): void {
  showNotice(reason);
}
