import type { ComponentChildren } from 'preact';
import { useId, useState } from 'preact/hooks';
import { getLanguage } from '../i18n';
import { vaultErrorText, VAULT_ERROR_CODES, type VaultErrorCode } from '../vault/errors';
import { api } from './api';
import { t } from './messages';

/** The sentence a coach reads for an error code from the background. Never shows the raw code's data. */
export function errorText(code: string): string {
  switch (code) {
    case 'wrong-passphrase':
      return t('wrongPassphrase');
    case 'too-many-attempts':
      return t('tooManyAttempts');
    case 'no-answer':
      return t('errorNoAnswer');
    case 'end-before-start':
      return t('errorEndBeforeStart');
    case 'not-found':
      return t('errorNotFound');
  }
  if ((VAULT_ERROR_CODES as readonly string[]).includes(code)) return vaultErrorText(code as VaultErrorCode, { seconds: 30 });
  // Codes are stable and never hold user data: showing one helps support without revealing anything.
  return t('errorGenericCode', { code: /^[a-z][a-z-]{1,40}$/.test(code) ? code : 'internal' });
}

export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (!y || !m || !d) return iso;
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString(getLanguage() === 'nl' ? 'nl-NL' : 'en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

export function Alert(props: { children: ComponentChildren; kind?: 'error' | 'info' | 'warning'; id?: string }) {
  const kind = props.kind ?? 'error';
  return (
    <p id={props.id} class={`alert alert-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {props.children}
    </p>
  );
}

/** A password field with a "show" toggle. */
export function PassphraseInput(props: {
  label: string;
  value: string;
  onInput: (v: string) => void;
  autoComplete: 'current-password' | 'new-password';
  describedBy?: string;
  invalid?: boolean;
  autoFocus?: boolean;
  name?: string;
}) {
  const id = useId();
  const [shown, setShown] = useState(false);
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <div class="passphrase-row">
        <input
          id={id}
          name={props.name}
          type={(shown ? 'text' : 'password') as 'text'}
          value={props.value}
          autoComplete={props.autoComplete}
          autoFocus={props.autoFocus}
          spellcheck={false}
          aria-invalid={props.invalid ? 'true' : undefined}
          aria-describedby={props.describedBy}
          onInput={(e) => props.onInput((e.target as HTMLInputElement).value)}
        />
        <label class="inline-check">
          <input type="checkbox" checked={shown} onChange={(e) => setShown((e.target as HTMLInputElement).checked)} />
          {t('showPassphrase')}
        </label>
      </div>
    </div>
  );
}

/** Unlock form shared by the popup and the options page. Stays locked and says so on a wrong passphrase. */
export function UnlockForm(props: { onUnlocked: () => void; compact?: boolean }) {
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [damaged, setDamaged] = useState(false);
  const errorId = useId();

  async function attempt(kind: 'unlock' | 'recover') {
    if (!passphrase || busy) return;
    setBusy(true);
    setError(null);
    const r = kind === 'unlock' ? await api.unlock(passphrase) : await api.recoverPrevious(passphrase);
    setBusy(false);
    if (r.ok) {
      setPassphrase('');
      setDamaged(false);
      props.onUnlocked();
    } else {
      // A damaged or newer-version list can often be opened from the previous saved version (kept by the vault).
      setDamaged(kind === 'unlock' && (r.error === 'corrupt' || r.error === 'unknown-version'));
      setError(errorText(r.error));
    }
  }

  async function submit(e: Event) {
    e.preventDefault();
    await attempt('unlock');
  }

  return (
    <form class="unlock" onSubmit={submit} aria-labelledby={`${errorId}-title`}>
      <h2 id={`${errorId}-title`}>{t('lockedTitle')}</h2>
      {!props.compact && <p>{t('lockedText')}</p>}
      <PassphraseInput
        label={t('passphrase')}
        value={passphrase}
        onInput={setPassphrase}
        autoComplete="current-password"
        autoFocus
        invalid={!!error}
        describedBy={error ? errorId : undefined}
        name="passphrase"
      />
      {error && <Alert id={errorId}>{error}</Alert>}
      <button type="submit" class="primary" disabled={busy}>
        {busy ? t('unlocking') : t('unlock')}
      </button>
      {damaged && (
        <p>
          <button type="button" onClick={() => void attempt('recover')} disabled={busy}>
            {t('recoverPrevious')}
          </button>
        </p>
      )}
    </form>
  );
}
