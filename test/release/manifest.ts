/**
 * What a built manifest.json asks the browser for, compared with what we decided it may ask for
 * (test/release/expected-manifest.json). Pure functions; scripts/check-release.ts runs them on real
 * builds and test/unit/release/manifest.test.ts on synthetic manifests.
 *
 * A change to permissions, host access, content script reach, CSP or web-accessible resources has to
 * be a deliberate edit of expected-manifest.json (reviewed like code), never a side effect of a
 * dependency or a config tweak.
 */

/** The build targets Discreet ships. */
export const TARGETS = ['chrome-mv3', 'firefox-mv2', 'firefox-mv3'] as const;
export type Target = (typeof TARGETS)[number];

/**
 * The manifest keys that decide what the extension can reach. Every one is compared; a key that must be
 * absent is `null` in the expected file. Arrays of permissions/match patterns are compared as sets.
 */
export const CHECKED_KEYS = [
  'permissions',
  'host_permissions',
  'optional_permissions',
  'optional_host_permissions',
  'content_scripts',
  'content_security_policy',
  'web_accessible_resources',
  // Lets web pages or other extensions message Discreet directly.
  'externally_connectable',
  // An update_url makes the browser poll a server of ours: "no update checks of its own".
  'update_url',
  'sandbox',
  'browser_specific_settings',
] as const;
export type CheckedKey = (typeof CHECKED_KEYS)[number];

/** Only these content-script fields matter for reach (js/css/run_at are implementation detail). */
const CONTENT_SCRIPT_REACH_KEYS = [
  'matches',
  'exclude_matches',
  'include_globs',
  'exclude_globs',
  'all_frames',
  'match_about_blank',
  'match_origin_as_fallback',
  'world',
] as const;

/**
 * Never acceptable, whatever expected-manifest.json says: they would let Discreet read browsing
 * history, cookies or other sites' traffic, or reach every site. Removing one from this list is a change
 * to the privacy promise, not to a test.
 */
export const FORBIDDEN_PERMISSIONS = [
  'tabs',
  'history',
  'cookies',
  'webRequest',
  'webRequestBlocking',
  'webRequestAuthProvider',
  'webNavigation',
  'declarativeNetRequest',
  'declarativeNetRequestFeedback',
  'declarativeNetRequestWithHostAccess',
  'proxy',
  'debugger',
  'management',
  'nativeMessaging',
  'identity',
  'browsingData',
  'topSites',
  'bookmarks',
  'clipboardRead',
  'tabCapture',
  'desktopCapture',
  '<all_urls>',
];

/** The only extension-page CSP Discreet ships: own scripts, WebAssembly for Argon2id, nothing remote. */
export const REQUIRED_CSP = "script-src 'self' 'wasm-unsafe-eval'; object-src 'self';";

export type ReachSummary = Record<CheckedKey, unknown>;

export interface ExpectedManifestFile {
  targets: Record<Target, ReachSummary>;
}

const isPattern = (p: string) => p === '<all_urls>' || /^[a-z*-]+:\/\//.test(p);

/** The checked keys of a manifest, normalised (sorted sets, content scripts reduced to their reach). */
export function reachSummary(manifest: Record<string, any>): ReachSummary {
  const out = {} as ReachSummary;
  for (const key of CHECKED_KEYS) {
    const value = manifest[key];
    if (value === undefined) {
      out[key] = null;
    } else if (key === 'content_scripts' && Array.isArray(value)) {
      out[key] = value.map((cs: Record<string, unknown>) => {
        const reach: Record<string, unknown> = {};
        for (const k of CONTENT_SCRIPT_REACH_KEYS) {
          if (cs[k] !== undefined) reach[k] = Array.isArray(cs[k]) ? [...(cs[k] as string[])].sort() : cs[k];
        }
        return reach;
      });
    } else if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
      out[key] = [...value].sort();
    } else {
      out[key] = value;
    }
  }
  return out;
}

/** Host patterns granted at install or run by content scripts (MV2 keeps them in `permissions`). */
function requiredHostPatterns(manifest: Record<string, any>): string[] {
  const all = [
    ...(manifest.permissions ?? []),
    ...(manifest.host_permissions ?? []),
    ...(manifest.content_scripts ?? []).flatMap((cs: any) => cs.matches ?? []),
  ];
  return all.filter((p): p is string => typeof p === 'string' && isPattern(p));
}

/** Host patterns the extension may only ask for at run time. */
function optionalHostPatterns(manifest: Record<string, any>): string[] {
  const all = [...(manifest.optional_permissions ?? []), ...(manifest.optional_host_permissions ?? [])];
  return all.filter((p): p is string => typeof p === 'string' && isPattern(p));
}

/** Every host pattern a manifest asks for (MV2 keeps them in `permissions`). */
function hostPatterns(manifest: Record<string, any>): string[] {
  const all = [
    ...(manifest.permissions ?? []),
    ...(manifest.host_permissions ?? []),
    ...(manifest.optional_permissions ?? []),
    ...(manifest.optional_host_permissions ?? []),
    ...(manifest.content_scripts ?? []).flatMap((cs: any) => cs.matches ?? []),
  ];
  return all.filter((p): p is string => typeof p === 'string' && isPattern(p));
}

/** Hard rules that hold for every target, independent of the expected file. */
export function hardRuleViolations(manifest: Record<string, any>): string[] {
  const problems: string[] = [];
  const asked = [
    ...(manifest.permissions ?? []),
    ...(manifest.optional_permissions ?? []),
    ...(manifest.host_permissions ?? []),
    ...(manifest.optional_host_permissions ?? []),
  ];
  for (const p of asked) if (FORBIDDEN_PERMISSIONS.includes(p)) problems.push(`forbidden permission "${p}"`);
  const optional = new Set(optionalHostPatterns(manifest));
  for (const p of hostPatterns(manifest)) {
    const host = /^[a-z*-]+:\/\/([^/]*)/.exec(p)?.[1];
    // Only an OPTIONAL https://*/* may be broad: the coach grants single sites from it at run time (other sites).
    if (optional.has(p) && p === 'https://*/*' && !requiredHostPatterns(manifest).includes(p)) continue;
    if (p === '<all_urls>' || host === '*' || host === '') problems.push(`host pattern "${p}" reaches every site`);
    if (!p.startsWith('https://')) problems.push(`host pattern "${p}" is not https-only`);
  }
  const csp = manifest.content_security_policy;
  const pages = typeof csp === 'string' ? csp : csp?.extension_pages;
  if (pages !== REQUIRED_CSP) problems.push(`extension-page CSP is ${JSON.stringify(pages ?? null)}, must be ${JSON.stringify(REQUIRED_CSP)}`);
  if (typeof csp === 'object' && csp && Object.keys(csp).some((k) => k !== 'extension_pages')) {
    problems.push(`content_security_policy has keys besides extension_pages: ${Object.keys(csp).join(', ')}`);
  }
  if (manifest.update_url !== undefined) problems.push(`update_url is set (${manifest.update_url}): the browser would poll it`);
  return problems;
}

function setDiff(expected: unknown[], actual: unknown[]): string[] {
  const e = new Set(expected.map((v) => JSON.stringify(v)));
  const a = new Set(actual.map((v) => JSON.stringify(v)));
  return [
    ...[...e].filter((v) => !a.has(v)).map((v) => `    - ${v}   (expected, missing from the build)`),
    ...[...a].filter((v) => !e.has(v)).map((v) => `    + ${v}   (in the build, not expected)`),
  ];
}

function pretty(v: unknown): string {
  return JSON.stringify(v, null, 2).replace(/\n/g, '\n      ');
}

/**
 * Human-readable differences between the expected and the built reach of one target; empty when equal.
 * Lists of strings show which items were added or removed; other values show both sides in full.
 */
export function diffReach(expected: ReachSummary, actual: ReachSummary): string[] {
  const lines: string[] = [];
  for (const key of CHECKED_KEYS) {
    const e = expected[key] === undefined ? null : expected[key];
    const a = actual[key] === undefined ? null : actual[key];
    if (JSON.stringify(e) === JSON.stringify(a)) continue;
    const stringList = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'string');
    if (stringList(e ?? []) && stringList(a ?? [])) {
      lines.push(`  ${key}:`, ...setDiff((e as string[]) ?? [], (a as string[]) ?? []));
    } else if (key === 'content_scripts' && Array.isArray(e ?? []) && Array.isArray(a ?? [])) {
      lines.push(`  ${key}:`);
      const n = Math.max(((e as unknown[]) ?? []).length, ((a as unknown[]) ?? []).length);
      for (let i = 0; i < n; i++) {
        const ei = ((e as any[]) ?? [])[i] ?? null;
        const ai = ((a as any[]) ?? [])[i] ?? null;
        if (JSON.stringify(ei) === JSON.stringify(ai)) continue;
        if (ei && ai && Array.isArray(ei.matches) && Array.isArray(ai.matches) && JSON.stringify({ ...ei, matches: 0 }) === JSON.stringify({ ...ai, matches: 0 })) {
          lines.push(`    [${i}].matches:`, ...setDiff(ei.matches, ai.matches).map((l) => '  ' + l));
        } else {
          lines.push(`    [${i}] expected: ${pretty(ei)}`, `    [${i}] built:    ${pretty(ai)}`);
        }
      }
    } else {
      lines.push(`  ${key}:`, `    expected: ${pretty(e)}`, `    built:    ${pretty(a)}`);
    }
  }
  return lines;
}
