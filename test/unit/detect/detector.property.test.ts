import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createDetector } from '../../../src/detect';
import { RegistrySchema } from '../../../src/registry';

// The corpus registry when present (it sits beside the repo), else a small built-in one.
function loadRegistry() {
  try {
    return RegistrySchema.parse(JSON.parse(readFileSync('../shared/corpus/registry.json', 'utf8')));
  } catch {
    return RegistrySchema.parse({
      version: 1,
      clients: [
        { id: 'a', name: 'Sterre de Boer' },
        { id: 'b', name: 'Mehmet Öztürk' },
        { id: 'c', name: "Niels van 't Zand" },
        { id: 'd', name: 'Agnieszka Wiśniewska' },
      ],
    });
  }
}
const registry = loadRegistry();
const detector = createDetector(registry);

const NEUTRAL = ['het', 'overleg', 'ging', 'goed', 'morgen', 'verder', 'we', 'spreken', 'over', 'planning', 'the', 'meeting', 'went', 'well', 'tomorrow', 'agenda', 'en', 'daarna', 'koffie'];
const neutralWords = fc.array(fc.constantFrom(...NEUTRAL), { minLength: 1, maxLength: 12 }).map((w) => w.join(' '));

const stripDiacritics = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '');
const casing = fc.constantFrom<(s: string) => string>(
  (s) => s,
  (s) => s.toLowerCase(),
  (s) => s.toUpperCase(),
);
const folding = fc.constantFrom<(s: string) => string>((s) => s, stripDiacritics);
const possessive = fc.constantFrom('', "'s");

describe('detector properties', () => {
  it('finds any registered full name, in any casing, folding or possessive form, with exact offsets', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...registry.clients),
        neutralWords,
        neutralWords,
        casing,
        folding,
        possessive,
        (client, before, after, cased, folded, poss) => {
          const form = cased(folded(client.name)) + poss;
          const text = `${before} ${form} ${after}.`;
          const at = before.length + 1;
          const hit = detector.scan(text).findings.find((f) => f.clientId === client.id && f.start === at);
          expect(hit, `${form} in "${text}"`).toBeDefined();
          expect(hit!.end).toBe(at + form.length);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('never throws on arbitrary Unicode and keeps every offset inside the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        const { findings, other } = detector.scan(text);
        for (const f of [...findings, ...other]) {
          expect(f.start).toBeGreaterThanOrEqual(0);
          expect(f.end).toBeLessThanOrEqual(text.length);
          expect(f.start).toBeLessThan(f.end);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('gives the same findings for a mention when text far away is edited', () => {
    const client = registry.clients[0]!;
    fc.assert(
      fc.property(neutralWords, fc.string({ maxLength: 40 }), (filler, edit) => {
        const base = `${client.name} belde over de planning. ${filler}.`;
        const edited = `${base}\n\n${edit.replace(/[\p{L}\p{N}]/gu, ' ')}`;
        const a = detector.scan(base).findings.filter((f) => f.end <= base.length);
        const b = detector.scan(edited).findings.filter((f) => f.end <= base.length);
        expect(b).toEqual(a);
      }),
      { numRuns: 200 },
    );
  });
});
