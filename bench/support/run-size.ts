/**
 * Child process of bench/detect.bench.ts: measures the detector for one registry size and reports
 * each result as one JSON line on stdout as soon as it has it. Run with --expose-gc.
 * The parent enforces a time limit by killing this process; results already sent are kept.
 *
 *   node --expose-gc <tsx loader> bench/support/run-size.ts <clients> <seed>
 */
import { createDetector } from '../../src/detect/index';
import { measure, retainedBytes } from './measure';
import { createRng } from './prng';
import { makeRegistry, makeText } from './synthetic';
import { TEXT_SEED, SHORT_TEXT, LONG_TEXT, type ChildMessage } from './protocol';

const clients = Number(process.argv[2]);
const seed = Number(process.argv[3]);
if (!Number.isInteger(clients) || clients <= 0 || !Number.isInteger(seed)) {
  process.stderr.write('usage: run-size.ts <clients> <seed>\n');
  process.exit(2);
}

const send = (m: ChildMessage) => process.stdout.write(JSON.stringify(m) + '\n');

const registry = makeRegistry(clients, seed);
const short = makeText(registry, SHORT_TEXT, TEXT_SEED).text;
const long = makeText(registry, LONG_TEXT, TEXT_SEED).text;

const first = (task: ChildMessage['task']) => (ms: number) => send({ type: 'first', task, median: ms });

function task(name: ChildMessage['task'], fn: () => Omit<ChildMessage, 'task' | 'type'>): void {
  send({ type: 'start', task: name });
  try {
    send({ type: 'result', task: name, ...fn() });
  } catch (err) {
    send({ type: 'error', task: name, error: (err as Error)?.name ?? 'error' });
  }
}

// Heap first, in a clean process: detector size after building it and scanning once (lazy tables count).
task('heap', () => {
  const r = retainedBytes(() => createDetector(registry), (d) => d.scan(short).findings.length);
  return r ? { bytes: r.bytes } : { bytes: null };
});

task('build', () => measure(() => createDetector(registry), { warmup: 1, minRuns: 5, maxRuns: 15, budgetMs: 2000, gcBetween: true, onFirst: first('build') }));

const detector = createDetector(registry);

task('scan5', () => measure(() => detector.scan(short).findings.length, { warmup: 3, minRuns: 10, maxRuns: 100, budgetMs: 1000, onFirst: first('scan5') }));

// A keystroke: one letter inserted at a different place each run; the edited text is scanned from scratch.
const rng = createRng(seed + 1);
const letters = 'etaoinsrhldcum';
task('rescan', () =>
  measure((edited) => detector.scan(edited as string).findings.length, {
    warmup: 5,
    minRuns: 20,
    maxRuns: 200,
    budgetMs: 1000,
    onFirst: first('rescan'),
    prepare: () => {
      const at = rng.int(0, short.length);
      return short.slice(0, at) + letters[rng.int(0, letters.length - 1)] + short.slice(at);
    },
  }),
);

let findings = 0;
// Measured the way the normalization pass it is compared with is measured: warm, with no forced collection
// between runs. A forced full collection before each run (as this bench did until 2026-11-23) put the collector's
// concurrent sweep and the re-warming after it into the scan's time but not the normalization's: the same scan
// measured 2× slower that way on this 2-core machine. Collections the scan's own garbage causes still count.
task('scan100', () => {
  const t = measure(() => (findings = detector.scan(long).findings.length), { warmup: 3, minRuns: 10, maxRuns: 40, budgetMs: 3000, onFirst: first('scan100') });
  return { ...t, findings };
});

send({ type: 'done', task: 'scan100' });
