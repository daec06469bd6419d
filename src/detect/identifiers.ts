/**
 * Strong identifiers in any formatting: e-mail addresses (any case), phone numbers
 * (06-12345678, 0612345678, 06 12 34 56 78, +31 6 1234 5678, 0031 6…, +31 (0)6…),
 * URLs with or without scheme or www., and other registered strings (file numbers,
 * street + number) which are matched as token phrases elsewhere.
 */

import type { Tokens } from './text';

export type IdentifierType = 'email' | 'phone' | 'url' | 'other';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE_CHARS = /^[+()\d\s\-./]+$/;
const URL_LIKE = /^(?:https?:\/\/)?(?:www\.)?[\p{L}\d-]+(?:\.[\p{L}\d-]+)+(?:\/\S*)?$/iu;

export function identifierType(raw: string): IdentifierType {
  const s = raw.trim();
  if (s.includes('@')) return EMAIL.test(s) ? 'email' : 'other';
  const c0 = s.charCodeAt(0);
  if ((c0 === 43 || (c0 >= 48 && c0 <= 57) || c0 === 40) && PHONE_CHARS.test(s) && digitCount(s) >= 8) return 'phone';
  if (!s.includes('.')) return 'other';
  if (URL_LIKE.test(s) && /[a-z]\.[a-z]{2,}/i.test(s)) return 'url';
  return 'other';
}

/**
 * The ASCII digits of s, in order. Joined from runs of digits (one slice per run, not one string
 * per digit): "06-12345678" is two slices and one join.
 */
function digitsOf(s: string): string {
  let d = '';
  let run = -1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (run < 0) run = i;
    } else if (run >= 0) {
      d += s.slice(run, i);
      run = -1;
    }
  }
  if (run >= 0) d += s.slice(run);
  return d;
}

function digitCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
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


const EMAIL_LOCAL = /[\p{L}\p{N}._%+'-]/u;
const EMAIL_DOMAIN = /[\p{L}\p{N}.-]/u;

/**
 * text[k] matches `re` (EMAIL_LOCAL or EMAIL_DOMAIN). ASCII by its code: letters, digits and the
 * class's punctuation, without a one-character string and a regular expression per character.
 */
function isEmailChar(text: string, k: number, re: RegExp): boolean {
  const c = text.charCodeAt(k);
  if (c >= 128) return re.test(text[k]!);
  if ((c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122) || c === 46 || c === 45) return true;
  return re === EMAIL_LOCAL && (c === 95 || c === 37 || c === 43 || c === 39);
}

/** E-mail addresses: grown outwards from each '@', so a long text without '@' costs one indexOf. */
export function findEmails(text: string): Span[] {
  const out: Span[] = [];
  let at = text.indexOf('@');
  while (at >= 0) {
    let s = at;
    while (s > 0 && isEmailChar(text, s - 1, EMAIL_LOCAL)) s--;
    let e = at + 1;
    while (e < text.length && isEmailChar(text, e, EMAIL_DOMAIN)) e++;
    // No trailing dots or hyphens ("mail me at a@b.nl.").
    while (e > at + 1 && (text.charCodeAt(e - 1) === 46 || text.charCodeAt(e - 1) === 45)) e--;
    const domain = text.slice(at + 1, e);
    if (s < at && /^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+$/u.test(domain)) out.push({ start: s, end: e, value: text.slice(s, e) });
    at = text.indexOf('@', Math.max(e, at + 1));
  }
  return out;
}

/**
 * Phone numbers, found from the digit tokens the tokenizer already produced: a run of digit
 * groups joined by phone separators (space, -, ., /, parentheses), optionally led by "+", with
 * 8 to 15 digits in all. Ordinary numbers ("2 april", "14.00 uur") have too few digits.
 */
export function findPhones(text: string, tokens: Tokens): Span[] {
  const out: Span[] = [];
  const { count, starts, ends } = tokens;
  for (let i = nextDigitToken(text, starts, 0, count); i < count; i = nextDigitToken(text, starts, i + 1, count)) {
    let digits = digitTokenLength(tokens, i);
    if (digits < 0) continue;
    let j = i;
    while (j + 1 < count && digits < 15) {
      if (!isPhoneGap(text, ends[j]!, starts[j + 1]!)) break;
      const next = digitTokenLength(tokens, j + 1);
      if (next < 0) break;
      digits += next;
      j++;
    }
    if (digits >= 8 && digits <= 15) {
      let start = starts[i]!;
      if (start > 0 && text.charCodeAt(start - 1) === 43 /* + */) start--;
      else if (start > 0 && text.charCodeAt(start - 1) === 40 /* ( */) start--;
      out.push({ start, end: ends[j]!, value: text.slice(start, ends[j]!) });
    }
    i = j;
  }
  return out;
}

/**
 * The first token from `from` on that starts with an ASCII digit, else count. Checked on the text,
 * so other tokens never become strings; a loop of its own, as nearly all of a text's tokens are
 * words and this is the whole cost of a text without phone numbers.
 */
function nextDigitToken(text: string, starts: Int32Array, from: number, count: number): number {
  for (let i = from; i < count; i++) {
    const c = text.charCodeAt(starts[i]!);
    if (c >= 48 && c <= 57) return i;
  }
  return count;
}

/** The length of token k's key when it is all ASCII digits (/^\d+$/), else -1; ASCII tokens without their key string. */
function digitTokenLength(tokens: Tokens, k: number): number {
  if (tokens.ascii[k]) {
    const text = tokens.text;
    const e = tokens.ends[k]!;
    for (let p = tokens.starts[k]!; p < e; p++) {
      const c = text.charCodeAt(p);
      if (c < 48 || c > 57) return -1;
    }
    return e - tokens.starts[k]!;
  }
  const key = tokens.key(k);
  for (let p = 0; p < key.length; p++) {
    const c = key.charCodeAt(p);
    if (c < 48 || c > 57) return -1;
  }
  return key.length > 0 ? key.length : -1;
}

/** \s of a regular expression, by code. */
function isSpaceCode(c: number): boolean {
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/**
 * text[a, b) is a separator inside a phone number: /^(?:[ \-./]|\s?\(0\)\s?| \(|\) ?|\s?-\s?)$/,
 * read in place: one of " - . / )", " (", ") ", or "-" or "(0)" with at most one \s on either side.
 */
function isPhoneGap(text: string, a: number, b: number): boolean {
  const len = b - a;
  if (len === 1) {
    const c = text.charCodeAt(a);
    return c === 32 || c === 45 || c === 46 || c === 47 || c === 41;
  }
  if (len < 2 || len > 5) return false;
  const c0 = text.charCodeAt(a);
  const c1 = text.charCodeAt(a + 1);
  if (len === 2 && ((c0 === 32 && c1 === 40) || (c0 === 41 && c1 === 32))) return true;
  let p = a;
  let q = b;
  if (isSpaceCode(c0)) p++;
  if (q - 1 > p && isSpaceCode(text.charCodeAt(q - 1))) q--;
  if (q - p === 1) return text.charCodeAt(p) === 45;
  return q - p === 3 && text.charCodeAt(p) === 40 && text.charCodeAt(p + 1) === 48 && text.charCodeAt(p + 2) === 41;
}
