/**
 * The one typed set of messages between content scripts, extension pages and the background.
 * Every message is validated at the receiving end: a page cannot forge its way in, and a
 * malformed message is refused with a reason instead of being half-handled.
 */
import { z } from 'zod';

export const StatusRequest = z.object({ type: z.literal('status') });

export const StatusResponse = z.object({
  /** true when no vault exists yet (first run not finished). */
  setupNeeded: z.boolean(),
  locked: z.boolean(),
});
export type StatusResponse = z.infer<typeof StatusResponse>;

export const Request = z.discriminatedUnion('type', [StatusRequest]);
export type Request = z.infer<typeof Request>;
