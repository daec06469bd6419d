/**
 * Reads a Chromium performance trace (categories devtools.timeline, disabled-by-default-devtools.timeline,
 * toplevel) of the app's tab and attributes main-thread time to Discreet's content script.
 *
 * Attribution: Blink emits a `FunctionCall` trace event whenever it calls into JavaScript (event listeners,
 * MutationObserver callbacks, timers, animation-frame callbacks) with the called function's script URL. Calls
 * whose URL is the extension's content script (chrome-extension://<id>/…) are Discreet's; their duration
 * includes everything they cause synchronously (forced style/layout, DOM work). Only the outermost such call
 * is counted, so nothing is counted twice.
 *
 * One blind spot: promise continuations run as microtasks outside any FunctionCall. The only such Discreet
 * work on this path is handling a scan's answer (runtime.sendMessage resolves → draw the marks). That work
 * always ends by requesting an animation frame whose callback is Discreet's, so the task that requested it
 * (a "Receive mojo message" task) has its microtask checkpoint attributed to Discreet in full (an over-count, if anything).
 */

export interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread CPU time of the event (µs): excludes time the OS ran other threads. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: any;
}

export interface Span {
  ts: number;
  end: number;
}

export interface GuardTraceStats {
  /** Discreet time per key (ms, wall clock): its work from a key's keydown until the next key (at most 100 ms later), scans (timer, answer, drawing frame) excluded. */
  perKey: number[];
  /** The same in main-thread CPU time (ms): what Discreet itself costs, without the time the OS gave other processes. */
  perKeyCpu: number[];
  /** All main-thread CPU time per key window (ms), whoever spent it: for comparing with a run without Discreet. */
  perKeyMainCpu: number[];
  /** Discreet's content-script time per scan (ms, wall): read the text and ask (timer), take the answer, draw (frame). */
  perScan: number[];
  perScanCpu: number[];
  /** Main-thread tasks over 50 ms: duration and Discreet's share (ms, wall clock and CPU). */
  longTasks: Array<{ ts: number; dur: number; discreet: number; discreetCpu: number }>;
  /** Renderer-side latency per trial (ms): last keydown → main-thread commit of the frame that drew the answer. */
  trials: Array<{ keyToCommit: number; keyToTimer: number; timerToAnswer: number; answerToFrame: number; frameToCommit: number } | null>;
  /** Discreet's largest share of one task (ms, wall clock and CPU). */
  maxDiscreetTask: number;
  maxDiscreetTaskCpu: number;
  keydowns: number;
}

/** Top-level tasks: `RunTask` (toplevel) encloses the task proper AND the microtask checkpoint after it. */
const isTask = (e: TraceEvent) => e.ph === 'X' && e.name === 'RunTask';

/** Index of the first event with ts >= t in a list sorted by ts. */
function lowerBound(xs: readonly { ts: number }[], t: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]!.ts < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Events of a ts-sorted list that start within [from, to]. */
function between<T extends { ts: number }>(xs: readonly T[], from: number, to: number): T[] {
  const out: T[] = [];
  for (let i = lowerBound(xs, from); i < xs.length && xs[i]!.ts <= to; i++) out.push(xs[i]!);
  return out;
}

/** Encloses a sorted list of spans for quick "what is around time t" questions. */
function within(spans: Span[], ts: number, end: number): Span | undefined {
  // spans are few enough per thread (thousands) for a binary search on start, then a short walk back.
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.ts <= ts) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo - 1; i >= 0 && i >= lo - 50; i--) {
    const s = spans[i]!;
    if (s.ts <= ts && s.end >= end) return s;
  }
  return undefined;
}

export function analyzeTrace(events: TraceEvent[], opts: { extensionOrigin: string; appOrigin: string; trialMarker: string }): GuardTraceStats {
  const { extensionOrigin, appOrigin, trialMarker } = opts;
  // The app tab's main thread: where the app's own scripts run.
  const appCall = events.find((e) => e.name === 'FunctionCall' && String(e.args?.data?.url ?? '').startsWith(appOrigin));
  if (!appCall) throw new Error(`no JavaScript of ${appOrigin} in the trace`);
  const { pid, tid } = appCall;
  const main = events.filter((e) => e.pid === pid && e.tid === tid).sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const span = (e: TraceEvent): Span => ({ ts: e.ts, end: e.ts + (e.dur ?? 0) });
  const isExt = (e: TraceEvent) => e.name === 'FunctionCall' && String(e.args?.data?.url ?? '').startsWith(extensionOrigin);

  // Outermost Discreet calls.
  const extCalls: TraceEvent[] = [];
  let lastEnd = -Infinity;
  for (const e of main) {
    if (!isExt(e) || e.ph !== 'X') continue;
    if (e.ts < lastEnd) continue; // nested in the previous outermost call
    extCalls.push(e);
    lastEnd = e.ts + (e.dur ?? 0);
  }
  const taskEvents = main.filter(isTask);
  const tasks = taskEvents.map(span);
  const timerFires = main.filter((e) => e.name === 'TimerFire' && e.ph === 'X');
  const rafFires = main.filter((e) => e.name === 'FireAnimationFrame' && e.ph === 'X');
  const keydowns = main.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'keydown' && e.ph === 'X');
  const commits = main.filter((e) => e.name === 'Commit' && e.ph === 'X');

  const extIn = (s: Span) => between(extCalls, s.ts, s.end).filter((c) => c.ts + (c.dur ?? 0) <= s.end);
  const sum = (xs: TraceEvent[]) => xs.reduce((a, c) => a + (c.dur ?? 0), 0);
  const cpu = (c: TraceEvent) => c.tdur ?? c.dur ?? 0;
  const sumCpu = (xs: TraceEvent[]) => xs.reduce((a, c) => a + cpu(c), 0);

  // Scans: a Discreet timer (the debounced scan), the answer task, the frame that draws.
  const scanTimers = timerFires.filter((t) => extIn(span(t)).length > 0);
  const extRafs = rafFires.filter((f) => extIn(span(f)).length > 0);
  const extRafIds = new Set(extRafs.map((f) => f.args?.data?.id));
  // Answer tasks: request a Discreet frame and are not an input/timer/frame task themselves.
  const answerTasks: Array<{ task: Span; rafId: unknown; work: number; workCpu: number }> = [];
  for (const r of main) {
    if (r.name !== 'RequestAnimationFrame' || !extRafIds.has(r.args?.data?.id)) continue;
    const task = within(tasks, r.ts, r.ts);
    if (!task) continue;
    const inTask = between(main, task.ts, task.end);
    if (!inTask.some((e) => e.name === 'Receive mojo message')) continue;
    if (inTask.some((e) => e.name === 'EventDispatch' || e.name === 'TimerFire' || e.name === 'FireAnimationFrame')) continue;
    const micro = inTask.filter((e) => e.name === 'BlinkScheduler_PerformMicrotaskCheckpoint' && e.ph === 'X');
    answerTasks.push({ task, rafId: r.args?.data?.id, work: sum(micro), workCpu: sumCpu(micro) });
  }
  const answerWork = (task: Span) => answerTasks.find((a) => a.task === task)?.work ?? 0;
  const answerWorkCpu = (task: Span) => answerTasks.find((a) => a.task === task)?.workCpu ?? 0;

  // The scan chains (see perScan below): a key window must not count them again. Declared before use.
  const chainOf = (timer: TraceEvent) => {
    const tEnd = timer.ts + (timer.dur ?? 0);
    const answer = answerTasks.find((a) => a.task.ts >= tEnd && a.task.ts - tEnd < 2_000_000);
    const frame = answer ? extRafs.find((f) => f.args?.data?.id === answer.rafId && f.ts >= answer.task.end) : undefined;
    return { answer, frame };
  };

  // Per key: Discreet's calls from this keydown to the next (≤ 100 ms), outside scans: a scan's timer, its
  // answer task and the frame that draws its marks are the scan's cost (perScan), which the last key's window
  // (the debounce is about 90 ms) would otherwise count a second time.
  const perKey: number[] = [];
  const perKeyCpu: number[] = [];
  const perKeyMainCpu: number[] = [];
  const scanSpans: Span[] = scanTimers.flatMap((t) => {
    const { answer, frame } = chainOf(t);
    return [span(t), ...(answer ? [answer.task] : []), ...(frame ? [span(frame)] : [])];
  });
  for (let i = 0; i < keydowns.length; i++) {
    const from = keydowns[i]!.ts;
    const to = Math.min(keydowns[i + 1]?.ts ?? Infinity, from + 100_000);
    let us = 0;
    let usCpu = 0;
    for (const c of between(extCalls, from, to)) {
      if (c.ts >= to) continue;
      if (scanSpans.some((s) => c.ts >= s.ts && c.ts <= s.end)) continue;
      us += c.dur ?? 0;
      usCpu += cpu(c);
    }
    perKey.push(us / 1000);
    perKeyCpu.push(usCpu / 1000);
    perKeyMainCpu.push(sumCpu(between(taskEvents, from, to).filter((t) => t.ts < to)) / 1000);
  }

  // Per scan: timer work + answer work + the next Discreet frame after the answer.
  const perScan: number[] = [];
  const perScanCpu: number[] = [];
  for (const t of scanTimers) {
    const { answer, frame } = chainOf(t);
    const us = sum(extIn(span(t))) + (answer?.work ?? 0) + (frame ? sum(extIn(span(frame))) : 0);
    perScan.push(us / 1000);
    perScanCpu.push((sumCpu(extIn(span(t))) + (answer?.workCpu ?? 0) + (frame ? sumCpu(extIn(span(frame))) : 0)) / 1000);
  }

  // Long tasks.
  const longTasks: GuardTraceStats['longTasks'] = [];
  let maxDiscreetTask = 0;
  let maxDiscreetTaskCpu = 0;
  for (const t of tasks) {
    const calls = extIn(t);
    const d = sum(calls) + answerWork(t);
    const dc = sumCpu(calls) + answerWorkCpu(t);
    maxDiscreetTask = Math.max(maxDiscreetTask, d);
    maxDiscreetTaskCpu = Math.max(maxDiscreetTaskCpu, dc);
    if (t.end - t.ts > 50_000) longTasks.push({ ts: t.ts, dur: (t.end - t.ts) / 1000, discreet: d / 1000, discreetCpu: dc / 1000 });
  }

  // Trials: the marker (console.timeStamp) is set just before the trial's last key.
  const markers = main.filter((e) => e.name === 'TimeStamp' && String(e.args?.data?.message ?? '').startsWith(trialMarker));
  const trials: GuardTraceStats['trials'] = markers.map((m) => {
    const key = keydowns.find((k) => k.ts > m.ts);
    if (!key) return null;
    const timer = scanTimers.find((t) => t.ts > key.ts);
    if (!timer) return null;
    const { answer, frame } = chainOf(timer);
    if (!answer || !frame) return null;
    const frameEnd = frame.ts + (frame.dur ?? 0);
    const commit = commits.find((c) => c.ts >= frameEnd && c.ts - frameEnd < 50_000);
    const shown = commit ? commit.ts + (commit.dur ?? 0) : frameEnd;
    return {
      keyToCommit: (shown - key.ts) / 1000,
      keyToTimer: (timer.ts - key.ts) / 1000,
      timerToAnswer: (answer.task.ts - timer.ts) / 1000,
      answerToFrame: (frame.ts - answer.task.ts) / 1000,
      frameToCommit: (shown - frame.ts) / 1000,
    };
  });

  return { perKey, perKeyCpu, perKeyMainCpu, perScan, perScanCpu, longTasks, trials, maxDiscreetTask: maxDiscreetTask / 1000, maxDiscreetTaskCpu: maxDiscreetTaskCpu / 1000, keydowns: keydowns.length };
}

export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  // Nearest-rank: the smallest value with at least p% of the values at or below it.
  const i = Math.max(0, Math.ceil((p / 100) * s.length) - 1);
  return s[i]!;
}
