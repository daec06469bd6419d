/**
 * Bytes → text, without relying on the platform's legacy-encoding tables (pure, same result in
 * Node and every browser). UTF-8 with or without BOM, UTF-16 LE/BE with BOM (Excel's "Unicode
 * text", Outlook on some systems), and Windows-1252 when the bytes are not valid UTF-8 (older
 * Excel "CSV" on Windows); the caller turns that last case into a visible warning.
 */
import type { Problem, TextEncoding } from './problems';

export const MAX_FILE_BYTES = 64 * 1024 * 1024;

export type Decoded = { ok: true; text: string; encoding: TextEncoding } | { ok: false; problem: Problem };

/** Windows-1252 bytes 0x80–0x9F; the rest of the code page equals Latin-1. Undefined bytes map to U+FFFD. */
const CP1252_HIGH = [
  0x20ac, 0xfffd, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0xfffd, 0x017d, 0xfffd,
  0xfffd, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0xfffd, 0x017e, 0x0178,
];

const CHUNK = 8192;

function fromCodeUnits(units: ArrayLike<number>, length: number): string {
  let out = '';
  const buf = new Array<number>(Math.min(CHUNK, length));
  for (let start = 0; start < length; start += CHUNK) {
    const end = Math.min(start + CHUNK, length);
    buf.length = end - start;
    for (let i = start; i < end; i++) buf[i - start] = units[i]!;
    out += String.fromCharCode(...buf);
  }
  return out;
}

export function decodeWindows1252(bytes: Uint8Array): string {
  const units = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    units[i] = b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : b;
  }
  return fromCodeUnits(units, units.length);
}

function decodeUtf16(bytes: Uint8Array, littleEndian: boolean, offset: number): string {
  const n = Math.floor((bytes.length - offset) / 2);
  const units = new Uint16Array(n);
  for (let i = 0; i < n; i++) {
    const a = bytes[offset + 2 * i]!;
    const b = bytes[offset + 2 * i + 1]!;
    units[i] = littleEndian ? a | (b << 8) : (a << 8) | b;
  }
  // Lone surrogates would survive as-is; make them visible replacement characters instead.
  return fromCodeUnits(units, n).replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

function startsWith(bytes: Uint8Array, sig: readonly number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

/**
 * UTF-16 without a BOM: text in a Latin script then has a zero byte in every other position.
 * Checked on the first 4 KB; needs at least 4 bytes and a clear majority to avoid false hits.
 */
function utf16WithoutBom(bytes: Uint8Array): 'le' | 'be' | undefined {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero >= pairs * 0.6 && evenZero <= pairs * 0.1) return 'le';
  if (evenZero >= pairs * 0.6 && oddZero <= pairs * 0.1) return 'be';
  return undefined;
}

export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes.length > MAX_FILE_BYTES) {
    return { ok: false, problem: { code: 'file_too_large', params: { maxMb: MAX_FILE_BYTES / 1024 / 1024 } } };
  }
  // Excel workbooks (.xlsx/.ods are zip archives, .xls is an OLE container): a common mix-up.
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    return { ok: false, problem: { code: 'file_is_spreadsheet' } };
  }
  let text: string;
  let encoding: TextEncoding;
  if (startsWith(bytes, [0xff, 0xfe])) {
    text = decodeUtf16(bytes, true, 2);
    encoding = 'utf-16le';
  } else if (startsWith(bytes, [0xfe, 0xff])) {
    text = decodeUtf16(bytes, false, 2);
    encoding = 'utf-16be';
  } else if (utf16WithoutBom(bytes)) {
    const le = utf16WithoutBom(bytes) === 'le';
    text = decodeUtf16(bytes, le, 0);
    encoding = le ? 'utf-16le' : 'utf-16be';
  } else {
    const offset = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
    const body = bytes.subarray(offset);
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(body);
      encoding = 'utf-8';
    } catch {
      text = decodeWindows1252(body);
      encoding = 'windows-1252';
    }
  }
  if (text.includes('\u0000')) return { ok: false, problem: { code: 'file_not_text' } };
  return { ok: true, text, encoding };
}
