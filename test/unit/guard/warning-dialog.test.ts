// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../../../src/i18n';
import { WarningDialog, type DialogOutcome, type WarningModel } from '../../../src/guard/warning-dialog';

const MODEL: WarningModel = {
  kind: 'findings',
  channel: 'e-mail aan intervisie@example.nl',
  clients: [
    { label: 'Marieke Verhoeven', toClient: false, what: ['naam'], quotes: [{ before: 'gesprek met ', match: 'Marieke Verhoeven', after: ' over', inSubject: false }] },
    { label: 'Pieter Jansen', toClient: true, what: ['naam'], quotes: [] },
  ],
  articles: [{ code: 'lvsc', article: '5', title: 'Digitale ethiek', short: 'Deel online niets dat naar een cliënt herleidbaar is.', full: '', citation: 'LVSC-code art. 5 (digitale ethiek)' }],
};

/** The closed root, reached the way only the extension itself can (tests peek at the private field). */
const rootOf = (d: WarningDialog): ShadowRoot => (d as any).host.root;

let dialog: WarningDialog;
afterEach(() => dialog?.close({ action: 'back' }));

describe('WarningDialog', () => {
  it('is a labelled modal dialog in a closed shadow root, focus on "back to editing"', () => {
    setLanguage('nl');
    dialog = new WarningDialog();
    void dialog.open(MODEL);
    const host = document.querySelector('discreet-dialog')!;
    expect(host.shadowRoot).toBeNull();
    expect(host.textContent).toBe('');
    const root = rootOf(dialog);
    const dlg = root.querySelector('[role=dialog]')!;
    expect(dlg.getAttribute('aria-modal')).toBe('true');
    expect(root.getElementById(dlg.getAttribute('aria-labelledby')!)!.textContent).toBe('Dit bericht noemt een cliënt');
    const desc = root.getElementById(dlg.getAttribute('aria-describedby')!)!.textContent!;
    expect(desc).toContain('e-mail aan intervisie@example.nl');
    expect(desc).toContain('Marieke Verhoeven');
    expect(desc).toContain('aan de cliënt zelf');
    expect(root.textContent).toContain('LVSC-code art. 5 (digitale ethiek)');
    expect(root.activeElement?.textContent).toBe('Terug naar bewerken');
  });

  it('speaks English when the coach uses English', () => {
    setLanguage('en');
    dialog = new WarningDialog();
    void dialog.open({ kind: 'locked' });
    expect(rootOf(dialog).textContent).toContain('Discreet is locked');
    setLanguage('nl');
  });

  it('ignores untrusted events: a page cannot press "send anyway" or Escape', async () => {
    setLanguage('nl');
    dialog = new WarningDialog();
    let outcome: DialogOutcome | null = null;
    void dialog.open(MODEL).then((o) => (outcome = o));
    const root = rootOf(dialog);
    const buttons = [...root.querySelectorAll('button')];
    buttons.find((b) => b.textContent === 'Toch versturen…')!.click();
    const consent = root.querySelector<HTMLInputElement>('input[value=consent]')!;
    consent.checked = true;
    consent.dispatchEvent(new Event('change'));
    const confirm = buttons.find((b) => b.textContent === 'Versturen')!;
    confirm.disabled = false;
    confirm.click();
    root.querySelector('[role=dialog]')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await Promise.resolve();
    expect(outcome).toBeNull();
    expect(dialog.isOpen).toBe(true);
    expect(root.querySelector('fieldset')!.closest('[hidden]')).not.toBeNull(); // the reasons never opened
  });

  it('comes back when the page removes it', async () => {
    dialog = new WarningDialog();
    void dialog.open(MODEL);
    document.querySelector('discreet-dialog')!.remove();
    await new Promise((r) => setTimeout(r, 0));
    expect(document.querySelector('discreet-dialog')).not.toBeNull();
  });

  it('closing resolves with the outcome and removes it', async () => {
    dialog = new WarningDialog();
    const p = dialog.open(MODEL);
    dialog.close({ action: 'back' });
    expect(await p).toEqual({ action: 'back' });
    expect(document.querySelector('discreet-dialog')).toBeNull();
  });
});
