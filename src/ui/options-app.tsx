/** The options page: first-run wizard, unlock, client list, accountability log, settings. Dutch first. */
import { useEffect, useState } from 'preact/hooks';
import { AccountabilityLog } from './accountability-log';
import { api, rememberLanguage, rememberedLanguage } from './api';
import { Alert, UnlockForm, applyLanguage, loadOverview } from './common';
import { ClientList } from './client-list';
import { t } from './messages';
import { ADD_CLIENT_HASH, takePrefill } from './prefill';
import { BackupButton, ChangePassphraseForm, PlainExport, RestoreForm } from './security';
import { SettingsForm } from './settings';
import { OtherSites } from './other-sites';
import { SetupWizard } from './wizard';

type Screen = 'loading' | 'setup' | 'locked' | 'restore' | 'clients' | 'log' | 'settings';
type Page = 'clients' | 'log' | 'settings';

/** The unlocked pages, in menu order, with their address and menu label. */
const PAGES: ReadonlyArray<{ page: Page; hash: string; label: 'navClients' | 'navLog' | 'navSettings' }> = [
  { page: 'clients', hash: '#clients', label: 'navClients' },
  { page: 'log', hash: '#log', label: 'navLog' },
  { page: 'settings', hash: '#settings', label: 'navSettings' },
];

const isPage = (s: Screen): s is Page => PAGES.some((p) => p.page === s);

/** The popup opens options.html#restore when the coach chooses "Reservekopie terugzetten" there. */
export const RESTORE_HASH = '#restore';

const SCREEN_TITLES = {
  loading: 'appName',
  setup: 'wizardTitle',
  locked: 'lockedTitle',
  restore: 'restoreTitle',
  clients: 'navClients',
  log: 'navLog',
  settings: 'navSettings',
} as const;

export function OptionsApp() {
  const [screen, setScreen] = useState<Screen>('loading');
  const [error, setError] = useState<string | null>(null);
  const [prefill, setPrefill] = useState<string | null>(null);
  const [, rerender] = useState(0);

  async function route(next?: Screen) {
    const r = await loadOverview(setError);
    if (!r) return;
    if (r.setupNeeded) return setScreen('setup');
    if (r.locked) return setScreen(location.hash === RESTORE_HASH ? 'restore' : 'locked');
    if (location.hash === ADD_CLIENT_HASH) {
      const text = await takePrefill();
      if (text) setPrefill(text);
    }
    setScreen(next ?? PAGES.find((p) => p.hash === location.hash)?.page ?? 'clients');
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

  function go(s: Page) {
    history.replaceState(null, '', PAGES.find((p) => p.page === s)!.hash);
    setScreen(s);
  }

  const unlockedNav = isPage(screen) && (
    <nav aria-label={t('mainNav')}>
      <ul>
        {PAGES.map((p) => (
          <li key={p.page}>
            <a href={p.hash} aria-current={screen === p.page ? 'page' : undefined} onClick={(e) => (e.preventDefault(), go(p.page))}>
              {t(p.label)}
            </a>
          </li>
        ))}
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
        {isPage(screen) && <h1 class="visually-hidden">{t(SCREEN_TITLES[screen])}</h1>}
        {screen === 'clients' && <ClientList prefill={prefill} onLocked={locked} onRestore={restore} />}
        {screen === 'log' && <AccountabilityLog onLocked={locked} />}
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
