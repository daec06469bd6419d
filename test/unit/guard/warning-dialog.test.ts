// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../../../src/i18n';
import { WarningDialog, type DialogOutcome, type FindingsModel } from '../../../src/guard/warning-dialog';

const MODEL: FindingsModel = {
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

  it('asks for the articles when it opens and still warns when they cannot be loaded', async () => {
    setLanguage('nl');
    dialog = new WarningDialog();
    void dialog.open({ ...MODEL, articles: Promise.reject(new Error('no answer')) });
    const root = rootOf(dialog);
    expect(root.querySelector('h2')!.textContent).toBe('Dit bericht noemt een cliënt');
    await new Promise((r) => setTimeout(r, 0));
    expect(root.textContent).toContain('De uitleg uit je beroepscode kon niet worden geladen');
    dialog.close({ action: 'back' });

    let resolve!: (a: typeof MODEL.articles) => void;
    void dialog.open({ ...MODEL, articles: new Promise((r) => (resolve = r as never)) });
    expect(rootOf(dialog).textContent).toContain('Uitleg wordt geladen');
    resolve(MODEL.articles);
    await new Promise((r) => setTimeout(r, 0));
    expect(rootOf(dialog).textContent).toContain('LVSC-code art. 5 (digitale ethiek)');
    expect(rootOf(dialog).textContent).not.toContain('Uitleg wordt geladen');
  });

  it('offers Anonymise; in intervision mode it is the primary, focused action', async () => {
    setLanguage('nl');
    dialog = new WarningDialog();
    let flipped: boolean | null = null;
    const p = dialog.open({ ...MODEL, canAnonymise: true, onIntervision: (on) => (flipped = on) });
    let root = rootOf(dialog);
    const anon = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Anonimiseren')!;
    expect(anon).toBeTruthy();
    expect(root.activeElement?.textContent).toBe('Terug naar bewerken');
    // Keyboard order: … Anonymise, Send anyway, Back (Shift+Tab from Back reaches Send anyway).
    expect([...root.querySelectorAll('.row button')].map((b) => b.textContent).slice(0, 3)).toEqual(['Anonimiseren', 'Toch versturen…', 'Terug naar bewerken']);
    const box = root.querySelector<HTMLInputElement>('.toggle input[type=checkbox]')!;
    expect(box.checked).toBe(false);
    box.checked = true;
    const change = new Event('change');
    Object.defineProperty(change, 'isTrusted', { value: true });
    box.dispatchEvent(change);
    expect(flipped).toBe(true);
    expect(anon.className).toBe('primary');
    const click = new MouseEvent('click');
    Object.defineProperty(click, 'isTrusted', { value: true });
    anon.dispatchEvent(click);
    expect(await p).toEqual({ action: 'anonymise' });

    void dialog.open({ ...MODEL, canAnonymise: true, intervision: true });
    root = rootOf(dialog);
    expect(root.activeElement?.textContent).toBe('Anonimiseren');
    expect(root.querySelector<HTMLInputElement>('.toggle input')!.checked).toBe(true);
  });

  it('"false alarm" offers to stop warning for the matched words (off by default); "other" needs a note', async () => {
    setLanguage('nl');
    dialog = new WarningDialog();
    const trustedEvent = <E extends Event>(e: E): E => (Object.defineProperty(e, 'isTrusted', { value: true }), e);
    const p = dialog.open({ ...MODEL, ignoreTerms: ['Marieke'] });
    const root = rootOf(dialog);
    const fa = root.querySelector<HTMLInputElement>('input[value=false-alarm]')!;
    const ignoreLabel = [...root.querySelectorAll('label')].find((l) => l.textContent!.includes('Niet meer waarschuwen voor ‘Marieke’'))!;
    expect(ignoreLabel.hidden).toBe(true);
    fa.checked = true;
    fa.dispatchEvent(trustedEvent(new Event('change')));
    expect(ignoreLabel.hidden).toBe(false);
    const box = ignoreLabel.querySelector('input')!;
    expect(box.checked).toBe(false);
    box.checked = true;
    box.dispatchEvent(trustedEvent(new Event('change')));
    [...root.querySelectorAll('button')].find((b) => b.textContent === 'Versturen')!.dispatchEvent(trustedEvent(new MouseEvent('click')));
    expect(await p).toEqual({ action: 'send', reason: 'false-alarm', ignore: true });
  });

  it('shows consent in words next to the client', () => {
    setLanguage('nl');
    dialog = new WarningDialog();
    void dialog.open({
      ...MODEL,
      clients: [
        { label: 'Marieke Verhoeven', toClient: false, blocking: true, what: ['naam'], quotes: [], consent: ['Toestemming verlopen op 1 januari 2026'] },
        { label: 'Bram Koster', toClient: false, blocking: false, what: ['naam'], quotes: [], consent: ['Toestemming van 12 maart 2026 voor getuigenis'] },
      ],
    });
    const root = rootOf(dialog);
    expect(root.querySelector('h2')!.textContent).toBe('Dit bericht noemt een cliënt');
    const items = [...root.querySelectorAll('li')];
    expect(items[0]!.className).toBe('');
    expect(items[0]!.textContent).toContain('Toestemming verlopen op 1 januari 2026');
    expect(items[1]!.className).toBe('ok');
    expect(items[1]!.textContent).toContain('Toestemming van 12 maart 2026 voor getuigenis');
  });
});
