import '../src/zod-jitless'; // first: before any zod schema is built
import browser from 'webextension-polyfill';
import { ContentRequest, PageRequest, type GuardFinding, type Result, type ScanResponse, type StatusResponse, type WarningArticlesResponse } from '../src/protocol';
import { createDetector } from '../src/detect';
import type { Detector } from '../src/detect/types';
import { createEncryptedVaultSession } from '../src/background/encrypted-vault-session';
import { createClientListService, isClientListRequest } from '../src/background/client-list-service';
import { registerAddClientMenu, updateAddClientMenuLanguage } from '../src/background/context-menu';
import { createOtherSitesSync } from '../src/background/other-sites-scripts';
import { createConsentAndLogService, isConsentLogPageRequest } from '../src/background/consent-and-log-service';
import { localIsoDate, scanForGuard } from '../src/background/scan-service';
import { isVaultError } from '../src/vault/errors';
import { articlesForWarning } from '../src/codes';
import { detectLanguage } from '../src/i18n';

export default defineBackground(() => {
  // The encrypted vault: envelopes in storage.local, the unlocked key in memory-only storage.session.
  const vault = createEncryptedVaultSession({
    local: browser.storage.local,
    session: browser.storage.session ?? null,
    alarms: browser.alarms ?? null,
  });
  let detector: { detector: Detector; labels: Map<string, string> } | null = null;
  /** What the detector was built from: a write that changes neither (a log entry, a consent) keeps it. */
  let detectorKey: string | null = null;

  vault.onChange(() => {
    const registry = vault.registry();
    // The coach's caution setting: whether a first name alone warns.
    const firstNameAlone = vault.contents()?.settings.firstNameAlone ?? true;
    const key = registry ? `${firstNameAlone}\n${JSON.stringify(registry)}` : null;
    if (key === detectorKey) return;
    detectorKey = key;
    detector = registry
      ? { detector: createDetector(registry, { firstNameAlone }), labels: new Map(registry.clients.map((c) => [c.id, c.name])) }
      : null;
  });

  // Other sites the coach switched on (optional host permissions): the guard is registered there dynamically.
  // A failed registration is shown on the toolbar icon, never silent.
  const syncOtherSites = createOtherSitesSync(browser.permissions, browser.scripting as never, (ok) => {
    const action = browser.action ?? browser.browserAction;
    void action?.setBadgeText({ text: ok ? '' : '!' }).catch(() => undefined);
  });
  void syncOtherSites().catch(() => undefined);
  browser.permissions.onAdded.addListener(() => void syncOtherSites().catch(() => undefined));
  browser.permissions.onRemoved.addListener(() => void syncOtherSites().catch(() => undefined));

  const extensionOrigin = new URL(browser.runtime.getURL('/')).origin;
  const clientList = createClientListService(vault);
  const consentLog = createConsentAndLogService(vault);
  // LVSC 4.4: log entries past the retention period go at unlock (also after a restore or a restarted worker).
  // purgeLog writes only when there is something to purge, so its own change does not loop.
  vault.onChange(() => {
    if (vault.contents()) void consentLog.purgeLog();
  });
  registerAddClientMenu();
  vault.onChange(() => {
    const settings = vault.contents()?.settings;
    if (settings) updateAddClientMenuLanguage(settings.language);
  });

  async function handleContent(req: ContentRequest): Promise<StatusResponse | ScanResponse | Result<object>> {
    switch (req.type) {
      case 'status':
        return { setupNeeded: !(await vault.exists()), locked: vault.registry() === null };
      case 'scan': {
        const registry = vault.registry();
        if (!detector || !registry) return { locked: true, setupNeeded: !(await vault.exists()) };
        const settings = vault.contents()?.settings;
        const base = { locked: false as const, code: settings?.code ?? 'both', language: settings?.language ?? 'auto' };
        const sites = settings?.protectedSites as Record<string, boolean> | undefined;
        if (req.app && sites && sites[req.app] === false) return { ...base, findings: [], siteEnabled: false };
        const contents = vault.contents();
        const findings: GuardFinding[] = scanForGuard(detector.detector, registry, req.text, req.recipients, {
          consents: contents?.consents ?? [],
          ignoreRules: contents?.ignoreRules ?? [],
          ...(req.situation ? { situation: req.situation } : {}),
          today: localIsoDate(new Date()),
        });
        return { ...base, findings };
      }
      case 'open-unlock':
        await browser.runtime.openOptionsPage();
        return { ok: true };
      case 'warning-articles': {
        const settings = vault.contents()?.settings;
        const language = !settings || settings.language === 'auto' ? detectLanguage() : settings.language;
        const answer: WarningArticlesResponse = { ok: true, articles: articlesForWarning(settings?.code ?? 'both', req.situation, language) };
        return answer;
      }
      case 'log:send-anyway':
      case 'ignore:add':
        return consentLog.handle(req);
    }
  }

  async function handlePage(req: PageRequest): Promise<Result<object>> {
    if (isClientListRequest(req)) return clientList.handle(req);
    if (isConsentLogPageRequest(req)) return consentLog.handle(req);
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
        case 'vault:change-passphrase':
          await vault.changePassphrase(req.current, req.next);
          return { ok: true };
        case 'vault:export-backup': {
          const backup: Result<{ backup: string }> = { ok: true, backup: await vault.exportBackup() };
          return backup;
        }
        case 'vault:restore-backup':
          await vault.restoreBackup(req.backup, req.passphrase);
          return { ok: true };
        case 'vault:recover-previous':
          await vault.recoverPrevious(req.passphrase);
          return { ok: true };
        case 'sites:sync': {
          const synced: Result<{ patterns: string[] }> = { ok: true, patterns: await syncOtherSites() };
          return synced;
        }
      }
    } catch (e) {
      // Only stable codes cross to the page: a VaultError's message is its code; anything else
      // (a parser or validation error could quote client data) becomes 'internal'.
      return { ok: false, error: isVaultError(e) ? e.code : 'internal' };
    }
  }

  /** After a wrong passphrase: tell the page how long the next attempt will wait (the throttle), so it can say so. */
  async function withWait(answer: Result<object>): Promise<Result<object>> {
    if (answer.ok || answer.error !== 'wrong-passphrase') return answer;
    try {
      const { waitMs } = await vault.attemptStatus();
      return waitMs > 0 ? { ...answer, waitMs } : answer;
    } catch {
      return answer;
    }
  }

  browser.runtime.onMessage.addListener((raw: unknown, sender: browser.Runtime.MessageSender) => {
    // Only our own extension's contexts may talk to the background.
    if (sender.id !== browser.runtime.id) return undefined;
    const fromExtensionPage = !sender.tab || (sender.url ?? '').startsWith(extensionOrigin);
    const content = ContentRequest.safeParse(raw);
    // A restarted worker first re-opens the vault from session storage. Activity (postpones the auto-lock):
    // scans of what the coach types and requests from our own pages; not status polls.
    if (content.success)
      return vault.ready().then(() => {
        if (content.data.type === 'scan') vault.noteActivity();
        return handleContent(content.data);
      });
    if (fromExtensionPage) {
      const page = PageRequest.safeParse(raw);
      if (page.success) return vault.ready().then(() => (vault.noteActivity(), handlePage(page.data).then(withWait)));
    }
    return Promise.resolve({ ok: false, error: 'bad-request' } satisfies Result);
  });
});
