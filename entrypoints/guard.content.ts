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
import { frameHostname, isTopFrame } from '../src/guard/editor-discovery';
import { isEditable, watchDocumentReopen } from '../src/guard/document-reopen';

export default defineContentScript({
  matches: [...PROTECTED_HOSTS],
  runAt: 'document_start',
  // Editors in frames are guarded too: same-origin frames, and srcdoc / about:blank frames an app writes
  // its compose into (Outlook's pop-out). Each frame runs its own guard with its own closed overlay.
  allFrames: true,
  matchAboutBlank: true,
  // WXT would otherwise window.postMessage "<extension id>:guard:wxt:content-script-started" into every page
  // and frame: any page script could read Discreet's id from it. (The CustomEvent WXT still dispatches on
  // document is only heard by a listener that already knows the id.)
  noScriptStartedPostMessage: true,
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
