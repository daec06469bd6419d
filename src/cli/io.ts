/**
 * Input handling shared by the CLIs: the registry file, JSON-lines input, argument errors.
 *
 * Privacy rule: error messages name files, line/column positions, field paths and fixed reasons.
 * They never contain text from the input (no message text, no names, no values), because the
 * input is client data. Everything is validated before anything is written to stdout.
 */
import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { RegistrySchema, type Registry } from '../registry';
import { findJsonSyntaxError, lineColumn, locateJsonPath } from './json-locate';

/** Exit codes of the CLIs. */
export const EXIT = {
  ok: 0,
  /** `eval --check`: a metric is below its threshold. */
  checkFailed: 1,
  /** Bad usage, unreadable or invalid registry/corpus/input. Nothing was written to stdout. */
  badInput: 2,
  /** The detector threw. Nothing was written to stdout. */
  internal: 3,
} as const;

/** How many problems are listed before "… and N more". */
export const MAX_LISTED_PROBLEMS = 10;

/** A problem with the user's input. `problems` are complete, privacy-safe lines for stderr. */
export class InputError extends Error {
  constructor(readonly problems: string[], readonly exitCode: number = EXIT.badInput) {
    super(problems.join('\n'));
    this.name = 'InputError';
  }
}

/** Lines for stderr, capped at MAX_LISTED_PROBLEMS. */
export function capProblems(problems: string[]): string[] {
  if (problems.length <= MAX_LISTED_PROBLEMS) return problems;
  const more = problems.length - MAX_LISTED_PROBLEMS;
  return [...problems.slice(0, MAX_LISTED_PROBLEMS), `… and ${more} more problem${more === 1 ? '' : 's'}`];
}

/** A zod issue as `field <path>: <reason>`; a missing field is called missing. zod's messages do not echo input values. */
export function describeIssue(issue: z.ZodError['issues'][number], input: unknown, root = 'the value'): string {
  const what = issue.path.length ? `field "${issue.path.map(String).join('.')}"` : root;
  if (issue.code === 'invalid_type' && issue.path.length && valueAt(input, issue.path) === undefined) {
    return `${what} is missing (expected ${issue.expected})`;
  }
  return `${what}: ${issue.message}`;
}

function valueAt(value: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let v: unknown = value;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(v, k)) return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

function errnoReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a directory';
    default:
      return code ? `read error ${code}` : 'read error';
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decodeUtf8(bytes: Uint8Array, label: string): string {
  try {
    return stripBom(utf8.decode(bytes));
  } catch {
    throw new InputError([`${label}: not valid UTF-8 text`]);
  }
}

function stripBom(s: string): string {
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

/** Reads a whole file, or throws an InputError naming the file and the reason. */
export function readFileBytes(path: string, label: string): Buffer {
  try {
    return readFileSync(path);
  } catch (err) {
    throw new InputError([`${label} ${path}: cannot read it (${errnoReason(err)})`]);
  }
}

/** Reads a whole file as UTF-8, or throws an InputError naming the file and the reason. */
export function readTextFile(path: string, label: string): string {
  return decodeUtf8(readFileBytes(path, label), `${label} ${path}`);
}

/** Parses JSON; a syntax error is reported by line, column and a fixed reason, never by quoting the text. */
export function parseJsonSafely(src: string, label: string): unknown {
  try {
    return JSON.parse(src);
  } catch {
    const e = findJsonSyntaxError(src);
    if (!e) throw new InputError([`${label}: not valid JSON`]);
    const { line, column } = lineColumn(src, e.offset);
    throw new InputError([`${label}, line ${line} column ${column}: not valid JSON: ${e.reason}`]);
  }
}

/** Parses and validates a registry JSON text. Problems name the file, the line and the field path. */
export function parseRegistry(src: string, label: string): Registry {
  const data = parseJsonSafely(src, label);
  const result = RegistrySchema.safeParse(data);
  if (result.success) return result.data;
  // Locating a path re-reads the file, so only the listed problems are located.
  const issues = result.error.issues;
  const listed = issues.slice(0, MAX_LISTED_PROBLEMS).map((issue) => {
    const offset = locateJsonPath(src, issue.path as Array<string | number>);
    const at = offset >= 0 ? `, line ${lineColumn(src, offset).line}` : '';
    return `${label}${at}: ${describeIssue(issue, data, 'the registry')}`;
  });
  throw new InputError(capProblems([...listed, ...issues.slice(MAX_LISTED_PROBLEMS).map(() => '')]));
}

/** Reads, parses and validates a registry file. */
export function loadRegistryFile(path: string): Registry {
  const label = `registry file ${path}`;
  return parseRegistry(readTextFile(path, 'registry file'), label);
}

export interface NumberedLine {
  /** 1-based line number in the input. */
  line: number;
  text: string;
}

/** Splits UTF-8 bytes into lines (LF or CRLF), decoding each line separately so an encoding error names its line. */
export function splitLines(bytes: Uint8Array, label: string): NumberedLine[] {
  const out: NumberedLine[] = [];
  let start = 0;
  let line = 1;
  const problems: string[] = [];
  for (;;) {
    let end = bytes.indexOf(0x0a, start);
    const last = end === -1;
    if (last) end = bytes.length;
    let stop = end;
    if (stop > start && bytes[stop - 1] === 0x0d) stop--;
    try {
      let text = utf8.decode(bytes.subarray(start, stop));
      if (line === 1) text = stripBom(text);
      out.push({ line, text });
    } catch {
      problems.push(`${label} line ${line}: not valid UTF-8 text`);
    }
    if (last) break;
    start = end + 1;
    line++;
  }
  if (problems.length) throw new InputError(capProblems(problems));
  return out;
}

/**
 * Parses JSON lines and validates each with `schema`. Blank lines are skipped. All lines are checked
 * before returning; every problem names the line number and the field.
 */
export function parseJsonLines<S extends z.ZodType>(
  lines: NumberedLine[],
  schema: S,
  label: string,
): Array<{ line: number; value: z.infer<S> }> {
  const items: Array<{ line: number; value: z.infer<S> }> = [];
  const problems: string[] = [];
  for (const { line, text } of lines) {
    if (text.trim() === '') continue;
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      const e = findJsonSyntaxError(text);
      problems.push(`${label} line ${line}: not valid JSON${e ? ` (column ${lineColumn(text, e.offset).column}: ${e.reason})` : ''}`);
      continue;
    }
    const result = schema.safeParse(data);
    if (result.success) items.push({ line, value: result.data });
    else for (const issue of result.error.issues) problems.push(`${label} line ${line}: ${describeIssue(issue, data, 'the line')}`);
  }
  if (problems.length) throw new InputError(capProblems(problems));
  return items;
}

/** Reads all of stdin as bytes. */
export async function readStdinBytes(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

let pipeGuard = false;

/**
 * Writes to stdout and resolves when the data has been handed off (so exit codes are set after output).
 * A reader that goes away early (`| head`) ends the process quietly instead of crashing on EPIPE.
 */
export function writeStdout(data: string): Promise<void> {
  if (!pipeGuard) {
    pipeGuard = true;
    process.stdout.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw err;
    });
  }
  return new Promise((resolve, reject) => {
    if (data === '') return resolve();
    process.stdout.write(data, (err) => (err && (err as NodeJS.ErrnoException).code !== 'EPIPE' ? reject(err) : resolve()));
  });
}

/** Prints problems on stderr, prefixed with the tool name. */
export function printProblems(tool: string, problems: string[]): void {
  for (const p of problems) process.stderr.write(`${tool}: ${p}\n`);
}

/**
 * Runs a CLI's work and turns its failure into an exit code: an InputError's own privacy-safe lines, or for
 * anything else only the error's type (its message could quote the input).
 */
export async function reportingFailures(tool: string, work: () => Promise<number>): Promise<number> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof InputError) {
      printProblems(tool, err.problems);
      return err.exitCode;
    }
    printProblems(tool, [`internal error (${(err as Error)?.name ?? 'error'})`]);
    return EXIT.internal;
  }
}
