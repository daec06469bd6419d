/**
 * "Nothing leaves the machine", observed: the built extension through a realistic session (set-up, the
 * options page and popup, typing a client's name in two apps, the warning, lock and unlock) while the
 * DevTools protocol records every request of every extension context:
 *
 *   - the service worker (and any other extension worker that appears, e.g. after a restart): attached
 *     through Target.attachToTarget from a helper page's CDP session, Network.enable on each
 *   - the options page and the popup: a CDP session on each page with Network.enable before navigation
 *   - and as a catch-all, Playwright's context-wide request events (pages and service workers)
 *
 * The only requests an extension context may make are to its own chrome-extension://<id>/ files. The app
 * pages may only ask their own fixture origin: openApp() aborts every other host, and those aborted
 * requests are recorded here and must be zero too.
 */
import { expect, test, type CDPSession, type Page } from '@playwright/test';
import { launchWithExtension, watchServiceWorker, type ExtensionSession } from './support/extension';
import { sendFromPage as send } from './support/extension-pages';
import { dialogText, expectMarked } from './support/guard-ui';
import { APPS, openApp, type AppName } from './support/sites';
import { typeInto } from './support/typing';

const PASSPHRASE = 'lantaarn-wolkenkrabber-97-oever';
const REGISTRY = {
  version: 1 as const,
  clients: [
    { id: 'n1', name: 'Marieke Verhoeven', identifiers: ['marieke.verhoeven@example.com', '+31 6 12345678'], organization: 'Gemeente Zwolle' },
    { id: 'n2', name: 'Bram Koster', aliases: ['B. Koster'] },
  ],
};

interface Recorded {
  context: string;
  url: string;
  type?: string;
}

interface WorkerRecorder {
  helper: Page;
  cdp: CDPSession;
  attached: () => string[];
  /** Runs an expression in the most recently attached service worker, through the recorder's own session. */
  evaluateInLatestWorker: (expression: string) => Promise<void>;
}

/**
 * Records every request of the extension's workers, including ones that start later. Chromium keeps a
 * service worker's DevTools target (and this session's Network.enable) across a stop and restart of the
 * same worker version; a worker that comes back as a new target is attached again.
 */
async function recordExtensionWorkers(session: ExtensionSession, log: Recorded[]): Promise<WorkerRecorder> {
  const helper = await session.context.newPage();
  const cdp = await session.context.newCDPSession(helper);
  const origin = `chrome-extension://${session.extensionId}/`;
  const sessions = new Map<string, string>(); // sessionId → label
  const attachedTargets = new Set<string>();
  const attached: string[] = [];
  let nextId = 1;
  let latestWorkerSession = '';
  cdp.on('Target.receivedMessageFromTarget', (e: any) => {
    const label = sessions.get(e.sessionId) ?? 'unknown worker';
    const msg = JSON.parse(e.message);
    if (msg.method === 'Network.requestWillBeSent') log.push({ context: label, url: msg.params.request.url, type: msg.params.type });
    if (msg.method === 'Network.webSocketCreated') log.push({ context: label, url: msg.params.url, type: 'WebSocket' });
  });
  const attach = async (info: any) => {
    const isWorker = ['service_worker', 'shared_worker', 'worker'].includes(info.type);
    if (!isWorker || !String(info.url).startsWith(origin) || attachedTargets.has(info.targetId)) return;
    attachedTargets.add(info.targetId);
    // Non-flat attach: the worker's protocol messages come back to this session as events.
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: info.targetId, flatten: false });
    const label = `${info.type} ${String(info.url).slice(origin.length)}`;
    sessions.set(sessionId, label);
    attached.push(label);
    if (info.type === 'service_worker') latestWorkerSession = sessionId;
    await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: nextId++, method: 'Network.enable', params: {} }) });
  };
  // A restarted worker may come back as a new target: attach again then.
  cdp.on('Target.detachedFromTarget', (e: any) => {
    if (e.targetId) attachedTargets.delete(e.targetId);
  });
  cdp.on('Target.targetDestroyed', (e: any) => attachedTargets.delete(e.targetId));
  cdp.on('Target.targetCreated', (e: any) => void attach(e.targetInfo).catch(() => undefined));
  cdp.on('Target.targetInfoChanged', (e: any) => void attach(e.targetInfo).catch(() => undefined));
  await cdp.send('Target.setDiscoverTargets', { discover: true });
  const { targetInfos } = await cdp.send('Target.getTargets');
  for (const info of targetInfos) await attach(info);
  expect(attached.some((a) => a.startsWith('service_worker')), 'attached to the service worker').toBe(true);
  return {
    helper,
    cdp,
    attached: () => [...attached],
    evaluateInLatestWorker: async (expression) => {
      const message = JSON.stringify({ id: nextId++, method: 'Runtime.evaluate', params: { expression, awaitPromise: true } });
      await cdp.send('Target.sendMessageToTarget', { sessionId: latestWorkerSession, message });
    },
  };
}

/** An extension page with its requests recorded from before its first byte. */
async function openRecordedExtensionPage(session: ExtensionSession, file: string, log: Recorded[]): Promise<Page> {
  const page = await session.context.newPage();
  const cdp = await session.context.newCDPSession(page);
  cdp.on('Network.requestWillBeSent', (e: any) => log.push({ context: file, url: e.request.url, type: e.type }));
  cdp.on('Network.webSocketCreated', (e: any) => log.push({ context: file, url: e.url, type: 'WebSocket' }));
  await cdp.send('Network.enable');
  await page.goto(`chrome-extension://${session.extensionId}/${file}`);
  await page.waitForLoadState('load');
  return page;
}

test('no extension context makes a request outside chrome-extension:// during a whole session', async () => {
  test.setTimeout(120_000);
  const session = await launchWithExtension();
  const extensionLog: Recorded[] = [];
  const everything: Array<{ url: string; from: string }> = [];
  const appPageRequests: Array<{ app: AppName; url: string; aborted: boolean }> = [];
  try {
    session.context.on('request', (r) => {
      const sw = r.serviceWorker();
      let from = sw ? `service worker ${sw.url()}` : 'page';
      try {
        if (!sw) from = `page ${r.frame().url()}`;
      } catch {
        from = 'page (frame gone)';
      }
      everything.push({ url: r.url(), from });
    });
    const workers = await recordExtensionWorkers(session, extensionLog);

    // Set-up from the options page, as the wizard does, then the options page and popup as the coach sees them.
    const options = await openRecordedExtensionPage(session, 'options.html', extensionLog);
    expect(await send(options, { type: 'vault:setup', passphrase: PASSPHRASE, registry: REGISTRY, code: 'both' })).toMatchObject({ ok: true });
    await options.reload();
    await options.waitForLoadState('load');
    await expect(options.getByText('Marieke Verhoeven').first()).toBeVisible({ timeout: 15_000 });
    const popup = await openRecordedExtensionPage(session, 'popup.html', extensionLog);

    // A client's name in two apps: marked, the send is stopped with the warning, back to editing.
    for (const name of ['gmail', 'slack'] as const) {
      const surface = name === 'gmail' ? 'compose1' : 'channel';
      const page = await session.context.newPage();
      page.on('request', (r) => appPageRequests.push({ app: name, url: r.url(), aborted: false }));
      page.on('requestfailed', (r) => {
        const hit = appPageRequests.find((a) => a.url === r.url() && !a.aborted);
        if (hit && /BLOCKED_BY_CLIENT|ERR_FAILED|ABORTED/i.test(r.failure()?.errorText ?? '')) hit.aborted = true;
      });
      const app = await openApp(session.context, name, { page });
      await typeInto(app, surface, 'Even overleggen over Marieke Verhoeven, mail naar marieke.verhoeven@example.com');
      await expectMarked(app.page, 'Marieke Verhoeven', { timeout: 10_000 });
      await app.surface(surface).send.click();
      await expect.poll(() => dialogText(app.page), { timeout: 10_000 }).toContain('Marieke Verhoeven');
      await app.page.keyboard.press('Escape');
      expect(await app.sent()).toEqual([]);
    }

    // Lock and unlock from the popup (the same messages its buttons send); a scan while locked.
    await send(popup, { type: 'vault:lock' });
    expect(await send(popup, { type: 'status' })).toMatchObject({ locked: true });
    expect(await send(popup, { type: 'vault:unlock', passphrase: PASSPHRASE })).toEqual({ ok: true });
    expect((await send(popup, { type: 'scan', text: 'Groeten van Bram Koster' })).findings.length).toBeGreaterThan(0);
    await popup.reload();
    await popup.waitForLoadState('load');

    // MV3 stops an idle worker; a fresh one must stay quiet too, from its first line.
    const worker = await watchServiceWorker(options);
    await worker.stop();
    expect(await send(popup, { type: 'status' })).toMatchObject({ locked: false }); // wakes a new worker
    await expect.poll(() => worker.statuses.at(-1)).toBe('running');
    await worker.detach();

    // Positive control: the recorder does see the (new) worker's requests: its own manifest here.
    await workers.evaluateInLatestWorker(`fetch(chrome.runtime.getURL('manifest.json')).then((r) => r.status)`);
    await expect
      .poll(() => extensionLog.filter((r) => r.context.startsWith('service_worker') && r.url.endsWith('/manifest.json')).length, { timeout: 5000 })
      .toBeGreaterThan(0);
    await options.waitForTimeout(500); // late stragglers

    const own = `chrome-extension://${session.extensionId}/`;
    // The pages' own files were seen (so the page recorders were on from the start).
    expect(extensionLog.filter((r) => r.context === 'options.html').some((r) => r.url === `${own}options.html`)).toBe(true);
    expect(extensionLog.filter((r) => r.context === 'popup.html').some((r) => /\/chunks\/popup-[\w-]+\.js$/.test(r.url))).toBe(true);

    const outside = extensionLog.filter((r) => !r.url.startsWith(own));
    expect(outside, `extension contexts made requests outside ${own} (workers: ${workers.attached().join(', ')})`).toEqual([]);

    // Catch-all over the whole browser context: only the extension's own files and the fixture apps' own origins.
    const fixtureOrigins = new Set(Object.values(APPS).map((a) => a.origin));
    const strays = everything.filter((r) => {
      if (r.url.startsWith(own) || r.url.startsWith('data:') || r.url === 'about:blank') return false;
      const origin = (() => {
        try {
          return new URL(r.url).origin;
        } catch {
          return r.url;
        }
      })();
      // Page requests (navigations included) to a fixture app's origin; which app page asked is checked below.
      return !(r.from.startsWith('page') && fixtureOrigins.has(origin));
    });
    expect(strays, 'requests in the browser context besides the extension files and the fixture apps').toEqual([]);

    // App pages: every request went to the app's own origin; none to another host (they would have been aborted).
    expect(appPageRequests.length).toBeGreaterThan(0);
    const otherHosts = appPageRequests.filter((r) => !r.url.startsWith(APPS[r.app].origin + '/') && !r.url.startsWith(own));
    expect(otherHosts, 'app page requests to other hosts (aborted by openApp)').toEqual([]);
    expect(appPageRequests.filter((r) => r.aborted)).toEqual([]);

    await workers.cdp.detach();
    await workers.helper.close();
  } finally {
    await session.close();
  }
});
