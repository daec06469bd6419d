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

export function findEmails(text: string): Span[] {
  if (text.indexOf('@') < 0) return [];
  return [...text.matchAll(EMAIL_IN_TEXT)].map((m) => ({ start: m.index!, end: m.index! + m[0].length, value: m[0] }));
}

/**
 * Phone numbers, found from the digit tokens the tokenizer already produced: a run of digit
 * groups joined by phone separators (space, -, ., /, parentheses), optionally led by "+", with
 * 8 to 15 digits in all. Ordinary numbers ("2 april", "14.00 uur") have too few digits.
 */
export function findPhones(text: string, tokens: { count: number; keys: string[]; starts: Int32Array; ends: Int32Array }): Span[] {
  const out: Span[] = [];
  const { count, keys, starts, ends } = tokens;
  for (let i = 0; i < count; i++) {
    const c = keys[i]!.charCodeAt(0);
    if (c < 48 || c > 57 || !/^\d+$/.test(keys[i]!)) continue;
    let digits = keys[i]!.length;
    let j = i;
    while (j + 1 < count && digits < 15) {
      const gap = text.slice(ends[j]!, starts[j + 1]!);
      if (!/^(?:[ \-./]|\s?\(0\)\s?| \(|\) ?|\s?-\s?)$/.test(gap) || !/^\d+$/.test(keys[j + 1]!)) break;
      digits += keys[++j]!.length;
    }
    if (digits >= 8 && digits <= 15) {
      let start = starts[i]!;
      if (start > 0 && text[start - 1] === '+') start--;
      else if (start > 0 && text[start - 1] === '(' ) start--;
      out.push({ start, end: ends[j]!, value: text.slice(start, ends[j]!) });
    }
    i = j;
  }
  return out;
}
