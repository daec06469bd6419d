/**
 * CSV → candidate clients (one per data row) with per-row problems. Parsing by papaparse; the
 * delimiter (comma, semicolon or tab) is detected from the header line, an Excel "sep=;" first
 * line is honoured. Row numbers are the ones a spreadsheet shows (header = row 1).
 */
import Papa from 'papaparse';
import { ClientSchema } from '../../registry';
import { columnSpec, type ColumnSpec, type Source } from './columns';
import { looksLikeFormula, unescapeCell } from './formula';
import { identifierKey, nameKey, textKey } from './normalize';
import type { Candidate, FieldName, ImportFormat, ParsedRow, Problem } from './problems';

/** Must match ClientSchema: text max 500, arrays max 50. */
export const MAX_TEXT = 500;
export const MAX_VALUES = 50;
export const MAX_ROWS = 100_000;

export interface CsvParse {
  format: ImportFormat;
  rows: ParsedRow[];
  errors: Problem[];
  warnings: Problem[];
}

function detectDelimiter(firstLine: string): string {
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch in counts) counts[ch]!++;
  }
  let best = ',';
  for (const d of [';', '\t']) if (counts[d]! > counts[best]!) best = d;
  return best;
}

function splitValues(cell: string, spec: ColumnSpec, delimiter: string): string[] {
  switch (spec.split) {
    case 'google':
      return cell.split(' ::: ');
    case 'template':
      return delimiter === ';' ? cell.split('|') : cell.split(/[;|]/);
    default:
      return [cell];
  }
}

/** A value without a single letter or digit ("-", "--", "…") identifies nobody: treat it as empty. */
function meaningful(value: string): boolean {
  return /[\p{L}\p{N}]/u.test(value);
}

/** Informational only: every recognised column is used whatever the format. */
function formatOf(sources: Source[]): ImportFormat {
  const count = (s: Source) => sources.filter((x) => x === s).length;
  const google = count('google');
  const outlook = count('outlook');
  if (google > 0 || outlook > 0) return google >= outlook ? 'google-csv' : 'outlook-csv';
  if (count('discreet') > 0) return 'discreet-csv';
  return 'csv';
}

function dedupe(values: string[], key: (v: string) => string, exclude?: Set<string>): string[] {
  const seen = new Set(exclude);
  const out: string[] = [];
  for (const v of values) {
    const k = key(v);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(v);
  }
  return out;
}

export function parseCsv(text: string): CsvParse {
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  let body = text.replace(/^\uFEFF/, '');
  let delimiter: string | undefined;
  const sep = /^sep=([,;\t])\r?\n/i.exec(body);
  if (sep) {
    delimiter = sep[1]!;
    body = body.slice(sep[0].length);
  }
  if (body.trim() === '') return { format: 'unknown', rows: [], errors: [{ code: 'file_empty' }], warnings };
  delimiter ??= detectDelimiter(body.slice(0, body.search(/\r?\n|$/)));

  const parsed = Papa.parse<string[]>(body, { delimiter, skipEmptyLines: false, header: false });
  const quoteError = parsed.errors.find((e) => e.type === 'Quotes');
  if (quoteError) {
    // An unclosed quote swallows every following row into one cell: refuse the file rather than
    // import part of it. papaparse counts records from 0 with the header as record 0.
    errors.push({ code: 'csv_quotes', row: (quoteError.row ?? 0) + 1 });
    return { format: 'unknown', rows: [], errors, warnings };
  }

  const records = parsed.data;
  // The header is the first record with any content (some tools leave blank lines above it).
  const headerIndex = records.findIndex((r) => r.some((c) => c.trim() !== ''));
  if (headerIndex < 0) return { format: 'unknown', rows: [], errors: [{ code: 'file_empty' }], warnings };
  const header = records[headerIndex]!;
  const specs = header.map((h) => columnSpec(h));
  const sources = specs.flatMap((s) => (s ? [s.source] : []));
  const format = formatOf(sources);
  const hasName = specs.some((s) => s && (s.role === 'fullName' || s.role === 'first' || s.role === 'last'));
  if (!hasName) {
    // Also the case for a file without a header row: its first row is data, which we never echo.
    errors.push({ code: 'csv_no_name_column' });
    return { format, rows: [], errors, warnings };
  }
  const ignored = header.filter((h, i) => !specs[i] && h.trim() !== '').length;
  if (ignored > 0) warnings.push({ code: 'columns_ignored', params: { count: ignored } });

  const dataCount = records.length - headerIndex - 1;
  const nonBlank = records.slice(headerIndex + 1).filter((r) => r.some((c) => c.trim() !== '')).length;
  if (nonBlank === 0) return { format, rows: [], errors: [{ code: 'no_clients' }], warnings };
  if (nonBlank > MAX_ROWS) return { format, rows: [], errors: [{ code: 'too_many_rows', params: { max: MAX_ROWS } }], warnings };

  const rows: ParsedRow[] = [];
  for (let r = 0; r < dataCount; r++) {
    const record = records[headerIndex + 1 + r]!;
    if (!record.some((c) => c.trim() !== '')) continue; // blank line: nothing to say about it
    rows.push(parseRow(record, header, specs, delimiter, headerIndex + r + 2));
  }
  return { format, rows, errors, warnings };
}

function parseRow(
  record: string[],
  header: string[],
  specs: Array<ColumnSpec | undefined>,
  delimiter: string,
  row: number,
): ParsedRow {
  const problems: Problem[] = [];
  const col = (i: number) => header[i]!.trim();

  if (record.slice(header.length).some((c) => c.trim() !== '')) {
    // More filled cells than headers: usually an unquoted delimiter inside a value, so every
    // value after it sits in the wrong column. Importing it would store data under the wrong label.
    return { row, problems: [{ code: 'row_extra_columns', row }] };
  }

  let fullName: { value: string; column: string } | undefined;
  const parts: Record<'first' | 'middle' | 'tussenvoegsel' | 'last', string[]> = { first: [], middle: [], tussenvoegsel: [], last: [] };
  let nameColumn: string | undefined;
  const aliases: string[] = [];
  const identifiers: string[] = [];
  const organizations: string[] = [];
  const details: string[] = [];

  specs.forEach((spec, i) => {
    if (!spec) return;
    const raw = (record[i] ?? '').trim();
    if (raw === '') return;
    if (looksLikeFormula(raw)) {
      problems.push({ code: 'formula_refused', row, column: col(i) });
      return;
    }
    const values = splitValues(unescapeCell(raw), spec, delimiter)
      .map((v) => v.trim())
      .filter(meaningful);
    for (const v of values) {
      if (v.length > MAX_TEXT) {
        problems.push({ code: 'value_too_long', row, column: col(i), params: { max: MAX_TEXT } });
        return;
      }
    }
    switch (spec.role) {
      case 'fullName':
        // A second name column (or a second name in one cell) is not dropped: it becomes an alias.
        for (const v of values) {
          if (!fullName) fullName = { value: v, column: col(i) };
          else aliases.push(v);
        }
        break;
      case 'first':
      case 'middle':
      case 'tussenvoegsel':
      case 'last':
        parts[spec.role].push(...values);
        nameColumn ??= col(i);
        break;
      case 'alias':
        aliases.push(...values);
        break;
      case 'email':
      case 'phone':
      case 'identifier':
        identifiers.push(...values);
        break;
      case 'organization':
        organizations.push(...values);
        break;
      case 'detail':
        details.push(...values);
        break;
    }
  });
  if (problems.length) return { row, problems };

  let name = fullName?.value;
  if (name === undefined) {
    const composed = [...parts.first, ...parts.middle, ...parts.tussenvoegsel, ...parts.last].join(' ').replace(/\s+/g, ' ').trim();
    if (composed) name = composed;
  }
  if (!name) return { row, problems: [{ code: 'row_no_name', row }] };
  if (name.length > MAX_TEXT) {
    return { row, problems: [{ code: 'value_too_long', row, column: fullName?.column ?? nameColumn, params: { max: MAX_TEXT } }] };
  }

  // A second organisation column (Google's "Organization 2 - Name") is kept as a detail.
  const [organization, ...moreOrganizations] = dedupe(organizations, textKey);
  const candidate: Candidate = {
    name,
    aliases: dedupe(aliases, textKey, new Set([nameKey(name)])),
    identifiers: dedupe(identifiers, identifierKey),
    ...(organization ? { organization } : {}),
    details: dedupe([...details, ...moreOrganizations], textKey, organization ? new Set([textKey(organization)]) : undefined),
  };
  for (const field of ['aliases', 'identifiers', 'details'] as const satisfies readonly FieldName[]) {
    if (candidate[field].length > MAX_VALUES) {
      return { row, problems: [{ code: 'too_many_values', row, params: { field, max: MAX_VALUES } }] };
    }
  }
  // Backstop: whatever passes here must also pass the registry schema.
  if (!ClientSchema.safeParse({ id: 'x', ...candidate }).success) return { row, problems: [{ code: 'row_invalid', row }] };
  return { row, candidate, problems: [] };
}
