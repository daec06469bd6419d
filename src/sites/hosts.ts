/**
 * Match patterns of the five apps Discreet guards out of the box.
 * Other sites (AI chats and the like) are guarded through optional host permissions the coach grants at run
 * time (src/sites/other-sites.ts), never by widening this list.
 */
export const PROTECTED_HOSTS = [
  'https://mail.google.com/*',
  'https://outlook.office.com/*',
  'https://outlook.office365.com/*',
  'https://outlook.live.com/*',
  'https://outlook.cloud.microsoft/*',
  'https://www.linkedin.com/*',
  'https://teams.microsoft.com/*',
  'https://teams.live.com/*',
  'https://teams.cloud.microsoft/*',
  'https://app.slack.com/*',
] as const;
