/**
 * "Verantwoording": every "send anyway" (RL 2.1.4 and 3.2; LVSC 3.2), newest first, as the background keeps it
 * inside the vault: when, which app, which kind of channel, which clients, why. Never message text.
 * Export as CSV behind the passphrase, like the plain list export (the file holds client names unencrypted).
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { LogRecord } from '../protocol';
import { api } from './api';
import { Alert, PassphraseInput, answerError, errorText } from './common';
import { appLabel, clientLabelsText, formatDateTime, reasonLabel, situationLabel } from './labels';
import { t } from './messages';
import { download } from './security';

/** File name of the log export: the date only, and it says that it is not encrypted. */
export function logExportFileName(now = new Date()): string {
  return `discreet-verantwoording-onversleuteld-${now.toISOString().slice(0, 10)}.csv`;
}

export function AccountabilityLog(props: { onLocked: () => void }) {
  const [entries, setEntries] = useState<LogRecord[] | null>(null);
  const [retentionYears, setRetentionYears] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const ids = useId();

  useEffect(() => {
    void (async () => {
      const [log, settings] = await Promise.all([api.listLog(), api.getSettings()]);
      if (settings.ok) setRetentionYears(settings.settings.retentionYears);
      if (log.ok) return setEntries([...log.entries].sort((a, b) => b.at.localeCompare(a.at)));
      if (log.error === 'locked') return props.onLocked();
      setError(log.error === 'not-available' ? t('notAvailable') : errorText(log.error));
    })();
  }, []);

  return (
    <section aria-labelledby={`${ids}-t`} class="log">
      <h2 id={`${ids}-t`}>{t('logTitle')}</h2>
      <p>{t('logIntro')}</p>
      {retentionYears !== null && <p class="hint">{retentionYears === 1 ? t('logRetentionOne') : t('logRetention', { n: retentionYears })}</p>}
      {error && <Alert>{error}</Alert>}
      {entries === null && !error && <p>{t('loading')}</p>}
      {entries !== null && entries.length === 0 && <p class="empty">{t('logEmpty')}</p>}
      {entries !== null && entries.length > 0 && (
        <>
          <LogExport onLocked={props.onLocked} />
          <p class="count">{entries.length === 1 ? t('logCountOne') : t('logCount', { n: entries.length })}</p>
          <table class="log-table">
            <caption class="visually-hidden">{t('logCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('logColWhen')}</th>
                <th scope="col">{t('logColApp')}</th>
                <th scope="col">{t('logColChannel')}</th>
                <th scope="col">{t('logColClients')}</th>
                <th scope="col">{t('logColReason')}</th>
                <th scope="col">{t('logColNote')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <th scope="row">
                    <time dateTime={e.at}>{formatDateTime(e.at)}</time>
                  </th>
                  <td>{appLabel(e.app)}</td>
                  <td>{situationLabel(e.situation)}</td>
                  <td>
                    {e.clientLabels.some((l) => l === null) ? (
                      e.clientLabels.map((l, i) => (
                        <span key={i}>
                          {i > 0 && ', '}
                          {l ?? <em class="muted">{t('logDeletedClient')}</em>}
                        </span>
                      ))
                    ) : (
                      clientLabelsText(e.clientLabels)
                    )}
                  </td>
                  <td>{reasonLabel(e.reason)}</td>
                  <td>{e.note ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

/**
 * "Exporteren als CSV": a plain warning, the passphrase again (checked by the background through the vault's KDF
 * and throttle), then a download. A wrong passphrase exports nothing.
 */
function LogExport(props: { onLocked: () => void }) {
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
    const r = await api.exportLogCsv(passphrase);
    setBusy(false);
    if (!r.ok) {
      if (r.error === 'locked') return props.onLocked();
      if (r.error === 'wrong-passphrase') return setError(answerError(r, t('exportWrongPassphrase')));
      if (r.error === 'not-available') return setError(t('notAvailable'));
      return setError(errorText(r.error));
    }
    const file = logExportFileName();
    download(r.text, file, 'text/csv;charset=utf-8');
    setStatus(t('logExportDone', { file }));
    close();
  }

  return (
    <div class="plain-export log-export">
      {!open && (
        <button type="button" ref={openerRef} onClick={() => (setStatus(''), setOpen(true))}>
          {t('logExportOpen')}
        </button>
      )}
      <p role="status" class="saved-status">
        {status}
      </p>
      {open && (
        <form class="panel" onSubmit={submit} noValidate aria-labelledby={`${ids}-t`}>
          <h3 id={`${ids}-t`} ref={titleRef} tabIndex={-1}>
            {t('logExportTitle')}
          </h3>
          <p class="alert alert-warning" id={`${ids}-warn`}>
            {t('logExportWarning')}
          </p>
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
