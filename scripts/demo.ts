/**
 * `npm run demo`: builds the extension and the offline app fixtures, launches Debian Chromium with
 * Discreet loaded, sets up the vault with the built-in demo client list, and opens a start page
 * (https://discreet.demo/, served by a route) with links to each app fixture. Every request is
 * answered locally or aborted: nothing leaves the machine.
 *
 *   npm run demo                                    headful when $DISPLAY is set (runs until the browser is closed)
 *   npm run demo -- --headless --screenshot DIR     PNGs of the start page and each app with a client typed in, then exit
 *                                                   (headless without --screenshot: DIR = test-results/demo-screenshots)
 *   options: --no-build (reuse .output/chrome-mv3)
 *
 * Honest by construction: it shows whatever the guard currently does, and in screenshot mode prints
 * for each app whether the app's own send went through.
 */
import { chromium, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildFixtures } from '../test/fixtures/build-fixtures';
import { CHROMIUM, EXTENSION_DIR, type ExtensionSession } from '../test/e2e/support/extension';
import { setupVault } from '../test/e2e/support/vault';
import { APPS, openApp, routeFixtures, type AppName } from '../test/e2e/support/sites';
import { PROTECTED_HOSTS } from '../src/sites/hosts';
import { RegistrySchema, type RegistryInput } from '../src/registry';
import { startPageHtml, type DemoApp, type Suggestion } from './demo/start-page';

const START_URL = 'https://discreet.demo/';
const PASSPHRASE = 'Tulpenveld-Regenjas-Kompas-73';
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

/** Which app, which surface to type into, and a sentence mentioning a demo client. */
const SCENES: Array<{ app: AppName; surface: string; nl: string; en: string; text: string }> = [
  { app: 'gmail', surface: 'compose1', nl: 'Gmail: twee conceptvensters en een antwoord', en: 'Gmail: two compose windows and a reply', text: 'Hoi team, ik sprak vandaag Femke Rozendaal over haar nieuwe rol bij de gemeente.' },
  { app: 'outlook', surface: 'compose', nl: 'Outlook: e-mail opstellen', en: 'Outlook: compose an e-mail', text: 'Kun je Daan van der Steeg morgen terugbellen op 06-55667788?' },
  { app: 'linkedin-feed', surface: 'post', nl: 'LinkedIn: bericht plaatsen en reageren', en: 'LinkedIn: post and comment', text: 'Trots op Noor el Amrani, die na ons traject een nieuwe baan vond!' },
  { app: 'linkedin-messaging', surface: 'message', nl: 'LinkedIn: privébericht', en: 'LinkedIn: direct message', text: 'Ik coach nu iemand van Drukkerij De Vlinder, Gijs Wolters.' },
  { app: 'teams', surface: 'chat', nl: 'Teams: chat', en: 'Teams: chat', text: 'Ilse ten Brinke schuift donderdag aan bij de intervisie.' },
  { app: 'slack', surface: 'channel', nl: 'Slack: kanaal en draad', en: 'Slack: channel and thread', text: 'Wie kan vrijdag de sessie met Ruben Kasanwirjo overnemen?' },
  { app: 'chatbot', surface: 'prompt', nl: 'AI-chat (chatgpt.com)', en: 'AI chat (chatgpt.com)', text: 'Schrijf een mail aan Maaike de Graaff-Peeters over haar re-integratie.' },
];
const NEGATIVE = 'Zullen we donderdag om 10.00 uur afspreken over de planning?';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function isProtected(origin: string): boolean {
  return PROTECTED_HOSTS.some((p) => p.replace(/\/\*$/, '') === origin);
}

function step(msg: string): void {
  console.log(`• ${msg}`);
}

async function launch(headless: boolean): Promise<ExtensionSession> {
  if (!existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) throw new Error(`No built extension in ${EXTENSION_DIR}.`);
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'discreet-demo-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless,
    locale: 'nl-NL',
    viewport: { width: 1280, height: 800 },
    args: [`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`, '--disable-quic', '--window-size=1280,900'],
  });
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(serviceWorker.url()).host;
  return {
    context,
    serviceWorker,
    extensionId,
    userDataDir,
    close: async () => {
      await context.close().catch(() => {});
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

async function screenshots(session: ExtensionSession, dir: string, start: Page): Promise<void> {
  mkdirSync(dir, { recursive: true });
  await start.screenshot({ path: path.join(dir, '00-start.png'), fullPage: true });
  step(`${path.join(dir, '00-start.png')}`);
  let n = 1;
  for (const scene of SCENES) {
    const app = await openApp(session.context, scene.app);
    const surface = app.surface(scene.surface);
    await surface.editor.click();
    await app.page.keyboard.type(scene.text, { delay: 5 });
    await app.page.waitForTimeout(1500); // let the guard mark what it finds
    const prefix = String(n++).padStart(2, '0');
    const typed = path.join(dir, `${prefix}-${scene.app}.png`);
    await app.page.screenshot({ path: typed });
    // Try the app's own send (mouse click on the button) and show what happens.
    await surface.send.click({ timeout: 3000 }).catch(() => {});
    await app.page.waitForTimeout(1000);
    const sendShot = path.join(dir, `${prefix}-${scene.app}-send.png`);
    await app.page.screenshot({ path: sendShot });
    const sent = await app.sent();
    const warning = await app.page.evaluate(() => document.querySelector('discreet-dialog') !== null);
    const guarded = isProtected(APPS[scene.app].origin);
    const outcome =
      sent.length > 0
        ? `the app SENT the message${guarded ? '' : ' (site not guarded by default)'}`
        : warning
          ? 'send held, Discreet shows its warning'
          : 'nothing sent and no warning shown (did the click land?)';
    step(`${scene.app}: ${path.basename(typed)}, ${path.basename(sendShot)} — ${outcome}`);
    await app.page.close();
  }
}

async function main(): Promise<void> {
  const headless = process.argv.includes('--headless') || !process.env.DISPLAY;
  // Headless without --screenshot would show nobody anything: take the pictures instead.
  const shotDir = arg('--screenshot') ?? (headless ? path.join(ROOT, 'test-results/demo-screenshots') : undefined);
  if (!process.argv.includes('--no-build')) {
    step('wxt build');
    const r = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('wxt build failed');
  }
  step('fixtures');
  await buildFixtures();

  const registry: RegistryInput = RegistrySchema.parse(JSON.parse(readFileSync(path.join(ROOT, 'scripts/demo/demo-registry.json'), 'utf8')));
  const apps: DemoApp[] = SCENES.map((s) => ({ app: s.app, url: APPS[s.app].url, nl: s.nl, en: s.en, protectedByDefault: isProtected(APPS[s.app].origin) }));
  const suggestions: Suggestion[] = SCENES.map((s) => ({ app: s.nl.split(':')[0]!, text: s.text }));
  const html = startPageHtml({ registry, passphrase: PASSPHRASE, apps, suggestions, negative: NEGATIVE });

  step(`Chromium (${headless ? 'headless' : 'headful'})`);
  const session = await launch(headless);
  let closing = false;
  const shutdown = async (code: number) => {
    if (closing) return;
    closing = true;
    await session.close();
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(130));
  process.on('SIGTERM', () => void shutdown(143));
  try {
    // Every request of the whole browser: the start page, the fixtures at their real origins, nothing else.
    await routeFixtures(session.context, async (url, route) => {
      if (url.origin !== new URL(START_URL).origin) return false;
      await (url.pathname === '/'
        ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html })
        : route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not found' }));
      return true;
    });
    step('vault with the demo client list');
    await setupVault(session, registry, PASSPHRASE);

    const start = session.context.pages()[0] ?? (await session.context.newPage());
    await start.goto(START_URL);
    for (const p of session.context.pages()) if (p !== start && p.url() === 'about:blank') await p.close();

    if (shotDir) {
      await screenshots(session, path.resolve(shotDir), start);
      await shutdown(0);
      return;
    }
    console.log(`\nDemo running: ${START_URL}\nPassphrase: ${PASSPHRASE}\nClose the browser window to stop.`);
    await new Promise<void>((resolve) => session.context.on('close', () => resolve()));
    rmSync(session.userDataDir, { recursive: true, force: true });
  } catch (err) {
    console.error(err);
    await shutdown(1);
  }
}

void main();

