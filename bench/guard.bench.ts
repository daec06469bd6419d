/**
 * `npx tsx bench/guard.bench.ts [--check] [--trials N] [--apps slack,teams] [--baseline] [--save-trace DIR]`: what the guard costs while a
 * coach types, in real headless Debian Chromium with the BUILT extension (run `npx wxt build` first; or set
 * DISCREET_EXTENSION_DIR to a copy of a build). The build is copied to a temporary folder first, so a
 * concurrent `wxt build` cannot swap files under the running browser.
 *
 * Set-up: a vault with the deterministic synthetic registry makeRegistry(2000). For each editor — Quill
 * (Slack fixture, #channel) and CKEditor 5 (Teams fixture, chat), both at their real URLs — a ~3 KB message
 * of synthetic prose (bench/support/synthetic.ts makeText, with a few registered clients in it) is put in
 * sentence by sentence with `Input.insertText` (what an IME commit or dictation does: beforeinput + input,
 * no key events) and real Shift+Enter presses between paragraphs. That part is set-up, not measured per key:
 * typing 3 KB key by key would take minutes. Then N trials (default 30), each: Shift+Enter, then a registered
 * client's full name typed with REAL key events (Playwright keyboard → CDP Input.dispatchKeyEvent: keydown,
 * keypress, beforeinput, input, keyup; 25 ms between down and up), then Shift+Home + Backspace ×2 to remove
 * it again, and a 400 ms pause. The names: ASCII-only full names spread evenly over the registry, one per trial.
 *
 * Measured (the whole run is traced: categories devtools.timeline, disabled-by-default-devtools.timeline,
 * toplevel; see bench/guard/trace.ts for the attribution to Discreet's content script):
 *
 * 1. Last keystroke → mark shown, per trial, two ways:
 *    - renderer (the verdict): from the keydown dispatch of the name's last character on the tab's main
 *      thread to the end of the main-thread Commit of the frame whose animation-frame callback (Discreet's)
 *      drew the scan's answer. Trace timestamps are µs. Not included: the input path before the renderer
 *      (OS → browser) and compositor → display (one vsync at most). Broken down into debounce (keydown → scan
 *      timer), scan round trip (timer → answer arrives from the background), answer → frame, frame → commit.
 *    - observed (cross-check and identity): the DevTools DOM domain is bound to the overlay's CLOSED shadow
 *      root (bench/guard/overlay-watch.ts, no polling); the time is from just before Node sends the last key
 *      until the DOM event arrives after which an underline lies exactly under the typed name (±3 px of the
 *      name's last line box, measured in the page right after the key). Includes two IPC hops (Node →
 *      browser → renderer, and back) and the DOM agent's style-invalidation report, which comes one task
 *      after the change: an upper bound, resolution ~1 ms plus load. A trial counts as marked only if
 *      this underline shows up within 3 s; a trial never marked counts as a failure of the target.
 *    Target p95 ≤ 150 ms (it includes the 90 ms debounce (SCAN_DELAY_MS): the scan and the draw have ~60 ms).
 * 2. Time Discreet's content script adds to each key event: its JavaScript (with the style/layout it forces)
 *    from the key's keydown until the next key's keydown (≤ 100 ms): keydown/keyup/input capture listeners,
 *    selectionchange, the MutationObserver callback, the overlay's animation frame. Scans are reported
 *    apart (per scan: read the text and send, take the answer, draw). The verdict uses main-thread CPU time
 *    (trace `tdur`): on a shared machine wall-clock durations also contain the time the OS ran other
 *    processes in the middle of a call (the wall-clock figure is printed next to it). Target p95 ≤ 1 ms.
 *    Cross-check (--baseline, not in the default run): the same typing in a Chromium without the extension;
 *    ALL main-thread CPU per key window is compared with and without (this also catches style/layout/paint
 *    the browser does later because of the overlay, but two runs on a busy machine differ by more noise).
 * 3. Main-thread tasks over 50 ms (wall clock) during the whole run (set-up included): "caused by Discreet"
 *    when the task would not have been long without Discreet's CPU time in it (task − Discreet CPU < 50 ms).
 *    CPU, not wall: on a busy machine a 1 ms call can span 80 ms of wall clock because the OS ran another
 *    process meanwhile; removing Discreet would not remove that. Such tasks are listed. Target: none.
 * 4. Content-script bundle size (guard.js of the build, as built by WXT: minified).
 *    Target ≤ 60 KB (60,000 bytes); gzip size for information.
 *
 * Limits: the scan round trip (content script → background service worker, detector, answer) is one
 * number: the service worker's thread is not in this trace, so detector time and IPC are not split (see
 * `npm run bench` for the detector alone). Headless Chromium with --disable-gpu (software compositing,
 * frames at 60 Hz). Tracing, the DOM agent and the bench's own page.evaluate calls (trace marker before the
 * last key, name box after it) cost a little main-thread time that is not attributed to Discreet but can
 * delay its timer or frame by a fraction of a millisecond. Other processes on this machine (see the load average printed) inflate absolute times — the ratios
 * are what to compare between runs. The per-key number covers only Discreet's JavaScript, not the extra
 * style/paint the browser does later because the overlay changed (small: a few absolutely positioned divs).
 *
 * Exit code 0, or with --check 1 when any target fails (or the run could not complete).
 */
import type { CDPSession, Page } from '@playwright/test';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { OverlayWatch } from './guard/overlay-watch';
import { analyzeTrace, percentile, type TraceEvent } from './guard/trace';
import { makeRegistry, makeText } from './support/synthetic';

const TARGETS = {
  /** Last keystroke → mark shown, p95, ms (includes the 90 ms debounce). */
  markP95Ms: 150,
  /** Discreet's content-script time per key event, p95, ms. */
  perKeyP95Ms: 1,
  /** Tasks over 50 ms caused by Discreet. */
  longTasks: 0,
  /** guard.js, bytes (60 KB = 60,000 bytes). */
  bundleBytes: 60_000,
} as const;

const HELP = `Usage: npx tsx bench/guard.bench.ts [--check] [--trials N] [--apps slack,teams] [--baseline]

The guard while typing, in headless Chromium with the built extension (npx wxt build first) and a
2,000-client synthetic registry: last keystroke → mark shown, Discreet's time per key event, long tasks,
content-script size. Prints a table with PASS/FAIL per target.

  --check        exit 1 when any target fails (default: always exit 0)
  --trials N     trials per editor (default 30)
  --apps LIST    editors to measure: slack (Quill), teams (CKEditor 5); default both
  --baseline     also type the same in a Chromium WITHOUT the extension and compare all main-thread
                 CPU per key (adds ~40 s per editor)
  --save-trace D write each editor's raw trace to D/guard-<app>.json (open in DevTools' Performance panel)
  -h, --help     show this help
`;

const argv = process.argv.slice(2);
if (argv.includes('-h') || argv.includes('--help')) {
  process.stdout.write(HELP);
  process.exit(0);
}
const CHECK = argv.includes('--check');
const argOf = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const TRIALS = Number(argOf('--trials') ?? 30);
const SAVE_TRACE = argOf('--save-trace');
const BASELINE = argv.includes('--baseline');
const APPS = (argOf('--apps') ?? 'slack,teams').split(',') as Array<'slack' | 'teams'>;
const EDITORS = { slack: { surface: 'channel', label: 'Quill (Slack)' }, teams: { surface: 'chat', label: 'CKEditor 5 (Teams)' } } as const;
if (!(TRIALS >= 1) || APPS.some((a) => !(a in EDITORS))) {
  process.stderr.write(HELP);
  process.exit(2);
}

const REGISTRY_SIZE = 2_000;
const TEXT_BYTES = 3_000;
const TEXT_SEED = 20_251_123;
const KEY_DELAY_MS = 25;
const SETTLE_MS = 400;
const MARK_TIMEOUT_MS = 3_000;
const TRIAL_MARKER = 'discreet-bench-trial';

function loadNote(): string {
  const load = loadavg()[0]!;
  const cores = availableParallelism();
  return `load average ${load.toFixed(1)} on ${cores} cores${load > cores ? ' (busy machine: absolute times are inflated)' : ''}`;
}

const fmt = (ms: number) => (Number.isFinite(ms) ? (ms >= 10 ? ms.toFixed(0) : ms >= 1 ? ms.toFixed(1) : ms.toFixed(2)) : '—');

interface EditorResult {
  label: string;
  baseText: { chars: number; mentions: number; underlinesAfterSetup: number };
  observed: number[];
  missed: number;
  trace: ReturnType<typeof analyzeTrace>;
  textRestored: boolean;
  overlayEvents: number;
  seconds: number;
}

/** Runs in the page: the viewport box of the last line of the last occurrence of `name` in the focused editor. */
function nameBox(name: string): { left: number; right: number; bottom: number } | null {
  const root = document.activeElement as HTMLElement | null;
  if (!root) return null;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let hit: [Text, number] | null = null;
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    const i = n.data.replace(/\u00a0/g, ' ').lastIndexOf(name);
    if (i >= 0) hit = [n, i];
  }
  if (!hit) return null;
  const r = document.createRange();
  r.setStart(hit[0], hit[1]);
  r.setEnd(hit[0], hit[1] + name.length);
  const rects = [...r.getClientRects()].filter((x) => x.width > 0);
  const last = rects[rects.length - 1];
  return last ? { left: last.left, right: last.right, bottom: last.bottom } : null;
}

async function trace<T>(cdp: CDPSession, run: () => Promise<T>): Promise<{ result: T; events: TraceEvent[] }> {
  const events: TraceEvent[] = [];
  const onData = (e: any) => {
    for (const x of e.value) events.push(x);
  };
  cdp.on('Tracing.dataCollected', onData);
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: {
      recordMode: 'recordContinuously',
      includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel'],
    },
  } as any);
  let result: T;
  try {
    result = await run();
  } finally {
    const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.end');
    await done;
    cdp.off('Tracing.dataCollected', onData);
  }
  return { result, events };
}

/** The browser to type in: with the extension (extensionId) or without it (the --baseline run). */
interface Browser {
  context: import('@playwright/test').BrowserContext;
  extensionId: string | null;
}

async function measureEditor(
  session: Browser,
  app: 'slack' | 'teams',
  names: string[],
  baseText: { text: string; mentions: number },
): Promise<EditorResult> {
  const { openApp } = await import('../test/e2e/support/sites');
  const t0 = performance.now();
  const { surface, label } = EDITORS[app];
  const handle = await openApp(session.context, app);
  const page: Page = handle.page;
  const cdp = await session.context.newCDPSession(page);
  const editor = handle.surface(surface).editor;
  const observed: number[] = [];
  let missed = 0;
  let underlinesAfterSetup = 0;
  let overlayEvents = 0;

  const { events } = await trace(cdp, async () => {
    await editor.click();
    // Set-up: ~3 KB, sentence by sentence (insertText), real Shift+Enter between paragraphs.
    const paragraphs = baseText.text.split('\n\n');
    for (const [i, para] of paragraphs.entries()) {
      if (i > 0) {
        await page.keyboard.press('Shift+Enter');
        await page.keyboard.press('Shift+Enter');
      }
      for (const sentence of para.match(/[^.!?]+[.!?]*\s*/g) ?? [para]) await page.keyboard.insertText(sentence);
    }
    await page.waitForTimeout(1_000);
    const watch = session.extensionId ? await OverlayWatch.attach(cdp) : null;
    underlinesAfterSetup = watch?.underlines().length ?? 0;

    for (let i = 0; i < names.length; i++) {
      const name = names[i]!;
      await page.keyboard.press('Shift+Enter');
      await page.keyboard.type(name.slice(0, -1), { delay: KEY_DELAY_MS });
      // Marker for the trace: the next keydown is this trial's last key.
      await page.evaluate((m) => console.timeStamp(m), `${TRIAL_MARKER} ${i}`);
      await page.waitForTimeout(KEY_DELAY_MS);
      const sent = performance.now();
      await page.keyboard.press(name.slice(-1), { delay: KEY_DELAY_MS });
      const box = await page.evaluate(nameBox, name);
      const near = (a: number, b: number) => Math.abs(a - b) <= 3;
      if (!watch) {
        await page.waitForTimeout(150); // about the time a mark takes: the same rhythm as with the extension
      } else {
        const ok = (w: OverlayWatch) =>
          !!box && w.underlines().some((u) => near(u.left, box.left) && near(u.left + u.width, box.right) && near(u.top, box.bottom - 1));
        const at = box ? await watch.waitFor(ok, MARK_TIMEOUT_MS) : null;
        if (at === null) missed++;
        else observed.push(at - sent);
      }
      // Remove the name again (real keys) and let the guard settle.
      await page.keyboard.press('Shift+Home');
      await page.keyboard.press('Backspace');
      await page.keyboard.press('Backspace');
      await page.waitForTimeout(SETTLE_MS);
    }
    overlayEvents = watch?.events ?? 0;
  });

  const current = await handle.editorText(surface);
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
  const textRestored = norm(current) === norm(baseText.text);
  const extensionOrigin = `chrome-extension://${session.extensionId ?? 'none'}/`;
  const appOrigin = new URL(handle.url).origin;
  if (SAVE_TRACE) writeFileSync(path.join(SAVE_TRACE, `guard-${app}.json`), JSON.stringify({ traceEvents: events }));
  const stats = analyzeTrace(events, { extensionOrigin, appOrigin, trialMarker: TRIAL_MARKER });
  await cdp.detach().catch(() => {});
  await page.close();
  return {
    label,
    baseText: { chars: baseText.text.length, mentions: baseText.mentions, underlinesAfterSetup },
    observed,
    missed,
    trace: stats,
    textRestored,
    overlayEvents,
    seconds: (performance.now() - t0) / 1000,
  };
}

interface Row {
  what: string;
  value: string;
  target: string;
  ratio: number;
  pass: boolean;
}

function row(what: string, value: number, target: number, unit: string, extra = ''): Row {
  const ratio = target === 0 ? (value === 0 ? 0 : Infinity) : value / target;
  const shown = unit === '' || unit === 'B' ? value.toLocaleString('en-US') : fmt(value);
  return { what, value: `${shown}${unit ? ` ${unit}` : ''}${extra}`, target: `≤ ${target.toLocaleString('en-US')} ${unit}`, ratio, pass: value <= target };
}

async function main(): Promise<number> {
  const started = performance.now();
  console.log(`guard benchmark — ${new Date().toISOString()} — ${loadNote()}`);

  // The build, copied so that a concurrent build cannot change it under the browser.
  const source = path.resolve(process.env.DISCREET_EXTENSION_DIR ?? '.output/chrome-mv3');
  if (!existsSync(path.join(source, 'manifest.json'))) {
    console.error(`No built extension in ${source}: run \`npx wxt build\` first (or set DISCREET_EXTENSION_DIR).`);
    return 1;
  }
  const copyRoot = mkdtempSync(path.join(tmpdir(), 'discreet-guard-bench-'));
  const extDir = path.join(copyRoot, 'chrome-mv3');
  cpSync(source, extDir, { recursive: true });
  process.env.DISCREET_EXTENSION_DIR = extDir;

  const bundle = path.join(extDir, 'guard.js');
  const bundleBytes = statSync(bundle).size;
  const bundleGzip = gzipSync(readFileSync(bundle), { level: 9 }).length;

  const { buildFixtures } = await import('../test/fixtures/build-fixtures');
  await buildFixtures({ quiet: true });
  const { launchWithExtension } = await import('../test/e2e/support/extension');
  const { setupVault } = await import('../test/e2e/support/vault');

  const registry = makeRegistry(REGISTRY_SIZE);
  // Full names a keyboard types as is (ASCII letters, at least two words), spread over the registry.
  const typable = registry.clients.map((c) => c.name).filter((n) => /^[A-Za-z]+( [A-Za-z]+)+$/.test(n));
  const names = Array.from({ length: TRIALS }, (_, i) => typable[Math.floor((i * typable.length) / TRIALS)]!);
  const base = makeText(registry, TEXT_BYTES, TEXT_SEED, 0.1);

  const session = await launchWithExtension();
  const results: EditorResult[] = [];
  try {
    const tv = performance.now();
    await setupVault(session, registry);
    console.log(`vault set up with makeRegistry(${REGISTRY_SIZE}) in ${((performance.now() - tv) / 1000).toFixed(1)} s; ` +
      `message ${base.text.length} chars with ${base.mentions} registered mentions; ${TRIALS} trials per editor`);
    for (const app of APPS) {
      const r = await measureEditor(session, app, names, base);
      results.push(r);
      console.log(`  ${r.label}: done in ${r.seconds.toFixed(0)} s (${r.trace.keydowns} keydowns traced, ${r.overlayEvents} overlay DOM events)`);
    }
  } finally {
    await session.close();
    rmSync(copyRoot, { recursive: true, force: true });
    rmSync(session.userDataDir, { recursive: true, force: true });
  }

  // --baseline: the same typing in a browser without the extension.
  const baseline = new Map<string, EditorResult>();
  if (BASELINE) {
    const { chromium } = await import('@playwright/test');
    const { CHROMIUM } = await import('../test/e2e/support/extension');
    const profile = mkdtempSync(path.join(tmpdir(), 'discreet-guard-bench-plain-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      locale: process.env.DISCREET_TEST_LOCALE ?? 'nl-NL',
      args: ['--disable-gpu', '--disable-quic'],
    });
    try {
      for (const app of APPS) {
        const r = await measureEditor({ context, extensionId: null }, app, names, base);
        baseline.set(r.label, r);
        console.log(`  ${r.label} without the extension: done in ${r.seconds.toFixed(0)} s`);
      }
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  }

  // ── report ────────────────────────────────────────────────────────────────
  const rows: Row[] = [];
  for (const r of results) {
    const t = r.trace;
    const rend = t.trials.filter((x): x is NonNullable<typeof x> => x !== null);
    const keyToCommit = rend.map((x) => x.keyToCommit);
    const med = (f: (x: (typeof rend)[number]) => number) => fmt(percentile(rend.map(f), 50));
    console.log(`\n${r.label}: ${r.baseText.chars}-char message (${r.baseText.mentions} registered mentions, ${r.baseText.underlinesAfterSetup} underlines in view after set-up)` +
      `${r.textRestored ? '' : ' — WARNING: the editor text after the trials differs from the message'}`);
    console.log(`  last key → mark (renderer, trace):   p50 ${fmt(percentile(keyToCommit, 50))} ms  p95 ${fmt(percentile(keyToCommit, 95))} ms  max ${fmt(Math.max(...keyToCommit))} ms  (${rend.length}/${TRIALS} trials found in the trace)`);
    const p95of = (f: (x: (typeof rend)[number]) => number) => fmt(percentile(rend.map(f), 95));
    console.log(`    breakdown p50 (p95): debounce ${med((x) => x.keyToTimer)} (${p95of((x) => x.keyToTimer)}) + scan round trip to the background ${med((x) => x.timerToAnswer)} (${p95of((x) => x.timerToAnswer)})` +
      ` + answer → frame ${med((x) => x.answerToFrame)} (${p95of((x) => x.answerToFrame)}) + frame → commit ${med((x) => x.frameToCommit)} (${p95of((x) => x.frameToCommit)}) ms`);
    console.log(`  last key → underline (observed, CDP): p50 ${fmt(percentile(r.observed, 50))} ms  p95 ${fmt(percentile(r.observed, 95))} ms  max ${fmt(Math.max(...r.observed))} ms  (${r.observed.length}/${TRIALS} marked; ${r.missed} not marked within ${MARK_TIMEOUT_MS / 1000} s)`);
    const dist = (xs: number[]) => `p50 ${fmt(percentile(xs, 50))} ms  p95 ${fmt(percentile(xs, 95))} ms  max ${fmt(Math.max(...xs))} ms`;
    console.log(`  Discreet per key event, CPU:        ${dist(t.perKeyCpu)}  (${t.perKey.length} keys; wall clock ${dist(t.perKey)})`);
    console.log(`  Discreet per scan (content), CPU:   ${dist(t.perScanCpu)}  (${t.perScan.length} scans; wall clock ${dist(t.perScan)})`);
    const plain = baseline.get(r.label);
    if (plain) {
      const a = t.perKeyMainCpu;
      const b = plain.trace.perKeyMainCpu;
      console.log(`  all main-thread CPU per key window: with Discreet ${dist(a)}; without ${dist(b)}; ` +
        `difference p50 ${fmt(percentile(a, 50) - percentile(b, 50))} ms, p95 ${fmt(percentile(a, 95) - percentile(b, 95))} ms`);
    }
    const caused = t.longTasks.filter((l) => l.discreetCpu > 0 && l.dur - l.discreetCpu < 50);
    const withShare = t.longTasks.filter((l) => l.discreet > 0);
    console.log(`  tasks > 50 ms: ${t.longTasks.length} in all (longest ${fmt(Math.max(0, ...t.longTasks.map((l) => l.dur)))} ms), ${withShare.length} with Discreet time in them, ${caused.length} caused by Discreet; largest Discreet share of one task ${fmt(t.maxDiscreetTask)} ms wall, ${fmt(t.maxDiscreetTaskCpu)} ms CPU`);
    for (const l of withShare.slice(0, 5)) console.log(`    task ${fmt(l.dur)} ms, Discreet ${fmt(l.discreet)} ms (CPU ${fmt(l.discreetCpu)} ms)`);

    // The verdict uses the renderer latency; a trial that was never marked counts as failing.
    const missing = TRIALS - rend.length + r.missed;
    const p95 = missing > TRIALS * 0.05 ? Infinity : percentile(keyToCommit, 95);
    rows.push(row(`${r.label}: last key → mark, p95`, p95, TARGETS.markP95Ms, 'ms', missing ? ` (${missing} trials unmarked/unmatched)` : ''));
    rows.push(row(`${r.label}: Discreet per key event, p95 (CPU)`, percentile(t.perKeyCpu, 95), TARGETS.perKeyP95Ms, 'ms', ` (wall ${fmt(percentile(t.perKey, 95))} ms)`));
    rows.push(row(`${r.label}: tasks > 50 ms caused by Discreet`, caused.length, TARGETS.longTasks, '', ` (of ${t.longTasks.length} tasks > 50 ms)`));
  }
  rows.push(row('guard.js (minified)', bundleBytes, TARGETS.bundleBytes, 'B', ` (${(bundleBytes / 1024).toFixed(1)} KiB, gzip ${bundleGzip.toLocaleString('en-US')} B)`));

  const w0 = Math.max(...rows.map((r) => r.what.length));
  const w1 = Math.max(...rows.map((r) => r.value.length));
  const w2 = Math.max(...rows.map((r) => r.target.length));
  console.log(`\n${'target'.padEnd(w0)}  ${'measured'.padEnd(w1)}  ${'target'.padEnd(w2)}  ratio   verdict`);
  for (const r of rows) {
    const ratio = Number.isFinite(r.ratio) ? r.ratio.toFixed(2) : '∞';
    console.log(`${r.what.padEnd(w0)}  ${r.value.padEnd(w1)}  ${r.target.padEnd(w2)}  ${ratio.padStart(5)}   ${r.pass ? 'PASS' : 'FAIL'}`);
  }
  const failed = rows.filter((r) => !r.pass).length;
  console.log(`\n${failed ? `${failed} of ${rows.length} targets FAIL` : `all ${rows.length} targets PASS`} — ratio = measured / target — ` +
    `${loadNote()} — ${((performance.now() - started) / 1000).toFixed(0)} s`);
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(CHECK ? code : 0),
  (err) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    process.exit(CHECK ? 1 : 0);
  },
);
