/** The options page: first-run wizard, unlock, client list, settings. Dutch first. */
import { useEffect, useState } from 'preact/hooks';
import { getLanguage, setLanguage } from '../i18n';
import type { VaultSettings } from '../vault/schema';
import { api, rememberLanguage, rememberedLanguage } from './api';
import { Alert, UnlockForm, errorText } from './common';
import { ClientList } from './client-list';
import { t } from './messages';
import { ADD_CLIENT_HASH, takePrefill } from './prefill';
import { BackupButton, ChangePassphraseForm, PlainExport, RestoreForm } from './security';
import { SettingsForm } from './settings';
import { OtherSites } from './other-sites';
import { SetupWizard } from './wizard';

type Screen = 'loading' | 'setup' | 'locked' | 'restore' | 'clients' | 'settings';

/** The popup opens options.html#restore when the coach chooses "Reservekopie terugzetten" there. */
export const RESTORE_HASH = '#restore';

function applyLanguage(language: VaultSettings['language']) {
  setLanguage(language);
  document.documentElement.lang = getLanguage();
}

const SCREEN_TITLES = {
  loading: 'appName',
  setup: 'wizardTitle',
  locked: 'lockedTitle',
  restore: 'restoreTitle',
  clients: 'navClients',
  settings: 'navSettings',
} as const;

export function OptionsApp() {
  const [screen, setScreen] = useState<Screen>('loading');
  const [error, setError] = useState<string | null>(null);
  const [prefill, setPrefill] = useState<string | null>(null);
  const [, rerender] = useState(0);

  async function route(next?: Screen) {
    const r = await api.overview();
    if (!r.ok) {
      setError(errorText(r.error));
      return;
    }
    setError(null);
    if (r.settings) {
      applyLanguage(r.settings.language);
      void rememberLanguage(r.settings.language);
    }
    if (r.setupNeeded) return setScreen('setup');
    if (r.locked) return setScreen(location.hash === RESTORE_HASH ? 'restore' : 'locked');
    if (location.hash === ADD_CLIENT_HASH) {
      const text = await takePrefill();
      if (text) setPrefill(text);
    }
    setScreen(next ?? (location.hash === '#settings' ? 'settings' : 'clients'));
  }

  useEffect(() => {
    void (async () => {
      applyLanguage(await rememberedLanguage());
      rerender((n) => n + 1);
      await route();
    })();
    // The context menu always opens a new tab with #add-client; that tab takes the selection (once).
  }, []);

  useEffect(() => {
    document.title = screen === 'loading' ? 'Discreet' : `${t(SCREEN_TITLES[screen])} – Discreet`;
  });

  const locked = () => setScreen('locked');
  const restore = () => setScreen('restore');

  async function lock() {
    await api.lock();
    setScreen('locked');
  }

  function go(s: 'clients' | 'settings') {
    history.replaceState(null, '', s === 'settings' ? '#settings' : '#clients');
    setScreen(s);
  }

  const unlockedNav = (screen === 'clients' || screen === 'settings') && (
    <nav aria-label={t('mainNav')}>
      <ul>
        <li>
          <a href="#clients" aria-current={screen === 'clients' ? 'page' : undefined} onClick={(e) => (e.preventDefault(), go('clients'))}>
            {t('navClients')}
          </a>
        </li>
        <li>
          <a href="#settings" aria-current={screen === 'settings' ? 'page' : undefined} onClick={(e) => (e.preventDefault(), go('settings'))}>
            {t('navSettings')}
          </a>
        </li>
      </ul>
      <button type="button" onClick={() => void lock()}>
        {t('lock')}
      </button>
    </nav>
  );

  return (
    <>
      <header class="page-header">
        <p class="brand">{t('appName')}</p>
        <p class="tagline">{t('tagline')}</p>
        {unlockedNav}
      </header>
      <main class="page">
        {error && <Alert>{error}</Alert>}
        {screen === 'loading' && !error && <p>{t('loading')}</p>}
        {screen === 'setup' && <SetupWizard onDone={() => void route('clients')} />}
        {screen === 'locked' && (
          <>
            <h1 class="visually-hidden">{t('appName')}</h1>
            <UnlockForm onUnlocked={() => void route()} onRestore={restore} />
          </>
        )}
        {screen === 'restore' && (
          <>
            <h1 class="visually-hidden">{t('appName')}</h1>
            <RestoreForm
              onRestored={() => {
                history.replaceState(null, '', '#clients');
                void route('clients');
              }}
              onCancel={() => {
                if (location.hash === RESTORE_HASH) history.replaceState(null, '', location.pathname);
                locked();
              }}
            />
          </>
        )}
        {(screen === 'clients' || screen === 'settings') && <h1 class="visually-hidden">{t(screen === 'clients' ? 'navClients' : 'navSettings')}</h1>}
        {screen === 'clients' && <ClientList prefill={prefill} onLocked={locked} onRestore={restore} />}
        {screen === 'settings' && (
          <>
            <SettingsForm
              onLocked={locked}
              onSaved={(s) => {
                applyLanguage(s.language);
                void rememberLanguage(s.language);
                rerender((n) => n + 1);
              }}
            />
            <OtherSites />
            <section class="security" aria-labelledby="security-title">
              <h2 id="security-title">{t('securityTitle')}</h2>
              <p>{t('backupIntro')}</p>
              <BackupButton onLocked={locked} />
              <ChangePassphraseForm onLocked={locked} />
              <PlainExport onLocked={locked} />
            </section>
          </>
        )}
      </main>
    </>
  );
}
