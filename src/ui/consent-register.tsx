/**
 * "Toestemmingen" on the client's page: the client's written consents (RL 2.1.2 and 2.4, LVSC 2.1), with add,
 * edit and delete. Every change goes straight to the background (consents:save / consents:delete); the page
 * keeps nothing. The rules of the form live in consent-form.ts.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { ConsentDraftInput } from '../protocol';
import { INFORMATION_KINDS, type Consent, type InformationKind } from '../vault/schema';
import { api } from './api';
import { Alert, ConfirmDialog, SaveCancelActions, errorText, formatDate, useSaveAfterUnlock } from './common';
import {
  checkConsentForm,
  consentFormFrom,
  consentState,
  emptyConsentForm,
  firstErrorField,
  type ConsentErrors,
  type ConsentField,
  type ConsentFormValues,
} from './consent-form';
import { informationLabel } from './labels';
import { t } from './messages';

/**
 * What the coach reads for an error answer to a consent request. 'not-found' names what went missing: for a
 * delete only the consent can be gone, for a new consent only the client, for an edit either of them.
 */
export function consentErrorText(code: string, action: 'add' | 'edit' | 'delete'): string {
  if (code === 'not-found') return t(action === 'delete' ? 'consentErrGone' : action === 'add' ? 'errorNotFound' : 'consentErrNotFound');
  if (code === 'bad-request') return t('consentErrBadRequest');
  if (code === 'end-before-start') return t('consentErrEndBeforeStart');
  if (code === 'not-available') return t('notAvailable');
  return errorText(code);
}

/** With whom, in one line: the party first, then addresses, domains and public posts. */
export function audienceText(c: Consent): string {
  return [c.party ?? '', ...c.audience.emails, ...c.audience.domains, c.audience.publicPosts ? t('consentPublicShort') : '']
    .filter(Boolean)
    .join('; ');
}

type Editing = { mode: 'add' } | { mode: 'edit'; consent: Consent };

export function ConsentRegister(props: {
  clientId: string;
  consents: Consent[];
  /** Reloads the client list after a change (the consents come with the client's record). */
  onChanged: () => Promise<void>;
  onLocked: () => void;
  onRestore: () => void;
}) {
  const [editing, setEditing] = useState<Editing | null>(null);
  const [confirming, setConfirming] = useState<Consent | null>(null);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState<string | null>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const ids = useId();

  function open(e: Editing, from: HTMLElement) {
    returnFocus.current = from;
    setNotice('');
    setError(null);
    setEditing(e);
  }

  function close() {
    setEditing(null);
    setTimeout(() => (returnFocus.current?.isConnected ? returnFocus.current : addRef.current)?.focus(), 0);
  }

  async function saved() {
    setEditing(null);
    await props.onChanged();
    setNotice(t('consentSaved'));
    setTimeout(() => addRef.current?.focus(), 0);
  }

  async function confirmDelete() {
    const c = confirming;
    if (!c) return;
    setConfirming(null);
    const r = await api.deleteConsent(c.id);
    if (!r.ok) {
      if (r.error === 'locked') return props.onLocked();
      setError(consentErrorText(r.error, 'delete'));
      return returnFocus.current?.focus();
    }
    await props.onChanged();
    setNotice(t('consentDeleted'));
    setTimeout(() => addRef.current?.focus(), 0);
  }

  return (
    <section class="panel consents" aria-labelledby={`${ids}-t`}>
      <div class="section-head">
        <h3 id={`${ids}-t`}>{t('consentsTitle')}</h3>
        <button type="button" ref={addRef} onClick={(e) => open({ mode: 'add' }, e.currentTarget as HTMLElement)} disabled={!!editing}>
          {t('consentAdd')}
        </button>
      </div>
      <p class="hint">{t('consentsIntro')}</p>
      <p class="sr-status" role="status" aria-live="polite">
        {notice}
      </p>
      {error && <Alert>{error}</Alert>}
      {editing && (
        <ConsentForm
          key={editing.mode === 'edit' ? editing.consent.id : 'new'}
          clientId={props.clientId}
          consent={editing.mode === 'edit' ? editing.consent : undefined}
          onCancel={close}
          onSaved={() => void saved()}
          onRestore={props.onRestore}
        />
      )}
      {props.consents.length === 0 ? (
        <p class="empty">{t('consentsEmpty')}</p>
      ) : (
        <ul class="consent-list">
          {props.consents.map((c) => (
            <ConsentItem
              key={c.id}
              consent={c}
              onEdit={(from) => open({ mode: 'edit', consent: c }, from)}
              onDelete={(from) => {
                returnFocus.current = from;
                setNotice('');
                setConfirming(c);
              }}
              busy={!!editing}
            />
          ))}
        </ul>
      )}
      {confirming && (
        <ConfirmDialog
          title={t('consentConfirmTitle')}
          text={t('consentConfirmText', { purpose: confirming.purpose })}
          confirmLabel={t('delete')}
          onConfirm={() => void confirmDelete()}
          onCancel={() => {
            setConfirming(null);
            returnFocus.current?.focus();
          }}
        />
      )}
    </section>
  );
}

function ConsentItem(props: { consent: Consent; onEdit: (from: HTMLElement) => void; onDelete: (from: HTMLElement) => void; busy: boolean }) {
  const c = props.consent;
  const state = consentState(c);
  const ids = useId();
  return (
    <li class={`consent consent-${state}`} aria-labelledby={`${ids}-t`}>
      <p class="consent-title" id={`${ids}-t`}>
        {t('consentFor', { purpose: c.purpose })}
        {state === 'expired' && <span class="badge badge-expired">{t('consentExpired')}</span>}
        {state === 'not-yet-valid' && <span class="badge">{t('consentFuture')}</span>}
      </p>
      <dl class="facts-grid">
        <dt>{t('consentLabelWhat')}</dt>
        <dd>{c.information.map(informationLabel).join(', ')}</dd>
        <dt>{t('consentLabelWho')}</dt>
        <dd>{audienceText(c)}</dd>
        <dt>{t('consentLabelGiven')}</dt>
        <dd>{formatDate(c.givenOn)}</dd>
        <dt>{t('consentLabelValid')}</dt>
        <dd>{c.validUntil ? (state === 'expired' ? t('consentExpiredText', { date: formatDate(c.validUntil) }) : formatDate(c.validUntil)) : t('consentNoEnd')}</dd>
        <dt>{t('consentLabelKept')}</dt>
        <dd>{c.keptAt ?? <span class="muted">{t('consentNotKept')}</span>}</dd>
      </dl>
      <div class="row-actions">
        <button type="button" aria-label={t('consentEdit', { purpose: c.purpose })} disabled={props.busy} onClick={(e) => props.onEdit(e.currentTarget as HTMLElement)}>
          {t('edit')}
        </button>
        <button
          type="button"
          class="danger"
          aria-label={t('consentDelete', { purpose: c.purpose })}
          disabled={props.busy}
          onClick={(e) => props.onDelete(e.currentTarget as HTMLElement)}
        >
          {t('delete')}
        </button>
      </div>
    </li>
  );
}

/** Add or edit one consent. Locked while typing: what was typed is kept, unlock here, then it is saved. */
function ConsentForm(props: { clientId: string; consent?: Consent; onCancel: () => void; onSaved: () => void; onRestore: () => void }) {
  const [values, setValues] = useState<ConsentFormValues>(() => (props.consent ? consentFormFrom(props.consent) : emptyConsentForm()));
  const [errors, setErrors] = useState<ConsentErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { holdUntilUnlocked, lockedPanel } = useSaveAfterUnlock<ConsentDraftInput>(save, props.onRestore);
  const ids = useId();
  const fid = (f: ConsentField | `info-${InformationKind}`) => `${ids}-${f}`;

  useEffect(() => {
    document.getElementById(fid('info-name'))?.focus();
  }, []);

  const set = <K extends keyof ConsentFormValues>(key: K, value: ConsentFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));

  function toggle(kind: InformationKind, on: boolean) {
    setValues((v) => ({ ...v, information: on ? [...v.information, kind] : v.information.filter((k) => k !== kind) }));
  }

  async function submit(e: Event) {
    e.preventDefault();
    if (busy) return;
    setFormError(null);
    const check = checkConsentForm(values, { id: props.consent?.id, clientId: props.clientId });
    if (!check.ok) {
      setErrors(check.errors);
      const first = firstErrorField(check.errors);
      const target = first === 'information' ? fid('info-name') : first === 'audience' ? fid('emails') : first ? fid(first) : null;
      if (target) document.getElementById(target)?.focus();
      return;
    }
    setErrors({});
    await save(check.draft);
  }

  async function save(draft: ConsentDraftInput) {
    setBusy(true);
    const r = await api.saveConsent(draft);
    setBusy(false);
    if (r.ok) return props.onSaved();
    if (r.error === 'locked') {
      return holdUntilUnlocked(draft);
    }
    setFormError(consentErrorText(r.error, draft.id === undefined ? 'add' : 'edit'));
  }

  if (lockedPanel) return lockedPanel;

  const describedBy = (f: ConsentField, hint: boolean) => [hint ? `${fid(f)}-hint` : '', errors[f] ? `${fid(f)}-err` : ''].filter(Boolean).join(' ') || undefined;
  const fieldError = (f: ConsentField) =>
    errors[f] && (
      <span class="field-error" id={`${fid(f)}-err`}>
        {errors[f]}
      </span>
    );
  const text = (f: 'party' | 'purpose' | 'keptAt', label: string, hint?: string, required = false) => (
    <div class="field">
      <label for={fid(f)}>{label}</label>
      {hint && (
        <span class="hint" id={`${fid(f)}-hint`}>
          {hint}
        </span>
      )}
      <input
        id={fid(f)}
        type="text"
        value={values[f]}
        autoComplete="off"
        required={required}
        aria-required={required ? 'true' : undefined}
        aria-invalid={errors[f] ? 'true' : undefined}
        aria-describedby={describedBy(f, !!hint)}
        onInput={(e) => set(f, (e.target as HTMLInputElement).value)}
      />
      {fieldError(f)}
    </div>
  );
  const multi = (f: 'emails' | 'domains', label: string, hint: string) => (
    <div class="field">
      <label for={fid(f)}>{label}</label>
      <span class="hint" id={`${fid(f)}-hint`}>
        {hint} {t('onePerLine')}
      </span>
      <textarea
        id={fid(f)}
        rows={2}
        value={values[f]}
        autoComplete="off"
        spellcheck={false}
        aria-invalid={errors[f] || (errors.audience && f === 'emails') ? 'true' : undefined}
        aria-describedby={[describedBy(f, true), errors.audience ? `${fid('audience')}-err` : ''].filter(Boolean).join(' ')}
        onInput={(e) => set(f, (e.target as HTMLTextAreaElement).value)}
      />
      {fieldError(f)}
    </div>
  );

  return (
    // autocomplete="off": addresses and names typed here must not land in the browser's autofill files.
    <form class="consent-form" onSubmit={submit} noValidate autoComplete="off" aria-labelledby={`${ids}-title`}>
      <h4 id={`${ids}-title`}>{props.consent ? t('consentFormEditTitle') : t('consentFormAddTitle')}</h4>
      <fieldset class="choices" aria-describedby={errors.information ? `${fid('information')}-err` : undefined}>
        <legend>{t('consentWhat')}</legend>
        <div class="check-grid">
          {INFORMATION_KINDS.map((k) => (
            <label class="inline-check" key={k}>
              <input
                id={fid(`info-${k}`)}
                type="checkbox"
                checked={values.information.includes(k)}
                aria-invalid={errors.information ? 'true' : undefined}
                onChange={(e) => toggle(k, (e.target as HTMLInputElement).checked)}
              />
              {informationLabel(k)}
            </label>
          ))}
        </div>
        {fieldError('information')}
      </fieldset>
      <fieldset class="choices" aria-describedby={errors.audience ? `${fid('audience')}-err` : undefined}>
        <legend>{t('consentWho')}</legend>
        {multi('emails', t('consentEmails'), t('consentEmailsHint'))}
        {multi('domains', t('consentDomains'), t('consentDomainsHint'))}
        <div class="check-row">
          <label class="inline-check">
            <input type="checkbox" checked={values.publicPosts} onChange={(e) => set('publicPosts', (e.target as HTMLInputElement).checked)} />
            {t('consentPublic')}
          </label>
          {fieldError('audience')}
        </div>
        {text('party', t('consentParty'), t('consentPartyHint'))}
      </fieldset>
      {text('purpose', t('consentPurpose'), t('consentPurposeHint'), true)}
      <div class="field-row">
        <div class="field">
          <label for={fid('givenOn')}>{t('consentGivenOn')}</label>
          <input
            id={fid('givenOn')}
            type="date"
            value={values.givenOn}
            required
            aria-required="true"
            aria-invalid={errors.givenOn ? 'true' : undefined}
            aria-describedby={describedBy('givenOn', false)}
            onInput={(e) => set('givenOn', (e.target as HTMLInputElement).value)}
          />
          {fieldError('givenOn')}
        </div>
        <div class="field">
          <label for={fid('validUntil')}>{t('consentValidUntil')}</label>
          <input
            id={fid('validUntil')}
            type="date"
            value={values.validUntil}
            aria-invalid={errors.validUntil ? 'true' : undefined}
            aria-describedby={describedBy('validUntil', false)}
            onInput={(e) => set('validUntil', (e.target as HTMLInputElement).value)}
          />
          {fieldError('validUntil')}
        </div>
      </div>
      {text('keptAt', t('consentKeptAt'), t('consentKeptAtHint'))}
      {formError && <Alert>{formError}</Alert>}
      <SaveCancelActions busy={busy} onCancel={props.onCancel} />
    </form>
  );
}
