import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  ARTICLES,
  CODES,
  SITUATIONS,
  SITUATION_ARTICLES,
  articlesForWarning,
  citation,
  codesFor,
  type CodeChoice,
  type CodeId,
} from '../../../src/codes';

const LANGS = ['nl', 'en'] as const;
const CHOICES: CodeChoice[] = ['lvsc', 'rl', 'both'];
const SOURCE_DIR = fileURLToPath(new URL('../../../../shared/codes/', import.meta.url));

function source(code: CodeId): string | null {
  const file = SOURCE_DIR + CODES[code].sourceFile;
  return existsSync(file) ? readFileSync(file, 'utf8') : null;
}

/** A regex matching the phrase with any whitespace (line breaks of the PDF text) between words. */
function phrase(text: string): RegExp {
  const words = text.trim().split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(words.join('\\s+'));
}

/** Section headings in a source text: a line starting with a number and a capitalised title. */
function headings(text: string): Array<{ index: number; heading: string }> {
  const out: Array<{ index: number; heading: string }> = [];
  for (const m of text.matchAll(/^[ \t]*(\d+(?:\.\d+)*\.?[ \t]+\p{Lu}[^\n]*)$/gmu)) {
    out.push({ index: m.index! + m[0].indexOf(m[1]!), heading: m[1]!.trim().replace(/\s+/g, ' ') });
  }
  return out;
}

const norm = (s: string) => s.toLowerCase().replace(/[’']/g, "'").replace(/[^\p{L}\p{N}' ]+/gu, ' ').replace(/\s+/g, ' ').trim();

describe('code articles', () => {
  it('every article has a Dutch and English title, short and full text', () => {
    expect(ARTICLES.length).toBeGreaterThanOrEqual(12);
    for (const a of ARTICLES) {
      for (const lang of LANGS) {
        expect(a.title[lang].trim(), `${a.code} ${a.number} title ${lang}`).not.toBe('');
        expect(a.short[lang].trim().length, `${a.code} ${a.number} short ${lang}`).toBeGreaterThan(20);
        expect(a.full[lang].length, `${a.code} ${a.number} full ${lang}`).toBeGreaterThan(a.short[lang].length);
        // short is one sentence: exactly one sentence end, at the end.
        expect(a.short[lang].match(/[.!?](\s|$)/g), `${a.code} ${a.number} short ${lang} is one sentence`).toHaveLength(1);
      }
      expect(a.title.en).not.toBe(a.title.nl === a.title.en ? '__never__' : a.title.nl);
      expect(a.short.en, `${a.code} ${a.number} short is translated`).not.toBe(a.short.nl);
      expect(a.full.en, `${a.code} ${a.number} full is translated`).not.toBe(a.full.nl);
    }
  });

  it('article numbers are unique per code and belong to their printed heading', () => {
    const seen = new Set<string>();
    for (const a of ARTICLES) {
      const key = `${a.code}:${a.number}`;
      expect(seen.has(key), `duplicate ${key}`).toBe(false);
      seen.add(key);
      const m = a.heading.match(/^(\d+(?:\.\d+)*)\.? (.+)$/);
      expect(m, `heading of ${key}`).not.toBeNull();
      const [, section, title] = m!;
      expect(a.number === section || a.number.startsWith(section + '.'), `${key} under ${a.heading}`).toBe(true);
      expect(a.title.nl, `${key} Dutch title as printed`).toBe(title);
    }
  });

  it('the key confidentiality articles are all there', () => {
    const numbers = (code: CodeId) => ARTICLES.filter((a) => a.code === code).map((a) => a.number);
    expect(numbers('lvsc')).toEqual(expect.arrayContaining(['2.1', '3', '3.1', '3.2', '4.4', '5']));
    expect(numbers('rl')).toEqual(expect.arrayContaining(['2.1.1', '2.1.2', '2.1.3', '2.1.4', '2.4', '3.2']));
  });

  it('situations refer only to existing articles', () => {
    for (const s of SITUATIONS) {
      for (const code of ['lvsc', 'rl'] as const) {
        for (const n of SITUATION_ARTICLES[s][code]) {
          expect(ARTICLES.some((a) => a.code === code && a.number === n), `${s} → ${code} ${n}`).toBe(true);
        }
      }
    }
  });
});

describe('citations against the source texts', () => {
  for (const code of ['lvsc', 'rl'] as const) {
    const text = source(code);
    it.skipIf(!text)(`every ${code} heading and cited paragraph occurs in ${CODES[code].sourceFile}`, () => {
      const found = headings(text!);
      for (const a of ARTICLES.filter((x) => x.code === code)) {
        const heading = found.find((h) => h.heading === a.heading);
        expect(heading, `heading "${a.heading}" printed in the source`).toBeDefined();
        const anchor = phrase(a.anchor).exec(text!);
        expect(anchor, `anchor of ${code} ${a.number} occurs in the source`).not.toBeNull();
        // The anchor lies in this article's section: the last heading before it is the article's heading.
        const before = found.filter((h) => h.index < anchor!.index).at(-1);
        expect(before?.heading, `${code} ${a.number}'s paragraph lies under its heading`).toBe(a.heading);
      }
    });

    it.skipIf(!text)(`${code} explanations are in Discreet's own words (no 8-word run copied from the code)`, () => {
      const src = ` ${norm(text!)} `;
      for (const a of ARTICLES.filter((x) => x.code === code)) {
        for (const t of [a.short.nl, a.full.nl]) {
          const words = norm(t).split(' ');
          for (let i = 0; i + 8 <= words.length; i++) {
            const run = words.slice(i, i + 8).join(' ');
            expect(src.includes(` ${run} `), `${code} ${a.number} copies "${run}"`).toBe(false);
          }
        }
      }
    });
  }

  const rl = source('rl');
  it.skipIf(!rl)('Register Loopbaanprofessional 2.1.x sub-articles follow the order of the paragraphs in 2.1', () => {
    const subs = ARTICLES.filter((a) => a.code === 'rl' && a.number.startsWith('2.1.')).sort((x, y) =>
      x.number.localeCompare(y.number, 'en', { numeric: true }),
    );
    const positions = subs.map((a) => phrase(a.anchor).exec(rl!)!.index);
    for (let i = 1; i < positions.length; i++) expect(positions[i]!, subs[i]!.number).toBeGreaterThan(positions[i - 1]!);
    // And the source itself refers to 2.1.1 and 2.1.2 by number (in 2.4 Rapportage).
    expect(rl).toContain('2.1.1 en 2.1.2');
  });

  if (!source('lvsc') || !rl) {
    it.skip(`source texts not found in ${SOURCE_DIR}: citation checks against the codes were skipped`, () => {});
  }
});

describe('articlesForWarning', () => {
  it('cites at least one article of each chosen code in every situation, and none of the other code', () => {
    for (const choice of CHOICES) {
      for (const s of SITUATIONS) {
        for (const lang of LANGS) {
          const list = articlesForWarning(choice, s, lang);
          const codes = new Set(list.map((a) => a.code));
          expect([...codes].sort(), `${choice} ${s} ${lang}`).toEqual([...codesFor(choice)].sort());
          for (const a of list) {
            expect(a.short && a.full && a.title && a.citation).toBeTruthy();
          }
        }
      }
    }
  });

  it('speaks the requested language', () => {
    const nl = articlesForWarning('lvsc', 'public-post', 'nl')[0]!;
    const en = articlesForWarning('lvsc', 'public-post', 'en')[0]!;
    expect(nl).toMatchObject({ code: 'lvsc', article: '5', title: 'Digitale ethiek' });
    expect(en).toMatchObject({ code: 'lvsc', article: '5', title: 'Digital ethics' });
    expect(nl.short).toMatch(/sociale media/);
    expect(en.short).toMatch(/social media/);
  });

  it('a supervision message cites the anonymity rules first', () => {
    const list = articlesForWarning('both', 'supervision', 'nl');
    expect(list.find((a) => a.code === 'lvsc')?.article).toBe('3.1');
    expect(list.find((a) => a.code === 'rl')?.article).toBe('2.1.4');
  });

  it('codesFor expands "both"', () => {
    expect(codesFor('both')).toEqual(['lvsc', 'rl']);
    expect(codesFor('rl')).toEqual(['rl']);
  });
});

describe('citation', () => {
  it('names code, article number and title', () => {
    expect(citation({ code: 'lvsc', article: '5' }, 'nl')).toBe('LVSC-code art. 5 (digitale ethiek)');
    expect(citation({ code: 'lvsc', article: '5' }, 'en')).toBe('LVSC code art. 5 (digital ethics)');
    expect(citation({ code: 'rl', article: '2.1.4' }, 'nl')).toBe('Gedragscode Register Loopbaanprofessional art. 2.1.4 (vertrouwelijkheid)');
    expect(citation({ code: 'rl', article: '2.4' }, 'en')).toBe('Register Loopbaanprofessional code art. 2.4 (reporting)');
  });
});

describe('module weight', () => {
  it('src/codes imports nothing but its own files and types (it ships in the content script)', () => {
    for (const f of ['index.ts', 'articles.ts']) {
      const text = readFileSync(fileURLToPath(new URL(`../../../src/codes/${f}`, import.meta.url)), 'utf8');
      for (const m of text.matchAll(/^import\s+(type\s+)?[^;]*?from\s+'([^']+)'/gms)) {
        const isType = !!m[1];
        expect(isType || m[2]!.startsWith('./'), `${f} imports ${m[2]}`).toBe(true);
      }
    }
  });
});
