/**
 * `npm run check:release`: builds what Discreet ships (Chrome MV3, Firefox MV2, Firefox MV3) into a
 * private directory and checks the builds, not the sources:
 *
 *   manifest   permissions, host access, content-script reach, CSP, web-accessible resources and the other
 *              keys of test/release/manifest.ts equal test/release/expected-manifest.json, and the hard
 *              rules hold (no tabs/history/cookies/webRequest…, https-only hosts, the one CSP)
 *   lint       `web-ext lint` on both Firefox builds: fails on errors, prints warnings
 *   network    no network API or absolute URL in any shipped file except the entries of
 *              test/release/network-allowlist.ts (each with its reason)
 *   size       the content script (guard.js, minified, loaded on every protected page) stays
 *              within its budget of 60 KB (60,000 bytes); its size is printed for every build
 *
 *   options: --from DIR        check existing builds in DIR/{chrome-mv3,firefox-mv2,firefox-mv3} (no build)
 *            --keep            keep the private build directory (printed) for inspection
 *            --only a,b        run only some checks (manifest, lint, network, size)
 *            --update-manifest write the built manifests' reach into expected-manifest.json (then review the diff!)
 *
 * Builds go to a temporary directory, never .output/, so other builds in the same checkout are left alone.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'wxt';
import {
  diffReach,
  hardRuleViolations,
  reachSummary,
  TARGETS,
  type ExpectedManifestFile,
  type Target,
} from '../test/release/manifest';
import { isScanned, scanText, type Hit } from '../test/release/network-scan';
import { NETWORK_ALLOWLIST } from '../test/release/network-allowlist';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const EXPECTED_FILE = path.join(ROOT, 'test/release/expected-manifest.json');
const CHECKS = ['manifest', 'lint', 'network', 'size'] as const;
/** The content script's budget: it is parsed on every page of the five apps, before they load. */
const CONTENT_SCRIPT = 'guard.js';
const CONTENT_SCRIPT_BUDGET = 60_000;
type Check = (typeof CHECKS)[number];

const BUILDS: Record<Target, { browser: string; manifestVersion: 2 | 3 }> = {
  'chrome-mv3': { browser: 'chrome', manifestVersion: 3 },
  'firefox-mv2': { browser: 'firefox', manifestVersion: 2 },
  'firefox-mv3': { browser: 'firefox', manifestVersion: 3 },
};

function parseArgs(argv: string[]) {
  const opts = { from: undefined as string | undefined, keep: false, only: [...CHECKS] as Check[], updateManifest: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--from') opts.from = path.resolve(argv[++i] ?? '');
    else if (a === '--keep') opts.keep = true;
    else if (a === '--update-manifest') opts.updateManifest = true;
    else if (a === '--only') {
      const list = (argv[++i] ?? '').split(',').filter(Boolean);
      for (const c of list) if (!CHECKS.includes(c as Check)) throw new Error(`--only: unknown check "${c}" (have: ${CHECKS.join(', ')})`);
      opts.only = list as Check[];
    } else if (a === '-h' || a === '--help') {
      console.log(readFileSync(new URL(import.meta.url), 'utf8').split('*/')[0]);
      process.exit(0);
    } else throw new Error(`Unknown argument: ${a}`);
  }
  return opts;
}

const quietLogger = {
  debug() {},
  log() {},
  info() {},
  success() {},
  warn: (...a: unknown[]) => console.warn('  [wxt]', ...a),
  error: (...a: unknown[]) => console.error('  [wxt]', ...a),
  fatal: (...a: unknown[]) => console.error('  [wxt]', ...a),
  level: 3,
};

async function buildAll(outBase: string): Promise<void> {
  for (const target of TARGETS) {
    const { browser, manifestVersion } = BUILDS[target];
    const t = Date.now();
    await build({ root: ROOT, browser, manifestVersion, outDir: outBase, logger: quietLogger as any });
    console.log(`  built ${target} in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  }
}

function filesUnder(dir: string, base = dir): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...filesUnder(p, base));
    else out.push(path.relative(base, p).split(path.sep).join('/'));
  }
  return out.sort();
}

const readManifest = (outBase: string, target: Target) => JSON.parse(readFileSync(path.join(outBase, target, 'manifest.json'), 'utf8'));

// ---------------------------------------------------------------------------------------------- manifest

function checkManifests(outBase: string, update: boolean): string[] {
  const failures: string[] = [];
  const expectedFile: ExpectedManifestFile & Record<string, unknown> = JSON.parse(readFileSync(EXPECTED_FILE, 'utf8'));
  for (const target of TARGETS) {
    const manifest = readManifest(outBase, target);
    for (const v of hardRuleViolations(manifest)) failures.push(`${target}: ${v}`);
    const actual = reachSummary(manifest);
    if (update) {
      expectedFile.targets[target] = actual;
      continue;
    }
    const expected = expectedFile.targets?.[target];
    if (!expected) {
      failures.push(`${target}: no entry in ${path.relative(ROOT, EXPECTED_FILE)}`);
      continue;
    }
    const diff = diffReach(expected, actual);
    if (diff.length) failures.push(`${target}: manifest differs from ${path.relative(ROOT, EXPECTED_FILE)}\n${diff.join('\n')}`);
  }
  if (update) {
    writeFileSync(EXPECTED_FILE, JSON.stringify(expectedFile, null, 2) + '\n');
    console.log(`  wrote ${path.relative(ROOT, EXPECTED_FILE)}: review the diff, it is a change to what Discreet may do`);
  }
  return failures;
}

// -------------------------------------------------------------------------------------------------- lint

interface LintMessage {
  code: string;
  message: string;
  description?: string;
  file?: string;
  line?: number;
  column?: number;
}

function runLint(dir: string): Promise<{ errors: LintMessage[]; warnings: LintMessage[]; notices: LintMessage[] }> {
  const bin = path.join(ROOT, 'node_modules/web-ext/bin/web-ext.js');
  return new Promise((resolve, reject) => {
    // NO_UPDATE_NOTIFIER: web-ext's CLI would otherwise ask the npm registry for a newer web-ext.
    const child = spawn(process.execPath, [bin, 'lint', '--source-dir', dir, '--output', 'json', '--no-config-discovery'], {
      env: { ...process.env, NO_UPDATE_NOTIFIER: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const start = out.indexOf('{');
      try {
        const report = JSON.parse(out.slice(start));
        resolve({ errors: report.errors ?? [], warnings: report.warnings ?? [], notices: report.notices ?? [] });
      } catch {
        reject(new Error(`web-ext lint on ${dir} exited ${code} without a JSON report:\n${out}\n${err}`));
      }
    });
  });
}

const fmtLint = (m: LintMessage) =>
  `${m.code} ${m.file ?? ''}${m.line ? `:${m.line}` : ''}${m.column ? `:${m.column}` : ''}: ${m.message}${m.description ? ` (${m.description.replace(/\s+/g, ' ').slice(0, 220)})` : ''}`;

async function checkLint(outBase: string): Promise<string[]> {
  const failures: string[] = [];
  const targets = TARGETS.filter((t) => t.startsWith('firefox'));
  const reports = await Promise.all(targets.map((t) => runLint(path.join(outBase, t))));
  targets.forEach((target, i) => {
    const r = reports[i]!;
    console.log(`  web-ext lint ${target}: ${r.errors.length} errors, ${r.warnings.length} warnings, ${r.notices.length} notices`);
    for (const w of r.warnings) console.log(`    warning ${fmtLint(w)}`);
    for (const n of r.notices) console.log(`    notice  ${fmtLint(n)}`);
    for (const e of r.errors) failures.push(`${target}: web-ext lint error ${fmtLint(e)}`);
  });
  return failures;
}

// ----------------------------------------------------------------------------------------------- network

/** Backs the papaparse allow-list entries: no source file that imports papaparse asks it to download or spawn a worker. */
function papaparseOptionsProblems(): string[] {
  const problems: string[] = [];
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((n) => {
      const p = path.join(dir, n);
      return statSync(p).isDirectory() ? walk(p) : /\.(ts|tsx)$/.test(n) ? [p] : [];
    });
  for (const file of [...walk(path.join(ROOT, 'src')), ...walk(path.join(ROOT, 'entrypoints'))]) {
    const text = readFileSync(file, 'utf8');
    if (!/from ['"]papaparse['"]/.test(text)) continue;
    for (const m of text.matchAll(/\b(download|worker|downloadRequestHeaders|downloadRequestBody)\s*:/g)) {
      problems.push(`${path.relative(ROOT, file)}: papaparse option "${m[1]}:" would let it load from the network or spawn a worker`);
    }
  }
  return problems;
}

function checkNetwork(outBase: string): string[] {
  const failures: string[] = [];
  const used = new Map<string, number>();
  let scannedFiles = 0;
  for (const target of TARGETS) {
    const dir = path.join(outBase, target);
    const unexplained: Hit[] = [];
    for (const rel of filesUnder(dir)) {
      if (!isScanned(rel)) continue;
      scannedFiles++;
      for (const hit of scanText(rel, readFileSync(path.join(dir, rel), 'utf8'), NETWORK_ALLOWLIST)) {
        if (hit.allowedBy) used.set(hit.allowedBy, (used.get(hit.allowedBy) ?? 0) + 1);
        else unexplained.push(hit);
      }
    }
    for (const h of unexplained) failures.push(`${target}/${h.file}:${h.line} (offset ${h.offset}) ${h.pattern} "${h.text}"\n    ${h.excerpt}`);
  }
  for (const e of NETWORK_ALLOWLIST) {
    if (!used.has(e.id)) failures.push(`allow-list entry "${e.id}" matches nothing in any build any more: remove it from test/release/network-allowlist.ts`);
  }
  failures.push(...papaparseOptionsProblems());
  console.log(
    `  scanned ${scannedFiles} files; allowed: ${NETWORK_ALLOWLIST.map((e) => `${e.id} ×${used.get(e.id) ?? 0}`).join(', ')}`,
  );
  return failures;
}

// ---------------------------------------------------------------------------------------------------- size

function checkSize(outBase: string): string[] {
  const failures: string[] = [];
  for (const target of TARGETS) {
    const file = path.join(outBase, target, CONTENT_SCRIPT);
    let bytes: number;
    try {
      bytes = statSync(file).size;
    } catch {
      failures.push(`${target}: ${CONTENT_SCRIPT} is missing`);
      continue;
    }
    const kb = (bytes / 1000).toFixed(1);
    console.log(`  ${target}/${CONTENT_SCRIPT}: ${bytes} bytes (${kb} KB of ${CONTENT_SCRIPT_BUDGET / 1000} KB)`);
    if (bytes > CONTENT_SCRIPT_BUDGET) {
      failures.push(`${target}/${CONTENT_SCRIPT} is ${bytes} bytes (${kb} KB), over its budget of ${CONTENT_SCRIPT_BUDGET} bytes: keep texts and libraries in the background`);
    }
  }
  return failures;
}

// ---------------------------------------------------------------------------------------------------- main

async function main(): Promise<number> {
  const opts = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const outBase = opts.from ?? mkdtempSync(path.join(tmpdir(), 'discreet-release-'));
  let failed = 0;
  try {
    if (!opts.from) {
      console.log(`== check:release: building ${TARGETS.join(', ')} into ${outBase}`);
      await buildAll(outBase);
    }
    const run = async (name: Check, fn: () => string[] | Promise<string[]>) => {
      if (!opts.only.includes(name)) return;
      const t = Date.now();
      console.log(`== ${name}`);
      const failures = await fn();
      for (const f of failures) console.error(`  FAIL ${f}`);
      console.log(`  ${failures.length ? `${failures.length} problem(s)` : 'ok'} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
      failed += failures.length;
    };
    // Lint (two child processes, CPU-bound) runs while the in-process checks run.
    const lint = opts.only.includes('lint') ? checkLint(outBase) : null;
    await run('manifest', () => checkManifests(outBase, opts.updateManifest));
    await run('network', () => checkNetwork(outBase));
    await run('size', () => checkSize(outBase));
    if (lint) await run('lint', () => lint);
  } finally {
    if (!opts.from && !opts.keep) rmSync(outBase, { recursive: true, force: true });
    else if (!opts.from) console.log(`  builds kept in ${outBase}`);
  }
  console.log(`== check:release ${failed ? 'FAILED' : 'passed'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(2);
  },
);
