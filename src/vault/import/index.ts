/**
 * Import of the client list: registry JSON, Google/Outlook contacts CSV and the Discreet template.
 *
 *   const preview = importClients(new Uint8Array(await file.arrayBuffer()), file.name, { existing: registry.clients });
 *   // show preview.rows / preview.errors / preview.warnings (describeProblem in ./messages), then on "Import":
 *   const next = applyImport(registry, preview);   // or tryApplyImport → { ok, registry | problem }
 *
 * Pure: no I/O, no globals beyond Web Crypto for ids, nothing is saved here. importClients never
 * throws for any input; every outcome is a preview with problem codes (see ./problems.ts).
 * Registry JSON is not checked for formulas (it never goes to a spreadsheet as is; the CSV export
 * neutralises every cell).
 */
import { RegistrySchema, type Client, type Registry } from '../../registry';
import { parseCsv } from './csv';
import { decodeBytes } from './decode';
import { parseRegistryJson } from './json';
import { buildPreview, defaultNewId, MAX_CLIENTS } from './merge';
import type { ImportFormat, ImportPreview, ParsedRow, Problem, TextEncoding } from './problems';

export type { Candidate, ImportFormat, ImportPreview, Problem, ProblemCode, RowResult, RowStatus } from './problems';
export { PROBLEM_CODES } from './problems';

export interface ImportOptions {
  /** The coach's current clients: rows matching one of them are merged into it. */
  existing?: readonly Client[];
  /** Id generator (tests); defaults to random UUIDs from Web Crypto. */
  newId?: () => string;
}

function failed(format: ImportFormat, errors: Problem[], warnings: Problem[] = [], encoding?: TextEncoding): ImportPreview {
  return {
    format,
    ...(encoding ? { encoding } : {}),
    clients: [],
    rows: [],
    errors,
    warnings,
    summary: { added: 0, updated: 0, merged: 0, skipped: 0 },
  };
}

function looksLikeJson(text: string, fileName: string): boolean {
  const start = text.replace(/^\uFEFF/, '').trimStart()[0];
  if (start === '{' || start === '[') return true;
  return /\.json$/i.test(fileName.trim()) && !/^[^\n]*[,;\t]/.test(text);
}

export function importClients(bytes: Uint8Array, fileName: string, options: ImportOptions = {}): ImportPreview {
  try {
    return importUnchecked(bytes, fileName, options);
  } catch {
    // A bug of ours, not the coach's file. Say so without echoing anything from the file.
    return failed('unknown', [{ code: 'internal_error' }]);
  }
}

function importUnchecked(bytes: Uint8Array, fileName: string, options: ImportOptions): ImportPreview {
  if (bytes.length === 0) return failed('unknown', [{ code: 'file_empty' }]);
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) return failed('unknown', [decoded.problem]);
  const { text, encoding } = decoded;
  const warnings: Problem[] = encoding === 'windows-1252' ? [{ code: 'encoding_windows1252' }] : [];
  if (text.replace(/^\uFEFF/, '').trim() === '') return failed('unknown', [{ code: 'file_empty' }], warnings, encoding);
  if (/^\s*BEGIN:VCARD/i.test(text.replace(/^\uFEFF/, ''))) return failed('unknown', [{ code: 'file_is_vcard' }], warnings, encoding);

  let format: ImportFormat;
  let rows: ParsedRow[];
  if (looksLikeJson(text, fileName)) {
    format = 'registry-json';
    const json = parseRegistryJson(text);
    if (json.errors.length) return failed(format, json.errors, warnings, encoding);
    rows = json.rows;
  } else {
    const csv = parseCsv(text);
    format = csv.format;
    warnings.push(...csv.warnings);
    if (csv.errors.length) return failed(format, csv.errors, warnings, encoding);
    rows = csv.rows;
  }

  const existing = options.existing ?? [];
  const preview = buildPreview(rows, existing, options.newId ?? defaultNewId);
  if (preview.full) return failed(format, [{ code: 'registry_full', params: { max: MAX_CLIENTS } }], warnings, encoding);
  const { full: _full, ...rest } = preview;
  return { format, encoding, ...rest, errors: [], warnings };
}

export type ApplyResult = { ok: true; registry: Registry } | { ok: false; problem: Problem };

/**
 * The registry after accepting a preview: changed clients replaced in place (same id), new clients
 * appended. Pure; the input is not modified. Refuses (problem `preview_outdated`) when the registry
 * changed since the preview was made in a way the preview cannot be applied to: e.g. a client it
 * updates has been deleted meanwhile (re-adding it would undo a deletion).
 */
export function tryApplyImport(registry: Registry, preview: ImportPreview): ApplyResult {
  if (preview.errors.length) return { ok: false, problem: preview.errors[0]! };
  const newIds = new Set(preview.rows.flatMap((r) => (r.status === 'ok' && r.clientId ? [r.clientId] : [])));
  const known = new Set(registry.clients.map((c) => c.id));
  const byId = new Map(preview.clients.map((c) => [c.id, c]));
  for (const c of preview.clients) {
    const fresh = newIds.has(c.id);
    if (fresh === known.has(c.id)) return { ok: false, problem: { code: 'preview_outdated' } };
  }
  const clients = registry.clients.map((c) => byId.get(c.id) ?? c);
  clients.push(...preview.clients.filter((c) => newIds.has(c.id)));
  const result = RegistrySchema.safeParse({ version: 1, clients });
  if (!result.success) return { ok: false, problem: { code: 'preview_outdated' } };
  return { ok: true, registry: result.data };
}

/** Thrown by applyImport; `problem` says why (describeProblem gives the coach's sentence). Carries no client data. */
export class ImportApplyError extends Error {
  constructor(readonly problem: Problem) {
    super(`Import cannot be applied: ${problem.code}`);
    this.name = 'ImportApplyError';
  }
}

/** As tryApplyImport, returning the registry and throwing an ImportApplyError when it cannot be applied. */
export function applyImport(registry: Registry, preview: ImportPreview): Registry {
  const r = tryApplyImport(registry, preview);
  if (!r.ok) throw new ImportApplyError(r.problem);
  return r.registry;
}
