/**
 * The detector: finds every mention of a registered client in a text, and stays quiet where a
 * reader would.
 *
 * Build: every registered item becomes one or more *patterns* (token sequences) anchored on one
 * distinctive token (a given name, a surname core, an alias, an organisation's distinctive word,
 * a detail, an identifier token). Scan: one tokenising pass; each token is looked up in the anchor
 * map (a single hash lookup for the vast majority of tokens, which match nothing); hits are
 * extended to the full pattern (particles in any spelling, initials, honorifics, possessives)
 * and judged by context (case, sentence start, ordinary-word lexicon, namesakes).
 */
import type { Client, Registry } from '../registry';
import { canonicalEmail, canonicalPhone, findEmails, findPhones, identifierType } from './identifiers';
import { isCommonWord, isCommonWordOrInflection, isDutchWord, isEnglishWord } from './lexicon';
import { HONORIFICS, keysOf, PARTICLES, particleSpellings, parseName, type SurnameUnit } from './name-parts';
import { findOtherPersonalData } from './personal-data';
import { looksLikeSentenceInitialName } from './pos';
import { hashKey, HASH_BASE, hashWithoutLast, isSentenceStart, isUpperAt, isUpperLetterAt, Shape, shapeOf, tokenize, Tokens, wordKeys } from './text';
import { damerauLevenshteinAtMostOne } from './typo';
import type { Detector, DetectorOptions, Finding, FindingKind, OtherFinding, ScanResult, Severity } from './types';

type Role =
  | 'given'
  | 'alias'
  | 'surname'
  | 'org'
  | 'org-short'
  | 'detail'
  | 'identifier';

interface Pattern {
  clientIdx: number;
  role: Role;
  kind: FindingKind;
  /** Token keys of the pattern; particle groups are expanded into separate patterns. */
  tokens: string[];
  /** Index in `tokens` of the anchor token. */
  anchor: number;
  /** tokens.length, set by `uniform` (matchPattern reads it without loading the array). */
  span?: number;
  /** Particles that may precede the tokens (surnames, organisations like "De Linde"): spellings, longest first. */
  particleSpellings: string[][];
  /** The registered spelling of the main token is an ordinary word: a case gate applies. */
  common: boolean;
  /** The registered item is written with a capital (a proper noun), e.g. the town detail "Best". */
  properNoun: boolean;
  /** For surnames: index of the unit in a double surname (0 or 1), and how many units. */
  unit?: number;
  units?: number;
  /** Identifier tokens must be contiguous (no whitespace inside an e-mail or URL). */
  contiguous?: boolean;
  /** Detail number within the client, so two different details count as two items. */
  detailIndex?: number;
  /** Evidence label. */
  evidence: string;
  /**
   * Set when several clients share this exact pattern (a common first name or surname): one
   * pattern for all of them, so a hit costs the same with 10 or 10,000 clients. The indexes find
   * the few clients for whom the context makes a stronger match (given name, initials, surname).
   */
  clients?: number[];
  clientSet?: Set<number>;
  /** `[{ all: clients, set: clientSet, exclude: null }]`, made once: its clients never change. */
  soloGroup?: ClientGroup[];
  /** hashKey(neighbour word) → clients whose given name / surname / initial it is ('#x' for an initial). */
  byNeighbour?: Map<number, number[]>;
  /** A 32-bit filter of byNeighbour's keys (see neighbourBit), made with it. */
  neighbourMask?: number;
  /** For a shared detail: the detail's number for each client in `clients`. */
  detailIndexes?: number[];
  /** hashKey() of each of `tokens`: a multi-token pattern is ruled out by integer compares before any string work. */
  tokenHashes?: Int32Array;
  /**
   * Every key of every `byNeighbour` among the patterns of this anchor key (one set per anchor
   * key): the window around a hit is looked up once in it, not once per pattern.
   */
  neighbourUnion?: Set<number>;
  /**
   * A single-token name or organisation pattern whose word is an ordinary word: written in lower
   * case it can only match as part of a strong context (form of address, initials, given name,
   * double surname), which `lowerCaseContext` looks for once per hit.
   */
  lowerGated?: boolean;
  /** An organisation's particle-led short form whose word is ordinary: only with its particles ("De Linde"). */
  needsParticles?: boolean;
  /**
   * The patterns of this anchor key that read the same tokens around a hit (same tokens, anchor,
   * gap rule and particle spellings): "Hoekstra" for each of its clients' patterns, "O'Connor" for
   * every client of that name. Made by prepareAnchor.
   */
  family?: Family;
}

/**
 * What matchPattern reads from the text before anything client-specific, for one family of
 * patterns at one hit: whether the pattern's tokens and gaps are there, and which particles
 * precede. Computed by the first pattern of the family that the hit reaches; its siblings reuse
 * it (valid while `scan` and `at` are the current scan and token).
 */
interface Family {
  scan: number;
  at: number;
  ok: boolean;
  particleFirst: number;
  hasParticles: boolean;
}

interface ClientModel {
  id: string;
  given: string[];
  /** First letters of the given names, e.g. "jp". */
  givenInitials: string;
  /** Surname units with every spelling of their particles ([[]] when there are none), precomputed. */
  surnameUnits: { particles: string[]; spellings: string[][]; cores: string[][]; initial: string }[];
  /** First tokens that may follow the given name within this client's own full name. */
  followers: string[];
  orgTokens: string[];
}

/** Clients sharing a pattern, minus those the context already tried one by one. */
interface ClientGroup {
  all: number[];
  set: Set<number>;
  exclude: Set<number> | null;
  /**
   * resolve's memo for a group without exclusions: in round `round`, the first member with the
   * most evidence (bestCi, -1 if none has any) and that evidence (bestE, 0 if none).
   */
  round: number;
  bestE: number;
  bestCi: number;
}

interface Candidate {
  start: number;
  end: number;
  clientIdx: number;
  kind: FindingKind;
  severity: Severity;
  evidence: string;
  /** Strong candidates identify on their own; weak ones (a lone first name) may be ambiguous. */
  strong: boolean;
  detailIndex?: number;
  /** A name shared by several clients: who it could be; resolved by context in `resolve`. */
  group?: ClientGroup[];
  /** Only a finding if the client is clearly named elsewhere in the same message. */
  conditional?: boolean;
  /** A detail several clients share: their indexes, and the detail's number for each. */
  detailGroup?: { clients: number[]; detailIndexes: number[] };
}

const TYPO_MIN_LENGTH = 5;
/** Map keys from hashes are kept in V8's small-integer range, which hashes much faster. */
const SMI_MASK = 0x3fffffff;
/** Size of the anchor-hash bit set (2^22 bits = 512 KiB): few false hits even at 10,000 clients. */
const ANCHOR_BITS = 1 << 22;

/** Bit set of context-word hashes (given names, surnames, particles, honorifics). */
const CONTEXT_BITS = 1 << 20;
/** Slots of scanTokens' word memo, and the longest word it holds. */
const WORD_MEMO = 1 << 13;
const MEMO_WORD_CHARS = 16;
/** Int32s per word memo slot: hash, length and state, MEMO_WORD_CHARS / 4 of letters, padding to 32 bytes. */
const MEMO_STRIDE = 8;
const MEMO_NOTHING = 1;
const MEMO_TYPO = 2;
/** Size of the bit set of particle spellings' last words (see particleTailBits). */
const PARTICLE_BITS = 1 << 12;

function isDigitAt(text: string, k: number): boolean {
  const c = text.charCodeAt(k);
  return c >= 48 && c <= 57;
}

/** Institutions named after a place: their place part alone is a place, not the organisation. */
const PLACE_INSTITUTIONS = new Set([
  'gemeente', 'provincie', 'waterschap', 'hogeschool', 'universiteit', 'rijksuniversiteit', 'ministerie', 'politie',
  'regio', 'bibliotheek', 'ziekenhuis', 'rechtbank', 'ggd', 'omgevingsdienst', 'veiligheidsregio', 'school',
  'basisschool', 'college', 'stadsdeel', 'municipality', 'province', 'university', 'city', 'county',
]);
/** Words that say what kind of organisation it is, not which one. */
const ORG_TYPE_SUFFIXES = ['bedrijf', 'stichting', 'praktijk', 'centrum', 'groep', 'dienst', 'vereniging', 'kantoor', 'bureau', 'fabriek', 'winkel', 'huis', 'school'];
const ORG_TRAILERS = new Set([
  'bv', 'nv', 'vof', 'holding', 'group', 'groep', 'international', 'nederland', 'benelux', 'europe', 'noord', 'oost', 'zuid', 'west',
  'pharma', 'systems', 'foods', 'solutions', 'services', 'consultancy', 'advies', 'software', 'technologies', 'inc', 'ltd', 'gmbh',
]);
/** Prepositions before a place: "uit Best", "in Goes", "from Best". */
const PLACE_PREPOSITIONS = new Set(['uit', 'in', 'te', 'naar', 'bij', 'rond', 'nabij', 'vanuit', 'from', 'near', 'at', 'around', 'to']);
/** "Kim from the cleaning company", "Max van jullie ICT": a first name pinned to someone else. */
const OTHER_AFFILIATION_1 = new Set(['from', 'van', 'of', 'bij', 'at', 'uit', 'op']);
const OTHER_AFFILIATION_2 = new Set([
  'de', 'het', 'the', 'our', 'your', 'their', 'his', 'her', 'my', 'a', 'an', 'een', 'jullie', 'ons', 'onze', 'hun', 'mijn', 'zijn',
  'haar', 'die', 'dat', 'accounting', 'sales', 'ict', 'it', 'hr',
]);

/**
 * A small word set with a bit set of its words' hashes: a token whose hash is not in the bits is
 * not in the set, which is answered without making its key (a token's hash is hashKey of its key).
 */
interface WordSet {
  words: ReadonlySet<string>;
  bits: Uint32Array;
}
const WORD_SET_BITS = 1 << 12;
function wordSet(words: ReadonlySet<string>): WordSet {
  const bits = new Uint32Array(WORD_SET_BITS >>> 5);
  for (const w of words) setBit(bits, hashKey(w), WORD_SET_BITS);
  return { words, bits };
}
/** Token k's hash is in the set's bits: a necessary condition of tokenInSet, without the key. */
function mayBeInSet(set: WordSet, tokens: Tokens, k: number): boolean {
  return hasBit(set.bits, tokens.hashes[k]!, WORD_SET_BITS);
}
/** Token k (its folded key) is one of the set's words. */
function tokenInSet(set: WordSet, tokens: Tokens, k: number): boolean {
  return mayBeInSet(set, tokens, k) && set.words.has(tokens.key(k));
}
const HONORIFIC_WORDS = wordSet(HONORIFICS);
const AFFILIATION_1_WORDS = wordSet(OTHER_AFFILIATION_1);
const AFFILIATION_2_WORDS = wordSet(OTHER_AFFILIATION_2);
const PLACE_PREPOSITION_WORDS = wordSet(PLACE_PREPOSITIONS);

function isOrgTypeWord(key: string): boolean {
  if (PLACE_INSTITUTIONS.has(key)) return true;
  // A loop, not .some(closure): this runs for every organisation of the build.
  for (let i = 0; i < ORG_TYPE_SUFFIXES.length; i++) if (key.endsWith(ORG_TYPE_SUFFIXES[i]!)) return true;
  return key === 'stichting';
}

/** The particle spellings of a pattern without particles: one array for all of them (none is ever changed). */
const NO_SPELLINGS: string[][] = [];

/**
 * A pattern as the build makes it: every field the build sets, in one order, so all patterns have
 * one shape. Seven object literals (one per role) made add and samePatternBut read them through
 * megamorphic loads, and `clients` (added on merging) went into a separate properties array.
 * Rare fields (a merged detail's detailIndexes, an org short form's needsParticles) are still
 * added later: a slot in every pattern would cost more. lowerGated is computed by uniform.
 */
function makePattern(
  clientIdx: number, role: Role, kind: FindingKind, tokens: string[], anchor: number, spellings: string[][],
  common: boolean, properNoun: boolean, evidence: string,
): Pattern {
  return {
    clientIdx, role, kind, tokens, anchor, particleSpellings: spellings, common, properNoun, evidence,
    unit: undefined, units: undefined, contiguous: undefined, detailIndex: undefined, clients: undefined,
  };
}

/**
 * What the build collects, and its steps. These are methods of one module-level class, not
 * closures made inside every createDetector call: V8 keeps a closure's optimised code only while
 * some instance of that closure lives, so once a full GC had collected the previous detector,
 * each build ran its per-client steps unoptimised again (about twice the time). Methods live as
 * long as the module.
 */
class Build {
  readonly clients: ClientModel[] = [];
  readonly anchors = new Map<string, PatternList>();
  readonly emails = new Map<string, number>();
  readonly phones = new Map<string, number>();
  /** Deletion variants of typo-able name tokens → the name tokens they come from. */
  readonly typoIndex = new Map<string, string[]>();
  private readonly commonCache = new Map<string, boolean>();
  // Patterns that differ only in their client share one object (see add): a new mergeable
  // pattern is compared field by field with its anchor key's patterns (no signature strings:
  // building them and hashing them was a fifth of the build).
  private readonly typoAdded = new Set<string>();
  // parseName returns one (cached) array per surname, so its spellings and followers are made
  // once per surname, not once per client; models only read them.
  private readonly surnameModels = new Map<SurnameUnit[], { units: ClientModel['surnameUnits']; followers: string[] }>();

  common(k: string): boolean {
    let c = this.commonCache.get(k);
    if (c === undefined) {
      c = isCommonWord(k);
      this.commonCache.set(k, c);
    }
    return c;
  }

  /**
   * Adds a pattern for `key`, or merges it into an equal one of another client (the clients of a
   * shared name, organisation or detail): then it returns null, and no object was made for it.
   * Most patterns of a 10,000-client build merge, and allocating them only to drop them was a
   * good part of the build's garbage.
   */
  add(
    key: string, ci: number, role: Role, kind: FindingKind, tokens: string[], anchor: number, spellings: string[][],
    common: boolean, properNoun: boolean, evidence: string, unit: number | undefined, units: number | undefined,
    detailIndex: number | undefined,
  ): Pattern | null {
    const list = this.anchors.get(key);
    // The mergeable patterns of a key are exactly the mergeable ones of its anchor list (each is
    // pushed there unless merged), and samePatternBut never matches a mergeable pattern with an
    // unmergeable one (different role, or a different token count): the list itself is searched,
    // not a second map of the same patterns.
    if (list) {
      const mergeable =
        role === 'detail' || role === 'org' || role === 'org-short' ||
        ((role === 'given' || role === 'alias' || role === 'surname') && tokens.length === 1);
      if (mergeable) {
        for (let k = 0; k < list.length; k++) {
          const existing = list[k]!;
          if (!samePatternBut(existing, role, anchor, common, properNoun, evidence, unit, units, tokens, spellings)) continue;
          (existing.clients ??= [existing.clientIdx]).push(ci);
          if (role === 'detail') (existing.detailIndexes ??= [existing.detailIndex!]).push(detailIndex!);
          return null;
        }
      }
    }
    const p = makePattern(ci, role, kind, tokens, anchor, spellings, common, properNoun, evidence);
    p.unit = unit;
    p.units = units;
    p.detailIndex = detailIndex;
    if (list) list.push(p);
    else this.anchors.set(key, [p]);
    return p;
  }

  addTypo(key: string): void {
    if (key.length < TYPO_MIN_LENGTH || this.typoAdded.has(key) || this.common(key)) return;
    this.typoAdded.add(key);
    for (const v of [key, ...deletions(key)]) {
      const list = this.typoIndex.get(v);
      if (!list) this.typoIndex.set(v, [key]);
      else if (!list.includes(key)) list.push(key);
    }
  }

  surnameModel(surnames: SurnameUnit[]): { units: ClientModel['surnameUnits']; followers: string[] } {
    let m = this.surnameModels.get(surnames);
    if (!m) {
      const units = surnames.map((u) => ({ ...u, spellings: u.particles.length ? particleSpellings(u.particles) : NO_PARTICLES }));
      const followers: string[] = [];
      for (const u of units) for (const sp of u.spellings) {
        const f = sp[0] ?? u.cores[0]![0]!;
        if (!followers.includes(f)) followers.push(f);
      }
      this.surnameModels.set(surnames, (m = { units, followers }));
    }
    return m;
  }

  addClient(client: Registry['clients'][number], ci: number): void {
    const parsed = parseName(client.name);
    const { units: surnameUnits, followers } = this.surnameModel(parsed.surnames);
    const model: ClientModel = {
      id: client.id,
      given: parsed.given,
      givenInitials: parsed.given.length === 1 ? parsed.given[0]![0]! : parsed.given.map((g) => g[0]!).join(''),
      surnameUnits,
      followers,
      orgTokens: [],
    };
    this.clients.push(model);

    // Given name(s), anchored on the last given token.
    if (parsed.given.length) {
      const last = parsed.given[parsed.given.length - 1]!;
      this.add(
        last, ci, 'given', 'name', parsed.given, parsed.given.length - 1, NO_SPELLINGS, this.common(last), true, 'first name',
        undefined, undefined, undefined,
      );
      this.addTypo(last);
    }
    // Surname units (two for a double surname), anchored on the core's last token.
    for (let ui = 0; ui < parsed.surnames.length; ui++) {
      const unit = parsed.surnames[ui]!;
      for (const core of unit.cores) {
        const last = core[core.length - 1]!;
        this.add(
          last, ci, 'surname', 'name', core, core.length - 1, unit.particles.length ? surnameUnits[ui]!.spellings : NO_SPELLINGS,
          core.length === 1 && this.common(last), true, parsed.surnames.length > 1 ? 'part of double surname' : 'surname',
          ui, parsed.surnames.length, undefined,
        );
        if (core.length === 1) {
          this.addTypo(last);
        }
      }
    }
    // Aliases.
    for (const alias of client.aliases) {
      const toks = keysOf(alias);
      if (!toks.length) continue;
      const last = toks[toks.length - 1]!;
      this.add(
        last, ci, 'alias', 'name', toks, toks.length - 1, NO_SPELLINGS, toks.length === 1 && this.common(last), /^\p{Lu}/u.test(alias), 'alias',
        undefined, undefined, undefined,
      );
      if (toks.length === 1) {
        this.addTypo(last);
      }
    }
    // Identifiers.
    for (const raw of client.identifiers) {
      const type = identifierType(raw);
      if (type === 'email') {
        this.emails.set(canonicalEmail(raw), ci);
        continue;
      }
      if (type === 'phone') {
        this.phones.set(canonicalPhone(raw), ci);
        continue;
      }
      const phrases: { toks: string[]; contiguous: boolean }[] = [];
      if (type === 'url') {
        phrases.push({ toks: wordKeys(raw.replace(/^[a-z]+:\/\//i, '').replace(/^www\./i, '')), contiguous: true });
      } else {
        const toks = wordKeys(raw);
        phrases.push({ toks, contiguous: /^[\p{L}\p{N}]+(?:[-/._][\p{L}\p{N}]+)+$/u.test(raw.trim()) });
        // Street + number, without the town: "Venneperweg 512, Nieuw-Vennep" → "Venneperweg 512".
        const street = raw.match(/^\s*([\p{L}][\p{L}' .-]*?\s+\d+\s*[a-z]?)\b/iu);
        if (street && street[1]!.trim() !== raw.trim()) phrases.push({ toks: wordKeys(street[1]!), contiguous: false });
      }
      for (const { toks, contiguous } of phrases) {
        if (!toks.length) continue;
        // Anchor on the longest token: the most distinctive.
        let anchor = 0;
        for (let i = 0; i < toks.length; i++) if (toks[i]!.length > toks[anchor]!.length) anchor = i;
        // Identifiers never merge: add always makes the pattern.
        this.add(
          toks[anchor]!, ci, 'identifier', 'identifier', toks, anchor, NO_SPELLINGS, false, false, type === 'url' ? 'web address' : 'identifier',
          undefined, undefined, undefined,
        )!.contiguous = contiguous;
      }
    }
    // Organisation: full name, and its distinctive part.
    if (client.organization) {
      const toks = keysOf(client.organization);
      model.orgTokens = toks;
      const lastIdx = toks.length - 1;
      // Anchor the full name on its most distinctive token.
      // One pass from the end: the last distinctive token is the anchor, and if there is none
      // every token is common or a particle (allCommon).
      let anchor = lastIdx;
      let allCommon = true;
      for (let i = toks.length - 1; i >= 0; i--) {
        if (!this.common(toks[i]!) && !PARTICLES.has(toks[i]!)) {
          anchor = i;
          allCommon = false;
          break;
        }
      }
      this.add(
        toks[anchor]!, ci, 'org', 'organization', toks, anchor, NO_SPELLINGS, toks.length === 1 ? this.common(toks[0]!) : false, true,
        'organisation', undefined, undefined, undefined,
      );
      // Distinctive part: drop leading type words ("Zorgcentrum", "Beveiligingsbedrijf") and trailing
      // generic words ("Pharma", "Systems", "Oost"); none for institutions named after a place.
      let lo = 0;
      let hi = toks.length;
      const placeNamed = PLACE_INSTITUTIONS.has(toks[0]!);
      while (lo < hi - 1 && isOrgTypeWord(toks[lo]!)) lo++;
      while (hi > lo + 1 && ORG_TRAILERS.has(toks[hi - 1]!)) hi--;
      if (!placeNamed && (lo > 0 || hi < toks.length) && !allCommon) {
        let short = toks.slice(lo, hi);
        // Leading particles of the short form ("De Linde") are matched as particles.
        const particles: string[] = [];
        while (short.length > 1 && PARTICLES.has(short[0]!)) particles.push(short.shift()!);
        const last = short[short.length - 1]!;
        const shortCommon = short.length === 1 && this.common(last);
        const pattern = this.add(
          last, ci, 'org-short', 'organization', short, short.length - 1, particles.length ? particleSpellings(particles) : NO_SPELLINGS,
          shortCommon, true, 'organisation (short form)', undefined, undefined, undefined,
        );
        // A particle-led short form must keep its particle when its word is ordinary ("De Linde", not "linde").
        // (A merged one found its equal already so marked: particles and shortCommon are compared.)
        if (pattern && particles.length && shortCommon) pattern.needsParticles = true;
      }
    }
    // Details: identifying only together with another item of the same client.
    for (let di = 0; di < client.details.length; di++) {
      const detail = client.details[di]!;
      const toks = keysOf(detail);
      if (!toks.length) continue;
      let anchor = toks.length - 1;
      for (let i = toks.length - 1; i >= 0; i--) if (!PARTICLES.has(toks[i]!)) { anchor = i; break; }
      this.add(
        toks[anchor]!, ci, 'detail', 'detail', toks, anchor, NO_SPELLINGS, toks.length === 1 && this.common(toks[0]!),
        /^\p{Lu}/u.test(detail.trim()), 'detail', undefined, undefined, di,
      );
    }
  }
}

/**
 * Fictional clients whose build makes one object of every kind a real build makes: patterns of
 * every role, merged ones (shared names, details, organisations), particles, a double surname,
 * each type of identifier.
 */
const SHAPE_CLIENTS: Client[] = [
  {
    id: 'a', name: 'Jan Pieter van der Berg-de Vries', aliases: ['Japie', 'JP van der Berg'],
    identifiers: ['jan@example.org', '+31 6 12345678', 'www.example.org/in/janvdberg', 'Dorpsstraat 12, Utrecht', 'AB-1234'],
    organization: 'Zorgcentrum De Linde', details: ['Utrecht', 'huisarts'],
  },
  { id: 'b', name: 'Jan de Vries', aliases: ['Japie'], identifiers: ['2024/0042'], organization: 'Zorgcentrum De Linde', details: ['Utrecht', 'Bakkerij Oost'] },
  { id: 'c', name: 'Anna Bakker', aliases: [], identifiers: [], organization: 'Voorbeeld Pharma BV', details: ['Best'] },
  { id: 'd', name: 'Anna van Dijk', aliases: [], identifiers: [], organization: 'Gemeente Utrecht', details: ['Best'] },
];

/**
 * A tiny build of SHAPE_CLIENTS, kept alive on purpose (like the scan's shapes, see keepShapes).
 * V8's optimised code for the build steps refers weakly to the hidden classes of the objects they
 * make (Build, patterns, models). When a full GC found none alive (the previous detector
 * dropped), the classes were collected and that code thrown away ("weak objects"), so the next
 * build ran unoptimised: about twice the time. Holds no registered data; made at the first real
 * build, when the lexicon is loaded anyway.
 */
let buildShapes: { build: Build; typoFilter: TypoFilter } | null = null;

export function createDetector(registry: Registry, options: DetectorOptions = {}): Detector {
  const firstNameAlone = options.firstNameAlone ?? true;
  if (!buildShapes) {
    const keeper = new Build();
    for (let ci = 0; ci < SHAPE_CLIENTS.length; ci++) keeper.addClient(SHAPE_CLIENTS[ci]!, ci);
    buildShapes = { build: keeper, typoFilter: new TypoFilter(1) };
  }
  const build = new Build();
  const all = registry.clients;
  for (let ci = 0; ci < all.length; ci++) build.addClient(all[ci]!, ci);
  const { clients, anchors, emails, phones, typoIndex } = build;
  /** Client ids by index, in one dense array: a finding gets its id without loading the model. */
  const clientIds = clients.map((m) => m.id);
  // Made here, not in Build: the kept build of fictional clients need not hold its 512 KiB.
  const typoFilter = new TypoFilter();
  // Every key of typoIndex is a name or one of its deletions (see Build.addTypo).
  {
    const names = new Set<string>();
    for (const list of typoIndex.values()) for (const n of list) names.add(n);
    for (const n of names) typoFilter.addName(n);
  }

  // Neighbour indexes and token hashes are made for an anchor key when a text first hits it
  // (see prepareAnchor): most of the 10,000 clients' patterns are never hit, so the build does
  // not pay for them.
  const anchorBits = new Uint32Array(ANCHOR_BITS >>> 5);
  // The anchor keys in an open-addressing table by hash (see findAnchor): a token that passes the
  // bit gate is looked up by its hash and compared letter by letter, without becoming a string.
  const anchorKeys: string[] = [];
  const anchorLists: PatternList[] = [];
  // Anchor keys that, written in lower case, can only be a name with context around them ("de
  // boer op" is a phrase, "bram koster" a name): every pattern is case-gated. For those, a hit
  // in lower case with no name-ish neighbour is skipped before any pattern work.
  const anchorLowerNeedsContext = new Uint8Array(anchors.size);
  let anchorSlots = 16;
  while (anchorSlots < anchors.size * 3) anchorSlots *= 2;
  const anchorSlotHash = new Int32Array(anchorSlots);
  /** Index in anchorKeys + 1; 0 for an empty slot. */
  const anchorSlotIndex = new Int32Array(anchorSlots);
  for (const [key, list] of anchors) {
    const h = hashKey(key);
    setBit(anchorBits, h, ANCHOR_BITS);
    const idx = anchorKeys.length;
    anchorKeys.push(key);
    anchorLists.push(list);
    let lowerNeedsContext = 1;
    for (let a = 0; a < list.length; a++) {
      const p = list[a]!;
      if (!(p.common && p.tokens.length === 1 && p.role !== 'identifier' && (p.role !== 'detail' || p.properNoun))) {
        lowerNeedsContext = 0;
        break;
      }
    }
    anchorLowerNeedsContext[idx] = lowerNeedsContext;
    let slot = h & (anchorSlots - 1);
    while (anchorSlotIndex[slot] !== 0) slot = (slot + 1) & (anchorSlots - 1);
    anchorSlotHash[slot] = h;
    anchorSlotIndex[slot] = idx + 1;
  }
  /**
   * The anchor key whose hash is h and whose letters are the first `len` of token k's key (all of
   * them, or all but a genitive s): its index in anchorKeys, or -1.
   */
  const findAnchor = (tokens: Tokens, k: number, h: number, len: number): number => {
    const mask = anchorSlots - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const entry = anchorSlotIndex[slot]!;
      if (entry === 0) return -1;
      if (anchorSlotHash[slot] !== h) continue;
      const key = anchorKeys[entry - 1]!;
      if (key.length !== len) continue;
      if (tokens.ascii[k]) {
        // ASCII tokens hold letters and digits only: OR-ing in 0x20 folds A-Z to a-z and leaves digits.
        const text = tokens.text;
        const start = tokens.starts[k]!;
        let m = 0;
        while (m < len && (text.charCodeAt(start + m) | 32) === key.charCodeAt(m)) m++;
        if (m === len) return entry - 1;
      } else {
        const own = tokens.key(k);
        if (own.length === len ? own === key : own.startsWith(key)) return entry - 1;
      }
    }
  };
  // Right next to it: any name part, particle, form of address or place preposition; two or
  // three words back (across particles): a given name or form of address.
  const nearBits = new Uint32Array(CONTEXT_BITS >>> 5);
  const farBits = new Uint32Array(CONTEXT_BITS >>> 5);
  for (const w of [...HONORIFICS, ...PARTICLES, ...PLACE_PREPOSITIONS]) setBit(nearBits, hashKey(w), CONTEXT_BITS);
  for (const w of HONORIFICS) setBit(farBits, hashKey(w), CONTEXT_BITS);
  for (const m of clients) {
    for (const g of m.given) {
      setBit(nearBits, hashKey(g), CONTEXT_BITS);
      setBit(farBits, hashKey(g), CONTEXT_BITS);
    }
    for (const u of m.surnameUnits) for (const core of u.cores) setBit(nearBits, hashKey(core[0]!), CONTEXT_BITS);
  }
  for (const list of anchors.values()) for (const p of list) if (p.role === 'alias') setBit(nearBits, hashKey(p.tokens[0]!), CONTEXT_BITS);
  // For lowerCaseContext: how many tokens a particle spelling spans at most, and a filter of every
  // given name (exact or one typo away, as the full-name check in matchPattern accepts).
  let maxParticleTokens = 0;
  for (const list of anchors.values()) {
    for (const p of list) {
      for (const sp of p.particleSpellings) maxParticleTokens = Math.max(maxParticleTokens, sp.length);
    }
  }
  // The last token of every particle spelling: a pattern's particles can precede a hit only when
  // the token right before it is one of them, which one bit read answers for every pattern of the
  // hit instead of comparing each pattern's spellings token by token.
  // Spellings arrays are shared per particle sequence: each is read once. A few dozen words: a
  // small set (512 bytes) is as good as a large one.
  const particleTailBits = new Uint32Array(PARTICLE_BITS >>> 5);
  {
    const seen = new Set<string[][]>();
    for (const list of anchors.values()) {
      for (const p of list) {
        if (p.particleSpellings.length === 0 || seen.has(p.particleSpellings)) continue;
        seen.add(p.particleSpellings);
        for (const sp of p.particleSpellings) setBit(particleTailBits, hashKey(sp[sp.length - 1]!), PARTICLE_BITS);
      }
    }
  }
  // Every key of every neighbour index made so far (prepareAnchor adds them): most words around a
  // hit are no one's given name, initial or surname, and one bit read says so before the anchor
  // key's neighbour set is asked.
  const neighbourBits = new Uint32Array(CONTEXT_BITS >>> 5);
  const givenTypoFilter = new TypoFilter();
  // TypoFilter.mayMatch says no to tokens of 64 characters or more: a (fictional) given name that
  // long turns the gate off.
  let givenTooLong = false;
  {
    const seen = new Set<string>();
    for (const m of clients) {
      for (const u of m.surnameUnits) for (const sp of u.spellings) maxParticleTokens = Math.max(maxParticleTokens, sp.length);
      for (const g of m.given) {
        if (g.length >= 62) givenTooLong = true;
        if (g.length < TYPO_MIN_LENGTH || seen.has(g)) continue;
        seen.add(g);
        givenTypoFilter.addName(g);
      }
    }
  }
  const hasContext = (tokens: Tokens, i: number) => {
    for (let k = i - 3; k <= i + 1; k++) {
      if (k < 0 || k >= tokens.count || k === i) continue;
      const near = k === i - 1 || k === i + 1;
      if (hasBit(near ? nearBits : farBits, tokens.hashes[k]!, CONTEXT_BITS)) return true;
      // A capital initial ("W. timmerman").
      if (tokens.ends[k]! - tokens.starts[k]! === 1 && isUpperAt(tokens.text, tokens.starts[k]!)) return true;
    }
    return false;
  };

  /**
   * The token table and the per-token facts of the last scan, reused by the next: a 100 KB text
   * has 20,000 tokens, and allocating (then collecting) their arrays on every scan was a tenth
   * of the scan. A result's lazy `other` checks the table's generation (see scan).
   */
  const tokenTable = new Tokens('', 16);
  let factsBuffer = EMPTY_FACTS;

  function scan(text: string): ScanResult {
    const tokens = tokenize(text, true, tokenTable);
    const generation = tokens.generation;
    const candidates: Candidate[] = [];
    const ctx: ScanContext = { text, tokens, candidates, group: null, groupLength: 0, facts: EMPTY_FACTS, possessive: false, nbAt: -1, nbUnion: null, nbKeys: [], lowerAt: -1, lowerContext: false, serial: ++scanSerial };

    for (let from = 0; from < tokens.count; from += SCAN_CHUNK) scanTokens(ctx, from, Math.min(tokens.count, from + SCAN_CHUNK));
    const emailSpans = findEmails(text);
    const phoneSpans = findPhones(text, tokens);
    if (emails.size) {
      for (const span of emailSpans) {
        const ci = emails.get(canonicalEmail(span.value.replace(/[.]+$/, '')));
        if (ci !== undefined) candidates.push({ start: span.start, end: span.end, clientIdx: ci, kind: 'identifier', severity: 'high', evidence: 'e-mail address', strong: true });
      }
    }
    if (phones.size) {
      for (const span of phoneSpans) {
        const ci = phones.get(canonicalPhone(span.value));
        if (ci !== undefined) candidates.push({ start: span.start, end: span.end, clientIdx: ci, kind: 'identifier', severity: 'high', evidence: 'phone number', strong: true });
      }
    }
    const findings = resolve(candidates);
    keepShapes(ctx, candidates);
    // Unregistered personal data is computed on first use: the guard only needs client findings
    // on every pause in typing; the CLI and the dialog ask for the rest.
    let other: OtherFinding[] | undefined;
    return {
      findings,
      get other() {
        // A later scan of this detector has reused the token table: tokenise this text again.
        other ??= findOtherPersonalData(text, tokens.generation === generation ? tokens : tokenize(text, true), findings, { emails: emailSpans, phones: phoneSpans });
        return other;
      },
    };
  }

  /**
   * Looks tokens [from, to) up. A scan calls this once per SCAN_CHUNK tokens rather than looping
   * over all tokens itself: a loop in a function entered once per scan runs on on-stack-replacement
   * code, which V8 holds weakly and drops at every major GC, so the next scan ran its loop
   * unoptimised until a recompile (which on a busy machine took longer than the scan). A function
   * called many times gets ordinary optimised code, which stays.
   */
  function scanTokens(ctx: ScanContext, from: number, to: number): void {
    const { text, tokens } = ctx;
    const { hashes, starts, ends, ascii } = tokens;
    for (let i = from; i < to; i++) {
      const h = hashes[i]!;
      const length = ends[i]! - starts[i]!;
      // A word seen before (in this scan or an earlier one) that is no anchor: its memo says
      // whether it can be a typo of a name, without the anchor and typo filters' cache misses.
      let slot = -1;
      if (ascii[i] && length <= MEMO_WORD_CHARS) {
        slot = (h & (WORD_MEMO - 1)) * MEMO_STRIDE;
        if (memo[slot] === h && (memo[slot + 1]! & 0xff) === length && isMemoWord(text, starts[i]!, length, slot)) {
          if (memo[slot + 1]! >> 8 === MEMO_TYPO && !matchTypo(ctx, i)) memo[slot + 1] = length | (MEMO_NOTHING << 8);
          continue;
        }
      }
      // A bit per anchor-key hash: nearly every ordinary word is ruled out by one array read,
      // without ever becoming a string.
      let found = hasBit(anchorBits, h, ANCHOR_BITS) ? findAnchor(tokens, i, h, ascii[i] ? length : tokens.key(i).length) : -1;
      // Dutch genitive without apostrophe: "Sterres", "Wills".
      // The text's last character is s or S, so the key's is 's' (see hashWithoutLast).
      let possessive = false;
      if (found < 0 && length > 2 && (text.charCodeAt(ends[i]! - 1) | 32) === 115 /* s */) {
        const stemHash = hashWithoutLast(h, 115);
        if (hasBit(anchorBits, stemHash, ANCHOR_BITS)) {
          found = findAnchor(tokens, i, stemHash, (ascii[i] ? length : tokens.key(i).length) - 1);
          possessive = found >= 0;
        }
      }
      if (found >= 0) {
        matchHit(ctx, i, anchorLists[found]!, possessive, !possessive && anchorLowerNeedsContext[found] === 1);
        continue;
      }
      let state = MEMO_NOTHING;
      if (typoIndex.size && length >= TYPO_MIN_LENGTH - 1 && !isDigitAt(text, starts[i]!) && typoFilter.mayMatch(tokens, i)) {
        // No name this word is a typo of: remembered too, so its next occurrences cost one memo read.
        if (matchTypo(ctx, i)) state = MEMO_TYPO;
      }
      if (slot >= 0) rememberWord(text, starts[i]!, length, h, slot, state);
    }
  }

  /**
   * What scanTokens found for an ASCII word of at most MEMO_WORD_CHARS letters that is no anchor
   * key (nor one plus a genitive s), for the detector's life: prose repeats its words, and the
   * answer depends on the word alone (the anchors, the typo filter and index never change).
   * MEMO_NOTHING: the word is no typo of any name either; MEMO_TYPO: matchTypo found names one
   * typo away (it runs again at each occurrence, its candidates depend on the context). A slot
   * per hash holds the word (folded letters) that last asked; a token uses the slot only if it is
   * that word, so a hash collision just asks again.
   *
   * A slot is MEMO_STRIDE ints at slot * MEMO_STRIDE, all in one 32-byte block (a token's check
   * used to read three arrays, each a cache miss): the word's hash; its length | state << 8
   * (0 for an empty slot); its folded letters, four to an int, first letter in the low byte,
   * zero past the end.
   */
  const memo = new Int32Array(WORD_MEMO * MEMO_STRIDE);

  /**
   * text[start, start + length) is the word of the slot at `base`, given that its hash and length
   * are the slot's (an ASCII token: letters and digits only). Only its first (length - 1) >> 2
   * groups of four letters are compared: the at most four letters after them follow from the
   * hash. hashKey(word) = hashKey(head) * HASH_BASE^k + hashKey(tail) (mod 2^32, k = the tail's
   * length, HASH_BASE odd so its powers are invertible), so equal heads and equal hashes give
   * equal tail hashes, and two different strings of one to four letters and digits of one length
   * never have the same hashKey (checked for all of them in text.property.test.ts). OR-ing in
   * 0x20 folds A-Z to a-z and leaves digits.
   */
  function isMemoWord(text: string, start: number, length: number, base: number): boolean {
    let w = base + 2;
    for (let p = start, head = start + ((length - 1) & ~3); p < head; p += 4) {
      const four =
        (text.charCodeAt(p) | 32) | ((text.charCodeAt(p + 1) | 32) << 8) |
        ((text.charCodeAt(p + 2) | 32) << 16) | ((text.charCodeAt(p + 3) | 32) << 24);
      if (four !== memo[w++]) return false;
    }
    return true;
  }

  function rememberWord(text: string, start: number, length: number, h: number, base: number, state: number): void {
    for (let w = 0; w < (MEMO_WORD_CHARS >> 2); w++) memo[base + 2 + w] = 0;
    for (let m = 0; m < length; m++) memo[base + 2 + (m >> 2)]! |= (text.charCodeAt(start + m) | 32) << ((m & 3) << 3);
    memo[base] = h;
    memo[base + 1] = length | (state << 8);
  }

  /** Token i is an anchor key (or one plus a genitive s): its patterns, judged. */
  function matchHit(ctx: ScanContext, i: number, patterns: PatternList, possessive: boolean, lowerNeedsContext: boolean): void {
    const { text, tokens } = ctx;
    const start = tokens.starts[i]!;
    if (lowerNeedsContext && !isUpperAt(text, start) && !hasContext(tokens, i)) return;
    if (patterns.ready !== true) prepareAnchor(patterns, clients, neighbourBits);
    ctx.group = groupBuffer;
    ctx.groupLength = 0;
    ctx.possessive = possessive;
    // Each pattern's necessary conditions, read from typed arrays before the pattern object is
    // touched (see prepareAnchor): a phrase's neighbouring token by hash, and for a case-gated
    // pattern written in lower case, the context its role needs. A pattern skipped here would
    // have returned at the top of matchAnchor without a side effect; the others run in list
    // order, so the candidates are the same.
    const lower = !isUpperAt(text, start);
    const gates = patterns.gates!;
    const hashes = tokens.hashes;
    const count = tokens.count;
    for (let k = 0; k < patterns.length; k++) {
      const word = gates[2 * k + 1]!;
      const offset = word >> 8;
      if (offset !== 0) {
        const j = i + offset;
        if (j < 0 || j >= count || hashes[j] !== gates[2 * k]) continue;
      }
      const gate = word & 0xff;
      if (possessive && (gate & GATE_POSSESSIVE) === 0) continue;
      if (lower && (gate & GATE_LOWER) !== 0 && !lowerGateOpen(ctx, gate, i)) continue;
      // A place written in lower case ("best", "goes") is one only right after "uit", "in" ….
      if (lower && (gate & GATE_PLACE) !== 0 && (i === 0 || !mayBeInSet(PLACE_PREPOSITION_WORDS, tokens, i - 1))) continue;
      matchAnchor(ctx, patterns[k]!, i, false);
    }
    ctx.possessive = false;
    flushGroup(ctx);
  }

  /**
   * The last scan's context (emptied of its text and tokens) and candidates, kept alive on
   * purpose. V8's optimised code for scan, tokenize, matchPattern … refers weakly to the hidden
   * classes of these per-scan objects; when a full garbage collection finds no live object of
   * such a class, the class is collected and all that code is thrown away ("weak objects"), so
   * the next scan ran unoptimised: a 100 KB scan took ~15x longer after every major GC. Holding
   * one object of each kind keeps the classes, and the code, alive. Candidates hold offsets,
   * client indexes and evidence labels, not text.
   */
  let shapes: { ctx: ScanContext; candidates: Candidate[] } | null = null;
  function keepShapes(ctx: ScanContext, candidates: Candidate[]) {
    ctx.text = '';
    ctx.tokens = EMPTY_TOKENS;
    ctx.facts = EMPTY_FACTS;
    ctx.group = null;
    ctx.nbUnion = null;
    ctx.nbKeys = [];
    // A text without any candidate made none of their classes: keep the previous candidates then.
    shapes = { ctx, candidates: candidates.length || !shapes ? candidates : shapes.candidates };
  }

  interface ScanContext {
    text: string;
    tokens: Tokens;
    candidates: Candidate[];
    /**
     * Lone first-name/alias candidates of the current token, collected to resolve shared names:
     * group[0, groupLength) (the array is reused; emptying it with length = 0 would free its
     * backing store and make every hit allocate a new one).
     */
    group: Candidate[] | null;
    groupLength: number;
    /** Per-token facts shared by every pattern that hits the same token (0 = not computed yet). */
    facts: Int8Array;
    /** The current token is a name plus genitive s. */
    possessive: boolean;
    /** Cache of `neighbourKeys`: token index, anchor key's neighbour union, keys found. */
    nbAt: number;
    nbUnion: Set<number> | null;
    nbKeys: number[];
    /** Cache of `lowerCaseContext`: token index and answer. */
    lowerAt: number;
    lowerContext: boolean;
    /** Number of this scan (see Family). */
    serial: number;
  }

  /**
   * The array behind ctx.group, reused by every hit (matchHit and matchTypo never nest): the
   * group's candidates go on to the scan's list, the array itself is never kept.
   */
  const groupBuffer: Candidate[] = [];
  /** The array behind ctx.nbKeys, likewise (valid for ctx.nbAt and ctx.nbUnion only). */
  const neighbourKeysBuffer: number[] = [];

  /** One candidate per span for a shared name, listing every client it could be. */
  function flushGroup(ctx: ScanContext) {
    const group = ctx.group!;
    const n = ctx.groupLength;
    ctx.group = null;
    if (n === 0) return;
    if (n === 1 && !group[0]!.group) {
      ctx.candidates.push(group[0]!);
      return;
    }
    // Candidates by span, in order of first appearance (a hit has one to three spans): each span
    // is handled at its first candidate, without lists of lists.
    for (let k = 0; k < n; k++) {
      const head = group[k]!;
      let seen = false;
      for (let m = 0; m < k && !seen; m++) seen = group[m]!.start === head.start && group[m]!.end === head.end;
      if (seen) continue;
      const groups: ClientGroup[] = [];
      let singles: Set<number> | null = null;
      for (let m = k; m < n; m++) {
        const c = group[m]!;
        if (c.start !== head.start || c.end !== head.end) continue;
        if (c.group) for (let g = 0; g < c.group.length; g++) groups.push(c.group[g]!);
        else (singles ??= new Set()).add(c.clientIdx);
      }
      if (singles) groups.push({ all: [...singles], set: singles, exclude: null, round: 0, bestE: 0, bestCi: -1 });
      let total = 0;
      for (let g = 0; g < groups.length; g++) total += groups[g]!.all.length - (groups[g]!.exclude?.size ?? 0);
      if (total <= 1 && !head.group) ctx.candidates.push(head);
      else ctx.candidates.push(retarget(head, head.clientIdx, groups, sharedEvidence(head.evidence, total)));
    }
  }

  /**
   * `${evidence} (shared by ${total} clients)`, made once per pair: every mention of a common
   * name asks for the same few labels.
   */
  const sharedLabels = new Map<string, string[]>();
  function sharedEvidence(evidence: string, total: number): string {
    let labels = sharedLabels.get(evidence);
    if (!labels) sharedLabels.set(evidence, (labels = []));
    let label = total < 4096 ? labels[total] : undefined;
    if (label === undefined) {
      label = `${evidence} (shared by ${total} clients)`;
      if (total < 4096) {
        while (labels.length < total) labels.push(undefined!);
        labels[total] = label;
      }
    }
    return label;
  }

  /** Tokens already known not to be a misspelt name (ordinary words mostly): skip them next time. */
  const notATypo = new Set<string>();

  /** Returns whether some name is one typo away from token i (false: the word is no typo of any). */
  function matchTypo(ctx: ScanContext, i: number): boolean {
    const key = ctx.tokens.key(i);
    if (notATypo.has(key)) return false;
    const names = new Set<string>();
    for (const n of typoIndex.get(key) ?? []) names.add(n);
    for (const d of deletions(key)) for (const n of typoIndex.get(d) ?? []) names.add(n);
    let rejectedAsWord: boolean | undefined;
    let matched = false;
    ctx.group = groupBuffer;
    ctx.groupLength = 0;
    for (const name of names) {
      if (!damerauLevenshteinAtMostOne(key, name)) continue;
      // An inflected form of the name is not a typo of it: "sterren" is not "Sterre".
      if (key.length === name.length + 1 && key.startsWith(name)) continue;
      if (name.length === key.length + 1 && name.startsWith(key)) continue;
      rejectedAsWord ??= isCommonWordOrInflection(key);
      if (rejectedAsWord) break;
      matched = true;
      const list = anchors.get(name);
      if (!list) continue;
      if (list.ready !== true) prepareAnchor(list, clients, neighbourBits);
      for (const p of list) {
        if ((p.role === 'given' || p.role === 'surname' || p.role === 'alias') && p.tokens.length === 1) matchAnchor(ctx, p, i, true);
      }
    }
    flushGroup(ctx);
    if (!matched) {
      if (notATypo.size > 50_000) notATypo.clear();
      notATypo.add(key);
    }
    return matched;
  }

  /** Tries to extend an anchor hit at token i to pattern p and judges it; pushes a candidate. */
  /**
   * A hit on a pattern shared by many clients: the few clients the neighbouring tokens point to
   * (their given name, initial or surname is right there) are tried one by one for a strong
   * match; everyone else shares one judgement of the lone name.
   */
  function matchAnchor(ctx: ScanContext, p: Pattern, i: number, typo: boolean) {
    // An ordinary word in lower case ("meer", "groen"): most hits in prose end here, before any
    // per-pattern or per-client work.
    if (p.lowerGated === true && !isUpperAt(ctx.text, ctx.tokens.starts[i]!) && !lowerGateOpen(ctx, lowerGate(p), i)) return;
    // The other tokens of a phrase, by hash: most hits on "2024" or "Stationsweg" end here.
    if (p.tokenHashes) {
      const first = i - p.anchor;
      const n = p.tokens.length;
      if (first < 0 || first + n > ctx.tokens.count) return;
      const hashes = ctx.tokens.hashes;
      for (let k = 0; k < n; k++) if (k !== p.anchor && hashes[first + k] !== p.tokenHashes[k]) return;
    }
    if (!p.clients) return matchPattern(ctx, p, i, typo, p.clientIdx, true, undefined);
    if (p.role === 'detail') return matchPattern(ctx, p, i, typo, p.clients[0]!, false, undefined);
    // An organisation many clients share: one judgement, the message's context picks the client.
    if (p.role === 'org' || p.role === 'org-short') {
      return matchPattern(ctx, p, i, typo, p.clients[0]!, false, p.soloGroup);
    }
    let special: Set<number> | null = null;
    // Shared patterns are single tokens (see `add`): the window is the same for all of them.
    const keys = neighbourKeys(ctx, i, p.neighbourUnion!);
    for (let k = 0; k < keys.length; k++) {
      // Most keys around a hit belong to another pattern of the anchor key: one bit says so.
      if ((p.neighbourMask! & neighbourBit(keys[k]!)) === 0) continue;
      const list = p.byNeighbour!.get(keys[k]!);
      if (list) for (const c of list) (special ??= new Set()).add(c);
    }
    if (special) {
      const before = ctx.candidates.length;
      const groupBefore = ctx.group ? ctx.groupLength : 0;
      for (const c of special) matchPattern(ctx, p, i, typo, c, true, undefined);
      for (let k = before; k < ctx.candidates.length; k++) if (ctx.candidates[k]!.strong) return;
      if (ctx.group) for (let k = groupBefore; k < ctx.groupLength; k++) if (ctx.group[k]!.strong) return;
    }
    // Everyone else shares one judgement; the first client not tried above stands for them.
    // (clients[0] is clientIdx, see Build.add: without special clients, no list is read.)
    let rep = -1;
    if (!special) rep = p.clientIdx;
    else for (const c of p.clients) if (!special.has(c)) { rep = c; break; }
    if (rep < 0) return;
    matchPattern(ctx, p, i, typo, rep, false, special ? [{ all: p.clients, set: p.clientSet!, exclude: special, round: 0, bestE: 0, bestCi: -1 }] : p.soloGroup);
  }

  /**
   * Could a lower-case, ordinary-word name at token i still match? Only as one of: a surname after
   * a form of address, after initials or after (a typo of) a given name, before ", J." or in a
   * hyphenated double surname; a first name before particles and a surname initial ("tim de R.").
   * A necessary condition for all of them, over the window particles can span: a capital initial
   * near (each form reads one with isInitial; a lower-case "a" or "u" is none), a form of address
   * or given name (or one typo away from a given name) before, or a hyphen after. Answered once
   * per hit, for every pattern of the anchor.
   */
  function lowerCaseContext(ctx: ScanContext, i: number): boolean {
    if (ctx.lowerAt === i) return ctx.lowerContext;
    const { text, tokens } = ctx;
    let found = givenTooLong;
    for (let k = Math.max(0, i - maxParticleTokens - 1); k < i && !found; k++) {
      found = isInitial(text, tokens, k) || hasBit(farBits, tokens.hashes[k]!, CONTEXT_BITS) || givenTypoFilter.mayMatch(tokens, k);
    }
    for (let k = i + 1; k <= Math.min(tokens.count - 1, i + maxParticleTokens + 1) && !found; k++) found = isInitial(text, tokens, k);
    if (!found && i + 1 < tokens.count) found = text.slice(tokens.ends[i]!, tokens.starts[i + 1]!).includes('-');
    ctx.lowerAt = i;
    ctx.lowerContext = found;
    return found;
  }

  /**
   * Could a case-gated pattern (gate: its GATE_ bits) written in lower case at token i still
   * match? lowerCaseContext is necessary for every role; a role's own conditions are narrower.
   * A single-token organisation is never strong, so its case gate always rejects it. A lone
   * given name or alias is strong only as "tim de R.": particles after it, then a capital
   * initial. (A surname has several strong forms, all within lowerCaseContext.)
   */
  function lowerGateOpen(ctx: ScanContext, gate: number, i: number): boolean {
    if ((gate & GATE_LOWER_ORG) !== 0) return false;
    if ((gate & GATE_LOWER_GIVEN) !== 0) {
      const { text, tokens } = ctx;
      let initial = false;
      for (let k = i + 2; k <= Math.min(tokens.count - 1, i + 1 + maxParticleTokens) && !initial; k++) initial = isInitial(text, tokens, k);
      if (!initial) return false;
    }
    return lowerCaseContext(ctx, i);
  }

  /**
   * Neighbour keys around token i (before: given names, initials, particles in between; after:
   * the surname or its initial) that some pattern of this anchor key indexes, in text order.
   * Computed once per hit and anchor key: usually empty, so the per-pattern lookups are skipped.
   */
  function neighbourKeys(ctx: ScanContext, i: number, union: Set<number>): number[] {
    if (ctx.nbAt === i && ctx.nbUnion === union) return ctx.nbKeys;
    const { text, tokens } = ctx;
    const keys = neighbourKeysBuffer;
    keys.length = 0;
    const from = Math.max(0, i - 5);
    const to = Math.min(tokens.count - 1, i + 4);
    for (let k = from; k <= to; k++) {
      if (k === i) continue;
      let key: number;
      if (tokens.ends[k]! - tokens.starts[k]! === 1) {
        if (!isInitial(text, tokens, k)) continue;
        key = initialHash(tokens, k) & SMI_MASK;
      } else key = tokens.hashes[k]! & SMI_MASK;
      if (hasBit(neighbourBits, key, CONTEXT_BITS) && union.has(key)) keys.push(key);
    }
    ctx.nbAt = i;
    ctx.nbUnion = union;
    ctx.nbKeys = keys;
    return keys;
  }

  function matchPattern(ctx: ScanContext, p: Pattern, i: number, typo: boolean, ci: number, allowStrong: boolean, shared: ClientGroup[] | undefined) {
    const { text, tokens } = ctx;
    // The client's model (clients[ci]) is read only where a context asks for it: most hits of a
    // shared name never do, and the load is a cache miss (10,000 models across the heap).
    // Tokens before and after the anchor.
    let first = i - p.anchor;
    let last = i + (p.span! - 1 - p.anchor);
    if (first < 0 || last >= tokens.count) return;
    const family = p.family!;
    if (family.scan !== ctx.serial || family.at !== i) readFamily(ctx, p, family, i, first, last);
    if (!family.ok) return;
    const particleFirst = family.particleFirst;
    const hasParticles = family.hasParticles;

    let start = tokens.starts[first]!;
    let end = tokens.ends[last]!;
    let strong = false;
    let evidence = typo ? `${p.evidence} (typo)` : ctx.possessive ? `${p.evidence} (possessive)` : p.evidence;
    let severity: Severity = 'medium';
    let conditional = false;

    if (p.role === 'identifier') {
      // Widen a web address over its scheme, www. and trailing slash.
      while (start > 0 && URL_CHAR_BEFORE.test(text[start - 1]!)) start--;
      while (end < text.length && URL_CHAR_AFTER.test(text[end]!) && !URL_TRAILING_PUNCTUATION.test(text[end]!)) end++;
      ctx.candidates.push({ start, end, clientIdx: ci, kind: p.kind, severity: 'high', evidence, strong: true });
      return;
    }

    // Particles before (surnames, "De Linde"): longest spelling that fits (see readFamily).
    if (hasParticles) start = tokens.starts[particleFirst]!;
    if (p.needsParticles && !hasParticles) return;

    const capital = fact(ctx, i, F_CAPITAL);
    const sentenceStart = fact(ctx, particleFirst, F_SENTENCE_START);
    const honorific = fact(ctx, particleFirst, F_HONORIFIC);

    if (p.role === 'surname' && allowStrong) {
      // Initials before: "J. de Vries", "J.P. de Vries", "JP de Vries".
      let q = particleFirst - 1;
      let initials = 0;
      let initialMatches = false;
      while (q >= 0 && isInitial(text, tokens, q)) {
        const gap = text.slice(tokens.ends[q]!, tokens.starts[q + 1]!);
        if (!INITIAL_GAP.test(gap) && !DOT_GAP.test(gap)) break;
        initials++;
        initialMatches = clients[ci]!.givenInitials.includes(tokens.key(q)[0]!) || initialMatches;
        q--;
      }
      if (initials > 0 && initialMatches) {
        start = tokens.starts[q + 1]!;
        strong = true;
        evidence = 'initials and surname';
      }
      // Given name before: full name (possibly with a typo in either part).
      // Whether the word before could be any client's given name (or one typo away) is a fact of
      // the hit, asked once for every surname pattern: usually no, and no client is compared.
      const given = !strong && particleFirst > 0 && fact(ctx, particleFirst - 1, F_MAYBE_GIVEN) ? clients[ci]!.given : NO_WORDS;
      const g = particleFirst - given.length;
      if (given.length && g >= 0) {
        let ok = true;
        for (let k = 0; k < given.length; k++) {
          const tk = tokens.key(g + k);
          const want = given[k]!;
          if (tk !== want && !(want.length >= TYPO_MIN_LENGTH && damerauLevenshteinAtMostOne(tk, want))) ok = false;
        }
        if (ok && isWordGap(text.slice(tokens.ends[particleFirst - 1]!, tokens.starts[particleFirst]!))) {
          start = tokens.starts[g]!;
          strong = true;
          evidence = 'full name';
        }
      }
      // "De Vries, J." — surname, comma, initials.
      if (!strong && last + 1 < tokens.count) {
        // A one-letter token first: cheaper than the gap's regular expression, and rare.
        if (
          tokens.ends[last + 1]! - tokens.starts[last + 1]! === 1 &&
          COMMA_GAP.test(text.slice(tokens.ends[last]!, tokens.starts[last + 1]!)) &&
          isInitial(text, tokens, last + 1) &&
          clients[ci]!.givenInitials.includes(tokens.key(last + 1)[0]!)
        ) {
          end = tokens.ends[last + 1]!;
          if (text[end] === '.') end++;
          strong = true;
          evidence = 'surname and initials';
        }
      }
      // Double surname: the other half right before or after joins the span.
      // (The hyphen first: without it no client's other half is read.)
      if (p.units === 2 && p.unit === 1 && particleFirst > 0 && isHyphenGap(text, tokens.ends[particleFirst - 1]!, tokens.starts[particleFirst]!)) {
        const otherUnit = clients[ci]!.surnameUnits[0]!;
        for (const core of otherUnit.cores) {
          const s = particleFirst - core.length;
          if (s >= 0 && keysAre(tokens, s, core)) {
            // Leave it to the first half's match, which extends over this one.
            return;
          }
        }
      }
      if (p.units === 2 && p.unit === 0 && last + 1 < tokens.count) {
        const model = clients[ci]!;
        const second = model.surnameUnits[1]!;
        const after = last + 1;
        if (isHyphenGap(text, tokens.ends[last]!, tokens.starts[after]!)) {
          let k = after;
          // particles of the second half, then its core
          for (const sp of second.spellings) {
            if (keysAre(tokens, after, sp)) { k = after + sp.length; break; }
          }
          let core: string[] | undefined;
          for (const c of second.cores) {
            if (keysAre(tokens, k, c)) {
              core = c;
              break;
            }
          }
          if (core) {
            end = tokens.ends[k + core.length - 1]!;
            strong = true;
            evidence = 'double surname';
            // initials / given name before the first half were handled above only when !strong
            const g2 = particleFirst - model.given.length;
            if (model.given.length && g2 >= 0 && keysAre(tokens, g2, model.given)) start = tokens.starts[g2]!;
            let q2 = particleFirst - 1;
            while (q2 >= 0 && isInitial(text, tokens, q2)) q2--;
            if (q2 < particleFirst - 1) start = tokens.starts[q2 + 1]!;
          }
        }
      }
    }

    if ((p.role === 'given' || p.role === 'alias') && allowStrong) {
      const model = clients[ci]!;
      // If this client's surname follows, the surname match covers the full name.
      const next = last + 1;
      if (next < tokens.count && model.followers.includes(tokens.key(next)) && isWordGap(text.slice(tokens.ends[last]!, tokens.starts[next]!))) {
        for (const unit of model.surnameUnits) {
          for (const sp of unit.spellings) {
            const c = next + sp.length;
            if (c >= tokens.count) continue;
            if (!keysAre(tokens, next, sp)) continue;
            for (const core of unit.cores) if (keysAre(tokens, c, core)) return;
            // "Tim de R." — given name and the surname's initial.
            if (sp.length > 0 && tokens.key(c) === unit.initial && isInitial(text, tokens, c)) {
              end = tokens.ends[c]!;
              if (text[end] === '.') end++;
              strong = true;
              evidence = 'first name and surname initial';
            }
          }
        }
      }
    }

    // The case gate: an ordinary word is a name only when written like one.
    if (!strong) {
      if (p.role === 'given' || p.role === 'alias') {
        if (!firstNameAlone && p.role === 'given') return;
        if (p.common) {
          if (!capital) return;
          // At the start of a sentence the capital says nothing: keep it only if the client is
          // clearly named elsewhere in the message ("3. Bram Koster ⏎ Bram is …").
          if (sentenceStart && !honorific && !fact(ctx, i, F_INITIAL_NAME)) conditional = true;
        }
        if (fact(ctx, last, F_FOREIGN_SURNAME_AFTER)) {
          const foreign = tokens.key(last + 1);
          const model = clients[ci]!;
          if (!model.followers.includes(foreign) && !startsACore(model, foreign) && !model.orgTokens.includes(foreign)) return;
        }
        if (fact(ctx, last, F_AFFILIATION_AFTER) && !orgFollows(ctx, clients[ci]!, last)) return;
      } else if (p.role === 'surname') {
        if (honorific) {
          strong = true;
          evidence = 'surname after a form of address';
        } else if (p.common) {
          if (!capital) return;
          // A capital at the start of a sentence says nothing, unless a particle stands before it.
          if (sentenceStart && !hasParticles && !fact(ctx, i, F_INITIAL_NAME)) conditional = true;
          // "Boer" without "de" (a surname with particles): still a surname when capitalised mid-sentence.
        }
        if (hasParticles) severity = 'high';
      } else if (p.role === 'org' || p.role === 'org-short') {
        if (p.common) {
          if (!capital) return;
          if (sentenceStart && !hasParticles) return;
        }
        if (p.span! > 1) strong = true;
      } else if (p.role === 'detail') {
        if (p.common && p.properNoun) {
          const placePrep = first > 0 && tokenInSet(PLACE_PREPOSITION_WORDS, tokens, first - 1);
          if (!placePrep && (!capital || sentenceStart)) return;
        }
        severity = 'low';
      }
    }
    if (strong) severity = 'high';
    if (typo) severity = 'low';

    // Possessive "'s" or "'" after the name belongs to it: "Björn's", "Roos'".
    // (Both forms start with an apostrophe: without one, nothing to look at.)
    const quote = text.charCodeAt(end);
    if ((quote === 39 || quote === 0x2019) && (p.kind === 'name' || p.kind === 'organization')) {
      const after = text.slice(end, end + 3);
      const m = after.match(POSSESSIVE_S);
      if (m) end += 2;
      else if (POSSESSIVE_APOSTROPHE.test(after) && SIBILANT_END.test(text.slice(start, end))) end += 1;
    }

    // One object shape for every candidate (absent fields are undefined): keeps property access monomorphic.
    const candidate: Candidate = {
      start, end, clientIdx: ci, kind: p.kind, severity, evidence, strong,
      group: shared && (!strong || p.kind === 'organization') ? shared : undefined,
      conditional,
      detailIndex: p.detailIndex,
      detailGroup: p.detailIndexes ? { clients: p.clients!, detailIndexes: p.detailIndexes } : undefined,
    };
    if (((p.role === 'given' || p.role === 'alias') && !strong && ctx.group) || candidate.group) {
      if (ctx.group) ctx.group[ctx.groupLength++] = candidate;
      else ctx.candidates.push(candidate);
    } else ctx.candidates.push(candidate);
  }

  /**
   * The client-independent start of matchPattern for p's family at hit i: the pattern's other
   * tokens and the gaps between them, then the particles before (longest spelling that fits).
   */
  function readFamily(ctx: ScanContext, p: Pattern, family: Family, i: number, first: number, last: number): void {
    const { text, tokens } = ctx;
    family.scan = ctx.serial;
    family.at = i;
    family.ok = false;
    for (let k = 0; k < p.tokens.length; k++) {
      if (k === p.anchor) continue;
      if (tokens.key(first + k) !== p.tokens[k]) return;
    }
    for (let k = first; k < last; k++) {
      const gap = text.slice(tokens.ends[k]!, tokens.starts[k + 1]!);
      if (p.contiguous ? !IDENTIFIER_GAP.test(gap) : !isNamePartGap(gap)) return;
    }
    let particleFirst = first;
    let hasParticles = false;
    // One bit read rules out every spelling when the word before ends none of them.
    if (p.particleSpellings.length && first > 0 && hasBit(particleTailBits, tokens.hashes[first - 1]!, PARTICLE_BITS)) {
      for (const spelling of p.particleSpellings) {
        const s = first - spelling.length;
        if (s < 0) continue;
        let ok = true;
        for (let k = 0; k < spelling.length; k++) {
          if (tokens.key(s + k) !== spelling[k]) { ok = false; break; }
          const gap = text.slice(tokens.ends[s + k]!, tokens.starts[s + k + 1]!);
          if (!isParticleGap(gap)) { ok = false; break; }
        }
        if (ok) {
          particleFirst = s;
          hasParticles = true;
          break;
        }
      }
    }
    family.ok = true;
    family.particleFirst = particleFirst;
    family.hasParticles = hasParticles;
  }

  /**
   * "James Clear" when the client is James O'Connor: the capitalised word right after a first
   * name is someone's surname. Returns its key (the caller checks it is not the client's own).
   */
  function foreignSurnameAfter(ctx: ScanContext, last: number): boolean {
    const { text, tokens } = ctx;
    const next = last + 1;
    if (next >= tokens.count) return false;
    const gap = text.slice(tokens.ends[last]!, tokens.starts[next]!);
    if (gap !== ' ' && gap !== '\u00a0') return false;
    if (shapeOf(text, tokens.starts[next]!, tokens.ends[next]!) !== Shape.Title) return false;
    const key = tokens.key(next);
    return !PARTICLES.has(key) && key.length >= 2;
  }

  /** A per-token fact, computed once per scan whatever the number of patterns hitting the token. */
  function fact(ctx: ScanContext, k: number, which: number): boolean {
    // Allocated on the first question: most texts never ask one.
    if (ctx.facts === EMPTY_FACTS) {
      const size = ctx.tokens.count * FACTS;
      if (factsBuffer.length < size) factsBuffer = new Int8Array(Math.max(size, factsBuffer.length * 2));
      else factsBuffer.fill(0, 0, size);
      ctx.facts = factsBuffer;
    }
    const slot = k * FACTS + which;
    const known = ctx.facts[slot]!;
    if (known !== 0) return known === 2;
    const { text, tokens } = ctx;
    let v: boolean;
    switch (which) {
      case F_CAPITAL: {
        const shape = shapeOf(text, tokens.starts[k]!, tokens.ends[k]!);
        v = shape === Shape.Title || shape === Shape.Upper;
        break;
      }
      case F_SENTENCE_START:
        // In a camelCase hashtag every segment has a capital, which says as little as a sentence's.
        v = isSentenceStart(text, tokens.starts[k]!) || isCamelSegment(tokens, k);
        break;
      case F_HONORIFIC:
        if (k > 0 && tokenInSet(HONORIFIC_WORDS, tokens, k - 1)) {
          // "mevr. Verhoeven", not "mevr.Verhoeven" (an empty gap is a hashtag's, not a dot's).
          const gap = text.slice(tokens.ends[k - 1]!, tokens.starts[k]!);
          v = visible(gap) !== '.' && isWordGap(gap.replace('.', ''));
        } else v = false;
        break;
      case F_INITIAL_NAME:
        // Part-of-speech tagging of a camelCase hashtag's pieces says nothing either.
        v = !isCamelSegment(tokens, k) && looksLikeSentenceInitialName(text, tokens, k, dutchContext(tokens, k));
        break;
      case F_FOREIGN_SURNAME_AFTER:
        v = foreignSurnameAfter(ctx, k);
        break;
      case F_MAYBE_GIVEN:
        // As in lowerCaseContext: a given name's hash, or a token one typo away from one.
        v = givenTooLong || hasBit(farBits, tokens.hashes[k]!, CONTEXT_BITS) || givenTypoFilter.mayMatch(tokens, k);
        break;
      default:
        v = affiliationAfter(ctx, k);
    }
    ctx.facts[slot] = v ? 2 : 1;
    return v;
  }

  /** "Kim from the cleaning company", "Max van jullie ICT": a first name pinned to another affiliation. */
  function affiliationAfter(ctx: ScanContext, last: number): boolean {
    const { tokens } = ctx;
    return last + 2 < tokens.count && tokenInSet(AFFILIATION_1_WORDS, tokens, last + 1) && tokenInSet(AFFILIATION_2_WORDS, tokens, last + 2);
  }

  /** Unless what follows is the client's own organisation ("Sterre van de gemeente Meppel"). */
  function orgFollows(ctx: ScanContext, model: ClientModel, last: number): boolean {
    const { tokens } = ctx;
    for (let k = last + 2; k < Math.min(tokens.count, last + 7); k++) if (model.orgTokens.includes(tokens.key(k)) && !PARTICLES.has(tokens.key(k))) return true;
    return false;
  }

  /**
   * Per-client tables for `resolve`, allocated on the first scan. Named entries are valid where
   * their round (resolve call) matches; evidence, count and kinds are left zeroed (see
   * clearItemTables). Arrays by client index instead of Maps and Sets: no allocation per scan,
   * and a shared name's hundreds of clients cost an array read each.
   */
  let resolveTables: {
    evidenceValue: Int32Array;
    /** Clients with evidence, in order of their first candidate: evidenceOrder[0, evidenceCount). */
    evidenceOrder: Int32Array;
    namedRound: Int32Array;
    count: Uint16Array;
    kinds: Uint8Array;
    touched: Int32Array;
  } | null = null;
  let evidenceCount = 0;
  let touchedCount = 0;
  let resolveRound = 0;
  const candidatesBuffer: Candidate[] = [];
  const keptBuffer: Candidate[] = [];
  const withDetailsBuffer: Candidate[] = [];
  /** Scratch space of sortCandidates. */
  const sortScratch: Candidate[] = [];
  const seenDetails = new Set<number>();
  const seenGroups = new Set<number[]>();
  /** Per client group of a shared name: its winner in this message (see resolve). */
  const groupWinners = new Map<ClientGroup, number>();
  /** Per shared detail: its winner (the same for every occurrence in this message). */
  const winners = new Map<number[], number>();

  /**
   * Zeroes the evidence and counters `resolve` set (also at its start, in case a scan threw
   * midway): zero is "none", so reading a client's evidence needs no check of the round.
   */
  function clearItemTables() {
    if (!resolveTables) return;
    const { evidenceValue, evidenceOrder, count, kinds, touched } = resolveTables;
    zeroEntries(evidenceValue, evidenceOrder, evidenceCount);
    zeroEntries(count, touched, touchedCount);
    zeroEntries(kinds, touched, touchedCount);
    evidenceCount = 0;
    touchedCount = 0;
  }

  /**
   * Zeroes table[indexes[k]] for k < n. A long text's shared details touch thousands of clients in
   * random order: past an eighth of the registry, one sequential fill of the whole table is
   * cheaper than a write per client.
   */
  function zeroEntries(table: Int32Array | Uint16Array | Uint8Array, indexes: Int32Array, n: number) {
    if (n * 8 > table.length) table.fill(0);
    else for (let k = 0; k < n; k++) table[indexes[k]!] = 0;
  }

  function bump(ci: number) {
    const t = resolveTables!;
    if (t.count[ci] === 0) t.touched[touchedCount++] = ci;
    t.count[ci]!++;
  }

  function addDetail(ci: number, di: number) {
    const k = ci * 128 + 4 + Math.min(di, 120);
    if (!seenDetails.has(k)) {
      seenDetails.add(k);
      bump(ci);
    }
  }

  /**
   * Counts a kept candidate's registered items per client (see resolve): a kind of item once per
   * client; a detail once per (client, detail number). A (client, detail number) pair belongs to
   * exactly one pattern, so the members of a shared detail's group are distinct and counted
   * directly once per group; the details of a single client are deduplicated by key.
   */
  function countItem(c: Candidate, kinds: Uint8Array) {
    if (c.kind !== 'detail') {
      const bit = KIND_BIT[c.kind];
      if ((kinds[c.clientIdx]! & bit) === 0) {
        kinds[c.clientIdx]! |= bit;
        bump(c.clientIdx);
      }
    } else if (c.detailGroup) {
      if (seenGroups.has(c.detailGroup.clients)) return;
      seenGroups.add(c.detailGroup.clients);
      const { clients: cs, detailIndexes } = c.detailGroup;
      for (let m = 0; m < cs.length; m++) {
        if (detailIndexes[m]! < 120) bump(cs[m]!);
        else addDetail(cs[m]!, detailIndexes[m]!);
      }
    } else addDetail(c.clientIdx, c.detailIndex!);
  }

  function resolve(all: Candidate[]): Finding[] {
    const n = clients.length;
    const tables = (resolveTables ??= {
      evidenceValue: new Int32Array(n), evidenceOrder: new Int32Array(n),
      namedRound: new Int32Array(n), count: new Uint16Array(n), kinds: new Uint8Array(n), touched: new Int32Array(n),
    });
    const { evidenceValue, evidenceOrder, namedRound, count, kinds } = tables;
    const round = ++resolveRound;
    clearItemTables();
    for (let k = 0; k < all.length; k++) {
      const c = all[k]!;
      if (c.strong && c.kind === 'name') namedRound[c.clientIdx] = round;
    }
    // The buffers are filled from index 0 with counts of their own: emptied with length = 0 they
    // would drop their backing stores, and every scan would grow them again.
    // Kept are the candidates that are not conditional on a name, or whose name is there; they
    // add up, per client, the items that stand on their own (not details, no shared names).
    // Details count as context here ("Tim, de ecoloog"), though alone they are no finding.
    const candidates = candidatesBuffer;
    let candidateCount = 0;
    for (let k = 0; k < all.length; k++) {
      const c = all[k]!;
      if (c.conditional && namedRound[c.clientIdx] !== round) continue;
      candidates[candidateCount++] = c;
      if (c.group || c.detailGroup) continue;
      const ci = c.clientIdx;
      if (evidenceValue[ci] === 0) evidenceOrder[evidenceCount++] = ci;
      evidenceValue[ci] = evidenceValue[ci]! + (c.strong ? 2 : 1);
    }

    // Shared first names: the client the rest of the message points to (most evidence).
    // Details count only with another registered item of the same client in the message: a
    // second detail, or a name, identifier or organisation. Each kept candidate is counted as it
    // is kept (countItem), in per-detector arrays indexed by client: a detail shared by hundreds
    // of clients costs an array increment per client, not a Map and a Set operation.
    seenDetails.clear();
    seenGroups.clear();
    const kept = keptBuffer;
    let keptCount = 0;
    for (let k = 0; k < candidateCount; k++) {
      const c = candidates[k]!;
      const group = c.group;
      if (!group) {
        kept[keptCount++] = c;
        countItem(c, kinds);
        continue;
      }
      // The client with the most evidence elsewhere in the message; without any, the first one.
      // The same for every mention of one shared name (one group object): looked at once.
      let winner = group.length === 1 ? groupWinners.get(group[0]!) : undefined;
      if (winner === undefined) {
        winner = groupWinner(group, round);
        if (group.length === 1) groupWinners.set(group[0]!, winner);
      }
      if (winner >= 0) {
        const r = retarget(c, winner, undefined, c.evidence);
        kept[keptCount++] = r;
        countItem(r, kinds);
      }
    }
    groupWinners.clear();
    const withDetails = withDetailsBuffer;
    let withDetailsCount = 0;
    winners.clear();
    for (let k = 0; k < keptCount; k++) {
      const c = kept[k]!;
      if (c.kind !== 'detail') withDetails[withDetailsCount++] = c;
      else if (!c.detailGroup) {
        if (count[c.clientIdx]! >= 2) withDetails[withDetailsCount++] = c;
      } else {
        // A detail many clients share: report it for the client the message points to most.
        let winner = winners.get(c.detailGroup.clients);
        if (winner === undefined) {
          let best = -1;
          winner = -1;
          for (const ci of c.detailGroup.clients) {
            if (count[ci]! < 2) continue;
            const e = evidenceValue[ci]!;
            if (e > best) {
              best = e;
              winner = ci;
            }
          }
          winners.set(c.detailGroup.clients, winner);
        }
        if (winner >= 0) withDetails[withDetailsCount++] = retargetDetail(c, winner);
      }
    }
    clearItemTables();

    // Overlaps: keep the longest span; on a tie, the strongest. One finding per span.
    sortCandidates(withDetails, withDetailsCount, sortScratch);
    const out: Finding[] = [];
    let lastEnd = -1;
    for (let k = 0; k < withDetailsCount; k++) {
      const c = withDetails[k]!;
      if (c.start < lastEnd) continue;
      out.push({ start: c.start, end: c.end, clientId: clientIds[c.clientIdx]!, kind: c.kind, severity: c.severity, evidence: c.evidence });
      lastEnd = c.end;
    }
    return out;
  }

  /** The winner of a shared name's groups (see resolve), -1 if all its members are excluded. */
  function groupWinner(group: ClientGroup[], round: number): number {
    const { evidenceValue, evidenceOrder } = resolveTables!;
    let best = 0;
    let winner = -1;
    let groupSize = 0;
    for (let g = 0; g < group.length; g++) groupSize += group[g]!.all.length;
    if (evidenceCount <= groupSize) {
      for (let m = 0; m < evidenceCount; m++) {
        const ci = evidenceOrder[m]!;
        const e = evidenceValue[ci]!;
        if (e <= best) continue;
        for (let g = 0; g < group.length; g++) {
          const gr = group[g]!;
          if (gr.set.has(ci) && !gr.exclude?.has(ci)) {
            best = e;
            winner = ci;
            break;
          }
        }
      }
    } else {
      // The first member (group by group, in order) with the most evidence. A group without
      // exclusions (a shared name's solo group, at every mention) is read once per round: its
      // own first best member, compared with > like each member, is the same winner.
      for (let g = 0; g < group.length; g++) {
        const gr = group[g]!;
        const members = gr.all;
        if (gr.exclude === null) {
          if (gr.round !== round) {
            let bestE = 0;
            let bestCi = -1;
            for (let m = 0; m < members.length; m++) {
              const ci = members[m]!;
              const e = evidenceValue[ci]!;
              if (e > bestE) {
                bestE = e;
                bestCi = ci;
              }
            }
            gr.round = round;
            gr.bestE = bestE;
            gr.bestCi = bestCi;
          }
          if (gr.bestE > best) {
            best = gr.bestE;
            winner = gr.bestCi;
          }
          continue;
        }
        for (let m = 0; m < members.length; m++) {
          const ci = members[m]!;
          const e = evidenceValue[ci]!;
          if (e > best && !gr.exclude.has(ci)) {
            best = e;
            winner = ci;
          }
        }
      }
    }
    if (winner < 0) {
      for (let g = 0; g < group.length; g++) {
        const gr = group[g]!;
        for (const ci of gr.all) if (!gr.exclude?.has(ci)) { winner = ci; break; }
        if (winner >= 0) break;
      }
    }
    return winner;
  }

  return { scan };
}

const KIND_BIT: Record<FindingKind, number> = { name: 1, identifier: 2, organization: 4, detail: 8 };

/** Scans so far, all detectors: tells one scan's family readings from another's (see Family). */
let scanSerial = 0;

/** Tokens per scanTokens call (see there). */
const SCAN_CHUNK = 512;

/** Roles whose single-token names take a genitive s. */
const POSSESSIVE_ROLES = new Set<Role>(['given', 'alias', 'surname', 'org', 'org-short']);
const NO_PARTICLES: string[][] = [[]];
const NO_WORDS: string[] = [];

const F_CAPITAL = 0;
const F_SENTENCE_START = 1;
const F_HONORIFIC = 2;
const F_INITIAL_NAME = 3;
const F_FOREIGN_SURNAME_AFTER = 4;
const F_AFFILIATION_AFTER = 5;
/** The token could be a registered given name, exactly or with one typo (a necessary condition). */
const F_MAYBE_GIVEN = 6;
const FACTS = 7;
const EMPTY_FACTS = new Int8Array(0);
/** A token table kept alive for its hidden class (see keepShapes); also what a kept context points to. */
const EMPTY_TOKENS = tokenize('');

/** The patterns anchored on one key; `ready` once `prepareAnchor` has run for them. */
type PatternList = Pattern[] & { ready?: true; gates?: Int32Array };

/** Bits of PatternList.gate. */
const GATE_POSSESSIVE = 1;
/** Case-gated (Pattern.lowerGated); with one of the next two for the narrower roles. */
const GATE_LOWER = 2;
const GATE_LOWER_ORG = 4;
const GATE_LOWER_GIVEN = 8;
/** A single-token detail that is an ordinary word and a proper noun (a town like "Best"). */
const GATE_PLACE = 16;

/** The bit of a neighbour key in Pattern.neighbourMask. */
function neighbourBit(key: number): number {
  return 1 << (Math.imul(key, 0x9e3779b1) >>> 27);
}

/** The GATE_LOWER bits of a case-gated pattern. */
function lowerGate(p: Pattern): number {
  return GATE_LOWER | (p.role === 'org' || p.role === 'org-short' ? GATE_LOWER_ORG : p.role === 'given' || p.role === 'alias' ? GATE_LOWER_GIVEN : 0);
}

/**
 * Patterns that differ only in their client (a first name or surname many clients share) are
 * one pattern with a client list (see `add`); this gives each a neighbour index, so a hit costs
 * the same whether one or three hundred clients are called Sanne, and the few clients whose
 * given name, initial or surname stands next to it are still tried one by one. Also hashes the
 * tokens of phrase patterns. Run for an anchor key on its first hit, not at build time.
 */
function prepareAnchor(list: PatternList, clients: ClientModel[], neighbourBits: Uint32Array) {
  list.ready = true;
  for (let a = 0; a < list.length; a++) list[a] = uniform(list[a]!);
  // Per pattern, what matchHit checks before touching it (see there): at 2a the hash of the
  // phrase's token next to the anchor, at 2a + 1 that token's offset (-1, +1; 0 for a single
  // token) << 8 | the GATE_ bits. One array: one cache line for a hit's first few patterns.
  list.gates = new Int32Array(2 * list.length);
  for (let a = 0; a < list.length; a++) {
    const p = list[a]!;
    let offset = 0;
    if (p.tokens.length > 1) {
      const k = p.anchor > 0 ? p.anchor - 1 : p.anchor + 1;
      offset = k - p.anchor;
      list.gates[2 * a] = hashKey(p.tokens[k]!);
    }
    const gate =
      (POSSESSIVE_ROLES.has(p.role) ? GATE_POSSESSIVE : 0) | (p.lowerGated === true ? lowerGate(p) : 0) |
      (p.role === 'detail' && p.common && p.properNoun && p.tokens.length === 1 ? GATE_PLACE : 0);
    list.gates[2 * a + 1] = (offset << 8) | gate;
  }
  // Families: patterns that read the same tokens around a hit (see Pattern.family).
  for (let a = 0; a < list.length; a++) {
    const p = list[a]!;
    for (let b = 0; b < a && !p.family; b++) if (sameReading(list[b]!, p)) p.family = list[b]!.family;
    p.family ??= { scan: 0, at: -1, ok: false, particleFirst: 0, hasParticles: false };
  }
  {
    const union = new Set<number>();
    for (const p of list) {
      if (p.tokens.length > 1) p.tokenHashes = Int32Array.from(p.tokens, hashKey);
      if (!p.clients) continue;
      p.clientSet = new Set(p.clients);
      p.soloGroup = [{ all: p.clients, set: p.clientSet, exclude: null, round: 0, bestE: 0, bestCi: -1 }];
      if (p.role === 'detail' || p.role === 'org' || p.role === 'org-short') continue;
      const byNeighbour = new Map<number, number[]>();
      const index = (word: string, c: number) => {
        const k = hashKey(word) & SMI_MASK;
        setBit(neighbourBits, k, CONTEXT_BITS);
        const l = byNeighbour.get(k);
        if (l) {
          if (l[l.length - 1] !== c) l.push(c);
        } else byNeighbour.set(k, [c]);
      };
      for (const ci of p.clients) {
        const m = clients[ci]!;
        if (p.role === 'surname') {
          for (const g of m.given) index(g.length === 1 ? '#' + g : g, ci);
          for (const g of m.givenInitials) index('#' + g, ci);
          // The other half of a double surname.
          if (m.surnameUnits.length > 1) for (const u of m.surnameUnits) for (const core of u.cores) index(core[0]!, ci);
        } else {
          for (const u of m.surnameUnits) {
            for (const core of u.cores) index(core[0]!.length === 1 ? '#' + core[0]! : core[0]!, ci);
            index('#' + u.initial, ci);
          }
        }
      }
      p.byNeighbour = byNeighbour;
      p.neighbourUnion = union;
      let mask = 0;
      for (const k of byNeighbour.keys()) mask |= neighbourBit(k);
      p.neighbourMask = mask;
      for (const k of byNeighbour.keys()) union.add(k);
    }
  }
}

/**
 * The same pattern as an object of one shape: every field, in one order. Patterns are made by
 * seven object literals (one per role) and get fields added as they are prepared, so a hit's
 * loop over them read `p.clients`, `p.tokenHashes`, `p.family` … through megamorphic property
 * lookups, each a trip through V8's global stub cache. One shape makes those loads monomorphic.
 * Made when the anchor key is first hit (prepareAnchor); the build's objects are then dropped.
 */
function uniform(p: Pattern): Pattern {
  // The fields a judged hit reads first, in the order matchAnchor and matchPattern read them:
  // a pattern is ~200 bytes, and its first touch at a hit is a cache miss; nearby fields come
  // in the same cache lines.
  return {
    // A single-token name or organisation pattern whose word is ordinary (see Pattern.lowerGated).
    lowerGated:
      p.common && p.tokens.length === 1 &&
      (p.role === 'given' || p.role === 'alias' || p.role === 'surname' || p.role === 'org' || p.role === 'org-short'),
    tokenHashes: p.tokenHashes,
    clients: p.clients,
    clientIdx: p.clientIdx,
    role: p.role,
    anchor: p.anchor,
    span: p.tokens.length,
    family: p.family,
    neighbourUnion: p.neighbourUnion,
    byNeighbour: p.byNeighbour,
    neighbourMask: 0,
    soloGroup: p.soloGroup,
    needsParticles: p.needsParticles,
    common: p.common,
    kind: p.kind,
    evidence: p.evidence,
    detailIndex: p.detailIndex,
    detailIndexes: p.detailIndexes,
    units: p.units,
    unit: p.unit,
    properNoun: p.properNoun,
    tokens: p.tokens,
    particleSpellings: p.particleSpellings,
    contiguous: p.contiguous,
    clientSet: p.clientSet,
  };
}

/** First spelling of a particle sequence, as a string (particle spellings are cached, so per array). */
const firstSpellingKey = new WeakMap<string[][], string>();
function particleKey(spellings: string[][]): string {
  if (!spellings.length) return '';
  let k = firstSpellingKey.get(spellings);
  if (k === undefined) firstSpellingKey.set(spellings, (k = spellings[0]!.join(' ')));
  return k;
}

/**
 * Whether pattern `a` and a pattern of the given fields (of one anchor key) differ at most in their
 * client (and detail number): the same role, tokens, anchor, particles (by their first spelling),
 * case flags, evidence and unit.
 */
function samePatternBut(
  a: Pattern, role: Role, anchor: number, common: boolean, properNoun: boolean, evidence: string,
  unit: number | undefined, units: number | undefined, tokens: string[], spellings: string[][],
): boolean {
  if (a.role !== role || a.anchor !== anchor || a.common !== common || a.properNoun !== properNoun) return false;
  if (a.evidence !== evidence || a.unit !== unit || a.units !== units) return false;
  const at = a.tokens;
  const n = at.length;
  if (n !== tokens.length) return false;
  if (at !== tokens) for (let k = 0; k < n; k++) if (at[k] !== tokens[k]) return false;
  const as = a.particleSpellings;
  if (as === spellings) return true;
  // No particles ('') against some (a non-empty first spelling): different, without the WeakMap.
  if (as.length === 0 || spellings.length === 0) return false;
  return particleKey(as) === particleKey(spellings);
}

/** Two patterns whose client-independent reading of a hit is the same (see readFamily). */
function sameReading(a: Pattern, b: Pattern): boolean {
  if (a.anchor !== b.anchor || (a.contiguous === true) !== (b.contiguous === true)) return false;
  // Spellings are cached per particle sequence (particleSpellings), so one array each; none is [].
  const pa = a.particleSpellings;
  const pb = b.particleSpellings;
  if (pa !== pb && (pa.length !== 0 || pb.length !== 0)) return false;
  const n = a.tokens.length;
  if (n !== b.tokens.length) return false;
  for (let k = 0; k < n; k++) if (a.tokens[k] !== b.tokens[k]) return false;
  return true;
}

/** A copy of a candidate for another client or group, with the same object shape. */
function retarget(c: Candidate, clientIdx: number, group: ClientGroup[] | undefined, evidence: string): Candidate {
  return {
    start: c.start, end: c.end, clientIdx, kind: c.kind, severity: c.severity, evidence, strong: c.strong,
    group, conditional: c.conditional, detailIndex: c.detailIndex, detailGroup: c.detailGroup,
  };
}

/** retarget(c, clientIdx, undefined, c.evidence) without its detail group (no spread copy). */
function retargetDetail(c: Candidate, clientIdx: number): Candidate {
  return {
    start: c.start, end: c.end, clientIdx, kind: c.kind, severity: c.severity, evidence: c.evidence, strong: c.strong,
    group: undefined, conditional: c.conditional, detailIndex: c.detailIndex, detailGroup: undefined,
  };
}

/** Candidate order for resolving overlaps: by start, then longest first, then strongest first. */
function compareCandidates(a: Candidate, b: Candidate): number {
  return a.start - b.start || b.end - b.start - (a.end - a.start) || rank(b) - rank(a);
}

/**
 * Stable sort of list[0, n) by compareCandidates, in place, without allocating: a merge sort over a scratch
 * array kept by the caller, with insertion sort for short ranges. Candidates arrive nearly in
 * text order (one token after another), so most merges are skipped by one comparison; the
 * identifiers' candidates, appended at the end, are merged in rather than moved one by one.
 */
function sortCandidates(list: Candidate[], n: number, scratch: Candidate[]): void {
  if (n < 2) return;
  // Filled, not written past its end: the array stays in V8's fast elements.
  while (scratch.length < n) scratch.push(list[0]!);
  mergeSortCandidates(list, scratch, 0, n);
}

function mergeSortCandidates(a: Candidate[], tmp: Candidate[], lo: number, hi: number): void {
  if (hi - lo <= 12) {
    for (let i = lo + 1; i < hi; i++) {
      const x = a[i]!;
      let k = i;
      // Past every element that sorts after x only: equal ones keep their order.
      while (k > lo && compareCandidates(a[k - 1]!, x) > 0) {
        a[k] = a[k - 1]!;
        k--;
      }
      a[k] = x;
    }
    return;
  }
  const mid = (lo + hi) >>> 1;
  mergeSortCandidates(a, tmp, lo, mid);
  mergeSortCandidates(a, tmp, mid, hi);
  if (compareCandidates(a[mid - 1]!, a[mid]!) <= 0) return;
  for (let k = lo; k < mid; k++) tmp[k] = a[k]!;
  let i = lo;
  let j = mid;
  let k = lo;
  // On a tie the left one first: stable.
  while (i < mid && j < hi) a[k++] = compareCandidates(a[j]!, tmp[i]!) < 0 ? a[j++]! : tmp[i++]!;
  while (i < mid) a[k++] = tmp[i++]!;
}

function rank(c: Candidate): number {
  return (c.strong ? 4 : 0) + (c.severity === 'high' ? 2 : c.severity === 'medium' ? 1 : 0);
}


/**
 * Regular expressions of the hit path, made once: a literal in a function body is a new RegExp
 * object at every evaluation. None is global or sticky, so test() and match() keep no state.
 */
const URL_CHAR_BEFORE = /[^\s<>"'(\[]/;
const URL_CHAR_AFTER = /[^\s<>"')\]]/;
const URL_TRAILING_PUNCTUATION = /[.,;:!?]/;
const COMMA_GAP = /^\s*,\s*$/;
const POSSESSIVE_S = /^['’]s\b/;
const IDENTIFIER_GAP = /^[-/._:@']{1,2}$/;
const WORD_GAP = /^[ \t\u00a0]+$/;
const NAME_PART_GAP = /^['’-]$/;
const PARTICLE_GAP = /^[ \t\u00a0./'’]+$/;
const INITIAL_GAP = /^\.?\s*$/;
const DOT_GAP = /^\.$/;
const POSSESSIVE_APOSTROPHE = /^['’](?![\p{L}])/u;
const SIBILANT_END = /[sxz]$/i;

/** Invisible format characters (zero-width space/joiners, word joiner, BOM, soft hyphen, Mongolian vowel separator). */
const INVISIBLE_CHARS = /[\u200b-\u200d\u2060\ufeff\u00ad\u180e]/g;
const INVISIBLE_ONE = /^[\u200b-\u200d\u2060\ufeff\u00ad\u180e]$/;

/** A gap between two tokens without its invisible characters ("Marieke\u2060 Verhoeven" has a plain space). */
function visible(gap: string): string {
  for (let k = 0; k < gap.length; k++) if (gap.charCodeAt(k) >= 0xad) return gap.replace(INVISIBLE_CHARS, '');
  return gap;
}

/**
 * Whitespace (no line break) between two words of one name. Empty between the camel segments of
 * a hashtag (#MariekeVerhoeven): tokens of ordinary text are never adjacent.
 */
function isWordGap(gap: string): boolean {
  if (gap.length === 0) return true;
  gap = visible(gap);
  // Nothing visible: the camel segments of a hashtag split at an invisible character (the
  // tokenizer makes such a gap nowhere else).
  return gap.length === 0 || (gap.length <= 3 && WORD_GAP.test(gap));
}

/** Inside one name part or phrase: a space, or an apostrophe/hyphen as in O'Connor. */
function isNamePartGap(gap: string): boolean {
  return isWordGap(gap) || NAME_PART_GAP.test(visible(gap));
}

/** Between particle tokens and the core: spaces, dots (v.d.), slash (v/d), apostrophe ('t); none inside a hashtag (#JanDeKok). */
function isParticleGap(gap: string): boolean {
  if (gap.length === 0) return true;
  gap = visible(gap);
  if (gap.length === 0) return true;
  return gap.length <= 4 && PARTICLE_GAP.test(gap) && !gap.includes('\n');
}

/** Token k is one of the camel segments of a hashtag: adjacent to a neighbouring token, nothing visible between. */
function isCamelSegment(tokens: Tokens, k: number): boolean {
  return (k > 0 && joined(tokens, k - 1)) || (k + 1 < tokens.count && joined(tokens, k));
}

/** Tokens k and k + 1 touch, or only invisible characters stand between them (see pushCamelSegments). */
function joined(tokens: Tokens, k: number): boolean {
  const from = tokens.ends[k]!;
  const to = tokens.starts[k + 1]!;
  if (from === to) return true;
  for (let p = from; p < to; p++) {
    const c = tokens.text.charCodeAt(p);
    if (c < 0xad || !INVISIBLE_ONE.test(tokens.text[p]!)) return false;
  }
  return true;
}

/** The keys of tokens at, at + 1, … are `words` (words.every, without a closure per call). */
function keysAre(tokens: Tokens, at: number, words: string[]): boolean {
  for (let m = 0; m < words.length; m++) if (tokens.key(at + m) !== words[m]) return false;
  return true;
}

/** `word` is the first word of one of the client's surname cores. */
function startsACore(model: ClientModel, word: string): boolean {
  for (const u of model.surnameUnits) for (const c of u.cores) if (c[0] === word) return true;
  return false;
}

/** \s of a regular expression, by code. */
function isSpaceCode(c: number): boolean {
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** text[a, b) is a hyphen with any white space around it (/^\s*-\s*$/), read in place. */
function isHyphenGap(text: string, a: number, b: number): boolean {
  let p = a;
  while (p < b && isSpaceCode(text.charCodeAt(p))) p++;
  if (p >= b || text.charCodeAt(p) !== 45) return false;
  p++;
  while (p < b && isSpaceCode(text.charCodeAt(p))) p++;
  return p === b;
}

/** hashKey('#' + tokens.key(k)), without making either string for an ASCII token. */
function initialHash(tokens: Tokens, k: number): number {
  let h = 35; // '#'
  if (tokens.ascii[k]) {
    for (let p = tokens.starts[k]!; p < tokens.ends[k]!; p++) h = (Math.imul(h, HASH_BASE) + lowerAscii(tokens.text, p)) | 0;
    return h;
  }
  const key = tokens.key(k);
  for (let m = 0; m < key.length; m++) h = (Math.imul(h, HASH_BASE) + key.charCodeAt(m)) | 0;
  return h;
}

/** A single capital letter token used as an initial ("J." or "J" in "JP"). */
function isInitial(text: string, tokens: Tokens, k: number): boolean {
  const s = tokens.starts[k]!;
  const e = tokens.ends[k]!;
  return e - s === 1 && isUpperLetterAt(text, s);
}

/** The words around token i read as Dutch rather than English. */
function dutchContext(tokens: Tokens, i: number): boolean {
  let nl = 0;
  let en = 0;
  for (let k = i + 1; k < Math.min(tokens.count, i + 5); k++) {
    const key = tokens.key(k);
    let lang = wordLanguage.get(key);
    if (lang === undefined) {
      lang = (isDutchWord(key) ? 1 : 0) | (isEnglishWord(key) ? 2 : 0);
      if (wordLanguage.size > 20_000) wordLanguage.clear();
      wordLanguage.set(key, lang);
    }
    if (lang === 1) nl++;
    if (lang === 2) en++;
  }
  return nl > en;
}

/** Word → 1 Dutch, 2 English, 3 both, 0 neither: the same few words follow sentence-initial names. */
const wordLanguage = new Map<string, number>();

/**
 * A bit set over 32-bit hashes of strings and their one-letter deletions. `mayMatch` hashes a
 * token and each of its deletions in place (no substrings), answering "certainly not a typo of a
 * registered name" for almost every ordinary word.
 */
class TypoFilter {
  private static readonly BITS = 1 << 22;
  private readonly bits: Uint32Array;
  private readonly prefix = new Int32Array(64);
  /**
   * Four bit sets of EDGE_BITS, by (letters, length): first two and last two letters of names of
   * five or six letters, first three and last three of longer names (see `edgesMatch`).
   */
  private readonly edges = new Uint32Array((EDGE_BITS * 4) >>> 5);

  /** `words` is for the kept one of buildShapes only, which is never used. */
  constructor(words = TypoFilter.BITS >>> 5) {
    this.bits = new Uint32Array(words);
  }

  add(s: string): void {
    setBit(this.bits, hashKey(s), TypoFilter.BITS);
  }

  /**
   * A name (five letters or more) that tokens one typo away from should pass: the name, its
   * one-letter deletions, and its edges for the cheap gate in `mayMatch`.
   */
  addName(name: string): void {
    this.add(name);
    for (const d of deletions(name)) this.add(d);
    const n = name.length;
    const c = (k: number) => name.charCodeAt(k);
    for (let len = n - 1; len <= n + 1; len++) {
      if (n <= 6) {
        this.setEdge(0, edgeIndex(c(0), c(1), 0, len));
        this.setEdge(1, edgeIndex(c(n - 2), c(n - 1), 0, len));
      } else {
        this.setEdge(2, edgeIndex(c(0), c(1), c(2), len));
        this.setEdge(3, edgeIndex(c(n - 3), c(n - 2), c(n - 1), len));
      }
    }
  }

  private setEdge(set: number, index: number): void {
    setBit(this.edges, set * EDGE_BITS + index, EDGE_BITS * 4);
  }

  private hasEdge(set: number, index: number): boolean {
    return hasBit(this.edges, set * EDGE_BITS + index, EDGE_BITS * 4);
  }

  /**
   * The cheap gate. One typo (an insertion, deletion, substitution or swap at one place) changes
   * a name's length by at most one and leaves one of its ends in place: the first two or the
   * last two letters of a name of five letters or more, the first three or the last three of a
   * name of seven or more (the edit touches at most two neighbouring positions, which cannot
   * reach both ends then). So a token whose edges, with its length, are unlike every name's is no
   * typo of any: a few reads of a 32 KB bit set instead of a hash per letter in the 512 KB one.
   * Takes the token's first three and last three folded letters (a0 a1 a2 … z2 z1 z0) and its
   * length L (at least 3).
   */
  private edgesMatch(a0: number, a1: number, a2: number, z2: number, z1: number, z0: number, L: number): boolean {
    // A name of 5–6 letters: tokens of 4–7.
    if (L <= 7 && (this.hasEdge(0, edgeIndex(a0, a1, 0, L)) || this.hasEdge(1, edgeIndex(z1, z0, 0, L)))) return true;
    // A name of 7 or more: tokens of 6 or more.
    return L >= 6 && (this.hasEdge(2, edgeIndex(a0, a1, a2, L)) || this.hasEdge(3, edgeIndex(z2, z1, z0, L)));
  }

  /**
   * Could token k be a registered name with one typo? Tests the token's hash and the hash of
   * each one-letter deletion, computed from prefix hashes in O(length) without substrings:
   * H(s without s[j]) = H(s) + (P[j] - P[j+1]) * B^(L-1-j).
   */
  mayMatch(tokens: Tokens, k: number): boolean {
    const P = this.prefix;
    let L: number;
    if (tokens.ascii[k]) {
      const text = tokens.text;
      const start = tokens.starts[k]!;
      L = tokens.ends[k]! - start;
      if (L >= P.length || L < 3) return false;
      const e = start + L;
      if (!this.edgesMatch(lowerAscii(text, start), lowerAscii(text, start + 1), lowerAscii(text, start + 2), lowerAscii(text, e - 3), lowerAscii(text, e - 2), lowerAscii(text, e - 1), L)) return false;
      P[0] = 0;
      for (let j = 0; j < L; j++) {
        let c = text.charCodeAt(start + j);
        if (c >= 65 && c <= 90) c += 32;
        P[j + 1] = (Math.imul(P[j]!, HASH_BASE) + c) | 0;
      }
    } else {
      const key = tokens.key(k);
      L = key.length;
      if (L >= P.length || L < 3) return false;
      if (!this.edgesMatch(key.charCodeAt(0), key.charCodeAt(1), key.charCodeAt(2), key.charCodeAt(L - 3), key.charCodeAt(L - 2), key.charCodeAt(L - 1), L)) return false;
      P[0] = 0;
      for (let j = 0; j < L; j++) P[j + 1] = (Math.imul(P[j]!, HASH_BASE) + key.charCodeAt(j)) | 0;
    }
    const H = P[L]!;
    if (hasBit(this.bits, H, TypoFilter.BITS)) return true;
    let pow = 1;
    for (let j = L - 1; j >= 0; j--) {
      const d = (H + Math.imul((P[j]! - P[j + 1]!) | 0, pow)) | 0;
      if (hasBit(this.bits, d, TypoFilter.BITS)) return true;
      pow = Math.imul(pow, HASH_BASE);
    }
    return false;
  }
}

/** Size of each of TypoFilter's two edge bit sets (8 KB each). */
const EDGE_BITS = 1 << 16;

/** Bit index (below EDGE_BITS) for two or three letters (c = 0 for two) and a length. */
function edgeIndex(a: number, b: number, c: number, len: number): number {
  return (Math.imul((a << 16) ^ b, 0x9e3779b1) ^ Math.imul(c, 0xcc9e2d51) ^ Math.imul(len, 0x85ebca77)) >>> 16;
}

/** The ASCII code unit at p, lower-cased. */
function lowerAscii(text: string, p: number): number {
  const c = text.charCodeAt(p);
  return c >= 65 && c <= 90 ? c + 32 : c;
}

function setBit(bits: Uint32Array, h: number, size: number): void {
  const m = h & (size - 1);
  bits[m >>> 5]! |= 1 << (m & 31);
}

function hasBit(bits: Uint32Array, h: number, size: number): boolean {
  const m = h & (size - 1);
  return (bits[m >>> 5]! & (1 << (m & 31))) !== 0;
}

/** All strings with one character removed. */
function deletions(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length; i++) out.push(s.slice(0, i) + s.slice(i + 1));
  return out;
}
