/**
 * Dutch name knowledge: tussenvoegsels (particles) in every spelling, honorifics, and how a
 * registered name splits into given name, particles and surname core(s).
 * Works on folded keys (see text.ts): lower case, no diacritics, apostrophes and dots removed.
 */
import { wordKeys } from './text';

/** Particles (tussenvoegsels and foreign equivalents), folded. `t` is `'t`. */
export const PARTICLES = new Set([
  'van', 'de', 'der', 'den', 'het', 't', 'te', 'ter', 'ten', 'in', 'op', 'aan', 'uit', 'bij', 'onder', 'voor', 'over',
  'vd', 'la', 'le', 'du', 'da', 'di', 'del', 'della', 'dos', 'das', 'do', 'el', 'al', 'von', 'zu', 'zur', 'y', 'ibn', 'bin',
]);

/** Titles and forms of address that may stand before a surname (folded, without dots). */
export const HONORIFICS = new Set([
  'mevrouw', 'mevr', 'mw', 'mevrouwe', 'meneer', 'mnr', 'heer', 'dhr', 'mr', 'mrs', 'ms', 'miss', 'mister', 'dr', 'drs', 'ir',
  'ing', 'prof', 'mej', 'juffrouw', 'collega', 'sir', 'madam', 'dame',
]);

/**
 * Spelling variants of one particle as token sequences: `der` may be written `d` (from `v.d.`),
 * `'t` may be `t` or `het`.
 */
function particleVariants(p: string): string[][] {
  switch (p) {
    case 'van':
      return [['van'], ['v']];
    case 'der':
      return [['der'], ['d'], ['dr']];
    case 'den':
      return [['den'], ['d']];
    case 'de':
      return [['de'], ['d']];
    case 't':
    case 'het':
      return [['t'], ['het']];
    default:
      return [[p]];
  }
}

const spellingCache = new Map<string, string[][]>();

/**
 * Every way a particle sequence may be written, longest first. E.g. van der → van der, v d, vd,
 * vdr, van d, v der. Cached: thousands of clients share a handful of particle sequences, and
 * share the arrays too.
 */
export function particleSpellings(particles: string[]): string[][] {
  const key = particles.join(' ');
  let cached = spellingCache.get(key);
  if (!cached) spellingCache.set(key, (cached = computeSpellings(particles)));
  return cached;
}

function computeSpellings(particles: string[]): string[][] {
  let combos: string[][] = [[]];
  for (const p of particles) {
    const next: string[][] = [];
    for (const c of combos) for (const v of particleVariants(p)) next.push([...c, ...v]);
    combos = next;
  }
  // Contractions: vd / vdr / v/d for van de(r|n).
  if (particles.length === 2 && particles[0] === 'van' && ['de', 'der', 'den'].includes(particles[1]!)) {
    const second = particles[1]!;
    combos.push(['vd'], second === 'der' ? ['vdr'] : ['vd'], ['van' + second]);
  }
  const seen = new Set<string>();
  const unique = combos.filter((c) => {
    const k = c.join(' ');
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  return unique.sort((a, b) => b.length - a.length);
}

const wordKeyCache = new Map<string, string[]>();

/** Folded token keys of a short string (a word or a name), cached: registries repeat names a lot. */
export function keysOf(s: string): string[] {
  let k = wordKeyCache.get(s);
  if (!k) {
    if (wordKeyCache.size > 100_000) wordKeyCache.clear();
    k = wordKeys(s);
    wordKeyCache.set(s, k);
  }
  return k;
}

export interface SurnameUnit {
  /** Particles in canonical folded form, e.g. ['van', 't']. */
  particles: string[];
  /** Alternative token sequences for the core, e.g. [['o','connor'], ['oconnor']]. */
  cores: string[][];
  /** Folded first letter of the core, for "Tim de R.". */
  initial: string;
}

export interface ParsedName {
  given: string[];
  /** One unit, or two for a double surname (Verhoeven-de Bruijn). */
  surnames: SurnameUnit[];
}

/** Alternative token sequences for a name part that contains an apostrophe (O'Connor → o connor | oconnor). */
export function coreVariants(raw: string): string[][] {
  const tokens = keysOf(raw);
  if (tokens.length <= 1) return [tokens];
  return [tokens, [tokens.join('')]];
}

/**
 * Splits a registered full name. The first word is the given name (two words when the name has
 * no particle and three or more words: "Mary Ann Smith"); particles are recognised in any case;
 * a hyphen separates the two halves of a double surname.
 */
/** A particle word ("'t"/"’t" included), unless capitalised with four letters or more ("Voor", "Over" as a surname). */
function isParticle(w: string): boolean {
  const k = keysOf(w);
  return k.length === 1 && PARTICLES.has(k[0]!) && !/^\p{Lu}\p{L}{3,}/u.test(w);
}

const HYPHEN_INSIDE = /\S-\S/;

export function parseName(name: string): ParsedName {
  const words = name.trim().split(/\s+/);
  if (words.length === 1) return { given: keysOf(words[0]!), surnames: [] };

  // The surname starts at the first particle, else at the first hyphenated word (double
  // surname), else it is the last word.
  // One loop, no closures or index arrays: the earlier of the two is the first word after the
  // first that is either.
  const n = words.length;
  let surnameStart = n - 1;
  for (let i = 1; i < n; i++) {
    const w = words[i]!;
    if (isParticle(w) || HYPHEN_INSIDE.test(w)) {
      surnameStart = i;
      break;
    }
  }
  const given = surnameStart === 1 ? keysOf(words[0]!) : words.slice(0, surnameStart).flatMap((w) => keysOf(w));
  return { given, surnames: parseSurname(surnameStart === n - 1 ? words[n - 1]! : words.slice(surnameStart).join(' ')) };
}

const surnameCache = new Map<string, SurnameUnit[]>();

/**
 * The surname part of a name, split into units. Cached, like keysOf: registries repeat surnames
 * a lot, and callers share the (read-only) result.
 */
function parseSurname(surnameText: string): SurnameUnit[] {
  let cached = surnameCache.get(surnameText);
  if (cached) return cached;
  if (surnameCache.size > 100_000) surnameCache.clear();
  // Split the surname part on hyphens into units: "Verhoeven-de Bruijn" → "Verhoeven", "de Bruijn".
  const halves = surnameText.split(/\s*-\s*(?=\S)/).filter(Boolean);
  const surnames: SurnameUnit[] = [];
  // A hyphen inside a single word that is not a double surname ("El-Amrani") stays one core.
  const units = halves.length > 1 && halves.every((h) => h.length > 1) ? halves : [surnameText];
  for (const unit of units) {
    const uw = unit.split(/\s+/);
    const particles: string[] = [];
    let i = 0;
    while (i < uw.length - 1 && isParticle(uw[i]!)) {
      const k = keysOf(uw[i]!)[0]!;
      particles.push(k === 'het' ? 't' : k);
      i++;
    }
    const coreRaw = uw.slice(i).join(' ');
    const cores = coreVariants(coreRaw);
    const initial = cores[0]?.[0]?.[0] ?? '';
    if (cores[0]?.length) surnames.push({ particles, cores, initial });
  }
  surnameCache.set(surnameText, (cached = surnames));
  return cached;
}
