/**
 * Launches Debian's Chromium with the built extension loaded, the way a coach would run it.
 * Never uses Playwright's own browser download: CI has no internet for it.
 */
import { chromium, expect, type BrowserContext, type CDPSession, type Page, type Worker } from '@playwright/test';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// DISCREET_EXTENSION_DIR: test a copy of the build (parallel builds in one checkout wipe .output).
export const EXTENSION_DIR = path.resolve(process.env.DISCREET_EXTENSION_DIR ?? '.output/chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface ExtensionSession {
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
  userDataDir: string;
  close(): Promise<void>;
}

export async function launchWithExtension(options: { userDataDir?: string } = {}): Promise<ExtensionSession> {
  if (!existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension in ${EXTENSION_DIR}: run \`npm run build\` first.`);
  }
  const userDataDir = options.userDataDir ?? mkdtempSync(path.join(tmpdir(), 'discreet-profile-'));
  // Discreet's UI follows the browser language; the coaches (and these tests) use Dutch.
  const locale = process.env.DISCREET_TEST_LOCALE ?? 'nl-NL';
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    locale,
    // Playwright's `locale` is emulated per target, over the DevTools protocol, once it has attached to a new
    // page. A page the extension opens itself (chrome.tabs.create, as the popup's "Reservekopie terugzetten"
    // does) can run its first script before that emulation reaches the page's renderer: under load it then saw
    // the browser's own languages (en-US here, from LANG=C.UTF-8) and came up in English. So the browser's
    // own preferred languages (navigator.languages, what Discreet follows) are the test's too, as in a Dutch
    // coach's Chromium, and every page agrees from its first line of script.
    args: [
      `--accept-lang=${locale},${locale.split('-')[0]}`,
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--disable-gpu',
      '--disable-quic',
    ],
  });
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(serviceWorker.url()).host;
  return { context, serviceWorker, extensionId, userDataDir, close: () => context.close() };
}

/**
 * Text inside closed shadow roots, read through the DevTools protocol (which pierces them).
 * Page scripts have no such access; tests do.
 */
export async function closedShadowText(page: Page, hostTag: string): Promise<string> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const texts: string[] = [];
    const walk = (node: any, inside: boolean) => {
      const isHost = node.nodeName?.toLowerCase() === hostTag;
      const within = inside || isHost;
      if (within && node.nodeType === 3) texts.push(node.nodeValue);
      for (const c of node.children ?? []) walk(c, within);
      for (const s of node.shadowRoots ?? []) walk(s, within);
    };
    walk(root, false);
    return texts.join(' ');
  } finally {
    await cdp.detach();
  }
}

export interface ServiceWorkerWatch {
  /** The background worker's running status, each time it changed ('starting', 'running', 'stopping', 'stopped'). */
  statuses: string[];
  /** Waits until it runs, stops it as MV3 does an idle worker, and waits until it has stopped. */
  stop(): Promise<void>;
  detach(): Promise<void>;
}

/** Watches (and can stop) the extension's background service worker, through the DevTools protocol of an extension page. */
export async function watchServiceWorker(page: Page): Promise<ServiceWorkerWatch> {
  const cdp = await page.context().newCDPSession(page);
  const statuses: string[] = [];
  cdp.on('ServiceWorker.workerVersionUpdated', (e: any) => {
    for (const v of e.versions) if (String(v.scriptURL).endsWith('/background.js')) statuses.push(v.runningStatus);
  });
  await cdp.send('ServiceWorker.enable');
  return {
    statuses,
    async stop() {
      await expect.poll(() => statuses.at(-1)).toBe('running');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await expect.poll(() => statuses.at(-1)).toBe('stopped');
    },
    detach: () => cdp.detach(),
  };
}
