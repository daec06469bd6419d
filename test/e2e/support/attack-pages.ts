/**
 * Small hand-written attack fixtures (test/fixtures/attacks/*.html, plain HTML with inline scripts, no
 * build step), served at the REAL app URLs so the extension's content script runs on them.
 *
 *   const page = await openAttackPage(context, { 'https://app.slack.com/client/T1/CFX': 'rerender.html' });
 *
 * The first entry is navigated to; every other entry is served too (frames). Anything else on an http(s)
 * origin gets a 404 (a listed origin) or is aborted (nothing leaves the machine). Pages record sends in
 * window.__sent ({surface, text}) of the top frame and say they are ready with html[data-fixture-ready].
 */
import type { BrowserContext, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const ATTACK_FIXTURES = path.resolve('test/fixtures/attacks');

export async function openAttackPage(context: BrowserContext, pages: Record<string, string>, options: { page?: Page } = {}): Promise<Page> {
  const page = options.page ?? (await context.newPage());
  const origins = new Set(Object.keys(pages).map((u) => new URL(u).origin));
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return route.continue();
    const file = pages[url.origin + url.pathname];
    if (file) {
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: readFileSync(path.join(ATTACK_FIXTURES, file)) });
    }
    if (origins.has(url.origin)) return route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not found' });
    return route.abort('blockedbyclient');
  });
  await page.goto(Object.keys(pages)[0]!);
  await page.locator('html[data-fixture-ready=true]').waitFor({ state: 'attached', timeout: 15_000 });
  return page;
}

export interface AttackSent {
  surface: string;
  text: string;
}

export const sentOf = (page: Page): Promise<AttackSent[]> =>
  page.evaluate(() => JSON.parse(JSON.stringify((window as any).__sent ?? [])) as AttackSent[]);

/**
 * Text inside the closed shadow roots of `hostTag` in the page AND all its frames, read through the
 * DevTools protocol (support/extension.ts's closedShadowText does not descend into frames).
 */
export async function closedShadowTextDeep(page: Page, hostTag: string): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const texts: string[] = [];
    const walk = (node: any, inside: boolean) => {
      const within = inside || node.nodeName?.toLowerCase() === hostTag;
      if (within && node.nodeType === 3) texts.push(node.nodeValue);
      for (const c of node.children ?? []) walk(c, within);
      for (const s of node.shadowRoots ?? []) walk(s, within);
      if (node.contentDocument) walk(node.contentDocument, false);
    };
    walk(root, false);
    return texts.join(' ');
  } finally {
    await cdp.detach();
  }
}
