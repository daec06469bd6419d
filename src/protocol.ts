/**
 * The one typed set of messages between content scripts, extension pages and the background.
 *
 * The background validates every request with these schemas (a page cannot forge its way in,
 * a malformed message is refused with a reason). Content scripts import only the *types* from
 * here (`import type`), so zod never lands in the content-script bundle, which loads on every page.
 */
import { z } from 'zod';
import { RegistrySchema } from './registry';
import type { Finding } from './detect/types';

export const CodeChoice = z.enum(['lvsc', 'rl', 'both']);
export type CodeChoice = z.infer<typeof CodeChoice>;

const passphrase = z.string().min(1).max(1024);

/** Requests any extension context may send (content scripts included). */
export const ContentRequest = z.discriminatedUnion('type', [
  z.object({ type: z.literal('status') }),
  z.object({
    type: z.literal('scan'),
    /** The editor's plain text (body, or subject). Capped so a hostile page cannot exhaust memory. */
    text: z.string().max(10_000_000),
  }),
]);
export type ContentRequest = z.infer<typeof ContentRequest>;

/** Requests only extension pages (options, popup) may send: they touch the vault. */
export const PageRequest = z.discriminatedUnion('type', [
  z.object({ type: z.literal('vault:setup'), passphrase, registry: RegistrySchema, code: CodeChoice }),
  z.object({ type: z.literal('vault:unlock'), passphrase }),
  z.object({ type: z.literal('vault:lock') }),
]);
export type PageRequest = z.infer<typeof PageRequest>;

export interface StatusResponse {
  /** true when no vault exists yet (first run not finished). */
  setupNeeded: boolean;
  locked: boolean;
}

/** A finding as the content script sees it: offsets plus what to show the coach. */
export interface GuardFinding extends Finding {
  /** The client's display name, shown in the mark's tooltip and the warning dialog (closed shadow root only). */
  clientLabel: string;
}

export type ScanResponse = { locked: true } | { locked: false; findings: GuardFinding[] };

export type Result = { ok: true } | { ok: false; error: string };
