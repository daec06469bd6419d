/**
 * Spreadsheet formula injection ("CSV injection"), both directions.
 *
 * Import (CSV only): a cell that looks like a formula (`=HYPERLINK(...)`, `=cmd|' /C calc'!A0`,
 * `@SUM(`, `+HYPERLINK(`, `-2+3+cmd|...`, also after leading tab/CR) is REFUSED: the whole row is
 * skipped with the problem `formula_refused` naming row and column. Why refuse rather than store a
 * neutralised copy: a formula is never a real name, e-mail address or phone number, so it is either
 * a spreadsheet artefact or a planted payload; storing it would put attacker-chosen text into the
 * vault (and into the detector's patterns and every later export), and dropping only that cell
 * would half-import the row. The coach sees exactly which cell to fix; nothing is stored yet, and
 * the source file is untouched, so nothing is lost.
 * Plain values that merely start with a trigger character are NOT formulas and import normally:
 * `+31 6 12345678`, `-12`, `@jansen`, `-Jantje`.
 * A leading apostrophe before a trigger (`'=x`, `'+31 6…`) is the spreadsheet convention for
 * "this is text" and what our own export writes: one apostrophe is removed and the value is kept.
 *
 * Export: every cell that begins with `=`, `+`, `-`, `@`, tab or CR (possibly after apostrophes)
 * gets one leading apostrophe (OWASP's advice). Import removes exactly that one, so a round trip
 * gives the same value back, phone numbers included.
 */

export function looksLikeFormula(cell: string): boolean {
  const v = cell.replace(/^[\s\u00a0]+/, '');
  if (v.length < 2) return false;
  const first = v[0];
  if (first === '=') return true;
  const rest = v.slice(1);
  if (first === '@') return /^\s*[A-Za-z_][\w.]*\s*\(/.test(rest);
  if (first === '+' || first === '-') {
    if (/^[\d\s().\/-]*$/.test(rest)) return false; // numbers and phone numbers: +31 (0)6-12 34 56 78
    // A function call, a DDE pipe, a sheet reference or an embedded operator chain. (Written to
    // run in linear time: cells come straight from the file and can be megabytes long.)
    return /[\w.]\s*\(|\||![A-Za-z$]|=/.test(rest);
  }
  return false;
}

/** Import side: remove the one apostrophe a spreadsheet or our export put before a trigger. */
export function unescapeCell(cell: string): string {
  return /^'+[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

/** Export side: make sure no spreadsheet evaluates the cell. Inverse of unescapeCell. */
export function escapeCell(cell: string): string {
  return /^'*[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}
