import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError, lineColumn, locateJsonPath } from '../../../src/cli/json-locate';

function isValidJson(s: string): boolean {
  try {
    JSON.parse(s);
    return true;
  } catch {
    return false;
  }
}

describe('findJsonSyntaxError', () => {
  it('agrees with JSON.parse on which texts are valid', () => {
    fc.assert(fc.property(fc.json(), (s) => findJsonSyntaxError(s) === null), { numRuns: 300 });
    const almostJson = fc.oneof(
      fc.string({ unit: fc.constantFrom(...'{}[]":,0123456789-+.eEtruefalsn \n\\u'.split('')), maxLength: 20 }),
      fc.json().chain((s) => fc.nat({ max: s.length }).map((i) => s.slice(0, i) + s.slice(i + 1))),
    );
    fc.assert(fc.property(almostJson, (s) => (findJsonSyntaxError(s) === null) === isValidJson(s)), { numRuns: 2000 });
  });

  it('points at the offending character and never quotes the text', () => {
    const src = '{"version": 1,\n "clients": [{"id": "c1", "name": Sterre de Boer}]}';
    const e = findJsonSyntaxError(src)!;
    expect(lineColumn(src, e.offset)).toEqual({ line: 2, column: 35 });
    expect(src.slice(e.offset, e.offset + 6)).toBe('Sterre');
    expect(e.reason).not.toMatch(/Sterre|Boer/);
  });

  it('reports an unterminated string at its opening quote', () => {
    const src = '{"name": "Sterre de Boer';
    const e = findJsonSyntaxError(src)!;
    expect(e.offset).toBe(9);
    expect(e.reason).toMatch(/unterminated string/);
  });
});

describe('locateJsonPath', () => {
  const src = '{"version": 1,\n "clients": [\n  {"id": "c1", "name": "A"},\n  {"id": "c2",\n   "name": 5}\n]}';
  const line = (path: Array<string | number>) => lineColumn(src, locateJsonPath(src, path)).line;

  it('finds the line of a field by its path', () => {
    expect(line(['version'])).toBe(1);
    expect(line(['clients'])).toBe(2);
    expect(line(['clients', 0, 'name'])).toBe(3);
    expect(line(['clients', 1, 'name'])).toBe(5);
  });

  it('falls back to the nearest existing ancestor of a missing field', () => {
    expect(line(['clients', 1, 'aliases', 0])).toBe(4);
    expect(line(['clients', 7, 'id'])).toBe(2);
  });
});
