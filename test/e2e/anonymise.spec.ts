/**
 * Anonymise and "send anyway, recorded", end to end: the built extension on the fixture apps at their real URLs.
 * What a coach would notice: the warning's "Anonimiseren" replaces every client mention through the editor itself
 * (the app's own model sends the placeholders, the rest of the text is untouched, undo brings the original back),
 * the coach reads it through and sends again; "send anyway" sends once and leaves a record without message text.
 */
import type { Page } from '@playwright/test';
import { DRAFT, DRAFT_CLIENTS, EXPECTED, SECRETS } from './support/clients';
import { dialogOpen, dialogText, marksText, noticeText } from './support/guard-ui';
import { expect, test } from './support/session';
import { openApp, type AppHandle, type AppName } from './support/sites';
import { typeInto } from './support/typing';
import { lockVault, saveConsent, send } from './support/vault';

test.use({
  registry: {
    version: 1 as const,
    clients: [
      ...DRAFT_CLIENTS,
      // Teams fixture: the chat is with Anouk de Wit; LinkedIn messaging with Sanne Bakker.
      { id: 'c4', name: 'Anouk de Wit' },
      { id: 'c5', name: 'Sanne Bakker' },
    ],
  },
});

/** In the warning: focus starts on "Terug naar bewerken"; the buttons before it are "Toch versturen…", then "Anonimiseren". */
async function anonymiseByKeyboard(page: Page): Promise<void> {
  await expect.poll(() => dialogText(page)).toContain('Anonimiseren');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await expect.poll(() => dialogOpen(page)).toBe(false);
}

interface Case {
  app: AppName;
  surface: string;
  prepare?: (app: AppHandle) => Promise<void>;
}

const CASES: Case[] = [
  { app: 'gmail', surface: 'compose1' },
  { app: 'slack', surface: 'channel' },
  { app: 'teams', surface: 'chat' },
  { app: 'linkedin-feed', surface: 'post' },
  { app: 'linkedin-feed', surface: 'comment', prepare: (app) => app.page.locator('.artdeco-modal__dismiss').click() },
  // Beyond the five asked for: the other two plain contenteditables.
  { app: 'outlook', surface: 'compose' },
  { app: 'linkedin-messaging', surface: 'message' },
];

for (const c of CASES) {
  test(`${c.app} ${c.surface}: Anonymise replaces every mention through the editor, the coach sends again, the app sends only placeholders`, async ({ session }) => {
    const app = await openApp(session.context, c.app);
    const { page } = app;
    await c.prepare?.(app);
    await typeInto(app, c.surface, DRAFT);
    expect(await app.editorText(c.surface)).toBe(DRAFT);

    await app.surface(c.surface).send.click();
    await expect.poll(() => dialogText(page)).toContain('Marieke Verhoeven');
    await anonymiseByKeyboard(page);

    // The editor's own model holds the placeholders (not just the screen), and the rest is unchanged.
    await expect.poll(() => app.editorText(c.surface)).toBe(EXPECTED);
    await expect.poll(() => noticeText(page)).toContain('Geanonimiseerd');
    expect(await app.sent()).toEqual([]); // never sent by itself: the coach reads it through first

    await app.surface(c.surface).send.click();
    await expect.poll(async () => (await app.sent()).length).toBe(1);
    const sent = (await app.sent())[0]!;
    expect(sent.text).toBe(EXPECTED);
    for (const s of SECRETS) expect(JSON.stringify(sent).toLowerCase()).not.toContain(s.toLowerCase());
    expect(await dialogOpen(page)).toBe(false);
    await page.waitForTimeout(300);
    expect((await app.sent()).length).toBe(1);
  });
}

test('gmail: the subject is anonymised too, with the same letters as the body; undo restores both', async ({ session }) => {
  const app = await openApp(session.context, 'gmail');
  const { page } = app;
  const compose = app.surface('compose1');
  await compose.subject!.click();
  await page.keyboard.type('Over Bram Koster');
  await typeInto(app, 'compose1', DRAFT);
  await compose.send.click();
  await expect.poll(() => dialogText(page)).toContain('Bram Koster');
  await anonymiseByKeyboard(page);
  // Bram appears first (in the subject), so he is client A everywhere.
  const body = 'Gisteren sprak ik cliënt B en cliënt A bij [organisatie]. Mail [e-mailadres] als cliënt A het goed vindt.';
  await expect.poll(() => app.editorText('compose1')).toBe(body);
  await expect(compose.subject!).toHaveValue('Over cliënt A');

  // Chrome keeps ONE undo stack per page: Ctrl+Z in the body first undoes the body's steps, then the subject's.
  let steps = 0;
  while (((await app.editorText('compose1')) !== DRAFT || (await compose.subject!.inputValue()) !== 'Over Bram Koster') && steps < 10) {
    await page.keyboard.press('Control+z');
    steps++;
    await page.waitForTimeout(50);
  }
  test.info().annotations.push({ type: 'undo-steps', description: `gmail subject+body: ${steps}` });
  console.log(`undo steps gmail subject+body: ${steps}`);
  expect(await compose.subject!.inputValue()).toBe('Over Bram Koster');
  expect(await app.editorText('compose1')).toBe(DRAFT);
  // And forward again.
  for (let i = 0; i < steps; i++) await page.keyboard.press('Control+Shift+z');
  await expect(compose.subject!).toHaveValue('Over cliënt A');
  await expect.poll(() => app.editorText('compose1')).toBe(body);

  await compose.send.click();
  await expect.poll(async () => (await app.sent()).length).toBe(1);
  const sent = (await app.sent())[0]!;
  expect(sent.subject).toBe('Over cliënt A');
  expect(sent.text).toBe(body);
});

test('slack (Quill): one undo brings the whole original message back', async ({ session }) => {
  const app = await openApp(session.context, 'slack');
  const { page } = app;
  await typeInto(app, 'channel', DRAFT);
  await page.keyboard.press('Enter');
  // Quill's history merges changes less than a second apart: a coach reads the warning for longer than that
  // (anonymising at once would make that undo take the last typed words with it).
  await page.waitForTimeout(1100);
  await anonymiseByKeyboard(page);
  await expect.poll(() => app.editorText('channel')).toBe(EXPECTED);
  await page.keyboard.press('Control+z');
  await expect.poll(() => app.editorText('channel')).toBe(DRAFT);
});

/** How many Ctrl+Z it takes to get the original back (for the report; not every editor can do it in one). */
for (const c of [
  { app: 'gmail' as const, surface: 'compose1' },
  { app: 'teams' as const, surface: 'chat' },
  { app: 'linkedin-feed' as const, surface: 'comment', prepare: (app: AppHandle) => app.page.locator('.artdeco-modal__dismiss').click() },
  { app: 'linkedin-feed' as const, surface: 'post' },
  { app: 'slack' as const, surface: 'channel' },
]) {
  test(`${c.app} ${c.surface}: undo after Anonymise brings the original back (steps counted)`, async ({ session }) => {
    const app = await openApp(session.context, c.app);
    const { page } = app;
    await c.prepare?.(app);
    await typeInto(app, c.surface, DRAFT);
    await app.surface(c.surface).send.click();
    await page.waitForTimeout(1100); // the coach reads the warning (editors group changes made within a second)
    await anonymiseByKeyboard(page);
    await expect.poll(() => app.editorText(c.surface)).toBe(EXPECTED);
    let steps = 0;
    while ((await app.editorText(c.surface)) !== DRAFT && steps < 8) {
      await page.keyboard.press('Control+z');
      steps++;
      await page.waitForTimeout(50);
    }
    test.info().annotations.push({ type: 'undo-steps', description: `${c.app} ${c.surface}: ${steps}` });
    console.log(`undo steps ${c.app} ${c.surface}: ${steps}`);
    expect(await app.editorText(c.surface)).toBe(DRAFT);
  });
}

test('intervision mode: once switched on, Anonymise is the focused default of the next warning for that message', async ({ session }) => {
  const app = await openApp(session.context, 'slack');
  const { page } = app;
  await typeInto(app, 'channel', 'Casus van Bram Koster');
  await page.keyboard.press('Enter');
  await expect.poll(() => dialogText(page)).toContain('Intervisiemodus');
  // Back is focused; before it come "Toch versturen…", "Anonimiseren", then the toggle.
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Space');
  await page.keyboard.press('Escape');
  await expect.poll(() => dialogOpen(page)).toBe(false);
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await expect.poll(() => dialogOpen(page)).toBe(true);
  // Enter on the focused default action anonymises.
  await page.keyboard.press('Enter');
  await expect.poll(() => app.editorText('channel')).toBe('Casus van cliënt A');
  expect(await app.sent()).toEqual([]);
});

/** Send anyway with reason "Anders" and a note, by keyboard. */
async function sendAnywayOther(page: Page, note: string): Promise<void> {
  await page.keyboard.press('Shift+Tab'); // "Toch versturen…"
  await page.keyboard.press('Enter');
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown'); // consent → legal → safety → false alarm → other
  await page.keyboard.press('Tab'); // the note (required for "other")
  await page.keyboard.type(note);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
}

test('send anyway with reason "other" sends exactly once and records the reason and note, never the text', async ({ session }) => {
  const app = await openApp(session.context, 'slack');
  const { page } = app;
  const draft = 'Vraag over Bram Koster en Marieke Verhoeven';
  await typeInto(app, 'channel', draft);
  await page.keyboard.press('Enter');
  await expect.poll(() => dialogText(page)).toContain('Bram Koster');
  await sendAnywayOther(page, 'overleg met de huisarts, afgesproken');
  await expect.poll(async () => (await app.sent()).length).toBe(1);
  expect((await app.sent())[0]!.text).toBe(draft);
  await page.waitForTimeout(300);
  expect((await app.sent()).length).toBe(1);

  const answer = await send(session, { type: 'log:list' });
  expect(answer.ok).toBe(true);
  expect(answer.entries).toHaveLength(1);
  const entry = answer.entries[0];
  expect(entry).toMatchObject({ app: 'slack', situation: 'third-party', reason: 'other', note: 'overleg met de huisarts, afgesproken' });
  expect([...entry.clientIds].sort()).toEqual(['c1', 'c2']);
  // What is stored: ids, app, channel kind, reason and note; never the message (names are looked up for the list only).
  const { clientLabels: _labels, ...stored_ } = entry;
  const stored = JSON.stringify(stored_);
  for (const word of ['Vraag', 'Bram', 'Koster', 'Marieke', 'Verhoeven']) expect(stored).not.toContain(word);
  expect(await noticeText(page)).not.toContain('niet vastleggen');
});

test('send anyway when the reason cannot be recorded (the vault locked meanwhile): sent exactly once, and the coach is told', async ({ session }) => {
  const app = await openApp(session.context, 'slack');
  const { page } = app;
  const draft = 'Vraag over Bram Koster';
  await typeInto(app, 'channel', draft);
  await page.keyboard.press('Enter');
  await expect.poll(() => dialogText(page)).toContain('Bram Koster');
  await lockVault(session); // e.g. the auto-lock while the coach reads the warning
  await page.bringToFront();
  await sendAnywayOther(page, 'eigen notitie');
  await expect.poll(async () => (await app.sent()).length).toBe(1);
  expect((await app.sent())[0]!.text).toBe(draft);
  await expect.poll(() => noticeText(page)).toContain('kon je reden niet vastleggen');
  await page.waitForTimeout(300);
  expect((await app.sent()).length).toBe(1);
});

test('"false alarm" with "stop warning" ticked: the same words in the same kind of message no longer stop the send', async ({ session }) => {
  const app = await openApp(session.context, 'slack');
  const { page } = app;
  const draft = 'Brammetje kwam langs';
  await typeInto(app, 'channel', draft);
  await page.keyboard.press('Enter');
  await expect.poll(() => dialogText(page)).toContain('Bram Koster');
  await page.keyboard.press('Shift+Tab'); // "Toch versturen…"
  await page.keyboard.press('Enter');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown'); // consent → legal → safety → false alarm
  await expect.poll(() => dialogText(page)).toContain('Niet meer waarschuwen voor ‘Brammetje’');
  await page.keyboard.press('Tab'); // the "stop warning" box (off by default)
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await app.sent()).length).toBe(1);
  const log = await send(session, { type: 'log:list' });
  expect(log.entries[0]).toMatchObject({ reason: 'false-alarm', clientIds: ['c2'] });

  await page.bringToFront();
  await typeInto(app, 'channel', draft);
  await page.waitForTimeout(600);
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await app.sent()).length).toBe(2);
  expect(await dialogOpen(page)).toBe(false);
});

test('consent shown in words: covered in the mark (not blocking), expired in the warning (still blocking)', async ({ session }) => {
  await saveConsent(session, {
    clientId: 'c2',
    information: ['name'],
    audience: { emails: ['intervisie@example.nl'] },
    purpose: 'intervisieverslag',
    givenOn: '2026-03-12',
  });
  await saveConsent(session, {
    clientId: 'c1',
    information: ['name'],
    audience: { emails: ['intervisie@example.nl'] },
    purpose: 'getuigenis',
    givenOn: '2025-01-10',
    validUntil: '2026-01-31',
  });
  const app = await openApp(session.context, 'gmail');
  const { page } = app;
  // compose1 goes to intervisie@example.nl.
  await typeInto(app, 'compose1', 'Verslag over Bram Koster');
  await expect.poll(() => marksText(page)).toContain('Toestemming van 12 maart 2026 voor intervisieverslag');
  await page.waitForTimeout(400);
  await app.surface('compose1').send.click();
  await expect.poll(async () => (await app.sent()).length).toBe(1); // covered: no warning
  expect(await dialogOpen(page)).toBe(false);

  await typeInto(app, 'compose1', 'Verslag over Marieke Verhoeven');
  await page.waitForTimeout(400);
  await app.surface('compose1').send.click();
  await expect.poll(() => dialogText(page)).toContain('Toestemming verlopen op 31 januari 2026');
  expect((await app.sent()).length).toBe(1);
});
