/** Microsoft Teams v2: CKEditor 5 (`data-tid="ckeditor"`); Enter sends, Ctrl+Enter in the expanded box. See sites.md §4. */
import { text } from './dom';
import { ts } from './messages';
import type { ComposeUnit, SiteAdapter } from './types';

function conversation(): { kind: 'chat' | 'channel' | 'unknown'; name: string } {
  const chat = text(document.querySelector('[data-tid="chat-title"], [data-tid="chat-header-title"], [data-tid="thread-header-title"]'));
  if (chat) return { kind: 'chat', name: chat };
  const channel = text(document.querySelector('[data-tid="channelTitle-text"]'));
  if (channel) return { kind: 'channel', name: channel };
  return { kind: 'unknown', name: '' };
}

export const teamsAdapter: SiteAdapter = {
  id: 'teams',
  hosts: ['teams.microsoft.com', 'teams.live.com', 'teams.cloud.microsoft'],
  editorSelector: '[data-tid="ckeditor"][contenteditable="true"], [data-tid^="ckeditor-"][contenteditable="true"], div[id^="new-message-"][contenteditable="true"]',
  sendButtonSelector: '[data-tid="newMessageCommands-send"], [data-tid="sendMessageCommands-send"]',
  sendKeys: () => ['enter', 'mod-enter'],
  recipients: (_u: ComposeUnit) => {
    const c = conversation();
    // A chat title with a comma or "en"/"and" is a group chat, not one partner.
    const single = c.kind === 'chat' && !/,|\s(en|and)\s/.test(c.name);
    return { emails: [], ...(single ? { partner: c.name } : {}) };
  },
  channel: (_u, lang) => {
    const c = conversation();
    if (c.kind === 'chat') return ts('teamsChatWith', { name: c.name }, lang);
    if (c.kind === 'channel') return ts('teamsChannel', { name: c.name }, lang);
    return ts('teamsChat', undefined, lang);
  },
  situation: () => 'message',
};
