/**
 * Match patterns of the five apps Discreet guards out of the box.
 * Other sites (AI chats and the like) are not guarded yet; when they are, it will be through
 * optional host permissions asked for at run time, never by widening this list.
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
