/**
 * Deterministic synthetic benchmark inputs: registries of N clients and texts of a given length
 * with some registered mentions. Same seed, same output, on every machine.
 */
import type { Client, Registry } from '../../src/registry';
import { createRng, type Rng } from './prng';
import { REGISTRY_SEED } from './protocol';
import {
  FIRST_NAMES_EN,
  FIRST_NAMES_NL,
  HOBBIES,
  JOB_TITLES,
  MAIL_DOMAINS,
  MENTION_FRAMES_EN,
  MENTION_FRAMES_NL,
  NICKNAMES,
  ORG_PATTERNS,
  ORG_WORDS,
  PROVINCES,
  SENTENCES_EN,
  SENTENCES_NL,
  STREETS,
  SURNAMES_NL,
  SURNAMES_OTHER,
  TOWNS,
  TUSSENVOEGSELS,
} from './vocabulary';

const ascii = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ı/g, 'i')
    .replace(/ø/g, 'o')
    .replace(/ł/g, 'l');

const compact = (s: string) => ascii(s).toLowerCase().replace(/[^a-z0-9]/g, '');

function surname(rng: Rng): string {
  if (rng.chance(0.22)) return rng.pick(SURNAMES_OTHER);
  const core = rng.pick(SURNAMES_NL);
  const withTv = rng.chance(0.4) ? `${rng.pick(TUSSENVOEGSELS)} ${core}` : core;
  // A few double surnames (married names): Verhoeven-de Bruijn.
  if (rng.chance(0.05)) return `${withTv}-${rng.chance(0.5) ? `${rng.pick(TUSSENVOEGSELS)} ` : ''}${rng.pick(SURNAMES_NL)}`;
  return withTv;
}

function phone(rng: Rng, used: Set<string>): string {
  for (;;) {
    const p = rng.chance(0.85) ? `06-${rng.digits(8)}` : `0${rng.int(10, 599)}-${rng.digits(6)}`;
    if (!used.has(p)) {
      used.add(p);
      return p;
    }
  }
}

function client(rng: Rng, index: number, usedPhones: Set<string>, usedMails: Set<string>): Client {
  const first = rng.chance(0.7) ? rng.pick(FIRST_NAMES_NL) : rng.pick(FIRST_NAMES_EN);
  const last = surname(rng);
  const name = `${first} ${last}`;

  const aliases: string[] = [];
  const nick = NICKNAMES[first];
  if (nick && rng.chance(0.7)) aliases.push(rng.pick(nick));
  if (rng.chance(0.04)) aliases.push(`${first[0]}. ${last}`);

  const identifiers: string[] = [];
  let mail = `${compact(first)}.${compact(last)}@${rng.pick(MAIL_DOMAINS)}`;
  while (usedMails.has(mail)) mail = mail.replace('@', String(rng.int(0, 9)) + '@');
  usedMails.add(mail);
  identifiers.push(mail);
  identifiers.push(phone(rng, usedPhones));
  if (rng.chance(0.15)) identifiers.push(`linkedin.com/in/${compact(first)}${compact(last)}${rng.chance(0.5) ? rng.digits(3) : ''}`);
  if (rng.chance(0.1)) identifiers.push(`${rng.pick(STREETS)} ${rng.int(1, 250)}`);
  if (rng.chance(0.08)) identifiers.push(`VC-${rng.int(2019, 2026)}-${String(index % 1000).padStart(3, '0')}`);

  const organization = rng.chance(0.85)
    ? rng.pick(ORG_PATTERNS)(rng.pick(ORG_WORDS), rng.pick(TOWNS), rng.pick(PROVINCES), rng.pick(SURNAMES_NL))
    : undefined;

  const details: string[] = [rng.pick(JOB_TITLES)];
  if (rng.chance(0.8)) details.push(rng.pick(TOWNS));
  if (rng.chance(0.25)) details.push(rng.pick(HOBBIES));

  return { id: `c${String(index + 1).padStart(5, '0')}`, name, aliases, identifiers, ...(organization ? { organization } : {}), details };
}

/** A registry of `n` synthetic clients. */
export function makeRegistry(n: number, seed = REGISTRY_SEED): Registry {
  const rng = createRng(seed ^ n);
  const usedPhones = new Set<string>();
  const usedMails = new Set<string>();
  const clients: Client[] = [];
  for (let i = 0; i < n; i++) clients.push(client(rng, i, usedPhones, usedMails));
  return { version: 1, clients };
}

/** How a client is mentioned: the surface text a coach might type. */
function mention(rng: Rng, c: Client): string {
  const [first, ...rest] = c.name.split(' ');
  const last = rest.join(' ');
  const r = rng.next();
  if (r < 0.3) return c.name;
  if (r < 0.5) return first!;
  if (r < 0.62) return `${rng.pick(['mevrouw', 'meneer', 'dhr.', 'Ms', 'Mr'])} ${last.charAt(0).toUpperCase()}${last.slice(1)}`;
  if (r < 0.7) return c.identifiers[0]!;
  if (r < 0.76) return c.identifiers[1] ?? c.name;
  if (r < 0.88 && c.organization) return c.organization;
  if (r < 0.94 && c.aliases.length) return rng.pick(c.aliases);
  if (c.details.length) return `${first} (${rng.pick(c.details)})`;
  return c.name;
}

export interface SyntheticText {
  text: string;
  /** Number of inserted registered mentions. */
  mentions: number;
}

/**
 * Prose of about `length` UTF-16 code units (cut at a sentence end, never longer), Dutch with some
 * English, in paragraphs, with a registered mention in about `mentionRate` of the sentences.
 */
export function makeText(registry: Registry, length: number, seed: number, mentionRate = 0.12): SyntheticText {
  const rng = createRng(seed ^ (length * 31) ^ registry.clients.length);
  const parts: string[] = [];
  let size = 0;
  let mentions = 0;
  let sentencesInParagraph = 0;
  for (;;) {
    const english = rng.chance(0.3);
    let sentence: string;
    if (registry.clients.length && rng.chance(mentionRate)) {
      const frame = english ? rng.pick(MENTION_FRAMES_EN) : rng.pick(MENTION_FRAMES_NL);
      sentence = frame.replace('@', mention(rng, rng.pick(registry.clients)));
      mentions++;
    } else sentence = english ? rng.pick(SENTENCES_EN) : rng.pick(SENTENCES_NL);
    const sep = size === 0 ? '' : sentencesInParagraph >= rng.int(3, 7) ? '\n\n' : ' ';
    if (sep === '\n\n') sentencesInParagraph = 0;
    if (size + sep.length + sentence.length > length) {
      if (size === 0) return { text: sentence.slice(0, length), mentions };
      break;
    }
    parts.push(sep, sentence);
    size += sep.length + sentence.length;
    sentencesInParagraph++;
  }
  return { text: parts.join(''), mentions };
}
