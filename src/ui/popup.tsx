/** The toolbar popup: locked/unlocked, whether this site is protected, counts, lock now, open the options page. */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { OverviewResponse } from '../protocol';
import type { ProtectedApp } from '../vault/schema';
import { api, rememberedLanguage } from './api';
import { Alert, UnlockForm, applyLanguage, errorText, loadOverview } from './common';
import { t } from './messages';
import { APP_LABELS, appForUrl } from './sites';

type Overview = Omit<OverviewResponse, 'ok'>;

/** The active tab: one of the five apps, another site the coach switched on (its host), or neither. */
async function activeSite(): Promise<{ app: ProtectedApp | null; otherHost: string | null }> {
  try {
    // Without the `tabs` permission the URL is only visible for hosts we have access to: our apps and the
    // other sites the coach granted.
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    const app = appForUrl(tab?.url);
    if (app || !tab?.url) return { app, otherHost: null };
    const url = new URL(tab.url);
    const granted = url.protocol === 'https:' && (await browser.permissions.contains({ origins: [`https://${url.hostname}/*`] }));
    return { app: null, otherHost: granted ? url.hostname : null };
  } catch {
    return { app: null, otherHost: null };
  }
}

async function openOptions(): Promise<void> {
  await browser.runtime.openOptionsPage();
  window.close();
}

/** Choosing a backup file needs a full page (a file chooser closes the popup): the options page's restore screen. */
async function openRestore(): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL('/options.html#restore') });
  window.close();
}

export function Popup() {
  const [overview, setOverview] = useState<Overview | null>(null);
  const [app, setApp] = useState<ProtectedApp | null>(null);
  const [otherHost, setOtherHost] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [, rerender] = useState(0);

  async function refresh() {
    const r = await loadOverview(setError);
    if (r) setOverview(r);
  }

  useEffect(() => {
    void (async () => {
      applyLanguage(await rememberedLanguage());
      rerender((n) => n + 1);
      const site = await activeSite();
      setApp(site.app);
      setOtherHost(site.otherHost);
      await refresh();
    })();
  }, []);

  async function lockNow() {
    const r = await api.lock();
    if (!r.ok) setError(errorText(r.error));
    await refresh();
  }

  let body;
  if (error) body = <Alert>{error}</Alert>;
  else if (!overview) body = <p>{t('loading')}</p>;
  else if (overview.setupNeeded)
    body = (
      <>
        <p>{t('popupNoVault')}</p>
        <button type="button" class="primary" onClick={() => void openOptions()}>
          {t('setUp')}
        </button>
      </>
    );
  else if (overview.locked)
    body = (
      <>
        <UnlockForm compact onUnlocked={() => void refresh()} onRestore={() => void openRestore()} />
        <p>
          <button type="button" class="link" onClick={() => void openOptions()}>
            {t('openOptions')}
          </button>
        </p>
      </>
    );
  else {
    const n = overview.clientCount ?? 0;
    const due = overview.retentionDue ?? 0;
    const siteOn = app ? overview.settings?.protectedSites[app] !== false : false;
    body = (
      <>
        <p class="state state-on">{t('statusUnlocked')}</p>
        <ul class="facts">
          <li class={(app && siteOn) || otherHost ? 'site-on' : 'site-off'}>
            {app
              ? siteOn
                ? t('siteProtected', { app: APP_LABELS[app] })
                : t('siteOff', { app: APP_LABELS[app] })
              : otherHost
                ? t('siteProtectedOther', { host: otherHost })
                : t('siteNotProtected')}
          </li>
          <li>{n === 1 ? t('clientCountOne') : t('clientCount', { n })}</li>
          {due > 0 && <li class="warning">{due === 1 ? t('retentionDueOne') : t('retentionDue', { n: due })}</li>}
        </ul>
        <div class="actions stacked">
          <button type="button" class="primary" onClick={() => void lockNow()}>
            {t('lockNow')}
          </button>
          <button type="button" onClick={() => void openOptions()}>
            {t('openOptions')}
          </button>
        </div>
      </>
    );
  }

  return (
    <main class="popup">
      <h1>{t('appName')}</h1>
      {body}
    </main>
  );
}
