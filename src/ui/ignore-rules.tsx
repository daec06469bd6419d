/**
 * "Niet meer waarschuwen voor" on the client's page: the words the coach marked as a false alarm for this
 * client, per kind of channel, each with an undo (ignore:delete) so Discreet warns again.
 */
import { useId, useRef, useState } from 'preact/hooks';
import type { IgnoreRule } from '../vault/schema';
import { api } from './api';
import { Alert, errorText, formatDate } from './common';
import { situationLabel } from './labels';
import { t } from './messages';

/** What the coach reads for an error answer to ignore:delete: 'not-found' means the rule is already gone. */
export function ignoreErrorText(code: string): string {
  if (code === 'not-found') return t('ignoreErrNotFound');
  if (code === 'not-available') return t('notAvailable');
  return errorText(code);
}

export function IgnoreRules(props: { rules: IgnoreRule[]; onChanged: () => Promise<void>; onLocked: () => void }) {
  const [notice, setNotice] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const ids = useId();
  const rules = [...props.rules].sort((a, b) => b.createdAt.localeCompare(a.createdAt));

  async function undo(rule: IgnoreRule) {
    setBusy(true);
    setError(null);
    setNotice('');
    const r = await api.deleteIgnoreRule(rule.id);
    setBusy(false);
    if (!r.ok) {
      if (r.error === 'locked') return props.onLocked();
      return setError(ignoreErrorText(r.error));
    }
    await props.onChanged();
    setNotice(t('ignoreUndone', { term: rule.term }));
    // The button is gone: the section's heading keeps the keyboard user in place.
    setTimeout(() => titleRef.current?.focus(), 0);
  }

  return (
    <section class="panel ignore-rules" aria-labelledby={`${ids}-t`}>
      <h3 id={`${ids}-t`} ref={titleRef} tabIndex={-1}>
        {t('ignoreTitle')}
      </h3>
      <p class="hint">{t('ignoreIntro')}</p>
      <p class="sr-status" role="status" aria-live="polite">
        {notice}
      </p>
      {error && <Alert>{error}</Alert>}
      {rules.length === 0 ? (
        <p class="empty">{t('ignoreEmpty')}</p>
      ) : (
        <ul class="rule-list">
          {rules.map((rule) => {
            const situation = situationLabel(rule.situation);
            return (
              <li key={rule.id}>
                <span>{t('ignoreRule', { term: rule.term, situation, date: formatDate(rule.createdAt.slice(0, 10)) })}</span>
                <button type="button" disabled={busy} aria-label={t('ignoreUndoLabel', { term: rule.term, situation })} onClick={() => void undo(rule)}>
                  {t('ignoreUndo')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
