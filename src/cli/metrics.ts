/**
 * Evaluation metrics of the detector against an annotated corpus. Pure: no I/O.
 *
 * Matching rule (corpus README): a finding is correct when it overlaps an annotated entity of the
 * same client. Overlap means a non-empty intersection of the half-open spans [start, end); spans
 * that only touch do not overlap. The kind of the finding does not have to equal the entity's kind.
 */
import type { FindingKind } from '../detect/types';

export const KINDS: readonly FindingKind[] = ['name', 'identifier', 'organization', 'detail'];

export interface Span {
  start: number;
  end: number;
}

export interface LabelledSpan extends Span {
  clientId: string;
  kind: FindingKind;
}

export interface EvalCase {
  id: string;
  text: string;
  /** Annotated entities (ground truth). */
  entities: readonly LabelledSpan[];
  /** The detector's findings. */
  findings: readonly LabelledSpan[];
}

/** A count-based ratio; `value` is null when the denominator is 0 (undefined metric). */
export interface Ratio {
  count: number;
  total: number;
  value: number | null;
}

export interface ListedSpan extends LabelledSpan {
  messageId: string;
  /** `text.slice(start, end)`. Only for developer output on the fictional corpus. */
  surface: string;
  /** Clients of spans of the other side that overlap this one (wrong-client overlaps), if any. */
  otherClients: string[];
}

export interface EvalMetrics {
  messages: number;
  /** Messages with ≥1 annotated entity. */
  positives: number;
  /** Messages without annotated entities. */
  negatives: number;
  entities: number;
  findings: number;
  /** Annotated entities overlapped by ≥1 finding of the same client, over all annotated entities. */
  entityRecall: Ratio;
  /** Findings that overlap an annotated entity of the same client, over all findings. */
  findingPrecision: Ratio;
  /** Messages with ≥1 entity in which at least one entity is found, over messages with ≥1 entity. */
  messageRecall: Ratio;
  /** Messages without entities that got ≥1 finding, over messages without entities. */
  falseAlarmRate: Ratio;
  /** Entity recall per annotated kind. */
  perKindRecall: Record<FindingKind, Ratio>;
  /** Entities not overlapped by any finding of their client, in corpus order. */
  misses: ListedSpan[];
  /** Findings that overlap no entity of their client, in corpus order. */
  falseAlarms: ListedSpan[];
}

export const DEFINITIONS = {
  entityRecall: 'annotated entities overlapped by ≥1 finding of the same client / all annotated entities',
  findingPrecision: 'findings that overlap an annotated entity of the same client / all findings',
  messageRecall: 'messages with ≥1 annotated entity in which ≥1 of their entities is found / messages with ≥1 annotated entity',
  falseAlarmRate: 'messages without annotated entities that got ≥1 finding / messages without annotated entities',
} as const;

export type MetricName = keyof typeof DEFINITIONS;

export const METRIC_LABELS: Record<MetricName, string> = {
  entityRecall: 'entity recall',
  findingPrecision: 'finding precision',
  messageRecall: 'message recall',
  falseAlarmRate: 'false-alarm rate',
};

export interface Threshold {
  metric: MetricName;
  op: '>=' | '<=';
  value: number;
}

/** The quality bar of `eval --check`. The one place these numbers live. */
export const THRESHOLDS: readonly Threshold[] = [
  { metric: 'entityRecall', op: '>=', value: 0.98 },
  { metric: 'findingPrecision', op: '>=', value: 0.95 },
  { metric: 'falseAlarmRate', op: '<=', value: 0.03 },
];

export interface CheckResult extends Threshold {
  actual: number | null;
  /** 'n/a' when the metric is undefined on this corpus (e.g. no negatives): not counted as a failure. */
  status: 'PASS' | 'FAIL' | 'n/a';
}

export function overlaps(a: Span, b: Span): boolean {
  return Math.max(a.start, b.start) < Math.min(a.end, b.end);
}

export function ratio(count: number, total: number): Ratio {
  return { count, total, value: total === 0 ? null : count / total };
}

export function computeMetrics(cases: readonly EvalCase[]): EvalMetrics {
  let entities = 0;
  let foundEntities = 0;
  let findings = 0;
  let correctFindings = 0;
  let positives = 0;
  let positivesFound = 0;
  let negatives = 0;
  let negativesAlarmed = 0;
  const kindCount: Record<FindingKind, number> = { name: 0, identifier: 0, organization: 0, detail: 0 };
  const kindFound: Record<FindingKind, number> = { name: 0, identifier: 0, organization: 0, detail: 0 };
  const misses: ListedSpan[] = [];
  const falseAlarms: ListedSpan[] = [];

  const list = (c: EvalCase, s: LabelledSpan, others: readonly LabelledSpan[]): ListedSpan => ({
    messageId: c.id,
    start: s.start,
    end: s.end,
    clientId: s.clientId,
    kind: s.kind,
    surface: c.text.slice(s.start, s.end),
    otherClients: [...new Set(others.filter((o) => o.clientId !== s.clientId && overlaps(o, s)).map((o) => o.clientId))],
  });

  for (const c of cases) {
    let anyFound = false;
    for (const e of c.entities) {
      entities++;
      kindCount[e.kind]++;
      if (c.findings.some((f) => f.clientId === e.clientId && overlaps(f, e))) {
        foundEntities++;
        kindFound[e.kind]++;
        anyFound = true;
      } else misses.push(list(c, e, c.findings));
    }
    for (const f of c.findings) {
      findings++;
      if (c.entities.some((e) => e.clientId === f.clientId && overlaps(f, e))) correctFindings++;
      else falseAlarms.push(list(c, f, c.entities));
    }
    if (c.entities.length > 0) {
      positives++;
      if (anyFound) positivesFound++;
    } else {
      negatives++;
      if (c.findings.length > 0) negativesAlarmed++;
    }
  }

  return {
    messages: cases.length,
    positives,
    negatives,
    entities,
    findings,
    entityRecall: ratio(foundEntities, entities),
    findingPrecision: ratio(correctFindings, findings),
    messageRecall: ratio(positivesFound, positives),
    falseAlarmRate: ratio(negativesAlarmed, negatives),
    perKindRecall: {
      name: ratio(kindFound.name, kindCount.name),
      identifier: ratio(kindFound.identifier, kindCount.identifier),
      organization: ratio(kindFound.organization, kindCount.organization),
      detail: ratio(kindFound.detail, kindCount.detail),
    },
    misses,
    falseAlarms,
  };
}

export function checkThresholds(m: EvalMetrics, thresholds: readonly Threshold[] = THRESHOLDS): CheckResult[] {
  return thresholds.map((t) => {
    const actual = m[t.metric].value;
    const status = actual === null ? 'n/a' : (t.op === '>=' ? actual >= t.value : actual <= t.value) ? 'PASS' : 'FAIL';
    return { ...t, actual, status };
  });
}
