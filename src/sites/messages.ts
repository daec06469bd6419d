import { defineMessages } from '../i18n';

/** Channel and audience descriptions, shown in the warning dialog. */
export const ts = defineMessages({
  nl: {
    emailTo: 'e-mail aan {to}',
    emailNoRecipients: 'e-mail (nog zonder ontvangers)',
    andMore: '{list} en {n} anderen',
    linkedinPost: 'openbaar LinkedIn-bericht',
    linkedinComment: 'openbare reactie op LinkedIn',
    linkedinMessageTo: 'LinkedIn-bericht aan {name}',
    linkedinMessage: 'LinkedIn-bericht',
    teamsChatWith: 'Teams-chat met {name}',
    teamsChannel: 'Teams-kanaal {name}',
    teamsChat: 'Teams-chat',
    slackChannel: 'Slack-kanaal #{name}',
    slackDm: 'Slack-bericht aan {name}',
    slackMessage: 'Slack-bericht',
    genericField: 'invoerveld op {host}',
  },
  en: {
    emailTo: 'e-mail to {to}',
    emailNoRecipients: 'e-mail (no recipients yet)',
    andMore: '{list} and {n} others',
    linkedinPost: 'public LinkedIn post',
    linkedinComment: 'public LinkedIn comment',
    linkedinMessageTo: 'LinkedIn message to {name}',
    linkedinMessage: 'LinkedIn message',
    teamsChatWith: 'Teams chat with {name}',
    teamsChannel: 'Teams channel {name}',
    teamsChat: 'Teams chat',
    slackChannel: 'Slack channel #{name}',
    slackDm: 'Slack message to {name}',
    slackMessage: 'Slack message',
    genericField: 'text field on {host}',
  },
});

export function emailChannel(emails: string[], language: 'nl' | 'en'): string {
  if (emails.length === 0) return ts('emailNoRecipients', undefined, language);
  const shown = emails.slice(0, 3).join(', ');
  const to = emails.length > 3 ? ts('andMore', { list: shown, n: emails.length - 3 }, language) : shown;
  return ts('emailTo', { to }, language);
}
