/**
 * The encrypted vault in the real browser: setup, lock, wrong and right passphrase, a service-worker
 * restart that keeps it unlocked, and nothing readable on disk afterwards.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { watchServiceWorker } from './support/extension';
import { openOptions } from './support/extension-pages';
import { filesUnder, findReadable } from './support/profile';
import { expect, test } from './support/session';
import { lockVault, send, unlockVault } from './support/vault';

const PASSPHRASE = 'paars-vliegtuig-onder-kaasschaaf-42';

/** Distinctive values, so finding one on disk cannot be a coincidence. */
const registry = {
  version: 1 as const,
  clients: [
    {
      id: 'e1',
      name: 'Wilhelmina Oosterhuis',
      aliases: ['Mientje Oosterhuis'],
      identifiers: ['w.oosterhuis@voorbeeldpost.nl', '+31 6 48213975'],
      organization: 'Zorggroep Kwakkelstein',
      details: ['Ijsbeeldhouwster'],
    },
    {
      id: 'e2',
      name: 'Bartholomeus Quakernaat',
      aliases: [],
      identifiers: ['b.quakernaat@voorbeeldpost.nl', '0612987634'],
      details: [],
    },
  ],
};
const NEEDLES = [
  'Wilhelmina',
  'Oosterhuis',
  'Mientje',
  'w.oosterhuis@voorbeeldpost.nl',
  '48213975',
  'Kwakkelstein',
  'Ijsbeeldhouwster',
  'Bartholomeus',
  'Quakernaat',
  'b.quakernaat@voorbeeldpost.nl',
  '0612987634',
];

test.use({ registry, passphrase: PASSPHRASE });

test('the vault locks, refuses a wrong passphrase, survives a worker restart and leaves nothing readable on disk', async ({ session }) => {
  test.setTimeout(120_000);
  let parkedKey = '';
  expect(await send(session, { type: 'status' })).toEqual({ setupNeeded: false, locked: false });

  await lockVault(session);
  expect(await send(session, { type: 'status' })).toEqual({ setupNeeded: false, locked: true });
  expect((await send(session, { type: 'scan', text: 'Groeten aan Wilhelmina Oosterhuis' })).locked).toBe(true);

  expect(await unlockVault(session, 'een-verkeerd-wachtwoord-1')).toEqual({ ok: false, error: 'wrong-passphrase' });
  expect((await send(session, { type: 'status' })).locked).toBe(true);

  expect(await unlockVault(session, PASSPHRASE)).toEqual({ ok: true });
  const scan = await send(session, { type: 'scan', text: 'Groeten aan Wilhelmina Oosterhuis' });
  expect(scan.locked).toBe(false);
  expect(scan.findings.length).toBeGreaterThan(0);

  // Auto-lock is scheduled through chrome.alarms, 8 hours (the default) after the last activity.
  const alarm = await session.serviceWorker.evaluate(async () => (globalThis as any).chrome.alarms.get('discreet-autolock'));
  expect(alarm?.scheduledTime - Date.now()).toBeGreaterThan(7.9 * 3600_000);
  expect(alarm?.scheduledTime - Date.now()).toBeLessThanOrEqual(8 * 3600_000);

  // Only the derived key is parked in memory-only session storage; remember it to look for it on disk.
  const parked = await session.serviceWorker.evaluate(async () => (globalThis as any).chrome.storage.session.get(null));
  parkedKey = parked['vault.session.key']?.master ?? '';
  expect(parkedKey).toMatch(/^[A-Za-z0-9+/]{43}=$/);

  // Stop the service worker through the DevTools protocol, then wake it with a message.
  const watcher = await openOptions(session);
  const worker = await watchServiceWorker(watcher);
  await worker.stop();
  const stoppedAt = worker.statuses.length;
  // A fresh worker answers: still unlocked (it re-opened the vault with the key parked in storage.session).
  expect(await send(session, { type: 'status' })).toEqual({ setupNeeded: false, locked: false });
  expect(worker.statuses.slice(stoppedAt)).toContain('running');
  await worker.detach();
  await watcher.close();
  const again = await send(session, { type: 'scan', text: 'Mail van b.quakernaat@voorbeeldpost.nl' });
  expect(again.locked).toBe(false);
  expect(again.findings.length).toBeGreaterThan(0);
  await session.close();

  // Every file of the profile: extension storage (LevelDB), IndexedDB, caches, preferences, logs.
  const files = filesUnder(session.userDataDir);
  const extensionStorage = files.filter((f) => f.includes(`Local Extension Settings${path.sep}${session.extensionId}`));
  expect(extensionStorage.length).toBeGreaterThan(0);
  // Positive control: the envelope is on disk and readable, so the search below really looks at it.
  expect(extensionStorage.some((f) => readFileSync(f).includes('discreet-vault'))).toBe(true);

  // Nor the parked session key (reported as the value after the NEEDLES).
  expect(findReadable(session.userDataDir, [...NEEDLES, ...(parkedKey ? [parkedKey] : [])])).toEqual([]);
});
