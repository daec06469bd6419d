/**
 * Which column header means what. Headers are matched case-insensitively after trimming and
 * collapsing whitespace. Sources: Google Contacts export (current "Organization Name" style and the
 * legacy "Given Name"/"Organization 1 - Name" style), Outlook's "CSV (Windows)" export (English,
 * plus the Dutch-localised headers we are confident about), and the Discreet template
 * (naam, aliassen, e-mail, telefoon, identificatoren, organisatie, details; English aliases too).
 *
 * Outlook's "Title" is the salutation (Mr./Dr.), not a job title, and is deliberately ignored.
 */

export type Role =
  | 'fullName'
  | 'first'
  | 'middle'
  | 'tussenvoegsel'
  | 'last'
  | 'alias'
  | 'email'
  | 'phone'
  | 'identifier'
  | 'organization'
  | 'detail';

/** How a cell holds several values: the Discreet template's separators, Google's " ::: ", or not at all. */
export type Split = 'template' | 'google' | 'none';

export type Source = 'discreet' | 'google' | 'outlook' | 'generic';

export interface ColumnSpec {
  role: Role;
  split: Split;
  source: Source;
}

const exact = new Map<string, ColumnSpec>();
function add(source: Source, role: Role, split: Split, headers: string[]): void {
  for (const h of headers) exact.set(h, { role, split, source });
}

// Discreet template (Dutch first, English aliases).
add('discreet', 'fullName', 'none', ['naam', 'name']);
add('discreet', 'alias', 'template', ['aliassen', 'alias', 'aliases', 'bijnamen']);
add('discreet', 'email', 'template', ['e-mail', 'email', 'e-mails', 'emails']);
add('discreet', 'phone', 'template', ['telefoon', 'phone', 'telefoonnummer', 'telefoonnummers', 'phones']);
add('discreet', 'identifier', 'template', ['identificatoren', 'identifiers', 'kenmerken']);
add('discreet', 'organization', 'none', ['organisatie', 'organization', 'organisation']);
add('discreet', 'detail', 'template', ['details']);

// Shared by Google's current export and Outlook's.
add('generic', 'first', 'none', ['first name']);
add('generic', 'middle', 'none', ['middle name']);
add('generic', 'last', 'none', ['last name']);
add('generic', 'alias', 'none', ['nickname']);
// Google Contacts, current export.
add('google', 'organization', 'none', ['organization name']);
add('google', 'detail', 'none', ['organization title', 'organization department']);
// Google Contacts, legacy ("Google CSV") export.
add('google', 'first', 'none', ['given name']);
add('google', 'middle', 'none', ['additional name']);
add('google', 'last', 'none', ['family name']);
add('google', 'alias', 'none', ['short name', 'maiden name']);
add('google', 'detail', 'none', ['occupation']);

// Outlook (English).
add('outlook', 'fullName', 'none', ['display name']);
add('outlook', 'email', 'none', ['e-mail address', 'e-mail 2 address', 'e-mail 3 address']);
add('outlook', 'phone', 'none', [
  'mobile phone',
  'business phone',
  'business phone 2',
  'home phone',
  'home phone 2',
  'primary phone',
  'other phone',
  'car phone',
  'company main phone',
]);
add('outlook', 'organization', 'none', ['company']);
add('outlook', 'detail', 'none', ['job title', 'department', 'home city', 'business city', 'other city']);
add('outlook', 'identifier', 'none', ['home street', 'business street', 'other street', 'web page']);
// Outlook (Dutch-localised).
add('outlook', 'first', 'none', ['voornaam']);
add('outlook', 'middle', 'none', ['middelste naam']);
add('outlook', 'tussenvoegsel', 'none', ['tussenvoegsel', 'tussenvoegsels']);
add('outlook', 'last', 'none', ['achternaam']);
add('outlook', 'alias', 'none', ['bijnaam']);
add('outlook', 'email', 'none', ['e-mailadres', 'e-mailadres 2', 'e-mailadres 3']);
add('outlook', 'phone', 'none', ['mobiele telefoon', 'telefoon (werk)', 'telefoon werk', 'telefoon thuis', 'mobiel']);
add('outlook', 'organization', 'none', ['bedrijf']);
add('outlook', 'detail', 'none', ['functie', 'afdeling']);

/** Google's numbered columns: "E-mail 1 - Value", "Phone 2 - Value", "Organization 1 - Name", … */
const numbered: Array<[RegExp, Role]> = [
  [/^e-mail \d+ - value$/, 'email'],
  [/^phone \d+ - value$/, 'phone'],
  [/^organization \d+ - name$/, 'organization'],
  [/^organization \d+ - (title|department)$/, 'detail'],
  [/^address \d+ - city$/, 'detail'],
  [/^address \d+ - street$/, 'identifier'],
  [/^website \d+ - value$/, 'identifier'],
];

export function normalizeHeader(header: string): string {
  return header.replace(/^\uFEFF/, '').trim().replace(/\s+/g, ' ').toLowerCase();
}

export function columnSpec(header: string): ColumnSpec | undefined {
  const h = normalizeHeader(header);
  const hit = exact.get(h);
  if (hit) return hit;
  for (const [re, role] of numbered) if (re.test(h)) return { role, split: 'google', source: 'google' };
  return undefined;
}
