/**
 * The naive baseline: one case-insensitive regular expression per client, an alternation of that
 * client's escaped full name, first name, last surname word, aliases, identifiers and organisation,
 * between word boundaries, run over the whole text client after client.
 */
import type { Registry } from '../../src/registry';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function buildNaive(registry: Registry): RegExp[] {
  return registry.clients.map((c) => {
    const parts = c.name.split(/\s+/);
    const terms = new Set([c.name, parts[0]!, parts[parts.length - 1]!, ...c.aliases, ...c.identifiers, ...(c.organization ? [c.organization] : [])]);
    const alternation = [...terms].sort((a, b) => b.length - a.length).map(escape).join('|');
    return new RegExp(`\\b(?:${alternation})\\b`, 'gi');
  });
}

/** Number of matches of all client expressions in `text`. */
export function runNaive(patterns: readonly RegExp[], text: string): number {
  let n = 0;
  for (const re of patterns) {
    re.lastIndex = 0;
    while (re.exec(text) !== null) n++;
  }
  return n;
}
