/** Slack web: Quill fork in `[data-qa="message_input"]`; Enter sends (or Ctrl/Cmd+Enter by preference). See sites.md §5. */
import { text } from './dom';
import { ts } from './messages';
import type { ComposeUnit, SiteAdapter } from './types';

function conversation(u: ComposeUnit): { kind: 'channel' | 'dm' | 'unknown'; name: string } {
  const label = u.editor.getAttribute('aria-label') ?? '';
  const header = text(document.querySelector('[data-qa="channel_name"]'));
  const m = label.match(/^(?:Message|Bericht|Stuur een bericht naar|Bericht aan)\s+(#?)(.+)$/i);
  if (m) return { kind: m[1] ? 'channel' : 'dm', name: m[2]!.trim() };
  // Slack ids: C… public channel, G… private channel/group, D… direct message.
  const id = u.editor.closest('[data-channel-id]')?.getAttribute('data-channel-id') ?? '';
  if (header && /^[CG]/.test(id)) return { kind: 'channel', name: header.replace(/^#/, '') };
  if (header && id.startsWith('D')) return { kind: 'dm', name: header };
  if (header) return { kind: header.startsWith('#') ? 'channel' : 'unknown', name: header.replace(/^#/, '') };
  return { kind: 'unknown', name: '' };
}

export const slackAdapter: SiteAdapter = {
  id: 'slack',
  hosts: ['app.slack.com'],
  editorSelector: [
    '[data-qa="message_input"] .ql-editor[contenteditable="true"]',
    '.ql-editor[data-qa="message_input"][contenteditable="true"]',
    '[data-message-input] .ql-editor[contenteditable="true"]',
    '.c-texty_input .ql-editor[contenteditable="true"]',
  ].join(', '),
  rootSelector: '.c-wysiwyg_container',
  sendButtonSelector: '[data-qa="texty_send_button"], button[data-qa="send_button"], .c-wysiwyg_container__button--send',
  sendKeys: () => ['enter', 'mod-enter'],
  recipients: (u) => {
    const c = conversation(u);
    return { emails: [], ...(c.kind === 'dm' && c.name ? { partner: c.name } : {}) };
  },
  channel: (u, lang) => {
    const c = conversation(u);
    if (c.kind === 'channel') return ts('slackChannel', { name: c.name }, lang);
    if (c.kind === 'dm') return ts('slackDm', { name: c.name }, lang);
    return ts('slackMessage', undefined, lang);
  },
  situation: (u) => (conversation(u).kind === 'dm' ? 'message' : 'third-party'),
};
