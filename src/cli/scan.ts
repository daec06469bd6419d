/**
 * `npm run -s scan -- --registry FILE < messages.jsonl > findings.jsonl`
 *
 * Reads JSON lines `{"id": "...", "text": "...", ...}` on stdin and writes one JSON line per message:
 * `{"id": "...", "findings": [...], "other": [...]}` (offsets are UTF-16 code units, end exclusive).
 * The whole input and the registry are validated before anything is written: on any problem the
 * output is empty, stderr names the line and the field (never the text), and the exit code is 2.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createDetector } from '../detect/index';
import type { Finding, OtherFinding } from '../detect/types';
import {
  EXIT,
  InputError,
  loadRegistryFile,
  parseJsonLines,
  printProblems,
  reportingFailures,
  readStdinBytes,
  splitLines,
  writeStdout,
} from './io';

const TOOL = 'scan';

const USAGE = `Usage: npm run -s scan -- --registry FILE < messages.jsonl

Finds mentions of registered clients in messages.

Input (stdin): one JSON object per line, {"id": "...", "text": "...", ...}.
  "id" is a non-empty string, "text" a string; other fields are ignored. Blank lines are skipped.
Output (stdout): one JSON line per message, in input order:
  {"id": "...", "findings": [{"start","end","clientId","kind","severity","evidence"}], "other": [...]}
  Offsets are JavaScript string offsets (UTF-16 code units), end exclusive.

Options:
  --registry FILE   the client registry (JSON, see src/registry.ts)
  -h, --help        show this help

Exit codes: 0 ok; 2 bad usage, registry or input (stdout stays empty; stderr names the line and
field, never the text); 3 the detector failed (stdout stays empty).
`;

/** One input line. `text` may be empty; `id` must be a non-empty string. */
const MessageLineSchema = z.looseObject({
  id: z.string().refine((s) => s.trim().length > 0, 'must not be empty'),
  text: z.string(),
});

function findingOut(f: Finding): Finding {
  return { start: f.start, end: f.end, clientId: f.clientId, kind: f.kind, severity: f.severity, evidence: f.evidence };
}

function otherOut(o: OtherFinding): OtherFinding {
  return { start: o.start, end: o.end, kind: o.kind, evidence: o.evidence };
}

async function main(argv: string[]): Promise<number> {
  let values: { registry?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { registry: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    // parseArgs names the unknown option, which is the user's own command line, not client data.
    printProblems(TOOL, [(err as Error).message, 'run with --help for usage']);
    return EXIT.badInput;
  }
  if (values.help) {
    await writeStdout(USAGE);
    return EXIT.ok;
  }
  if (!values.registry) {
    printProblems(TOOL, ['missing --registry FILE', 'run with --help for usage']);
    return EXIT.badInput;
  }

  const registryFile = values.registry;
  return reportingFailures(TOOL, async () => {
    const registry = loadRegistryFile(registryFile);
    if (process.stdin.isTTY) process.stderr.write(`${TOOL}: reading JSON lines from stdin (end with Ctrl-D)\n`);
    const lines = splitLines(await readStdinBytes(), 'input');
    const messages = parseJsonLines(lines, MessageLineSchema, 'input');

    const detector = createDetector(registry);
    const out: string[] = [];
    for (const { line, value } of messages) {
      let result;
      try {
        result = detector.scan(value.text);
      } catch (err) {
        // The error's message could contain text from the input: report only where and what type.
        throw new InputError([`internal error: the detector failed on input line ${line} (${(err as Error)?.name ?? 'error'})`], EXIT.internal);
      }
      out.push(JSON.stringify({ id: value.id, findings: result.findings.map(findingOut), other: result.other.map(otherOut) }));
    }
    await writeStdout(out.length ? out.join('\n') + '\n' : '');
    return EXIT.ok;
  });
}

process.exitCode = await main(process.argv.slice(2));
