/**
 * Keys for recognising the same person twice: a name up to case, diacritics, apostrophe style and
 * whitespace; an e-mail address up to case; a phone number up to formatting and +31/0031 ↔ 0.
 * Keys are only compared, never stored or shown.
 */

export function nameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[\u2018\u2019\u0060\u00b4]/g, "'")
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

const EMAIL = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/;

export function isEmail(value: string): boolean {
  return EMAIL.test(value.trim().replace(/^mailto:/i, ''));
}

export function emailKey(value: string): string | undefined {
  const v = value.trim().replace(/^mailto:/i, '');
  return EMAIL.test(v) ? v.toLowerCase() : undefined;
}

/** Dutch and international numbers: starts with + or 0, 9–15 digits, only phone punctuation. */
export function phoneKey(value: string): string | undefined {
  let v = value.trim();
  if (!/^(\+|00|0|\(0)[\d\s().\/-]*$/.test(v)) return undefined;
  v = v.replace(/\(0\)/g, '');
  let digits = v.replace(/\D/g, '');
  if (v.startsWith('+')) digits = `00${digits}`;
  if (digits.startsWith('0031')) digits = `0${digits.slice(4)}`;
  if (digits.length < 9 || digits.length > 16) return undefined;
  return digits;
}

export function isPhone(value: string): boolean {
  return phoneKey(value) !== undefined;
}

/** Equality key for any identifier: e-mail and phone keys, otherwise case- and whitespace-insensitive text. */
export function identifierKey(value: string): string {
  const e = emailKey(value);
  if (e) return `e:${e}`;
  const p = phoneKey(value);
  if (p) return `p:${p}`;
  return `t:${value.toLowerCase().replace(/\s+/g, ' ').trim()}`;
}

/** Key for aliases and details: same as a name key. */
export const textKey = nameKey;
