/**
 * The Playwright `test` of the specs that need the built extension in a browser: each test gets its own
 * Chromium with a fresh profile (`session`), closed after the test. With a `registry` (set per file or per
 * describe with `test.use`), the vault is set up and unlocked with it first, as the options page would.
 *
 *   import { expect, test } from './support/session';
 *   test.use({ registry: REGISTRY });                       // optional; `passphrase` too
 *   test('…', async ({ session }) => { const app = await openApp(session.context, 'slack'); … });
 *
 * A test that looks at the profile on disk afterwards may close the session itself first (closing again is harmless).
 * Tests that do not ask for `session` start no browser.
 */
import { test as base } from '@playwright/test';
import type { RegistryInput } from '../../../src/registry';
import { launchWithExtension, type ExtensionSession } from './extension';
import { setupVault } from './vault';

export { expect } from '@playwright/test';

export interface SessionOptions {
  /** The client list the vault is set up with before the test; none: no vault (the extension as just installed). */
  registry: RegistryInput | undefined;
  /** The vault's passphrase (default: setupVault's). */
  passphrase: string | undefined;
}

export const test = base.extend<SessionOptions & { session: ExtensionSession }>({
  registry: [undefined, { option: true }],
  passphrase: [undefined, { option: true }],
  session: async ({ registry, passphrase }, use) => {
    const session = await launchWithExtension();
    try {
      if (registry) await setupVault(session, registry, passphrase);
      await use(session);
    } finally {
      await session.close();
    }
  },
});
