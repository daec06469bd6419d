/**
 * The guard: watches compose units, keeps their scans current, draws marks, and stops sends that
 * mention clients until the coach has seen the warning. Everything here only READS the page's editors;
 * the only things it does to the page are preventing an event, selecting text (Escape → back to the
 * mention), clicking the app's own send button after "send anyway", and, only when the coach chooses
 * "Anonymise", typing placeholders over the mentions through the editor's own input (anonymise-in-editor.ts).
 */
import { browser } from 'wxt/browser';
import type { Situation, WarningArticle } from '../codes';
import { getLanguage, setLanguage } from '../i18n';
import type { GuardFinding, WarningArticlesResponse } from '../protocol';
import { composeRootOf, editorsIn, frameDoc, hasBlindFrame, holds, isDisabled, sendButtonOf } from '../sites/dom';
import { adaptersFor, unitForEditorTarget, type ComposeUnit, type SiteAdapter } from '../sites';
import { anonymiseUnit } from './anonymise-in-editor';
import { consentLine } from './consent-text';
import { focusedInsideClosedShadow } from './editor-discovery';
import { isField, rangeFor, readEditorText, type EditorText } from './editor-text';
import { blockingTerms, isBlocking, kindLabel, mentionsByClient } from './findings';
import { ANONYMISE_KEY, MarksOverlay, type Mark } from './marks-overlay';
import { t } from './messages';
import { hideNotice, setUnlockHandler, showNotice } from './paused-notice';
import { requestScan } from './scan-request';
import { recordSendAnyway } from './send-anyway';
import { ScanScheduler, scanKey, type ScanRequest, type ScanResult } from './scan-scheduler';
import { GUARDED_EVENTS, eventTarget, isActivating, sendPathOf, type SendPath } from './send-guard';
import { WarningDialog, type DialogOutcome } from './warning-dialog';

/** How long after a user's gesture a script-made click or submit still counts as caused by that gesture. */
const USER_CHAIN_MS = 1000;
/** A press (down → up → click) longer than this is judged afresh at each step. */
const GESTURE_MS = 1500;

interface Snapshot {
  et: EditorText;
  bodyOffset: number;
  req: ScanRequest;
}

interface UnitState {
  unit: ComposeUnit;
  scheduler: ScanScheduler;
  observer: MutationObserver;
  pasted: boolean;
  /** Set after "send anyway" when the app has no button to click: the next send of exactly this text passes once. */
  allowKey: string | null;
  /** Intervision mode for the message being written: "Anonymise" is the default action (reset when the editor empties). */
  intervision: boolean;
}

export class Guard {
  #adapters: SiteAdapter[];
  #states = new Map<HTMLElement, UnitState>();
  #overlay = new MarksOverlay();
  private dialog = new WarningDialog();
  /** The send button we are clicking ourselves right now (our own re-trigger passes). */
  #bypass: Element | null = null;
  #resolving = false;
  #lockState: 'unknown' | 'setup' | 'locked' | 'open' = 'unknown';
  /** Time of the last trusted key/pointer gesture: a script's send right after it is the app acting for the user. */
  #lastGesture = -Infinity;
  /** The decision taken for the press in progress (key down→up, pointer down→up→click). */
  #gesture:
    | { kind: 'key'; decision: 'pass' | 'block'; at: number }
    | { kind: 'pointer'; button: HTMLElement; decision: 'pass' | 'block'; at: number }
    | null = null;

  constructor(hostname = location.hostname) {
    this.#adapters = adaptersFor(hostname);
  }

  /** Register every listener synchronously (call at document_start). */
  install(): void {
    for (const type of GUARDED_EVENTS) window.addEventListener(type, (e) => this.#onGuardedEvent(e), { capture: true });
    // The mark's tooltip: its button, and its keyboard shortcut while the caret is in a blocking mention.
    this.#overlay.onAnonymise = (mark) => void this.#anonymiseFromMark(mark.editor);
    window.addEventListener('keydown', (e) => this.#safely(() => this.#onShortcut(e)), { capture: true });
    window.addEventListener('focusin', (e) => this.#safely(() => this.#onFocusIn(e)), { capture: true, passive: true });
    window.addEventListener('paste', (e) => this.#safely(() => this.#onPaste(e)), { capture: true, passive: true });
    window.addEventListener('input', (e) => this.#safely(() => this.#onInput(e)), { capture: true, passive: true });
    // Focus went into a frame (the page hears no focusin for that, only its window's blur).
    window.addEventListener('blur', () => this.#safely(() => this.#blindFrameNotice(document.activeElement, false)));
    setUnlockHandler(() => void this.#openUnlock());
    // Unlocked in the options page meanwhile? Check again when the coach comes back to this tab.
    const recheck = () => {
      if (this.#lockState === 'open' || document.visibilityState !== 'visible') return;
      browser.runtime.sendMessage({ type: 'status' }).then(
        (s) => this.setInitialStatus(s as { setupNeeded: boolean; locked: boolean }),
        () => showNotice('internalError'),
      );
    };
    document.addEventListener('visibilitychange', recheck);
    window.addEventListener('focus', recheck);
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => this.#overlay.ensureHost(), { once: true });
    else this.#overlay.ensureHost();
  }

  /** Show the paused notice according to the vault's state at load. */
  setInitialStatus(status: { setupNeeded: boolean; locked: boolean }): void {
    this.#setLockState(status.setupNeeded ? 'setup' : status.locked ? 'locked' : 'open');
  }

  #setLockState(s: 'setup' | 'locked' | 'open'): void {
    if (s === this.#lockState) return;
    this.#lockState = s;
    if (s === 'open') {
      hideNotice('setup');
      hideNotice('locked');
    } else showNotice(s);
  }

  #safely(fn: () => void): void {
    try {
      fn();
    } catch {
      // Never log page text; say visibly that something is wrong.
      showNotice('internalError');
    }
  }

  async #openUnlock(): Promise<void> {
    try {
      await browser.runtime.sendMessage({ type: 'open-unlock' });
    } catch {
      showNotice('internalError');
    }
  }

  // ── units and scans ──────────────────────────────────────────────────────

  #stateOf(unit: ComposeUnit): UnitState {
    let st = this.#states.get(unit.editor);
    if (st) {
      if (!st.unit.root.isConnected || !holds(st.unit.root, unit.editor)) st.unit.root = composeRootOf(unit.adapter, unit.editor);
      return st;
    }
    for (const [ed] of this.#states) if (!ed.isConnected) this.#forget(ed);
    const scheduler: ScanScheduler = new ScanScheduler({
      read: () => this.#snapshot(st!).req,
      send: (req) =>
        requestScan((m) => browser.runtime.sendMessage(m), {
          type: 'scan' as const,
          text: req.text,
          recipients: req.recipients,
          app: appOf(unit),
          situation: unit.adapter.situation(unit),
        }),
      onResult: (r) => this.#onResult(st!, r),
      setTimer: (fn, ms) => setTimeout(fn, ms),
      clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
    });
    const observer = new MutationObserver(() => {
      // Read-only: the text changed or reflowed.
      this.#overlay.schedule();
      scheduler.touch(st!.pasted);
      st!.pasted = false;
    });
    st = { unit, scheduler, observer, pasted: false, allowKey: null, intervision: false };
    this.#states.set(unit.editor, st);
    if (unit.editor.ownerDocument === document) this.#overlay.watch(unit.editor);
    if (!isField(unit.editor)) observer.observe(unit.editor, { characterData: true, childList: true, subtree: true });
    scheduler.touch(true);
    return st;
  }

  #forget(editor: HTMLElement): void {
    const st = this.#states.get(editor);
    if (!st) return;
    st.observer.disconnect();
    this.#states.delete(editor);
    this.#overlay.set(editor, []);
  }

  #snapshot(st: UnitState): Snapshot {
    const { unit } = st;
    const et = readEditorText(unit.editor);
    const subject = (unit.adapter.subject?.(unit)?.value ?? '').trim();
    const bodyOffset = subject ? subject.length + 2 : 0;
    const text = subject ? `${subject}\n\n${et.text}` : et.text;
    const recipients = unit.adapter.recipients?.(unit);
    return { et, bodyOffset, req: recipients ? { text, recipients } : { text } };
  }

  #onResult(st: UnitState, r: ScanResult): void {
    if ('error' in r) {
      this.#overlay.set(st.unit.editor, []);
      showNotice('internalError');
      return;
    }
    const res = r.response;
    if (res.locked) {
      this.#overlay.set(st.unit.editor, []);
      this.#setLockState(res.setupNeeded ? 'setup' : 'locked');
      return;
    }
    this.#setLockState('open');
    if (res.language) setLanguage(res.language);
    const snap = this.#snapshot(st);
    if (scanKey(snap.req) !== r.key) return; // the text moved on; a newer scan is scheduled
    if (snap.req.text.trim() === '') st.intervision = false; // sent or cleared: a new message
    const marks: Mark[] = [];
    for (const f of res.findings) {
      if (f.start < snap.bodyOffset) continue; // subject: listed in the dialog, not underlined
      const start = f.start - snap.bodyOffset;
      const end = f.end - snap.bodyOffset;
      const range = rangeFor(snap.et, start, end) ?? undefined;
      marks.push({
        editor: st.unit.editor,
        ...(range ? { range } : {}),
        start,
        end,
        // Green (fine to send): to the client themself, or covered by their consent.
        toClient: !!f.toClient || f.consent?.status === 'covered',
        blocking: isBlocking(f),
        tooltip: [
          t('tipClient', { name: f.clientLabel }),
          f.toClient ? t('tipToClient') : t('tipRecognised', { what: kindLabel(f.kind) }),
          ...(f.consent && !f.toClient ? [consentLine(f.consent)] : []),
        ],
      });
    }
    // An editor in a same-origin frame (its send button out here) is marked by the guard in its own frame.
    if (st.unit.editor.ownerDocument === document) this.#overlay.set(st.unit.editor, marks);
  }

  #onFocusIn(e: Event): void {
    const target = eventTarget(e);
    if (!target || this.dialog.owns(target)) return;
    // An editor inside the page's own CLOSED shadow root: its events reach us retargeted to the host, so
    // its sends cannot be told apart. Say so rather than stay silent.
    const hidden = focusedInsideClosedShadow(target);
    if (hidden && (unitForEditorTarget(this.#adapters, hidden) || looksLikeUnknownComposer(hidden))) {
      showNotice('cannotProtect');
      return;
    }
    const unit = unitForEditorTarget(this.#adapters, target);
    if (unit) {
      hideNotice('cannotProtect');
      this.#stateOf(unit);
      return;
    }
    if (looksLikeUnknownComposer(target)) showNotice('cannotProtect');
  }

  #onInput(e: Event): void {
    const target = eventTarget(e);
    if (!target) return;
    // Every keystroke lands here: a known editor is found among the watched ones without asking the adapters
    // (whose compose-root search walks the ancestors). A rich editor's typing is followed by its MutationObserver.
    for (const [editor, st] of this.#states) {
      if (editor.isConnected && (editor === target || editor.contains(target))) {
        if (isField(editor)) st.scheduler.touch();
        return;
      }
    }
    const unit = unitForEditorTarget(this.#adapters, target);
    if (unit) {
      const st = this.#stateOf(unit);
      if (isField(unit.editor)) st.scheduler.touch();
      return;
    }
    // Subject or recipient field of a known unit: rescan its unit.
    for (const st of this.#states.values()) if (st.unit.root.contains(target)) st.scheduler.touch();
  }

  #onPaste(e: Event): void {
    const target = eventTarget(e);
    const unit = target && unitForEditorTarget(this.#adapters, target);
    if (!unit) return;
    const st = this.#stateOf(unit);
    st.pasted = true; // the mutation that follows scans at once
    setTimeout(() => st.scheduler.touch(true), 0);
  }

  /**
   * A compose whose editor sits in a frame this guard cannot read (cross-origin, or sandboxed without
   * allow-same-origin) and whose send button is out here: its sends cannot be checked. Say so, when the coach
   * goes into such a frame or presses such a button. `el` is the clicked element, or the focused frame.
   */
  #blindFrameNotice(el: Element | null, clicked: boolean): void {
    if (!el || (!clicked && !(el instanceof HTMLIFrameElement && !frameDoc(el)))) return;
    for (const a of this.#adapters) {
      if (a.id === 'generic') continue; // other sites: captcha and widget frames next to any submit button
      let x: Element | null = clicked ? el.closest(a.sendButtonSelector) : el;
      for (let depth = 0; x && depth < 12; depth++, x = x.parentElement) {
        // The nearest ancestor holding both a send button and an editor or frame is the compose.
        if (!x.querySelector(a.sendButtonSelector)) continue;
        if (editorsIn(a, x).length) break;
        if (hasBlindFrame(x)) return showNotice('cannotProtect');
      }
    }
  }

  // ── the send guard ───────────────────────────────────────────────────────

  /** A send may pass untouched only when its scan is current and nothing in it blocks. */
  #isClean(st: UnitState, req: ScanRequest): boolean {
    if (!st.scheduler.isCurrent(req)) return false;
    const last = st.scheduler.last!;
    if ('error' in last) return false;
    if (last.response.locked) return !!last.response.setupNeeded;
    return !last.response.findings.some(isBlocking);
  }

  #onGuardedEvent(e: Event): void {
    let path: SendPath | null;
    try {
      if (this.#bypass) {
        // Our own re-trigger: the click on the send button, and the form submit it causes.
        const target = eventTarget(e);
        if (e.type === 'click' && this.#bypass.contains(target)) return;
        if (e.type === 'submit' && target && (target === this.#bypass || target.contains(this.#bypass))) return;
      }
      if (e.isTrusted) {
        // A press in a framed editor's warning, shown out here, is not a gesture towards this guard's sends: its
        // "send anyway" clicks Send from that frame's guard, and must pass here untouched.
        if (eventTarget(e)?.localName === 'discreet-dialog' && !this.dialog.owns(eventTarget(e))) return;
        if (e.type === 'keydown' || e.type === 'pointerdown' || e.type === 'mousedown' || e.type === 'click') this.#lastGesture = e.timeStamp;
      } else if (!(e.timeStamp - this.#lastGesture < USER_CHAIN_MS)) {
        // A script's own click/submit with no user action just before: let it through untouched, so a page
        // cannot probe which names are registered by planting text and watching whether its send is stopped.
        return;
      }
      path = sendPathOf(e, this.#adapters);
      if (!path) {
        if (e.type === 'click' && e.isTrusted) this.#blindFrameNotice(eventTarget(e), true);
        return;
      }
      // One gesture, one decision: the up/click of a press we let through passes too (and vice versa),
      // so an app that sends on mousedown or keyup is neither sent twice nor half-blocked.
      const g = this.#gesture;
      const button = path.kind === 'button' ? path.button : null;
      let decision: 'pass' | 'block';
      const fresh = g !== null && e.timeStamp - g.at < GESTURE_MS;
      if (g && fresh && g.kind === 'pointer' && button && g.button === button && e.type !== 'pointerdown') {
        decision = g.decision;
        if (e.type === 'click') this.#gesture = null;
      } else if (e.type === 'keyup') {
        decision = g?.kind === 'key' && fresh ? g.decision : 'pass';
        this.#gesture = null;
      } else {
        decision = this.#decide(path, e);
        if ((e.type === 'pointerdown' || e.type === 'mousedown') && button) this.#gesture = { kind: 'pointer', button, decision, at: e.timeStamp };
        else if (e.type === 'keydown') this.#gesture = { kind: 'key', decision, at: e.timeStamp };
        else this.#gesture = null;
      }
      if (decision === 'pass') return;
    } catch {
      showNotice('internalError');
      return;
    }
    e.preventDefault();
    e.stopImmediatePropagation();
    if (!isActivating(e) || this.#resolving || this.dialog.isOpen) return;
    void this.#resolveBlockedSend(path);
  }

  /** Pass (exactly as without Discreet) only when the unit's last scan is current and nothing in it blocks. */
  #decide(path: SendPath, e: Event): 'pass' | 'block' {
    const st = this.#stateOf(path.unit);
    const snap = this.#snapshot(st);
    if (st.allowKey !== null && isActivating(e)) {
      const allowed = st.allowKey === scanKey(snap.req);
      st.allowKey = null;
      if (allowed) return 'pass';
    }
    return this.#isClean(st, snap.req) ? 'pass' : 'block';
  }

  async #resolveBlockedSend(path: SendPath): Promise<void> {
    this.#resolving = true;
    const st = this.#stateOf(path.unit);
    try {
      let result = st.scheduler.last;
      if (!st.scheduler.isCurrent(this.#snapshot(st).req)) result = await st.scheduler.scanUntilCurrent();
      let outcome: DialogOutcome;
      // Where the compose's Send is: for an editor in a same-origin frame, the page around it (a dialog in the
      // frame would be cut to the frame's size).
      const at = st.unit.root.ownerDocument;
      if (!result || 'error' in result) {
        outcome = await this.dialog.open({ kind: 'error' }, at);
      } else if (result.response.locked) {
        if (result.response.setupNeeded) {
          this.#resend(st, path);
          return;
        }
        outcome = await this.dialog.open({ kind: 'locked' }, at);
      } else if (!result.response.findings.some(isBlocking)) {
        this.#resend(st, path);
        return;
      } else {
        outcome = await this.dialog.open(this.#warningModel(st, result.text, result.response.findings), at);
      }
      if (outcome.action === 'send') {
        const findings = result && !('error' in result) && !result.response.locked ? result.response.findings : [];
        const record = recordSendAnyway(
          {
            app: appOf(st.unit),
            situation: this.#situationOf(st),
            scanSituation: st.unit.adapter.situation(st.unit),
            reason: outcome.reason,
            note: outcome.note,
            ignore: outcome.ignore,
          },
          findings,
          result && !('error' in result) ? result.text : '',
        );
        this.#resend(st, path);
        const { logged, ignored } = await record;
        if (!logged) showNotice('logFailed');
        else if (!ignored) showNotice('ignoreFailed');
      } else if (outcome.action === 'anonymise' && result && !('error' in result) && !result.response.locked) {
        await this.#anonymise(st, result.text, result.response.findings);
      } else {
        if (outcome.action === 'unlock') void this.#openUnlock();
        this.#backToEditing(st, result && !('error' in result) && !result.response.locked ? result.response.findings : []);
      }
    } catch {
      showNotice('internalError');
    } finally {
      this.#resolving = false;
    }
  }

  #situationOf(st: UnitState): Situation {
    // Intervision: the coach says this message is for supervision/intervision (RL 2.1.4: anonymous there).
    return st.intervision ? 'supervision' : st.unit.adapter.situation(st.unit);
  }

  #warningModel(st: UnitState, text: string, findings: GuardFinding[]) {
    const { unit } = st;
    const snap = this.#snapshot(st);
    const lang = getLanguage();
    return {
      kind: 'findings' as const,
      channel: unit.adapter.channel(unit, lang),
      clients: mentionsByClient(findings, text, snap.bodyOffset),
      // The texts live in the background (they would double the content script): asked for now, shown when they come.
      articles: browser.runtime
        .sendMessage({ type: 'warning-articles', situation: this.#situationOf(st) })
        .then((r) => {
          const a = r as WarningArticlesResponse | undefined;
          if (!a?.ok) throw new Error('articles');
          return a.articles as WarningArticle[];
        }),
      canAnonymise: true,
      intervision: st.intervision,
      onIntervision: (on: boolean) => {
        st.intervision = on;
      },
      ignoreTerms: blockingTerms(findings, text).map((x) => x.term),
    };
  }

  /**
   * Alt+Shift+A with the caret in a blocking mention: the tooltip's "Anonimiseren". Only a real key press
   * counts, and only there: anywhere else the key is left to the page (and to the keyboard layout).
   */
  #onShortcut(e: KeyboardEvent): void {
    if (!e.isTrusted || e.code !== ANONYMISE_KEY.code || !e.altKey || !e.shiftKey || e.ctrlKey || e.metaKey || e.repeat) return;
    const mark = this.#overlay.caretMark();
    if (!mark?.blocking) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    void this.#anonymiseFromMark(mark.editor);
  }

  /** "Anonimiseren" from a mark's tooltip: the warning's anonymise, on the unit's current scan. */
  async #anonymiseFromMark(editor: HTMLElement): Promise<void> {
    const st = this.#states.get(editor);
    if (!st || this.#resolving || this.dialog.isOpen) return;
    this.#resolving = true;
    try {
      let result = st.scheduler.last;
      if (!st.scheduler.isCurrent(this.#snapshot(st).req)) result = await st.scheduler.scanUntilCurrent();
      if (result && !('error' in result) && !result.response.locked && result.response.findings.some(isBlocking)) {
        await this.#anonymise(st, result.text, result.response.findings);
      } else editor.focus({ preventScroll: true });
    } catch {
      showNotice('internalError');
    } finally {
      this.#resolving = false;
    }
  }

  /** The coach chose "Anonymise": rewrite the mentions through the editor's own input, rescan, back to the editor. */
  async #anonymise(st: UnitState, text: string, findings: GuardFinding[]): Promise<void> {
    const { unit } = st;
    const snap = this.#snapshot(st);
    const result = await anonymiseUnit(
      { editor: unit.editor, subject: unit.adapter.subject?.(unit) ?? null, bodyOffset: snap.bodyOffset },
      text,
      findings,
      getLanguage(),
    );
    st.scheduler.touch(true);
    // Never silent: the coach reads the result through, or is told it did not fully work.
    showNotice(result.ok ? 'anonymised' : 'anonymiseFailed');
  }

  /** The original send, exactly once: click the app's own send button (apps ignore synthetic keys). */
  #resend(st: UnitState, path: SendPath): void {
    const button = path.kind === 'button' ? path.button : sendButtonOf(st.unit);
    if (button && button.isConnected && !isDisabled(button)) {
      this.#bypass = button;
      try {
        button.click();
      } finally {
        this.#bypass = null;
      }
      return;
    }
    const form = path.kind === 'submit' ? path.form : st.unit.root instanceof HTMLFormElement ? st.unit.root : null;
    st.allowKey = scanKey(this.#snapshot(st).req);
    if (form) {
      st.allowKey = null;
      this.#bypass = form;
      try {
        form.requestSubmit();
      } finally {
        this.#bypass = null;
      }
      return;
    }
    // No button to click (e.g. an Enter-only chat): the next send of this exact text passes once.
    showNotice('checked');
  }

  /** Escape / back: focus the editor and select the first blocking mention (selection only, no text change). */
  #backToEditing(st: UnitState, findings: GuardFinding[]): void {
    const { editor } = st.unit;
    const snap = this.#snapshot(st);
    const first = findings.find((f) => isBlocking(f) && f.start >= snap.bodyOffset);
    editor.focus({ preventScroll: false });
    if (!first) return;
    const start = first.start - snap.bodyOffset;
    const end = first.end - snap.bodyOffset;
    if (isField(editor)) {
      editor.setSelectionRange(start, end);
      return;
    }
    const range = rangeFor(snap.et, start, end);
    const sel = editor.ownerDocument.getSelection();
    if (range && sel) {
      sel.removeAllRanges();
      sel.addRange(range);
    }
  }
}

/** The app's name as the coach's per-site switch and the log know it ('linkedin-post' → 'linkedin'). */
function appOf(unit: ComposeUnit): string {
  return unit.adapter.id.split('-')[0]!;
}

/** A multi-line editor the adapters do not know (rich text or textarea): worth saying we cannot protect it. */
export function looksLikeUnknownComposer(el: Element): boolean {
  if (el instanceof HTMLTextAreaElement) return !el.readOnly && !el.disabled;
  if (el instanceof HTMLIFrameElement) {
    try {
      const doc = el.contentDocument;
      return !!doc && (doc.designMode === 'on' || !!doc.body?.isContentEditable);
    } catch {
      return false;
    }
  }
  const html = el as HTMLElement;
  if (!html.isContentEditable) return false;
  let root = html;
  while (root.parentElement?.isContentEditable) root = root.parentElement;
  // Recipient wells and search boxes are contenteditable too: only a multi-line editor counts.
  return root.getAttribute('aria-multiline') === 'true' || (!root.hasAttribute('role') && root.offsetHeight >= 60);
}
