/** Backup download, passphrase change and backup restore (messages from src/background/encrypted-vault-session.ts). */
import { useId, useRef, useState } from 'preact/hooks';
import { api } from './api';
import { Alert, PassphraseInput, errorText } from './common';
import { t } from './messages';
import { rateStrength } from './strength';
import { StrengthMeter } from './wizard';

/** File name with the date only: never anything from the list. */
export function backupFileName(now = new Date()): string {
  return `discreet-reservekopie-${now.toISOString().slice(0, 10)}.discreet`;
}

function download(text: string, fileName: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/octet-stream' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function BackupButton(props: { onLocked?: () => void }) {
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  async function make() {
    setBusy(true);
    setError(null);
    setStatus('');
    const r = await api.exportBackup();
    setBusy(false);
    if (!r.ok) {
      if (r.error === 'locked' && props.onLocked) return props.onLocked();
      return setError(errorText(r.error));
    }
    const file = backupFileName();
    download(r.backup, file);
    setStatus(t('backupDone', { file }));
  }
  return (
    <div class="backup">
      <button type="button" onClick={() => void make()} disabled={busy}>
        {busy ? t('backupMaking') : t('backupMake')}
      </button>
      <p role="status" class="saved-status">
        {status}
      </p>
      {error && <Alert>{error}</Alert>}
    </div>
  );
}

export function ChangePassphraseForm(props: { onLocked: () => void }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const ids = useId();

  async function submit(e: Event) {
    e.preventDefault();
    setDone(false);
    const problems: string[] = [];
    const s = rateStrength(next);
    if (!s.acceptable) problems.push(...s.messages());
    if (next !== repeat) problems.push(t('passMismatch'));
    setErrors(problems);
    if (problems.length || !current) return;
    setBusy(true);
    const r = await api.changePassphrase(current, next);
    setBusy(false);
    if (!r.ok) {
      if (r.error === 'locked') return props.onLocked();
      return setErrors([errorText(r.error)]);
    }
    setCurrent('');
    setNext('');
    setRepeat('');
    setDone(true);
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${ids}-t`}>
      <h3 id={`${ids}-t`}>{t('changeTitle')}</h3>
      <PassphraseInput label={t('currentPassphrase')} value={current} onInput={setCurrent} autoComplete="current-password" />
      <PassphraseInput label={t('newPassphrase')} value={next} onInput={setNext} autoComplete="new-password" describedBy={`${ids}-s`} />
      <StrengthMeter passphrase={next} id={`${ids}-s`} />
      <PassphraseInput label={t('passRepeat')} value={repeat} onInput={setRepeat} autoComplete="new-password" />
      {errors.length > 0 && (
        <div class="alert alert-error" role="alert">
          <ul>
            {errors.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </div>
      )}
      {done && <Alert kind="info">{t('changeDone')}</Alert>}
      <div class="actions">
        <button type="submit" disabled={busy || !current}>
          {busy ? t('saving') : t('changeSubmit')}
        </button>
      </div>
    </form>
  );
}

/** Restore a backup instead of setting up a new list (first run on a new computer). */
export function RestoreForm(props: { onRestored: () => void; onCancel: () => void }) {
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);
  const ids = useId();

  async function submit(e: Event) {
    e.preventDefault();
    const file = fileRef.current?.files?.[0];
    if (!file) return setError(t('restoreNoFile'));
    setBusy(true);
    setError(null);
    const r = await api.restoreBackup(await file.text(), passphrase);
    setBusy(false);
    if (!r.ok) return setError(errorText(r.error));
    props.onRestored();
  }

  return (
    <form onSubmit={submit} aria-labelledby={`${ids}-t`}>
      <h2 id={`${ids}-t`}>{t('restoreTitle')}</h2>
      <p>{t('restoreIntro')}</p>
      <div class="field">
        <label for={`${ids}-file`}>{t('restoreFile')}</label>
        <input id={`${ids}-file`} ref={fileRef} type="file" accept=".discreet,.json,application/json,application/octet-stream" />
      </div>
      <PassphraseInput label={t('passphrase')} value={passphrase} onInput={setPassphrase} autoComplete="current-password" />
      {error && <Alert>{error}</Alert>}
      <div class="actions">
        <button type="button" onClick={props.onCancel} disabled={busy}>
          {t('cancel')}
        </button>
        <button type="submit" class="primary" disabled={busy || !passphrase}>
          {busy ? t('restoring') : t('restoreSubmit')}
        </button>
      </div>
    </form>
  );
}
