// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { rangeFor, readEditorText } from '../../../src/guard/editor-text';

function editor(html: string): HTMLElement {
  const el = document.createElement('div');
  el.contentEditable = 'true';
  el.innerHTML = html;
  document.body.replaceChildren(el);
  return el;
}

describe('readEditorText', () => {
  it('reads Quill paragraphs as lines, an empty line as an empty line', () => {
    const el = editor('<p>Hallo</p><p><br></p><p>Marieke Verhoeven komt</p>');
    expect(readEditorText(el).text).toBe('Hallo\n\nMarieke Verhoeven komt');
  });

  it('reads a plain contenteditable with divs and <br> (Gmail) without running words together', () => {
    const el = editor('Beste Bram,<div>tot<br>morgen</div><div>groet</div>');
    expect(readEditorText(el).text).toBe('Beste Bram,\ntot\nmorgen\ngroet');
  });

  it('reads CKEditor / ProseMirror markup (inline formatting stays inside the line)', () => {
    const el = editor('<p>Met <strong>Marieke</strong> <em>Verhoeven</em> gesproken</p><ul><li>punt een</li><li>punt twee</li></ul>');
    expect(readEditorText(el).text).toBe('Met Marieke Verhoeven gesproken\npunt een\npunt twee');
  });

  it('treats non-breaking spaces as spaces so names still match, keeping offsets', () => {
    const el = editor('<p>Marieke\u00a0Verhoeven</p>');
    const et = readEditorText(el);
    expect(et.text).toBe('Marieke Verhoeven');
    expect(rangeFor(et, 0, 17)!.toString()).toBe('Marieke\u00a0Verhoeven');
  });

  it('skips scripts and styles inside the editor', () => {
    const el = editor('<p>a<style>.x{}</style>b</p>');
    expect(readEditorText(el).text).toBe('ab');
  });

  it('maps text offsets back to a DOM range, also across formatting', () => {
    const el = editor('<p>Hallo</p><p>gesprek met Mar<strong>ieke Ver</strong>hoeven vandaag</p>');
    const et = readEditorText(el);
    const start = et.text.indexOf('Marieke');
    const range = rangeFor(et, start, start + 'Marieke Verhoeven'.length)!;
    expect(range.toString()).toBe('Marieke Verhoeven');
  });

  it('maps a mention at the very end of the text', () => {
    const el = editor('<p>Hallo Bram</p>');
    const et = readEditorText(el);
    expect(rangeFor(et, 6, 10)!.toString()).toBe('Bram');
  });

  it('never changes the editor', () => {
    const html = '<p>Hallo</p><p><br></p><p>Marieke <b>Verhoeven</b></p>';
    const el = editor(html);
    const et = readEditorText(el);
    rangeFor(et, 7, 24);
    expect(el.innerHTML).toBe(html);
  });

  it('reads textareas and inputs by value, without DOM ranges', () => {
    const ta = document.createElement('textarea');
    ta.value = 'Vraag over Bram Koster';
    document.body.replaceChildren(ta);
    const et = readEditorText(ta);
    expect(et).toMatchObject({ text: 'Vraag over Bram Koster', kind: 'field' });
    expect(rangeFor(et, 11, 15)).toBeNull();
  });

  it('reads an empty editor as empty text', () => {
    const el = editor('<p><br></p>');
    expect(readEditorText(el).text).toBe('\n');
    expect(rangeFor(readEditorText(editor('')), 0, 0)).toBeNull();
  });
});
