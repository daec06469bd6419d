import { describe, expect, it } from 'vitest';
import { compactCss, compactShadowCss } from '../../../scripts/compact-shadow-css';

describe('compacting the guard\'s shadow-root CSS at build time', () => {
  it('drops comments and layout whitespace, keeps every rule and every space that matters', () => {
    const css = `
:host { all: initial; }
/* only the buttons take the pointer */
.box.err { background: #fdecea; border: 1px solid #e6a09a; }
.tip div + div { color: #444; }
.row > button:focus-visible, q { quotes: "“" "”"; font: 13px/1.4 system-ui, sans-serif; }
`;
    expect(compactCss(css)).toBe(
      ':host{all:initial}.box.err{background:#fdecea;border:1px solid #e6a09a}.tip div + div{color:#444}.row>button:focus-visible,q{quotes:"“" "”";font:13px/1.4 system-ui,sans-serif}',
    );
  });

  it('rewrites only `const CSS = `…`` blocks of src/guard files, and leaves substitutions alone', () => {
    const plugin = compactShadowCss() as { transform: (code: string, id: string) => { code: string } | null };
    const code = 'const CSS = `\n.a { color: red; }\n`;\nconst other = `\n keep   this \n`;';
    expect(plugin.transform(code, '/repo/src/guard/marks-overlay.ts')?.code).toBe('const CSS = ".a{color:red}";\nconst other = `\n keep   this \n`;');
    expect(plugin.transform(code, '/repo/src/ui/options-app.ts')).toBeNull();
    expect(plugin.transform('const CSS = `.a { width: ${w}px; }`;', '/repo/src/guard/x.ts')).toBeNull();
  });
});
