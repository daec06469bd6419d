/**
 * The client registry: the coach's client list in its plain (decrypted) form.
 * This is the JSON format of the development corpus and also the plain import format of the vault.
 * Validated with zod wherever it enters: import files, the vault's plaintext, the CLI.
 */
import { z } from 'zod';

const text = z.string().trim().min(1).max(500);

export const ClientSchema = z.object({
  id: z.string().trim().min(1).max(100),
  name: text,
  aliases: z.array(text).max(50).default([]),
  /** Strong identifiers: e-mail, phone, file number, street address, LinkedIn URL. */
  identifiers: z.array(text).max(50).default([]),
  /** Employer or commissioning organisation. */
  organization: text.optional(),
  /** Weak quasi-identifiers (job title, town, hobby): identifying only in combination. */
  details: z.array(text).max(50).default([]),
});
export type Client = z.infer<typeof ClientSchema>;

export const RegistrySchema = z
  .object({
    version: z.literal(1),
    clients: z.array(ClientSchema).max(100_000),
  })
  .superRefine((reg, ctx) => {
    const seen = new Set<string>();
    reg.clients.forEach((c, i) => {
      if (seen.has(c.id)) ctx.addIssue({ code: 'custom', path: ['clients', i, 'id'], message: `duplicate client id` });
      seen.add(c.id);
    });
  });
export type Registry = z.infer<typeof RegistrySchema>;
export type RegistryInput = z.input<typeof RegistrySchema>;

/** A readable one-line description of the first problems zod found, naming the field path. Never echoes values. */
export function describeZodError(error: z.ZodError, max = 3): string {
  return error.issues
    .slice(0, max)
    .map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`)
    .join('; ');
}
