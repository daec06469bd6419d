// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { ADAPTERS, adaptersFor, unitForEditorTarget } from '../../../src/sites';
import { genericAdapter } from '../../../src/sites/generic';
import { PROTECTED_HOSTS } from '../../../src/sites/hosts';

function unitOf(host: string, selector: string) {
  const el = document.querySelector(selector)!;
  const unit = unitForEditorTarget(adaptersFor(host), el);
  if (!unit) throw new Error(`no unit for ${selector}`);
  return unit;
}

describe('adapters list', () => {
  it('every protected host has a specific adapter; other hosts get the generic one', () => {
    for (const pattern of PROTECTED_HOSTS) {
      const host = new URL(pattern.replace('/*', '/')).hostname;
      expect(adaptersFor(host)).not.toContain(genericAdapter);
    }
    expect(adaptersFor('chatgpt.com')).toEqual([genericAdapter]);
  });

  it('adapter ids are unique', () => {
    const ids = ADAPTERS.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('gmail', () => {
  beforeEach(() => {
    document.body.innerHTML = `<div role="dialog"><form>
      <div class="anm" name="to"><div role="option" data-hovercard-id="A@Example.nl">A</div></div>
      <div class="anm" name="cc"><div role="option" data-hovercard-id="b@example.nl">B</div></div>
      <input name="subjectbox" value="Verslag">
      <div class="Ap"><div g_editable="true" contenteditable="true" id="b">x</div></div>
      <div class="IZ"><div class="Up"><div><div role="button" data-tooltip="Send (Ctrl-Enter)">Send</div></div></div></div>
    </form></div>`;
  });

  it('reads To and Cc addresses, the subject, and names the channel', () => {
    const u = unitOf('mail.google.com', '#b');
    expect(u.adapter.recipients!(u).emails).toEqual(['a@example.nl', 'b@example.nl']);
    expect(u.adapter.subject!(u)!.value).toBe('Verslag');
    expect(u.adapter.channel(u, 'nl')).toBe('e-mail aan a@example.nl, b@example.nl');
    expect(u.adapter.channel(u, 'en')).toBe('e-mail to a@example.nl, b@example.nl');
  });
});

describe('outlook', () => {
  it('reads recipient chips by their aria-label address', () => {
    document.body.innerHTML = `<div id="ReadingPaneContainerId">
      <div role="textbox" contenteditable="true" aria-label="To"><span class="_EType_RECIPIENT_ENTITY" aria-label="sanne@example.org">Sanne</span></div>
      <div id="editorParent_1"><div role="textbox" contenteditable="true" aria-label="Message body, press Alt+F10 to exit" id="b"></div></div>
      <div data-testid="ComposeSendButton"><button>Send</button></div></div>`;
    const u = unitOf('outlook.office.com', '#b');
    expect(u.adapter.id).toBe('outlook');
    expect(u.adapter.recipients!(u).emails).toEqual(['sanne@example.org']);
    // The To well is a contenteditable too, but it is not the body.
    expect(unitForEditorTarget(adaptersFor('outlook.office.com'), document.querySelector('[aria-label=To]')!)).toBeNull();
  });
});

describe('slack', () => {
  it('names a channel and a DM partner', () => {
    document.body.innerHTML = `<span data-qa="channel_name">general</span><div class="c-wysiwyg_container">
      <div data-qa="message_input" data-channel-id="C1"><div class="ql-editor" contenteditable="true" aria-label="Message #general" id="b"></div></div>
      <button data-qa="texty_send_button">Send</button></div>`;
    let u = unitOf('app.slack.com', '#b');
    expect(u.adapter.channel(u, 'nl')).toBe('Slack-kanaal #general');
    expect(u.adapter.recipients!(u)).toEqual({ emails: [] });
    document.querySelector('#b')!.setAttribute('aria-label', 'Message Sanne Bakker');
    u = unitOf('app.slack.com', '#b');
    expect(u.adapter.recipients!(u)).toEqual({ emails: [], partner: 'Sanne Bakker' });
    expect(u.adapter.channel(u, 'en')).toBe('Slack message to Sanne Bakker');
  });
});

describe('teams', () => {
  it('reads the chat partner from the chat title; a group chat has no single partner', () => {
    document.body.innerHTML = `<h2 data-tid="chat-title">Anouk de Wit</h2><div>
      <div data-tid="ckeditor" contenteditable="true" id="b"></div><button data-tid="newMessageCommands-send">Send</button></div>`;
    const u = unitOf('teams.microsoft.com', '#b');
    expect(u.adapter.recipients!(u)).toEqual({ emails: [], partner: 'Anouk de Wit' });
    expect(u.adapter.channel(u, 'nl')).toBe('Teams-chat met Anouk de Wit');
    document.querySelector('h2')!.textContent = 'Anouk de Wit, Bram Koster';
    expect(u.adapter.recipients!(u)).toEqual({ emails: [] });
  });
});

describe('linkedin', () => {
  it('tells the post composer, comments and messaging apart', () => {
    document.body.innerHTML = `
      <div data-test-modal-id="sharebox"><div class="ql-editor" contenteditable="true" id="post"></div><button class="share-actions__primary-action">Post</button></div>
      <div class="comments-comment-box"><div data-testid="ui-core-tiptap-text-editor-wrapper"><div class="tiptap ProseMirror" contenteditable="true" id="comment"></div></div>
        <div componentkey="x-commentButtonSection"><button>Comment</button></div></div>
      <div class="msg-convo-wrapper"><a class="msg-thread__link-to-profile">Sanne Bakker</a>
        <form class="msg-form"><div class="msg-form__contenteditable" contenteditable="true" id="msg"></div>
        <button class="msg-form__send-button" type="submit">Send</button>
        <div class="msg-form__hovercard"><label><input type="radio" name="m" value="enter" checked> Press Enter to Send</label>
          <label><input type="radio" name="m" value="click"> Click Send</label></div></form></div>`;
    const post = unitOf('www.linkedin.com', '#post');
    expect(post.adapter.channel(post, 'nl')).toBe('openbaar LinkedIn-bericht');
    expect(post.adapter.situation(post)).toBe('public-post');
    const comment = unitOf('www.linkedin.com', '#comment');
    expect(comment.adapter.id).toBe('linkedin-comment');
    const msg = unitOf('www.linkedin.com', '#msg');
    expect(msg.adapter.recipients!(msg)).toEqual({ emails: [], partner: 'Sanne Bakker' });
    expect(msg.adapter.sendKeys(msg)).toEqual(['enter']);
    (document.querySelector('input[value=enter]') as HTMLInputElement).checked = false;
    (document.querySelector('input[value=click]') as HTMLInputElement).checked = true;
    expect(msg.adapter.sendKeys(msg)).toEqual([]);
  });
});

describe('generic', () => {
  it('treats Enter as a send only in fields that look like a chat input', () => {
    document.body.innerHTML = `<form><textarea id="chat" placeholder="Message ChatGPT"></textarea><textarea id="forum"></textarea><button type="submit">Go</button></form>`;
    const chat = unitOf('chatgpt.com', '#chat');
    expect(chat.adapter.sendKeys(chat)).toContain('enter');
    const forum = unitOf('chatgpt.com', '#forum');
    expect(forum.adapter.sendKeys(forum)).toEqual(['mod-enter']);
    expect(forum.root.tagName).toBe('FORM');
  });
});
