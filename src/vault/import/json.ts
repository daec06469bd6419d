/**
 * Registry JSON (the format of /work/shared/corpus/registry.json and of our JSON export) →
 * candidates. All or nothing: one bad field refuses the whole file with problems naming the field
 * path (`clients.3.name`), the client's position and a reason; never the value.
 * Ids in the file are not kept: every imported client gets a fresh random id (see merge.ts).
 */
import type { z } from 'zod';
import { RegistrySchema } from '../../registry';
import type { ParsedRow, Problem } from './problems';

export const MAX_JSON_ISSUES = 5;

export interface JsonParse {
  rows: ParsedRow[];
  errors: Problem[];
}

type Reason = 'missing' | 'too_long' | 'too_many' | 'empty' | 'wrong_type' | 'duplicate_id' | 'invalid';

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = data;
  for (const p of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

function reasonOf(issue: z.core.$ZodIssue, data: unknown): Reason {
  switch (issue.code) {
    case 'invalid_type':
      return valueAt(data, issue.path) === undefined ? 'missing' : 'wrong_type';
    case 'invalid_value':
      return valueAt(data, issue.path) === undefined ? 'missing' : 'invalid';
    case 'too_big':
      return issue.origin === 'array' ? 'too_many' : 'too_long';
    case 'too_small':
      return 'empty';
    case 'custom':
      return issue.path.at(-1) === 'id' ? 'duplicate_id' : 'invalid';
    default:
      return 'invalid';
  }
}

function issueProblem(issue: z.core.$ZodIssue, data: unknown): Problem {
  // Path segments come from the schema (field names) or are array indices: never client data.
  const path = issue.path.map((p) => (typeof p === 'symbol' ? '?' : String(p)));
  const params: Record<string, string | number> = { path: path.length ? path.join('.') : '(root)', reason: reasonOf(issue, data) };
  const row = path[0] === 'clients' && /^\d+$/.test(path[1] ?? '') ? Number(path[1]) + 1 : undefined;
  const field = path.filter((p) => !/^\d+$/.test(p)).at(-1);
  if (field) params.field = field;
  return row === undefined ? { code: 'json_invalid_field', params } : { code: 'json_invalid_field', row, params };
}

export function parseRegistryJson(text: string): JsonParse {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    // The engine's message quotes the text around the error: never pass it on.
    return { rows: [], errors: [{ code: 'json_syntax' }] };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data) || !('clients' in data)) {
    return { rows: [], errors: [{ code: 'json_not_registry' }] };
  }
  const result = RegistrySchema.safeParse(data);
  if (!result.success) {
    return { rows: [], errors: result.error.issues.slice(0, MAX_JSON_ISSUES).map((i) => issueProblem(i, data)) };
  }
  if (result.data.clients.length === 0) return { rows: [], errors: [{ code: 'no_clients' }] };
  return {
    rows: result.data.clients.map(({ id: _id, ...client }, i) => ({ row: i + 1, candidate: client, problems: [] })),
    errors: [],
  };
}
