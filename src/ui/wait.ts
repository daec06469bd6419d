import { t } from './messages';

/**
 * "Probeer het over N seconden opnieuw" after a wrong passphrase, when the background says the next attempt
 * will wait (the slow-down after repeated wrong passphrases). null when there is no wait.
 */
export function waitText(waitMs: number | undefined): string | null {
  if (!waitMs || !Number.isFinite(waitMs) || waitMs <= 0) return null;
  const n = Math.ceil(waitMs / 1000);
  return n === 1 ? t('waitSecondsOne') : t('waitSeconds', { n });
}
