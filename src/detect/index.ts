/**
 * Detection engine entry point. Stable API: `createDetector(registry, options?).scan(text)`.
 * Pure TypeScript with no browser globals: runs in the background worker, the CLI, the
 * evaluation and the benchmarks alike.
 */
export { createDetector } from './engine';
export type { Detector, DetectorOptions, Finding, FindingKind, OtherFinding, OtherKind, ScanResult, Severity } from './types';
