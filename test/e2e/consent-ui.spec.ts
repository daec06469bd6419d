/**
 * Issue #5 in the options page, as a coach uses it: the consent register and the ignore rules on a client's
 * page, and the accountability log ("Verantwoording") with its CSV export; by keyboard, and checked by axe-core.
 */
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { seriousViolations } from './support/axe';
import { openOptions, sendFromPage } from './support/extension-pages';
import { findReadable } from './support/profile';
import { expect, test } from './support/session';
import { setupVault } from './support/vault';

const PASSPHRASE = 'zeven groene appels op de fiets';
const REGISTRY = {
  version: 1 as const,
  clients: [
    { id: 's1', name: 'Sterre de Boer', organization: 'Gemeente Assen' },
    { id: 'b1', name: 'Bram Kok' },
  ],
};

async function openClient(page: Page, name: string) {
  await expect(page.getByRole('rowheader', { name })).toBeVisible();
  await page.getByRole('button', { name: `${name} bewerken` }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('form', { name: 'Cliënt bewerken' })).toBeVisible();
}

async function tab(page: Page, times: number) {
  for (let i = 0; i < times; i++) await page.keyboard.press('Tab');
}

test('the consent form checks what is typed, in Dutch, by keyboard; the client page passes axe', async ({ session }) => {
  test.setTimeout(90_000);
  await setupVault(session, REGISTRY, PASSPHRASE);
  const page = await openOptions(session, '#clients');
  await openClient(page, 'Sterre de Boer');

  const register = page.getByRole('region', { name: 'Toestemmingen' });
  await expect(register).toContainText('schriftelijke toestemming');
  await expect(register).toContainText('Nog geen toestemmingen vastgelegd.');
  await expect(page.getByRole('region', { name: 'Niet meer waarschuwen voor' })).toContainText('Geen uitzonderingen');
  expect(await seriousViolations(page)).toEqual([]);

  await register.getByRole('button', { name: 'Toestemming toevoegen' }).focus();
  await page.keyboard.press('Enter');
  const form = page.getByRole('form', { name: 'Nieuwe toestemming' });
  await expect(form.getByRole('checkbox', { name: 'Naam' })).toBeFocused();
  const today = await page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
  await expect(form.getByLabel('Toestemming gegeven op')).toHaveValue(today);

  // Nothing chosen: Enter in the purpose field submits, every problem is named, the focus goes to the first.
  await tab(page, 10);
  await expect(form.getByLabel('Doel')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(form).toContainText('Kies minstens één soort informatie.');
  await expect(form).toContainText('Vul een e-mailadres of domein in, of kies openbare berichten.');
  await expect(form).toContainText('Vul het doel in.');
  await expect(form.getByRole('checkbox', { name: 'Naam' })).toBeFocused();
  expect(await seriousViolations(page)).toEqual([]);

  // What, with whom, purpose; a bad second address is named by its line, not its text.
  await page.keyboard.press('Space');
  await tab(page, 4);
  await expect(form.getByRole('checkbox', { name: 'Voortgangsrapport' })).toBeFocused();
  await page.keyboard.press('Space');
  await tab(page, 2);
  await page.keyboard.type('hr@gemeente-assen.nl\njan de vries');
  await tab(page, 3);
  await page.keyboard.type('werkgever');
  await tab(page, 1);
  await page.keyboard.type('Voortgangsgesprek met werkgever');
  await page.keyboard.press('Enter');
  await expect(form).toContainText('Regel 2 is geen e-mailadres');
  await expect(form).not.toContainText('Kies minstens één soort informatie.');
  await expect(form.getByLabel('E-mailadressen')).toBeFocused();
  await expect(form.getByLabel('E-mailadressen')).toHaveAttribute('aria-invalid', 'true');

  // An end date before the date given.
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('hr@gemeente-assen.nl');
  await form.getByLabel('Geldig tot en met (mag leeg)').fill('2020-01-01');
  await form.getByLabel('Doel').press('Enter');
  await expect(form).toContainText('De einddatum ligt vóór de datum waarop de toestemming is gegeven.');
  await expect(form.getByLabel('Geldig tot en met (mag leeg)')).toBeFocused();
  expect(await seriousViolations(page)).toEqual([]);

  // Cancel: the form closes, the focus returns to where it came from.
  await form.getByRole('button', { name: 'Annuleren' }).click();
  await expect(form).toHaveCount(0);
  await expect(register.getByRole('button', { name: 'Toestemming toevoegen' })).toBeFocused();
});

test('a consent is added by keyboard, listed, edited (expired shows), and deleted after confirmation', async ({ session }) => {
  test.setTimeout(90_000);
  await setupVault(session, REGISTRY, PASSPHRASE);
  const page = await openOptions(session, '#clients');
  await openClient(page, 'Sterre de Boer');
  const register = page.getByRole('region', { name: 'Toestemmingen' });

  await register.getByRole('button', { name: 'Toestemming toevoegen' }).focus();
  await page.keyboard.press('Enter');
  const form = page.getByRole('form', { name: 'Nieuwe toestemming' });
  await expect(form.getByRole('checkbox', { name: 'Naam' })).toBeFocused();
  await page.keyboard.press('Space');
  await tab(page, 4);
  await page.keyboard.press('Space'); // Voortgangsrapport
  await tab(page, 2);
  await page.keyboard.type('hr@gemeente-assen.nl');
  await tab(page, 3);
  await page.keyboard.type('werkgever');
  await tab(page, 1);
  await page.keyboard.type('Voortgangsgesprek met werkgever');
  await form.getByLabel('Toestemming gegeven op').fill('2026-01-15');
  await form.getByLabel('Waar is het getekende formulier bewaard?').fill('dossier, map 2026');
  await form.getByLabel('Waar is het getekende formulier bewaard?').press('Enter');

  await expect(form).toHaveCount(0);
  await expect(register.getByRole('status')).toHaveText('Toestemming opgeslagen.');
  await expect(register.getByRole('button', { name: 'Toestemming toevoegen' })).toBeFocused();
  const item = register.getByRole('listitem').filter({ hasText: 'Voor: Voortgangsgesprek met werkgever' });
  await expect(item).toContainText('Naam, Voortgangsrapport');
  await expect(item).toContainText('werkgever; hr@gemeente-assen.nl');
  await expect(item).toContainText('15 jan 2026');
  await expect(item).toContainText('geen einddatum');
  await expect(item).toContainText('dossier, map 2026');
  await expect(item).not.toContainText('Verlopen');
  // The client form beside it is untouched and still open.
  await expect(page.getByRole('form', { name: 'Cliënt bewerken' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  // Edit: the form comes back filled in; an end date in the past marks it expired.
  await register.getByRole('button', { name: 'Toestemming voor Voortgangsgesprek met werkgever bewerken' }).focus();
  await page.keyboard.press('Enter');
  const edit = page.getByRole('form', { name: 'Toestemming bewerken' });
  await expect(edit.getByRole('checkbox', { name: 'Naam' })).toBeChecked();
  await expect(edit.getByLabel('E-mailadressen')).toHaveValue('hr@gemeente-assen.nl');
  await edit.getByLabel('Doel').fill('Eindrapport aan werkgever');
  await edit.getByLabel('Geldig tot en met (mag leeg)').fill('2026-02-28');
  await edit.getByLabel('Doel').press('Enter');
  await expect(edit).toHaveCount(0);
  const edited = register.getByRole('listitem').filter({ hasText: 'Voor: Eindrapport aan werkgever' });
  await expect(edited).toContainText('Verlopen');
  await expect(edited).toContainText('Verlopen op 28 feb 2026');
  await expect(register.getByRole('listitem')).toHaveCount(1);
  expect(await seriousViolations(page)).toEqual([]);

  // The consent is in the vault as saved.
  const { clients } = await sendFromPage(page, { type: 'clients:list' });
  expect(clients.find((c: any) => c.id === 's1').consents).toMatchObject([
    {
      information: ['name', 'report'],
      audience: { emails: ['hr@gemeente-assen.nl'], domains: [], publicPosts: false },
      party: 'werkgever',
      purpose: 'Eindrapport aan werkgever',
      givenOn: '2026-01-15',
      validUntil: '2026-02-28',
      keptAt: 'dossier, map 2026',
    },
  ]);

  // Delete: the confirmation has Cancel focused first; Escape keeps it, confirming removes it.
  const del = register.getByRole('button', { name: 'Toestemming voor Eindrapport aan werkgever verwijderen' });
  await del.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Toestemming verwijderen?' });
  await expect(dialog).toContainText('Eindrapport aan werkgever');
  await expect(dialog.getByRole('button', { name: 'Annuleren' })).toBeFocused();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(del).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Verwijderen' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(register).toContainText('Nog geen toestemmingen vastgelegd.');
  await expect(register.getByRole('status')).toHaveText('Toestemming verwijderd.');
  await expect(register.getByRole('button', { name: 'Toestemming toevoegen' })).toBeFocused();
});

test('locked while filling in a consent (e.g. auto-lock): what was typed is kept and saved after unlocking', async ({ session }) => {
  test.setTimeout(60_000);
  await setupVault(session, REGISTRY, PASSPHRASE);
  const page = await openOptions(session, '#clients');
  await openClient(page, 'Sterre de Boer');
  const register = page.getByRole('region', { name: 'Toestemmingen' });
  await register.getByRole('button', { name: 'Toestemming toevoegen' }).click();
  const form = page.getByRole('form', { name: 'Nieuwe toestemming' });
  await form.getByRole('checkbox', { name: 'Organisatie' }).check();
  await form.getByLabel('Domeinen').fill('uwv.nl');
  await form.getByLabel('Doel').fill('Re-integratieverslag');
  expect(await sendFromPage(page, { type: 'vault:lock' })).toMatchObject({ ok: true });

  await form.getByRole('button', { name: 'Opslaan' }).click();
  await expect(register.getByText(/Wat u hebt ingevuld is bewaard/)).toBeVisible();
  await register.getByLabel('Wachtwoord', { exact: true }).fill(PASSPHRASE);
  await register.getByRole('button', { name: 'Ontgrendelen' }).click();
  await expect(register.getByRole('status')).toHaveText('Toestemming opgeslagen.', { timeout: 15_000 });
  const item = register.getByRole('listitem').filter({ hasText: 'Voor: Re-integratieverslag' });
  await expect(item).toContainText('Organisatie');
  await expect(item).toContainText('uwv.nl');
});

test('ignore rules are listed on the client page in words and can be undone', async ({ session }) => {
  test.setTimeout(60_000);
  await setupVault(session, REGISTRY, PASSPHRASE);
  const page = await openOptions(session, '#clients');
  expect(await sendFromPage(page, { type: 'ignore:add', clientId: 's1', term: 'Sterre', situation: 'public-post' })).toMatchObject({ ok: true });
  await page.reload();
  await openClient(page, 'Sterre de Boer');
  const rules = page.getByRole('region', { name: 'Niet meer waarschuwen voor' });
  const rule = rules.getByRole('listitem');
  await expect(rule).toHaveCount(1);
  await expect(rule).toContainText(/“sterre” in openbare berichten \(zoals LinkedIn\), sinds \d+ \w+\.? \d{4}/i);
  expect(await seriousViolations(page)).toEqual([]);
  await rules.getByRole('button', { name: /Weer waarschuwen voor “sterre” in openbare berichten/i }).focus();
  await page.keyboard.press('Enter');
  await expect(rules.getByRole('status')).toContainText(/Discreet waarschuwt weer voor “sterre”/i);
  await expect(rules).toContainText('Geen uitzonderingen');
  await expect(rules.getByRole('heading', { name: 'Niet meer waarschuwen voor' })).toBeFocused();
  const { clients } = await sendFromPage(page, { type: 'clients:list' });
  expect(clients.find((c: any) => c.id === 's1').ignoreRules).toEqual([]);
});

test('Verantwoording lists every send-anyway newest first, names deleted clients, passes axe, exports CSV behind the passphrase', async ({ session }) => {
  test.setTimeout(120_000);
  await setupVault(session, REGISTRY, PASSPHRASE);
  const page = await openOptions(session, '#clients');

  // Empty: says what will appear and that message text is never stored.
  await page.getByRole('link', { name: 'Verantwoording' }).click();
  await expect(page).toHaveURL(/#log$/);
  const log = page.getByRole('region', { name: 'Verantwoording' });
  await expect(log).toContainText('Nog niets vastgelegd.');
  await expect(log).toContainText('De tekst van het bericht wordt nooit bewaard.');
  await expect(log).toContainText('bewaartermijn (3 jaar)');
  await expect(log).toContainText('LVSC-code art. 4.4');
  expect(await seriousViolations(page)).toEqual([]);

  // Two decisions, the second about a client deleted since.
  expect(await sendFromPage(page, { type: 'log:send-anyway', app: 'gmail', situation: 'third-party', clientIds: ['s1'], reason: 'consent' })).toMatchObject({ ok: true });
  await page.waitForTimeout(20); // distinct timestamps
  expect(
    await sendFromPage(page, { type: 'log:send-anyway', app: 'linkedin', situation: 'public-post', clientIds: ['b1', 's1'], reason: 'other', note: 'Afgestemd met supervisor' }),
  ).toMatchObject({ ok: true });
  expect(await sendFromPage(page, { type: 'clients:delete', id: 'b1' })).toMatchObject({ ok: true });

  await page.reload();
  const table = page.getByRole('table', { name: 'Keren dat u toch verstuurde, nieuwste eerst' });
  const rows = table.getByRole('row');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1)).toContainText('LinkedIn');
  await expect(rows.nth(1)).toContainText('openbare berichten (zoals LinkedIn)');
  await expect(rows.nth(1)).toContainText('verwijderde cliënt, Sterre de Boer');
  await expect(rows.nth(1)).toContainText('Anders');
  await expect(rows.nth(1)).toContainText('Afgestemd met supervisor');
  await expect(rows.nth(2)).toContainText('Gmail');
  await expect(rows.nth(2)).toContainText('berichten aan derden');
  await expect(rows.nth(2)).toContainText('Toestemming van de cliënt');
  await expect(log).toContainText('2 keer toch verstuurd');
  expect(await seriousViolations(page)).toEqual([]);

  // Export: a plain warning, the passphrase again; a wrong one downloads nothing.
  const downloads: string[] = [];
  page.on('download', (d) => void downloads.push(d.suggestedFilename()));
  await log.getByRole('button', { name: 'Exporteren als CSV' }).click();
  const exportForm = page.getByRole('form', { name: 'Verantwoording exporteren (onversleuteld)' });
  await expect(exportForm).toContainText('niet versleuteld');
  expect(await seriousViolations(page)).toEqual([]);
  await exportForm.getByLabel('Wachtwoord ter bevestiging').fill('niet het goede wachtwoord');
  await exportForm.getByRole('button', { name: 'Exporteren' }).click();
  await expect(exportForm.getByRole('alert')).toContainText('Dit wachtwoord klopt niet. Er is niets geëxporteerd.', { timeout: 20_000 });
  expect(downloads).toEqual([]);

  await exportForm.getByLabel('Wachtwoord ter bevestiging').fill(PASSPHRASE);
  const downloading = page.waitForEvent('download', { timeout: 30_000 });
  await exportForm.getByRole('button', { name: 'Exporteren' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^discreet-verantwoording-onversleuteld-\d{4}-\d{2}-\d{2}\.csv$/);
  const file = test.info().outputPath(download.suggestedFilename());
  await download.saveAs(file);
  const csv = readFileSync(file, 'utf8');
  expect(csv).toContain('Sterre de Boer');
  expect(csv).toContain('Afgestemd met supervisor');
  await expect(log.getByRole('status')).toContainText('Verwijder het bestand zodra u het niet meer nodig hebt.');
  await expect(exportForm).toHaveCount(0);
  await expect(log.getByRole('button', { name: 'Exporteren als CSV' })).toBeFocused();
});

test('nothing readable at rest: a typed consent, a log note, an ignore rule and the CSV export leave no trace in the profile', async ({ session }) => {
  test.setTimeout(150_000);
  // Distinctive values, so finding one on disk cannot be a coincidence.
  const client = { id: 'g1', name: 'Gerlinde Vlasblom', identifiers: ['g.vlasblom@voorbeeldpost.nl'] };
  const consent = {
    email: 'personeelszaken@zwijnsbergen-voorbeeld.nl',
    party: 'Hoogwaterschap Zwijnsbergen',
    purpose: 'Loopbaanrapportage Vlinderkruid',
    keptAt: 'Archiefkast Zilverspar',
  };
  const draft = { email: 'stage@kraanvogelweide-voorbeeld.nl', purpose: 'Stageverslag Kraanvogelweide' };
  const note = 'Overlegd met supervisor Roerdompvallei';
  const ignoredTerm = 'Gerlindje';
  const needles = [
    'Gerlinde',
    'Vlasblom',
    'g.vlasblom@voorbeeldpost.nl',
    'personeelszaken@zwijnsbergen',
    'zwijnsbergen-voorbeeld.nl',
    'Zwijnsbergen',
    'Vlinderkruid',
    'Zilverspar',
    'Roerdompvallei',
    'erlindje', // the ignore rule's term, in whatever case it is kept
    'Kraanvogelweide',
    'kraanvogelweide-voorbeeld.nl',
  ];
  await setupVault(session, { version: 1, clients: [client] }, PASSPHRASE);
  const page = await openOptions(session, '#clients');
  await openClient(page, client.name);

  // The consent typed key by key in the client's page, submitted with Enter, as a coach does.
  const register = page.getByRole('region', { name: 'Toestemmingen' });
  await register.getByRole('button', { name: 'Toestemming toevoegen' }).click();
  const form = page.getByRole('form', { name: 'Nieuwe toestemming' });
  await form.getByRole('checkbox', { name: 'Naam' }).check();
  await form.getByLabel('E-mailadressen').pressSequentially(consent.email);
  await form.getByLabel('Naam van de partij').pressSequentially(consent.party);
  await form.getByLabel('Doel').pressSequentially(consent.purpose);
  await form.getByLabel('Waar is het getekende formulier bewaard?').pressSequentially(consent.keptAt);
  await form.getByLabel('Waar is het getekende formulier bewaard?').press('Enter');
  await expect(register.getByRole('status')).toHaveText('Toestemming opgeslagen.');
  await expect(register.getByRole('listitem').filter({ hasText: `Voor: ${consent.purpose}` })).toContainText(consent.keptAt);

  // A "send anyway" with a note and an ignore rule, as the guard would record them.
  expect(
    await sendFromPage(page, { type: 'log:send-anyway', app: 'gmail', situation: 'third-party', clientIds: [client.id], reason: 'other', note }),
  ).toMatchObject({ ok: true });
  expect(await sendFromPage(page, { type: 'ignore:add', clientId: client.id, term: ignoredTerm, situation: 'public-post' })).toMatchObject({ ok: true });

  // Both are shown in the options page (so they were in a page's memory too).
  await page.reload();
  await openClient(page, client.name);
  await expect(page.getByRole('region', { name: 'Niet meer waarschuwen voor' }).getByRole('listitem')).toContainText(/gerlindje/i);
  await page.getByRole('link', { name: 'Verantwoording' }).click();
  const log = page.getByRole('region', { name: 'Verantwoording' });
  await expect(log).toContainText(note);

  // The CSV export dialog, used: the passphrase again, the file downloaded (outside the profile).
  await log.getByRole('button', { name: 'Exporteren als CSV' }).click();
  const exportForm = page.getByRole('form', { name: 'Verantwoording exporteren (onversleuteld)' });
  await exportForm.getByLabel('Wachtwoord ter bevestiging').fill(PASSPHRASE);
  const downloading = page.waitForEvent('download', { timeout: 30_000 });
  await exportForm.getByRole('button', { name: 'Exporteren' }).click();
  const download = await downloading;
  const file = test.info().outputPath(download.suggestedFilename());
  await download.saveAs(file);
  // Positive control: the markers are real text the scan can find (here, in the export the coach asked for).
  expect(findReadable(path.dirname(file), needles.slice(0, 2).concat(['Roerdompvallei']))).toHaveLength(3);
  await expect(log.getByRole('status')).toContainText('Verwijder het bestand zodra u het niet meer nodig hebt.');

  // The coach starts a second consent and closes the browser halfway: what is typed in the open form
  // must not end up in the session the browser saves to restore its tabs.
  await page.getByRole('link', { name: 'Cliënten' }).click();
  await openClient(page, client.name);
  await register.getByRole('button', { name: 'Toestemming toevoegen' }).click();
  await form.getByLabel('E-mailadressen').pressSequentially(draft.email);
  await form.getByLabel('Doel').pressSequentially(draft.purpose);
  await expect(form.getByLabel('Doel')).toHaveValue(draft.purpose);
  await session.close();

  // The browser is closed: every file of the profile (extension storage, autofill and form history, session
  // restore, caches, preferences, logs), in UTF-8 and UTF-16, holds none of it.
  expect(findReadable(session.userDataDir, needles)).toEqual([]);
});
