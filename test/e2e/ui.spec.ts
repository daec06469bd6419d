/**
 * The options page and the popup as a coach uses them: setup wizard with import, lock, unlock from the
 * popup (wrong passphrase first), edit a client, settings, and accessibility (axe-core).
 */
import type { Page } from '@playwright/test';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { seriousViolations } from './support/axe';
import { launchWithExtension } from './support/extension';
import { openOptions, openPopup, optionsUrl, popupUrl, sendFromPage } from './support/extension-pages';
import { findReadable, sensitiveValues } from './support/profile';
import { expect, test } from './support/session';
import { setupVault } from './support/vault';

const REGISTRY_FILE = path.resolve('../shared/corpus/registry.json');
const PASSPHRASE = 'zeven groene appels op de fiets';

async function overview(page: Page): Promise<{ locked: boolean; setupNeeded: boolean; clientCount?: number }> {
  return sendFromPage(page, { type: 'ui:overview' });
}

async function runWizard(page: Page, options: { importFile?: string } = {}) {
  await expect(page.getByRole('heading', { name: 'Discreet instellen' })).toBeVisible();
  await page.getByLabel('Beide').check();
  await page.getByRole('button', { name: 'Volgende' }).click();
  await page.getByLabel('Wachtwoord', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Herhaal het wachtwoord').fill(PASSPHRASE);
  await page.getByLabel('Ik begrijp dat mijn lijst zonder dit wachtwoord verloren is.').check();
  await page.getByRole('button', { name: 'Volgende' }).click();
  await expect(page.getByRole('heading', { name: /Uw cliënten toevoegen/ })).toBeVisible();
  if (options.importFile) {
    await page.getByLabel('Kies een bestand').setInputFiles(options.importFile);
    await expect(page.getByRole('table', { name: /Voorbeeld van de import/ })).toBeVisible();
  }
  await page.getByRole('button', { name: 'Instellen', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Klaar' })).toBeVisible({ timeout: 15_000 });
}

test('setup wizard → import → lock → unlock from the popup → edit a client', async ({ session }) => {
  test.setTimeout(120_000);
  const page = await openOptions(session);

  // Step 1: code of conduct. Step 2: the passphrase is checked before anything is stored.
  await expect(page.getByRole('heading', { name: 'Discreet instellen' })).toBeVisible();
  // No code chosen yet: the wizard asks for one instead of picking one silently.
  await page.getByRole('button', { name: 'Volgende' }).click();
  await expect(page.getByRole('alert')).toHaveText('Kies een gedragscode om verder te gaan.');
  await page.getByLabel('Register Loopbaanprofessional 2025').check();
  await page.getByRole('button', { name: 'Volgende' }).click();
  await expect(page.getByText('Er is geen herstel')).toBeVisible();
  await page.getByLabel('Wachtwoord', { exact: true }).fill('kort');
  await page.getByLabel('Herhaal het wachtwoord').fill('anders');
  await page.getByRole('button', { name: 'Volgende' }).click();
  const problems = page.getByRole('alert');
  await expect(problems).toContainText('Gebruik minstens 10 tekens.');
  await expect(problems).toContainText('De twee wachtwoorden zijn niet gelijk.');
  await expect(problems).toContainText('Vink dit aan om verder te gaan.');
  expect((await overview(page)).setupNeeded).toBe(true);

  await page.getByLabel('Wachtwoord', { exact: true }).fill(PASSPHRASE);
  await expect(page.getByText(/Sterkte van het wachtwoord: (Sterk|Heel sterk)/)).toBeVisible();
  await page.getByLabel('Herhaal het wachtwoord').fill(PASSPHRASE);
  await page.getByLabel('Ik begrijp dat mijn lijst zonder dit wachtwoord verloren is.').check();
  await page.getByRole('button', { name: 'Volgende' }).click();

  // Step 3: import with a preview (when the development registry is present).
  const haveRegistry = existsSync(REGISTRY_FILE);
  if (haveRegistry) {
    await page.getByLabel('Kies een bestand').setInputFiles(REGISTRY_FILE);
    const preview = page.getByRole('table', { name: /Voorbeeld van de import/ });
    await expect(preview).toBeVisible();
    await expect(preview.getByRole('row', { name: /Sterre de Boer/ })).toContainText('Wordt toegevoegd');
    await expect(page.getByText('Nieuwe cliënten: 20. Overgeslagen regels: 0.')).toBeVisible();
    expect((await overview(page)).setupNeeded, 'nothing is stored before "Instellen"').toBe(true);
  } else {
    test.info().annotations.push({ type: 'skipped-step', description: `${REGISTRY_FILE} absent: import step skipped` });
  }
  await page.getByRole('button', { name: 'Instellen', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Klaar' })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText(`Uw lijst bevat ${haveRegistry ? 20 : 0} cliënten.`)).toBeVisible();
  await page.getByRole('button', { name: 'Naar mijn cliëntenlijst' }).click();

  if (!haveRegistry) {
    await page.getByRole('button', { name: 'Cliënt toevoegen' }).click();
    await page.getByLabel('Naam', { exact: true }).fill('Sterre de Boer');
    await page.getByRole('button', { name: 'Opslaan' }).click();
  }
  await expect(page.getByRole('rowheader', { name: /Sterre de Boer/ })).toBeVisible();

  // Lock from the options page.
  await page.getByRole('button', { name: 'Vergrendelen' }).click();
  await expect(page.getByRole('heading', { name: 'Vergrendeld' })).toBeVisible();
  await expect(page.getByText('Sterre de Boer')).toHaveCount(0);

  // Popup: a wrong passphrase says so and stays locked.
  const popup = await openPopup(session);
  await expect(popup.getByRole('heading', { name: 'Vergrendeld' })).toBeVisible();
  await popup.getByLabel('Wachtwoord', { exact: true }).fill('dit is niet het wachtwoord');
  await popup.getByRole('button', { name: 'Ontgrendelen' }).click();
  await expect(popup.getByRole('alert')).toHaveText('Dit wachtwoord klopt niet. De lijst blijft vergrendeld.', { timeout: 15_000 });
  await expect(popup.getByLabel('Wachtwoord', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  expect((await overview(popup)).locked).toBe(true);

  // The right passphrase unlocks; the popup shows the count.
  await popup.getByLabel('Wachtwoord', { exact: true }).fill(PASSPHRASE);
  await popup.getByRole('button', { name: 'Ontgrendelen' }).click();
  await expect(popup.getByText('Ontgrendeld: Discreet let op uw berichten.')).toBeVisible({ timeout: 15_000 });
  await expect(popup.getByText(haveRegistry ? '20 cliënten in uw lijst' : '1 cliënt in uw lijst')).toBeVisible();
  await expect(popup.getByText('Deze site wordt niet bewaakt.')).toBeVisible();

  // Edit a client in the options page.
  await page.reload();
  await page.getByLabel('Zoeken').fill('sterre');
  await expect(page.getByText(haveRegistry ? '1 van 20 cliënten' : '1 van 1 cliënten')).toBeVisible();
  await page.getByRole('button', { name: 'Sterre de Boer bewerken' }).click();
  const form = page.getByRole('form', { name: 'Cliënt bewerken' });
  await expect(form.getByLabel('Naam', { exact: true })).toBeFocused();
  await form.getByLabel('Organisatie').fill('Gemeente Assen');
  await form.getByLabel('Andere namen en bijnamen').fill('Sterre\nS. de Boer');
  await form.getByLabel('Start traject').fill('2025-03-01');
  await form.getByLabel('Einde traject').fill('2025-01-01');
  await form.getByRole('button', { name: 'Opslaan' }).click();
  await expect(form.getByText('De einddatum ligt vóór de startdatum.')).toBeVisible();
  await form.getByLabel('Einde traject').fill('2025-12-19');
  await form.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Sterre de Boer is opgeslagen.' })).toBeVisible();
  const row = page.getByRole('row', { name: /Sterre de Boer/ });
  await expect(row).toContainText('Gemeente Assen');
  await expect(row).toContainText('S. de Boer');

  // The edit survives locking and unlocking (it was written to the vault, not just the page).
  await page.getByRole('button', { name: 'Vergrendelen' }).click();
  await page.getByLabel('Wachtwoord', { exact: true }).fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Ontgrendelen' }).click();
  await expect(page.getByRole('row', { name: /Sterre de Boer/ })).toContainText('Gemeente Assen', { timeout: 15_000 });
  await expect(page.getByRole('row', { name: /Sterre de Boer/ })).toContainText('2025');

  // Restore an encrypted backup: the list comes back exactly, edit included.
  const exported = await sendFromPage(page, { type: 'vault:export-backup' });
  expect(exported.ok).toBe(true);
  const deleted = await page.evaluate(async () => {
    const send = (m: unknown) => (globalThis as any).chrome.runtime.sendMessage(m);
    const list = await send({ type: 'clients:list' });
    const sterre = list.clients.find((c: { name: string }) => c.name === 'Sterre de Boer');
    return send({ type: 'clients:delete', id: sterre.id });
  });
  expect(deleted).toEqual({ ok: true });
  await page.reload();
  await expect(page.getByRole('rowheader', { name: /Sterre de Boer/ })).toHaveCount(0);
  const restored = await sendFromPage(page, { type: 'vault:restore-backup', backup: exported.backup as string, passphrase: PASSPHRASE });
  expect(restored).toEqual({ ok: true });
  await page.reload();
  await expect(page.getByRole('row', { name: /Sterre de Boer/ })).toContainText('Gemeente Assen', { timeout: 15_000 });
  await session.close();
  // Afterwards the profile on disk holds none of the registry's names, e-mail addresses or phone
  // numbers, in UTF-8 or UTF-16 (the vault's ciphertext is all there is).
  if (existsSync(REGISTRY_FILE)) {
    const registry = JSON.parse(readFileSync(REGISTRY_FILE, 'utf8'));
    expect(findReadable(session.userDataDir, sensitiveValues(registry))).toEqual([]);
  }
});

test('delete asks for confirmation; the context-menu selection prefills a new client', async ({ session }) => {
  await setupVault(session, {
    version: 1,
    clients: [
      { id: 'a1', name: 'Anouk Visser', organization: 'Gemeente Zwolle' },
      { id: 'b2', name: 'Bram Kok' },
    ],
  });
  const page = await openOptions(session);
  await expect(page.getByRole('rowheader', { name: /Anouk Visser/ })).toBeVisible();

  // Cancel keeps the client; confirm deletes it.
  await page.getByRole('button', { name: 'Anouk Visser verwijderen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Cliënt verwijderen?' });
  await expect(dialog).toContainText('Anouk Visser wordt uit uw lijst verwijderd');
  await expect(dialog.getByRole('button', { name: 'Annuleren' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('rowheader', { name: /Anouk Visser/ })).toBeVisible();
  await page.getByRole('button', { name: 'Anouk Visser verwijderen' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Verwijderen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Anouk Visser is verwijderd.' })).toBeVisible();
  await expect(page.getByRole('rowheader', { name: /Anouk Visser/ })).toHaveCount(0);
  expect((await overview(page)).clientCount).toBe(1);

  // "Als cliënt toevoegen": the background stores the selection in storage.session and opens #add-client.
  await page.evaluate(() =>
    (globalThis as any).chrome.storage.session.set({ 'discreet:add-client-prefill': { text: '  Carla   de Wit ', at: Date.now() } }),
  );
  const added = await openOptions(session, '#add-client');
  const form = added.getByRole('form', { name: 'Nieuwe cliënt' });
  await expect(form.getByLabel('Naam', { exact: true })).toHaveValue('Carla de Wit');
  await expect(form.getByText('Ingevuld met de tekst die u selecteerde.')).toBeVisible();
  // Used once, then gone; never written to storage.local.
  expect(await added.evaluate(() => (globalThis as any).chrome.storage.session.get('discreet:add-client-prefill'))).toEqual({});
  expect(JSON.stringify(await added.evaluate(() => (globalThis as any).chrome.storage.local.get(null)))).not.toContain('Carla');
  await form.getByRole('button', { name: 'Opslaan' }).click();
  await expect(added.getByRole('rowheader', { name: /Carla de Wit/ })).toBeVisible();
  expect((await overview(added)).clientCount).toBe(2);
});

test('import into an existing list: preview first, existing clients completed, others added', async ({ session }) => {
  test.skip(!existsSync(REGISTRY_FILE), `${REGISTRY_FILE} absent`);
  await setupVault(session, { version: 1, clients: [{ id: 'mine', name: 'Sterre de Boer' }] });
  const page = await openOptions(session);
  await expect(page.getByRole('rowheader', { name: /Sterre de Boer/ })).toBeVisible();
  await page.getByRole('button', { name: 'Lijst importeren' }).click();
  await page.getByLabel('Kies een bestand').setInputFiles(REGISTRY_FILE);
  const preview = page.getByRole('table', { name: /Voorbeeld van de import/ });
  await expect(preview.getByRole('row', { name: /Sterre de Boer/ })).toContainText('Samengevoegd');
  expect((await overview(page)).clientCount, 'nothing saved before "Importeren"').toBe(1);
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Importeren', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Import klaar: 19 nieuw, 1 bijgewerkt.' })).toBeVisible();
  await expect(page.getByText('20 van 20 cliënten')).toBeVisible();
  await expect(page.getByRole('row', { name: /Sterre de Boer/ })).toContainText('Gemeente Meppel');
});

test('settings are saved in the vault; the language switch takes effect', async ({ session }) => {
  await setupVault(session, { version: 1, clients: [{ id: 'a1', name: 'Anouk Visser' }] });
  const page = await openOptions(session, '#settings');
  await expect(page.getByRole('heading', { name: 'Instellingen', level: 2 })).toBeVisible();
  // The cited articles of the chosen code(s) can be read here (setupVault chose both).
  await page.getByText('Welke artikelen haalt Discreet aan?').click();
  await expect(page.getByText('LVSC-code art. 5 (digitale ethiek)')).toBeVisible();
  await expect(page.getByText('Gedragscode Register Loopbaanprofessional art. 2.1.4 (vertrouwelijkheid)')).toBeVisible();
  await page.getByRole('radio', { name: 'LVSC-gedragscode 2026' }).check();
  await expect(page.getByText('Gedragscode Register Loopbaanprofessional art. 2.1.4 (vertrouwelijkheid)')).toHaveCount(0);
  await page.getByRole('radio', { name: 'Beide' }).check();
  await expect(page.getByLabel('Slack')).toBeChecked();
  await page.getByLabel('Slack').uncheck();
  await page.getByLabel('Waarschuwen bij alleen een voornaam').uncheck();
  await page.getByLabel('Automatisch vergrendelen na').selectOption({ label: '30 minuten' });
  await page.getByLabel('Taal').selectOption('en');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Clients' })).toBeVisible();

  const settings = await sendFromPage(page, { type: 'settings:get' });
  expect(settings.settings).toMatchObject({
    language: 'en',
    autoLockMinutes: 30,
    firstNameAlone: false,
    protectedSites: { slack: false, gmail: true },
  });

  // The popup speaks English now, even while locked.
  await page.getByRole('button', { name: 'Lock' }).click();
  const popup = await openPopup(session);
  await expect(popup.getByRole('heading', { name: 'Locked' })).toBeVisible();
  await expect(popup.locator('html')).toHaveAttribute('lang', 'en');
});

test('retention: a client whose trajectory ended long ago is flagged in the list and counted in the popup', async ({ session }) => {
  await setupVault(session, { version: 1, clients: [{ id: 'a1', name: 'Anouk Visser' }, { id: 'b2', name: 'Bram Kok' }] });
  const page = await openOptions(session);
  await page.getByRole('button', { name: 'Bram Kok bewerken' }).click();
  await page.getByLabel('Einde traject').fill('2020-06-30');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByText('1 cliënt is toe aan verwijdering (bewaartermijn verstreken).')).toBeVisible();
  await expect(page.getByRole('row', { name: /Bram Kok/ })).toContainText('bewaartermijn verstreken');
  await page.getByLabel('Toon alleen deze cliënten').check();
  await expect(page.getByRole('rowheader')).toHaveCount(1);
  await expect(page.getByRole('rowheader', { name: /Bram Kok/ })).toBeVisible();

  const popup = await openPopup(session);
  await expect(popup.getByText('1 cliënt is toe aan verwijdering (bewaartermijn verstreken).')).toBeVisible();
  await expect(popup.getByText('2 cliënten in uw lijst')).toBeVisible();

  // One click (and a confirmation) deletes every client past the retention period, for real.
  await page.getByRole('button', { name: 'Verwijder deze cliënt' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Verwijderen' }).click();
  await expect(page.getByText('1 cliënt verwijderd.')).toBeVisible();
  await expect(page.getByRole('rowheader', { name: /Bram Kok/ })).toHaveCount(0);
  await expect(page.getByRole('rowheader', { name: /Anouk Visser/ })).toBeVisible();
  await expect(page.getByText('1 cliënt is toe aan verwijdering (bewaartermijn verstreken).')).toHaveCount(0);
});

test('locked while editing (e.g. auto-lock): what was typed is kept and saved after unlocking', async ({ session }) => {
  await setupVault(session, { version: 1, clients: [{ id: 'a1', name: 'Anouk Visser' }] }, PASSPHRASE);
  const page = await openOptions(session);
  await page.getByRole('button', { name: 'Cliënt toevoegen' }).click();
  await page.getByLabel('Naam', { exact: true }).fill('Carla de Wit');
  await page.getByLabel('Organisatie').fill('Gemeente Deventer');

  const popup = await openPopup(session);
  await popup.getByRole('button', { name: 'Nu vergrendelen' }).click();
  await expect(popup.getByRole('heading', { name: 'Vergrendeld' })).toBeVisible();

  await page.bringToFront();
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByText(/Wat u hebt ingevuld is bewaard/)).toBeVisible();
  await page.getByLabel('Wachtwoord', { exact: true }).fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Ontgrendelen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Carla de Wit is opgeslagen.' })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('row', { name: /Carla de Wit/ })).toContainText('Gemeente Deventer');
});

test('popup without a vault offers "Discreet instellen"', async ({ session }) => {
  const popup = await openPopup(session);
  await expect(popup.getByText('Discreet is nog niet ingesteld.', { exact: false })).toBeVisible();
  const opened = session.context.waitForEvent('page');
  await popup.getByRole('button', { name: 'Discreet instellen' }).click();
  const options = await opened;
  await expect(options).toHaveURL(/options\.html/);
  await expect(options.getByRole('heading', { name: 'Discreet instellen' })).toBeVisible();
});

test('options page and popup have no serious or critical accessibility violations (axe-core)', async ({ session }) => {
  test.setTimeout(120_000);
  const page = await session.context.newPage();
  const popup = await session.context.newPage();
  const found: Record<string, string[]> = {};

  await popup.goto(popupUrl(session));
  await expect(popup.getByRole('button', { name: 'Discreet instellen' })).toBeVisible();
  found['popup: no vault'] = await seriousViolations(popup);

  await page.goto(optionsUrl(session));
  await expect(page.getByRole('heading', { name: 'Discreet instellen' })).toBeVisible();
  found['wizard: code'] = await seriousViolations(page);
  await page.getByRole('button', { name: 'Volgende' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  found['wizard: code missing'] = await seriousViolations(page);
  await page.getByLabel('LVSC-gedragscode 2026').check();
  await page.getByRole('button', { name: 'Volgende' }).click();
  await page.getByLabel('Wachtwoord', { exact: true }).fill('kort');
  await page.getByRole('button', { name: 'Volgende' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  found['wizard: passphrase with errors'] = await seriousViolations(page);
  await page.goto('about:blank');

  // The rest with an existing list (and an import preview when the registry file is there).
  await page.goto(optionsUrl(session));
  await runWizard(page);
  found['wizard: done'] = await seriousViolations(page);
  await page.getByRole('button', { name: 'Naar mijn cliëntenlijst' }).click();
  found['client list: empty'] = await seriousViolations(page);
  await page.getByRole('button', { name: 'Cliënt toevoegen' }).click();
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByText('Vul een naam in.')).toBeVisible();
  found['client form with error'] = await seriousViolations(page);
  await page.getByLabel('Naam', { exact: true }).fill('Anouk Visser');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByRole('rowheader', { name: /Anouk Visser/ })).toBeVisible();
  found['client list'] = await seriousViolations(page);
  await page.getByRole('button', { name: 'Anouk Visser verwijderen' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  found['delete dialog'] = await seriousViolations(page);
  await page.keyboard.press('Escape');
  await page.getByRole('link', { name: 'Instellingen' }).click();
  await expect(page.getByRole('heading', { name: 'Instellingen', level: 2 })).toBeVisible();
  found['settings'] = await seriousViolations(page);

  await popup.reload();
  await expect(popup.getByText('Ontgrendeld: Discreet let op uw berichten.')).toBeVisible();
  found['popup: unlocked'] = await seriousViolations(popup);
  await popup.getByRole('button', { name: 'Nu vergrendelen' }).click();
  await expect(popup.getByRole('heading', { name: 'Vergrendeld' })).toBeVisible();
  found['popup: locked'] = await seriousViolations(popup);
  await popup.getByLabel('Wachtwoord', { exact: true }).fill('verkeerd wachtwoord');
  await popup.getByRole('button', { name: 'Ontgrendelen' }).click();
  await expect(popup.getByRole('alert')).toBeVisible({ timeout: 15_000 });
  found['popup: wrong passphrase'] = await seriousViolations(popup);

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Vergrendeld' })).toBeVisible();
  found['options: locked'] = await seriousViolations(page);

  expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, []])));

  // The check itself can fail: an image without a text alternative is reported.
  await page.evaluate(() => document.body.append(Object.assign(document.createElement('img'), { src: 'data:,' })));
  expect((await seriousViolations(page)).join('\n')).toContain('image-alt');
});

test('the import preview shows per-row problems before anything is saved', async ({ session }) => {
  const csv = test.info().outputPath('clienten.csv');
  writeFileSync(csv, 'naam;e-mail;organisatie\nAnouk Visser;anouk@example.nl;Gemeente Zwolle\n;zonder.naam@example.nl;Ergens\nBram Kok;bram@example.nl;\n');
  const page = await openOptions(session);
  await page.getByLabel('LVSC-gedragscode 2026').check();
  await page.getByRole('button', { name: 'Volgende' }).click();
  await page.getByLabel('Wachtwoord', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Herhaal het wachtwoord').fill(PASSPHRASE);
  await page.getByLabel('Ik begrijp dat mijn lijst zonder dit wachtwoord verloren is.').check();
  await page.getByRole('button', { name: 'Volgende' }).click();
  await page.getByLabel('Kies een bestand').setInputFiles(csv);
  const preview = page.getByRole('table', { name: /Voorbeeld van de import/ });
  await expect(preview.getByRole('row', { name: /Anouk Visser/ })).toContainText('Wordt toegevoegd');
  const skipped = preview.getByRole('row').filter({ hasText: 'Overgeslagen' });
  await expect(skipped).toHaveCount(1);
  await expect(skipped.getByRole('cell').first()).toHaveText('3');
  await expect(skipped.getByRole('listitem')).not.toHaveCount(0);
  await expect(page.getByText('Nieuwe cliënten: 2. Overgeslagen regels: 1.')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  expect((await overview(page)).setupNeeded).toBe(true);

  await page.getByRole('button', { name: 'Instellen', exact: true }).click();
  await expect(page.getByText('Uw lijst bevat 2 cliënten.')).toBeVisible({ timeout: 15_000 });
});

test('backup: download from the settings, restore on a new computer; passphrase change', async () => {
  test.setTimeout(120_000);
  const first = await launchWithExtension();
  let backupFile: string;
  try {
    await setupVault(first, { version: 1, clients: [{ id: 'a1', name: 'Anouk Visser' }] }, PASSPHRASE);
    const page = await openOptions(first, '#settings');
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Reservekopie downloaden' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^discreet-reservekopie-\d{4}-\d{2}-\d{2}\.discreet$/);
    backupFile = test.info().outputPath(download.suggestedFilename());
    await download.saveAs(backupFile);
    expect(readFileSync(backupFile, 'utf8')).not.toContain('Anouk');
    await expect(page.getByText(/Reservekopie gedownload als/)).toBeVisible();

    // Change the passphrase: a weak one is refused with a reason, a good one works.
    const change = page.getByRole('form', { name: 'Wachtwoord wijzigen' });
    await change.getByLabel('Huidig wachtwoord', { exact: true }).fill(PASSPHRASE);
    await change.getByLabel('Nieuw wachtwoord', { exact: true }).fill('wachtwoord1');
    await change.getByLabel('Herhaal het wachtwoord', { exact: true }).fill('wachtwoord1');
    await change.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
    await expect(change.getByRole('alert')).toContainText('te makkelijk te raden');
    const next = 'paarse olifanten dansen op zolder';
    await change.getByLabel('Nieuw wachtwoord', { exact: true }).fill(next);
    await change.getByLabel('Herhaal het wachtwoord', { exact: true }).fill(next);
    await change.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
    await expect(change.getByText(/Uw wachtwoord is gewijzigd/)).toBeVisible({ timeout: 15_000 });
    await page.getByRole('button', { name: 'Vergrendelen' }).click();
    await page.getByLabel('Wachtwoord', { exact: true }).fill(next);
    await page.getByRole('button', { name: 'Ontgrendelen' }).click();
    await expect(page.getByRole('heading', { name: 'Instellingen', level: 2 })).toBeVisible({ timeout: 15_000 });
  } finally {
    await first.close();
  }

  const second = await launchWithExtension();
  try {
    const page = await openOptions(second);
    await page.getByRole('button', { name: 'Reservekopie terugzetten' }).click();
    await page.getByLabel('Reservekopiebestand').setInputFiles(backupFile);
    await page.getByLabel('Wachtwoord', { exact: true }).fill('niet het goede wachtwoord');
    await page.getByRole('button', { name: 'Terugzetten' }).click();
    await expect(page.getByRole('alert')).toHaveText('Dit wachtwoord klopt niet. De lijst blijft vergrendeld.', { timeout: 15_000 });
    expect((await overview(page)).setupNeeded).toBe(true);
    await page.getByLabel('Wachtwoord', { exact: true }).fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Terugzetten' }).click();
    await expect(page.getByRole('rowheader', { name: /Anouk Visser/ })).toBeVisible({ timeout: 15_000 });
  } finally {
    await second.close();
  }
});

/** Presses Tab until the focused element's accessible label matches (fails after 40 presses). */
async function tabTo(page: Page, name: string | RegExp): Promise<void> {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const label = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return '';
      const aria = el.getAttribute('aria-label');
      if (aria) return aria;
      const labels = (el as HTMLInputElement).labels;
      if (labels && labels.length) return labels[0]!.textContent ?? '';
      return el.textContent ?? '';
    });
    if (typeof name === 'string' ? label.trim() === name : name.test(label)) return;
  }
  throw new Error(`Tab never reached ${name}`);
}

test('the wizard, the client list and the popup work with the keyboard alone', async ({ session }) => {
  test.setTimeout(120_000);
  const page = await openOptions(session);
  await expect(page.getByRole('heading', { name: 'Discreet instellen' })).toBeVisible();
  await tabTo(page, 'LVSC-gedragscode 2026');
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowDown'); // radio group: arrows move the choice
  await expect(page.getByLabel('Register Loopbaanprofessional 2025')).toBeChecked();
  await tabTo(page, 'Volgende');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Kies een wachtwoord' })).toBeFocused();
  await tabTo(page, 'Wachtwoord');
  await page.keyboard.type(PASSPHRASE);
  await tabTo(page, 'Herhaal het wachtwoord');
  await page.keyboard.type(PASSPHRASE);
  await tabTo(page, 'Ik begrijp dat mijn lijst zonder dit wachtwoord verloren is.');
  await page.keyboard.press('Space');
  await tabTo(page, 'Volgende');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /Uw cliënten toevoegen/ })).toBeFocused();
  await tabTo(page, 'Instellen');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Klaar' })).toBeFocused({ timeout: 15_000 });
  await tabTo(page, 'Naar mijn cliëntenlijst');
  await page.keyboard.press('Enter');

  // Add a client, then delete it, with the keyboard.
  await tabTo(page, 'Cliënt toevoegen');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Naam', { exact: true })).toBeFocused();
  await page.keyboard.type('Anouk Visser');
  await tabTo(page, 'Opslaan');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('rowheader', { name: /Anouk Visser/ })).toBeVisible();
  await tabTo(page, 'Anouk Visser verwijderen');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog').getByRole('button', { name: 'Annuleren' })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('rowheader', { name: /Anouk Visser/ })).toHaveCount(0);

  // Popup: lock and unlock with the keyboard.
  const popup = await openPopup(session);
  await tabTo(popup, 'Nu vergrendelen');
  await popup.keyboard.press('Enter');
  await expect(popup.getByLabel('Wachtwoord', { exact: true })).toBeFocused();
  await popup.keyboard.type(PASSPHRASE);
  await popup.keyboard.press('Enter');
  await expect(popup.getByText('Ontgrendeld: Discreet let op uw berichten.')).toBeVisible({ timeout: 15_000 });
});
