/**
 * VaultStore: the encrypted vault on an injected async key-value storage
 * (browser.storage.local in the extension, an in-memory fake in tests).
 *
 * What is stored, and nothing else:
 *   vault.pointer   { pointerVersion: 1, current, previous, quarantined, stale }   generation numbers only
 *   vault.gen.<n>   envelope JSON text (src/vault/envelope.ts)
 *   vault.attempts  { failures, lastFailureAt }   a non-identifying counter of wrong passphrases
 *
 * Atomic writes with generations (each step may throw or crash; the vault stays readable after any of them):
 *   1. read the pointer
 *   2. write the new envelope under vault.gen.<next>       (pointer untouched: the old generation is current)
 *   3. read it back and verify it decrypts to exactly what we wrote
 *   4. switch the pointer to <next>                         (the single "commit" step)
 *   5. delete generations that are no longer needed          (best effort; retried on later writes/opens)
 * A normal save keeps the previous generation as a fallback. A passphrase change, KDF upgrade or restore
 * drops older generations, so an old passphrase or weak params stop opening anything.
 *
 * Damaged or newer-version data is never overwritten: a generation that fails to open is quarantined
 * (kept, never reused, never deleted by us), and nothing is written while the current one is unknown-version.
 */
import {
  defaultKdfParams,
  kdfIsWeaker,
  newKdfHeader,
  openWithKey,
  openWithPassphrase,
  parseEnvelope,
  seal,
  VaultKey,
  type ExportedVaultKey,
  type KdfParams,
} from './envelope';
import { asVaultError, isVaultError, VaultError } from './errors';
import { parseVaultPlaintext, validateVaultContents, type VaultContents } from './schema';
import { z } from 'zod';

/** The subset of browser.storage.local the vault needs. */
export interface KeyValueStorage {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

export const STORAGE_KEYS = {
  pointer: 'vault.pointer',
  attempts: 'vault.attempts',
  generation: (n: number) => `vault.gen.${n}`,
} as const;

export const MIN_PASSPHRASE_LENGTH = 10;

export interface ThrottleOptions {
  /** Wrong passphrases allowed without delay. */
  freeAttempts: number;
  /** Delay after the first throttled failure; doubles with each further failure. */
  baseDelayMs: number;
  maxDelayMs: number;
}
export const DEFAULT_THROTTLE: Readonly<ThrottleOptions> = Object.freeze({ freeAttempts: 3, baseDelayMs: 1000, maxDelayMs: 60_000 });

export interface VaultStoreOptions {
  storage: KeyValueStorage;
  /** Params for new keys, and the target of the on-unlock upgrade. Default: Argon2id 64 MiB/3 (PBKDF2 600k without WASM). */
  kdf?: KdfParams;
  /** Keep raw key bytes so the session can park them in memory-only storage (see VaultKey.export). */
  exportableKeys?: boolean;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  throttle?: Partial<ThrottleOptions>;
}

const PointerSchema = z.strictObject({
  pointerVersion: z.literal(1),
  current: z.number().int().min(1),
  previous: z.number().int().min(1).nullable(),
  quarantined: z.array(z.number().int().min(1)).max(1000),
  stale: z.array(z.number().int().min(1)).max(1000),
});
type Pointer = z.infer<typeof PointerSchema>;

const AttemptsSchema = z.object({ failures: z.number().int().min(0), lastFailureAt: z.number() });
type Attempts = z.infer<typeof AttemptsSchema>;

export interface AttemptStatus {
  failures: number;
  /** How long the next unlock attempt will wait before it is tried, in ms (0: none). */
  waitMs: number;
}

type WriteMode = 'keep-previous' | 'drop-older';

export class VaultStore {
  private readonly storage: KeyValueStorage;
  private preferredKdf: KdfParams;
  /** True when the caller left the KDF to us: then a blocked WebAssembly falls back to PBKDF2. */
  private readonly kdfAuto: boolean;
  private readonly exportable: boolean;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly throttle: ThrottleOptions;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(options: VaultStoreOptions) {
    this.storage = options.storage;
    this.preferredKdf = options.kdf ?? defaultKdfParams('auto');
    this.kdfAuto = options.kdf === undefined;
    this.exportable = options.exportableKeys ?? false;
    this.now = options.now ?? (() => Date.now());
    this.sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    this.throttle = { ...DEFAULT_THROTTLE, ...options.throttle };
  }

  /** The params new keys get (and unlock upgrades to). */
  get kdf(): KdfParams {
    return this.preferredKdf;
  }

  /**
   * Derives a key with a fresh salt under the preferred params. When Argon2id cannot run although
   * WebAssembly exists (e.g. blocked by a CSP) and the KDF was not chosen by the caller, falls back to
   * PBKDF2-SHA256 600k for this and later keys (and stops trying to "upgrade" to Argon2id).
   */
  async _deriveNewKey(passphrase: string, exportable = this.exportable): Promise<VaultKey> {
    try {
      return await VaultKey.derive(passphrase, newKdfHeader(this.preferredKdf), { exportable });
    } catch (e) {
      if (!(this.kdfAuto && isVaultError(e, 'kdf-unavailable') && this.preferredKdf.name === 'argon2id')) throw e;
      this.preferredKdf = defaultKdfParams('pbkdf2-sha256');
      return VaultKey.derive(passphrase, newKdfHeader(this.preferredKdf), { exportable });
    }
  }

  /** Runs operations one at a time, so parallel unlock attempts queue behind the throttle. */
  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run.then(
      (v) => v,
      (e: unknown) => {
        throw asVaultError(e);
      },
    );
  }

  // ------------------------------------------------------------------------------------------ storage helpers

  private async get(key: string): Promise<unknown> {
    try {
      return (await this.storage.get([key]))[key];
    } catch {
      throw new VaultError('storage-failed');
    }
  }

  private async set(items: Record<string, unknown>): Promise<void> {
    try {
      await this.storage.set(items);
    } catch {
      throw new VaultError('storage-failed');
    }
  }

  private async removeQuietly(keys: string[]): Promise<boolean> {
    if (keys.length === 0) return true;
    try {
      await this.storage.remove(keys);
      return true;
    } catch {
      return false;
    }
  }

  private async readPointer(): Promise<Pointer | null> {
    const raw = await this.get(STORAGE_KEYS.pointer);
    if (raw === undefined || raw === null) return null;
    const parsed = PointerSchema.safeParse(raw);
    if (parsed.success) return parsed.data;
    const v = (raw as { pointerVersion?: unknown } | null)?.pointerVersion;
    if (typeof v === 'number' && v > 1) throw new VaultError('unknown-version');
    throw new VaultError('corrupt');
  }

  private readGeneration(n: number): Promise<unknown> {
    return this.get(STORAGE_KEYS.generation(n));
  }

  // ------------------------------------------------------------------------------------------ throttle

  private delayFor(failures: number): number {
    const over = failures - this.throttle.freeAttempts;
    if (over < 0) return 0;
    return Math.min(this.throttle.baseDelayMs * 2 ** over, this.throttle.maxDelayMs);
  }

  private async readAttempts(): Promise<Attempts> {
    const parsed = AttemptsSchema.safeParse(await this.get(STORAGE_KEYS.attempts));
    return parsed.success ? parsed.data : { failures: 0, lastFailureAt: 0 };
  }

  /** For the unlock screen: how many failures in a row, and how long the next try will wait. */
  attemptStatus(): Promise<AttemptStatus> {
    return this.exclusive(async () => {
      const a = await this.readAttempts();
      return { failures: a.failures, waitMs: Math.max(0, a.lastFailureAt + this.delayFor(a.failures) - this.now()) };
    });
  }

  private async waitForTurn(): Promise<void> {
    const a = await this.readAttempts();
    const wait = a.lastFailureAt + this.delayFor(a.failures) - this.now();
    if (a.failures > 0 && wait > 0) await this.sleep(Math.min(wait, this.throttle.maxDelayMs));
  }

  private async recordFailure(): Promise<void> {
    try {
      const a = await this.readAttempts();
      await this.set({ [STORAGE_KEYS.attempts]: { failures: a.failures + 1, lastFailureAt: this.now() } satisfies Attempts });
    } catch {
      // The answer is still "wrong passphrase"; a full disk must not turn it into a storage error.
    }
  }

  private async recordSuccess(): Promise<void> {
    const a = await this.readAttempts();
    if (a.failures > 0) await this.removeQuietly([STORAGE_KEYS.attempts]);
  }

  /** Opens text with a passphrase behind the throttle; a wrong passphrase is counted, nothing else changes. */
  private async tryPassphrase(text: unknown, passphrase: string) {
    await this.waitForTurn();
    try {
      const opened = await openWithPassphrase(text, passphrase, { exportable: this.exportable });
      await this.recordSuccess();
      return opened;
    } catch (e) {
      if (isVaultError(e, 'wrong-passphrase')) await this.recordFailure();
      throw e;
    }
  }

  // ------------------------------------------------------------------------------------------ the atomic write

  private nextGeneration(ptr: Pointer | null): number {
    if (!ptr) return 1;
    return Math.max(ptr.current, ptr.previous ?? 0, ...ptr.quarantined, ...ptr.stale) + 1;
  }

  /**
   * Writes `plaintext` as a new generation (steps 1-5 above) and returns the new generation number.
   * `expectCurrent`: the generation the caller opened; if the pointer moved since, the write is refused.
   */
  private async writeGeneration(
    plaintext: string,
    key: VaultKey,
    mode: WriteMode,
    expectCurrent: number | null,
    options: { quarantineCurrent?: boolean; replaceDamagedPointer?: boolean } = {},
  ): Promise<number> {
    const quarantineCurrent = options.quarantineCurrent ?? false;
    let ptr: Pointer | null;
    let next: number;
    try {
      ptr = await this.readPointer();
      if ((ptr?.current ?? null) !== expectCurrent) throw new VaultError('locked');
      next = this.nextGeneration(ptr);
    } catch (e) {
      if (!(options.replaceDamagedPointer && isVaultError(e, 'corrupt'))) throw e;
      // The pointer is unreadable, so we do not know which generations exist: take a free slot (never
      // overwrite one) and start a fresh pointer. The old generations are left where they are.
      ptr = null;
      next = await this.freeGeneration();
    }
    const genKey = STORAGE_KEYS.generation(next);
    const envelope = await seal(key, plaintext);

    await this.set({ [genKey]: envelope });

    try {
      const readBack = await this.get(genKey);
      const { plaintext: check } = await openWithKey(readBack, key);
      if (check !== plaintext) throw new VaultError('write-not-verified');
    } catch (e) {
      await this.removeQuietly([genKey]);
      throw isVaultError(e, 'storage-failed') ? e : new VaultError('write-not-verified');
    }

    const quarantined = [...(ptr?.quarantined ?? [])];
    if (ptr && quarantineCurrent) quarantined.push(ptr.current);
    const dropped: number[] = [];
    if (ptr) {
      if (mode === 'keep-previous') {
        if (ptr.previous !== null) dropped.push(ptr.previous);
      } else {
        if (!quarantineCurrent) dropped.push(ptr.current);
        if (ptr.previous !== null) dropped.push(ptr.previous);
      }
    }
    const newPtr: Pointer = {
      pointerVersion: 1,
      current: next,
      previous: mode === 'keep-previous' && ptr && !quarantineCurrent ? ptr.current : null,
      quarantined,
      stale: dropped.filter((n) => !quarantined.includes(n)),
    };
    try {
      await this.set({ [STORAGE_KEYS.pointer]: newPtr });
    } catch (e) {
      // Did the pointer land anyway (a write can fail after being applied)? Only remove the new generation
      // if we are sure the pointer does not reference it.
      let landed: boolean | null = null;
      try {
        landed = (await this.readPointer())?.current === next;
      } catch {
        landed = null;
      }
      if (landed === false) await this.removeQuietly([genKey]);
      if (landed !== true) throw asVaultError(e, 'storage-failed');
    }

    await this.cleanUp(newPtr, ptr?.stale ?? []);
    return next;
  }

  private async freeGeneration(): Promise<number> {
    for (let n = 1; n < 100_000; n++) if ((await this.readGeneration(n)) === undefined) return n;
    throw new VaultError('storage-failed');
  }

  /** Step 5: delete generations no longer referenced. Failure is harmless (the pointer remembers them). */
  private async cleanUp(ptr: Pointer, alsoStale: number[] = []): Promise<void> {
    const keep = new Set([ptr.current, ...(ptr.previous !== null ? [ptr.previous] : []), ...ptr.quarantined]);
    const gone = [...new Set([...ptr.stale, ...alsoStale])].filter((n) => !keep.has(n));
    await this.removeQuietly(gone.map(STORAGE_KEYS.generation));
  }

  // ------------------------------------------------------------------------------------------ public API

  /** True when a vault (a pointer) exists, even if it is damaged or from a newer version. */
  async exists(): Promise<boolean> {
    const raw = await this.get(STORAGE_KEYS.pointer);
    return raw !== undefined && raw !== null;
  }

  /** Creates a new vault. Refuses to overwrite an existing one ('vault-exists'). */
  create(passphrase: string, contents: VaultContents): Promise<OpenVault> {
    return this.exclusive(async () => {
      checkNewPassphrase(passphrase);
      const valid = validateVaultContents(contents);
      if (await this.exists()) throw new VaultError('vault-exists');
      const key = await this._deriveNewKey(passphrase);
      const gen = await this.writeGeneration(JSON.stringify(valid), key, 'drop-older', null);
      return new OpenVault(this, key, valid, gen, { migratedFrom: null, kdfUpgraded: false });
    });
  }

  /**
   * Opens the vault with the passphrase. A wrong passphrase changes nothing but the failure counter.
   * Opening also (best effort) saves a migrated schema and raises weak KDF params.
   * On 'corrupt' / 'unknown-version', `details.previousReadable` says whether recoverPrevious() would work.
   */
  open(passphrase: string): Promise<OpenVault> {
    return this.exclusive(async () => {
      const ptr = await this.readPointer();
      if (!ptr) throw new VaultError('no-vault');
      const text = await this.readGeneration(ptr.current);
      let key: VaultKey;
      let contents: VaultContents;
      let migratedFrom: number | null;
      try {
        const opened = await this.tryPassphrase(text, passphrase);
        key = opened.key;
        ({ contents, migratedFrom } = parseVaultPlaintext(opened.plaintext, new Date(this.now())));
      } catch (e) {
        const err = asVaultError(e, 'corrupt');
        if (err.code === 'corrupt' || err.code === 'unknown-version') {
          throw new VaultError(err.code, { previousReadable: await this.previousReadable(ptr, passphrase) });
        }
        throw err;
      }
      await this.cleanUp(ptr);
      const vault = new OpenVault(this, key, contents, ptr.current, { migratedFrom, kdfUpgraded: false });
      if (kdfIsWeaker(key.kdf, this.kdf)) {
        // Re-encrypt under the current defaults (fresh salt). If that fails, the old vault still opens fine.
        try {
          const stronger = await this._deriveNewKey(passphrase);
          if (!kdfIsWeaker(key.kdf, stronger.kdf)) return vault; // fell back: nothing stronger to move to
          const gen = await this.writeGeneration(JSON.stringify(contents), stronger, 'drop-older', ptr.current);
          return new OpenVault(this, stronger, contents, gen, { migratedFrom, kdfUpgraded: true });
        } catch {
          /* keep the working vault as it is */
        }
      } else if (migratedFrom !== null) {
        try {
          await vault.saveUnlocked(contents);
        } catch {
          /* saved on the next change */
        }
      }
      return vault;
    });
  }

  private async previousReadable(ptr: Pointer, passphrase: string): Promise<boolean> {
    if (ptr.previous === null) return false;
    try {
      const text = await this.readGeneration(ptr.previous);
      const opened = await this.tryPassphrase(text, passphrase);
      parseVaultPlaintext(opened.plaintext);
      return true;
    } catch {
      return false;
    }
  }

  /** Re-opens with a key parked in session storage (service-worker restart). 'locked' if it no longer fits. */
  resume(exported: unknown): Promise<OpenVault> {
    return this.exclusive(async () => {
      const ptr = await this.readPointer();
      if (!ptr) throw new VaultError('no-vault');
      let key: VaultKey;
      try {
        key = await VaultKey.import(exported);
      } catch {
        throw new VaultError('locked');
      }
      const text = await this.readGeneration(ptr.current);
      let plaintext: string;
      try {
        ({ plaintext } = await openWithKey(text, key));
      } catch (e) {
        throw isVaultError(e, 'wrong-passphrase') ? new VaultError('locked') : e;
      }
      const { contents, migratedFrom } = parseVaultPlaintext(plaintext, new Date(this.now()));
      return new OpenVault(this, key, contents, ptr.current, { migratedFrom, kdfUpgraded: false });
    });
  }

  /**
   * When the current generation is damaged or from a newer version: switch to the previous generation.
   * The damaged one is quarantined (kept as it is, never overwritten or deleted).
   */
  recoverPrevious(passphrase: string): Promise<OpenVault> {
    return this.exclusive(async () => {
      const ptr = await this.readPointer();
      if (!ptr) throw new VaultError('no-vault');
      if (ptr.previous === null) throw new VaultError('corrupt');
      const opened = await this.tryPassphrase(await this.readGeneration(ptr.previous), passphrase);
      const { contents, migratedFrom } = parseVaultPlaintext(opened.plaintext, new Date(this.now()));
      const newPtr: Pointer = {
        ...ptr,
        current: ptr.previous,
        previous: null,
        quarantined: [...ptr.quarantined, ptr.current],
      };
      await this.set({ [STORAGE_KEYS.pointer]: newPtr });
      return new OpenVault(this, opened.key, contents, newPtr.current, { migratedFrom, kdfUpgraded: false });
    });
  }

  /**
   * Replaces the vault with a backup (exportBackup's text), after checking it fully: a truncated or damaged
   * backup ('corrupt'), a newer one ('unknown-version') or a wrong passphrase changes nothing.
   * The restored vault is re-encrypted with a fresh salt and the current KDF defaults.
   */
  restoreBackup(text: string, passphrase: string): Promise<OpenVault> {
    return this.exclusive(async () => {
      let ptr: Pointer | null = null;
      let pointerDamaged = false;
      try {
        ptr = await this.readPointer();
      } catch (e) {
        if (!isVaultError(e, 'corrupt')) throw e; // unknown-version: never overwritten
        pointerDamaged = true;
      }
      let quarantineCurrent = false;
      if (ptr) {
        try {
          await parseEnvelope(await this.readGeneration(ptr.current));
        } catch (e) {
          // Never overwrite what a newer Discreet wrote; a damaged one is kept aside (quarantined).
          if (isVaultError(e, 'unknown-version')) throw e;
          quarantineCurrent = true;
        }
      }
      const opened = await this.tryPassphrase(text, passphrase);
      const { contents, migratedFrom } = parseVaultPlaintext(opened.plaintext, new Date(this.now()));
      const key = await this._deriveNewKey(passphrase);
      const gen = await this.writeGeneration(JSON.stringify(contents), key, 'drop-older', ptr?.current ?? null, {
        quarantineCurrent,
        replaceDamagedPointer: pointerDamaged,
      });
      return new OpenVault(this, key, contents, gen, { migratedFrom, kdfUpgraded: false });
    });
  }

  // ------------------------------------------------------------------------------------------ used by OpenVault

  /** @internal */
  async _write(plaintext: string, key: VaultKey, mode: WriteMode, expectCurrent: number): Promise<number> {
    return this.writeGeneration(plaintext, key, mode, expectCurrent);
  }

  /** @internal */
  async _readCurrent(expectCurrent: number): Promise<unknown> {
    const ptr = await this.readPointer();
    if (ptr?.current !== expectCurrent) throw new VaultError('locked');
    return this.readGeneration(ptr.current);
  }

  /** @internal */
  async _verifyPassphrase(passphrase: string, key: VaultKey, expectCurrent: number): Promise<void> {
    await this.tryPassphrase(await this._readCurrent(expectCurrent), passphrase).then(() => undefined);
    void key;
  }
}

function checkNewPassphrase(passphrase: string): void {
  if ([...passphrase.normalize('NFC')].length < MIN_PASSPHRASE_LENGTH) throw new VaultError('weak-passphrase');
}

/** An unlocked vault: its contents in memory and the key to write them back. */
export class OpenVault {
  constructor(
    private readonly store: VaultStore,
    private key: VaultKey,
    private current: VaultContents,
    private generation: number,
    /** What happened while opening: a schema migration, a KDF upgrade. */
    readonly opened: { migratedFrom: number | null; kdfUpgraded: boolean },
  ) {}

  get contents(): VaultContents {
    return this.current;
  }

  get kdf() {
    return this.key.kdf;
  }

  /** The raw key for memory-only session storage (only with `exportableKeys`). */
  exportKey(): ExportedVaultKey {
    return this.key.export();
  }

  /**
   * @internal: save without taking the store's queue (already inside it).
   * A save that removes a client drops the older generations too, so a deleted client's data does not
   * linger in the fallback copy.
   */
  async saveUnlocked(contents: VaultContents): Promise<void> {
    const valid = validateVaultContents(contents);
    const remaining = new Set(valid.registry.clients.map((c) => c.id));
    const removesClient = this.current.registry.clients.some((c) => !remaining.has(c.id));
    const mode: WriteMode = removesClient ? 'drop-older' : 'keep-previous';
    this.generation = await this.store._write(JSON.stringify(valid), this.key, mode, this.generation);
    this.current = valid;
  }

  /** Saves new contents atomically. On any error the stored vault (and `contents`) stay as they were. */
  save(contents: VaultContents): Promise<void> {
    return this.store.exclusive(() => this.saveUnlocked(contents));
  }

  /** Applies a change to a copy of the contents and saves it. */
  update(mutator: (draft: VaultContents) => VaultContents | void): Promise<VaultContents> {
    return this.store.exclusive(async () => {
      const draft = structuredClone(this.current);
      const result = mutator(draft) ?? draft;
      await this.saveUnlocked(result);
      return this.current;
    });
  }

  /**
   * Re-encrypts everything under a new passphrase (fresh salt, current KDF defaults) after checking the
   * current one. Older generations are deleted, so the old passphrase stops opening anything.
   */
  changePassphrase(currentPassphrase: string, nextPassphrase: string): Promise<void> {
    return this.store.exclusive(async () => {
      checkNewPassphrase(nextPassphrase);
      await this.store._verifyPassphrase(currentPassphrase, this.key, this.generation);
      const key = await this.store._deriveNewKey(nextPassphrase, this.key.exportable);
      this.generation = await this.store._write(JSON.stringify(this.current), key, 'drop-older', this.generation);
      this.key = key;
    });
  }

  /**
   * A backup file: the current envelope, verified to open with this key (it carries its own KDF params
   * and salt, so it opens with the passphrase alone, on any machine).
   */
  exportBackup(): Promise<string> {
    return this.store.exclusive(async () => {
      const text = await this.store._readCurrent(this.generation);
      await openWithKey(text, this.key);
      if (typeof text !== 'string') throw new VaultError('corrupt');
      return text;
    });
  }
}
