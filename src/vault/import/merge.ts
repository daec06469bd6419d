/**
 * Merging instead of doubling: a row is merged into an earlier row of the same file or into an
 * existing client when they share an e-mail address or phone number, or (when no e-mail/phone
 * matches) have the same normalised name. Merging unions aliases, identifiers and details; a
 * different name becomes an alias and a different organisation becomes a detail, so nothing the
 * coach typed is dropped. When a name alone matches several clients we do not guess: the row is
 * added separately and flagged.
 */
import { ClientSchema, type Client } from '../../registry';
import { emailKey, identifierKey, nameKey, phoneKey, textKey } from './normalize';
import type { Candidate, ImportPreview, ParsedRow, Problem, RowResult } from './problems';

export const MAX_CLIENTS = 100_000;

interface Target {
  client: Client;
  existing: boolean;
  /** For a client created by this import: the row that created it. */
  row?: number;
  changed: boolean;
}

function strongKeys(identifiers: readonly string[]): string[] {
  const keys: string[] = [];
  for (const v of identifiers) {
    const e = emailKey(v);
    if (e) keys.push(`e:${e}`);
    const p = phoneKey(v);
    if (p) keys.push(`p:${p}`);
  }
  return keys;
}

function union(into: string[], values: readonly string[], key: (v: string) => string, exclude: Set<string>): string[] {
  const seen = new Set([...exclude, ...into.map(key)]);
  const out = [...into];
  for (const v of values) {
    const k = key(v);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(v);
  }
  return out;
}

export function mergeInto(target: Client, c: Candidate): Client {
  const name = new Set([nameKey(target.name)]);
  const aliases = union(target.aliases, [c.name, ...c.aliases], textKey, name);
  const identifiers = union(target.identifiers, c.identifiers, identifierKey, new Set());
  let organization = target.organization;
  const extraDetails = [...c.details];
  if (c.organization) {
    if (!organization) organization = c.organization;
    else if (textKey(organization) !== textKey(c.organization)) extraDetails.push(c.organization);
  }
  const details = union(target.details, extraDetails, textKey, organization ? new Set([textKey(organization)]) : new Set());
  return { id: target.id, name: target.name, aliases, identifiers, ...(organization ? { organization } : {}), details };
}

function sameClient(a: Client, b: Client): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function defaultNewId(): string {
  const c = (globalThis as { crypto?: Crypto }).crypto;
  if (c?.randomUUID) return c.randomUUID();
  if (c?.getRandomValues) {
    const b = c.getRandomValues(new Uint8Array(16));
    return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  }
  // Every supported browser and Node ≥ 20 has Web Crypto; refuse rather than make guessable ids.
  throw new Error('Web Crypto is not available');
}

export function buildPreview(
  parsed: readonly ParsedRow[],
  existing: readonly Client[],
  newId: () => string,
): Pick<ImportPreview, 'clients' | 'rows' | 'summary'> & { full: boolean } {
  const targets: Target[] = existing.map((client) => ({ client, existing: true, changed: false }));
  const usedIds = new Set(existing.map((c) => c.id));
  const byStrong = new Map<string, number>();
  const byName = new Map<string, number[]>();
  const indexTarget = (t: number) => {
    const client = targets[t]!.client;
    for (const k of strongKeys(client.identifiers)) if (!byStrong.has(k)) byStrong.set(k, t);
    const n = nameKey(client.name);
    const list = byName.get(n) ?? [];
    if (!list.includes(t)) list.push(t);
    byName.set(n, list);
  };
  targets.forEach((_, t) => indexTarget(t));

  const rows: RowResult[] = [];
  let added = 0;
  for (const p of parsed) {
    if (!p.candidate) {
      rows.push({ row: p.row, status: 'skipped', problems: p.problems });
      continue;
    }
    const c = p.candidate;
    const problems: Problem[] = [...p.problems];
    const strong = [...new Set(strongKeys(c.identifiers).flatMap((k) => (byStrong.has(k) ? [byStrong.get(k)!] : [])))];
    const named = byName.get(nameKey(c.name)) ?? [];
    let t: number | undefined;
    if (strong.length > 0) {
      t = strong[0];
      if (strong.length > 1) problems.push({ code: 'matches_several', row: p.row });
    } else if (named.length === 1) {
      t = named[0];
    } else if (named.length > 1) {
      problems.push({ code: 'possible_duplicate', row: p.row });
    }

    if (t !== undefined) {
      const target = targets[t]!;
      const merged = mergeInto(target.client, c);
      if (!ClientSchema.safeParse(merged).success) {
        problems.push({ code: 'merge_too_large', row: p.row });
        rows.push({ row: p.row, status: 'skipped', problems });
        continue;
      }
      const changed = !sameClient(merged, target.client);
      const mergedWith = target.existing ? { clientId: target.client.id } : { row: target.row! };
      problems.push(
        target.existing
          ? { code: 'merged_with_existing', row: p.row, params: { clientId: target.client.id } }
          : { code: 'merged_with_row', row: p.row, params: { otherRow: target.row! } },
      );
      target.client = merged;
      target.changed ||= changed;
      indexTarget(t);
      rows.push({ row: p.row, status: 'merged', problems, clientId: merged.id, mergedWith, changed });
      continue;
    }

    if (existing.length + added >= MAX_CLIENTS) {
      return { clients: [], rows: [], summary: { added: 0, updated: 0, merged: 0, skipped: 0 }, full: true };
    }
    let id = newId();
    while (usedIds.has(id)) id = newId();
    usedIds.add(id);
    const client: Client = { id, ...c, aliases: [...c.aliases], identifiers: [...c.identifiers], details: [...c.details] };
    targets.push({ client, existing: false, row: p.row, changed: true });
    indexTarget(targets.length - 1);
    added++;
    rows.push({ row: p.row, status: 'ok', problems, clientId: id });
  }

  const clients = targets.filter((t) => t.changed).map((t) => t.client);
  return {
    clients,
    rows,
    summary: {
      added,
      updated: targets.filter((t) => t.existing && t.changed).length,
      merged: rows.filter((r) => r.status === 'merged').length,
      skipped: rows.filter((r) => r.status === 'skipped').length,
    },
    full: false,
  };
}
