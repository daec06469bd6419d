import browser from 'webextension-polyfill';
import { ContentRequest, PageRequest, type GuardFinding, type Result, type ScanResponse, type StatusResponse } from '../src/protocol';
import { createDetector } from '../src/detect';
import type { Detector } from '../src/detect/types';
import { createMemoryVaultSession } from '../src/background/memory-vault-session';

export default defineBackground(() => {
  const vault = createMemoryVaultSession();
  let detector: { detector: Detector; labels: Map<string, string> } | null = null;

  vault.onChange(() => {
    const registry = vault.registry();
    detector = registry
      ? { detector: createDetector(registry), labels: new Map(registry.clients.map((c) => [c.id, c.name])) }
      : null;
  });

  const extensionOrigin = new URL(browser.runtime.getURL('/')).origin;

  async function handleContent(req: ContentRequest): Promise<StatusResponse | ScanResponse> {
    switch (req.type) {
      case 'status':
        return { setupNeeded: !(await vault.exists()), locked: vault.registry() === null };
      case 'scan': {
        if (!detector) return { locked: true };
        const { findings } = detector.detector.scan(req.text);
        const labels = detector.labels;
        const out: GuardFinding[] = findings.map((f) => ({ ...f, clientLabel: labels.get(f.clientId) ?? f.clientId }));
        return { locked: false, findings: out };
      }
    }
  }

  async function handlePage(req: PageRequest): Promise<Result> {
    try {
      switch (req.type) {
        case 'vault:setup':
          await vault.setup(req.passphrase, req.registry, req.code);
          return { ok: true };
        case 'vault:unlock':
          await vault.unlock(req.passphrase);
          return { ok: true };
        case 'vault:lock':
          await vault.lock();
          return { ok: true };
      }
    } catch (e) {
      // Error messages here are stable codes, never user data.
      return { ok: false, error: e instanceof Error ? e.message : 'internal' };
    }
  }

  browser.runtime.onMessage.addListener((raw: unknown, sender: browser.Runtime.MessageSender) => {
    // Only our own extension's contexts may talk to the background.
    if (sender.id !== browser.runtime.id) return undefined;
    const fromExtensionPage = !sender.tab || (sender.url ?? '').startsWith(extensionOrigin);
    const content = ContentRequest.safeParse(raw);
    if (content.success) return handleContent(content.data);
    if (fromExtensionPage) {
      const page = PageRequest.safeParse(raw);
      if (page.success) return handlePage(page.data);
    }
    return Promise.resolve({ ok: false, error: 'bad-request' } satisfies Result);
  });
});
