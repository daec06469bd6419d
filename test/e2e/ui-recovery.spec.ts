/**
 * The vault's safety nets as a coach meets them in the options page and the popup:
 * - a damaged vault is explained, never overwritten, and "Vorige versie herstellen" or a backup brings the list back;
 * - repeated wrong passphrases say how long to wait;
 * - the unencrypted export warns, asks the passphrase again and exports nothing with a wrong one.
 */
import type { Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { seriousViolations } from './support/axe';
import { openOptions, openPopup, sendFromPage } from './support/extension-pages';
import { expect, test } from './support/session';
import { setupVault } from './support/vault';

const PASSPHRASE = 'zeven groene appels op de fiets';

/** Everything the vault keeps in storage.local (pointer, generations, attempt counter). */
async function vaultStorage(page: Page): Promise<Record<string, unknown>> {
  const all: Record<string, unknown> = await page.evaluate(() => (globalThis as any).chrome.storage.local.get(null));
  return Object.fromEntries(Object.entries(all).filter(([k]) => k.startsWith('vault.') && k !== 'vault.attempts'));
}

/**
 * Damages the current generation the way a disk error would: one character of its ciphertext changed.
 * Returns the storage key of that generation and its damaged text.
 */
async function damageCurrentGeneration(page: Page): Promise<{ key: string; damaged: string }> {
  return page.evaluate(async () => {
    const storage = (globalThis as any).chrome.storage.local;
    const { 'vault.pointer': pointer } = await storage.get('vault.pointer');
    const key = `vault.gen.${pointer.current}`;
    const env = JSON.parse((await storage.get(key))[key]);
    const i = Math.floor(env.ciphertext.length / 2);
    env.ciphertext = env.ciphertext.slice(0, i) + (env.ciphertext[i] === 'A' ? 'B' : 'A') + env.ciphertext.slice(i + 1);
    const damaged = JSON.stringify(env);
    await storage.set({ [key]: damaged });
    return { key, damaged };
  });
}

/** Unlocks with the right passphrase (options page or popup) and expects the list it finds to be unreadable. */
async function unlockUnreadable(page: Page): Promise<void> {
  await page.getByLabel('Wachtwoord', { exact: true }).fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Ontgrendelen' }).click();
  await expect(page.getByRole('heading', { name: 'Uw cliëntenlijst kan niet worden geopend' })).toBeVisible({ timeout: 20_000 });
}

test('a damaged list is explained, not overwritten, and "Vorige versie herstellen" brings it back', async ({ session }) => {
  test.setTimeout(120_000);
  await setupVault(session, { version: 1, clients: [{ id: 'a1', name: 'Anouk Visser' }] }, PASSPHRASE);
  const page = await openOptions(session);
  // A second saved version (the first one stays as the fallback).
  expect(await sendFromPage(page, { type: 'clients:save', client: { name: 'Bram Kok' } })).toMatchObject({ ok: true });
  const { key, damaged } = await damageCurrentGeneration(page);
  await sendFromPage(page, { type: 'vault:lock' });
  const before = await vaultStorage(page);

  await page.reload();
  await unlockUnreadable(page);
  await expect(page.getByRole('alert')).toContainText('is beschadigd');
  await expect(page.getByRole('alert')).toContainText('Discreet heeft niets overschreven of gewist');
  await expect(page.getByRole('button', { name: 'Vorige versie herstellen' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Reservekopie terugzetten' })).toBeVisible();
  // Never an offer to start over.
  await expect(page.getByRole('button', { name: /instellen/i })).toHaveCount(0);
  expect(await seriousViolations(page)).toEqual([]);
  // Nothing was written: the damaged generation and the pointer are exactly as they were.
  expect(await vaultStorage(page)).toEqual(before);
  expect((await sendFromPage(page, { type: 'ui:overview' })).locked).toBe(true);

  // "Reservekopie terugzetten" opens the restore form; cancelling goes back to unlocking.
  await page.getByRole('button', { name: 'Reservekopie terugzetten' }).click();
  await expect(page.getByRole('heading', { name: 'Reservekopie terugzetten' })).toBeVisible();
  await page.getByRole('button', { name: 'Annuleren' }).click();
  await expect(page.getByRole('heading', { name: 'Vergrendeld' })).toBeVisible();
  await unlockUnreadable(page);

  await page.getByRole('button', { name: 'Vorige versie herstellen' }).click();
  await expect(page.getByRole('rowheader', { name: /Anouk Visser/ })).toBeVisible({ timeout: 20_000 });
  // The version before the last change: Bram Kok was that change.
  await expect(page.getByRole('rowheader', { name: /Bram Kok/ })).toHaveCount(0);
  // The damaged generation is kept aside, untouched.
  expect((await page.evaluate((k) => (globalThis as any).chrome.storage.local.get(k), key))[key]).toBe(damaged);
});

test('a list from a newer Discreet is left untouched; the previous version can be opened', async ({ session }) => {
  test.setTimeout(120_000);
  await setupVault(session, { version: 1, clients: [{ id: 'a1', name: 'Anouk Visser' }] }, PASSPHRASE);
  const page = await openOptions(session);
  expect(await sendFromPage(page, { type: 'clients:save', client: { name: 'Bram Kok' } })).toMatchObject({ ok: true });
  // What a future Discreet might write: a newer envelope version.
  const key = await page.evaluate(async () => {
    const storage = (globalThis as any).chrome.storage.local;
    const { 'vault.pointer': pointer } = await storage.get('vault.pointer');
    const key = `vault.gen.${pointer.current}`;
    const env = JSON.parse((await storage.get(key))[key]);
    await storage.set({ [key]: JSON.stringify({ ...env, envelopeVersion: 99 }) });
    return key;
  });
  await sendFromPage(page, { type: 'vault:lock' });
  const before = await vaultStorage(page);

  await page.reload();
  await unlockUnreadable(page);
  await expect(page.getByRole('alert')).toContainText('nieuwere versie van Discreet');
  await expect(page.getByRole('alert')).toContainText('Werk Discreet bij');
  // Restoring a backup over it would be refused (never overwritten), so it is not offered here.
  await expect(page.getByRole('button', { name: 'Reservekopie terugzetten' })).toHaveCount(0);
  expect(await vaultStorage(page)).toEqual(before);

  await page.getByRole('button', { name: 'Vorige versie herstellen' }).click();
  await expect(page.getByRole('rowheader', { name: /Anouk Visser/ })).toBeVisible({ timeout: 20_000 });
  // The newer version's data is still there, set aside for when Discreet is updated.
  expect((await page.evaluate((k) => (globalThis as any).chrome.storage.local.get(k), key))[key]).toBe(before[key]);
});

test('popup: damaged list without a previous version → "Reservekopie terugzetten" restores the backup', async ({ session }) => {
  test.setTimeout(120_000);
  await setupVault(session, { version: 1, clients: [{ id: 'a1', name: 'Anouk Visser' }] }, PASSPHRASE);
  const page = await openOptions(session);
  const backup = await sendFromPage(page, { type: 'vault:export-backup' });
  expect(backup.ok).toBe(true);
  const backupFile = test.info().outputPath('reservekopie.discreet');
  writeFileSync(backupFile, backup.backup);
  const { key, damaged } = await damageCurrentGeneration(page);
  await sendFromPage(page, { type: 'vault:lock' });
  const before = await vaultStorage(page);
  await page.close();

  const popup = await openPopup(session);
  await unlockUnreadable(popup);
  expect(await seriousViolations(popup)).toEqual([]);
  // The only version is the damaged one: the popup says so and points at the backup.
  await popup.getByRole('button', { name: 'Vorige versie herstellen' }).click();
  await expect(popup.getByText('Er is geen leesbare vorige versie. Zet een reservekopie terug.')).toBeVisible({ timeout: 20_000 });
  expect(await vaultStorage(popup)).toEqual(before);

  const opened = session.context.waitForEvent('page');
  await popup.getByRole('button', { name: 'Reservekopie terugzetten' }).click();
  const options = await opened;
  await expect(options).toHaveURL(/options\.html#restore$/);
  await expect(options.getByRole('heading', { name: 'Reservekopie terugzetten' })).toBeVisible();
  await options.getByLabel('Reservekopiebestand').setInputFiles(backupFile);
  await options.getByLabel('Wachtwoord', { exact: true }).fill(PASSPHRASE);
  await options.getByRole('button', { name: 'Terugzetten' }).click();
  await expect(options.getByRole('rowheader', { name: /Anouk Visser/ })).toBeVisible({ timeout: 20_000 });
  // The damaged generation is still there, set aside (quarantined), never overwritten.
  expect((await options.evaluate((k) => (globalThis as any).chrome.storage.local.get(k), key))[key]).toBe(damaged);
});

test('repeated wrong passphrases: the popup says how long to wait', async ({ session }) => {
  test.setTimeout(120_000);
  await setupVault(session, { version: 1, clients: [{ id: 'a1', name: 'Anouk Visser' }] }, PASSPHRASE);
  const popup = await openPopup(session);
  await popup.getByRole('button', { name: 'Nu vergrendelen' }).click();
  const field = popup.getByLabel('Wachtwoord', { exact: true });
  const alert = popup.getByRole('alert');
  const unlock = popup.getByRole('button', { name: 'Ontgrendelen' });
  for (let i = 1; i <= 2; i++) {
    await field.fill(`verkeerd wachtwoord ${i}`);
    await unlock.click();
    await expect(alert).toHaveText('Dit wachtwoord klopt niet. De lijst blijft vergrendeld.', { timeout: 20_000 });
    await expect(unlock).toBeEnabled({ timeout: 20_000 });
  }
  // After three wrong ones in a row each further attempt waits: 1 s, then 2 s, …
  await field.fill('verkeerd wachtwoord 3');
  await unlock.click();
  await expect(alert).toHaveText('Dit wachtwoord klopt niet. De lijst blijft vergrendeld. Probeer het over 1 seconde opnieuw.', { timeout: 20_000 });
  await field.fill('verkeerd wachtwoord 4');
  await unlock.click();
  await expect(alert).toHaveText('Dit wachtwoord klopt niet. De lijst blijft vergrendeld. Probeer het over 2 seconden opnieuw.', { timeout: 20_000 });
  // The right passphrase still works (after the wait) and resets the counter.
  await field.fill(PASSPHRASE);
  await unlock.click();
  await expect(popup.getByText('Ontgrendeld: Discreet let op uw berichten.')).toBeVisible({ timeout: 20_000 });
});

test('unencrypted export: warning, passphrase again, nothing with a wrong one, CSV refusal explained', async ({ session }) => {
  test.setTimeout(120_000);
  await setupVault(
    session,
    {
      version: 1,
      clients: [
        { id: 'a1', name: 'Anouk Visser', identifiers: ['anouk@example.nl'] },
        { id: 'b2', name: 'Bram Kok', aliases: ['Bram | Brammetje'] },
      ],
    },
    PASSPHRASE,
  );
  const page = await openOptions(session, '#settings');
  const downloads: string[] = [];
  page.on('download', (d) => void downloads.push(d.suggestedFilename()));

  await page.getByRole('button', { name: 'Onversleutelde lijst exporteren' }).click();
  const form = page.getByRole('form', { name: 'Onversleutelde lijst exporteren' });
  await expect(form.getByRole('heading', { name: 'Onversleutelde lijst exporteren' })).toBeFocused();
  await expect(form).toContainText('kan iedereen lezen die het in handen krijgt');
  await expect(form).toContainText('Gebruik liever de versleutelde reservekopie');
  await expect(form.getByLabel('JSON')).toBeChecked();
  expect(await seriousViolations(page)).toEqual([]);

  // A wrong passphrase: said plainly, nothing downloaded.
  await form.getByLabel('Wachtwoord ter bevestiging').fill('niet het goede wachtwoord');
  await form.getByRole('button', { name: 'Exporteren' }).click();
  await expect(form.getByRole('alert')).toHaveText('Dit wachtwoord klopt niet. Er is niets geëxporteerd.', { timeout: 20_000 });
  expect(downloads).toEqual([]);

  // CSV cannot carry "Bram | Brammetje" unchanged: refused with the reason and the advice to choose JSON.
  await form.getByLabel('CSV').check();
  await form.getByLabel('Wachtwoord ter bevestiging').fill(PASSPHRASE);
  await form.getByRole('button', { name: 'Exporteren' }).click();
  await expect(form.getByRole('alert')).toContainText('Kies JSON', { timeout: 20_000 });
  await expect(form.getByRole('alert')).not.toContainText('Bram');
  expect(downloads).toEqual([]);

  // JSON with the right passphrase: downloaded, and the page says what to do with the file.
  await form.getByLabel('JSON').check();
  const downloading = page.waitForEvent('download');
  await form.getByRole('button', { name: 'Exporteren' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^discreet-clientenlijst-onversleuteld-\d{4}-\d{2}-\d{2}\.json$/);
  const file = test.info().outputPath(download.suggestedFilename());
  await download.saveAs(file);
  const exported = JSON.parse(readFileSync(file, 'utf8'));
  expect(exported.clients.map((c: { name: string }) => c.name).sort()).toEqual(['Anouk Visser', 'Bram Kok']);
  await expect(page.getByRole('status').filter({ hasText: /is gedownload als discreet-clientenlijst-onversleuteld/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Onversleutelde lijst exporteren' })).toBeFocused();
  // The list stayed unlocked throughout.
  expect((await sendFromPage(page, { type: 'ui:overview' })).locked).toBe(false);
});
