/** Gmail: plain contenteditable body (`g_editable`), Ctrl/Cmd+Enter or the Send button. See shared/notes/sites.md §1. */
import { emailsFrom } from './dom';
import { emailChannel } from './messages';
import type { SiteAdapter } from './types';

export const gmailAdapter: SiteAdapter = {
  id: 'gmail',
  hosts: ['mail.google.com'],
  editorSelector: '[g_editable="true"][contenteditable="true"], .Am.Al[contenteditable="true"]',
  rootSelector: '.M9, [role="dialog"], .aSt',
  sendButtonSelector: [
    '.IZ .Up div > div[role="button"]:not([aria-haspopup="true"])',
    '[role="button"][data-tooltip^="Send"]',
    '[role="button"][data-tooltip^="Verzenden"]',
    '[selector="scheduledSend"]',
  ].join(', '),
  sendKeys: () => ['mod-enter'],
  modEnterAnywhere: true,
  subject: (u) => u.root.querySelector<HTMLInputElement>('input[name="subjectbox"]'),
  recipients: (u) => ({
    emails: emailsFrom(
      [
        ...u.root.querySelectorAll('[name="to"] [data-hovercard-id], [name="cc"] [data-hovercard-id], [name="bcc"] [data-hovercard-id]'),
        ...u.root.querySelectorAll('span[email]'),
      ].map((el) => el.getAttribute('data-hovercard-id') ?? el.getAttribute('email')),
    ),
  }),
  channel: (u, lang) => emailChannel(gmailAdapter.recipients!(u).emails, lang),
  situation: () => 'third-party',
};
