/**
 * The guard on every protected app (and on the other sites the coach switched on). Runs at document_start
 * so its capture listeners on `window` come before the app's own (see shared/notes/browser-testing.md).
 * Imports only types from src/protocol (no zod) and never the detector: the registry stays in the background.
 *
 * Built as a plain script (`guard.js`) and declared as a content script in wxt.config.ts rather than through
 * WXT's defineContentScript: WXT's content-script runtime (location watcher, startup events a page can hear,
 * about 3 KB) is not needed, and this script loads on every page of the five apps (60 KB budget).
 */
import { browser } from 'wxt/browser';
import type { StatusResponse } from '../src/protocol';
import { Guard } from '../src/guard/guard';
import { showNotice } from '../src/guard/paused-notice';
import { frameHostname, isTopFrame } from '../src/guard/editor-discovery';
import { isEditable, watchDocumentReopen } from '../src/guard/document-reopen';

export default defineUnlistedScript({
  async main() {
    const guard = new Guard(frameHostname());
    guard.install(); // synchronous: before any await
    // document.open() erases every listener: a fresh guard for the rewritten document. Its listeners now come
    // AFTER any the app registered meanwhile, so a keyboard send the app handles on window may go out first:
    // marks and send buttons are guarded, and the coach is told this editor is not fully protected.
    watchDocumentReopen(() => {
      new Guard(frameHostname()).install();
      window.addEventListener('focusin', (e) => isEditable(e.composedPath()[0]) && showNotice('cannotProtect'), { capture: true, passive: true });
    });
    // A sub-frame stays quiet until the coach uses an editor in it (a scan then tells it the vault's
    // state); the top frame already shows "paused" once for the tab.
    if (!isTopFrame()) return;
    try {
      const status = (await browser.runtime.sendMessage({ type: 'status' })) as StatusResponse;
      guard.setInitialStatus(status);
    } catch {
      showNotice('internalError');
    }
  },
});
