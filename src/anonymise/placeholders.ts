/**
 * Anonymising a message: which spans to replace, and with what. Pure: no browser globals, no editor.
 * The guard applies the result through the editor's own input path (src/guard/anonymise-in-editor.ts).
 *
 * Rules (what a coach reads naturally, and what never leaks):
 *  - every client mentioned by name becomes "cliënt A", "cliënt B", … ("client A" in English), lettered in
 *    order of first appearance; the same client keeps the same letter everywhere in the message (subject too);
 *  - a possessive keeps being one: "Jans cv", "Jan's cv", "Roos' plan" → "cliënt A's cv" (Dutch writes a
 *    letter's genitive with 's, English too); a placeholder that starts a sentence is capitalised;
 *  - organisations → "[organisatie]"; identifiers by their shape → "[e-mailadres]", "[telefoonnummer]",
 *    "[website]", "[adres]", anything else (file numbers…) "[kenmerk]"; registered details → "[detail]";
 *  - overlapping findings become one replacement (the longest finding decides what it is);
 *  - findings about the addressee themself (`toClient`) stay: "Beste Jan" in a mail to Jan is not a leak;
 *  - low-confidence findings (details on their own) are only replaced when that client is also named or
 *    identified in the message: alone they do not identify anyone, and may be ordinary words.
 */
import type { FindingKind, Severity } from '../detect/types';

export type PlaceholderLanguage = 'nl' | 'en';

export interface AnonymiseInput {
  start: number;
  end: number;
  clientId: string;
  kind: FindingKind;
  severity: Severity;
  evidence?: string;
  toClient?: boolean;
}

export interface Replacement {
  start: number;
  end: number;
  /** The text that stood there (to check the editor still holds it before replacing). */
  original: string;
  text: string;
}

const WORDS = {
  nl: {
    client: 'cliënt',
    organization: '[organisatie]',
    email: '[e-mailadres]',
    phone: '[telefoonnummer]',
    website: '[website]',
    address: '[adres]',
    reference: '[kenmerk]',
    detail: '[detail]',
  },
  en: {
    client: 'client',
    organization: '[organisation]',
    email: '[e-mail address]',
    phone: '[phone number]',
    website: '[website]',
    address: '[address]',
    reference: '[reference]',
    detail: '[detail]',
  },
} as const satisfies Record<PlaceholderLanguage, Record<string, string>>;

type IdentifierShape = 'email' | 'phone' | 'website' | 'address' | 'reference';

/** What an identifier looks like, from its text alone. */
export function identifierShape(text: string): IdentifierShape {
  const s = text.trim();
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s) || /^mailto:/i.test(s)) return 'email';
  if (/^(https?:\/\/|www\.)/i.test(s) || /^[\w-]+(\.[\w-]+)+\/\S*$/.test(s)) return 'website';
  const digits = s.replace(/\D/g, '').length;
  if (/^[+(]?[\d\s().\-/]+$/.test(s) && digits >= 8) return 'phone';
  // A street and house number ("Kerkstraat 12", "Laan van Meerdervoort 5a") or a postcode ("1234 AB").
  if (/\p{L}{3,}\.?\s+\d{1,5}\s?[a-z]?\b/iu.test(s) || /\b\d{4}\s?[a-z]{2}\b/i.test(s)) return 'address';
  return 'reference';
}

const POSSESSIVE = /(['’])s?$/;

/** Whether a name mention is a possessive ("Jans", "Jan's", "Roos'"), and which apostrophe it used. */
function possessive(f: AnonymiseInput, text: string): { apostrophe: string } | null {
  const m = POSSESSIVE.exec(text);
  if (m) return { apostrophe: m[1]! };
  if (f.evidence?.includes('possessive')) return { apostrophe: "'" };
  return null;
}

/** A placeholder at the start of the text, of a line, or after a full stop / ! / ? starts with a capital. */
function startsSentence(text: string, at: number): boolean {
  const from = Math.max(0, at - 20);
  const before = text.slice(from, at);
  if (from === 0 && before.trim() === '') return true;
  return /([.!?]\s+|\n\s*)$/.test(before);
}

/** "A", "B", … "Z", "AA", "AB", … */
export function letter(index: number): string {
  let n = index;
  let s = '';
  do {
    s = String.fromCharCode(65 + (n % 26)) + s;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return s;
}

const KIND_RANK: Record<FindingKind, number> = { identifier: 3, name: 2, organization: 1, detail: 0 };

/**
 * The replacements that anonymise `text`, in text order, non-overlapping. Apply them last to first so
 * earlier offsets stay valid.
 */
export function planAnonymisation(text: string, findings: readonly AnonymiseInput[], language: PlaceholderLanguage = 'nl'): Replacement[] {
  const words = WORDS[language];
  const candidates = findings.filter((f) => !f.toClient && f.start >= 0 && f.end <= text.length && f.end > f.start);
  const identified = new Set(candidates.filter((f) => f.severity !== 'low').map((f) => f.clientId));
  const used = candidates.filter((f) => f.severity !== 'low' || identified.has(f.clientId));
  used.sort((a, b) => a.start - b.start || b.end - a.end);

  // Merge overlapping findings; the longest (then the strongest kind) decides the placeholder.
  const groups: { start: number; end: number; lead: AnonymiseInput }[] = [];
  for (const f of used) {
    const g = groups[groups.length - 1];
    if (g && f.start < g.end) {
      g.end = Math.max(g.end, f.end);
      const gl = g.lead.end - g.lead.start;
      const fl = f.end - f.start;
      if (fl > gl || (fl === gl && KIND_RANK[f.kind] > KIND_RANK[g.lead.kind])) g.lead = f;
    } else groups.push({ start: f.start, end: f.end, lead: f });
  }

  const letters = new Map<string, string>();
  const out: Replacement[] = [];
  for (const g of groups) {
    const original = text.slice(g.start, g.end);
    const f = g.lead;
    let replacement: string;
    switch (f.kind) {
      case 'name': {
        let l = letters.get(f.clientId);
        if (!l) {
          l = letter(letters.size);
          letters.set(f.clientId, l);
        }
        let word: string = words.client;
        if (startsSentence(text, g.start)) word = word.charAt(0).toUpperCase() + word.slice(1);
        const poss = possessive(f, original);
        replacement = `${word} ${l}${poss ? `${poss.apostrophe}s` : ''}`;
        break;
      }
      case 'organization':
        replacement = words.organization;
        break;
      case 'identifier':
        replacement = words[identifierShape(original)];
        break;
      case 'detail':
        replacement = words.detail;
        break;
    }
    out.push({ start: g.start, end: g.end, original, text: replacement });
  }
  return out;
}

/** The text with the replacements applied (they must be in text order and non-overlapping). */
export function applyToText(text: string, replacements: readonly Replacement[]): string {
  let out = '';
  let at = 0;
  for (const r of replacements) {
    out += text.slice(at, r.start) + r.text;
    at = r.end;
  }
  return out + text.slice(at);
}
