/** Public types of the detection engine. Pure data: no browser globals. */

export type FindingKind = 'name' | 'identifier' | 'organization' | 'detail';

/** How sure the engine is that a span identifies the client. */
export type Severity = 'high' | 'medium' | 'low';

/** A mention of a registered client. Offsets are UTF-16 code units into the scanned text, end exclusive. */
export interface Finding {
  start: number;
  end: number;
  clientId: string;
  kind: FindingKind;
  severity: Severity;
  /** What was recognised, in the engine's words (e.g. "surname", "e-mail address", "typo of first name"). Never the text itself. */
  evidence: string;
}

export type OtherKind = 'bsn' | 'iban' | 'phone' | 'email' | 'birthdate' | 'postcode' | 'person-hint';

/** Personal data that is not registered to a client, and possible person names (hints). */
export interface OtherFinding {
  start: number;
  end: number;
  kind: OtherKind;
  evidence: string;
}

export interface ScanResult {
  findings: Finding[];
  /** Unregistered personal data and person-name hints; computed on first access. */
  readonly other: OtherFinding[];
}

export interface DetectorOptions {
  /** Whether a first name alone (without surname) is reported. Default true. */
  firstNameAlone?: boolean;
}

export interface Detector {
  scan(text: string): ScanResult;
}
