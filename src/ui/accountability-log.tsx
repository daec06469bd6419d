/**
 * "Verantwoording": every "send anyway" (RL 2.1.4 and 3.2; LVSC 3.2), newest first, as the background keeps it
 * inside the vault: when, which app, which kind of channel, which clients, why. Never message text.
 * Export as CSV behind the passphrase, like the plain list export (the file holds client names unencrypted).
 */
import { useEffect, useId, useState } from 'preact/hooks';
import type { LogRecord } from '../protocol';
import { api } from './api';
import { Alert, errorText } from './common';
import { appLabel, clientLabelsText, formatDateTime, reasonLabel, situationLabel } from './labels';
import { t } from './messages';
import { PassphraseExport, download } from './security';

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

/** "Exporteren als CSV": the log names clients outside the encryption, so only with the passphrase again. */
function LogExport(props: { onLocked: () => void }) {
  return (
    <PassphraseExport
      onLocked={props.onLocked}
      class="plain-export log-export"
      panel
      openLabel={t('logExportOpen')}
      title={t('logExportTitle')}
      warning={t('logExportWarning')}
      run={(passphrase) => api.exportLogCsv(passphrase)}
      errorFor={(code) => (code === 'not-available' ? t('notAvailable') : null)}
      save={(text) => {
        const file = logExportFileName();
        download(text, file, 'text/csv;charset=utf-8');
        return t('logExportDone', { file });
      }}
    />
  );
}
