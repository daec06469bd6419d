import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  // Builds the offline app fixtures (test/fixtures/.dist) when their sources changed.
  globalSetup: './test/e2e/global-setup.ts',
  timeout: 60_000,
  // Each test launches its own Chromium with the extension; two cores, so two workers.
  workers: process.env.CI ? 2 : 2,
  // One retry on CI: a test that passes only on retry is reported as flaky in the output, not hidden.
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list']] : [['list']],
});
