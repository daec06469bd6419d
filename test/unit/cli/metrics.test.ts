import { describe, expect, it } from 'vitest';
import { THRESHOLDS, checkThresholds, computeMetrics, overlaps, type EvalCase, type LabelledSpan } from '../../../src/cli/metrics';

const span = (start: number, end: number, clientId = 'c1', kind: LabelledSpan['kind'] = 'name'): LabelledSpan => ({ start, end, clientId, kind });

//              0123456789012345678901234567
const TEXT = 'Hoi Sterre, groet aan Joost.';
const STERRE = span(4, 10, 'c1');
const JOOST = span(22, 27, 'c2');

const msg = (id: string, entities: LabelledSpan[], findings: LabelledSpan[], text = TEXT): EvalCase => ({ id, text, entities, findings });

describe('overlap rule', () => {
  it('counts any shared character, and nothing for spans that only touch', () => {
    expect(overlaps(span(4, 10), span(4, 10))).toBe(true);
    expect(overlaps(span(4, 10), span(9, 12))).toBe(true); // last character shared
    expect(overlaps(span(4, 10), span(0, 5))).toBe(true); // first character shared
    expect(overlaps(span(0, 28), span(4, 10))).toBe(true); // containment
    expect(overlaps(span(4, 10), span(10, 12))).toBe(false); // touches at the end
    expect(overlaps(span(4, 10), span(0, 4))).toBe(false); // touches at the start
    expect(overlaps(span(4, 10), span(6, 6))).toBe(false); // empty span
  });

  it('a finding that covers part of an entity finds it and is correct', () => {
    const m = computeMetrics([msg('m1', [STERRE], [span(7, 15, 'c1')])]);
    expect(m.entityRecall).toEqual({ count: 1, total: 1, value: 1 });
    expect(m.findingPrecision).toEqual({ count: 1, total: 1, value: 1 });
  });

  it('a finding right next to an entity neither finds it nor is correct', () => {
    const m = computeMetrics([msg('m1', [STERRE], [span(10, 12, 'c1')])]);
    expect(m.entityRecall.value).toBe(0);
    expect(m.findingPrecision.value).toBe(0);
    expect(m.misses.map((s) => s.surface)).toEqual(['Sterre']);
    expect(m.falseAlarms.map((s) => s.surface)).toEqual([', ']);
  });
});

describe('same-client requirement', () => {
  it('a finding on the right span for the wrong client is a miss and a false alarm, naming the other client', () => {
    const m = computeMetrics([msg('m1', [STERRE], [span(4, 10, 'c2')])]);
    expect(m.entityRecall.value).toBe(0);
    expect(m.findingPrecision.value).toBe(0);
    expect(m.misses).toEqual([{ messageId: 'm1', start: 4, end: 10, clientId: 'c1', kind: 'name', surface: 'Sterre', otherClients: ['c2'] }]);
    expect(m.falseAlarms).toEqual([{ messageId: 'm1', start: 4, end: 10, clientId: 'c2', kind: 'name', surface: 'Sterre', otherClients: ['c1'] }]);
  });

  it('the kind of the finding does not have to match the entity kind', () => {
    const m = computeMetrics([msg('m1', [STERRE], [span(4, 10, 'c1', 'organization')])]);
    expect(m.entityRecall.value).toBe(1);
    expect(m.findingPrecision.value).toBe(1);
  });
});

describe('counting', () => {
  it('one finding over two entities of its client finds both; two findings on one entity are both correct', () => {
    const text = 'Sterre de Boer';
    const m = computeMetrics([
      msg('m1', [span(0, 6, 'c1'), span(7, 14, 'c1')], [span(0, 14, 'c1')], text),
      msg('m2', [span(0, 14, 'c1')], [span(0, 6, 'c1'), span(10, 14, 'c1')], text),
    ]);
    expect(m.entityRecall).toEqual({ count: 3, total: 3, value: 1 });
    expect(m.findingPrecision).toEqual({ count: 3, total: 3, value: 1 });
  });

  it('recall per kind counts entities by their annotated kind', () => {
    const text = 'Sterre, sterre.deboer@gmail.com, Gemeente Meppel, Hoogeveen';
    const m = computeMetrics([
      msg(
        'm1',
        [span(0, 6, 'c1', 'name'), span(8, 31, 'c1', 'identifier'), span(33, 48, 'c1', 'organization'), span(50, 59, 'c1', 'detail')],
        [span(0, 6, 'c1', 'name'), span(8, 31, 'c1', 'identifier')],
        text,
      ),
    ]);
    expect(m.perKindRecall.name).toEqual({ count: 1, total: 1, value: 1 });
    expect(m.perKindRecall.identifier).toEqual({ count: 1, total: 1, value: 1 });
    expect(m.perKindRecall.organization).toEqual({ count: 0, total: 1, value: 0 });
    expect(m.perKindRecall.detail).toEqual({ count: 0, total: 1, value: 0 });
    expect(m.misses.map((s) => [s.kind, s.surface])).toEqual([
      ['organization', 'Gemeente Meppel'],
      ['detail', 'Hoogeveen'],
    ]);
  });

  it('message recall: a message counts when at least one of its entities is found', () => {
    const m = computeMetrics([
      msg('half', [STERRE, JOOST], [span(4, 10, 'c1')]),
      msg('none', [STERRE], []),
      msg('all', [JOOST], [span(22, 27, 'c2')]),
    ]);
    expect(m.messageRecall).toEqual({ count: 2, total: 3, value: 2 / 3 });
    expect(m.entityRecall).toEqual({ count: 2, total: 4, value: 0.5 });
  });

  it('negatives: false-alarm rate is the share of entity-free messages with any finding', () => {
    const m = computeMetrics([
      msg('n1', [], [span(0, 3, 'c1'), span(4, 10, 'c1')]),
      msg('n2', [], []),
      msg('n3', [], []),
      msg('n4', [], []),
      msg('p1', [STERRE], [span(4, 10, 'c1')]),
    ]);
    expect(m.negatives).toBe(4);
    expect(m.positives).toBe(1);
    expect(m.falseAlarmRate).toEqual({ count: 1, total: 4, value: 0.25 });
    expect(m.findingPrecision).toEqual({ count: 1, total: 3, value: 1 / 3 });
    expect(m.falseAlarms.map((s) => s.messageId)).toEqual(['n1', 'n1']);
  });

  it('metrics without a denominator are undefined (null), not 0 or 1', () => {
    const m = computeMetrics([msg('n1', [], [])]);
    expect(m.entityRecall.value).toBeNull();
    expect(m.findingPrecision.value).toBeNull();
    expect(m.messageRecall.value).toBeNull();
    expect(m.falseAlarmRate).toEqual({ count: 0, total: 1, value: 0 });
  });
});

describe('thresholds', () => {
  // 50 positives with one entity each; `found` of them found. `alarms` of 100 negatives get a finding.
  const corpus = (found: number, alarms: number): EvalCase[] => [
    ...Array.from({ length: 50 }, (_, i) => msg(`p${i}`, [STERRE], i < found ? [span(4, 10, 'c1')] : [])),
    ...Array.from({ length: 100 }, (_, i) => msg(`n${i}`, [], i < alarms ? [span(22, 27, 'c2')] : [])),
  ];
  const status = (found: number, alarms: number) =>
    Object.fromEntries(checkThresholds(computeMetrics(corpus(found, alarms))).map((c) => [c.metric, c.status]));

  it('are the agreed bar: recall ≥ 0.98, precision ≥ 0.95, false alarms ≤ 0.03', () => {
    expect(THRESHOLDS.map((t) => [t.metric, t.op, t.value])).toEqual([
      ['entityRecall', '>=', 0.98],
      ['findingPrecision', '>=', 0.95],
      ['falseAlarmRate', '<=', 0.03],
    ]);
  });

  it('pass exactly at the bar and fail just beyond it', () => {
    // recall 49/50 = 0.98, precision 49/51 = 0.96, false alarms 2/100
    expect(status(49, 2)).toEqual({ entityRecall: 'PASS', findingPrecision: 'PASS', falseAlarmRate: 'PASS' });
    // recall 48/50 = 0.96
    expect(status(48, 0)).toMatchObject({ entityRecall: 'FAIL', findingPrecision: 'PASS' });
    // precision 38/40 = 0.95 exactly, then 37/39 = 0.949
    expect(status(38, 2).findingPrecision).toBe('PASS');
    expect(status(37, 2).findingPrecision).toBe('FAIL');
    // false alarms 3/100 = 0.03 exactly, then 4/100
    expect(status(50, 3).falseAlarmRate).toBe('PASS');
    expect(status(50, 4).falseAlarmRate).toBe('FAIL');
  });

  it('an undefined metric is reported n/a and does not fail', () => {
    const checks = checkThresholds(computeMetrics([msg('p', [STERRE], [span(4, 10, 'c1')])]));
    expect(checks.find((c) => c.metric === 'falseAlarmRate')?.status).toBe('n/a');
    expect(checks.every((c) => c.status !== 'FAIL')).toBe(true);
  });
});
