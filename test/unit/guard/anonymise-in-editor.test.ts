// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { groupReplacements } from '../../../src/guard/anonymise-in-editor';
import { readEditorText } from '../../../src/guard/editor-text';
import type { Replacement } from '../../../src/anonymise/placeholders';

const r = (text: string, find: string, to: string, from = 0): Replacement => {
  const start = text.indexOf(find, from);
  return { start, end: start + find.length, original: find, text: to };
};

describe('groupReplacements', () => {
  it('a field is one insertText (one undo step), last-first', () => {
    const text = 'Bram en Anouk, Bram';
    const groups = groupReplacements(null, [r(text, 'Bram', 'cliënt A'), r(text, 'Anouk', 'cliënt B'), r(text, 'Bram', 'cliënt A', 5)], text);
    expect(groups).toEqual([{ start: 0, end: text.length, original: text, text: 'cliënt A en cliënt B, cliënt A' }]);
  });

  it('rich text: one group per text node, last first, keeping non-breaking spaces in between', () => {
    const el = document.createElement('div');
    el.innerHTML = '<p>Bram\u00a0en Anouk</p><p>met <b>Bram</b> erbij</p>';
    document.body.replaceChildren(el);
    const et = readEditorText(el);
    const text = et.text;
    const groups = groupReplacements(et, [r(text, 'Bram', 'cliënt A'), r(text, 'Anouk', 'cliënt B'), r(text, 'Bram', 'cliënt A', 5)], text);
    expect(groups.map((g) => g.text)).toEqual(['cliënt A', 'cliënt A\u00a0en cliënt B']);
    expect(groups[1]!.original).toBe('Bram en Anouk');
  });
});
