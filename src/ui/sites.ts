/** Which of the five protected apps a page belongs to (popup status line). */
import type { ProtectedApp } from '../vault/schema';

export const APP_LABELS: Record<ProtectedApp, string> = {
  gmail: 'Gmail',
  outlook: 'Outlook',
  linkedin: 'LinkedIn',
  teams: 'Microsoft Teams',
  slack: 'Slack',
};

/** Exact host names per app; kept in step with PROTECTED_HOSTS (src/sites/hosts.ts) by a unit test. */
export const APP_HOSTS: Record<ProtectedApp, readonly string[]> = {
  gmail: ['mail.google.com'],
  outlook: ['outlook.office.com', 'outlook.office365.com', 'outlook.live.com', 'outlook.cloud.microsoft'],
  linkedin: ['www.linkedin.com'],
  teams: ['teams.microsoft.com', 'teams.live.com', 'teams.cloud.microsoft'],
  slack: ['app.slack.com'],
};

export function appForUrl(url: string | undefined): ProtectedApp | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:') return null;
  for (const [app, hosts] of Object.entries(APP_HOSTS) as Array<[ProtectedApp, readonly string[]]>) {
    if (hosts.includes(parsed.hostname)) return app;
  }
  return null;
}
