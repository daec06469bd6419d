import { noticeText } from './support/guard-ui';
import { expect, test } from './support/session';

test('the built extension loads and its content script runs on mail.google.com', async ({ session }) => {
  const page = await session.context.newPage();
  await page.route('https://mail.google.com/**', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Inbox</title><div id="app">Inbox</div>' }),
  );
  await page.goto('https://mail.google.com/mail/u/0/#inbox');
  // With no client list set up yet, protection is visibly off: never silently.
  await expect.poll(() => noticeText(page)).toContain('bescherming staat uit');
  // The page's own scripts cannot see inside the notice.
  const visibleToPage = await page.evaluate(() => {
    const host = document.querySelector('discreet-notice');
    return { found: !!host, shadowRoot: host?.shadowRoot ?? null, text: host?.textContent ?? '' };
  });
  expect(visibleToPage.found).toBe(true);
  expect(visibleToPage.shadowRoot).toBeNull();
  expect(visibleToPage.text).toBe('');
});

test('once a client list is set up, the notice goes away', async ({ session }) => {
  const { setupVault } = await import('./support/vault');
  await setupVault(session, { version: 1, clients: [{ id: 'x1', name: 'Testa Cliënt' }] });
  const page = await session.context.newPage();
  await page.route('https://mail.google.com/**', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Inbox</title><div id="app">Inbox</div>' }),
  );
  await page.goto('https://mail.google.com/mail/u/0/#inbox');
  await page.waitForLoadState('load');
  await page.waitForTimeout(300);
  expect(await noticeText(page)).toBe('');
});
