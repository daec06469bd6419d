import { describe, expect, it } from 'vitest';
import { AI_CHAT_PRESETS, customSitePatterns, otherSitePatterns, presetEnabled, sitePatternFor } from '../../../src/sites/other-sites';
import { OTHER_SITES_SCRIPT_ID, createOtherSitesSync, syncOtherSiteScripts, type ContentScriptSpec, type ScriptingLike } from '../../../src/background/other-sites-scripts';
import { PROTECTED_HOSTS } from '../../../src/sites/hosts';

describe('a site the coach types in', () => {
  it.each([
    ['forum.voorbeeld.nl', 'https://forum.voorbeeld.nl/*'],
    ['  https://Claude.ai/chat/123?x=1 ', 'https://claude.ai/*'],
    ['www.example.com.', 'https://www.example.com/*'],
    ['xn--bcher-kva.example', 'https://xn--bcher-kva.example/*'],
  ])('%s becomes the pattern %s', (input, pattern) => {
    expect(sitePatternFor(input)).toMatchObject({ ok: true, pattern });
  });

  it.each([
    ['', 'invalid'],
    ['localhost', 'invalid'],
    ['192.168.1.10', 'invalid'],
    ['*.example.com', 'invalid'],
    ['exa mple.com', 'invalid'],
    ['https://user:pw@example.com', 'invalid'],
    ['https://example.com:8443', 'invalid'],
    ['ftp://example.com', 'invalid'],
    ['javascript:alert(1)', 'invalid'],
    ['http://example.com', 'not-https'],
    ['mail.google.com', 'already'],
    ['https://app.slack.com/client', 'already'],
  ])('%j is refused as %s', (input, reason) => {
    expect(sitePatternFor(input)).toEqual({ ok: false, reason });
  });
});

describe('which granted sites get the guard', () => {
  it('keeps only single-host https patterns that are not one of the five apps', () => {
    const granted = [...PROTECTED_HOSTS, 'https://claude.ai/*', 'https://*/*', 'https://forum.nl/*', 'https://claude.ai/*', 'http://x.nl/*'];
    expect(otherSitePatterns(granted)).toEqual(['https://claude.ai/*', 'https://forum.nl/*']);
    expect(otherSitePatterns(undefined)).toEqual([]);
  });

  it('calls a preset on only when all its origins are granted, and lists the rest as the coach\'s own', () => {
    const chatgpt = AI_CHAT_PRESETS.find((p) => p.id === 'chatgpt')!;
    expect(presetEnabled(chatgpt, ['https://chatgpt.com/*'])).toBe(false);
    expect(presetEnabled(chatgpt, ['https://chatgpt.com/*', 'https://chat.openai.com/*'])).toBe(true);
    expect(customSitePatterns(['https://chatgpt.com/*', 'https://forum.nl/*', ...PROTECTED_HOSTS])).toEqual(['https://forum.nl/*']);
  });
});

class FakeScripting implements ScriptingLike {
  scripts = new Map<string, ContentScriptSpec>();
  calls: string[] = [];
  failNext = false;
  async getRegisteredContentScripts(filter?: { ids?: string[] }) {
    return [...this.scripts.values()].filter((s) => !filter?.ids || filter.ids.includes(s.id));
  }
  async registerContentScripts(specs: ContentScriptSpec[]) {
    this.calls.push('register');
    if (this.failNext) throw new Error('boom');
    for (const s of specs) {
      if (this.scripts.has(s.id)) throw new Error('Duplicate script ID');
      this.scripts.set(s.id, s);
    }
  }
  async updateContentScripts(specs: ContentScriptSpec[]) {
    this.calls.push('update');
    for (const s of specs) this.scripts.set(s.id, s);
  }
  async unregisterContentScripts(filter?: { ids?: string[] }) {
    this.calls.push('unregister');
    for (const id of filter?.ids ?? []) this.scripts.delete(id);
  }
}

describe('registering the guard on the granted sites', () => {
  it('registers, updates, leaves alone and unregisters as the grants change', async () => {
    const scripting = new FakeScripting();
    let origins: string[] = [...PROTECTED_HOSTS];
    const permissions = { getAll: async () => ({ origins }) };

    expect(await syncOtherSiteScripts(permissions, scripting)).toEqual([]);
    expect(scripting.calls).toEqual([]);

    origins = [...PROTECTED_HOSTS, 'https://claude.ai/*'];
    await syncOtherSiteScripts(permissions, scripting);
    expect(scripting.scripts.get(OTHER_SITES_SCRIPT_ID)).toMatchObject({
      matches: ['https://claude.ai/*'],
      js: ['guard.js'],
      runAt: 'document_start',
    });

    origins = [...origins, 'https://chatgpt.com/*'];
    await syncOtherSiteScripts(permissions, scripting);
    expect(scripting.scripts.get(OTHER_SITES_SCRIPT_ID)?.matches).toEqual(['https://chatgpt.com/*', 'https://claude.ai/*']);

    await syncOtherSiteScripts(permissions, scripting); // nothing changed: no call
    expect(scripting.calls).toEqual(['register', 'update']);

    origins = [...PROTECTED_HOSTS];
    await syncOtherSiteScripts(permissions, scripting);
    expect(scripting.scripts.size).toBe(0);
    expect(scripting.calls.at(-1)).toBe('unregister');
  });

  it('reports a failed registration, and recovers on the next sync', async () => {
    const scripting = new FakeScripting();
    const reports: boolean[] = [];
    const sync = createOtherSitesSync({ getAll: async () => ({ origins: ['https://claude.ai/*'] }) }, scripting, (ok) => reports.push(ok));
    scripting.failNext = true;
    await expect(sync()).rejects.toThrow();
    scripting.failNext = false;
    await expect(sync()).resolves.toEqual(['https://claude.ai/*']);
    await Promise.resolve();
    expect(reports).toEqual([false, true]);
  });
});
