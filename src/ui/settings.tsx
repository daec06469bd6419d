/** Settings: code of conduct, protected apps, auto-lock, language, first-name warnings, retention. */
import { useEffect, useId, useState } from 'preact/hooks';
import { PROTECTED_APPS, type ProtectedApp, type VaultSettings } from '../vault/schema';
import { api } from './api';
import { Alert, errorText } from './common';
import { t } from './messages';
import { APP_LABELS } from './sites';
import { CodeArticles } from './code-articles';
import { CodeChoiceFields } from './wizard';

export const AUTO_LOCK_CHOICES = [15, 30, 60, 120, 240, 480, 1440] as const;

function autoLockLabel(minutes: number): string {
  return minutes < 60 ? t('minutes', { n: minutes }) : t('hours', { n: minutes / 60 });
}

export function SettingsForm(props: { onLocked: () => void; onSaved: (s: VaultSettings) => void }) {
  const [settings, setSettings] = useState<VaultSettings | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = useId();

  useEffect(() => {
    void (async () => {
      const r = await api.getSettings();
      if (r.ok) setSettings(r.settings);
      else if (r.error === 'locked') props.onLocked();
      else setError(errorText(r.error));
    })();
  }, []);

  if (!settings) return error ? <Alert>{error}</Alert> : <p>{t('loading')}</p>;

  const set = <K extends keyof VaultSettings>(key: K, value: VaultSettings[K]) => {
    setStatus('');
    setSettings({ ...settings, [key]: value });
  };

  async function submit(e: Event) {
    e.preventDefault();
    if (!settings || busy) return;
    setBusy(true);
    setError(null);
    const r = await api.saveSettings(settings);
    setBusy(false);
    if (r.ok) {
      props.onSaved(settings);
      setStatus(t('settingsSaved'));
    } else if (r.error === 'locked') props.onLocked();
    else setError(errorText(r.error));
  }

  const autoLockOptions = (AUTO_LOCK_CHOICES as readonly number[]).includes(settings.autoLockMinutes)
    ? AUTO_LOCK_CHOICES
    : [...AUTO_LOCK_CHOICES, settings.autoLockMinutes].sort((a, b) => a - b);

  return (
    <form class="settings" onSubmit={submit} aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>{t('settingsTitle')}</h2>

      <CodeChoiceFields value={settings.code} onChange={(c) => set('code', c)} legend={t('settingsCode')} name="settings-code" />
      <CodeArticles choice={settings.code} />

      <fieldset class="choices">
        <legend>{t('settingsSites')}</legend>
        <p class="hint" id={`${ids}-sites-hint`}>
          {t('settingsSitesHint')}
        </p>
        {PROTECTED_APPS.map((app: ProtectedApp) => (
          <label class="inline-check" key={app}>
            <input
              type="checkbox"
              name={`site-${app}`}
              checked={settings.protectedSites[app]}
              aria-describedby={`${ids}-sites-hint`}
              onChange={(e) => set('protectedSites', { ...settings.protectedSites, [app]: (e.target as HTMLInputElement).checked })}
            />
            {APP_LABELS[app]}
          </label>
        ))}
      </fieldset>

      <div class="field">
        <label for={`${ids}-autolock`}>{t('settingsAutoLock')}</label>
        <span class="hint" id={`${ids}-autolock-hint`}>
          {t('settingsAutoLockHint')}
        </span>
        <select
          id={`${ids}-autolock`}
          value={String(settings.autoLockMinutes)}
          aria-describedby={`${ids}-autolock-hint`}
          onChange={(e) => set('autoLockMinutes', Number((e.target as HTMLSelectElement).value))}
        >
          {autoLockOptions.map((m) => (
            <option key={m} value={String(m)}>
              {autoLockLabel(m)}
            </option>
          ))}
        </select>
      </div>

      <div class="field">
        <label for={`${ids}-lang`}>{t('settingsLanguage')}</label>
        <select
          id={`${ids}-lang`}
          value={settings.language}
          onChange={(e) => set('language', (e.target as HTMLSelectElement).value as VaultSettings['language'])}
        >
          <option value="auto">{t('languageAuto')}</option>
          <option value="nl" lang="nl">
            {t('languageNl')}
          </option>
          <option value="en" lang="en">
            {t('languageEn')}
          </option>
        </select>
      </div>

      <div class="field">
        <label class="inline-check">
          <input
            type="checkbox"
            checked={settings.firstNameAlone}
            aria-describedby={`${ids}-first-hint`}
            onChange={(e) => set('firstNameAlone', (e.target as HTMLInputElement).checked)}
          />
          {t('settingsFirstName')}
        </label>
        <span class="hint" id={`${ids}-first-hint`}>
          {t('settingsFirstNameHint')}
        </span>
      </div>

      <div class="field">
        <label for={`${ids}-retention`}>{t('settingsRetention')}</label>
        <span class="hint" id={`${ids}-retention-hint`}>
          {t('settingsRetentionHint')}
        </span>
        <input
          id={`${ids}-retention`}
          type="number"
          min={1}
          max={30}
          step={1}
          class="short"
          value={settings.retentionYears}
          aria-describedby={`${ids}-retention-hint`}
          onInput={(e) => {
            const n = Number((e.target as HTMLInputElement).value);
            if (Number.isInteger(n) && n >= 1 && n <= 30) set('retentionYears', n);
          }}
        />
      </div>

      {error && <Alert>{error}</Alert>}
      <div class="actions">
        <button type="submit" class="primary" disabled={busy}>
          {busy ? t('saving') : t('save')}
        </button>
        <span role="status" class="saved-status">
          {status}
        </span>
      </div>
    </form>
  );
}
