/**
 * The guard on every protected app. Runs at document_start so its capture listeners on `window`
 * come before the app's own (see shared/notes/browser-testing.md). Imports only types from
 * src/protocol (no zod) and never the detector: the registry stays in the background.
 */
import { browser } from 'wxt/browser';
import { PROTECTED_HOSTS } from '../src/sites/hosts';
import type { StatusResponse } from '../src/protocol';
import { Guard } from '../src/guard/guard';
import { showNotice } from '../src/guard/paused-notice';

export default defineContentScript({
  matches: [...PROTECTED_HOSTS],
  runAt: 'document_start',
  async main() {
    const guard = new Guard();
    guard.install(); // synchronous: before any await
    try {
      const status = (await browser.runtime.sendMessage({ type: 'status' })) as StatusResponse;
      guard.setInitialStatus(status);
    } catch {
      showNotice('internalError');
    }
  },
});
