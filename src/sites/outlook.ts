/** Outlook on the web: contenteditable body (RoosterJS), Ctrl/Cmd+Enter or the Send button. See sites.md §2. */
import { emailsFrom } from './dom';
import { emailChannel } from './messages';
import type { SiteAdapter } from './types';

export const outlookAdapter: SiteAdapter = {
  id: 'outlook',
  hosts: ['outlook.office.com', 'outlook.office365.com', 'outlook.live.com', 'outlook.cloud.microsoft'],
  editorSelector: [
    '[id^="editorParent_"] [role="textbox"][contenteditable="true"]',
    'div[role="textbox"][contenteditable="true"][aria-label*="Message body" i]',
    'div[role="textbox"][contenteditable="true"][aria-label*="Berichttekst" i]',
  ].join(', '),
  sendButtonSelector: [
    '[data-testid="ComposeSendButton"] button',
    'button[data-testid="ComposeSendButton"]',
    'button.fui-SplitButton__primaryActionButton[aria-label^="Send"]',
    'button.fui-SplitButton__primaryActionButton[aria-label^="Verzenden"]',
    'button[name="Send"]',
    'button[title^="Send ("]',
  ].join(', '),
  sendKeys: () => ['mod-enter'],
  modEnterAnywhere: true,
  subject: (u) =>
    u.root.querySelector<HTMLInputElement>('input[aria-label="Add a subject"], input[placeholder="Add a subject"], input[id^="subjectLine"], input.ms-TextField-field'),
  recipients: (u) => ({
    emails: emailsFrom(
      [...u.root.querySelectorAll('._EType_RECIPIENT_ENTITY, [class*="_EType_RECIPIENT_ENTITY"]')].map(
        (el) => `${el.getAttribute('aria-label') ?? ''} ${el.getAttribute('title') ?? ''}`,
      ),
    ),
  }),
  channel: (u, lang) => emailChannel(outlookAdapter.recipients!(u).emails, lang),
  situation: () => 'third-party',
};
