/**
 * Dutch-first translations without a build step or a runtime dependency.
 *
 * Each area of the product declares its own messages next to its code with `defineMessages`,
 * Dutch first; the English table must have exactly the same keys (the type checker enforces it),
 * so a string can never exist in one language only. Placeholders are `{name}`.
 *
 * The language follows the browser unless the coach overrides it in the settings.
 */
export type Language = 'nl' | 'en';

let current: Language = detectLanguage();

export function detectLanguage(preferred?: readonly string[]): Language {
  const langs = preferred ?? (typeof navigator !== 'undefined' ? navigator.languages ?? [navigator.language] : []);
  for (const l of langs) {
    const base = l.toLowerCase().split('-')[0];
    if (base === 'nl') return 'nl';
    if (base === 'en') return 'en';
  }
  // Dutch-first product: coaches bound by Dutch codes of conduct.
  return 'nl';
}

export function setLanguage(language: Language | 'auto'): void {
  current = language === 'auto' ? detectLanguage() : language;
}

export function getLanguage(): Language {
  return current;
}

export type Params = Record<string, string | number>;

export type Translate<K extends string> = (key: K, params?: Params, language?: Language) => string;

export function defineMessages<const N extends Record<string, string>>(tables: {
  nl: N;
  en: { [K in keyof N]: string };
}): Translate<Extract<keyof N, string>> {
  return (key, params, language = current) => {
    const table = tables[language] as Record<string, string>;
    const template = table[key] ?? (tables.nl as Record<string, string>)[key] ?? key;
    return params ? template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : template;
  };
}
