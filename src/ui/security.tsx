/**
 * Backup download, passphrase change, backup restore (messages from src/background/encrypted-vault-session.ts)
 * and the plain (unencrypted) export, which asks the passphrase again after a warning.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { Result } from '../protocol';
import { api } from './api';
import { Alert, PassphraseInput, answerError, errorText } from './common';
import { t } from './messages';
import { rateStrength } from './strength';
import { StrengthMeter } from './wizard';

/** File name with the date only: never anything from the list. */
export function backupFileName(now = new Date()): string {
  return `discreet-reservekopie-${now.toISOString().slice(0, 10)}.discreet`;
}

/** File name of a plain export: the date only, and it says that it is not encrypted. */
export function plainExportFileName(format: 'json' | 'csv', now = new Date()): string {
  return `discreet-clientenlijst-onversleuteld-${now.toISOString().slice(0, 10)}.${format}`;
}

/** Saves text as a file through the browser's download (nothing is kept by the page). */
export function download(text: string, fileName: string, type = 'application/octet-stream') {
  const url = URL.createObjectURL(new Blob([text], { type }));
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
    if (!r.ok) return setError(answerError(r));
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

/**
 * An export that leaves the encryption: a plain warning, the passphrase again (checked by the background through
 * the vault's KDF and throttle), then a download. A wrong passphrase exports nothing. Used by the plain list
 * export below and the accountability log's CSV export (src/ui/accountability-log.tsx).
 */
export function PassphraseExport(props: {
  onLocked: () => void;
  class: string;
  /** Draw the form as a panel (the log page's style). */
  panel?: boolean;
  openLabel: string;
  title: string;
  warning: string;
  /** Extra fields between the warning and the passphrase; `clearError` when a choice changes. */
  fields?: (clearError: () => void) => ComponentChildren;
  run: (passphrase: string) => Promise<Result<{ text: string }>>;
  /** A sentence for an error code this export knows better than errorText, or null. */
  errorFor?: (code: string) => string | null;
  /** Saves the text as a file and returns the status line. */
  save: (text: string) => string;
}) {
  const [open, setOpen] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const titleRef = useRef<HTMLHeadingElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  const ids = useId();

  useEffect(() => {
    if (open) titleRef.current?.focus();
  }, [open]);

  function close() {
    setOpen(false);
    setPassphrase('');
    setError(null);
    setTimeout(() => openerRef.current?.focus(), 0);
  }

  async function submit(e: Event) {
    e.preventDefault();
    if (!passphrase || busy) return;
    setBusy(true);
    setError(null);
    setStatus('');
    const r = await props.run(passphrase);
    setBusy(false);
    if (!r.ok) {
      if (r.error === 'locked') return props.onLocked();
      if (r.error === 'wrong-passphrase') return setError(answerError(r, t('exportWrongPassphrase')));
      return setError(props.errorFor?.(r.error) ?? errorText(r.error));
    }
    setStatus(props.save(r.text));
    close();
  }

  return (
    <div class={props.class}>
      {!open && (
        <button type="button" ref={openerRef} onClick={() => (setStatus(''), setOpen(true))}>
          {props.openLabel}
        </button>
      )}
      <p role="status" class="saved-status">
        {status}
      </p>
      {open && (
        <form class={props.panel ? 'panel' : undefined} onSubmit={submit} noValidate aria-labelledby={`${ids}-t`}>
          <h3 id={`${ids}-t`} ref={titleRef} tabIndex={-1}>
            {props.title}
          </h3>
          <p class="alert alert-warning" id={`${ids}-warn`}>
            {props.warning}
          </p>
          {props.fields?.(() => setError(null))}
          <PassphraseInput
            label={t('exportPassphrase')}
            value={passphrase}
            onInput={setPassphrase}
            autoComplete="current-password"
            invalid={!!error}
            describedBy={`${ids}-warn`}
          />
          {error && <Alert>{error}</Alert>}
          <div class="actions">
            <button type="button" onClick={close} disabled={busy}>
              {t('cancel')}
            </button>
            <button type="submit" class="primary" disabled={busy || !passphrase}>
              {busy ? t('exportChecking') : t('exportSubmit')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}

/** "Onversleutelde lijst exporteren": the client list as JSON or CSV, after the warning and the passphrase. */
export function PlainExport(props: { onLocked: () => void }) {
  const [format, setFormat] = useState<'json' | 'csv'>('json');
  const ids = useId();
  return (
    <PassphraseExport
      onLocked={props.onLocked}
      class="plain-export"
      openLabel={t('exportPlainOpen')}
      title={t('exportPlainTitle')}
      warning={t('exportPlainWarning')}
      fields={(clearError) => (
        <fieldset class="choices">
          <legend>{t('exportFormat')}</legend>
          {(['json', 'csv'] as const).map((f) => (
            <div class="choice" key={f}>
              <input
                type="radio"
                id={`${ids}-${f}`}
                name={`${ids}-format`}
                value={f}
                checked={format === f}
                aria-describedby={`${ids}-${f}-hint`}
                onChange={() => (setFormat(f), clearError())}
              />
              <label for={`${ids}-${f}`}>{t(f === 'json' ? 'exportJson' : 'exportCsv')}</label>
              <span class="hint" id={`${ids}-${f}-hint`}>
                {t(f === 'json' ? 'exportJsonHint' : 'exportCsvHint')}
              </span>
            </div>
          ))}
        </fieldset>
      )}
      run={(passphrase) => api.exportPlain(passphrase, format)}
      errorFor={(code) => (code === 'csv-separator-in-value' ? t('exportCsvRefused') : null)}
      save={(text) => {
        const file = plainExportFileName(format);
        download(text, file, format === 'json' ? 'application/json' : 'text/csv;charset=utf-8');
        return t('exportDone', { file });
      }}
    />
  );
}
