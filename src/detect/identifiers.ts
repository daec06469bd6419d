/**
 * Strong identifiers in any formatting: e-mail addresses (any case), phone numbers
 * (06-12345678, 0612345678, 06 12 34 56 78, +31 6 1234 5678, 0031 6…, +31 (0)6…),
 * URLs with or without scheme or www., and other registered strings (file numbers,
 * street + number) which are matched as token phrases elsewhere.
 */

export type IdentifierType = 'email' | 'phone' | 'url' | 'other';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE_CHARS = /^[+()\d\s\-./]+$/;
const URL_LIKE = /^(?:https?:\/\/)?(?:www\.)?[\p{L}\d-]+(?:\.[\p{L}\d-]+)+(?:\/\S*)?$/iu;

export function identifierType(raw: string): IdentifierType {
  const s = raw.trim();
  if (EMAIL.test(s)) return 'email';
  if (PHONE_CHARS.test(s) && digitsOf(s).length >= 8) return 'phone';
  if (URL_LIKE.test(s) && /[a-z]\.[a-z]{2,}/i.test(s)) return 'url';
  return 'other';
}

function digitsOf(s: string): string {
  let d = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) d += s[i];
  }
  return d;
}

/**
 * Canonical national form of a phone number: digits only, the Dutch country code folded into
 * the trunk prefix (+31 6… and 0031 6… and +31 (0)6… become 06…).
 */
export function canonicalPhone(raw: string): string {
  let s = raw.trim().replace(/\(0\)/g, '');
  let d = digitsOf(s);
  const plus = s.startsWith('+');
  if (plus && d.startsWith('31')) d = '0' + d.slice(2);
  else if (!plus && d.startsWith('0031')) d = '0' + d.slice(4);
  else if (plus) d = '+' + d;
  return d;
}

export function canonicalEmail(raw: string): string {
  return raw.trim().toLowerCase();
}

/** URL without scheme, www., trailing slash, query or fragment; lower case. */
export function canonicalUrl(raw: string): string {
  return raw
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/^www\./, '')
    .replace(/[?#].*$/, '')
    .replace(/\/+$/, '');
}

/** Candidate spans in a text, found with cheap scans (run only when the text holds '@', digits or dots). */
export interface Span {
  start: number;
  end: number;
  value: string;
}

// e-mail: local@domain.tld ; trailing dots are trimmed.
const EMAIL_IN_TEXT = /[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
// Phone: optional +, then digits with separators; at least 8 digits, checked after.
const PHONE_IN_TEXT = /(?:\+|\b00)?\d(?:[\s\-./]?(?:\(0\))?[\s\-./]?\d){7,14}\b/g;

export function findEmails(text: string): Span[] {
  if (text.indexOf('@') < 0) return [];
  return [...text.matchAll(EMAIL_IN_TEXT)].map((m) => ({ start: m.index!, end: m.index! + m[0].length, value: m[0] }));
}

export function findPhones(text: string): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(PHONE_IN_TEXT)) {
    const d = digitsOf(m[0]);
    if (d.length < 8 || d.length > 15) continue;
    out.push({ start: m.index!, end: m.index! + m[0].length, value: m[0] });
  }
  return out;
}
