/**
 * Export of the client list. Pure: registry in, string out; the caller offers it as a download.
 *
 * - exportJson: the registry format itself, lossless; importing it gives the same clients (new ids).
 * - exportCsv: the Discreet template in its Dutch spreadsheet form: UTF-8 with BOM (so Excel shows
 *   é and ë), semicolon-delimited, CRLF, several values in one cell separated by " | ", and every
 *   cell neutralised against formula injection (see ../import/formula.ts). Identifiers are grouped
 *   into e-mail, telefoon and identificatoren columns, so after a round trip they come back in
 *   that order; a value containing "|" would be split (checkCsvExport reports those).
 */
import Papa from 'papaparse';
import type { Registry } from '../../registry';
import { escapeCell } from '../import/formula';
import { isEmail, isPhone } from '../import/normalize';
import type { FieldName, Problem } from '../import/problems';

export const CSV_HEADER = ['naam', 'aliassen', 'e-mail', 'telefoon', 'identificatoren', 'organisatie', 'details'] as const;
export const CSV_MULTI_SEPARATOR = ' | ';

export function exportJson(registry: Registry): string {
  const clean: Registry = {
    version: 1,
    clients: registry.clients.map((c) => ({
      id: c.id,
      name: c.name,
      aliases: [...c.aliases],
      identifiers: [...c.identifiers],
      ...(c.organization !== undefined ? { organization: c.organization } : {}),
      details: [...c.details],
    })),
  };
  return `${JSON.stringify(clean, null, 2)}\n`;
}

export function exportCsv(registry: Registry): string {
  const rows = registry.clients.map((c) => {
    const emails = c.identifiers.filter((v) => isEmail(v));
    const phones = c.identifiers.filter((v) => !isEmail(v) && isPhone(v));
    const others = c.identifiers.filter((v) => !isEmail(v) && !isPhone(v));
    return [c.name, c.aliases, emails, phones, others, c.organization ?? '', c.details].map((cell) =>
      escapeCell(Array.isArray(cell) ? cell.join(CSV_MULTI_SEPARATOR) : cell),
    );
  });
  const body = Papa.unparse({ fields: [...CSV_HEADER], data: rows }, { delimiter: ';', newline: '\r\n', quotes: false, escapeFormulae: false });
  return `\uFEFF${body}\r\n`;
}

/** Values the CSV export cannot carry unchanged (they contain the multi-value separator). */
export function checkCsvExport(registry: Registry): Problem[] {
  const problems: Problem[] = [];
  for (const c of registry.clients) {
    const fields: Array<[FieldName, readonly string[]]> = [
      ['aliases', c.aliases],
      ['identifiers', c.identifiers],
      ['details', c.details],
    ];
    for (const [field, values] of fields) {
      if (values.some((v) => v.includes('|'))) problems.push({ code: 'export_separator_in_value', params: { field, clientId: c.id } });
    }
  }
  return problems;
}
