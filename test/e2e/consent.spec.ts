/**
 * The consent register end to end, in the Gmail fixture: a client's written consent to report to the
 * employer's HR address lets exactly that e-mail go without a warning; anyone else among the recipients,
 * or a consent that has ended, still stops the send.
 */
import { dialogOpen, dialogText, expectMarked } from './support/guard-ui';
import { expect, test } from './support/session';
import { openApp, type AppHandle } from './support/sites';
import { typeInto } from './support/typing';
import { saveConsent, send } from './support/vault';

test.use({
  registry: {
    version: 1 as const,
    clients: [{ id: 'c1', name: 'Marieke Verhoeven', identifiers: ['marieke.verhoeven@example.com'], organization: 'Gemeente Zwolle' }],
  },
});
const HR = 'hr@gemeente-zwolle.nl';
// The name last: the caret stays in the mention, so its tooltip (read through the closed shadow root) shows.
const DRAFT = 'Voortgangsrapport van dit kwartaal over Marieke Verhoeven';

/** A local calendar day relative to today, YYYY-MM-DD (the extension judges dates in the coach's local day). */
function day(offset: number): string {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const consent = (validUntil: string) => ({
  clientId: 'c1',
  information: ['name' as const, 'report' as const],
  audience: { emails: [HR], domains: [], publicPosts: false },
  party: 'werkgever (Gemeente Zwolle)',
  purpose: 'voortgangsrapport',
  givenOn: day(-90),
  validUntil,
});

/** compose1 starts addressed to intervisie@example.nl: replace that with `to` (and add `cc`), then type the draft. */
async function compose(app: AppHandle, to: string, cc?: string): Promise<void> {
  const root = app.surface('compose1').root;
  await root.locator('.anm[name=to] [aria-label="Remove intervisie@example.nl"]').click();
  await app.surface('compose1').recipientInput!.fill(to);
  await app.surface('compose1').recipientInput!.press('Enter');
  if (cc) {
    await root.locator('.anm[name=cc] input').fill(cc);
    await root.locator('.anm[name=cc] input').press('Enter');
  }
  await expect(app.surface('compose1').recipients!).toHaveCount(cc ? 2 : 1);
  await typeInto(app, 'compose1', DRAFT);
  await expectMarked(app.page, 'Marieke Verhoeven');
}

test('a valid consent for the HR address: the report to that address alone goes out once, without a warning', async ({ session }) => {
  await saveConsent(session, consent(day(90)));
  const app = await openApp(session.context, 'gmail');
  await compose(app, HR);
  await app.surface('compose1').send.click();
  await expect.poll(async () => (await app.sent()).length).toBe(1);
  expect(await app.sent()).toEqual([expect.objectContaining({ surface: 'compose1', text: DRAFT, to: [HR] })]);
  expect(await dialogOpen(app.page)).toBe(false);
  await app.page.waitForTimeout(300);
  expect((await app.sent()).length).toBe(1);
});

test('the same report to another address at the same employer is stopped', async ({ session }) => {
  await saveConsent(session, consent(day(90)));
  const app = await openApp(session.context, 'gmail');
  await compose(app, 'teamleider@gemeente-zwolle.nl');
  await app.surface('compose1').send.click();
  await expect.poll(() => dialogText(app.page)).toContain('Marieke Verhoeven');
  expect(await app.sent()).toEqual([]);
});

test('the same report with a colleague in Cc is stopped', async ({ session }) => {
  await saveConsent(session, consent(day(90)));
  const app = await openApp(session.context, 'gmail');
  await compose(app, HR, 'collega@praktijk.nl');
  await app.page.keyboard.press('Control+Enter');
  await expect.poll(() => dialogText(app.page)).toContain('Marieke Verhoeven');
  expect(await app.sent()).toEqual([]);
});

test('a consent that ended yesterday no longer lets the report go', async ({ session }) => {
  await saveConsent(session, consent(day(-1)));
  const app = await openApp(session.context, 'gmail');
  await compose(app, HR);
  await app.surface('compose1').send.click();
  await expect.poll(() => dialogText(app.page)).toContain('Marieke Verhoeven');
  expect(await app.sent()).toEqual([]);
});

test('the accountability log through the real background: stored encrypted, listed with names, exported only with the passphrase', async ({ session }) => {
  const logged = (await send(session, { type: 'log:send-anyway', app: 'gmail', situation: 'third-party', clientIds: ['c1'], reason: 'other', note: 'Op verzoek van de cliënt' })) as any;
  expect(logged).toMatchObject({ ok: true });
  expect(await send(session, { type: 'log:send-anyway', app: 'gmail', situation: 'third-party', clientIds: ['c1'], reason: 'other' })).toEqual({ ok: false, error: 'note-required' });
  const list = (await send(session, { type: 'log:list' })) as any;
  expect(list.entries).toEqual([expect.objectContaining({ id: logged.id, app: 'gmail', clientIds: ['c1'], clientLabels: ['Marieke Verhoeven'], reason: 'other', note: 'Op verzoek van de cliënt' })]);
  // On disk only the encrypted envelope: neither the note nor the name is readable there.
  const stored = JSON.stringify(await session.serviceWorker.evaluate(() => (globalThis as any).chrome.storage.local.get(null)));
  expect(stored).toContain('vault.pointer');
  expect(stored).not.toMatch(/Op verzoek|Marieke|send-anyway|"reason"/);
  expect(await send(session, { type: 'log:export-csv', passphrase: 'niet het wachtwoord' })).toEqual({ ok: false, error: 'wrong-passphrase' });
  expect(await send(session, { type: 'log:export-csv' })).toEqual({ ok: false, error: 'bad-request' });
  const csv = (await send(session, { type: 'log:export-csv', passphrase: 'demo-wachtwoord-voor-tests-42' })) as any;
  expect(csv.ok).toBe(true);
  expect(csv.text).toMatch(/^\uFEFFdatum en tijd;app;soort kanaal;cliënten;reden;toelichting\r\n\d{4}-\d\d-\d\d \d\d:\d\d;Gmail;bericht aan een derde;Marieke Verhoeven;anders;Op verzoek van de cliënt\r\n$/);
});
