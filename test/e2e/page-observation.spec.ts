/**
 * Issue #6, "Proof of trust": what a hostile page can MEASURE while Discreet lays out its marks.
 *
 * hostile-page.spec.ts compares what a page can see without a clock. Here the page's own script (installed
 * before anything else, main world, like any script of the site) also watches:
 *   structure: a MutationObserver on the whole document (subtree, childList, attributes, characterData);
 *              a ResizeObserver and two IntersectionObservers (plain, and v2 with trackVisibility, which
 *              reports occlusion) on every element it can find, Discreet's host elements included;
 *              getBoundingClientRect of those hosts, document.activeElement and CSS.highlights.size on every
 *              animation frame; the names and types of performance.getEntries();
 *   timing:    animation-frame callbacks per second while typing; main-thread busy time (long-animation-frame
 *              and longtask entries) per second; how long after each keydown the next frame came; how long
 *              the typing took as the page saw it.
 * The coach types (a) a registered client name and (b) an unregistered name of the same length into the same
 * Gmail compose, several times each, interleaved A B B A … so that drift of a loaded machine hits both alike.
 * The structure must be identical; the timing must not separate (a) from (b) beyond the bounds below.
 *
 * This test found that an underline drawn over the editor turned the editor and its ancestors "not visible"
 * to IntersectionObserver v2 (occlusion) for the registered name only; the overlay now keeps an empty box
 * over every watched editor (marks-overlay.ts). Against the build without that box, run 0 already differs
 * in exactly those `visibility` entries.
 * The typing goes on after the name, as it mostly does: the tooltip that the caret resting in a marked name
 * (or the pointer resting on it) opens is a known residual (README, threat model), not covered here.
 */
import type { Page } from '@playwright/test';
import type { ExtensionSession } from './support/extension';
import { marksText, underlineCount } from './support/guard-ui';
import { expect, test } from './support/session';
import { NAME_ONLY_REGISTRY } from './support/clients';
import { openApp } from './support/sites';

const REGISTRY = NAME_ONLY_REGISTRY;
const REGISTERED = 'Bram Koster';
const UNREGISTERED = 'Joep Zwaard'; // same length, no registered part
/** Typing goes on well past the name, so the registered run lays out its mark on every later keystroke. */
const sentence = (who: string) => `Vandaag sprak ik ${who} over zijn cv en over de volgende stap in het traject.`;
/** Runs per name. Six each, interleaved A B B A A B B A …: about a minute and a half in all. */
const RUNS = 6;

test.use({ registry: REGISTRY });

/** The page's own script: runs in the main world of the top document before the app and before Discreet's host exists. */
function observationProbe(): void {
  if (window.top !== window) return;
  const O: any = ((window as any).__obs = {
    typed: '',
    on: false,
    t0: 0,
    t1: 0,
    mut: [] as string[],
    ro: {} as Record<string, string[]>,
    io: {} as Record<string, string[]>,
    vis: {} as Record<string, string[]>,
    samples: { hosts: [] as string[], active: [] as string[], highlights: [] as string[] },
    frames: [] as number[],
    keyLag: [] as number[],
    keys: [] as number[],
    loaf: [] as Array<{ start: number; duration: number; blocking: number }>,
    longtask: [] as Array<{ start: number; duration: number }>,
  });
  const pathOf = (n: Node | null): string => {
    const out: string[] = [];
    for (let x = n, i = 0; x && i < 12; x = x.parentNode, i++) {
      if (x.nodeType !== 1) {
        out.push(x.nodeName);
        continue;
      }
      const el = x as Element;
      const idx = el.parentElement ? [...el.parentElement.children].indexOf(el) : 0;
      out.push(`${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}:${idx}`);
    }
    return out.join('<');
  };
  /** The page knows what it typed; it is replaced so the two names compare equal. */
  const scrub = (s: string | null) => (s === null ? 'null' : O.typed ? s.split(O.typed).join('«typed»') : s);
  const push = (map: Record<string, string[]>, key: string, v: string) => {
    const list = (map[key] ??= []);
    if (list[list.length - 1] !== v) list.push(v);
  };
  const r2 = (v: number) => Math.round(v * 100) / 100;
  const rectStr = (r: DOMRectReadOnly) => [r.x, r.y, r.width, r.height].map(r2).join(',');

  const ro = new ResizeObserver((entries) => {
    for (const e of entries) {
      const b = e.borderBoxSize?.[0];
      push(O.ro, pathOf(e.target), `${r2(e.contentRect.width)}x${r2(e.contentRect.height)} ${b ? `${r2(b.inlineSize)}x${r2(b.blockSize)}` : ''}`);
    }
  });
  const io = new IntersectionObserver(
    (entries) => {
      for (const e of entries) push(O.io, pathOf(e.target), `${e.isIntersecting} ${r2(e.intersectionRatio)} ${rectStr(e.boundingClientRect)}`);
    },
    { threshold: [0, 0.25, 0.5, 0.75, 1] },
  );
  let vis: IntersectionObserver | null = null;
  try {
    // IntersectionObserver v2: isVisible is false when anything is painted over the target (occlusion).
    vis = new IntersectionObserver(
      (entries) => {
        for (const e of entries) push(O.vis, pathOf(e.target), `visible=${(e as any).isVisible}`);
      },
      { trackVisibility: true, delay: 100 } as IntersectionObserverInit,
    );
  } catch {
    O.noV2 = true;
  }
  const watched = new WeakSet<Element>();
  const watch = (el: Element) => {
    if (watched.has(el)) return;
    watched.add(el);
    ro.observe(el);
    io.observe(el);
    vis?.observe(el);
  };
  const watchAll = () => document.querySelectorAll('*').forEach(watch);
  // The test's window starts after the page has loaded and the editor was clicked (load order races the
  // browser's first frames, not what is typed): from then on, a fresh first observation of every element
  // (observe again) and every change after it.
  O.start = () => {
    O.mut = [];
    O.ro = {};
    O.io = {};
    O.vis = {};
    O.samples = { hosts: [], active: [], highlights: [] };
    for (const el of document.querySelectorAll('*')) {
      for (const obs of [ro, io, vis]) {
        obs?.unobserve(el);
        obs?.observe(el);
      }
      watched.add(el);
    }
    O.on = true;
    O.t0 = performance.now();
  };
  new MutationObserver((recs) => {
    for (const r of recs) {
      if (r.type === 'characterData') O.mut.push(`characterData ${pathOf(r.target)} len=${(r.target as CharacterData).data.length} old=${(r.oldValue ?? '').length}`);
      else if (r.type === 'attributes')
        O.mut.push(`attributes ${pathOf(r.target)} ${r.attributeName} ${scrub(r.oldValue)} → ${scrub((r.target as Element).getAttribute(r.attributeName!))}`);
      else {
        const names = (ns: NodeList) => [...ns].map((n) => (n.nodeType === 1 ? (n as Element).tagName.toLowerCase() : n.nodeName)).join(',');
        O.mut.push(`childList ${pathOf(r.target)} +[${names(r.addedNodes)}] -[${names(r.removedNodes)}]`);
      }
      for (const n of r.addedNodes) if (n.nodeType === 1) [n as Element, ...(n as Element).querySelectorAll('*')].forEach(watch);
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeOldValue: true, characterData: true, characterDataOldValue: true });
  document.addEventListener('DOMContentLoaded', watchAll);

  // Every animation frame: Discreet's hosts' boxes, the focus, the highlight registry; and the frame's time.
  const onFrame = (t: number) => {
    if (O.on) O.frames.push(t);
    const hosts = [...document.querySelectorAll('*')].filter((el) => el.tagName.startsWith('DISCREET-'));
    push(O.samples, 'hosts', hosts.map((h) => `${h.tagName}:${rectStr(h.getBoundingClientRect())}`).join(' '));
    push(O.samples, 'active', pathOf(document.activeElement));
    push(O.samples, 'highlights', String((CSS as any).highlights?.size ?? 'none'));
    requestAnimationFrame(onFrame);
  };
  requestAnimationFrame(onFrame);
  // How long after each keydown the next frame comes (the page's own keystroke latency).
  addEventListener(
    'keydown',
    (e) => {
      if (!O.on) return;
      O.keys.push(e.timeStamp);
      requestAnimationFrame((t) => O.keyLag.push(t - e.timeStamp));
    },
    true,
  );
  for (const type of ['long-animation-frame', 'longtask']) {
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as any[]) {
          if (type === 'longtask') O.longtask.push({ start: e.startTime, duration: e.duration });
          else O.loaf.push({ start: e.startTime, duration: e.duration, blocking: e.blockingDuration });
        }
      }).observe({ type, buffered: false });
    } catch {
      O[`no-${type}`] = true;
    }
  }
}

interface Timing {
  /** Animation-frame callbacks per second while typing. */
  rafPerSecond: number;
  /** Main-thread time in long animation frames (≥ 50 ms), ms per second of typing. */
  loafMsPerSecond: number;
  /** Blocking time in long animation frames, ms per second of typing. */
  loafBlockingMsPerSecond: number;
  /** Long tasks, ms per second of typing. */
  longtaskMsPerSecond: number;
  /** Median time from a keydown to the next animation frame, ms. */
  keyToFrameMs: number;
  /** From the first keydown to the end of typing as the page saw it, ms. */
  typingMs: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** One coach session: a fresh Gmail tab, the probe in place, the sentence typed like a person, then a quiet second. */
async function run(session: ExtensionSession, who: string, text = sentence(who)): Promise<{ structure: unknown; timing: Timing; page: Page }> {
  const page = await session.context.newPage();
  await page.addInitScript(observationProbe);
  const app = await openApp(session.context, 'gmail', { page });
  await app.surface('compose1').editor.click();
  await page.waitForTimeout(300); // the click's own frames settle
  await page.evaluate((who) => {
    const O = (window as any).__obs;
    O.typed = who;
    O.start();
  }, who);
  await page.keyboard.type(text, { delay: 25 });
  await page.evaluate(() => {
    const O = (window as any).__obs;
    O.on = false;
    O.t1 = performance.now();
  });
  // Every scan and every frame the registered run had, the unregistered one has too.
  await page.waitForTimeout(1500);
  const seen = await page.evaluate(() => {
    const O = (window as any).__obs;
    const seconds = (O.t1 - O.t0) / 1000;
    const inWindow = (e: { start: number }) => e.start >= O.t0 && e.start <= O.t1;
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    const sortedMedian = (xs: number[]) => {
      const s = [...xs].sort((a, b) => a - b);
      return s.length ? s[s.length >> 1]! : 0;
    };
    return {
      structure: {
        mutations: O.mut,
        resize: O.ro,
        intersection: O.io,
        visibility: O.vis,
        samples: O.samples,
        noV2: !!O.noV2,
        // Which entries exist (names and types, not times). Long frames and long tasks exist only when a frame
        // or task took 50 ms or more: a clock reading, compared below with the timing.
        performance: performance
          .getEntries()
          .filter((e) => e.entryType !== 'long-animation-frame' && e.entryType !== 'longtask')
          .map((e) => `${e.entryType} ${e.name}`)
          .sort(),
      },
      timing: {
        rafPerSecond: O.frames.length / seconds,
        loafMsPerSecond: sum(O.loaf.filter(inWindow).map((e: any) => e.duration)) / seconds,
        loafBlockingMsPerSecond: sum(O.loaf.filter(inWindow).map((e: any) => e.blocking)) / seconds,
        longtaskMsPerSecond: sum(O.longtask.filter(inWindow).map((e: any) => e.duration)) / seconds,
        keyToFrameMs: sortedMedian(O.keyLag),
        typingMs: O.t1 - (O.keys[0] ?? O.t0),
      },
      supported: { loaf: !O['no-long-animation-frame'], longtask: !O['no-longtask'], v2: !O.noV2 },
    };
  });
  expect(seen.supported).toEqual({ loaf: true, longtask: true, v2: true });
  return { structure: seen.structure, timing: seen.timing, page };
}

test('typing a registered name and an unregistered one: the page observes the same structure, and timing within bounds', async ({ session }) => {
  test.setTimeout(300_000);
  const a: Awaited<ReturnType<typeof run>>[] = [];
  const b: Awaited<ReturnType<typeof run>>[] = [];
  for (let i = 0; i < RUNS * 2; i++) {
    // A B B A A B B A …: each name gets early and late slots alike.
    const registered = i % 4 === 0 || i % 4 === 3;
    const r = await run(session, registered ? REGISTERED : UNREGISTERED);
    if (registered) {
      // The coach's view (not the page's): the name was marked in this run.
      expect(await underlineCount(r.page)).toBe(1);
      a.push(r);
    } else b.push(r);
    await r.page.close();
  }

  // ── structure: identical, run for run ─────────────────────────────────
  // Sanity: the probe saw the typing, Discreet's closed hosts and the editor.
  const s0 = a[0]!.structure as any;
  expect(s0.mutations.filter((m: string) => m.startsWith('characterData')).length).toBeGreaterThan(20);
  expect(Object.keys(s0.resize).some((k) => k.startsWith('discreet-marks'))).toBe(true);
  expect(Object.keys(s0.intersection).some((k) => k.startsWith('discreet-marks'))).toBe(true);
  expect(s0.samples.hosts.join(' ')).toContain('DISCREET-MARKS');
  for (let i = 0; i < RUNS; i++) expect(a[i]!.structure, `run ${i}: registered vs unregistered`).toEqual(b[i]!.structure);

  // ── timing: medians over the runs, within stated bounds ──────────────────
  const report: Record<string, { registered: number; unregistered: number; bound: number }> = {};
  const check = (key: keyof Timing, bound: (ma: number, mb: number) => number) => {
    const ma = median(a.map((r) => r.timing[key]));
    const mb = median(b.map((r) => r.timing[key]));
    report[key] = { registered: round(ma), unregistered: round(mb), bound: round(bound(ma, mb)) };
  };
  // Bounds. Medians, not means: one slow session (a garbage collection, another engineer's build on the same
  // two cores) moves a mean but not a median of six. Runs interleaved A B B A …, so drift hits both names.
  // Each bound is "the larger of an absolute floor and a share of the larger median": the floor is what an
  // idle machine's noise needs, the share what a loaded one's needs. Seen on the shared 2-core machine
  // (6 runs each): frames 49–60/s, long-frame time 0–170 ms/s in bursts in BOTH groups, keydown→frame
  // medians 5–9 ms, typing 2.6–3.7 s.
  //  - frames per second: 6 fps (one frame in ten at 60 Hz) or 20 %;
  //  - time in long animation frames / long tasks (≥ 50 ms each), per second: 120 ms (12 % of the main
  //    thread) or 60 %. These come in bursts unrelated to the name (page load, GC, the other processes);
  //  - keydown → next frame: 8 ms (half a 60 Hz frame) or 50 %;
  //  - typing time as the page saw it: 20 % (75 keystrokes, 25 ms apart).
  // What this can NOT resolve: a cost per keystroke well under a millisecond (laying out one underline),
  // which a page timing many keystrokes of its own could still estimate. README: threat model.
  const rel = (f: number, floor: number) => (ma: number, mb: number) => Math.max(floor, f * Math.max(ma, mb));
  check('rafPerSecond', rel(0.2, 6));
  check('loafMsPerSecond', rel(0.6, 120));
  check('loafBlockingMsPerSecond', rel(0.6, 120));
  check('longtaskMsPerSecond', rel(0.6, 120));
  check('keyToFrameMs', rel(0.5, 8));
  check('typingMs', rel(0.2, 0));
  test.info().annotations.push({ type: 'timing medians (registered / unregistered / bound)', description: JSON.stringify(report) });
  console.log('timing medians', JSON.stringify(report), '\nper run', JSON.stringify({ registered: a.map((r) => r.timing), unregistered: b.map((r) => r.timing) }));
  for (const [key, c] of Object.entries(report)) expect(Math.abs(c.registered - c.unregistered), key).toBeLessThanOrEqual(c.bound);
});

const round = (v: number) => Math.round(v * 100) / 100;

// The coach stops typing right after the name: the caret rests in the mark. No tooltip opens while typing (it
// would reach past this small editor, and the page's elements under it would turn "not visible" to
// IntersectionObserver v2 only for a registered name). It opens once the coach moves the caret into a mention
// (tooltip.spec.ts), which the README names as a known limit, like hovering.
test('the caret resting at the end of a just-typed marked name: nothing the page can see differs, occlusion included', async ({ session }) => {
  const a = await run(session, REGISTERED, `Vandaag sprak ik ${REGISTERED}`);
  const b = await run(session, UNREGISTERED, `Vandaag sprak ik ${UNREGISTERED}`);
  expect(await underlineCount(a.page)).toBe(1);
  expect(await marksText(a.page)).toContain(REGISTERED); // told to screen readers
  expect(a.structure).toEqual(b.structure);
});
