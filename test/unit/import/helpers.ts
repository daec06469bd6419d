import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { importClients, type ImportOptions } from '../../../src/vault/import';
import type { ImportPreview, Problem } from '../../../src/vault/import/problems';
import type { Client } from '../../../src/registry';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/import/', import.meta.url));

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(FIXTURES + name));
}

/** Deterministic, name-free ids for assertions. */
export function sequentialIds(prefix = 'new-'): () => string {
  let n = 0;
  return () => `${prefix}${++n}`;
}

export function importFixture(name: string, options: ImportOptions = {}): ImportPreview {
  return importClients(fixture(name), name, { newId: sequentialIds(), ...options });
}

export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

export function importText(text: string, fileName = 'clients.csv', options: ImportOptions = {}): ImportPreview {
  return importClients(utf8(text), fileName, { newId: sequentialIds(), ...options });
}

export function codes(problems: readonly Problem[]): string[] {
  return problems.map((p) => p.code);
}

export function allProblems(p: ImportPreview): Problem[] {
  return [...p.errors, ...p.warnings, ...p.rows.flatMap((r) => r.problems)];
}

export function byName(p: ImportPreview, name: string): Client | undefined {
  return p.clients.find((c) => c.name === name);
}

export function withoutId({ id: _id, ...rest }: Client): Omit<Client, 'id'> {
  return rest;
}
