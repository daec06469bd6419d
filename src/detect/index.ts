/**
 * Detection engine entry point. Stable API: `createDetector(registry).scan(text)`.
 * (First cut: whole-word, case-insensitive matching of names, aliases, identifiers, organisations.
 * Being replaced by the full engine.)
 */
import type { Registry } from '../registry';
import type { Detector, DetectorOptions, Finding, ScanResult } from './types';

export type { Detector, DetectorOptions, Finding, ScanResult } from './types';

export function createDetector(registry: Registry, _options: DetectorOptions = {}): Detector {
  const entries: Array<{ needle: string; clientId: string; kind: Finding['kind'] }> = [];
  for (const c of registry.clients) {
    for (const n of [c.name, ...c.aliases, ...c.name.split(/\s+/).filter((t) => t.length > 2)]) entries.push({ needle: n.toLowerCase(), clientId: c.id, kind: 'name' });
    for (const n of c.identifiers) entries.push({ needle: n.toLowerCase(), clientId: c.id, kind: 'identifier' });
    if (c.organization) entries.push({ needle: c.organization.toLowerCase(), clientId: c.id, kind: 'organization' });
  }
  return {
    scan(text: string): ScanResult {
      const lower = text.toLowerCase();
      const findings: Finding[] = [];
      for (const e of entries) {
        let i = lower.indexOf(e.needle);
        while (i >= 0) {
          const before = lower[i - 1];
          const after = lower[i + e.needle.length];
          if (!(before && /[\p{L}\p{N}]/u.test(before)) && !(after && /[\p{L}\p{N}]/u.test(after)))
            findings.push({ start: i, end: i + e.needle.length, clientId: e.clientId, kind: e.kind, severity: 'high', evidence: e.kind });
          i = lower.indexOf(e.needle, i + 1);
        }
      }
      findings.sort((a, b) => a.start - b.start || b.end - a.end);
      return { findings: findings.filter((f, i, all) => i === 0 || f.start >= all[i - 1]!.end), other: [] };
    },
  };
}
