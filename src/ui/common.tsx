import type { ComponentChildren } from 'preact';
import { useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { getLanguage, setLanguage } from '../i18n';
import type { OverviewResponse } from '../protocol';
import { vaultErrorText, VAULT_ERROR_CODES, type VaultErrorCode } from '../vault/errors';
import { api, rememberLanguage } from './api';
import { t } from './messages';
import { waitText } from './wait';

/** Shows the page in `language` ('auto': the browser's), and says so to screen readers (<html lang>). */
export function applyLanguage(language: 'auto' | 'nl' | 'en'): void {
  setLanguage(language);
  document.documentElement.lang = getLanguage();
}

/**
 * The vault's overview for a page (options, popup), in the coach's language, which is also remembered for the
 * next page's first paint. On failure the error is set and the answer is null.
 */
export async function loadOverview(setError: (error: string | null) => void): Promise<Omit<OverviewResponse, 'ok'> | null> {
  const r = await api.overview();
  if (!r.ok) {
    setError(errorText(r.error));
    return null;
  }
  setError(null);
  if (r.settings) {
    applyLanguage(r.settings.language);
    void rememberLanguage(r.settings.language);
  }
  return r;
}

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
    case 'note-required':
      return t('errorNoteRequired');
    case 'note-too-long':
      return t('errorNoteTooLong');
    case 'invalid-audience':
      return t('errorInvalidAudience');
    case 'purpose-required':
      return t('errorPurposeRequired');
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

/** The error of an answer, with the throttle's wait when there is one. */
export function answerError(r: { error: string; waitMs?: number }, text = errorText(r.error)): string {
  const wait = waitText(r.waitMs);
  return wait ? `${text} ${wait}` : text;
}

type Damage = 'corrupt' | 'unknown-version';

/** The list locked while the coach was typing (e.g. auto-lock): what was typed is kept and saved after unlocking. */
function LockedWhileEditing(props: { onUnlocked: () => void; onRestore: () => void }) {
  return (
    <div class="panel">
      <Alert kind="warning">{t('lockedWhileEditing')}</Alert>
      <UnlockForm compact onRestore={props.onRestore} onUnlocked={props.onUnlocked} />
    </div>
  );
}

/**
 * A form whose save can meet a vault that locked while the coach typed (auto-lock): `holdUntilUnlocked(draft)`
 * keeps what was typed and `lockedPanel` (non-null meanwhile) shows the unlock form in the form's place; once
 * unlocked, `save(draft)` runs again.
 */
export function useSaveAfterUnlock<D>(save: (draft: D) => unknown, onRestore: () => void) {
  const pending = useRef<D | null>(null);
  const [locked, setLocked] = useState(false);
  const lockedPanel = locked ? (
    <LockedWhileEditing
      onRestore={onRestore}
      onUnlocked={() => {
        setLocked(false);
        const draft = pending.current;
        pending.current = null;
        if (draft) void save(draft);
      }}
    />
  ) : null;
  return {
    holdUntilUnlocked(draft: D) {
      pending.current = draft;
      setLocked(true);
    },
    lockedPanel,
  };
}

/** A form's "Annuleren" and "Opslaan" (which says "Opslaan…" while busy). */
export function SaveCancelActions(props: { busy: boolean; onCancel: () => void }) {
  return (
    <div class="actions">
      <button type="button" onClick={props.onCancel} disabled={props.busy}>
        {t('cancel')}
      </button>
      <button type="submit" class="primary" disabled={props.busy}>
        {props.busy ? t('saving') : t('save')}
      </button>
    </div>
  );
}

/**
 * Unlock form shared by the popup and the options page. Stays locked and says so on a wrong passphrase
 * (with the wait before the next try, once the slow-down applies).
 * A damaged or newer-version list is never overwritten: the coach reads what happened and gets the ways out,
 * "Vorige versie herstellen" (with the passphrase typed here) and, for a damaged list, "Reservekopie
 * terugzetten" (`onRestore`). For a newer version's list the advice is to update Discreet (the vault refuses
 * to restore a backup over it, so that button would lead nowhere).
 */
export function UnlockForm(props: { onUnlocked: () => void; onRestore: () => void; compact?: boolean }) {
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [damage, setDamage] = useState<Damage | null>(null);
  const [recoverError, setRecoverError] = useState<string | null>(null);
  const errorId = useId();

  async function unlock() {
    if (!passphrase || busy) return;
    setBusy(true);
    setError(null);
    setRecoverError(null);
    const r = await api.unlock(passphrase);
    setBusy(false);
    if (r.ok) {
      setPassphrase('');
      setDamage(null);
      return props.onUnlocked();
    }
    if (r.error === 'corrupt' || r.error === 'unknown-version') {
      setDamage(r.error);
      return;
    }
    setError(answerError(r));
  }

  async function recover() {
    if (busy) return;
    if (!passphrase) return setRecoverError(t('recoverNeedsPassphrase'));
    setBusy(true);
    setError(null);
    setRecoverError(null);
    const r = await api.recoverPrevious(passphrase);
    setBusy(false);
    if (r.ok) {
      setPassphrase('');
      setDamage(null);
      return props.onUnlocked();
    }
    // 'corrupt' here: there is no readable previous version.
    setRecoverError(answerError(r, r.error === 'corrupt' ? t('recoverNone') : errorText(r.error)));
  }

  async function submit(e: Event) {
    e.preventDefault();
    await unlock();
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
      {damage && (
        <section class="damaged alert alert-error" aria-labelledby={`${errorId}-damaged`}>
          <h3 id={`${errorId}-damaged`}>{t('damagedTitle')}</h3>
          <p role="alert">{t(damage === 'corrupt' ? 'damagedCorrupt' : 'damagedUnknownVersion')}</p>
          {damage === 'corrupt' && <p>{t('damagedChoices')}</p>}
          <div class="actions stacked">
            <button type="button" onClick={() => void recover()} disabled={busy} aria-describedby={`${errorId}-recover`}>
              {t('recoverPrevious')}
            </button>
            <p class="hint" id={`${errorId}-recover`}>
              {t('recoverPreviousHint')}
            </p>
            {recoverError && <Alert>{recoverError}</Alert>}
            {/* A newer version's list is never overwritten, so restoring a backup over it would be refused. */}
            {damage === 'corrupt' && (
              <>
                <button type="button" onClick={props.onRestore} disabled={busy} aria-describedby={`${errorId}-restore`}>
                  {t('restoreOpen')}
                </button>
                <p class="hint" id={`${errorId}-restore`}>
                  {t('restoreBackupHint')}
                </p>
              </>
            )}
          </div>
        </section>
      )}
    </form>
  );
}

/** A modal confirmation using the native <dialog> (focus trap, Escape to cancel). Cancel has focus first. */
export function ConfirmDialog(props: { title: string; text: string; confirmLabel: string; onConfirm: () => void; onCancel: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const ids = useId();
  // A layout effect, not an effect: the dialog becomes modal and takes the focus in the same task that
  // renders it. With useEffect that waited for the next frame, and a key pressed in between (a quick Tab
  // after Enter on "Verwijderen") still went to the page behind the dialog.
  useLayoutEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    cancelRef.current?.focus();
  }, []);
  // Close the modal first: while it is open the rest of the page is inert, so the caller could not put the
  // focus back on the button that opened it.
  const then = (next: () => void) => () => {
    if (ref.current?.open) ref.current.close();
    next();
  };
  return (
    <dialog
      ref={ref}
      class="confirm"
      aria-labelledby={`${ids}-t`}
      aria-describedby={`${ids}-d`}
      onCancel={(e) => {
        e.preventDefault();
        then(props.onCancel)();
      }}
    >
      <h2 id={`${ids}-t`}>{props.title}</h2>
      <p id={`${ids}-d`}>{props.text}</p>
      <div class="actions">
        <button type="button" ref={cancelRef} onClick={then(props.onCancel)}>
          {t('cancel')}
        </button>
        <button type="button" class="danger-solid" onClick={then(props.onConfirm)}>
          {props.confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
