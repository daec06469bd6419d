/**
 * The VaultSession the background uses: the encrypted vault (src/vault/store.ts) on browser.storage.local,
 * the unlocked key parked in browser.storage.session, auto-lock through browser.alarms.
 *
 * - storage.session is memory-only and cleared when the browser closes, so: a restarted service worker
 *   stays unlocked (it re-opens the vault with the parked key), closing the browser locks.
 *   Its access level stays at the default TRUSTED_CONTEXTS: content scripts cannot read it.
 * - Auto-lock: after `settings.autoLockMinutes` (default 480 = 8 h) without activity. Activity = scans and
 *   messages from our pages (the background calls noteActivity()). An alarm checks at the deadline; the
 *   last activity time is kept in storage.session so a worker restart does not reset the clock.
 * - The passphrase is never stored; neither is anything but envelopes, the pointer and counters in storage.local.
 *
 * Errors are VaultErrors: `message` is a stable code, never user data.
 */
import { DEFAULT_THROTTLE, VaultStore, type KeyValueStorage } from '../vault/store';
import { VaultError, asVaultError } from '../vault/errors';
import { newVaultContents, type VaultContents } from '../vault/schema';
import type { KdfParams } from '../vault/envelope';
import type { CodeChoice } from '../protocol';
import type { Registry } from '../registry';
import type { VaultSession } from './vault-session';

export const SESSION_KEYS = { key: 'vault.session.key', lastActivity: 'vault.session.lastActivity' } as const;
export const AUTOLOCK_ALARM = 'discreet-autolock';
/** Activity is written to session storage and the alarm moved at most this often. */
const ACTIVITY_RESOLUTION_MS = 60_000;
const DEFAULT_AUTOLOCK_MINUTES = 480;

export interface AlarmsApi {
  create(name: string, info: { when: number }): Promise<void> | void;
  clear(name: string): Promise<boolean> | Promise<void> | void;
  onAlarm: { addListener(listener: (alarm: { name: string }) => void): void };
}

export interface EncryptedVaultSessionDeps {
  /** browser.storage.local */
  local: KeyValueStorage;
  /** browser.storage.session (memory-only); null where unavailable: then a worker restart locks. */
  session: KeyValueStorage | null;
  alarms: AlarmsApi | null;
  kdf?: KdfParams;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export interface EncryptedVaultSession extends VaultSession {
  /** Resolves once a restarted worker has re-opened the vault from session storage (or found it locked). */
  ready(): Promise<void>;
  /** Call on every scan and page message: keeps the auto-lock from firing while the coach works. */
  noteActivity(): void;
  changePassphrase(current: string, next: string): Promise<void>;
  /** The backup file text (an encrypted envelope: opens with the passphrase alone). */
  exportBackup(): Promise<string>;
  /** Replaces the vault with a backup and leaves it unlocked. Nothing changes on any error. */
  restoreBackup(text: string, passphrase: string): Promise<void>;
  /**
   * After unlock failed with 'corrupt' or 'unknown-version': open the previous generation instead
   * (the damaged one is kept aside, never overwritten). Fails with 'corrupt' when there is none.
   */
  recoverPrevious(passphrase: string): Promise<void>;
  /** For the unlock screen: wrong attempts in a row and the wait before the next try. */
  attemptStatus(): Promise<{ failures: number; waitMs: number }>;
}

export function createEncryptedVaultSession(deps: EncryptedVaultSessionDeps): EncryptedVaultSession {
  const now = deps.now ?? (() => Date.now());
  const store = new VaultStore({
    storage: deps.local,
    ...(deps.kdf ? { kdf: deps.kdf } : {}),
    exportableKeys: deps.session !== null,
    now,
    ...(deps.sleep ? { sleep: deps.sleep } : {}),
    throttle: DEFAULT_THROTTLE,
  });
  let open: Awaited<ReturnType<VaultStore['open']>> | null = null;
  let lastActivity = now();
  let lastPersisted = 0;
  const listeners: Array<() => void> = [];
  const changed = () => {
    for (const l of listeners) {
      try {
        l();
      } catch {
        /* a listener's bug must not break the vault */
      }
    }
  };

  const autoLockMs = () => (open?.contents.settings.autoLockMinutes ?? DEFAULT_AUTOLOCK_MINUTES) * 60_000;

  async function schedule(): Promise<void> {
    if (!deps.alarms || !open) return;
    try {
      await deps.alarms.create(AUTOLOCK_ALARM, { when: lastActivity + autoLockMs() });
    } catch {
      /* no alarm: the deadline is still checked on the next restore and alarm */
    }
  }

  async function persistActivity(): Promise<void> {
    lastPersisted = now();
    try {
      await deps.session?.set({ [SESSION_KEYS.lastActivity]: lastActivity });
    } catch {
      /* best effort */
    }
    await schedule();
  }

  async function park(): Promise<void> {
    if (!deps.session || !open) return;
    try {
      await deps.session.set({ [SESSION_KEYS.key]: open.exportKey(), [SESSION_KEYS.lastActivity]: lastActivity });
    } catch {
      /* without it a worker restart locks: safe, just less convenient */
    }
  }

  async function forget(): Promise<void> {
    try {
      await deps.session?.remove([SESSION_KEYS.key, SESSION_KEYS.lastActivity]);
    } catch {
      /* nothing to do */
    }
    try {
      await deps.alarms?.clear(AUTOLOCK_ALARM);
    } catch {
      /* nothing to do */
    }
  }

  async function opened(vault: NonNullable<typeof open>): Promise<void> {
    open = vault;
    lastActivity = now();
    await park();
    await persistActivity();
    changed();
  }

  async function lock(): Promise<void> {
    const wasOpen = open !== null;
    open = null;
    await forget();
    if (wasOpen) changed();
  }

  /** A restarted worker: re-open with the parked key, unless the idle deadline has passed meanwhile. */
  async function restore(): Promise<void> {
    if (!deps.session) return;
    let parked: Record<string, unknown>;
    try {
      parked = await deps.session.get([SESSION_KEYS.key, SESSION_KEYS.lastActivity]);
    } catch {
      return;
    }
    const key = parked[SESSION_KEYS.key];
    if (!key) return;
    try {
      const vault = await store.resume(key);
      const last = typeof parked[SESSION_KEYS.lastActivity] === 'number' ? (parked[SESSION_KEYS.lastActivity] as number) : now();
      if (now() - last >= vault.contents.settings.autoLockMinutes * 60_000) {
        await forget();
        return;
      }
      open = vault;
      lastActivity = last;
      lastPersisted = now();
      await schedule();
      changed();
    } catch {
      // The parked key no longer fits (vault changed, damaged): locked, visibly.
      await forget();
    }
  }

  const restoring = restore();

  deps.alarms?.onAlarm.addListener((alarm) => {
    if (alarm.name !== AUTOLOCK_ALARM) return;
    void restoring.then(async () => {
      if (!open) return;
      if (now() - lastActivity >= autoLockMs() - 1000) await lock();
      else await schedule();
    });
  });

  function requireOpen() {
    if (!open) throw new VaultError('locked');
    return open;
  }

  async function guarded<T>(fn: () => Promise<T>): Promise<T> {
    await restoring;
    try {
      return await fn();
    } catch (e) {
      const err = asVaultError(e);
      // The open vault no longer matches what is stored (e.g. a write landed although storage reported an
      // error): lock, so the coach re-unlocks and sees the stored state, instead of saving over it.
      if (err.code === 'locked' && open) await lock();
      throw err;
    }
  }

  return {
    ready: () => restoring,
    exists: () => guarded(() => store.exists()),
    registry: () => open?.contents.registry ?? null,
    contents: () => open?.contents ?? null,
    noteActivity() {
      if (!open) return;
      lastActivity = now();
      if (lastActivity - lastPersisted >= ACTIVITY_RESOLUTION_MS) void persistActivity();
    },
    setup: (passphrase: string, registry: Registry, code: CodeChoice) =>
      guarded(async () => {
        const vault = await store.create(passphrase, newVaultContents(registry, code, new Date(now())));
        await opened(vault);
      }),
    unlock: (passphrase: string) =>
      guarded(async () => {
        await opened(await store.open(passphrase));
      }),
    lock: () => guarded(lock),
    update: (mutator: (current: VaultContents) => VaultContents) =>
      guarded(async () => {
        await requireOpen().update(mutator);
        lastActivity = now();
        await schedule(); // the auto-lock time may have changed
        changed();
      }),
    changePassphrase: (current: string, next: string) =>
      guarded(async () => {
        await requireOpen().changePassphrase(current, next);
        await park();
      }),
    exportBackup: () => guarded(() => requireOpen().exportBackup()),
    restoreBackup: (text: string, passphrase: string) =>
      guarded(async () => {
        await opened(await store.restoreBackup(text, passphrase));
      }),
    recoverPrevious: (passphrase: string) =>
      guarded(async () => {
        await opened(await store.recoverPrevious(passphrase));
      }),
    attemptStatus: () => guarded(() => store.attemptStatus()),
    onChange: (l) => void listeners.push(l),
  };
}
