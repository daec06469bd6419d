/**
 * Problem codes → sentences a coach understands, Dutch first. Only row numbers, recognised column
 * headers, counts and field names are filled in; problems never carry client data.
 */
import { defineMessages, type Language } from '../../i18n';
import type { Problem, ProblemCode } from './problems';

const nothing = 'Er is niets geïmporteerd.';
const nothingEn = 'Nothing has been imported.';

const codeMessages = {
  nl: {
    file_empty: `Het bestand is leeg. ${nothing}`,
    file_too_large: `Het bestand is groter dan {maxMb} MB; zo'n grote cliëntenlijst kan Discreet niet inlezen. ${nothing}`,
    file_not_text: `Dit is geen tekstbestand. Kies een CSV-bestand of een Discreet-lijst (JSON). ${nothing}`,
    file_is_spreadsheet: `Dit is een Excel-werkmap, geen CSV-bestand. Kies in Excel "Opslaan als" → "CSV UTF-8" en importeer dat bestand. ${nothing}`,
    file_is_vcard: `Dit is een vCard-bestand (.vcf). Exporteer uw contacten als CSV (in Google Contacten: "Google CSV"; in Outlook: "CSV") en importeer dat bestand. ${nothing}`,
    csv_quotes: `Rij {row}: een aanhalingsteken wordt niet afgesloten, waardoor de rest van het bestand niet betrouwbaar te lezen is. Controleer die rij in uw spreadsheet. ${nothing}`,
    csv_no_name_column: `We vinden geen kolom met namen. Gebruik een export uit Google Contacten of Outlook, of het Discreet-sjabloon met de kolommen naam, aliassen, e-mail, telefoon, organisatie, details (de eerste rij moet de kolomnamen bevatten). ${nothing}`,
    no_clients: `Het bestand bevat geen cliënten. ${nothing}`,
    too_many_rows: `Het bestand heeft meer dan {max} rijen; meer cliënten kan Discreet niet bewaren. ${nothing}`,
    registry_full: `Na deze import zouden er meer dan {max} cliënten in uw lijst staan; dat is het maximum. ${nothing}`,
    json_syntax: `Dit JSON-bestand is beschadigd of onvolledig en kan niet worden gelezen. ${nothing}`,
    json_not_registry: `Dit JSON-bestand is geen Discreet-cliëntenlijst. ${nothing}`,
    json_invalid_field: `Veld "{field}" ({path}) {reason}. ${nothing}`,
    json_invalid_field_row: `Cliënt {row} in het bestand, veld "{field}" ({path}): {reason}. ${nothing}`,
    preview_outdated: `Uw cliëntenlijst is veranderd sinds dit voorbeeld is gemaakt. Lees het bestand opnieuw in. ${nothing}`,
    internal_error: `Er ging iets mis in Discreet bij het lezen van dit bestand (niet door uw bestand). Probeer het opnieuw. ${nothing}`,
    encoding_windows1252:
      'Het bestand is niet als UTF-8 opgeslagen; we hebben het gelezen als Windows-tekst (Windows-1252). Controleer in het voorbeeld of letters als é en ë goed staan.',
    columns_ignored: '{count} kolommen in het bestand gebruiken we niet (zoals notities of verjaardagen); die gegevens worden niet geïmporteerd.',
    columns_ignored_one: '1 kolom in het bestand gebruiken we niet (zoals notities of verjaardagen); die gegevens worden niet geïmporteerd.',
    row_no_name: 'Rij {row}: geen naam gevonden; deze rij wordt overgeslagen.',
    row_extra_columns:
      'Rij {row}: er staan meer cellen in dan er kolommen zijn (misschien een komma of puntkomma in een waarde zonder aanhalingstekens); deze rij wordt overgeslagen.',
    value_too_long: 'Rij {row}, kolom "{column}": de tekst is langer dan {max} tekens; deze rij wordt overgeslagen.',
    too_many_values: 'Rij {row}: meer dan {max} {field}; deze rij wordt overgeslagen.',
    formula_refused:
      'Rij {row}, kolom "{column}": de cel bevat een spreadsheetformule. Om veiligheidsredenen importeren we geen formules; deze rij wordt overgeslagen. Vervang de formule door gewone tekst en importeer opnieuw.',
    merged_with_row: 'Rij {row} is dezelfde persoon als rij {otherRow} (zelfde naam, e-mailadres of telefoonnummer); de gegevens zijn samengevoegd.',
    merged_with_existing: 'Rij {row} hoort bij een cliënt die al in uw lijst staat; de gegevens zijn samengevoegd.',
    matches_several:
      'Rij {row} deelt een e-mailadres of telefoonnummer met meer dan één cliënt; we hebben de rij samengevoegd met de eerste. Controleer dit na het importeren.',
    possible_duplicate: 'Rij {row} heeft dezelfde naam als meerdere cliënten in uw lijst; we voegen de rij apart toe. Controleer of het om dezelfde persoon gaat.',
    merge_too_large:
      'Rij {row}: samenvoegen zou meer dan 50 aliassen, identificatoren of details opleveren; deze rij wordt overgeslagen.',
    row_invalid: 'Rij {row} kan niet worden gelezen; deze rij wordt overgeslagen.',
    export_separator_in_value:
      'Een waarde bij "{field}" bevat het teken |. In de CSV-export wordt die waarde bij opnieuw importeren in tweeën gesplitst. Gebruik de JSON-export voor een volledige reservekopie.',
    // Building blocks.
    field_name: 'naam',
    field_aliases: 'aliassen',
    field_identifiers: 'identificatoren',
    field_organization: 'organisatie',
    field_details: 'details',
    field_id: 'id',
    field_version: 'versie',
    field_clients: 'cliënten',
    reason_missing: 'ontbreekt',
    reason_too_long: 'is te lang',
    reason_too_many: 'heeft te veel waarden',
    reason_empty: 'is leeg',
    reason_wrong_type: 'heeft een verkeerd soort waarde',
    reason_duplicate_id: 'dit id komt meer dan eens voor in het bestand',
    reason_invalid: 'is ongeldig',
    unknown_column: 'naam',
  },
  en: {
    file_empty: `The file is empty. ${nothingEn}`,
    file_too_large: `The file is larger than {maxMb} MB; Discreet cannot read a client list that large. ${nothingEn}`,
    file_not_text: `This is not a text file. Choose a CSV file or a Discreet list (JSON). ${nothingEn}`,
    file_is_spreadsheet: `This is an Excel workbook, not a CSV file. In Excel choose "Save as" → "CSV UTF-8" and import that file. ${nothingEn}`,
    file_is_vcard: `This is a vCard file (.vcf). Export your contacts as CSV (Google Contacts: "Google CSV"; Outlook: "CSV") and import that file. ${nothingEn}`,
    csv_quotes: `Row {row}: a quotation mark is never closed, so the rest of the file cannot be read reliably. Check that row in your spreadsheet. ${nothingEn}`,
    csv_no_name_column: `We cannot find a column with names. Use an export from Google Contacts or Outlook, or the Discreet template with the columns naam, aliassen, e-mail, telefoon, organisatie, details (the first row must hold the column names). ${nothingEn}`,
    no_clients: `The file contains no clients. ${nothingEn}`,
    too_many_rows: `The file has more than {max} rows; Discreet cannot keep more clients than that. ${nothingEn}`,
    registry_full: `After this import your list would hold more than {max} clients, which is the maximum. ${nothingEn}`,
    json_syntax: `This JSON file is damaged or incomplete and cannot be read. ${nothingEn}`,
    json_not_registry: `This JSON file is not a Discreet client list. ${nothingEn}`,
    json_invalid_field: `Field "{field}" ({path}) {reason}. ${nothingEn}`,
    json_invalid_field_row: `Client {row} in the file, field "{field}" ({path}): {reason}. ${nothingEn}`,
    preview_outdated: `Your client list has changed since this preview was made. Please read the file again. ${nothingEn}`,
    internal_error: `Something went wrong in Discreet while reading this file (not caused by your file). Please try again. ${nothingEn}`,
    encoding_windows1252:
      'The file was not saved as UTF-8; we read it as Windows text (Windows-1252). Check in the preview that letters such as é and ë look right.',
    columns_ignored: '{count} columns in the file are not used (such as notes or birthdays); that information is not imported.',
    columns_ignored_one: '1 column in the file is not used (such as notes or birthdays); that information is not imported.',
    row_no_name: 'Row {row}: no name found; this row will be skipped.',
    row_extra_columns:
      'Row {row}: it has more cells than there are columns (perhaps a comma or semicolon inside a value without quotation marks); this row will be skipped.',
    value_too_long: 'Row {row}, column "{column}": the text is longer than {max} characters; this row will be skipped.',
    too_many_values: 'Row {row}: more than {max} {field}; this row will be skipped.',
    formula_refused:
      'Row {row}, column "{column}": the cell contains a spreadsheet formula. For safety we do not import formulas; this row will be skipped. Replace the formula with plain text and import again.',
    merged_with_row: 'Row {row} is the same person as row {otherRow} (same name, e-mail address or phone number); their details have been merged.',
    merged_with_existing: 'Row {row} belongs to a client already in your list; the details have been merged.',
    matches_several:
      'Row {row} shares an e-mail address or phone number with more than one client; we merged it with the first. Please check this after importing.',
    possible_duplicate: 'Row {row} has the same name as several clients in your list; we add it separately. Please check whether it is the same person.',
    merge_too_large: 'Row {row}: merging would give more than 50 aliases, identifiers or details; this row will be skipped.',
    row_invalid: 'Row {row} cannot be read; this row will be skipped.',
    export_separator_in_value:
      'A value under "{field}" contains the character |. In the CSV export that value would be split in two when imported again. Use the JSON export for a complete backup.',
    field_name: 'name',
    field_aliases: 'aliases',
    field_identifiers: 'identifiers',
    field_organization: 'organization',
    field_details: 'details',
    field_id: 'id',
    field_version: 'version',
    field_clients: 'clients',
    reason_missing: 'is missing',
    reason_too_long: 'is too long',
    reason_too_many: 'has too many values',
    reason_empty: 'is empty',
    reason_wrong_type: 'has the wrong kind of value',
    reason_duplicate_id: 'this id occurs more than once in the file',
    reason_invalid: 'is invalid',
    unknown_column: 'name',
  },
} as const;

export const t = defineMessages(codeMessages);
type Key = Parameters<typeof t>[0];

function has(key: string): key is Key {
  return key in codeMessages.nl;
}

function label(prefix: 'field' | 'reason', value: string | number | undefined, language?: Language): string {
  const key = `${prefix}_${String(value)}`;
  return has(key) ? t(key, undefined, language) : String(value ?? '');
}

/** The sentence for one problem, in the coach's language (default: the current UI language). */
export function describeProblem(problem: Problem, language?: Language): string {
  const params: Record<string, string | number> = { ...problem.params };
  if (problem.row !== undefined) params.row = problem.row;
  params.column = problem.column ?? t('unknown_column', undefined, language);
  if (params.field !== undefined) params.field = label('field', params.field, language);
  else if (params.path !== undefined) params.field = params.path;
  if (params.reason !== undefined) params.reason = label('reason', params.reason, language);
  let key: Key = problem.code;
  if (problem.code === 'json_invalid_field' && problem.row !== undefined) key = 'json_invalid_field_row';
  if (problem.code === 'columns_ignored' && params.count === 1) key = 'columns_ignored_one';
  return t(key, params, language);
}

/** Every problem code has a sentence in both languages (checked by the type system). */
export const codesWithMessages: readonly ProblemCode[] = Object.keys(codeMessages.nl).filter(
  (k): k is ProblemCode => !k.startsWith('field_') && !k.startsWith('reason_') && k !== 'unknown_column' && k !== 'json_invalid_field_row' && k !== 'columns_ignored_one',
);
