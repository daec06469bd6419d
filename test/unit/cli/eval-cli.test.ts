import { describe, expect, it } from 'vitest';
import { REGISTRY, jsonl, runCli, tempFiles } from './run-cli';

// The full registered name and e-mail address: any working detector finds these, and nothing in
// the negatives. The "weak" corpus annotates a word no detector could tie to the client, so it
// must fail the recall threshold.
const GOOD = [
  { id: 'p1', text: 'Vandaag sprak ik Sterre de Boer.', entities: [{ start: 17, end: 31, clientId: 'c01', kind: 'name' }] },
  { id: 'p2', text: 'Mail: sterre.deboer@gmail.com', entities: [{ start: 6, end: 29, clientId: 'c01', kind: 'identifier' }] },
  { id: 'n1', text: 'Het regent vandaag in Zutphen.', entities: [] },
  { id: 'n2', text: 'Morgen een workshop over netwerken.', entities: [] },
];
const WEAK = [...GOOD, { id: 'p3', text: 'Het weer was grijs.', entities: [{ start: 4, end: 8, clientId: 'c02', kind: 'detail' }] }];

const files = tempFiles({
  'registry.json': JSON.stringify(REGISTRY),
  'good.jsonl': jsonl(GOOD),
  'weak.jsonl': jsonl(WEAK),
  'bad.jsonl': jsonl([
    GOOD[0],
    { id: 'x1', text: 'Sterre de Boer', entities: [{ start: 0, end: 99, clientId: 'c01', kind: 'name' }] },
    { id: 'x2', text: 'Sterre de Boer', entities: [{ start: 0, end: 6, clientId: 'c77', kind: 'name' }] },
    { id: 'x3', text: 'Sterre de Boer', entities: [{ start: 0, end: 6, clientId: 'c01', kind: 'nickname' }] },
    { id: 'x4', text: 'Sterre de Boer' },
    { id: 'p1', text: 'Sterre', entities: [] },
  ]),
});

const args = (corpus: string) => ['--registry', files['registry.json']!, '--corpus', files[corpus]!];

describe('eval CLI', () => {
  it('prints the metrics with their definitions, per-kind recall, and PASS/FAIL per threshold', () => {
    const r = runCli('eval', args('weak.jsonl'));
    expect(r.code).toBe(0); // without --check a failing threshold does not change the exit code
    expect(r.stdout).toMatch(/entity recall\s+66\.7%\s+2\/3/);
    expect(r.stdout).toMatch(/message recall\s+66\.7%\s+2\/3\s+messages with ≥1 annotated entity in which ≥1 of their entities is found/);
    expect(r.stdout).toMatch(/false-alarm rate .*messages without annotated entities that got ≥1 finding/);
    expect(r.stdout).toMatch(/detail\s+0\.0%\s+0\/1/);
    expect(r.stdout).toMatch(/FAIL entity recall\s+66\.7% ≥ 98\.0%/);
    expect(r.stdout).toMatch(/p3\s+4-8\s+detail\s+c02\s+"weer"/);
  });

  it('--check exits 1 when a threshold fails and 0 when all pass', () => {
    expect(runCli('eval', [...args('weak.jsonl'), '--check']).code).toBe(1);
    const good = runCli('eval', [...args('good.jsonl'), '--check']);
    expect(good.stdout).toMatch(/PASS entity recall\s+100\.0% ≥ 98\.0%/);
    expect(good.stdout).not.toMatch(/^\s*FAIL /m);
    expect(good.code).toBe(0);
  });

  it('--json prints one machine-readable report', () => {
    const r = runCli('eval', [...args('weak.jsonl'), '--json', '--check']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.metrics.entityRecall).toEqual({ count: 2, total: 3, value: 2 / 3 });
    expect(report.metrics.misses).toEqual([
      { messageId: 'p3', start: 4, end: 8, clientId: 'c02', kind: 'detail', surface: 'weer', otherClients: [] },
    ]);
    expect(report.pass).toBe(false);
    expect(report.checks.find((c: { metric: string }) => c.metric === 'entityRecall').status).toBe('FAIL');
  });

  it('a bad corpus is reported by line and field, without text, exit 2 and no stdout', () => {
    const r = runCli('eval', args('bad.jsonl'));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).not.toMatch(/Sterre|Boer/);
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      expect.stringMatching(/^eval: corpus line 4: field "entities\.0\.kind": /),
      'eval: corpus line 5: field "entities" is missing (expected array)',
    ]);
  });

  it('offsets, client ids and duplicate ids are checked against the text and the registry', () => {
    const fixed = tempFiles({
      'c.jsonl': jsonl([
        GOOD[0],
        { id: 'x1', text: 'Sterre de Boer', entities: [{ start: 0, end: 99, clientId: 'c01', kind: 'name' }] },
        { id: 'x2', text: 'Sterre de Boer', entities: [{ start: 5, end: 5, clientId: 'c77', kind: 'name' }] },
        { id: 'p1', text: 'Sterre', entities: [] },
      ]),
    });
    const r = runCli('eval', ['--registry', files['registry.json']!, '--corpus', fixed['c.jsonl']!]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      'eval: corpus line 2: field "entities.0.end": beyond the end of the text (length 14)',
      'eval: corpus line 3: field "entities.0.end": must be greater than start',
      'eval: corpus line 3: field "entities.0.clientId": not a client in the registry',
      'eval: corpus line 4: field "id": duplicate of line 1',
    ]);
  });

  it('missing options are usage errors', () => {
    const r = runCli('eval', ['--registry', files['registry.json']!]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/missing --corpus FILE/);
  });
});
