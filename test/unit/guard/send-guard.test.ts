// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { sendPathOf } from '../../../src/guard/send-guard';
import { adaptersFor } from '../../../src/sites';

const GMAIL = `
<input class="fx-search" aria-label="Search mail">
<div role="dialog" data-x="c1"><form>
  <table class="GS"><tbody><tr class="bzf"><td><div class="anm" name="to"><div role="listbox">
    <div role="option" data-hovercard-id="a@example.nl">A</div></div><input aria-label="To recipients"></div></td></tr></tbody></table>
  <input name="subjectbox">
  <div class="Ap"><div id="body1" g_editable="true" contenteditable="true" role="textbox" aria-multiline="true">Hallo</div></div>
  <div class="IZ"><div class="Up"><div>
    <div role="button" id="send1" data-tooltip="Send (Ctrl-Enter)"><span id="send1-label">Send</span></div>
    <div role="button" aria-haspopup="true" id="more1">▾</div>
  </div></div></div>
</form></div>
<div role="dialog" data-x="c2"><form>
  <div class="Ap"><div id="body2" g_editable="true" contenteditable="true">Tweede</div></div>
  <div class="IZ"><div class="Up"><div><div role="button" id="send2" data-tooltip="Send (Ctrl-Enter)">Send</div></div></div></div>
</form></div>`;

const SLACK = `
<div class="c-wysiwyg_container"><div data-qa="message_input" data-channel-id="C1" class="ql-container">
  <div class="ql-editor" id="slack-ed" contenteditable="true" role="textbox" aria-label="Message #general"><p>Hoi</p></div></div>
  <button data-qa="texty_send_button" id="slack-send" type="button">Send</button>
</div>`;

const key = (init: KeyboardEventInit) => new KeyboardEvent('keydown', { bubbles: true, ...init });

function dispatchAndClassify(target: Element, event: Event, host: string) {
  let path: ReturnType<typeof sendPathOf> = null;
  const listener = (e: Event) => (path = sendPathOf(e, adaptersFor(host)));
  window.addEventListener(event.type, listener, true);
  target.dispatchEvent(event);
  window.removeEventListener(event.type, listener, true);
  return path as ReturnType<typeof sendPathOf>;
}

describe('sendPathOf: Gmail', () => {
  beforeEach(() => {
    document.body.innerHTML = GMAIL;
  });
  const $ = (id: string) => document.getElementById(id)!;

  it('Ctrl+Enter and Cmd+Enter in the body send; plain Enter and Shift+Enter do not', () => {
    expect(dispatchAndClassify($('body1'), key({ key: 'Enter', ctrlKey: true }), 'mail.google.com')).toMatchObject({ kind: 'key' });
    expect(dispatchAndClassify($('body1'), key({ key: 'Enter', metaKey: true }), 'mail.google.com')?.unit.editor.id).toBe('body1');
    expect(dispatchAndClassify($('body1'), key({ key: 'Enter' }), 'mail.google.com')).toBeNull();
    expect(dispatchAndClassify($('body1'), key({ key: 'Enter', shiftKey: true, ctrlKey: true }), 'mail.google.com')).toBeNull();
  });

  it('Ctrl+Enter in the subject or recipients sends that compose', () => {
    const subject = document.querySelector('input[name=subjectbox]')!;
    expect(dispatchAndClassify(subject, key({ key: 'Enter', ctrlKey: true }), 'mail.google.com')?.unit.editor.id).toBe('body1');
  });

  it('a click on Send (or inside it) is a send of its own compose; the options arrow is not', () => {
    const p = dispatchAndClassify($('send1-label'), new MouseEvent('click', { bubbles: true }), 'mail.google.com');
    expect(p).toMatchObject({ kind: 'button' });
    expect(p!.unit.editor.id).toBe('body1');
    expect(dispatchAndClassify($('send2'), new MouseEvent('click', { bubbles: true }), 'mail.google.com')!.unit.editor.id).toBe('body2');
    expect(dispatchAndClassify($('more1'), new MouseEvent('click', { bubbles: true }), 'mail.google.com')).toBeNull();
  });

  it('Enter or Space on the focused Send button sends', () => {
    expect(dispatchAndClassify($('send1'), key({ key: 'Enter' }), 'mail.google.com')).toMatchObject({ kind: 'button' });
    expect(dispatchAndClassify($('send1'), key({ key: ' ' }), 'mail.google.com')).toMatchObject({ kind: 'button' });
  });

  it('IME composition, other mouse buttons and unrelated fields are never send paths', () => {
    expect(dispatchAndClassify($('body1'), key({ key: 'Enter', ctrlKey: true, isComposing: true }), 'mail.google.com')).toBeNull();
    expect(dispatchAndClassify($('send1'), new MouseEvent('click', { bubbles: true, button: 1 }), 'mail.google.com')).toBeNull();
    expect(dispatchAndClassify(document.querySelector('.fx-search')!, key({ key: 'Enter' }), 'mail.google.com')).toBeNull();
  });
});

describe('sendPathOf: Slack', () => {
  beforeEach(() => {
    document.body.innerHTML = SLACK;
  });
  const $ = (id: string) => document.getElementById(id)!;

  it('Enter sends, Shift+Enter is a new line, Alt+Enter is not a send', () => {
    const inner = document.querySelector('#slack-ed p')!;
    expect(dispatchAndClassify(inner, key({ key: 'Enter' }), 'app.slack.com')).toMatchObject({ kind: 'key' });
    expect(dispatchAndClassify(inner, key({ key: 'Enter', shiftKey: true }), 'app.slack.com')).toBeNull();
    expect(dispatchAndClassify(inner, key({ key: 'Enter', altKey: true }), 'app.slack.com')).toBeNull();
  });

  it('a native send button: Space is left to the click it causes', () => {
    expect(dispatchAndClassify($('slack-send'), key({ key: ' ' }), 'app.slack.com')).toBeNull();
    expect(dispatchAndClassify($('slack-send'), new MouseEvent('pointerdown', { bubbles: true }), 'app.slack.com')).toMatchObject({ kind: 'button' });
  });

  it('other apps’ adapters do not apply on this host', () => {
    document.body.innerHTML = GMAIL;
    expect(dispatchAndClassify(document.getElementById('body1')!, key({ key: 'Enter', ctrlKey: true }), 'app.slack.com')).toBeNull();
  });
});

describe('sendPathOf: forms', () => {
  it('a submit of a form holding a known editor is a send path', () => {
    document.body.innerHTML = `<form class="msg-form"><div class="msg-form__contenteditable" contenteditable="true"><p>x</p></div>
      <button class="msg-form__send-button" type="submit">Send</button></form>`;
    const form = document.querySelector('form')!;
    const p = dispatchAndClassify(form, new Event('submit', { bubbles: true, cancelable: true }), 'www.linkedin.com');
    expect(p).toMatchObject({ kind: 'submit' });
  });
});
