/** Runs a CLI entry under tsx, as a user would, and captures everything. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const TSX = join(ROOT, 'node_modules/.bin/tsx');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(entry: 'scan' | 'eval', args: string[], stdin = ''): CliRun {
  const r = spawnSync(TSX, [join(ROOT, `src/cli/${entry}.ts`), ...args], {
    cwd: ROOT,
    input: stdin,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, NO_COLOR: '1' },
  });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh temporary directory with the given files; returns their paths by name. */
export function tempFiles(files: Record<string, string | Uint8Array>): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'discreet-cli-'));
  const paths: Record<string, string> = {};
  for (const [name, content] of Object.entries(files)) {
    paths[name] = join(dir, name);
    writeFileSync(paths[name]!, content);
  }
  return paths;
}

/** A small valid registry. Names are fictional. */
export const REGISTRY = {
  version: 1,
  clients: [
    {
      id: 'c01',
      name: 'Sterre de Boer',
      aliases: [],
      identifiers: ['sterre.deboer@gmail.com', '06-21436587'],
      organization: 'Gemeente Meppel',
      details: ['jurist omgevingsrecht', 'Hoogeveen'],
    },
    { id: 'c02', name: 'Joost ter Haar', identifiers: ['j.terhaar@example.nl'], organization: 'Berkelland Foods' },
  ],
};

export const jsonl = (rows: unknown[]): string => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';
