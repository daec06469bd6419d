import { describe, expect, it } from 'vitest';
import { REGISTRY, jsonl, runCli, tempFiles } from './run-cli';

const files = tempFiles({
  'registry.json': JSON.stringify(REGISTRY, null, 2),
  'not-json.json': '{"version": 1,\n "clients": [{"id": "c1", "name": Sterre de Boer}]}',
  'bad-schema.json': JSON.stringify(
    { version: 1, clients: [REGISTRY.clients[0], { id: 'c02', name: 42, identifiers: ['joost.terhaar@example.nl'] }] },
    null,
    2,
  ),
  'latin1.json': Buffer.from('{"version":1,"clients":[{"id":"c1","name":"Ren\xe9e"}]}', 'latin1'),
});

/** Text that must never show up in an error message. */
const SECRET = /Sterre|Boer|Joost|Haar|terhaar|Renée|Meppel/i;

function expectCleanFailure(r: { code: number | null; stdout: string; stderr: string }) {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).not.toMatch(SECRET);
}

describe('scan CLI: good runs', () => {
  it('writes one JSON line per message, in order, with id, findings and other; blank lines, BOM and CRLF are fine', () => {
    // An emoji (two UTF-16 code units) before the name: offsets must stay JavaScript string offsets.
    const text = '👋 Gesprek met Sterre de Boer over haar loopbaan.';
    const input = '\uFEFF' + jsonl([{ id: 'm1', text, lang: 'nl' }, { id: 'm2', text: 'Het regent vandaag.' }]).replace('\n', '\r\n\n   \r\n');
    const r = runCli('scan', ['--registry', files['registry.json']!], input);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    const out = lines.map((l) => JSON.parse(l));
    expect(out.map((o) => o.id)).toEqual(['m1', 'm2']);
    expect(Object.keys(out[0]).sort()).toEqual(['findings', 'id', 'other']);
    // The full registered name is found, with offsets into the text.
    const hit = out[0].findings.find((f: { clientId: string }) => f.clientId === 'c01');
    expect(hit).toBeDefined();
    expect(text.slice(hit.start, hit.end)).toMatch(/Sterre|Boer/);
    // Output carries offsets, not text.
    expect(r.stdout).not.toContain('Sterre');
  });

  it('empty input gives empty output and exit 0', () => {
    const r = runCli('scan', ['--registry', files['registry.json']!], '');
    expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('--help prints usage and exits 0', () => {
    const r = runCli('scan', ['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/--registry FILE/);
  });
});

describe('scan CLI: bad registry', () => {
  const input = jsonl([{ id: 'm1', text: 'Sterre de Boer' }]);

  it('an unreadable file is named with the reason', () => {
    const r = runCli('scan', ['--registry', '/nonexistent/registry.json'], input);
    expectCleanFailure(r);
    expect(r.stderr).toMatch(/registry file \/nonexistent\/registry\.json: cannot read it \(no such file\)/);
  });

  it('invalid JSON is reported by line and column, without quoting the file', () => {
    const r = runCli('scan', ['--registry', files['not-json.json']!], input);
    expectCleanFailure(r);
    expect(r.stderr).toMatch(/line 2 column 35: not valid JSON/);
  });

  it('a schema error names the field path and its line', () => {
    const r = runCli('scan', ['--registry', files['bad-schema.json']!], input);
    expectCleanFailure(r);
    const line = JSON.stringify({ version: 1, clients: [REGISTRY.clients[0], { id: 'c02', name: 42 }] }, null, 2)
      .split('\n')
      .findIndex((l) => l.includes('"name": 42')) + 1;
    expect(r.stderr).toContain(`line ${line}: field "clients.1.name": Invalid input: expected string`);
  });

  it('a file that is not UTF-8 is refused', () => {
    const r = runCli('scan', ['--registry', files['latin1.json']!], input);
    expectCleanFailure(r);
    expect(r.stderr).toMatch(/not valid UTF-8/);
  });

  it('a missing --registry is a usage error', () => {
    const r = runCli('scan', [], input);
    expectCleanFailure(r);
    expect(r.stderr).toMatch(/missing --registry/);
  });
});

describe('scan CLI: bad input lines', () => {
  it('reports every bad line with its line number and field, writes nothing, even when good lines come first', () => {
    const input = [
      JSON.stringify({ id: 'm1', text: 'Sterre de Boer belde.' }),
      '',
      JSON.stringify({ text: 'Joost ter Haar' }),
      JSON.stringify({ id: 'm3', text: 7 }),
      '{"id": "m4", "text": "Sterre de Boer"',
      JSON.stringify({ id: '  ', text: 'Joost' }),
      JSON.stringify(['Sterre']),
      JSON.stringify({ id: 'm7', text: 'Joost ter Haar is er weer.' }),
    ].join('\n');
    const r = runCli('scan', ['--registry', files['registry.json']!], input);
    expectCleanFailure(r);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toEqual([
      'scan: input line 3: field "id" is missing (expected string)',
      'scan: input line 4: field "text": Invalid input: expected string, received number',
      expect.stringMatching(/^scan: input line 5: not valid JSON \(column 38: /),
      'scan: input line 6: field "id": must not be empty',
      'scan: input line 7: the line: Invalid input: expected object, received array',
    ]);
  });

  it('lists at most ten problems and says how many more there are', () => {
    const input = Array.from({ length: 14 }, (_, i) => JSON.stringify({ id: `m${i}`, text: null })).join('\n');
    const r = runCli('scan', ['--registry', files['registry.json']!], input);
    expectCleanFailure(r);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(11);
    expect(lines[10]).toMatch(/and 4 more problems/);
  });
});
