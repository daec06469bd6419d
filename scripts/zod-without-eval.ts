/**
 * Build plugin: takes zod's three `Function`-constructor sites out of the shipped code.
 *
 * Discreet runs zod `jitless` (src/zod-jitless.ts): zod then never probes for eval nor compiles parsers
 * with `new Function`, so these sites are dead code; Discreet's CSP forbids eval anyway. Left in, they are
 * the DANGEROUS_EVAL warnings of `web-ext lint` (Mozilla's review flags any Function constructor). Each
 * `const F = Function;` becomes `const F = undefined;`: should one of them ever run, it throws a TypeError
 * inside zod's own try/catch or fallback instead of evaluating a string.
 *
 * If a zod update moves the code, the build FAILS here rather than quietly shipping eval again.
 */
import type { Plugin } from 'vite';

const ZOD_EVAL_FILES = /[\\/]zod[\\/]v4[\\/]core[\\/](util|doc|compile)\.js$/;

export function zodWithoutEval(): Plugin {
  return {
    name: 'discreet:zod-without-eval',
    enforce: 'pre',
    transform(code, id) {
      if (!ZOD_EVAL_FILES.test(id)) return null;
      const out = code.replace(/\bconst F = Function;/g, 'const F = undefined; /* Discreet: zod runs jitless; no eval is shipped */');
      if (out === code) this.error(`zod-without-eval: no "const F = Function;" in ${id} any more: zod changed, update scripts/zod-without-eval.ts`);
      return { code: out, map: null };
    },
  };
}
