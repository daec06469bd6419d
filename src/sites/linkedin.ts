/**
 * LinkedIn: three surfaces with their own editors (sites.md §3).
 * Post composer (Quill, Post button only), comments (Quill legacy or TipTap, button only),
 * messaging (plain contenteditable; Enter sends when the "Press Enter to Send" mode hides the Send button).
 */
import { text } from './dom';
import { ts } from './messages';
import type { ComposeUnit, SiteAdapter } from './types';

const hosts = ['www.linkedin.com', 'linkedin.com'] as const;

export const linkedinPostAdapter: SiteAdapter = {
  id: 'linkedin-post',
  hosts,
  editorSelector: [
    '[data-test-modal-id="sharebox"] .ql-editor[contenteditable="true"]',
    '.share-box-v2__modal .ql-editor[contenteditable="true"]',
    '.share-creation-state__text-editor .ql-editor[contenteditable="true"]',
  ].join(', '),
  rootSelector: '[data-test-modal-id="sharebox"], .share-box-v2__modal, [role="dialog"]',
  sendButtonSelector: 'button.share-actions__primary-action',
  sendKeys: () => [],
  channel: (_u, lang) => ts('linkedinPost', undefined, lang),
  situation: () => 'public-post',
};

export const linkedinCommentAdapter: SiteAdapter = {
  id: 'linkedin-comment',
  hosts,
  editorSelector: [
    '.comments-comment-box .ql-editor[contenteditable="true"]',
    '.comments-comment-texteditor .ql-editor[contenteditable="true"]',
    '.comments-comment-box__form .ql-editor[contenteditable="true"]',
    '[data-testid="ui-core-tiptap-text-editor-wrapper"] [contenteditable="true"]',
  ].join(', '),
  rootSelector: '.comments-comment-box__form, .comments-comment-box',
  sendButtonSelector: [
    'button.comments-comment-box__submit-button',
    'button[class*="comments-comment-box__submit-button"]',
    '[componentkey*="commentButtonSection"] button',
  ].join(', '),
  sendKeys: () => [],
  channel: (_u, lang) => ts('linkedinComment', undefined, lang),
  situation: () => 'public-post',
};

function partner(u: ComposeUnit): string {
  const bubble = u.editor.closest('.msg-convo-wrapper, .msg-overlay-conversation-bubble');
  const scope = bubble ?? document;
  return text(scope.querySelector('.msg-thread__link-to-profile, .msg-entity-lockup__entity-title, .msg-overlay-bubble-header__title'));
}

export const linkedinMessagingAdapter: SiteAdapter = {
  id: 'linkedin-messaging',
  hosts,
  editorSelector: '.msg-form__contenteditable[contenteditable="true"], [data-test-msg-form__contenteditable][contenteditable="true"]',
  rootSelector: '.msg-form',
  sendButtonSelector: 'button.msg-form__send-button, [data-testid="msg-form__send-button"]',
  // "Press Enter to Send" is the default (and then the Send button may be missing); "Click Send" makes Enter a new line.
  sendKeys: (u) => {
    const mode = u.root.querySelector<HTMLInputElement>('.msg-form__hovercard input[type="radio"]:checked');
    const clickOnly = mode ? /click/i.test(`${mode.value} ${mode.closest('label')?.textContent ?? ''}`) : false;
    return clickOnly ? [] : ['enter'];
  },
  recipients: (u) => {
    const name = partner(u);
    return { emails: [], ...(name ? { partner: name } : {}) };
  },
  channel: (u, lang) => {
    const name = partner(u);
    return name ? ts('linkedinMessageTo', { name }, lang) : ts('linkedinMessage', undefined, lang);
  },
  situation: () => 'message',
};

export const linkedinAdapters = [linkedinPostAdapter, linkedinCommentAdapter, linkedinMessagingAdapter] as const;
