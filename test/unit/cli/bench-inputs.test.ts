/** The benchmark's inputs must be valid, realistic and identical on every run, or its numbers mean nothing. */
import { describe, expect, it } from 'vitest';
import { median } from '../../../bench/support/measure';
import { buildNaive, runNaive } from '../../../bench/support/naive';
import { makeRegistry, makeText } from '../../../bench/support/synthetic';
import { RegistrySchema } from '../../../src/registry';

describe('synthetic registry', () => {
  const registry = makeRegistry(2_000);

  it('is valid according to the registry schema, with unique ids, e-mail addresses and phone numbers', () => {
    expect(() => RegistrySchema.parse(registry)).not.toThrow();
    expect(registry.clients).toHaveLength(2_000);
    const unique = (xs: string[]) => new Set(xs).size === xs.length;
    expect(unique(registry.clients.map((c) => c.id))).toBe(true);
    expect(unique(registry.clients.map((c) => c.identifiers[0]!))).toBe(true);
    expect(unique(registry.clients.map((c) => c.identifiers[1]!))).toBe(true);
  });

  it('is the same for the same seed and differs for another seed', () => {
    expect(makeRegistry(2_000)).toEqual(registry);
    expect(makeRegistry(2_000, 7)).not.toEqual(registry);
  });

  it('looks like a Dutch coach’s client list: tussenvoegsels, diacritics, aliases, organisations, details', () => {
    const share = (pred: (c: (typeof registry.clients)[number]) => boolean) => registry.clients.filter(pred).length / registry.clients.length;
    expect(share((c) => / (van|de|der|den|ter|ten|in 't|van 't) /.test(c.name))).toBeGreaterThan(0.2);
    expect(share((c) => /[^\x00-\x7f]/.test(c.name))).toBeGreaterThan(0.03);
    expect(share((c) => c.aliases.length > 0)).toBeGreaterThan(0.03);
    expect(share((c) => c.organization !== undefined)).toBeGreaterThan(0.7);
    expect(share((c) => c.details.length > 0)).toBe(1);
    expect(share((c) => c.identifiers.some((i) => /^0\d{1,3}-\d{6,8}$/.test(i)))).toBe(1);
  });
});

describe('synthetic text', () => {
  const registry = makeRegistry(200);

  it('has the requested size (never more, at most one sentence less) and is reproducible', () => {
    for (const length of [5_000, 100_000]) {
      const t = makeText(registry, length, 1);
      expect(t.text.length).toBeLessThanOrEqual(length);
      expect(t.text.length).toBeGreaterThan(length - 200);
      expect(makeText(registry, length, 1)).toEqual(t);
    }
    expect(makeText(registry, 5_000, 2).text).not.toBe(makeText(registry, 5_000, 1).text);
  });

  it('is mostly ordinary prose with some registered mentions, each one found by the naive baseline', () => {
    const t = makeText(registry, 20_000, 3);
    expect(t.mentions).toBeGreaterThan(10);
    expect(t.mentions).toBeLessThan(80);
    expect(t.text).toMatch(/\n\n/);
    expect(runNaive(buildNaive(registry), t.text)).toBeGreaterThanOrEqual(t.mentions);
  });

  it('without clients it contains no mentions', () => {
    const t = makeText({ version: 1, clients: [] }, 5_000, 3);
    expect(t.mentions).toBe(0);
    expect(t.text.length).toBeGreaterThan(4_800);
  });
});

describe('naive baseline', () => {
  it('matches a client’s names, aliases, identifiers and organisation case-insensitively, whole words only', () => {
    const patterns = buildNaive({
      version: 1,
      clients: [{ id: 'c1', name: "Niels van 't Zand", aliases: ['Nils'], identifiers: ['06-65870921'], organization: 'Provincie Zeeland', details: ['ecoloog'] }],
    });
    expect(runNaive(patterns, "NIELS van 't zand, nils, 06-65870921 en provincie zeeland")).toBe(4);
    expect(runNaive(patterns, 'zandbak Nielsen ecoloog')).toBe(0);
  });
});

it('median of odd and even samples', () => {
  expect(median([3, 1, 2])).toBe(2);
  expect(median([4, 1, 3, 2])).toBe(2.5);
});
