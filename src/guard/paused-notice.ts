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
.box { position: fixed; bottom: 12px; right: 12px; max-width: 380px; pointer-events: none; display: flex; gap: 8px; align-items: center;
  font: 13px/1.4 system-ui, sans-serif; background: #fff8e1; color: #3b2f00; border: 1px solid #e0c36a; border-radius: 6px; padding: 6px 10px;
  box-shadow: 0 2px 8px rgba(0,0,0,.12); }
.box.err { background: #fdecea; color: #5f1410; border-color: #e6a09a; }
.box.ok { background: #e6f4ea; color: #0d3b1e; border-color: #9fd2ae; }
/* Only the buttons take the pointer: the text never hides the app's own controls (Gmail's Send sits in this corner). */
button { pointer-events: auto; font: inherit; border: 1px solid currentColor; background: transparent; color: inherit; border-radius: 4px; padding: 2px 8px; cursor: pointer; }
button.x { border: none; padding: 0 4px; font-size: 16px; line-height: 1; }
`;

let host: ClosedHost | null = null;
let current: NoticeKind | null = null;
let onUnlock: (() => void) | null = null;

/** What "Ontgrendelen"/"Instellen" does (the guard sends `open-unlock`). */
export function setUnlockHandler(fn: () => void): void {
  onUnlock = fn;
}

export function currentNotice(): NoticeKind | null {
  return current;
}

export function showNotice(kind: NoticeKind): void {
  const draw = () => {
    if (current === kind && host) return;
    hideNotice();
    current = kind;
    host = createClosedHost('discreet-notice');
    const err = ERRORS.includes(kind);
    const cls = err ? 'box err' : kind === 'checked' || kind === 'anonymised' ? 'box ok' : 'box';
    const text = t(TEXT[kind]);
    const box = h('div', { class: cls, role: err && kind !== 'cannotProtect' ? 'alert' : 'status' }, h('span', {}, text));
    if ((kind === 'setup' || kind === 'locked') && onUnlock) {
      const b = h('button', { type: 'button' }, kind === 'setup' ? t('setUp') : t('unlock'));
      b.addEventListener('click', (e) => {
        if (e.isTrusted) onUnlock?.();
      });
      box.append(b);
    }
    if (kind !== 'setup' && kind !== 'locked') {
      const x = h('button', { type: 'button', class: 'x', 'aria-label': t('close') }, '×');
      x.addEventListener('click', (e) => {
        if (e.isTrusted) hideNotice();
      });
      box.append(x);
    }
    host.root.append(h('style', {}, CSS), box);
  };
  if (document.body) draw();
  else document.addEventListener('DOMContentLoaded', draw, { once: true });
}

export function hideNotice(kind?: NoticeKind): void {
  if (kind && current !== kind) return;
  host?.remove();
  host = null;
  current = null;
}

/** Kept for existing callers. */
export function showPausedNotice(reason: 'setup' | 'locked'): void {
  showNotice(reason);
}
