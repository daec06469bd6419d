import browser from 'webextension-polyfill';
import { Request, type StatusResponse } from '../src/protocol';

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((raw: unknown, sender: browser.Runtime.MessageSender) => {
    // Only our own extension's contexts may talk to the background.
    if (sender.id !== browser.runtime.id) return undefined;
    const parsed = Request.safeParse(raw);
    if (!parsed.success) return Promise.resolve({ error: 'bad-request' });
    switch (parsed.data.type) {
      case 'status': {
        const status: StatusResponse = { setupNeeded: true, locked: true };
        return Promise.resolve(status);
      }
    }
  });
});
