/**
 * "Send anyway", accounted for: the coach's reason goes to the background's accountability log
 * (`log:send-anyway`: app, kind of channel, client ids and reason; never the message text), and after a
 * "false alarm" with the box ticked, one ignore rule per distinct (client, matched text) (`ignore:add`).
 * The send itself never waits for or depends on this: the coach decided. A failure is said visibly.
 */
import { browser } from 'wxt/browser';
import type { Situation } from '../codes';
import type { ContentRequest, GuardFinding, Result } from '../protocol';
import { blockingTerms, isBlocking } from './findings';
import type { SendReason } from './warning-dialog';

export interface SendAnywayRecord {
  app: string;
  /** The kind of channel for the log (the coach's intervision mode says 'supervision'). */
  situation: Situation;
  /** The kind of channel the scans are made in (the adapter's): ignore rules must match it to take effect. */
  scanSituation: Situation;
  reason: SendReason;
  note?: string;
  ignore?: boolean;
}

const ask = (m: ContentRequest): Promise<Result<object>> =>
  (browser.runtime.sendMessage(m) as Promise<Result<object> | undefined>).then(
    (r) => r ?? { ok: false, error: 'no-answer' },
    () => ({ ok: false, error: 'no-answer' }),
  );

/** Starts the requests at once (before the send is re-triggered); resolves to what could not be stored. */
export function recordSendAnyway(
  rec: SendAnywayRecord,
  findings: readonly GuardFinding[],
  scanText: string,
): Promise<{ logged: boolean; ignored: boolean }> {
  const clientIds = [...new Set(findings.filter(isBlocking).map((f) => f.clientId))];
  // Nothing to account for (e.g. a send without a check after an internal error): nothing to log.
  const log: Promise<boolean> = clientIds.length
    ? ask({
        type: 'log:send-anyway',
        app: rec.app,
        situation: rec.situation,
        clientIds,
        reason: rec.reason,
        ...(rec.note ? { note: rec.note.slice(0, 1000) } : {}),
      }).then((r) => r.ok)
    : Promise.resolve(true);
  const ignore: Promise<boolean> =
    rec.reason === 'false-alarm' && rec.ignore
      ? Promise.all(
          blockingTerms(findings, scanText).map(({ clientId, term }) => ask({ type: 'ignore:add', clientId, term, situation: rec.scanSituation })),
        ).then((all) => all.every((r) => r.ok))
      : Promise.resolve(true);
  return Promise.all([log, ignore]).then(([logged, ignored]) => ({ logged, ignored }));
}
