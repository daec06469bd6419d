/**
 * Is a folded word an ordinary Dutch or English word? Backed by real word lists from npm
 * (see scripts/build-lexicon.ts), kept as two sorted strings and searched by binary search:
 * a few megabytes of string, no per-word objects on the heap.
 */
import data from './common-words.generated.json';

class SortedWordList {
  private readonly offsets: Uint32Array;
  constructor(private readonly blob: string) {
    let count = 1;
    for (let i = 0; i < blob.length; i++) if (blob.charCodeAt(i) === 10) count++;
    this.offsets = new Uint32Array(count + 1);
    let w = 1;
    for (let i = 0; i < blob.length; i++) if (blob.charCodeAt(i) === 10) this.offsets[w++] = i + 1;
    this.offsets[count] = blob.length + 1;
  }
  has(word: string): boolean {
    let lo = 0;
    let hi = this.offsets.length - 2;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const s = this.offsets[mid]!;
      const e = this.offsets[mid + 1]! - 1;
      const cmp = compare(word, this.blob, s, e);
      if (cmp === 0) return true;
      if (cmp < 0) hi = mid - 1;
      else lo = mid + 1;
    }
    return false;
  }
}

function compare(word: string, blob: string, s: number, e: number): number {
  const len = e - s;
  const n = Math.min(word.length, len);
  for (let i = 0; i < n; i++) {
    const d = word.charCodeAt(i) - blob.charCodeAt(s + i);
    if (d !== 0) return d;
  }
  return word.length - len;
}

let lists: { nl: SortedWordList; en: SortedWordList } | null = null;

function load() {
  lists ??= { nl: new SortedWordList((data as { nl: string }).nl), en: new SortedWordList((data as { en: string }).en) };
  return lists;
}

export function isDutchWord(folded: string): boolean {
  return load().nl.has(folded);
}

export function isEnglishWord(folded: string): boolean {
  return load().en.has(folded);
}

/** True for ordinary words in either language ("boer", "will", "jade", "best"). */
export function isCommonWord(folded: string): boolean {
  const l = load();
  return l.nl.has(folded) || l.en.has(folded);
}

const SUFFIXES = ['ste', 'sten', 'ten', 'den', 'ere', 'en', 'es', 'er', 'st', 'te', 'de', 'ed', 'ing', 'ly', 'e', 's', 't', 'd'];

/**
 * An ordinary word or an inflected form of one ("sterke" ← sterk, "sterren" ← ster, "grote" ←
 * groot, "walked" ← walk). The word lists hold stems; this keeps a typo matcher from reading
 * an inflection as a misspelt name.
 */
export function isCommonWordOrInflection(folded: string): boolean {
  if (isCommonWord(folded)) return true;
  for (const suffix of SUFFIXES) {
    if (!folded.endsWith(suffix) || folded.length - suffix.length < 3) continue;
    const stem = folded.slice(0, folded.length - suffix.length);
    if (isCommonWord(stem)) return true;
    // Doubled consonant: sterr-en → ster; undoubled vowel: grot-e → groot.
    const n = stem.length;
    if (stem[n - 1] === stem[n - 2] && isCommonWord(stem.slice(0, -1))) return true;
    if (/[^aeiou][aeiou][^aeiou]$/.test(stem) && isCommonWord(stem.slice(0, n - 1) + stem[n - 2] + stem[n - 1])) return true;
    // Dutch f/v and s/z alternation: liev-e → lief, huiz-en → huis (also with a doubled vowel: lev-en → leef).
    const last = stem[n - 1];
    if (last === 'v' || last === 'z') {
      const hard = stem.slice(0, -1) + (last === 'v' ? 'f' : 's');
      if (isCommonWord(hard)) return true;
      if (/[^aeiou][aeiou][fs]$/.test(hard) && isCommonWord(hard.slice(0, -1) + hard[n - 2] + hard[n - 1])) return true;
    }
  }
  return false;
}
