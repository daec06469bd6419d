/**
 * The coach's client list: search, sort, add, edit, delete (with confirmation). A client's page (edit) also
 * holds the client's consents and ignore rules (consent-register.tsx, ignore-rules.tsx).
 * The list comes from the background over extension-page-only messages; it is never stored by this page.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import type { ClientDraftInput, ClientRecord } from '../protocol';
import type { Client } from '../registry';
import { importClients, type ImportPreview } from '../vault/import';
import { api } from './api';
import { Alert, ConfirmDialog, SaveCancelActions, errorText, formatDate, useSaveAfterUnlock } from './common';
import { filterAndSort, type SortKey } from './client-search';
import { ConsentRegister } from './consent-register';
import { IgnoreRules } from './ignore-rules';
import { t } from './messages';
import { ImportFileField, ImportPreviewView } from './wizard';

function trajectoryText(c: ClientRecord): string {
  if (c.trajectoryStart && c.trajectoryEnd) return `${formatDate(c.trajectoryStart)} – ${formatDate(c.trajectoryEnd)}`;
  if (c.trajectoryStart) return t('trajectoryFrom', { date: formatDate(c.trajectoryStart) });
  if (c.trajectoryEnd) return t('trajectoryUntil', { date: formatDate(c.trajectoryEnd) });
  return '';
}

type Editing = { mode: 'add'; prefill?: string } | { mode: 'edit'; client: ClientRecord } | { mode: 'import' };

/** The registry fields only (the list's records also carry dates and flags). */
function asClient(c: ClientRecord): Client {
  return {
    id: c.id,
    name: c.name,
    aliases: c.aliases,
    identifiers: c.identifiers,
    details: c.details,
    ...(c.organization ? { organization: c.organization } : {}),
  };
}

export function ClientList(props: { prefill?: string | null; onLocked: () => void; onRestore: () => void }) {
  const [clients, setClients] = useState<ClientRecord[] | null>(null);
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<SortKey>('name');
  const [dueOnly, setDueOnly] = useState(false);
  const [editing, setEditing] = useState<Editing | null>(props.prefill ? { mode: 'add', prefill: props.prefill } : null);
  const [confirming, setConfirming] = useState<ClientRecord | null>(null);
  const [notice, setNotice] = useState<string>('');
  const [error, setError] = useState<string | null>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const ids = useId();

  async function load() {
    const r = await api.listClients();
    if (r.ok) {
      setClients(r.clients);
      setError(null);
    } else if (r.error === 'locked') props.onLocked();
    else setError(errorText(r.error));
  }

  useEffect(() => {
    void load();
  }, []);

  useEffect(() => {
    if (props.prefill) setEditing({ mode: 'add', prefill: props.prefill });
  }, [props.prefill]);

  const dueCount = (clients ?? []).filter((c) => c.retentionDue).length;
  const shown = useMemo(() => filterAndSort(clients ?? [], query, sort, dueOnly && dueCount > 0), [clients, query, sort, dueOnly, dueCount]);

  function openForm(e: Editing, from: HTMLElement | null) {
    returnFocus.current = from;
    setNotice('');
    setEditing(e);
  }

  function closeForm() {
    setEditing(null);
    (returnFocus.current ?? addButton.current)?.focus();
  }

  async function saved(name: string) {
    setEditing(null);
    await load();
    setNotice(t('saved', { name }));
    addButton.current?.focus();
  }

  const [confirmingDue, setConfirmingDue] = useState(false);
  const dueButton = useRef<HTMLButtonElement>(null);

  async function confirmDeleteDue() {
    setConfirmingDue(false);
    const r = await api.deleteDueClients();
    if (!r.ok) {
      if (r.error === 'locked') return props.onLocked();
      setError(errorText(r.error));
      return;
    }
    setDueOnly(false);
    await load();
    setNotice(r.removed === 1 ? t('deletedDueOne') : t('deletedDue', { n: r.removed }));
    addButton.current?.focus();
  }

  async function confirmDelete() {
    const c = confirming;
    if (!c) return;
    const r = await api.deleteClient(c.id);
    setConfirming(null);
    if (!r.ok) {
      if (r.error === 'locked') return props.onLocked();
      setError(errorText(r.error));
      return;
    }
    await load();
    setNotice(t('deleted', { name: c.name }));
    addButton.current?.focus();
  }

  return (
    <section aria-labelledby={`${ids}-title`}>
      <div class="section-head">
        <h2 id={`${ids}-title`}>{t('clientsTitle')}</h2>
        <div class="head-actions">
          <button type="button" onClick={(e) => openForm({ mode: 'import' }, e.currentTarget as HTMLElement)} disabled={!!editing}>
            {t('importList')}
          </button>
          <button
            type="button"
            class="primary"
            ref={addButton}
            onClick={(e) => openForm({ mode: 'add' }, e.currentTarget as HTMLElement)}
            disabled={!!editing}
          >
            {t('addClient')}
          </button>
        </div>
      </div>
      <p class="sr-status" role="status" aria-live="polite">
        {notice}
      </p>
      {error && <Alert>{error}</Alert>}

      {editing?.mode === 'import' && (
        <ImportPanel
          existing={(clients ?? []).map(asClient)}
          onCancel={closeForm}
          onLocked={props.onLocked}
          onImported={async (added, updated) => {
            setEditing(null);
            await load();
            setNotice(t('importDone', { added, updated }));
            addButton.current?.focus();
          }}
        />
      )}

      {editing && editing.mode !== 'import' && (
        <ClientForm
          key={editing.mode === 'edit' ? editing.client.id : 'new'}
          editing={editing}
          onCancel={closeForm}
          onSaved={saved}
          onLocked={props.onLocked}
          onRestore={props.onRestore}
        />
      )}
      {editing?.mode === 'add' && <p class="hint">{t('consentsSaveClientFirst')}</p>}
      {editing?.mode === 'edit' && (
        <ClientRecords
          // The list reloads after each change; the open client's consents and rules come from the fresh list.
          client={clients?.find((c) => c.id === editing.client.id) ?? editing.client}
          onChanged={load}
          onLocked={props.onLocked}
          onRestore={props.onRestore}
        />
      )}

      <div class="toolbar">
        <div class="field">
          <label for={`${ids}-search`}>{t('search')}</label>
          <input
            id={`${ids}-search`}
            type="search"
            value={query}
            autoComplete="off"
            placeholder={t('searchPlaceholder')}
            onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
          />
        </div>
        <div class="field">
          <label for={`${ids}-sort`}>{t('sortBy')}</label>
          <select id={`${ids}-sort`} value={sort} onChange={(e) => setSort((e.target as HTMLSelectElement).value as SortKey)}>
            <option value="name">{t('sortName')}</option>
            <option value="organization">{t('sortOrganization')}</option>
            <option value="trajectoryEnd">{t('sortTrajectoryEnd')}</option>
            <option value="updated">{t('sortUpdated')}</option>
          </select>
        </div>
      </div>

      {dueCount > 0 && (
        <div class="alert alert-warning">
          <p>{dueCount === 1 ? t('retentionDueOne') : t('retentionDue', { n: dueCount })}</p>
          <label class="inline-check">
            <input type="checkbox" checked={dueOnly} onChange={(e) => setDueOnly((e.target as HTMLInputElement).checked)} />
            {t('showDueOnly')}
          </label>
          <button type="button" class="danger" ref={dueButton} onClick={() => setConfirmingDue(true)}>
            {dueCount === 1 ? t('deleteDueOne') : t('deleteDue', { n: dueCount })}
          </button>
        </div>
      )}
      {clients === null && !error && <p>{t('loading')}</p>}
      {clients !== null && clients.length === 0 && <p class="empty">{t('noClients')}</p>}
      {clients !== null && clients.length > 0 && (
        <>
          <p class="count" aria-live="polite">
            {shown.length === 0 ? t('noMatches', { query: query.trim() }) : t('listCount', { shown: shown.length, total: clients.length })}
          </p>
          {shown.length > 0 && (
            <table class="clients">
              <caption class="visually-hidden">{t('clientsTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('colName')}</th>
                  <th scope="col">{t('colOrganization')}</th>
                  <th scope="col">{t('colTrajectory')}</th>
                  <th scope="col">
                    <span class="visually-hidden">{t('colActions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {shown.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">
                      {c.name}
                      {c.aliases.length > 0 && <span class="muted"> ({c.aliases.join(', ')})</span>}
                      {c.retentionDue && (
                        <span class="badge" title={t('retentionDueOne')}>
                          {t('rowRetentionDue')}
                        </span>
                      )}
                    </th>
                    <td>{c.organization ?? ''}</td>
                    <td>{trajectoryText(c)}</td>
                    <td class="row-actions">
                      <button
                        type="button"
                        aria-label={t('editClient', { name: c.name })}
                        onClick={(e) => openForm({ mode: 'edit', client: c }, e.currentTarget as HTMLElement)}
                      >
                        {t('edit')}
                      </button>
                      <button
                        type="button"
                        class="danger"
                        aria-label={t('deleteClient', { name: c.name })}
                        onClick={(e) => {
                          returnFocus.current = e.currentTarget as HTMLElement;
                          setConfirming(c);
                        }}
                      >
                        {t('delete')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
      {confirmingDue && (
        <ConfirmDialog
          title={t('confirmDeleteDueTitle')}
          text={dueCount === 1 ? t('confirmDeleteDueTextOne') : t('confirmDeleteDueText', { n: dueCount })}
          confirmLabel={t('delete')}
          onConfirm={confirmDeleteDue}
          onCancel={() => {
            setConfirmingDue(false);
            dueButton.current?.focus();
          }}
        />
      )}
      {confirming && (
        <ConfirmDialog
          title={t('confirmDeleteTitle')}
          text={t('confirmDeleteText', { name: confirming.name })}
          confirmLabel={t('delete')}
          onConfirm={confirmDelete}
          onCancel={() => {
            setConfirming(null);
            returnFocus.current?.focus();
          }}
        />
      )}
    </section>
  );
}

/** The client page's records beside the form: consents and ignore rules. */
function ClientRecords(props: { client: ClientRecord; onChanged: () => Promise<void>; onLocked: () => void; onRestore: () => void }) {
  return (
    <>
      <ConsentRegister
        clientId={props.client.id}
        consents={props.client.consents}
        onChanged={props.onChanged}
        onLocked={props.onLocked}
        onRestore={props.onRestore}
      />
      <IgnoreRules rules={props.client.ignoreRules} onChanged={props.onChanged} onLocked={props.onLocked} />
    </>
  );
}

const lines = (s: string) =>
  s
    .split('\n')
    .map((x) => x.trim())
    .filter(Boolean);

/** Add or edit one client. Multi-value fields take one value per line. */
export function ClientForm(props: {
  editing: Exclude<Editing, { mode: 'import' }>;
  onCancel: () => void;
  onSaved: (name: string) => void;
  onLocked: () => void;
  /** A damaged list found while unlocking to save: restore a backup. */
  onRestore: () => void;
}) {
  const existing = props.editing.mode === 'edit' ? props.editing.client : null;
  const prefill = props.editing.mode === 'add' ? props.editing.prefill : undefined;
  const [name, setName] = useState(existing?.name ?? prefill ?? '');
  const [aliases, setAliases] = useState(existing?.aliases.join('\n') ?? '');
  const [identifiers, setIdentifiers] = useState(existing?.identifiers.join('\n') ?? '');
  const [organization, setOrganization] = useState(existing?.organization ?? '');
  const [details, setDetails] = useState(existing?.details.join('\n') ?? '');
  const [start, setStart] = useState(existing?.trajectoryStart ?? '');
  const [end, setEnd] = useState(existing?.trajectoryEnd ?? '');
  const [errors, setErrors] = useState<{ name?: string; end?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);
  const ids = useId();
  const nameRef = useRef<HTMLInputElement>(null);
  const { holdUntilUnlocked, lockedPanel } = useSaveAfterUnlock<ClientDraftInput>(save, props.onRestore);

  useEffect(() => {
    nameRef.current?.focus();
  }, []);

  async function submit(e: Event) {
    e.preventDefault();
    const next: typeof errors = {};
    if (!name.trim()) next.name = t('fieldNameRequired');
    if (start && end && end < start) next.end = t('errorEndBeforeStart');
    setErrors(next);
    if (next.name) return nameRef.current?.focus();
    if (next.end) return document.getElementById(`${ids}-end`)?.focus();
    const draft: ClientDraftInput = {
      ...(existing ? { id: existing.id } : {}),
      name: name.trim(),
      aliases: lines(aliases),
      identifiers: lines(identifiers),
      details: lines(details),
      ...(organization.trim() ? { organization: organization.trim() } : {}),
      ...(start ? { trajectoryStart: start } : {}),
      ...(end ? { trajectoryEnd: end } : {}),
    };
    await save(draft);
  }

  async function save(draft: ClientDraftInput) {
    setBusy(true);
    const r = await api.saveClient(draft);
    setBusy(false);
    if (r.ok) return props.onSaved(draft.name);
    if (r.error === 'locked') {
      // Locked while typing (auto-lock): keep what was typed, unlock here, then save it.
      return holdUntilUnlocked(draft);
    }
    setErrors({ form: errorText(r.error) });
  }

  const field = (
    key: string,
    label: string,
    value: string,
    set: (v: string) => void,
    opts: { hint?: string; multi?: boolean; required?: boolean; error?: string; ref?: typeof nameRef } = {},
  ) => {
    const id = `${ids}-${key}`;
    const describedBy = [opts.hint || opts.multi ? `${id}-hint` : '', opts.error ? `${id}-err` : ''].filter(Boolean).join(' ') || undefined;
    const hint = [opts.hint, opts.multi ? t('onePerLine') : ''].filter(Boolean).join(' ');
    return (
      <div class="field">
        <label for={id}>{label}</label>
        {hint && (
          <span class="hint" id={`${id}-hint`}>
            {hint}
          </span>
        )}
        {opts.multi ? (
          <textarea id={id} rows={3} value={value} autoComplete="off" aria-describedby={describedBy} onInput={(e) => set((e.target as HTMLTextAreaElement).value)} />
        ) : (
          <input
            id={id}
            ref={opts.ref}
            type="text"
            value={value}
            required={opts.required}
            aria-required={opts.required ? 'true' : undefined}
            aria-invalid={opts.error ? 'true' : undefined}
            aria-describedby={describedBy}
            autoComplete="off"
            onInput={(e) => set((e.target as HTMLInputElement).value)}
          />
        )}
        {opts.error && (
          <span class="field-error" id={`${id}-err`}>
            {opts.error}
          </span>
        )}
      </div>
    );
  };

  if (lockedPanel) return lockedPanel;

  return (
    // autocomplete="off": the browser must not keep what is typed here (client names, e-mail
    // addresses, phones) in its autofill or session-restore files on disk.
    <form class="client-form panel" onSubmit={submit} noValidate autoComplete="off" aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`}>{existing ? t('formEditTitle') : t('formAddTitle')}</h3>
      {prefill && <p class="hint">{t('prefillNote')}</p>}
      {field('name', t('fieldName'), name, setName, { hint: t('fieldNameHint'), required: true, error: errors.name, ref: nameRef })}
      {field('aliases', t('fieldAliases'), aliases, setAliases, { multi: true })}
      {field('identifiers', t('fieldIdentifiers'), identifiers, setIdentifiers, { hint: t('fieldIdentifiersHint'), multi: true })}
      {field('organization', t('fieldOrganization'), organization, setOrganization, { hint: t('fieldOrganizationHint') })}
      {field('details', t('fieldDetails'), details, setDetails, { hint: t('fieldDetailsHint'), multi: true })}
      <div class="field-row">
        <div class="field">
          <label for={`${ids}-start`}>{t('fieldStart')}</label>
          <input id={`${ids}-start`} type="date" value={start} onInput={(e) => setStart((e.target as HTMLInputElement).value)} />
        </div>
        <div class="field">
          <label for={`${ids}-end`}>{t('fieldEnd')}</label>
          <input
            id={`${ids}-end`}
            type="date"
            value={end}
            aria-invalid={errors.end ? 'true' : undefined}
            aria-describedby={errors.end ? `${ids}-end-err` : undefined}
            onInput={(e) => setEnd((e.target as HTMLInputElement).value)}
          />
          {errors.end && (
            <span class="field-error" id={`${ids}-end-err`}>
              {errors.end}
            </span>
          )}
        </div>
      </div>
      {errors.form && <Alert>{errors.form}</Alert>}
      <SaveCancelActions busy={busy} onCancel={props.onCancel} />
    </form>
  );
}

/** Import into an existing list: preview per row first, then merge (same person = updated, others added). */
export function ImportPanel(props: {
  existing: Client[];
  onCancel: () => void;
  onImported: (added: number, updated: number) => void;
  onLocked: () => void;
}) {
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ids = useId();
  const fileRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    fileRef.current?.focus();
  }, []);

  async function read(file: File | undefined) {
    setError(null);
    setPreview(file ? importClients(new Uint8Array(await file.arrayBuffer()), file.name, { existing: props.existing }) : null);
  }

  async function submit(e: Event) {
    e.preventDefault();
    if (!preview || preview.errors.length || preview.clients.length === 0) return;
    setBusy(true);
    const r = await api.importClients(preview.clients);
    setBusy(false);
    if (r.ok) return props.onImported(r.added, r.updated);
    if (r.error === 'locked') return props.onLocked();
    setError(errorText(r.error));
  }

  const nothingToDo = !!preview && preview.errors.length === 0 && preview.clients.length === 0;
  return (
    <form class="panel" onSubmit={submit} aria-labelledby={`${ids}-t`}>
      <h3 id={`${ids}-t`}>{t('importList')}</h3>
      <p class="hint">{t('importListIntro')}</p>
      <ImportFileField id={`${ids}-file`} inputRef={fileRef} onFile={(f) => void read(f)} />
      {preview && <ImportPreviewView preview={preview} />}
      {nothingToDo && <Alert kind="info">{t('importNothingNew')}</Alert>}
      {error && <Alert>{error}</Alert>}
      <div class="actions">
        <button type="button" onClick={props.onCancel} disabled={busy}>
          {t('cancel')}
        </button>
        <button type="submit" class="primary" disabled={busy || !preview || preview.errors.length > 0 || preview.clients.length === 0}>
          {busy ? t('saving') : t('importSubmit')}
        </button>
      </div>
    </form>
  );
}
