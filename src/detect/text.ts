/**
 * Tokenising with folding: one pass over the text that yields word tokens with their
 * UTF-16 offsets in the ORIGINAL text and a folded key (lower case, no diacritics, ligatures
 * spelled out, zero-width and soft-hyphen characters dropped), so `Öztürk`, `OZTURK`,
 * `Oz\u200Bturk` and `ozturk` all have the key `ozturk`.
 *
 * Hot path: most characters are ASCII and take a table lookup; other characters are folded
 * once and cached. No regular expressions in the loop.
 */

/** Characters that vanish inside a word (zero-width space/joiners, word joiner, BOM, soft hyphen). */
const INVISIBLE = new Set([0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x00ad, 0x180e]);

/** Letters NFKD does not decompose but a Dutch reader treats as plain letters. */
const SPECIAL_FOLDS: Record<string, string> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ŀ: 'l', ħ: 'h', ŧ: 't',
};

const enum CharClass {
  Separator = 0,
  Word = 1,
  Invisible = 2,
}

const foldCache = new Map<number, string>();
const classCache = new Map<number, CharClass>();
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const MARK = /\p{M}/u;

function classify(code: number): CharClass {
  let c = classCache.get(code);
  if (c === undefined) {
    const ch = String.fromCharCode(code);
    if (INVISIBLE.has(code)) c = CharClass.Invisible;
    else if (LETTER_OR_DIGIT.test(ch)) c = CharClass.Word;
    // A combining mark continues the word it decorates (e.g. decomposed "e\u0301").
    else if (MARK.test(ch)) c = CharClass.Invisible;
    else c = CharClass.Separator;
    classCache.set(code, c);
  }
  return c;
}

/** Folded form of one BMP word character (may be 0, 1 or 2 characters long). */
function foldCode(code: number): string {
  let f = foldCache.get(code);
  if (f === undefined) {
    const ch = String.fromCharCode(code);
    const lower = ch.toLowerCase();
    f = SPECIAL_FOLDS[lower] ?? lower.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
    foldCache.set(code, f);
  }
  return f;
}

/**
 * The token keys of a short string (a registered name, word or identifier): `tokenize(s).keys`,
 * without building a token table for the common all-ASCII case (letters and digits lower-cased,
 * everything else separates, exactly as in `tokenize`).
 */
export function wordKeys(s: string): string[] {
  const n = s.length;
  for (let i = 0; i < n; i++) if (s.charCodeAt(i) >= 128) return tokenize(s).keys;
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i <= n; i++) {
    const word = i < n && isAsciiWordCode(s.charCodeAt(i));
    if (word) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      out.push(s.slice(start, i).toLowerCase());
      start = -1;
    }
  }
  return out;
}

/** Fold an arbitrary string the way token keys are folded, keeping only word characters and single spaces. */
export function foldText(s: string): string {
  return tokenize(s).keys.join(' ');
}

/** Polynomial string hash (mod 2^32), the same for registry keys and for text tokens. */
export const HASH_BASE = 0x01000193;

export function hashKey(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, HASH_BASE) + s.charCodeAt(i)) | 0;
  return h;
}

/** HASH_BASE's multiplicative inverse mod 2^32 (HASH_BASE is odd, so it has one). */
const HASH_BASE_INVERSE = 0x359c449b;

/**
 * hashKey(key.slice(0, -1)) from hashKey(key) and the key's last character code: the hash's last
 * step undone exactly (hashKey(key) = hashKey(stem) * HASH_BASE + last, mod 2^32). The tokenizer
 * used to store this for every token; only a token ending in 's' ever needs it.
 */
export function hashWithoutLast(hash: number, last: number): number {
  return Math.imul(hash - last, HASH_BASE_INVERSE) | 0;
}

/**
 * The tokens of a text: offsets into the ORIGINAL text, a hash of each folded key, and the keys
 * themselves made on demand. A scan of ordinary prose asks for very few keys (only around
 * registered words), so most tokens never become strings at all.
 */
export class Tokens {
  count = 0;
  /** Start offsets in the original text (UTF-16). */
  starts: Int32Array;
  /** End offsets (exclusive) in the original text. */
  ends: Int32Array;
  /** hashKey() of each folded key. */
  hashes: Int32Array;
  /** Tokens that are plain ASCII (their key is the lower-cased text). */
  ascii: Uint8Array;
  private cache: (string | undefined)[];
  /** The indexes of the keys in `cache`, so that reset clears just those (see there). */
  private cached: number[] = [];

  /**
   * Bumped each time `reset` gives this table to another text: a holder of the old tokens (a scan
   * result's lazy `other`) can tell they are gone.
   */
  generation = 0;

  constructor(public text: string, capacity: number) {
    this.starts = this.ends = this.hashes = new Int32Array(0);
    this.ascii = new Uint8Array(0);
    this.cache = [];
    this.allocate(capacity);
  }

  /** One backing buffer for all per-token arrays: a single allocation per scan, not four. */
  private allocate(capacity: number): void {
    const buffer = new ArrayBuffer(capacity * 13);
    const views = [0, 1, 2].map((k) => new Int32Array(buffer, k * capacity * 4, capacity));
    const ascii = new Uint8Array(buffer, capacity * 12, capacity);
    views[0]!.set(this.starts);
    views[1]!.set(this.ends);
    views[2]!.set(this.hashes);
    ascii.set(this.ascii);
    [this.starts, this.ends, this.hashes] = views as [Int32Array, Int32Array, Int32Array];
    this.ascii = ascii;
    // Keys are cached by index: a preallocated array stays in V8's fast elements (writing far
    // past the end of an empty array would turn it into a slow dictionary).
    const cache: (string | undefined)[] = new Array(capacity);
    for (let k = 0; k < this.cache.length; k++) cache[k] = this.cache[k];
    this.cache = cache;
  }

  /**
   * Empties the table for another text, keeping its buffers (a detector tokenises every scan into
   * one table instead of allocating five arrays of text length / 5 each time).
   */
  reset(text: string): void {
    // Clearing the keys made leaves every slot empty, so the tokenizer need not clear the slot
    // of each ASCII token it pushes. A scan makes keys for few tokens: clearing all slots below
    // count (Array.prototype.fill) took a tenth of tokenising a 100 KB text.
    const { cache, cached } = this;
    for (let m = 0; m < cached.length; m++) cache[cached[m]!] = undefined;
    cached.length = 0;
    this.text = text;
    this.count = 0;
    this.generation++;
  }

  /**
   * The folded key of token k; '' past the last token (a pattern read ahead of the text's end),
   * as a fresh table's zeroed offsets gave: a reused table holds an earlier text's offsets there.
   */
  key(k: number): string {
    if (k >= this.count) return '';
    let s = this.cache[k];
    if (s === undefined) {
      s = this.text.slice(this.starts[k]!, this.ends[k]!).toLowerCase();
      this.cache[k] = s;
      this.cached.push(k);
    }
    return s;
  }

  /** All keys (tests and small texts). */
  get keys(): string[] {
    const out: string[] = [];
    for (let k = 0; k < this.count; k++) out.push(this.key(k));
    return out;
  }

  /** @internal */
  push(start: number, end: number, hash: number, key: string | undefined): void {
    if (this.count === this.starts.length) this.grow();
    const k = this.count++;
    this.starts[k] = start;
    this.ends[k] = end;
    this.hashes[k] = hash;
    this.ascii[k] = key === undefined ? 1 : 0;
    if (key !== undefined) {
      this.cache[k] = key;
      this.cached.push(k);
    }
  }

  /** @internal Doubles the capacity (the per-token arrays are new objects afterwards). */
  grow(): void {
    this.allocate(this.starts.length * 2);
  }
}

/**
 * The UTF-16 code unit c is an ASCII letter or digit (a word character of the ASCII fast path);
 * false for every other code, a non-ASCII one included (its c | 32 is past 'z'). OR-ing in 0x20
 * lower-cases A-Z and leaves digits, so `c | 32` is also the folded code of such a character.
 * Two range tests rather than a table read, which V8 checks (map, bounds) at every character.
 */
function isAsciiWordCode(c: number): boolean {
  const lower = c | 32;
  return (lower >= 97 && lower <= 122) || (c >= 48 && c <= 57);
}

/**
 * text[p] is written in upper (or title) case: it has a different lower-case form, the notion
 * shapeOf uses too. ASCII by code, without a one-character string. True for 'É', 'ǅ' (title
 * case) and also for cased non-letters such as 'Ⅰ' and 'Ⓐ'; isUpperLetterAt excludes those.
 */
export function isUpperAt(text: string, p: number): boolean {
  const c = text.charCodeAt(p);
  if (c < 128) return c >= 65 && c <= 90;
  const ch = text[p]!;
  return ch !== ch.toLowerCase();
}
function isLowerCode(text: string, p: number): boolean {
  const c = text.charCodeAt(p);
  if (c < 128) return c >= 97 && c <= 122;
  const ch = text[p]!;
  return ch !== ch.toUpperCase();
}

/**
 * Pushes the token text[start, end) with its folded key and hash (the slow, general
 * form of the tokenizer's inner loop; used for the pieces of a camelCase hashtag).
 */
function pushSpan(tokens: Tokens, text: string, start: number, end: number): void {
  let ascii = true;
  for (let p = start; p < end; p++) if (text.charCodeAt(p) >= 128) ascii = false;
  if (ascii) {
    const k = text.slice(start, end).toLowerCase();
    tokens.push(start, end, hashKey(k), undefined);
    return;
  }
  pushFoldedSpan(tokens, text, start, end);
}

/** A span with non-ASCII characters: folded letter by letter (diacritics, ligatures; invisible characters dropped). */
function pushFoldedSpan(tokens: Tokens, text: string, start: number, end: number): void {
  let k = '';
  for (let p = start; p < end; p++) {
    const c = text.charCodeAt(p);
    if (c < 128) k += String.fromCharCode(c >= 65 && c <= 90 ? c + 32 : c);
    else if (classify(c) === CharClass.Word) k += foldCode(c);
  }
  // Trailing invisible characters do not belong to the token's span.
  // (Combining marks belong to the letter before them and stay.)
  while (end > start && INVISIBLE.has(text.charCodeAt(end - 1))) end--;
  if (k.length > 0) tokens.push(start, end, hashKey(k), k);
}

/**
 * A hashtag written in camelCase (#MariekeVerhoeven, #VerhoevenCoaching) is read as its words:
 * one token per camel segment, with no gap between them. A segment starts at a capital after a
 * lower-case letter, or at the last capital of a run of capitals followed by a lower-case letter
 * (#HRManager: HR, Manager), also when invisible characters stand before that capital.
 * Returns false (nothing pushed) when the word has no such boundary.
 */
function pushCamelSegments(tokens: Tokens, text: string, start: number, end: number): boolean {
  let segStart = start;
  for (let p = start + 1; p < end; p++) {
    if (!isUpperAt(text, p)) continue;
    // Invisible characters right before the capital (#Marieke\u200bVerhoeven) hide no boundary:
    // look past them. The segment before is trimmed of them (pushSpan), so a gap of invisible
    // characters only separates the two segments, which the engine reads as no gap at all.
    let q = p - 1;
    while (q > start && INVISIBLE.has(text.charCodeAt(q))) q--;
    const prevLower = isLowerCode(text, q);
    const upperThenLower = isUpperAt(text, q) && p + 1 < end && isLowerCode(text, p + 1);
    if (!prevLower && !upperThenLower) continue;
    pushSpan(tokens, text, segStart, p);
    segStart = p;
  }
  if (segStart === start) return false;
  pushSpan(tokens, text, segStart, end);
  return true;
}

/**
 * `splitHashtags`: read a camelCase word right after '#' as its camel segments (the scan does;
 * registry strings are never hashtags).
 */
export function tokenize(text: string, splitHashtags = false, into?: Tokens): Tokens {
  const n = text.length;
  let tokens: Tokens;
  if (into) {
    into.reset(text);
    tokens = into;
  } else {
    // Prose has about one token per six characters.
    tokens = new Tokens(text, Math.max(16, Math.ceil(n / 5)));
  }

  for (let i = 0; i < n; ) i = tokenizeChunk(tokens, text, i, Math.min(n, i + TOKENIZE_CHUNK), splitHashtags);
  return tokens;
}

/** Characters per tokenizeChunk call (see there). */
const TOKENIZE_CHUNK = 4096;

/**
 * The tokens that start in text[i, limit) (the last one may run past limit); returns where the
 * next chunk starts. tokenize calls this once per chunk rather than looping over the whole text
 * itself: a loop in a function entered once per scan runs on on-stack-replacement code, which V8
 * holds weakly and drops at every major GC, so the next scan tokenised unoptimised until a
 * recompile. A function called many times gets ordinary optimised code, which stays.
 */
function tokenizeChunk(tokens: Tokens, text: string, i: number, limit: number, splitHashtags: boolean): number {
  const n = text.length;
  // The table's arrays and count in locals: an ASCII token is written here directly (see
  // Tokens.push for the fields); helpers that push get the count back in the table first.
  let count = tokens.count;
  let starts = tokens.starts;
  let ends = tokens.ends;
  let hashes = tokens.hashes;
  let asciiFlags = tokens.ascii;
  // The character before text[i], when known (-1 at the text's start): a '#' there makes a hashtag.
  let before = i > 0 ? text.charCodeAt(i - 1) : -1;
  while (i < limit) {
    const code = text.charCodeAt(i);
    if (code < 128) {
      // !isAsciiWordCode(code), written out as in the token loop below.
      const lower = code | 32;
      if (!((lower >= 97 && lower <= 122) || (code >= 48 && code <= 57))) {
        before = code;
        i++;
        continue;
      }
    } else if ((code >= 0xd800 && code <= 0xdfff) || classify(code) !== CharClass.Word) {
      before = code;
      i++;
      continue;
    }
    // A token: scan to its end, hashing the lower-cased ASCII as we go (see isAsciiWordCode: the
    // word ends at anything else, a non-ASCII character included).
    const start = i;
    let h = 0;
    let j = i;
    // The character that ended the token (a separator; -1 at the text's end).
    let stop = -1;
    while (j < n) {
      const c = text.charCodeAt(j);
      // isAsciiWordCode(c), written out: the hash takes the same c | 32 (calling it in this loop
      // and the one above made tokenising a third slower).
      const lower = c | 32;
      if ((lower >= 97 && lower <= 122) || (c >= 48 && c <= 57)) {
        h = (Math.imul(h, HASH_BASE) + lower) | 0;
        j++;
      } else {
        stop = c;
        break;
      }
    }
    // A non-ASCII letter, mark or invisible character continues the word: the general loop from
    // here (such a token is folded and hashed again by pushFoldedSpan).
    let ascii = true;
    if (stop >= 128) {
      stop = -1;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c < 128) {
          if (!isAsciiWordCode(c)) {
            stop = c;
            break;
          }
        } else if ((c >= 0xd800 && c <= 0xdfff) || classify(c) === CharClass.Separator) {
          stop = c;
          break;
        } else ascii = false;
        j++;
      }
    }
    if (splitHashtags && before === 35 /* # */) {
      tokens.count = count;
      const split = pushCamelSegments(tokens, text, start, j);
      count = tokens.count;
      ({ starts, ends, hashes, ascii: asciiFlags } = tokens);
      if (split) {
        i = j;
        continue;
      }
    }
    if (ascii) {
      if (count === starts.length) {
        tokens.count = count;
        tokens.grow();
        ({ starts, ends, hashes, ascii: asciiFlags } = tokens);
      }
      starts[count] = start;
      ends[count] = j;
      hashes[count] = h;
      asciiFlags[count] = 1;
      count++;
    } else {
      tokens.count = count;
      pushFoldedSpan(tokens, text, start, j);
      count = tokens.count;
      ({ starts, ends, hashes, ascii: asciiFlags } = tokens);
    }
    // The separator that ended the token needs no second look.
    if (stop >= 0) {
      before = stop;
      i = j + 1;
    } else i = j;
  }
  tokens.count = count;
  return i;
}

/** Shape of a token as written: drives the "is this a name or a word" decision. */
export const enum Shape {
  Lower = 0,
  Title = 1,
  Upper = 2,
  Other = 3,
}

export function shapeOf(text: string, start: number, end: number): Shape {
  const c0 = text.charCodeAt(start);
  if (c0 >= 97 && c0 <= 122) return Shape.Lower;
  if (c0 >= 48 && c0 <= 57) return Shape.Other;
  const first = text[start]!;
  const firstUpper = first !== first.toLowerCase();
  if (!firstUpper) {
    return first !== first.toUpperCase() ? Shape.Lower : Shape.Other;
  }
  let lower = 0;
  let upper = 0;
  for (let p = start + 1; p < end; p++) {
    // ASCII without making a one-character string: A-Z upper, a-z lower, the rest neither.
    const c = text.charCodeAt(p);
    if (c < 128) {
      if (c >= 65 && c <= 90) upper++;
      else if (c >= 97 && c <= 122) lower++;
      continue;
    }
    const ch = text[p]!;
    if (ch !== ch.toLowerCase()) upper++;
    else if (ch !== ch.toUpperCase()) lower++;
  }
  if (upper > 0 && lower === 0) return Shape.Upper;
  return Shape.Title;
}

const LETTER = /\p{L}/u;

/**
 * text[p] is a capital letter, as in an initial ("J.", "Ö.", "ǅ."): isUpperAt and a letter, so a
 * Roman numeral 'Ⅰ' or a circled 'Ⓐ' is none.
 */
export function isUpperLetterAt(text: string, p: number): boolean {
  return isUpperAt(text, p) && (text.charCodeAt(p) < 128 || isLetterAt(text, p));
}

function isLetterAt(text: string, p: number): boolean {
  const c = text.charCodeAt(p);
  if (c < 128) return (c | 32) >= 97 && (c | 32) <= 122;
  return LETTER.test(text[p]!);
}

/**
 * True when the token at `start` begins a sentence, a line or the text (so a capital says nothing).
 * Ends of sentences: . ! ? newline : ; •. Skipped on the way back: quotes, brackets, dashes, '*',
 * '>', spaces, emoji and other symbols.
 */
export function isSentenceStart(text: string, start: number): boolean {
  let p = start - 1;
  while (p >= 0) {
    const code = text.charCodeAt(p);
    switch (code) {
      case 0x2e: // .
        // "J. de Vries": a single-letter initial before the dot does not end a sentence.
        if (p >= 1 && isUpperLetterAt(text, p - 1) && (p < 2 || !isLetterAt(text, p - 2))) return false;
        // Numbered list items ("1. Under ...") start a sentence too.
        return true;
      case 0x21: // !
      case 0x3f: // ?
      case 0x0a: // \n
      case 0x3a: // :
      case 0x3b: // ;
      case 0x2022: // •
        return true;
      case 0x22: // "
      case 0x27: // '
      case 0x201c: // “
      case 0x2018: // ‘
      case 0x28: // (
      case 0x5b: // [
      case 0xab: // «
      case 0x201e: // „
      case 0x2a: // *
      case 0x2d: // -
      case 0x2013: // –
      case 0x2014: // —
      case 0x3e: // >
      case 0x20: // space
      case 0x09: // \t
      case 0x0d: // \r
      case 0xa0: // no-break space
        p--;
        continue;
    }
    // Emoji and other symbols between sentences.
    if ((code >= 0xd800 && code <= 0xdfff) || (code >= 0x2000 && code <= 0x2bff) || code === 0xfe0f) {
      p--;
      continue;
    }
    return false;
  }
  return true;
}

/** The characters between two tokens (a, b) in the original text. */
export function gapBetween(text: string, tokens: Tokens, a: number, b: number): string {
  return text.slice(tokens.ends[a]!, tokens.starts[b]!);
}
