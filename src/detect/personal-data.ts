/**
 * Personal data that is NOT registered to a client, reported separately from client findings:
 * BSN (with the elfproef), IBAN (mod-97), phone numbers, e-mail addresses, dates of birth,
 * postcode + house number, and possible person names (hints).
 *
 * Driven by the token stream the detector already has, so a long text is not re-scanned by a
 * row of regular expressions.
 */
import { isCommonWord } from './lexicon';
import { HONORIFICS, PARTICLES } from './name-parts';
import { canonicalPhone, type Span } from './identifiers';
import { peopleHints } from './pos';
import { isSentenceStart, Shape, shapeOf, type Tokens } from './text';
import type { Finding, OtherFinding } from './types';

/** compromise's people tagger is the slow part: only for message-sized texts. */
const PEOPLE_TAGGER_MAX_LENGTH = 4000;

export function isValidBsn(digits: string): boolean {
  if (!/^\d{9}$/.test(digits) || /^0+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * Number(digits[i]);
  sum -= Number(digits[8]);
  return sum % 11 === 0;
}

export function isValidIban(raw: string): boolean {
  const s = raw.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(s)) return false;
  if (s.startsWith('NL') && s.length !== 18) return false;
  const rearranged = s.slice(4) + s.slice(0, 4);
  let rem = 0;
  for (const ch of rearranged) {
    const v = ch >= 'A' ? (ch.charCodeAt(0) - 55).toString() : ch;
    for (const d of v) rem = (rem * 10 + Number(d)) % 97;
  }
  return rem === 1;
}

const BIRTH_WORDS = new Set(['geboren', 'geb', 'geboortedatum', 'born', 'dob', 'birth', 'geboortedag', 'verjaardag', 'birthday']);
const MONTHS = new Set([
  'januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december',
  'jan', 'feb', 'mrt', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'okt', 'oct', 'nov', 'dec',
  'january', 'february', 'march', 'may', 'june', 'july', 'august', 'october',
]);

function isDigits(k: string): boolean {
  for (let i = 0; i < k.length; i++) {
    const c = k.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return k.length > 0;
}

export function findOtherPersonalData(
  text: string,
  tokens: Tokens,
  findings: Finding[],
  spans: { emails: Span[]; phones: Span[] },
): OtherFinding[] {
  const out: OtherFinding[] = [];
  // Characters already claimed by a client finding or an earlier report: one mark per character,
  // so a long text with many hints stays linear.
  const claimed = new Uint8Array(text.length);
  for (const f of findings) claimed.fill(1, f.start, f.end);
  const push = (o: OtherFinding) => {
    for (let k = o.start; k < o.end; k++) if (claimed[k]) return;
    claimed.fill(1, o.start, o.end);
    out.push(o);
  };

  for (const e of spans.emails) push({ start: e.start, end: e.end, kind: 'email', evidence: 'e-mail address' });

  const { starts, ends, count } = tokens;
  const key = (k: number) => tokens.key(k);
  for (let i = 0; i < count; i++) {
    const k = key(i);
    const c0 = k.charCodeAt(0);
    if (c0 >= 48 && c0 <= 57) {
      // BSN: nine digits, possibly as 123.456.782 or 123 456 782.
      let digits = k;
      let j = i;
      while (digits.length < 9 && j + 1 < count && isDigits(key(j + 1)) && /^[ .]$/.test(text.slice(ends[j]!, starts[j + 1]!))) {
        digits += key(++j);
      }
      if (digits.length === 9 && isDigits(digits) && isValidBsn(digits)) {
        push({ start: starts[i]!, end: ends[j]!, kind: 'bsn', evidence: 'BSN (passes the elfproef)' });
        i = j;
        continue;
      }
      // Postcode + house number: "1234 AB 12", "1234AB, 12", or "Straat 12, 1234 AB".
      if (k.length === 4 && i + 1 < count) {
        const letters = key(i + 1);
        const glued = starts[i + 1] === ends[i];
        const pcLetters = /^[a-z]{2}$/.test(letters) && /^[A-Z]{2}$/.test(text.slice(starts[i + 1]!, ends[i + 1]!));
        if (pcLetters && (glued || text.slice(ends[i]!, starts[i + 1]!) === ' ')) {
          const after = i + 2 < count && isDigits(key(i + 2)) && /^[\s,]{1,3}$/.test(text.slice(ends[i + 1]!, starts[i + 2]!)) ? i + 2 : -1;
          const before = i >= 1 && isDigits(key(i - 1)) && /^\s*,\s*$/.test(text.slice(ends[i - 1]!, starts[i]!)) ? i - 1 : -1;
          if (after >= 0 || before >= 0) {
            push({ start: starts[before >= 0 ? before : i]!, end: ends[after >= 0 ? after : i + 1]!, kind: 'postcode', evidence: 'postcode and house number' });
          }
        }
      }
      continue;
    }
    // IBAN: NL91ABNA0417164300, also in groups of four.
    if (k.length >= 4 && /^[a-z]{2}\d{2}/.test(k) && /^[A-Z]{2}/.test(text.slice(starts[i]!, starts[i]! + 2))) {
      let raw = text.slice(starts[i]!, ends[i]!);
      let j = i;
      while (raw.replace(/\s/g, '').length < 34 && j + 1 < count && text.slice(ends[j]!, starts[j + 1]!) === ' ' && /^[a-z0-9]{1,4}$/.test(key(j + 1))) {
        const candidate = raw + ' ' + text.slice(starts[j + 1]!, ends[j + 1]!);
        if (isValidIban(raw)) break;
        raw = candidate;
        j++;
      }
      if (isValidIban(raw)) {
        push({ start: starts[i]!, end: ends[j]!, kind: 'iban', evidence: 'IBAN (passes the mod-97 check)' });
        i = j;
      }
      continue;
    }
    // Date of birth: a birth word followed closely by a date.
    if (BIRTH_WORDS.has(k)) {
      const windowEnd = Math.min(count, i + 8);
      for (let j = i + 1; j < windowEnd; j++) {
        if (!isDigits(key(j))) continue;
        // d-m-yyyy / d/m/yyyy / d month yyyy
        let e = j;
        const parts = [key(j)];
        while (e + 1 < count && parts.length < 3 && (isDigits(key(e + 1)) || MONTHS.has(key(e + 1))) && /^[\s\-/.]{1,2}$/.test(text.slice(ends[e]!, starts[e + 1]!))) {
          parts.push(key(++e));
        }
        if (parts.length === 3 && /^\d{4}$/.test(parts[2]!)) {
          push({ start: starts[j]!, end: ends[e]!, kind: 'birthdate', evidence: 'date of birth' });
          i = e;
        }
        break;
      }
    }
  }

  // A phone number: Dutch national format (0 + 9 digits) or international (+ and 10–14 digits).
  for (const p of spans.phones) {
    const canonical = canonicalPhone(p.value);
    if (/^0\d{9}$/.test(canonical) || /^\+\d{10,14}$/.test(canonical)) push({ start: p.start, end: p.end, kind: 'phone', evidence: 'phone number' });
  }

  // Possible person names that are not registered: a form of address before a capitalised word,
  // or Name (particles) Surname; and compromise's people tagger for message-sized texts.
  for (let i = 0; i + 1 < count; i++) {
    const k = key(i);
    if (HONORIFICS.has(k)) {
      let j = i + 1;
      while (j < count && PARTICLES.has(key(j))) j++;
      if (j < count && shapeOf(text, starts[j]!, ends[j]!) === Shape.Title && /^[.\s]{1,3}$/.test(text.slice(ends[i]!, starts[i + 1]!))) {
        push({ start: starts[i + 1]!, end: ends[j]!, kind: 'person-hint', evidence: 'name after a form of address' });
        i = j;
      }
      continue;
    }
    if (shapeOf(text, starts[i]!, ends[i]!) !== Shape.Title || isCommonWord(k)) continue;
    let j = i + 1;
    while (j < count && PARTICLES.has(key(j)) && shapeOf(text, starts[j]!, ends[j]!) === Shape.Lower) j++;
    if (j < count && j - i <= 3 && shapeOf(text, starts[j]!, ends[j]!) === Shape.Title && !isCommonWord(key(j))) {
      let ok = true;
      for (let m = i; m < j; m++) if (!/^[ \u00a0]$/.test(text.slice(ends[m]!, starts[m + 1]!))) ok = false;
      if (ok && (!isSentenceStart(text, starts[i]!) || j > i + 1 || !isCommonWord(k))) {
        push({ start: starts[i]!, end: ends[j]!, kind: 'person-hint', evidence: 'looks like a first name and surname' });
        i = j;
      }
    }
  }
  if (text.length <= PEOPLE_TAGGER_MAX_LENGTH) {
    for (const h of peopleHints(text)) push({ start: h.start, end: h.end, kind: 'person-hint', evidence: 'looks like a person (language model)' });
  }
  return out.sort((a, b) => a.start - b.start);
}
