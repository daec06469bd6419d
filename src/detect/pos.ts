/**
 * Part-of-speech evidence for the one hard case: a registered name that is also an ordinary word,
 * written with a capital at the start of a sentence ("Will you…" vs "Will called"). compromise
 * reads English; for Dutch sentences its modal-verb reading of "Will" is meaningless, so the
 * caller says which language the context is. Runs only on such rare candidates, never per token.
 */
import nlp from 'compromise';
import { isDutchWord } from './lexicon';
import type { Tokens } from './text';

const NOT_A_NAME = ['Verb', 'Modal', 'Auxiliary', 'Adverb', 'Adjective', 'Determiner', 'Preposition', 'Conjunction', 'Pronoun', 'QuestionWord'];

const windowCache = new Map<string, boolean>();

export function looksLikeSentenceInitialName(text: string, tokens: Tokens, i: number, dutchContext: boolean): boolean {
  // In a Dutch sentence, a Dutch word at the start is read as that word ("Wil je…", "Groen licht",
  // "Haar functie"); an English-only word is not ("Will heeft…").
  if (dutchContext) return !isDutchWord(tokens.key(i));
  // compromise needs only the first few words to tag the first one; cache by that window, since
  // the same openings recur ("Will you…", "Mark my…").
  const start = tokens.starts[i]!;
  let end = start;
  let words = 0;
  // Up to the sentence's end (. ! ? or a newline), five spaces or 80 characters; by char code.
  while (end < text.length && end - start < 80) {
    const c = text.charCodeAt(end);
    if (c === 46 || c === 33 || c === 63 || c === 10) break;
    if (c === 32 && ++words >= 5) break;
    end++;
  }
  const window = text.slice(start, end);
  let verdict = windowCache.get(window);
  if (verdict === undefined) {
    const first = nlp(window).terms().json()[0]?.terms?.[0] as { tags?: string[] } | undefined;
    const tags = first?.tags ?? [];
    verdict = tags.includes('Person') || tags.includes('FirstName') || !tags.some((t) => NOT_A_NAME.includes(t));
    if (windowCache.size > 5000) windowCache.clear();
    windowCache.set(window, verdict);
  }
  return verdict;
}

/**
 * Possible person names in a short text, by compromise's people() tagger (English-leaning).
 * compromise counts offsets on its own normalised text, so each span is re-found in the
 * original text and dropped when it cannot be located exactly.
 */
export function peopleHints(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const doc = nlp(text);
  const json = doc.people().json({ offset: true }) as { text?: string; offset?: { start: number; length: number } }[];
  for (const p of json) {
    const surface = (p.text ?? '').trim().replace(/[.,;:!?'"’)]+$/, '');
    if (!p.offset || !surface) continue;
    const at = text.indexOf(surface, Math.max(0, p.offset.start - 16));
    if (at < 0 || at > p.offset.start + 16) continue;
    out.push({ start: at, end: at + surface.length });
  }
  return out;
}
