import browser from 'webextension-polyfill';
import { PROTECTED_HOSTS } from '../src/sites/hosts';
import type { StatusResponse } from '../src/protocol';
import { showPausedNotice } from '../src/guard/paused-notice';

export default defineContentScript({
  matches: [...PROTECTED_HOSTS],
  runAt: 'document_start',
  async main() {
    const status = (await browser.runtime.sendMessage({ type: 'status' })) as StatusResponse;
    if (status.locked) showPausedNotice(status.setupNeeded ? 'setup' : 'locked');
  },
});
