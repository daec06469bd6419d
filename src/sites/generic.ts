/**
 * Any textarea or contenteditable on a site without an adapter of its own (chatbots, forums).
 * Best effort: Enter counts as a send only where the field looks like a chat input.
 */
import { ts } from './messages';
import type { ComposeUnit, SendKey, SiteAdapter } from './types';

const CHATTY = /message|bericht|chat|prompt|ask|vraag|stel een|reply|antwoord/i;

export function looksLikeChatInput(el: HTMLElement): boolean {
  if (el.getAttribute('enterkeyhint') === 'send') return true;
  const label = `${el.getAttribute('aria-label') ?? ''} ${el.getAttribute('placeholder') ?? ''} ${el.getAttribute('data-placeholder') ?? ''} ${el.id}`;
  return CHATTY.test(label);
}

export const genericAdapter: SiteAdapter = {
  id: 'generic',
  hosts: [],
  editorSelector: 'textarea, [contenteditable="true"], [contenteditable=""], [contenteditable="plaintext-only"]',
  sendButtonSelector: [
    'button[type="submit"]',
    'input[type="submit"]',
    'button[aria-label*="send" i]',
    'button[aria-label*="verstuur" i]',
    'button[aria-label*="verzend" i]',
    '[data-testid*="send-button" i]',
  ].join(', '),
  sendKeys: (u: ComposeUnit): readonly SendKey[] => (looksLikeChatInput(u.editor) ? ['enter', 'mod-enter'] : ['mod-enter']),
  channel: (_u, lang) => ts('genericField', { host: location.hostname }, lang),
  situation: () => 'third-party',
};
