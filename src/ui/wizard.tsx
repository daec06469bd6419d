/**
 * First run: code of conduct → passphrase (with the no-recovery warning) → optional import with a
 * preview → done. Nothing is stored until the coach presses "Instellen" on the import step.
 */
import type { Ref } from 'preact';
import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import type { Registry } from '../registry';
import { applyImport, importClients, type ImportPreview } from '../vault/import';
import { describeProblem } from '../vault/import/messages';
import type { VaultSettings } from '../vault/schema';
import { api } from './api';
import { Alert, PassphraseInput, errorText } from './common';
import { t, type MessageKey } from './messages';
import { BackupButton, RestoreForm } from './security';
import { rateStrength } from './strength';

type Code = VaultSettings['code'];
const TOTAL_STEPS = 4;

export function CodeChoiceFields(props: {
  value: Code | null;
  onChange: (c: Code) => void;
  legend: string;
  name: string;
  invalid?: boolean;
  errorId?: string;
}) {
  const options: Array<{ value: Code; label: MessageKey; hint: MessageKey }> = [
    { value: 'lvsc', label: 'codeLvsc', hint: 'codeLvscHint' },
    { value: 'rl', label: 'codeRl', hint: 'codeRlHint' },
    { value: 'both', label: 'codeBoth', hint: 'codeBothHint' },
  ];
  const base = useId();
  return (
    <fieldset class="choices" aria-describedby={props.invalid ? props.errorId : undefined}>
      <legend>{props.legend}</legend>
      {options.map((o) => (
        <div class="choice" key={o.value}>
          <input
            type="radio"
            id={`${base}-${o.value}`}
            name={props.name}
            value={o.value}
            checked={props.value === o.value}
            aria-describedby={`${base}-${o.value}-hint`}
            onChange={() => props.onChange(o.value)}
          />
          <label for={`${base}-${o.value}`}>{t(o.label)}</label>
          <span class="hint" id={`${base}-${o.value}-hint`}>
            {t(o.hint)}
          </span>
        </div>
      ))}
    </fieldset>
  );
}

export function StrengthMeter(props: { passphrase: string; id: string }) {
  // Building the dictionaries takes a moment: do it before the first keystroke, not during it.
  useEffect(() => void setTimeout(() => rateStrength('warm-up'), 50), []);
  const s = useMemo(() => (props.passphrase ? rateStrength(props.passphrase) : null), [props.passphrase]);
  const label = s ? t(`strength${s.score}` as MessageKey) : '';
  const advice = s ? s.messages() : [];
  return (
    <div class="strength-block" id={props.id}>
      <div class="strength">
        <meter min={0} max={4} low={2} high={3} optimum={4} value={s ? s.score : 0} aria-label={t('strengthLabel')} />
        <span aria-live="polite">{s ? `${t('strengthLabel')}: ${label}` : ''}</span>
      </div>
      {advice.length > 0 && (
        <ul class="hint advice">
          {advice.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

function useHeadingFocus(step: number) {
  const ref = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  useEffect(() => {
    // Move focus to the new step's heading so screen readers announce it (not on first render).
    if (first.current) {
      first.current = false;
      return;
    }
    ref.current?.focus();
  }, [step]);
  return ref;
}

export function SetupWizard(props: { onDone: () => void }) {
  const [step, setStep] = useState(1);
  const [code, setCode] = useState<Code | null>(null);
  const [codeMissing, setCodeMissing] = useState(false);
  const [pass, setPass] = useState('');
  const [repeat, setRepeat] = useState('');
  const [ack, setAck] = useState(false);
  const [passErrors, setPassErrors] = useState<string[]>([]);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [reading, setReading] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [count, setCount] = useState(0);
  const [restoring, setRestoring] = useState(false);
  const headingRef = useHeadingFocus(step);
  const ids = useId();
  const fileRef = useRef<HTMLInputElement>(null);

  function checkPassphrase(e: Event) {
    e.preventDefault();
    const errors: string[] = [];
    const strength = rateStrength(pass);
    if (!strength.acceptable) errors.push(...strength.messages());
    if (pass !== repeat) errors.push(t('passMismatch'));
    if (!ack) errors.push(t('noRecoveryAckNeeded'));
    setPassErrors(errors);
    if (errors.length === 0) setStep(3);
  }

  async function readFile(file: File | undefined) {
    setError(null);
    if (!file) {
      setPreview(null);
      return;
    }
    setReading(true);
    const bytes = new Uint8Array(await file.arrayBuffer());
    setPreview(importClients(bytes, file.name, { existing: [] }));
    setReading(false);
  }

  function clearFile() {
    setPreview(null);
    if (fileRef.current) fileRef.current.value = '';
    fileRef.current?.focus();
  }

  async function finish(e: Event) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    let registry: Registry = { version: 1, clients: [] };
    try {
      if (preview && preview.errors.length === 0) registry = applyImport(registry, preview);
    } catch {
      setBusy(false);
      setError(t('importErrors'));
      return;
    }
    const r = await api.setup(pass, registry, code ?? 'both');
    setBusy(false);
    if (!r.ok) {
      setError(errorText(r.error));
      return;
    }
    setPass('');
    setRepeat('');
    setCount(registry.clients.length);
    setStep(4);
  }

  const progress = <p class="progress">{t('wizardProgress', { step, total: TOTAL_STEPS })}</p>;
  const importBlocked = !!preview && preview.errors.length > 0;

  if (restoring) {
    return (
      <section class="wizard">
        <h1>{t('wizardTitle')}</h1>
        <RestoreForm onRestored={props.onDone} onCancel={() => setRestoring(false)} />
      </section>
    );
  }

  return (
    <section class="wizard" aria-labelledby={`${ids}-h`}>
      <h1>{t('wizardTitle')}</h1>
      {progress}
      {step === 1 && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setCodeMissing(!code);
            if (code) setStep(2);
          }}
        >
          <h2 id={`${ids}-h`} tabIndex={-1} ref={headingRef}>
            {t('stepCodeTitle')}
          </h2>
          <p>{t('stepCodeIntro')}</p>
          <CodeChoiceFields
            value={code}
            onChange={(c) => {
              setCode(c);
              setCodeMissing(false);
            }}
            legend={t('stepCodeTitle')}
            name="code"
            invalid={codeMissing}
            errorId={`${ids}-code-err`}
          />
          {codeMissing && <Alert id={`${ids}-code-err`}>{t('codeMissing')}</Alert>}
          <div class="actions">
            <button type="submit" class="primary">
              {t('next')}
            </button>
          </div>
          <p class="restore-offer">
            {t('restoreOffer')}{' '}
            <button type="button" class="link" onClick={() => setRestoring(true)}>
              {t('restoreOpen')}
            </button>
          </p>
        </form>
      )}

      {step === 2 && (
        <form onSubmit={checkPassphrase} noValidate>
          <h2 id={`${ids}-h`} tabIndex={-1} ref={headingRef}>
            {t('stepPassTitle')}
          </h2>
          <p>{t('stepPassIntro')}</p>
          <PassphraseInput
            label={t('passphrase')}
            value={pass}
            onInput={setPass}
            autoComplete="new-password"
            describedBy={`${ids}-strength`}
            name="new-passphrase"
          />
          <StrengthMeter passphrase={pass} id={`${ids}-strength`} />
          <PassphraseInput label={t('passRepeat')} value={repeat} onInput={setRepeat} autoComplete="new-password" name="repeat-passphrase" />
          <div class="callout" role="note" aria-labelledby={`${ids}-norec`}>
            <h3 id={`${ids}-norec`}>{t('noRecoveryTitle')}</h3>
            <p>{t('noRecoveryText')}</p>
            <label class="inline-check">
              <input type="checkbox" checked={ack} onChange={(e) => setAck((e.target as HTMLInputElement).checked)} />
              {t('noRecoveryAck')}
            </label>
          </div>
          {passErrors.length > 0 && (
            <div class="alert alert-error" role="alert">
              <ul>
                {passErrors.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            </div>
          )}
          <div class="actions">
            <button type="button" onClick={() => setStep(1)}>
              {t('back')}
            </button>
            <button type="submit" class="primary">
              {t('next')}
            </button>
          </div>
        </form>
      )}

      {step === 3 && (
        <form onSubmit={finish}>
          <h2 id={`${ids}-h`} tabIndex={-1} ref={headingRef}>
            {t('stepImportTitle')}
          </h2>
          <p>{t('stepImportIntro')}</p>
          <ImportFileField id={`${ids}-file`} inputRef={fileRef} onFile={(f) => void readFile(f)} />
          {reading && <p role="status">{t('importReading')}</p>}
          {!preview && !reading && <p class="hint">{t('importNone')}</p>}
          {preview && <ImportPreviewView preview={preview} />}
          {preview && (
            <p>
              <button type="button" onClick={clearFile}>
                {t('importRemove')}
              </button>
            </p>
          )}
          {error && <Alert>{error}</Alert>}
          <div class="actions">
            <button type="button" onClick={() => setStep(2)} disabled={busy}>
              {t('back')}
            </button>
            <button type="submit" class="primary" disabled={busy || reading || importBlocked}>
              {busy ? t('settingUp') : t('finishSetup')}
            </button>
          </div>
        </form>
      )}

      {step === 4 && (
        <div>
          <h2 id={`${ids}-h`} tabIndex={-1} ref={headingRef}>
            {t('stepDoneTitle')}
          </h2>
          <p>{t('doneText')}</p>
          <p>{t('doneCount', { n: count })}</p>
          <div class="callout">
            <p>{t('doneBackup')}</p>
            <BackupButton />
          </div>
          <div class="actions">
            <button type="button" class="primary" onClick={props.onDone}>
              {t('toClientList')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

/** What an import will do, per row, before anything is saved. Shows names only from the coach's own file. */
/** The file chooser of an import (the wizard's and the client list's): CSV, JSON, or a text file of names. */
export function ImportFileField(props: { id: string; inputRef: Ref<HTMLInputElement>; onFile: (file: File | undefined) => void }) {
  return (
    <div class="field">
      <label for={props.id}>{t('chooseFile')}</label>
      <input
        id={props.id}
        ref={props.inputRef}
        type="file"
        accept=".csv,.json,.txt,text/csv,application/json"
        onChange={(e) => props.onFile((e.target as HTMLInputElement).files?.[0])}
      />
    </div>
  );
}

export function ImportPreviewView(props: { preview: ImportPreview }) {
  const { preview } = props;
  const names = new Map(preview.clients.map((c) => [c.id, c.name]));
  if (preview.errors.length > 0) {
    return (
      <div class="alert alert-error" role="alert">
        <p>{t('importErrors')}</p>
        <ul>
          {preview.errors.map((p, i) => (
            <li key={i}>{describeProblem(p)}</li>
          ))}
        </ul>
      </div>
    );
  }
  const statusText = { ok: t('rowOk'), merged: t('rowMerged'), skipped: t('rowSkipped') } as const;
  return (
    <div class="preview">
      <p role="status">{t('importSummary', { added: preview.summary.added, skipped: preview.summary.skipped })}</p>
      {preview.warnings.length > 0 && (
        <ul class="alert alert-warning">
          {preview.warnings.map((p, i) => (
            <li key={i}>{describeProblem(p)}</li>
          ))}
        </ul>
      )}
      <div class="table-wrap" tabIndex={0} role="region" aria-label={t('previewCaption')}>
        <table>
          <caption>{t('previewCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('colRow')}</th>
              <th scope="col">{t('colName')}</th>
              <th scope="col">{t('colStatus')}</th>
              <th scope="col">{t('colProblems')}</th>
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((r) => (
              <tr key={r.row} class={`row-${r.status}`}>
                <td>{r.row}</td>
                <td>{r.clientId ? names.get(r.clientId) ?? '' : ''}</td>
                <td>{statusText[r.status]}</td>
                <td>
                  {r.problems.length > 0 && (
                    <ul>
                      {r.problems.map((p, i) => (
                        <li key={i}>{describeProblem(p)}</li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
