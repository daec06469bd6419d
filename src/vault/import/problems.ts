/**
 * What an import can tell the coach, as codes, never as prose and never with cell values.
 *
 * A problem names at most a row number, a column header that we recognised (known vocabulary,
 * so never client data) and numeric or structural params (a JSON field path, a count). The
 * sentences the coach reads live in ./messages.ts, in Dutch and English.
 */
import type { Client } from '../../registry';

export const PROBLEM_CODES = [
  // File level, fatal: nothing can be imported.
  'file_empty',
  'file_too_large',
  'file_not_text',
  'file_is_spreadsheet',
  'file_is_vcard',
  'csv_quotes',
  'csv_no_name_column',
  'no_clients',
  'too_many_rows',
  'registry_full',
  'json_syntax',
  'json_not_registry',
  'json_invalid_field',
  'internal_error',
  'preview_outdated',
  // File level, informational.
  'encoding_windows1252',
  'columns_ignored',
  // Row level.
  'row_no_name',
  'row_extra_columns',
  'value_too_long',
  'too_many_values',
  'formula_refused',
  'merged_with_row',
  'merged_with_existing',
  'matches_several',
  'possible_duplicate',
  'merge_too_large',
  'row_invalid',
  // Export.
  'export_separator_in_value',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

/** Registry fields a problem may name (translated in messages.ts). */
export type FieldName = 'name' | 'aliases' | 'identifiers' | 'organization' | 'details';

export interface Problem {
  code: ProblemCode;
  /** Row as a spreadsheet shows it (header = row 1), or the client's position (1-based) in a JSON file. */
  row?: number;
  /** A column header we recognised, as spelled in the file. Never an unrecognised header (it could be data). */
  column?: string;
  /** Numbers, field names, JSON paths, generated client ids. Never cell values. */
  params?: Record<string, string | number>;
}

export type RowStatus = 'ok' | 'merged' | 'skipped';

export interface RowResult {
  row: number;
  status: RowStatus;
  problems: Problem[];
  /** The client this row became or was merged into (absent when skipped). */
  clientId?: string;
  /** For status 'merged': the earlier row of this file, or the existing client, it was merged with. */
  mergedWith?: { row: number } | { clientId: string };
  /** For status 'merged': false when the row added nothing new. */
  changed?: boolean;
}

export type ImportFormat = 'registry-json' | 'google-csv' | 'outlook-csv' | 'discreet-csv' | 'csv' | 'unknown';
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface ImportPreview {
  format: ImportFormat;
  encoding?: TextEncoding;
  /**
   * Clients this import adds (fresh random ids) or changes (existing clients, same id, merged
   * fields). Unchanged existing clients are not listed. Empty when `errors` is not.
   */
  clients: Client[];
  /** One entry per non-blank data row (CSV) or per client (JSON), in file order. */
  rows: RowResult[];
  /** Fatal: when non-empty nothing may be imported, `clients` and `rows` are empty. */
  errors: Problem[];
  /** File-level notes the coach should see (e.g. the file was read as Windows-1252). */
  warnings: Problem[];
  summary: { added: number; updated: number; merged: number; skipped: number };
}

/** The shape the parsers hand to the merge step. */
export interface Candidate {
  name: string;
  aliases: string[];
  identifiers: string[];
  organization?: string;
  details: string[];
}

export interface ParsedRow {
  row: number;
  /** Absent when the row is skipped; then `problems` says why. */
  candidate?: Candidate;
  problems: Problem[];
}
