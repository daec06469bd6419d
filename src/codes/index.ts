/**
 * The codes of conduct Discreet cites, for the warning dialog (content script), the options page and the popup.
 * Small and dependency-free on purpose: it is bundled into the content script on every protected page.
 */
import type { Language } from '../i18n';
import { ARTICLES, CODES, SITUATION_ARTICLES, type ArticleText, type CodeId, type Situation } from './articles';

export type { ArticleText, CodeId, CodeInfo, Situation } from './articles';
export { ARTICLES, CODES, SITUATION_ARTICLES } from './articles';

/** The coach's choice in the settings (same values as `CodeChoice` in src/protocol.ts). */
export type CodeChoice = 'lvsc' | 'rl' | 'both';

export const SITUATIONS: readonly Situation[] = ['public-post', 'third-party', 'message', 'supervision'];

export interface WarningArticle {
  code: CodeId;
  /** Article number, e.g. '5' or '2.1.4'. */
  article: string;
  title: string;
  /** One sentence for the warning dialog. */
  short: string;
  /** The "why this warning?" text. */
  full: string;
  /** e.g. "LVSC-code art. 5 (digitale ethiek)". */
  citation: string;
}

export function codesFor(choice: CodeChoice): CodeId[] {
  return choice === 'both' ? ['lvsc', 'rl'] : [choice];
}

export function codeName(code: CodeId, language: Language): string {
  return CODES[code].name[language];
}

export function findArticle(code: CodeId, article: string): ArticleText | undefined {
  return ARTICLES.find((a) => a.code === code && a.number === article);
}

/** "LVSC-code art. 5 (digitale ethiek)" / "LVSC code art. 5 (digital ethics)". */
export function citation(ref: { code: CodeId; article: string }, language: Language): string {
  const a = findArticle(ref.code, ref.article);
  const prefix = CODES[ref.code].citationPrefix[language];
  if (!a) return `${prefix} art. ${ref.article}`;
  const title = a.title[language];
  return `${prefix} art. ${a.number} (${title.charAt(0).toLowerCase()}${title.slice(1)})`;
}

/** The articles to cite in a warning, per chosen code in code order, most relevant first within each code. */
export function articlesForWarning(choice: CodeChoice, situation: Situation, language: Language): WarningArticle[] {
  const out: WarningArticle[] = [];
  for (const code of codesFor(choice)) {
    for (const number of SITUATION_ARTICLES[situation][code]) {
      const a = findArticle(code, number);
      if (!a) continue; // guarded by the unit tests: every listed number exists
      out.push({
        code,
        article: a.number,
        title: a.title[language],
        short: a.short[language],
        full: a.full[language],
        citation: citation({ code, article: a.number }, language),
      });
    }
  }
  return out;
}
