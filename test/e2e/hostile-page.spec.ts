/**
 * A hostile page, the remaining probes of issue #6 (guard.spec.ts covers DOM/shadow walking, CSS.highlights,
 * forged "send anyway" and the script-send oracle). The page's own script, installed before anything else
 * runs, while the coach types a client's name and while the warning is open:
 *   (a) listens to `message` events on its window and on every frame it can reach,
 *   (b) tries to talk to the extension by its id (chrome.runtime.sendMessage / connect) and by postMessage,
 *   (c) reads every frame it can reach, and
 *   (d) records everything it can observe without a clock (DOM and mutation records, layout sizes of all it
 *       can reach, animations, layout shifts, focus, the events delivered to it) and compares typing a
 *       registered name with typing an unregistered name of the same length.
 * The page must learn nothing beyond the text it already holds. Timing (how long the main thread is busy
 * while marks are laid out) is NOT compared here: see the limitation in the report of issue #6.
 */
import type { Page } from '@playwright/test';
import type { ExtensionSession } from './support/extension';
import { dialogText, marksText } from './support/guard-ui';
import { expect, test } from './support/session';
import { openApp } from './support/sites';

const REGISTRY = {
  version: 1 as const,
  clients: [
    { id: 'c1', name: 'Marieke Verhoeven', identifiers: ['marieke.verhoeven@example.com'] },
    { id: 'c2', name: 'Bram Koster' },
  ],
};
const REGISTERED = 'Bram Koster';
const UNREGISTERED = 'Joep Zwaard'; // same length, no registered part, no typo of one
/** Registered data the page never typed: finding any of it anywhere is a leak. */
const NEVER_TYPED = ['Marieke', 'Verhoeven', 'marieke.verhoeven'];

test.use({ registry: REGISTRY });

/** The page's own script: runs in the main world before the app, like any script of the site. */
function hostileProbe(): void {
  if (window.top !== window) return;
  const EVENT_TYPES = [
    'message', 'messageerror', 'keydown', 'keyup', 'keypress', 'beforeinput', 'input', 'focus', 'blur', 'focusin', 'focusout',
    'selectionchange', 'selectstart', 'scroll', 'resize', 'pointerdown', 'pointerup', 'mousedown', 'mouseup', 'click', 'mousemove',
    'securitypolicyviolation', 'error', 'unhandledrejection', 'visibilitychange', 'animationstart', 'transitionrun', 'transitionstart',
    'contextmenu', 'copy', 'paste', 'submit', 'toggle', 'beforetoggle', 'cancel', 'close',
  ];
  const P: any = ((window as any).__probe = { messages: [] as unknown[], events: {} as Record<string, number>, mutations: [] as string[], shifts: [] as string[], focus: [] as string[] });
  const safe = (v: unknown) => {
    try {
      return JSON.parse(JSON.stringify(v));
    } catch {
      return String(v);
    }
  };
  const name = (n: Node | null): string => {
    if (!n) return 'null';
    if (n.nodeType !== 1) return n.nodeName;
    const el = n as Element;
    return el.tagName.toLowerCase() + (el.id ? '#' + el.id : '');
  };
  const path = (n: Node | null): string => {
    const out: string[] = [];
    for (let x = n, i = 0; x && i < 6; x = x.parentNode, i++) out.push(name(x));
    return out.join('<');
  };
  const watched = new WeakSet<object>();
  const watchWindow = (w: Window, where: string) => {
    if (watched.has(w)) return;
    watched.add(w);
    try {
      for (const type of EVENT_TYPES) {
        w.addEventListener(type, (e) => {
          P.events[`${where}:${type}`] = (P.events[`${where}:${type}`] ?? 0) + 1;
          if (type === 'message') P.messages.push({ where, data: safe((e as MessageEvent).data), origin: (e as MessageEvent).origin });
          if (type === 'focusin' || type === 'focusout') P.focus.push(`${where}:${type}:${name(e.target as Node)}`);
        }, true);
        w.document?.addEventListener(type, () => (P.events[`${where}:doc:${type}`] = (P.events[`${where}:doc:${type}`] ?? 0) + 1), true);
      }
    } catch {
      P.events[`${where}:unreachable`] = 1;
    }
  };
  watchWindow(window, 'top');
  const watchFrames = () => {
    for (let i = 0; i < window.frames.length; i++) {
      try {
        const w = window.frames[i]!;
        watchWindow(w, `frame${i}`);
        if (w.document && !watched.has(w.document)) {
          watched.add(w.document);
          new MutationObserver((recs) => recs.forEach((r) => P.mutations.push(`frame${i} ${r.type} ${path(r.target)} ${r.attributeName ?? ''}`))).observe(w.document, {
            subtree: true, childList: true, attributes: true, characterData: true,
          });
        }
      } catch {
        P.events[`frame${i}:unreachable`] = 1;
      }
    }
  };
  new MutationObserver((recs) => {
    for (const r of recs) {
      const added = [...r.addedNodes].map(name).join(',');
      const removed = [...r.removedNodes].map(name).join(',');
      P.mutations.push(`${r.type} ${path(r.target)} ${r.attributeName ?? ''} +[${added}] -[${removed}]`);
    }
    watchFrames();
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeOldValue: true, characterData: true });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as any[]) P.shifts.push(`${e.value.toFixed(4)} ${(e.sources ?? []).map((s: any) => name(s.node)).join(',')}`);
    }).observe({ type: 'layout-shift', buffered: true });
  } catch {
    /* not supported: nothing to record */
  }
  // Frames the app might have: a same-origin one with its own URL and an empty one (as apps make for printing, uploads…).
  document.addEventListener('DOMContentLoaded', () => {
    const same = document.createElement('iframe');
    same.src = '/mail/u/0/fx-hidden-frame';
    same.style.cssText = 'width:200px;height:100px';
    const blank = document.createElement('iframe');
    blank.style.cssText = 'width:200px;height:100px';
    document.body.append(same, blank);
    blank.contentDocument!.body.append(blank.contentDocument!.createTextNode('leeg'));
    watchFrames();
  });
}

/** Everything the page can see now, without a clock. `typed` is replaced by a placeholder: the page knows it. */
async function observe(page: Page, typed: string) {
  return page.evaluate((typed) => {
    const P = (window as any).__probe;
    const docs: Array<{ where: string; doc: Document }> = [{ where: 'top', doc: document }];
    for (let i = 0; i < window.frames.length; i++) {
      try {
        docs.push({ where: `frame${i}`, doc: window.frames[i]!.document });
      } catch {
        docs.push({ where: `frame${i} (cross-origin)`, doc: null as any });
      }
    }
    const rect = (el: Element) => {
      const r = el.getBoundingClientRect();
      return [r.x, r.y, r.width, r.height].map((v) => Math.round(v * 100) / 100).join(',');
    };
    const perDoc = docs.map(({ where, doc }) => {
      if (!doc) return { where };
      const all = [...doc.querySelectorAll('*')];
      const openShadows: string[] = [];
      const walk = (root: Document | ShadowRoot) => {
        for (const el of root.querySelectorAll('*')) {
          if (el.shadowRoot) {
            openShadows.push(`${el.tagName}: ${el.shadowRoot.innerHTML}`);
            walk(el.shadowRoot);
          }
        }
      };
      walk(doc);
      const hosts = all.filter((el) => el.tagName.startsWith('DISCREET-'));
      return {
        where,
        html: doc.documentElement.outerHTML.split(typed).join('«typed»'),
        text: (doc.body?.innerText ?? '').split(typed).join('«typed»'),
        openShadows,
        hosts: hosts.map((h) => ({
          tag: h.tagName,
          shadowRoot: h.shadowRoot !== null,
          attrs: [...h.attributes].map((a) => `${a.name}=${a.value}`),
          rect: rect(h),
          sizes: [(h as HTMLElement).offsetWidth, (h as HTMLElement).offsetHeight, h.scrollWidth, h.scrollHeight, h.clientWidth, h.clientHeight],
          style: ['display', 'position', 'width', 'height', 'overflow', 'visibility', 'opacity'].map((p) => getComputedStyle(h).getPropertyValue(p)),
          children: h.childNodes.length,
        })),
        // Layout of everything the page can reach: a drawn mark must not move or resize anything.
        layout: all.map((el) => rect(el)).join(';'),
        scroll: [doc.documentElement.scrollWidth, doc.documentElement.scrollHeight, doc.body?.scrollWidth, doc.body?.scrollHeight],
        animations: doc.getAnimations().map((a) => `${a.constructor.name}:${(a.effect as KeyframeEffect | null)?.target?.nodeName}`),
        active: doc.activeElement?.tagName ?? null,
        selection: doc.getSelection()?.toString().split(typed).join('«typed»') ?? null,
        highlights: (CSS as any).highlights?.size ?? 0,
        fonts: [doc.fonts.size, doc.fonts.status],
      };
    });
    return {
      perDoc,
      events: P.events,
      messages: P.messages,
      mutations: P.mutations,
      shifts: P.shifts,
      focus: P.focus,
      resources: performance.getEntriesByType('resource').map((e) => e.name),
      frames: window.frames.length,
    };
  }, typed);
}

/** Opens Gmail with the hostile probe in place and types `who` into the first compose like a person. */
async function typeWithProbe(session: ExtensionSession, who: string): Promise<{ page: Page; seen: Awaited<ReturnType<typeof observe>> }> {
  const page = await session.context.newPage();
  await page.addInitScript(hostileProbe);
  const app = await openApp(session.context, 'gmail', { page });
  await page.waitForFunction(() => window.frames.length === 2 && (window.frames[0]!.document?.readyState === 'complete'));
  await app.surface('compose1').editor.click();
  await page.keyboard.type(`Vandaag sprak ik ${who} over zijn cv.`);
  // Caret into the name: the tooltip shows for the registered one (a coach's view, not the page's).
  for (let i = 0; i < ' over zijn cv.'.length + 2; i++) await page.keyboard.press('ArrowLeft');
  if (who === REGISTERED) await expect.poll(() => marksText(page, { frames: true }), { timeout: 5000 }).toContain('Cliënt: Bram Koster');
  await page.waitForTimeout(1200); // the unregistered case gets every scan and frame the registered one had
  return { page, seen: await observe(page, who) };
}

test('(d) typing a registered name and an unregistered one of the same length look exactly the same to the page', async ({ session }) => {
  const registered = await typeWithProbe(session, REGISTERED);
  const unregistered = await typeWithProbe(session, UNREGISTERED);
  // Sanity: the probe saw the typing, the frames and Discreet's (closed) hosts.
  expect(registered.seen.events['top:keydown']).toBeGreaterThan(20);
  expect(registered.seen.frames).toBe(2);
  expect(registered.seen.perDoc[0]!.hosts!.map((h) => h.tag)).toContain('DISCREET-MARKS');
  expect(registered.seen.perDoc[1]!.hosts!.map((h) => h.tag)).toContain('DISCREET-MARKS'); // the guard runs in frames too
  // The comparison: everything the page could see, equal.
  const { resources: r1, ...a } = registered.seen;
  const { resources: r2, ...b } = unregistered.seen;
  // selectionchange is queued and coalesced by the browser per task, so how many arrive depends on how busy
  // the machine was while typing (a clock, not a DOM fact): compared as "some arrived" only.
  // A sub-frame's own resize at load follows when the browser first lays the frame out (seen once on a busy
  // 2-core CI machine), not what was typed in the top document: left out. The top window's resize is compared.
  for (const k of Object.keys({ ...a.events, ...b.events })) {
    if (/^frame\d+:resize$/.test(k)) {
      delete a.events[k];
      delete b.events[k];
    }
  }
  for (const k of Object.keys({ ...a.events, ...b.events })) {
    if (!k.endsWith(':selectionchange')) continue;
    expect(a.events[k] > 0, k).toBe(b.events[k] > 0);
    delete a.events[k];
    delete b.events[k];
  }
  expect(a).toEqual(b);
  expect(r1.length).toBe(r2.length);
});

test('(a)(b)(c) while the name is marked and while the warning is open: no message, no answer from the extension, nothing in any frame', async ({ session }) => {
  const { page } = await typeWithProbe(session, REGISTERED);
  const probe = async (phase: string) => {
    const result = await page.evaluate(
      async ({ extensionId, phase }) => {
        const out: Record<string, unknown> = { phase };
        // (b) Talk to the extension by its id, as a page that learnt the id would.
        const c = (window as any).chrome;
        out.runtime = typeof c?.runtime;
        out.browser = typeof (window as any).browser;
        const answers: unknown[] = [];
        if (c?.runtime?.sendMessage) {
          for (const msg of [{ type: 'status' }, { type: 'scan', text: 'Bram Koster en Marieke Verhoeven' }]) {
            answers.push(
              await new Promise((res) => {
                try {
                  c.runtime.sendMessage(extensionId, msg, (resp: unknown) => res({ resp, err: c.runtime.lastError?.message ?? null }));
                } catch (e) {
                  res({ threw: String((e as Error).message) });
                }
                setTimeout(() => res('no answer'), 1500);
              }),
            );
          }
          try {
            const port = c.runtime.connect(extensionId);
            answers.push(await new Promise((res) => {
              port.onMessage.addListener((m: unknown) => res({ port: m }));
              port.onDisconnect.addListener(() => res({ disconnected: c.runtime.lastError?.message ?? true }));
              port.postMessage({ type: 'scan', text: 'Bram Koster' });
              setTimeout(() => res('no answer'), 1500);
            }));
          } catch (e) {
            answers.push({ connectThrew: String((e as Error).message) });
          }
        }
        out.answers = answers;
        // (b) Forged requests by postMessage and custom events, to every frame: nothing may answer.
        const before = (window as any).__probe.messages.length;
        const forged = [{ type: 'scan', text: 'Bram Koster' }, { type: 'status' }, { type: 'open-unlock' }];
        for (let i = -1; i < window.frames.length; i++) {
          const w = i < 0 ? window : window.frames[i]!;
          for (const f of forged) w.postMessage(f, '*');
        }
        for (const f of forged) window.dispatchEvent(new CustomEvent('discreet', { detail: f }));
        await new Promise((r) => setTimeout(r, 800));
        out.messagesAfterForging = (window as any).__probe.messages.slice(before);
        // (c) Read every frame it can reach, every open shadow root, every attribute.
        const dump: string[] = [];
        const walk = (root: Document | ShadowRoot, where: string) => {
          for (const el of root.querySelectorAll('*')) {
            if (el.tagName.startsWith('DISCREET-') && (el.shadowRoot || el.textContent)) dump.push(`${where}: ${el.tagName} is readable`);
            if (el.shadowRoot) walk(el.shadowRoot, `${where} shadow ${el.tagName}`);
            if (el instanceof HTMLIFrameElement) {
              try {
                if (el.contentDocument) walk(el.contentDocument, `${where} frame`);
              } catch {
                /* cross-origin */
              }
            }
          }
          dump.push(`${where}: ${(root as Document).documentElement?.outerHTML ?? (root as ShadowRoot).innerHTML}`);
        };
        walk(document, 'top');
        out.dump = dump;
        return out;
      },
      { extensionId: session.extensionId, phase },
    );
    // No way in: the page has no chrome.runtime for Discreet (no externally_connectable), so no answer at all.
    expect(result.runtime, phase).toBe('undefined');
    expect(result.browser, phase).toBe('undefined');
    expect(result.answers, phase).toEqual([]);
    // Nothing but the page's own forged posts came back.
    for (const m of result.messagesAfterForging as Array<{ data: any }>) expect(['scan', 'status', 'open-unlock']).toContain(m.data?.type);
    expect((result.messagesAfterForging as unknown[]).length, phase).toBe(9);
    // Nothing readable, and no registered data the coach did not type, anywhere.
    const all = (result.dump as string[]).join('\n');
    expect(all).not.toMatch(/is readable/);
    for (const n of NEVER_TYPED) expect(all, `${phase}: ${n}`).not.toContain(n);
    // The typed name appears only where the coach typed it (the editor), not in any label, title or frame.
    const withoutEditor = all.split('Vandaag sprak ik Bram Koster over zijn cv.').join('');
    expect(withoutEditor, phase).not.toContain('Koster');
  };

  await probe('typing, name marked');
  await page.keyboard.press('Control+Enter');
  await expect.poll(() => dialogText(page, { frames: true })).toContain('Bram Koster');
  await probe('warning open');
  // All this time no message event at all reached the page from Discreet.
  const messages = await page.evaluate(() => (window as any).__probe.messages as Array<{ data: any }>);
  expect(messages.filter((m) => !['scan', 'status', 'open-unlock'].includes(m.data?.type))).toEqual([]);
  // And the dialog is still there, showing the coach what the page could not read.
  expect(await dialogText(page, { frames: true })).toContain('Bram Koster');
});
