/**
 * Underlines client mentions in an overlay drawn inside a CLOSED shadow root.
 * Never touches the editor: no wrapping spans, no CSS.highlights (readable by the page), no attributes.
 * The underlines ignore the pointer (clicks and focus stay with the editor). Positions follow scroll,
 * resize and reflow, at most once per animation frame.
 * Occlusion: IntersectionObserver v2 (trackVisibility) tells a page when anything is drawn over its
 * elements, pointer-events or not. So every watched editor lies under an empty box of ours from the moment
 * it is watched, marked or not, and the underlines (kept within that box) change nothing the page can see.
 * Tooltip: shown when the (real) pointer is over a mark, or when the coach moves the caret into one (arrow
 * keys, Home/End, a click). Not while typing: a name just typed is underlined and announced politely to
 * screen readers (the status line below), but no tooltip opens over the page. That is quieter, and it keeps
 * the overlay inside the editor's box while typing: a tooltip reaching past a small editor would cover the
 * page's own elements, which IntersectionObserver v2 reports to the page only when a registered name was
 * typed. For a blocking mention it offers "Anonimiseren" (every mention of the message, the same action as
 * the warning's):
 * - mouse: only a tooltip opened by hovering its mark takes the pointer; it stays open while the pointer
 *   crosses the gap to it (its box counts 10px wider) and for a short grace time after leaving both. Pressing
 *   the button never takes focus from the editor (mousedown default prevented); only a trusted click acts.
 * - keyboard: opened by the caret it stays inert, even when the pointer crosses it (it may cover the next
 *   line or the app's send button), and names the shortcut, Alt+Shift+A, which the guard handles while the
 *   caret is in such a mark. The shortcut is part of the announced text: the button is never focused.
 */
import { selectionFor } from './editor-discovery';
import { t } from './messages';
import { createClosedHost, h, type ClosedHost } from './shadow-host';

/** The shortcut named in the tooltip (handled by the guard; `code` so it works on every keyboard layout). */
export const ANONYMISE_KEY = { code: 'KeyA', label: 'Alt+Shift+A' };
/** How long the tooltip stays after the pointer left the mark and the tooltip. */
const GRACE_MS = 300;
/** Keys that move the caret: after one of these a caret in a mention opens its tooltip. */
const CARET_KEYS = /^(Arrow|Home$|End$|Page)/;

export interface Mark {
  editor: HTMLElement;
  /** Live DOM range of the mention (rich editors). */
  range?: Range;
  /** Offsets into a textarea/input value. */
  start: number;
  end: number;
  /** Tooltip lines (already translated). */
  tooltip: string[];
  toClient: boolean;
  /** Stops the send (the tooltip then offers "Anonimiseren"). */
  blocking?: boolean;
}

interface Drawn {
  rect: DOMRect;
  mark: Mark;
}

const CSS = `
:host { all: initial; }
.c { position: fixed; pointer-events: none; }
.m { position: fixed; pointer-events: none; height: 0; border-bottom: 2px solid #c5221f; box-sizing: border-box; }
.m.ok { border-bottom: 2px dotted #188038; }
.tip { position: fixed; pointer-events: none; max-width: 320px; font: 13px/1.4 system-ui, sans-serif; color: #1f1f1f;
  background: #fff; border: 1px solid #c5221f; border-radius: 6px; padding: 6px 9px; box-shadow: 0 2px 8px rgba(0,0,0,.18); }
.tip.ok { border-color: #188038; }
.tip[hidden] { display: none; }
.tip div + div { color: #444; }
.tip.on { pointer-events: auto; }
.tip button { margin-top: 5px; font: inherit; font-weight: 600; color: #fff; background: #c5221f; border: 0; border-radius: 4px; padding: 3px 10px; cursor: pointer; }
.tip button:hover { background: #a50e0e; }
.tip.x button { display: none; }
.sr { position: fixed; left: 0; top: 0; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; pointer-events: none; }
.mirror { position: fixed; left: 0; top: 0; visibility: hidden; overflow: hidden; pointer-events: none; }
`;

export class MarksOverlay {
  #host: ClosedHost | null = null;
  #layer!: HTMLDivElement;
  #tip!: HTMLDivElement;
  #tipText!: HTMLDivElement;
  /** What screen readers are told: the tooltip's lines, also while typing (when no tooltip shows). */
  #status!: HTMLDivElement;
  /** The caret got where it is by typing (an input since the last caret key or click): no caret tooltip. */
  #typing = false;
  #tipButton!: HTMLButtonElement;
  /** The mark the tooltip shows now, and the one the pointer holds open (hover, bridge, grace time). */
  #shown: Mark | null = null;
  #hover: Mark | null = null;
  #leave = 0;
  #said = '';
  /** Called on a trusted click of the tooltip's "Anonimiseren" (set by the guard). */
  onAnonymise: ((mark: Mark) => void) | null = null;
  #mirror!: HTMLDivElement;
  #marks = new Map<HTMLElement, Mark[]>();
  /** Watched editors (each under an empty box, see above) and those boxes. */
  #covered = new Set<HTMLElement>();
  #covers!: HTMLDivElement;
  /** The style last written to each box (reading style.cssText back would not compare equal). */
  #coverCss: string[] = [];
  #drawn: Drawn[] = [];
  #frame = 0;
  #pointer: { x: number; y: number } | null = null;
  #resize = new ResizeObserver(() => this.schedule());
  /**
   * Whether the element around each mention is in view (inside the editor's scroll box and the window), as an
   * IntersectionObserver last said: a mention out of view is not measured each frame (getClientRects is most
   * of a frame's cost in a long message). When it comes into view the observer says so and it is drawn.
   */
  #inView = new Map<Element, boolean>();
  #io = new IntersectionObserver((entries) => {
    for (const e of entries) {
      // Only a change of a mention still drawn from here (undefined: forgotten meanwhile) needs a frame.
      if (this.#inView.get(e.target) === !e.isIntersecting) {
        this.#inView.set(e.target, e.isIntersecting);
        this.schedule();
      }
    }
  });
  #focusMark: Mark | null = null;
  /** The viewport size, read in the frame's read phase (window.innerWidth/innerHeight after a write forces layout). */
  #vw = 0;
  #vh = 0;
  /**
   * The tooltip's height, learnt from a ResizeObserver (told after the browser's own layout of the frame), and
   * where it goes: reading offsetHeight right after writing its text would force a second style+layout pass.
   */
  #tipH = 0;
  #tipAt: DOMRect | null = null;
  #tipSize = new ResizeObserver(() => {
    const h = this.#tip.offsetHeight; // laid out already: nothing is forced here
    if (h > 0 && h !== this.#tipH) {
      this.#tipH = h;
      this.#placeTip();
    }
  });

  constructor() {
    const opts = { capture: true, passive: true } as const;
    window.addEventListener('scroll', () => this.schedule(), opts);
    window.addEventListener('resize', () => this.schedule(), opts);
    window.addEventListener(
      'mousemove',
      (e) => {
        // Only the real pointer opens tooltips (a page's synthetic mousemove must not make them take clicks).
        if (!e.isTrusted || (this.#drawn.length === 0 && !this.#pointer)) return;
        this.#pointer = { x: e.clientX, y: e.clientY };
        this.schedule();
      },
      opts,
    );
    document.addEventListener('selectionchange', () => this.#onSelection(), opts);
    // Typing, and moving the caret by hand (only real ones: a page's synthetic events change nothing here).
    document.addEventListener('input', (e) => void (e.isTrusted && (this.#typing = true)), opts);
    const moved = (e: Event) => {
      if (!e.isTrusted || !this.#typing) return;
      this.#typing = false;
      if (this.#focusMark) this.schedule();
    };
    document.addEventListener('pointerdown', moved, opts);
    document.addEventListener('keydown', (e) => CARET_KEYS.test(e.key) && moved(e), opts);
  }

  /** Create the host early, so its appearance never tells the page that a name was found. */
  ensureHost(): void {
    if (this.#host || !document.documentElement) return;
    this.#host = createClosedHost('discreet-marks');
    const root = this.#host.root;
    root.append(h('style', {}, CSS));
    this.#layer = h('div');
    this.#covers = h('div');
    this.#tipText = h('div');
    this.#status = h('div', { class: 'sr', role: 'status', 'aria-live': 'polite' });
    const button = (this.#tipButton = h('button', { type: 'button', tabindex: '-1' }));
    // The editor keeps focus and caret while the button is pressed.
    button.addEventListener('mousedown', (e) => e.preventDefault());
    button.addEventListener('click', (e) => {
      const mark = this.#shown;
      if (!e.isTrusted || !mark?.blocking) return;
      this.#hover = null;
      this.schedule();
      this.onAnonymise?.(mark);
    });
    // Screen readers hear the status line; the tooltip is its copy for the eyes (and the mouse's button).
    this.#tip = h('div', { class: 'tip', hidden: true, 'aria-hidden': 'true' }, this.#tipText, button);
    this.#mirror = h('div', { class: 'mirror', 'aria-hidden': 'true' });
    // The underline layer first: bench/guard/overlay-watch.ts finds it as the root's first <div>.
    root.append(this.#layer, this.#covers, this.#mirror, this.#tip, this.#status);
    this.#tipSize.observe(this.#tip);
  }

  set(editor: HTMLElement, marks: Mark[]): void {
    this.ensureHost();
    if (marks.length) {
      if (!this.#marks.has(editor)) this.#resize.observe(editor);
      this.#marks.set(editor, marks);
    } else if (this.#marks.delete(editor) && !this.#covered.has(editor)) this.#resize.unobserve(editor);
    this.#onSelection();
    this.schedule();
  }

  /** An editor the guard now watches: under its box from now on, whatever is found in it. */
  watch(editor: HTMLElement): void {
    this.ensureHost();
    if (this.#covered.has(editor)) return;
    this.#covered.add(editor);
    this.#resize.observe(editor);
    this.schedule();
  }

  marksOf(editor: HTMLElement): readonly Mark[] {
    return this.#marks.get(editor) ?? [];
  }

  /** Re-position on the next frame (reflow, scroll, new marks). */
  schedule(): void {
    // Nothing drawn, nothing to draw or forget (no mention anywhere, no tooltip) and no editor whose box must keep
    // following it (a box that moved only once a name was typed would tell the page): no frame.
    if (this.#frame || (this.#marks.size === 0 && this.#drawn.length === 0 && this.#inView.size === 0 && !this.#shown && this.#covered.size === 0)) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      this.#layout();
    });
  }

  /** Reads every position first, then writes: one layout per frame (the browser's), none forced in between. */
  #layout(): void {
    if (!this.#host) return;
    const boxes: DOMRect[] = [];
    for (const editor of this.#covered) {
      if (!editor.isConnected) {
        this.#covered.delete(editor);
        this.#resize.unobserve(editor);
        continue;
      }
      // 4px wider on every side than the editor: an underline may sit up to 3px below it. None for a hidden editor.
      const r = editor.getBoundingClientRect();
      if (r.width || r.height) boxes.push(r);
    }
    const coverCss = boxes.map((r) => `left:${r.left - 4}px;top:${r.top - 4}px;width:${r.width + 8}px;height:${r.height + 8}px`);
    const out: Drawn[] = [];
    const used = new Set<Element>();
    const vw = (this.#vw = window.innerWidth);
    const vh = (this.#vh = window.innerHeight);
    // The tooltip's box, while the pointer may be on it (read before anything is written).
    const tipBox = this.#pointer && this.#hover && this.#shown && !this.#tip.hidden ? this.#tip.getBoundingClientRect() : null;
    for (const [editor, marks] of this.#marks) {
      if (!editor.isConnected) {
        this.#marks.delete(editor);
        this.#resize.unobserve(editor);
        continue;
      }
      const clip = editor.getBoundingClientRect();
      for (const mark of marks) {
        const around = mark.range && elementOf(mark.range.commonAncestorContainer);
        if (around) {
          used.add(around);
          const seen = this.#inView.get(around);
          if (seen === undefined) {
            // Not known yet: measured now; the observer's first answer follows.
            this.#inView.set(around, true);
            this.#io.observe(around);
          } else if (!seen) continue;
        }
        for (const r of this.#rectsOf(mark)) {
          const left = Math.max(r.left, clip.left, 0);
          const right = Math.min(r.right, clip.right, vw);
          const top = r.top;
          const bottom = r.bottom;
          if (right - left < 1 || bottom < clip.top || bottom > clip.bottom + 2 || bottom < 0 || top > vh) continue;
          out.push({ rect: new DOMRect(left, top, right - left, bottom - top), mark });
        }
      }
    }
    for (const el of this.#inView.keys()) {
      if (!used.has(el)) {
        this.#inView.delete(el);
        this.#io.unobserve(el);
      }
    }
    this.#drawn = out;
    // Writes only from here on. A box is rewritten only when it moved (no style work per keystroke otherwise).
    const cov = this.#covers.children;
    while (cov.length > coverCss.length) this.#covers.lastChild!.remove();
    while (cov.length < coverCss.length) this.#covers.append(h('div', { class: 'c' }));
    coverCss.forEach((css, i) => {
      if (this.#coverCss[i] !== css) (cov[i] as HTMLElement).style.cssText = this.#coverCss[i] = css;
    });
    this.#coverCss.length = coverCss.length;
    // Reuse underline elements.
    const kids = this.#layer.children;
    while (kids.length > out.length) this.#layer.lastChild!.remove();
    while (kids.length < out.length) this.#layer.append(h('div', { class: 'm' }));
    out.forEach((d, i) => {
      const el = kids[i] as HTMLElement;
      el.className = d.mark.toClient ? 'm ok' : 'm';
      el.style.left = `${d.rect.left}px`;
      el.style.top = `${d.rect.bottom - 1}px`;
      el.style.width = `${d.rect.width}px`;
    });
    this.#updateTip(tipBox);
  }

  #rectsOf(mark: Mark): DOMRect[] {
    if (mark.range) {
      if (mark.range.collapsed) return [];
      return [...mark.range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
    }
    const el = mark.editor;
    if (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement) return this.#fieldRects(el, mark.start, mark.end);
    return [];
  }

  /** Textareas/inputs have no DOM text: measure the mention in a mirror with the same box and font. */
  #fieldRects(el: HTMLTextAreaElement | HTMLInputElement, start: number, end: number): DOMRect[] {
    const cs = getComputedStyle(el);
    const m = this.#mirror;
    const props = [
      'boxSizing', 'width', 'height', 'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft', 'borderTopWidth',
      'borderRightWidth', 'borderBottomWidth', 'borderLeftWidth', 'borderStyle', 'fontFamily', 'fontSize', 'fontWeight',
      'fontStyle', 'fontStretch', 'fontVariant', 'letterSpacing', 'wordSpacing', 'lineHeight', 'textTransform',
      'textIndent', 'tabSize', 'direction', 'textAlign',
    ] as const;
    for (const p of props) (m.style as any)[p] = cs[p];
    m.style.whiteSpace = el instanceof HTMLTextAreaElement ? 'pre-wrap' : 'pre';
    m.style.overflowWrap = el instanceof HTMLTextAreaElement ? 'break-word' : 'normal';
    m.style.borderColor = 'transparent';
    const value = el.value;
    const span = h('span', {}, value.slice(start, end));
    m.replaceChildren(value.slice(0, start), span, value.slice(end) || '\u200b');
    const base = m.getBoundingClientRect();
    const box = el.getBoundingClientRect();
    const dx = box.left - base.left - el.scrollLeft;
    const dy = box.top - base.top - el.scrollTop;
    const rects = [...span.getClientRects()].map((r) => new DOMRect(r.left + dx, r.top + dy, r.width, r.height));
    m.replaceChildren();
    return rects.filter((r) => r.width > 0);
  }

  #onSelection(): void {
    // Every caret move lands here: with no mention anywhere there is no mark to be in.
    if (this.#marks.size === 0 && !this.#focusMark) return;
    const found = this.caretMark();
    if (found !== this.#focusMark) {
      this.#focusMark = found;
      this.schedule();
    }
  }

  /** The mark the caret is in (in the focused editor), if any. */
  caretMark(): Mark | null {
    const active = deepActive();
    let found: Mark | null = null;
    let marks: Mark[] | undefined;
    if (active) for (const [ed, mks] of this.#marks) if (!marks && (ed === active || ed.contains(active))) marks = mks;
    if (active && marks) {
      if (active instanceof HTMLTextAreaElement || active instanceof HTMLInputElement) {
        const pos = active.selectionStart ?? -1;
        found = marks.find((mk) => pos >= mk.start && pos <= mk.end) ?? null;
      } else {
        const sel = selectionFor(active);
        if (sel && sel.rangeCount > 0) {
          // A caret (the usual case while typing) is its anchor: no Range object to make per caret move.
          const { startContainer: n, startOffset: o } = sel.isCollapsed ? { startContainer: sel.anchorNode!, startOffset: sel.anchorOffset } : sel.getRangeAt(0);
          found =
            marks.find((mk) => {
              try {
                return !!mk.range && !mk.range.collapsed && mk.range.isPointInRange(n, o);
              } catch {
                return false;
              }
            }) ?? null;
        }
      }
    }
    return found;
  }

  #updateTip(r: DOMRect | null): void {
    const p = this.#pointer;
    const tip = this.#tip;
    // A rescan makes new marks: the same mention (editor and offsets) is the same mark.
    const live = (m: Mark | null) =>
      (m && this.#drawn.find((d) => d.mark === m || (d.mark.editor === m.editor && d.mark.start === m.start && d.mark.end === m.end))) || null;
    let hit = p && this.#drawn.find((d) => p.x >= d.rect.left && p.x <= d.rect.right && p.y >= d.rect.top - 2 && p.y <= d.rect.bottom + 3);
    let onTip = false;
    // Only a tooltip the pointer opened (from its mark) holds the pointer: one the caret opened stays inert, also
    // when the pointer crosses it (it may cover the next line, or the app's send button).
    if (p && r) {
      onTip = p.x >= r.left - 10 && p.x <= r.right + 10 && p.y >= r.top - 10 && p.y <= r.bottom + 10;
    }
    // On the tooltip, the tooltip wins over other marks it may cover (it must not switch under the pointer).
    if (onTip && live(this.#shown) && hit?.mark !== live(this.#shown)!.mark) hit = undefined;
    if (hit || (onTip && live(this.#shown))) {
      this.#hover = hit ? hit.mark : live(this.#shown)!.mark;
      clearTimeout(this.#leave);
      this.#leave = 0;
    } else if (this.#hover && !live(this.#hover)) this.#hover = null;
    else if (this.#hover && !this.#leave)
      this.#leave = window.setTimeout(() => {
        this.#leave = 0;
        this.#hover = null;
        this.schedule();
      }, GRACE_MS);
    if (this.#hover) this.#hover = live(this.#hover)!.mark;
    const mark = this.#hover ?? (this.#typing ? null : this.#focusMark);
    const at = (hit && hit.mark === mark && hit.rect) || live(mark)?.rect;
    // Told to screen readers: the tooltip's mention, or else the one the caret is in (also while typing).
    this.#say((at && mark) || this.#focusMark);
    if (!mark || !at) {
      if (!tip.hidden) tip.hidden = true;
      this.#shown = null;
      this.#tipAt = null;
      return;
    }
    this.#shown = mark;
    // Takes the pointer only when the pointer opened it, for a mention that blocks.
    tip.className = `tip${mark.toClient ? ' ok' : ''}${!mark.blocking ? ' x' : this.#hover ? ' on' : ''}`;
    tip.hidden = false;
    // It follows its mark, except while the pointer is on it (it must not run away from the pointer).
    if (onTip && !hit) {
      this.#tipAt = null;
      return;
    }
    this.#tipAt = at;
    this.#placeTip();
  }

  /** Writes a mention's lines into the status line and the tooltip; only a different text (announced once). */
  #say(mark: Mark | null): void {
    const said = mark ? mark.tooltip.join('\n') + mark.blocking : '';
    if (said === this.#said) return;
    this.#said = said;
    // The shortcut is part of what is announced (the button itself never takes focus).
    const lines = !mark ? [] : mark.blocking ? [...mark.tooltip, t('tipShortcut', { key: ANONYMISE_KEY.label })] : mark.tooltip;
    this.#status.replaceChildren(...lines.map((l) => h('div', {}, l)));
    this.#tipText.replaceChildren(...lines.map((l) => h('div', {}, l)));
    this.#tipButton.textContent = mark?.blocking ? t('anonymise') : '';
  }

  /** Below its mark, or above it when it would not fit (its height: see tipSize). */
  #placeTip(): void {
    const at = this.#tipAt;
    if (!at) return;
    const { style } = this.#tip;
    const below = at.bottom + 6;
    style.left = `${Math.max(4, Math.min(at.left, this.#vw - 330))}px`;
    style.top = below + this.#tipH > this.#vh ? `${Math.max(4, at.top - 6 - this.#tipH)}px` : `${below}px`;
  }
}

function elementOf(n: Node): Element | null {
  return n.nodeType === 1 ? (n as Element) : n.parentElement;
}

/** The focused element, looking through open shadow roots. */
export function deepActive(): Element | null {
  let a: Element | null = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}
