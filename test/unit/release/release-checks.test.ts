/**
 * The release checks themselves (scripts/check-release.ts runs them on real builds): they must catch what
 * they claim to catch. Synthetic manifests and bundles only; no build here.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROTECTED_HOSTS } from '../../../src/sites/hosts';
import {
  diffReach,
  hardRuleViolations,
  reachSummary,
  REQUIRED_CSP,
  TARGETS,
  type ExpectedManifestFile,
} from '../../release/manifest';
import { scanText } from '../../release/network-scan';
import { NETWORK_ALLOWLIST } from '../../release/network-allowlist';

const expectedFile: ExpectedManifestFile = JSON.parse(readFileSync(path.resolve('test/release/expected-manifest.json'), 'utf8'));

const chromeManifest = () => ({
  manifest_version: 3,
  permissions: ['storage', 'alarms', 'contextMenus', 'scripting'],
  host_permissions: [...PROTECTED_HOSTS],
  optional_host_permissions: ['https://*/*'],
  content_security_policy: { extension_pages: REQUIRED_CSP },
  content_scripts: [
    { matches: [...PROTECTED_HOSTS].reverse(), js: ['guard.js'], run_at: 'document_start', all_frames: true, match_about_blank: true, match_origin_as_fallback: true },
  ],
  background: { service_worker: 'background.js' },
});

describe('expected-manifest.json', () => {
  it('has every target, and each build asks for exactly the protected hosts, https only', () => {
    for (const t of TARGETS) {
      const e = expectedFile.targets[t] as Record<string, any>;
      expect(e, t).toBeTruthy();
      const hosts = t === 'firefox-mv2' ? e.permissions.filter((p: string) => p.includes('://')) : e.host_permissions;
      expect([...hosts].sort(), t).toEqual([...PROTECTED_HOSTS].sort());
      for (const cs of e.content_scripts) for (const m of cs.matches) expect(hosts, `${t} content script ${m}`).toContain(m);
      expect(e.web_accessible_resources, t).toBeNull();
      // Other sites: nothing beyond the five apps at install; any single https site the coach grants at run time.
      const optional = t === 'firefox-mv2' ? [e.optional_permissions, e.optional_host_permissions] : [e.optional_host_permissions, e.optional_permissions];
      expect(optional, t).toEqual([['https://*/*'], null]);
    }
  });

  it('passes its own hard rules (so an edit cannot smuggle in a forbidden permission)', () => {
    for (const t of TARGETS) {
      const e = expectedFile.targets[t] as Record<string, any>;
      const asManifest = Object.fromEntries(Object.entries(e).filter(([, v]) => v !== null));
      expect(hardRuleViolations(asManifest), t).toEqual([]);
    }
  });
});

describe('manifest check', () => {
  it('a manifest equal to the expectation has no diff (order of permissions and matches does not matter)', () => {
    expect(diffReach(expectedFile.targets['chrome-mv3'], reachSummary(chromeManifest()))).toEqual([]);
  });

  it('an added permission, a new host, a web-accessible resource and a changed CSP show up readably', () => {
    const m: Record<string, any> = chromeManifest();
    m.permissions.push('tabs');
    m.host_permissions.push('https://*.example.com/*');
    m.content_scripts[0].matches.push('https://*.example.com/*');
    m.content_scripts[0].world = 'MAIN';
    m.web_accessible_resources = [{ resources: ['marks.html'], matches: ['<all_urls>'] }];
    m.content_security_policy.extension_pages = "script-src 'self' https://cdn.example.com; object-src 'self';";
    const diff = diffReach(expectedFile.targets['chrome-mv3'], reachSummary(m)).join('\n');
    expect(diff).toContain('permissions:\n    + "tabs"   (in the build, not expected)');
    expect(diff).toContain('host_permissions:\n    + "https://*.example.com/*"');
    expect(diff).toContain('content_scripts:');
    expect(diff).toContain('"world": "MAIN"');
    expect(diff).toContain('web_accessible_resources:');
    expect(diff).toContain('cdn.example.com');
  });

  it('a removed permission is reported as missing', () => {
    const m = chromeManifest();
    m.permissions = ['storage'];
    const diff = diffReach(expectedFile.targets['chrome-mv3'], reachSummary(m)).join('\n');
    expect(diff).toContain('- "alarms"   (expected, missing from the build)');
  });

  it('hard rules: forbidden permissions, every-site hosts, http hosts, another CSP, an update URL', () => {
    expect(hardRuleViolations(chromeManifest())).toEqual([]);
    const m: Record<string, any> = chromeManifest();
    m.permissions.push('tabs', 'history', 'cookies', 'webRequest');
    m.optional_host_permissions = ['<all_urls>', 'http://intranet.example/*', '*://*/*', 'https://*/*'];
    m.content_scripts[0].matches.push('https://*/*');
    m.content_security_policy.extension_pages = "script-src 'self'; object-src 'self';";
    m.update_url = 'https://updates.example.com/discreet.xml';
    const v = hardRuleViolations(m).join('\n');
    for (const p of ['tabs', 'history', 'cookies', 'webRequest', '<all_urls>']) expect(v).toContain(`forbidden permission "${p}"`);
    expect(v).toContain('"*://*/*" reaches every site');
    // An optional https://*/* is allowed (granted site by site at run time), the same pattern reached without asking is not.
    expect(hardRuleViolations({ ...chromeManifest() })).toEqual([]);
    expect(v).toContain('"https://*/*" reaches every site');
    expect(v).toContain('"http://intranet.example/*" is not https-only');
    expect(v).toContain('extension-page CSP');
    expect(v).toContain('update_url');
    // MV2 keeps host patterns in permissions; an MV2 string CSP is checked the same way.
    expect(hardRuleViolations({ permissions: ['storage', '<all_urls>'], content_security_policy: REQUIRED_CSP })).toEqual([
      'forbidden permission "<all_urls>"',
      'host pattern "<all_urls>" reaches every site',
      'host pattern "<all_urls>" is not https-only',
    ]);
  });
});

describe('network scan', () => {
  const unexplained = (code: string) => scanText('x.js', code, NETWORK_ALLOWLIST).filter((h) => !h.allowedBy);

  it('reports every way to reach the network, with line and excerpt', () => {
    const code = [
      'fetch("/api")',
      'const x=new XMLHttpRequest();',
      'new WebSocket(u)',
      'new EventSource(u)',
      'navigator.sendBeacon(u,d)',
      'importScripts(u)',
      'new WebTransport(u)',
      'new RTCPeerConnection()',
      'chrome.runtime.setUninstallURL(u)',
      'new Worker(u)',
      'new SharedWorker(u)',
      'navigator.serviceWorker.register(u)',
      'const u=`https://telemetry.example.com/v1?id=`+id',
      'background:url(http://cdn.example.com/a.png)',
      'connect("wss://live.example.com/socket")',
      'await import(moduleUrl)',
      'window.open(u)',
      'browser.tabs.create({url:`${base}?q=${text}`})',
    ].join('\n');
    const hits = unexplained(code);
    expect(hits.map((h) => h.pattern)).toEqual([
      'fetch',
      'XMLHttpRequest',
      'WebSocket',
      'EventSource',
      'sendBeacon',
      'importScripts',
      'WebTransport',
      'RTCPeerConnection',
      'setUninstallURL',
      'Worker',
      'Worker',
      'serviceWorker.register',
      'url',
      'url',
      'url',
      'dynamic-import',
      'window.open',
      'open-tab',
    ]);
    const telemetry = hits.find((h) => h.text.startsWith('https://telemetry'))!;
    expect(telemetry.line).toBe(13);
    expect(telemetry.text).toBe('https://telemetry.example.com/v1?id=');
    expect(telemetry.excerpt).toContain('const u=`https://telemetry.example.com');
  });

  it('does not report look-alike identifiers', () => {
    expect(unexplained('const prefetch=1; obj.fetchData(); let refetch=x; myWebSocketish=2; send(beacon)')).toEqual([]);
    // Methods named import, the bundle's own chunks, and the extension's own pages are fine.
    expect(unexplained('class K{static async import(t){return dA.import(t)}} import(`./chunks/a.js`); import("../b.js")')).toEqual([]);
    expect(unexplained('await Tc.default.tabs.create({url:Tc.default.runtime.getURL(`/options.html`)})')).toEqual([]);
  });

  it('an allowed token is allowed only in its own context', () => {
    // The exact webextension-polyfill table entry is fine…
    expect(unexplained('runtime:{sendMessage:{minArgs:1,maxArgs:3},setUninstallURL:{minArgs:1,maxArgs:1}}')).toEqual([]);
    // …a call is not.
    expect(unexplained('browser.runtime.setUninstallURL("x")').map((h) => h.pattern)).toEqual(['setUninstallURL']);
    // Papa's worker is allowed only next to IS_PAPA_WORKER; any other Worker is reported.
    expect(unexplained('global.IS_PAPA_WORKER=true; n=new t.Worker(n)')).toEqual([]);
    expect(unexplained('n=new t.Worker(n)')).toHaveLength(1);
    // An XML namespace next to its createElementNS use is fine; another w3.org URL is not.
    expect(unexplained('document.createElementNS(`http://www.w3.org/2000/svg`,t)')).toEqual([]);
    expect(unexplained('fetchIt(`http://www.w3.org/TR/something`)')).toHaveLength(1);
    // The protected hosts' match patterns are allowed as exact patterns, a URL on the same host is not.
    expect(unexplained('m=[`https://mail.google.com/*`]')).toEqual([]);
    expect(unexplained('u=`https://mail.google.com/mail/u/0/feed`')).toHaveLength(1);
  });

  it('every allow-list entry says why', () => {
    for (const e of NETWORK_ALLOWLIST) expect(e.why.length, e.id).toBeGreaterThan(40);
    expect(new Set(NETWORK_ALLOWLIST.map((e) => e.id)).size).toBe(NETWORK_ALLOWLIST.length);
  });
});
