/** Shared constants and the line protocol between the benchmark and its per-size child process. */

export const REGISTRY_SEED = 20_261_123;
export const TEXT_SEED = 4242;
/** Text lengths in UTF-16 code units (the prose is nearly all ASCII, so ≈ bytes). */
export const SHORT_TEXT = 5_000;
export const LONG_TEXT = 100_000;

export type TaskName = 'heap' | 'build' | 'scan5' | 'rescan' | 'scan100';

export interface ChildMessage {
  /** start of a task; first: duration of its first call; result / error: its outcome; done: all tasks ran. */
  type: 'start' | 'first' | 'result' | 'error' | 'done';
  task: TaskName;
  /** Median milliseconds. */
  median?: number;
  runs?: number;
  /** Only one run was timed, without warm-up (the first call already exceeded the time budget). */
  cold?: boolean;
  /** heap: retained bytes; null when gc was not available. */
  bytes?: number | null;
  /** scan100: number of findings in the long text. */
  findings?: number;
  /** error: the error's name only. */
  error?: string;
}
