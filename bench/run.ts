/**
 * `npm run bench`: every benchmark in one go, each in its own process so one cannot skew the
 * next. Flags pass through (`--check` makes a missed target exit 1; `--browser` also times a
 * real unlock in Chromium). The exit code is the worst of the parts.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const tsx = path.resolve(here, '../node_modules/.bin/tsx');
const args = process.argv.slice(2);

const parts: { file: string; flags: string[] }[] = [
  { file: 'detect.bench.ts', flags: args.filter((a) => a !== '--browser') },
  { file: 'vault.bench.ts', flags: args.filter((a) => a === '--browser') },
  { file: 'guard.bench.ts', flags: args.filter((a) => a === '--check') },
];

let worst = 0;
for (const { file, flags } of parts) {
  process.stdout.write(`\n=== ${file}\n`);
  const r = spawnSync(tsx, [path.join(here, file), ...flags], { stdio: 'inherit' });
  worst = Math.max(worst, r.status ?? 1);
}
process.exit(worst);
