/**
 * Build plugin: compacts the CSS of the guard's closed shadow roots (the `const CSS = \`…\`` blocks in
 * src/guard/*.ts). They are plain CSS text the minifier cannot touch, shipped on every page of the five apps;
 * the content script has a 60 KB budget (scripts/check-release.ts). Comments and layout whitespace go; the
 * rules stay exactly as written. A block with a `${…}` substitution is left alone.
 */
import type { Plugin } from 'vite';

const GUARD_FILE = /[\\/]src[\\/]guard[\\/][^\\/]+\.ts$/;

export function compactCss(css: string): string {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{}:;,>])\s*/g, '$1')
    .replace(/;}/g, '}')
    .trim();
}

export function compactShadowCss(): Plugin {
  return {
    name: 'discreet:compact-shadow-css',
    enforce: 'pre',
    transform(code, id) {
      if (!GUARD_FILE.test(id) || !code.includes('const CSS = `')) return null;
      const out = code.replace(/const CSS = `([^`$]*)`/g, (_m, css: string) => `const CSS = ${JSON.stringify(compactCss(css))}`);
      return out === code ? null : { code: out, map: null };
    },
  };
}
