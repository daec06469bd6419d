/**
 * Sets up and unlocks the vault through the same messages the options page sends,
 * from an extension page context (the only context allowed to touch the vault).
 */
import type { ConsentDraftInput } from '../../../src/protocol';
import type { RegistryInput } from '../../../src/registry';
import type { ExtensionSession } from './extension';
import { openOptions, sendFromPage } from './extension-pages';

/** Sends one message to the background from an extension page (as the options page does) and returns the answer. */
export async function send(session: ExtensionSession, message: unknown): Promise<any> {
  const page = await openOptions(session);
  try {
    return await sendFromPage(page, message);
  } finally {
    await page.close();
  }
}

export async function setupVault(
  session: ExtensionSession,
  registry: RegistryInput,
  passphrase = 'demo-wachtwoord-voor-tests-42',
): Promise<void> {
  const result = (await send(session, { type: 'vault:setup', passphrase, registry, code: 'both' })) as { ok: boolean; error?: string };
  if (!result?.ok) throw new Error(`vault:setup failed: ${result?.error ?? 'no answer'}`);
}

export async function unlockVault(session: ExtensionSession, passphrase: string): Promise<{ ok: boolean; error?: string }> {
  return (await send(session, { type: 'vault:unlock', passphrase })) as { ok: boolean; error?: string };
}

export async function lockVault(session: ExtensionSession): Promise<void> {
  await send(session, { type: 'vault:lock' });
}

/** Registers (or replaces, with an id) a client's consent through the options page's `consents:save` message. Returns its id. */
export async function saveConsent(session: ExtensionSession, consent: ConsentDraftInput): Promise<string> {
  const result = (await send(session, { type: 'consents:save', consent })) as { ok: boolean; id?: string; error?: string };
  if (!result?.ok || !result.id) throw new Error(`consents:save failed: ${result?.error ?? 'no answer'}`);
  return result.id;
}
