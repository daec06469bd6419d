/**
 * What a browser profile holds on disk after a session: every file (extension storage LevelDB,
 * IndexedDB, caches, preferences, logs), searched for values that must never be readable at rest.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    let st;
    try {
      st = statSync(p);
    } catch {
      continue;
    }
    if (st.isDirectory()) out.push(...filesUnder(p));
    else if (st.isFile()) out.push(p);
  }
  return out;
}

/** Files under `dir` that contain any needle in UTF-8 or UTF-16LE; reported by index, never by value. */
export function findReadable(dir: string, needles: string[]): string[] {
  const leaks: string[] = [];
  for (const file of filesUnder(dir)) {
    const bytes = readFileSync(file);
    needles.forEach((needle, i) => {
      for (const encoding of ['utf8', 'utf16le'] as const) {
        if (bytes.includes(Buffer.from(needle, encoding))) leaks.push(`${path.relative(dir, file)}: value #${i} (${encoding})`);
      }
    });
  }
  return leaks;
}

/** The registry's names, aliases, e-mail addresses and phone numbers: what must not be on disk in the clear. */
export function sensitiveValues(registry: { clients: { name: string; aliases?: string[]; identifiers?: string[] }[] }): string[] {
  const out = new Set<string>();
  for (const c of registry.clients) {
    out.add(c.name);
    for (const a of c.aliases ?? []) if (a.length >= 4) out.add(a);
    for (const id of c.identifiers ?? []) if (id.includes('@') || /\d{6,}/.test(id.replace(/\D/g, ''))) out.add(id);
  }
  return [...out];
}
