/**
 * `npm run -s eval -- --registry FILE --corpus FILE [--check] [--json]`
 *
 * Runs the detector over an annotated corpus (format: /work/shared/corpus/README.md) and prints
 * entity recall, finding precision, message recall, false-alarm rate, per-kind recall, and the
 * misses and false alarms with their surface text (a developer tool for the fictional corpus).
 * `--check` exits 1 when a threshold in `metrics.ts` (THRESHOLDS) fails.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createDetector } from '../detect/index';
import type { Registry } from '../registry';
import {
  EXIT,
  InputError,
  capProblems,
  loadRegistryFile,
  readFileBytes,
  parseJsonLines,
  printProblems,
  reportingFailures,
  splitLines,
  writeStdout,
} from './io';
import {
  DEFINITIONS,
  KINDS,
  METRIC_LABELS,
  checkThresholds,
  computeMetrics,
  type CheckResult,
  type EvalCase,
  type EvalMetrics,
  type ListedSpan,
  type MetricName,
  type Ratio,
} from './metrics';

const TOOL = 'eval';

const USAGE = `Usage: npm run -s eval -- --registry FILE --corpus FILE [--check] [--json]

Measures the detector on an annotated corpus (JSON lines {"id","text","entities":[...]}).

A finding is correct when it overlaps (non-empty intersection) an annotated entity of the same
client; the kinds need not agree.

Options:
  --registry FILE   the client registry (JSON)
  --corpus FILE     the annotated corpus (JSON lines)
  --check           exit 1 when a metric misses its threshold
  --json            print the report as one JSON object instead of text
  -h, --help        show this help

Exit codes: 0 ok (or all checks pass); 1 --check and a threshold failed; 2 bad usage, registry or
corpus (nothing printed on stdout); 3 the detector failed.
`;

const nonEmpty = z.string().refine((s) => s.trim().length > 0, 'must not be empty');

const EntitySchema = z.object({
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  clientId: nonEmpty,
  kind: z.enum(KINDS as [string, ...string[]]),
});

const CorpusLineSchema = z.looseObject({
  id: nonEmpty,
  text: z.string(),
  entities: z.array(EntitySchema),
});

type CorpusLine = z.infer<typeof CorpusLineSchema>;

/** Checks that the schema cannot: offsets within the text, known clients, unique ids. */
function crossCheck(items: Array<{ line: number; value: CorpusLine }>, registry: Registry): void {
  const clients = new Set(registry.clients.map((c) => c.id));
  const ids = new Map<string, number>();
  const problems: string[] = [];
  for (const { line, value } of items) {
    const first = ids.get(value.id);
    if (first !== undefined) problems.push(`corpus line ${line}: field "id": duplicate of line ${first}`);
    else ids.set(value.id, line);
    value.entities.forEach((e, i) => {
      const at = `corpus line ${line}: field "entities.${i}`;
      if (e.end <= e.start) problems.push(`${at}.end": must be greater than start`);
      if (e.end > value.text.length) problems.push(`${at}.end": beyond the end of the text (length ${value.text.length})`);
      if (!clients.has(e.clientId)) problems.push(`${at}.clientId": not a client in the registry`);
    });
  }
  if (problems.length) throw new InputError(capProblems(problems));
}

function loadCorpus(path: string, registry: Registry): CorpusLine[] {
  const items = parseJsonLines(splitLines(readFileBytes(path, 'corpus file'), 'corpus'), CorpusLineSchema, 'corpus');
  crossCheck(items, registry);
  return items.map((i) => i.value);
}

const pct = (r: Ratio): string => (r.value === null ? '   n/a' : `${(r.value * 100).toFixed(1).padStart(5)}%`);
const frac = (r: Ratio): string => `${r.count}/${r.total}`;
const num = (v: number | null): string => (v === null ? 'n/a' : `${(v * 100).toFixed(1)}%`);

function listLines(items: ListedSpan[], otherLabel: string): string[] {
  if (items.length === 0) return ['  (none)'];
  return items.map((s) => {
    const other = s.otherClients.length ? `   (${otherLabel} ${s.otherClients.join(', ')})` : '';
    return `  ${s.messageId.padEnd(6)} ${`${s.start}-${s.end}`.padEnd(11)} ${s.kind.padEnd(12)} ${s.clientId.padEnd(6)} ${JSON.stringify(s.surface)}${other}`;
  });
}

function formatReport(m: EvalMetrics, checks: CheckResult[], clients: number): string {
  const row = (name: MetricName) =>
    `  ${METRIC_LABELS[name].padEnd(18)} ${pct(m[name])}  ${frac(m[name]).padStart(9)}   ${DEFINITIONS[name]}`;
  const out = [
    `Detector evaluation: ${clients} registered clients; ${m.messages} messages (${m.positives} with entities, ${m.negatives} without); ${m.entities} annotated entities; ${m.findings} findings.`,
    `A finding is correct when it overlaps an annotated entity of the same client.`,
    '',
    'Metrics',
    row('entityRecall'),
    row('findingPrecision'),
    row('messageRecall'),
    row('falseAlarmRate'),
    '',
    'Entity recall per kind',
    ...KINDS.map((k) => `  ${k.padEnd(18)} ${pct(m.perKindRecall[k])}  ${frac(m.perKindRecall[k]).padStart(9)}`),
    '',
    'Checks (eval --check fails on any FAIL)',
    ...checks.map((c) => `  ${c.status.padEnd(4)} ${METRIC_LABELS[c.metric].padEnd(18)} ${num(c.actual).padStart(6)} ${c.op === '>=' ? '≥' : '≤'} ${num(c.value)}`),
    '',
    `Misses: annotated entities no finding of their client overlaps (${m.misses.length})`,
    `  ${'msg'.padEnd(6)} ${'offsets'.padEnd(11)} ${'kind'.padEnd(12)} ${'client'.padEnd(6)} surface`,
    ...listLines(m.misses, 'only found as'),
    '',
    `False alarms: findings that overlap no entity of their client (${m.falseAlarms.length})`,
    `  ${'msg'.padEnd(6)} ${'offsets'.padEnd(11)} ${'kind'.padEnd(12)} ${'client'.padEnd(6)} surface`,
    ...listLines(m.falseAlarms, 'the entity there belongs to'),
  ];
  return out.join('\n') + '\n';
}

async function main(argv: string[]): Promise<number> {
  let values: { registry?: string; corpus?: string; check?: boolean; json?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        registry: { type: 'string' },
        corpus: { type: 'string' },
        check: { type: 'boolean' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    printProblems(TOOL, [(err as Error).message, 'run with --help for usage']);
    return EXIT.badInput;
  }
  if (values.help) {
    await writeStdout(USAGE);
    return EXIT.ok;
  }
  const missing = (['registry', 'corpus'] as const).filter((k) => !values[k]).map((k) => `missing --${k} FILE`);
  if (missing.length) {
    printProblems(TOOL, [...missing, 'run with --help for usage']);
    return EXIT.badInput;
  }

  return reportingFailures(TOOL, async () => {
    const registry = loadRegistryFile(values.registry!);
    const corpus = loadCorpus(values.corpus!, registry);
    const detector = createDetector(registry);
    const cases: EvalCase[] = corpus.map((msg) => {
      let findings;
      try {
        findings = detector.scan(msg.text).findings;
      } catch (err) {
        throw new InputError([`internal error: the detector failed on message ${msg.id} (${(err as Error)?.name ?? 'error'})`], EXIT.internal);
      }
      return { id: msg.id, text: msg.text, entities: msg.entities as EvalCase['entities'], findings };
    });
    const metrics = computeMetrics(cases);
    const checks = checkThresholds(metrics);
    const failed = checks.some((c) => c.status === 'FAIL');
    if (values.json) {
      await writeStdout(JSON.stringify({ clients: registry.clients.length, definitions: DEFINITIONS, metrics, checks, pass: !failed }, null, 2) + '\n');
    } else {
      await writeStdout(formatReport(metrics, checks, registry.clients.length));
    }
    return values.check && failed ? EXIT.checkFailed : EXIT.ok;
  });
}

process.exitCode = await main(process.argv.slice(2));
