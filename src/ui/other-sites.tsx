/**
 * "Andere sites": switch the guard on for AI chats (one click each) and any other https site the coach
 * writes about clients on. The browser asks the coach's permission for each site; the browser's own
 * permission list is the only record (nothing is stored by Discreet). See src/sites/other-sites.ts.
 */
import { useEffect, useId, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import {
  AI_CHAT_PRESETS,
  customSitePatterns,
  hostOfPattern,
  presetEnabled,
  sitePatternFor,
  type SitePreset,
} from '../sites/other-sites';
import { api } from './api';
import { Alert } from './common';
import { t } from './messages';

async function grantedOrigins(): Promise<string[]> {
  return (await browser.permissions.getAll()).origins ?? [];
}

export function OtherSites() {
  const [granted, setGranted] = useState<string[] | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [site, setSite] = useState('');
  const ids = useId();

  async function refresh() {
    try {
      setGranted(await grantedOrigins());
    } catch {
      setError(t('otherSitesUnavailable'));
    }
  }

  useEffect(() => void refresh(), []);

  /** After a change: register the guard on exactly the granted sites, and say so (or say it failed). */
  async function applied(label: string, on: boolean) {
    const r = await api.syncOtherSites();
    await refresh();
    if (r.ok) setStatus(on ? t('otherSitesOn', { site: label }) : t('otherSitesOff', { site: label }));
    else setError(t('otherSitesSyncFailed'));
  }

  /** permissions.request must run in the click itself (the browser asks the coach only during a user action). */
  function enable(origins: readonly string[], label: string) {
    setStatus('');
    setError(null);
    browser.permissions.request({ origins: [...origins] }).then(
      (ok) => (ok ? applied(label, true) : setError(t('otherSitesDenied', { site: label }))),
      () => setError(t('otherSitesDenied', { site: label })),
    );
  }

  function disable(origins: readonly string[], label: string) {
    setStatus('');
    setError(null);
    browser.permissions.remove({ origins: [...origins] }).then(
      () => applied(label, false),
      () => setError(t('otherSitesSyncFailed')),
    );
  }

  function addSite(e: Event) {
    e.preventDefault();
    const parsed = sitePatternFor(site);
    if (!parsed.ok) {
      setStatus('');
      setError(t(parsed.reason === 'not-https' ? 'otherSitesNotHttps' : parsed.reason === 'already' ? 'otherSitesAlready' : 'otherSitesInvalid'));
      return;
    }
    setSite('');
    enable([parsed.pattern], parsed.host);
  }

  const presetRow = (p: SitePreset, list: string[]) => {
    const on = presetEnabled(p, list);
    return (
      <li key={p.id}>
        <span class={on ? 'site-on' : 'site-off'}>{on ? t('otherSitesPresetOn', { site: p.label }) : t('otherSitesPresetOff', { site: p.label })}</span>{' '}
        {on ? (
          <button type="button" onClick={() => disable(p.origins, p.label)} aria-label={t('otherSitesStopLabel', { site: p.label })}>
            {t('otherSitesStop')}
          </button>
        ) : (
          <button type="button" onClick={() => enable(p.origins, p.label)} aria-label={t('otherSitesProtectLabel', { site: p.label })}>
            {t('otherSitesProtect')}
          </button>
        )}
      </li>
    );
  };

  return (
    <section class="other-sites" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>{t('otherSitesTitle')}</h2>
      <p>{t('otherSitesIntro')}</p>
      {granted === null ? (
        error ? null : <p>{t('loading')}</p>
      ) : (
        <>
          <h3>{t('otherSitesAiTitle')}</h3>
          <ul class="site-list">{AI_CHAT_PRESETS.map((p) => presetRow(p, granted))}</ul>
          <h3>{t('otherSitesOwnTitle')}</h3>
          {customSitePatterns(granted).length === 0 ? (
            <p class="hint">{t('otherSitesNone')}</p>
          ) : (
            <ul class="site-list">
              {customSitePatterns(granted).map((pattern) => {
                const host = hostOfPattern(pattern);
                return (
                  <li key={pattern}>
                    <span class="site-on">{host}</span>{' '}
                    <button type="button" onClick={() => disable([pattern], host)} aria-label={t('otherSitesStopLabel', { site: host })}>
                      {t('otherSitesStop')}
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
          <form class="inline-form" onSubmit={addSite}>
            <label for={`${ids}-site`}>{t('otherSitesAddLabel')}</label>
            <span class="hint" id={`${ids}-site-hint`}>
              {t('otherSitesAddHint')}
            </span>
            <div class="row">
              <input
                id={`${ids}-site`}
                type="text"
                inputMode="url"
                autocomplete="off"
                spellcheck={false}
                value={site}
                aria-describedby={`${ids}-site-hint`}
                onInput={(e) => setSite((e.target as HTMLInputElement).value)}
              />
              <button type="submit">{t('otherSitesProtect')}</button>
            </div>
          </form>
        </>
      )}
      {error && <Alert>{error}</Alert>}
      <p role="status" aria-live="polite" class="saved-status">
        {status}
      </p>
    </section>
  );
}
