/**
 * The warning shown before a send that mentions clients (or cannot be checked).
 * Drawn in a CLOSED shadow root: the page cannot read which names were found, cannot click
 * "send anyway" (only trusted events operate the dialog) and cannot make it go away (re-attached if removed).
 * Keyboard: focus starts on "Back to editing", Tab is trapped, Escape goes back to editing.
 */
import type { WarningArticle } from '../codes';
import type { SendReason } from '../vault/schema';
import { t } from './messages';
import { createClosedHost, h, type ClosedHost } from './shadow-host';

export type { SendReason } from '../vault/schema';
/** Same values and order as SEND_REASONS in src/vault/schema.ts (not imported: that module pulls zod into the content script). */
export const SEND_REASONS: readonly SendReason[] = ['consent', 'legal', 'safety', 'false-alarm', 'other'];

export interface Quote {
  before: string;
  match: string;
  after: string;
  inSubject: boolean;
}

export interface ClientMention {
  label: string;
  toClient: boolean;
  /** Whether this client's mentions stop the send (default: not toClient). Covered by consent: false. */
  blocking?: boolean;
  /** The client's consent verdicts, in words ("Toestemming van 12 maart 2026 voor …"). */
  consent?: string[];
  /** What was recognised, translated (e.g. "naam"). */
  what: string[];
  quotes: Quote[];
}

export interface FindingsModel {
  kind: 'findings';
  channel: string;
  clients: ClientMention[];
  /**
   * The articles to cite, asked of the background when the dialog opens (the texts are not in the content
   * script). A rejected or empty answer still shows the warning, saying the explanation could not be loaded.
   */
  articles: WarningArticle[] | Promise<WarningArticle[]>;
  /** Offer "Anonymise" (the guard can rewrite this unit through the editor's own input). */
  canAnonymise?: boolean;
  /** Intervision mode for this message: "Anonymise" is the primary, focused action. */
  intervision?: boolean;
  /** Called when the coach flips the intervision toggle (trusted events only). */
  onIntervision?: (on: boolean) => void;
  /** Matched texts a "false alarm" could stop warning for (shown in the checkbox's label). */
  ignoreTerms?: string[];
}

export type WarningModel = FindingsModel | { kind: 'locked' } | { kind: 'error' };

export type DialogOutcome =
  | { action: 'back' }
  | { action: 'send'; reason: SendReason; note?: string; ignore?: boolean }
  | { action: 'anonymise' }
  | { action: 'unlock' };

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
.toggle { display: flex; gap: 6px; align-items: flex-start; margin: 8px 0 0; font-size: 13px; }
.consent { font-size: 12.5px; color: #444; }
.ok .consent { color: #0d5c2b; }
textarea { width: 100%; box-sizing: border-box; font: inherit; min-height: 52px; margin-top: 4px; }
[hidden] { display: none !important; }
`;

function trusted(e: Event): boolean {
  return e.isTrusted;
}

export class WarningDialog {
  private host: ClosedHost | null = null;
  /** The window the dialog is shown in (this one, or a same-origin parent's). */
  #win: Window = window;
  #resolve: ((o: DialogOutcome) => void) | null = null;
  #onFocusIn = (e: FocusEvent) => {
    // Modal: a trusted focus move out of the dialog is pulled back.
    if (this.host && e.target !== this.host.host && e.isTrusted) this.#focusFirst();
  };

  get isOpen(): boolean {
    return this.host !== null;
  }

  /** Whether an event came from inside the dialog (its host, as the page sees it). */
  owns(target: EventTarget | null): boolean {
    return !!this.host && target === this.host.host;
  }

  /** Shown in `doc`: the document of the compose's Send, which for an editor in a small frame is the page around it. */
  open(model: WarningModel, doc: Document = document): Promise<DialogOutcome> {
    this.close({ action: 'back' });
    const host = createClosedHost('discreet-dialog', 'width:100vw !important;height:100vh !important;', doc);
    this.#win = doc.defaultView ?? window;
    this.host = host;
    const root = host.root;
    root.append(h('style', {}, CSS));
    const dlg = this.#build(model);
    const backdrop = h('div', { class: 'backdrop' }, dlg);
    // Clicks outside the dialog do nothing (and never reach the page).
    backdrop.addEventListener('mousedown', (e) => {
      if (e.target === backdrop) e.preventDefault();
    });
    // Keys typed in the dialog must not reach the app's own shortcuts.
    for (const type of ['keydown', 'keyup', 'keypress', 'input', 'beforeinput', 'paste', 'copy', 'cut'] as const) {
      backdrop.addEventListener(type, (e) => e.stopPropagation());
    }
    dlg.addEventListener('keydown', (e) => this.#onKey(e, dlg));
    root.append(backdrop);
    this.#win.addEventListener('focusin', this.#onFocusIn, true);
    this.#focusFirst();
    return new Promise((resolve) => {
      this.#resolve = resolve;
    });
  }

  close(outcome: DialogOutcome): void {
    if (!this.host) return;
    this.#win.removeEventListener('focusin', this.#onFocusIn, true);
    this.host.remove();
    this.host = null;
    const r = this.#resolve;
    this.#resolve = null;
    r?.(outcome);
  }

  #focusables(dlg: Element): HTMLElement[] {
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

  #focusFirst(): void {
    const dlg = this.host?.root.querySelector<HTMLElement>('.dlg');
    const target = dlg?.querySelector<HTMLElement>('[data-autofocus]:not([hidden])') ?? (dlg ? this.#focusables(dlg)[0] : null);
    target?.focus();
  }

  #onKey(e: KeyboardEvent, dlg: HTMLElement): void {
    if (!trusted(e)) return;
    if (e.key === 'Escape') {
      e.preventDefault();
      this.close({ action: 'back' });
      return;
    }
    if (e.key === 'Tab') {
      const items = this.#focusables(dlg);
      if (items.length === 0) return;
      const active = this.host!.root.activeElement;
      const i = items.indexOf(active as HTMLElement);
      const next = e.shiftKey ? (i <= 0 ? items.length - 1 : i - 1) : i === items.length - 1 ? 0 : i + 1;
      e.preventDefault();
      items[next]!.focus();
    }
  }

  #button(label: string, cls: string, onClick: () => void, attrs: Record<string, string | boolean> = {}): HTMLButtonElement {
    const b = h('button', { type: 'button', class: cls, ...attrs }, label);
    b.addEventListener('click', (e) => {
      if (!trusted(e)) return;
      onClick();
    });
    return b;
  }

  #build(model: WarningModel): HTMLElement {
    const dlg = h('section', { class: 'dlg', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'dsc-title', 'aria-describedby': 'dsc-desc' });
    const back = this.#button(t('back'), 'primary', () => this.close({ action: 'back' }), { 'data-autofocus': true });
    if (model.kind === 'locked') {
      dlg.append(
        h('h2', { id: 'dsc-title' }, t('lockedTitle')),
        h('p', { id: 'dsc-desc' }, t('lockedBody')),
        h('div', { class: 'row' }, this.#button(t('unlock'), '', () => this.close({ action: 'unlock' })), back),
      );
      return dlg;
    }
    if (model.kind === 'error') {
      const { panel, open } = this.#reasonPanel();
      dlg.append(
        h('h2', { id: 'dsc-title' }, t('errorTitle')),
        h('p', { id: 'dsc-desc' }, t('errorBody')),
        h('div', { class: 'row' }, this.#button(t('sendAnyway'), 'danger', open), back),
        panel,
      );
      return dlg;
    }
    return this.#buildFindings(dlg, model);
  }

  #buildFindings(dlg: HTMLElement, model: FindingsModel): HTMLElement {
    const isBlockingClient = (c: ClientMention) => c.blocking ?? !c.toClient;
    const blocking = model.clients.filter(isBlockingClient);
    const n = blocking.length || model.clients.length;
    const list = h('ul', {});
    for (const c of model.clients) {
      const li = h('li', { class: isBlockingClient(c) ? '' : 'ok' }, h('strong', {}, c.label));
      const extra = [c.what.join(', '), c.toClient ? t('toClientNote') : ''].filter(Boolean).join('; ');
      if (extra) li.append(` (${extra})`);
      for (const line of c.consent ?? []) li.append(h('br'), h('span', { class: 'consent' }, line));
      for (const q of c.quotes.slice(0, 2)) {
        li.append(
          h('br'),
          q.inSubject ? `${t('inSubject')}: ` : '',
          h('q', {}, `${q.before ? '…' : ''}${q.before}`, h('mark', {}, q.match), `${q.after}${q.after ? '…' : ''}`),
        );
      }
      list.append(li);
    }
    const why = h('div', { class: 'why', 'aria-live': 'polite' }, h('h3', {}, t('why')));
    const pending = h('p', {}, t('articlesLoading'));
    why.append(pending);
    const fill = (articles: WarningArticle[]) => {
      pending.remove();
      // The most relevant article of each chosen code, no more: five seconds to understand.
      const firstPerCode = articles.filter((a, i, all) => all.findIndex((b) => b.code === a.code) === i);
      for (const a of firstPerCode) {
        why.append(h('p', {}, h('strong', {}, `${a.citation}: `), a.short));
        if (a.full) why.append(h('details', {}, h('summary', {}, t('more')), h('p', {}, a.full)));
      }
      if (firstPerCode.length === 0) why.append(h('p', {}, t('articlesFailed')));
    };
    const failed = () => {
      pending.textContent = t('articlesFailed');
    };
    if (Array.isArray(model.articles)) fill(model.articles);
    else model.articles.then((a) => (Array.isArray(a) ? fill(a) : failed()), failed);

    const { panel, open } = this.#reasonPanel(model.ignoreTerms ?? []);
    const intervision = !!model.intervision && !!model.canAnonymise;
    const back = this.#button(t('back'), intervision ? '' : 'primary', () => this.close({ action: 'back' }), intervision ? {} : { 'data-autofocus': true });
    const row = h('div', { class: 'row' });
    let toggle: HTMLElement | null = null;
    if (model.canAnonymise) {
      const anon = this.#button(t('anonymise'), intervision ? 'primary' : '', () => this.close({ action: 'anonymise' }), intervision ? { 'data-autofocus': true } : {});
      row.append(anon);
      const box = h('input', { type: 'checkbox' });
      box.checked = intervision;
      box.addEventListener('change', (e) => {
        if (!trusted(e)) {
          box.checked = !box.checked;
          return;
        }
        model.onIntervision?.(box.checked);
        // The default action follows the toggle at once.
        anon.className = box.checked ? 'primary' : '';
        back.className = box.checked ? '' : 'primary';
      });
      toggle = h('label', { class: 'toggle' }, box, h('span', {}, t('intervision')));
    }
    row.append(this.#button(t('sendAnyway'), 'danger', open), back);
    dlg.append(
      h('h2', { id: 'dsc-title' }, n === 1 ? t('titleOne') : t('titleMany', { n })),
      h('div', { id: 'dsc-desc' }, h('p', {}, t('where', { channel: model.channel })), h('p', { class: 'small' }, `${t('found')}:`), list),
      why,
      h('p', { class: 'small' }, t('tip')),
      ...(toggle ? [toggle] : []),
      row,
      panel,
    );
    return dlg;
  }

  /** "Send anyway" asks for a reason first; "other" needs a note; "false alarm" may stop this warning. */
  #reasonPanel(ignoreTerms: readonly string[] = []): { panel: HTMLElement; open: () => void } {
    const fs = h('fieldset', {}, h('legend', {}, t('reasonLegend')));
    const radios: HTMLInputElement[] = [];
    const note = h('textarea', { 'aria-label': t('note'), maxlength: '500', autocomplete: 'off' });
    const noteLabel = h('label', { hidden: true }, t('note'), note);
    const ignore = h('input', { type: 'checkbox' });
    const terms = ignoreTerms.slice(0, 5).map((x) => `‘${x}’`).join(', ') + (ignoreTerms.length > 5 ? ', …' : '');
    const ignoreLabel = h('label', { class: 'toggle', hidden: true }, ignore, h('span', {}, t('ignoreTerms', { terms })));
    const chosen = () => radios.find((x) => x.checked)?.value as SendReason | undefined;
    const valid = () => {
      const r = chosen();
      return !!r && (r !== 'other' || note.value.trim().length > 0);
    };
    const confirm = this.#button(t('confirmSend'), 'danger', () => {
      const r = chosen();
      if (!r || !valid()) return;
      const outcome: DialogOutcome = { action: 'send', reason: r };
      if (r === 'other') outcome.note = note.value.trim();
      if (r === 'false-alarm' && ignoreTerms.length > 0 && ignore.checked) outcome.ignore = true;
      this.close(outcome);
    });
    confirm.disabled = true;
    const update = (e: Event) => {
      if (!trusted(e)) return;
      noteLabel.hidden = chosen() !== 'other';
      ignoreLabel.hidden = chosen() !== 'false-alarm' || ignoreTerms.length === 0;
      confirm.disabled = !valid();
    };
    for (const r of SEND_REASONS) {
      const input = h('input', { type: 'radio', name: 'dsc-reason', value: r });
      input.addEventListener('change', update);
      radios.push(input);
      fs.append(h('label', {}, input, ` ${t(`reason_${r}`)}`));
    }
    note.addEventListener('input', update);
    // A page script cannot tick "stop warning" for the coach.
    ignore.addEventListener('change', (e) => {
      if (!trusted(e)) ignore.checked = false;
    });
    fs.append(noteLabel, ignoreLabel, h('div', { class: 'row' }, confirm));
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
