/**
 * Sites beyond the five apps that the coach switches on: AI chats (one-click presets) and any other https site.
 * Access to them is an optional host permission the browser asks the coach for at run time; the guard is then
 * registered there as a dynamic content script (src/background/other-sites-scripts.ts). The browser's own
 * permission list is the single source of truth: nothing about these sites is stored by Discreet.
 * Pure: no browser globals.
 */
import { PROTECTED_HOSTS } from './hosts';

/** What the manifest lets the coach grant at run time (`optional_host_permissions`). */
export const OTHER_SITES_PERMISSION = 'https://*/*';

export interface SitePreset {
  id: 'chatgpt' | 'claude' | 'gemini' | 'copilot';
  label: string;
  /** Match patterns of the site (all of them are asked for together). */
  origins: readonly string[];
}

/** AI chat sites a coach may paste client notes into: one click each. */
export const AI_CHAT_PRESETS: readonly SitePreset[] = [
  { id: 'chatgpt', label: 'ChatGPT', origins: ['https://chatgpt.com/*', 'https://chat.openai.com/*'] },
  { id: 'claude', label: 'Claude', origins: ['https://claude.ai/*'] },
  { id: 'gemini', label: 'Gemini', origins: ['https://gemini.google.com/*'] },
  { id: 'copilot', label: 'Copilot', origins: ['https://copilot.microsoft.com/*'] },
];

export type SitePatternResult =
  | { ok: true; pattern: string; host: string }
  /** not-https: http or another scheme; invalid: not a web address with a real host name; already: one of the five apps. */
  | { ok: false; reason: 'invalid' | 'not-https' | 'already' };

const HOST_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * The match pattern for what a coach typed: "forum.voorbeeld.nl", "https://claude.ai/chat/123" →
 * "https://forum.voorbeeld.nl/*". One host at a time: no wildcards, no IP addresses, no http.
 */
export function sitePatternFor(input: string): SitePatternResult {
  const raw = input.trim();
  if (!raw || raw.length > 2000 || /\s/.test(raw)) return { ok: false, reason: 'invalid' };
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(raw);
  if (hasScheme && !/^https:\/\//i.test(raw)) return { ok: false, reason: /^http:/i.test(raw) ? 'not-https' : 'invalid' };
  let url: URL;
  try {
    url = new URL(hasScheme ? raw : `https://${raw}`);
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  if (url.username || url.password || url.port) return { ok: false, reason: 'invalid' };
  const labels = host.split('.');
  if (labels.length < 2 || !labels.every((l) => HOST_LABEL.test(l)) || /^\d+$/.test(labels[labels.length - 1]!)) {
    return { ok: false, reason: 'invalid' };
  }
  const pattern = `https://${host}/*`;
  if ((PROTECTED_HOSTS as readonly string[]).includes(pattern)) return { ok: false, reason: 'already' };
  return { ok: true, pattern, host };
}

/** The host of a match pattern "https://host/*" (for display). */
export function hostOfPattern(pattern: string): string {
  return pattern.replace(/^https:\/\//, '').replace(/\/\*$/, '');
}

/** Granted host patterns that are not among the five apps: where the guard must be registered dynamically. */
export function otherSitePatterns(granted: readonly string[] | undefined): string[] {
  const builtIn = new Set<string>(PROTECTED_HOSTS);
  return [...new Set((granted ?? []).filter((p) => /^https:\/\/[^/*]+\/\*$/.test(p) && !builtIn.has(p)))].sort();
}

/** Whether every origin of a preset is granted. */
export function presetEnabled(preset: SitePreset, granted: readonly string[]): boolean {
  return preset.origins.every((o) => granted.includes(o));
}

/** Granted other-site patterns that no preset covers (the coach's own additions). */
export function customSitePatterns(granted: readonly string[]): string[] {
  const presetOrigins = new Set(AI_CHAT_PRESETS.flatMap((p) => p.origins));
  return otherSitePatterns(granted).filter((p) => !presetOrigins.has(p));
}
