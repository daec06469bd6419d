/**
 * The warning shown before a send that mentions clients (or cannot be checked).
 * Drawn in a CLOSED shadow root: the page cannot read which names were found, cannot click
 * "send anyway" (only trusted events operate the dialog) and cannot make it go away (re-attached if removed).
 * Keyboard: focus starts on "Back to editing", Tab is trapped, Escape goes back to editing.
 */
import type { WarningArticle } from '../codes';
import { t } from './messages';
import { createClosedHost, h, type ClosedHost } from './shadow-host';

export type SendReason = 'consent' | 'legal' | 'safety' | 'false' | 'other';
export const SEND_REASONS: readonly SendReason[] = ['consent', 'legal', 'safety', 'false', 'other'];

export interface Quote {
  before: string;
  match: string;
  after: string;
  inSubject: boolean;
}

export interface ClientMention {
  label: string;
  toClient: boolean;
  /** What was recognised, translated (e.g. "naam"). */
  what: string[];
  quotes: Quote[];
}

export type WarningModel =
  | { kind: 'findings'; channel: string; clients: ClientMention[]; articles: WarningArticle[] }
  | { kind: 'locked' }
  | { kind: 'error' };

export type DialogOutcome = { action: 'back' } | { action: 'send'; reason: SendReason; note?: string } | { action: 'unlock' };

const CSS = `
:host { all: initial; }
.backdrop { position: fixed; inset: 0; background: rgba(20,20,20,.35); pointer-events: auto; display: flex;
  align-items: center; justify-content: center; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1f1f1f; }
.dlg { background: #fff; border-radius: 10px; box-shadow: 0 8px 32px rgba(0,0,0,.3); width: min(560px, calc(100vw - 32px));
  max-height: calc(100vh - 32px); overflow: auto; padding: 20px 22px; box-sizing: border-box; border-top: 5px solid #c5221f; }
h2 { font-size: 18px; margin: 0 0 8px; }
p { margin: 6px 0; }
ul { margin: 6px 0 10px; padding-left: 20px; }
li { margin: 4px 0; }
q { quotes: "“" "”"; color: #444; }
mark { background: #fde7e7; color: inherit; font-weight: 600; padding: 0 1px; }
.ok mark { background: #e6f4ea; }
.small { font-size: 12.5px; color: #555; }
.why { background: #f6f6f6; border-radius: 6px; padding: 8px 10px; margin: 10px 0; }
.why h3 { font-size: 13px; margin: 0 0 4px; }
.why p { margin: 3px 0; font-size: 13px; }
.why details { margin: 0 0 6px; font-size: 13px; }
.why summary { cursor: pointer; color: #1a56c4; }
.row { display: flex; gap: 8px; justify-content: flex-end; flex-wrap: wrap; margin-top: 14px; }
button { font: inherit; border-radius: 6px; padding: 7px 14px; border: 1px solid #888; background: #fff; color: #1f1f1f; cursor: pointer; }
button.primary { background: #1a56c4; border-color: #1a56c4; color: #fff; }
button.danger { border-color: #c5221f; color: #a50e0e; }
button:disabled { opacity: .5; cursor: default; }
button:focus-visible, input:focus-visible, textarea:focus-visible { outline: 3px solid #f29900; outline-offset: 2px; }
fieldset { border: 1px solid #ccc; border-radius: 6px; margin: 10px 0 0; padding: 8px 12px; }
legend { font-weight: 600; padding: 0 4px; }
label { display: block; margin: 3px 0; }
textarea { width: 100%; box-sizing: border-box; font: inherit; min-height: 52px; margin-top: 4px; }
[hidden] { display: none !important; }
`;

function trusted(e: Event): boolean {
  return e.isTrusted;
}

export class WarningDialog {
  private host: ClosedHost | null = null;
  private resolve: ((o: DialogOutcome) => void) | null = null;
  private onFocusIn = (e: FocusEvent) => {
    // Modal: a trusted focus move out of the dialog is pulled back.
    if (this.host && e.target !== this.host.host && e.isTrusted) this.focusFirst();
  };

  get isOpen(): boolean {
    return this.host !== null;
  }

  /** Whether an event came from inside the dialog (its host, as the page sees it). */
  owns(target: EventTarget | null): boolean {
    return !!this.host && target === this.host.host;
  }

  open(model: WarningModel): Promise<DialogOutcome> {
    this.close({ action: 'back' });
    const host = createClosedHost('discreet-dialog', 'width:100vw !important;height:100vh !important;');
    this.host = host;
    const root = host.root;
    root.append(h('style', {}, CSS));
    const dlg = this.build(model);
    const backdrop = h('div', { class: 'backdrop' }, dlg);
    // Clicks outside the dialog do nothing (and never reach the page).
    backdrop.addEventListener('mousedown', (e) => {
      if (e.target === backdrop) e.preventDefault();
    });
    // Keys typed in the dialog must not reach the app's own shortcuts.
    for (const type of ['keydown', 'keyup', 'keypress', 'input', 'beforeinput', 'paste', 'copy', 'cut'] as const) {
      backdrop.addEventListener(type, (e) => e.stopPropagation());
    }
    dlg.addEventListener('keydown', (e) => this.onKey(e, dlg));
    root.append(backdrop);
    window.addEventListener('focusin', this.onFocusIn, true);
    this.focusFirst();
    return new Promise((resolve) => {
      this.resolve = resolve;
    });
  }

  close(outcome: DialogOutcome): void {
    if (!this.host) return;
    window.removeEventListener('focusin', this.onFocusIn, true);
    this.host.remove();
    this.host = null;
    const r = this.resolve;
    this.resolve = null;
    r?.(outcome);
  }

  private focusables(dlg: Element): HTMLElement[] {
    const all = [...dlg.querySelectorAll<HTMLElement>('button, input, textarea, summary')].filter(
      (el) => !(el as HTMLButtonElement).disabled && !el.closest('[hidden]'),
    );
    // A radio group is one tab stop (the checked radio, or the first); arrows move within it.
    return all.filter((el) => {
      if (!(el instanceof HTMLInputElement) || el.type !== 'radio') return true;
      const group = all.filter((x): x is HTMLInputElement => x instanceof HTMLInputElement && x.type === 'radio' && x.name === el.name);
      return el === (group.find((x) => x.checked) ?? group[0]);
    });
  }

  private focusFirst(): void {
    const dlg = this.host?.root.querySelector<HTMLElement>('.dlg');
    const target = dlg?.querySelector<HTMLElement>('[data-autofocus]:not([hidden])') ?? (dlg ? this.focusables(dlg)[0] : null);
    target?.focus();
  }

  private onKey(e: KeyboardEvent, dlg: HTMLElement): void {
    if (!trusted(e)) return;
    if (e.key === 'Escape') {
      e.preventDefault();
      this.close({ action: 'back' });
      return;
    }
    if (e.key === 'Tab') {
      const items = this.focusables(dlg);
      if (items.length === 0) return;
      const active = this.host!.root.activeElement;
      const i = items.indexOf(active as HTMLElement);
      const next = e.shiftKey ? (i <= 0 ? items.length - 1 : i - 1) : i === items.length - 1 ? 0 : i + 1;
      e.preventDefault();
      items[next]!.focus();
    }
  }

  private button(label: string, cls: string, onClick: () => void, attrs: Record<string, string | boolean> = {}): HTMLButtonElement {
    const b = h('button', { type: 'button', class: cls, ...attrs }, label);
    b.addEventListener('click', (e) => {
      if (!trusted(e)) return;
      onClick();
    });
    return b;
  }

  private build(model: WarningModel): HTMLElement {
    const dlg = h('section', { class: 'dlg', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'dsc-title', 'aria-describedby': 'dsc-desc' });
    const back = this.button(t('back'), 'primary', () => this.close({ action: 'back' }), { 'data-autofocus': true });
    if (model.kind === 'locked') {
      dlg.append(
        h('h2', { id: 'dsc-title' }, t('lockedTitle')),
        h('p', { id: 'dsc-desc' }, t('lockedBody')),
        h('div', { class: 'row' }, this.button(t('unlock'), '', () => this.close({ action: 'unlock' })), back),
      );
      return dlg;
    }
    if (model.kind === 'error') {
      const { panel, open } = this.reasonPanel();
      dlg.append(
        h('h2', { id: 'dsc-title' }, t('errorTitle')),
        h('p', { id: 'dsc-desc' }, t('errorBody')),
        h('div', { class: 'row' }, this.button(t('sendAnyway'), 'danger', open), back),
        panel,
      );
      return dlg;
    }
    const blocking = model.clients.filter((c) => !c.toClient);
    const n = blocking.length || model.clients.length;
    const list = h('ul', {});
    for (const c of model.clients) {
      const li = h('li', { class: c.toClient ? 'ok' : '' }, h('strong', {}, c.label));
      const extra = [c.what.join(', '), c.toClient ? t('toClientNote') : ''].filter(Boolean).join('; ');
      if (extra) li.append(` (${extra})`);
      for (const q of c.quotes.slice(0, 2)) {
        li.append(
          h('br'),
          q.inSubject ? `${t('inSubject')}: ` : '',
          h('q', {}, `${q.before ? '…' : ''}${q.before}`, h('mark', {}, q.match), `${q.after}${q.after ? '…' : ''}`),
        );
      }
      list.append(li);
    }
    const why = h('div', { class: 'why' }, h('h3', {}, t('why')));
    for (const a of model.articles) {
      why.append(h('p', {}, h('strong', {}, `${a.citation}: `), a.short));
      if (a.full) why.append(h('details', {}, h('summary', {}, t('more')), h('p', {}, a.full)));
    }
    if (model.articles.length === 0) why.append(h('p', {}, '—')); // src/codes returned nothing for this situation
    const { panel, open } = this.reasonPanel();
    dlg.append(
      h('h2', { id: 'dsc-title' }, n === 1 ? t('titleOne') : t('titleMany', { n })),
      h('div', { id: 'dsc-desc' }, h('p', {}, t('where', { channel: model.channel })), h('p', { class: 'small' }, `${t('found')}:`), list),
      why,
      h('p', { class: 'small' }, t('tip')),
      h('div', { class: 'row' }, this.button(t('sendAnyway'), 'danger', open), back),
      panel,
    );
    return dlg;
  }

  /** "Send anyway" asks for a reason first; "other" needs a note. */
  private reasonPanel(): { panel: HTMLElement; open: () => void } {
    const fs = h('fieldset', {}, h('legend', {}, t('reasonLegend')));
    const radios: HTMLInputElement[] = [];
    const note = h('textarea', { 'aria-label': t('note'), maxlength: '500' });
    const noteLabel = h('label', { hidden: true }, t('note'), note);
    const confirm = this.button(t('confirmSend'), 'danger', () => {
      const r = radios.find((x) => x.checked)?.value as SendReason | undefined;
      if (!r || !valid()) return;
      this.close(r === 'other' ? { action: 'send', reason: r, note: note.value.trim() } : { action: 'send', reason: r });
    });
    confirm.disabled = true;
    const valid = () => {
      const r = radios.find((x) => x.checked)?.value;
      return !!r && (r !== 'other' || note.value.trim().length > 0);
    };
    const update = (e: Event) => {
      if (!trusted(e)) return;
      noteLabel.hidden = radios.find((x) => x.checked)?.value !== 'other';
      confirm.disabled = !valid();
    };
    for (const r of SEND_REASONS) {
      const input = h('input', { type: 'radio', name: 'dsc-reason', value: r });
      input.addEventListener('change', update);
      radios.push(input);
      fs.append(h('label', {}, input, ` ${t(`reason_${r}`)}`));
    }
    note.addEventListener('input', update);
    fs.append(noteLabel, h('div', { class: 'row' }, confirm));
    const panel = h('div', { hidden: true }, fs);
    return {
      panel,
      open: () => {
        panel.hidden = false;
        radios[0]?.focus();
      },
    };
  }
}
