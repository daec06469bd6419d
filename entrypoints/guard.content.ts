import browser from 'webextension-polyfill';
import { PROTECTED_HOSTS } from '../src/sites/hosts';
import { StatusResponse } from '../src/protocol';
import { showPausedNotice } from '../src/guard/paused-notice';

export default defineContentScript({
  matches: [...PROTECTED_HOSTS],
  runAt: 'document_start',
  async main() {
    const status = StatusResponse.parse(await browser.runtime.sendMessage({ type: 'status' }));
    if (status.locked) showPausedNotice(status.setupNeeded ? 'setup' : 'locked');
  },
});
