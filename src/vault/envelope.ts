/**
 * The encrypted envelope: one small versioned JSON object holding the vault's ciphertext and
 * everything needed to open it again (except the passphrase).
 *
 *   { format: 'discreet-vault', envelopeVersion: 2,
 *     kdf: { name: 'argon2id', memoryKiB, iterations, parallelism, salt } | { name: 'pbkdf2-sha256', iterations, salt },
 *     writeSalt, keyCheck, iv, ciphertext, checksum }   (binary fields in standard base64)
 *
 * Keys: passphrase (NFC) --KDF(salt, params)--> 32-byte master (kept only as a non-extractable HKDF key)
 *   master --HKDF-SHA256(salt = writeSalt, info "discreet-vault/aes-256-gcm/v1")--> this write's AES-256-GCM key
 *   master --HKDF-SHA256(salt = empty,     info "discreet-vault/key-check/v1")---> HMAC-SHA256 key-check key
 * The header (format, version, kdf params incl. salt, writeSalt) is the AES-GCM additional authenticated data,
 * so changing any parameter (or the write salt) makes decryption fail instead of silently using other params.
 *
 * Version 1 (still opened, never written): no writeSalt field; the AES key is HKDF with the empty salt, and
 * the header / AAD is (format, 1, kdf params incl. salt). Opening a v1 envelope and saving writes version 2.
 * An envelopeVersion above ENVELOPE_VERSION is 'unknown-version'.
 *
 * keyCheck = HMAC-SHA256(checkKey, "discreet-vault/key-check/v1" || keyHeader), where keyHeader is the
 * version-1 header (format, 1, kdf params incl. salt) in every envelope version: the value proves the
 * passphrase (and KDF salt/params) and does not depend on the write. Why it does not weaken anything:
 *  - Testing a passphrase guess against keyCheck costs one full KDF run, exactly like testing it against
 *    the AES-GCM tag (which authenticates too), so it gives an attacker no shortcut.
 *  - checkKey and the AES key are independent HKDF outputs (different `info`), and HMAC is a PRF, so the
 *    value reveals nothing about the AES key or the plaintext.
 * It lets us tell a wrong passphrase ('wrong-passphrase': check fails) from damaged ciphertext
 * ('corrupt': check passes, GCM fails).
 *
 * checksum = SHA-256 over all other fields. It is unkeyed and computed over public data only (it protects
 * nothing cryptographically); it exists so that accidental damage (a flipped bit on disk, a truncated backup)
 * is reported as 'corrupt' before running the KDF, instead of being mistaken for a wrong passphrase when the
 * salt or params were hit. Deliberate tampering is caught by the key check and AES-GCM regardless.
 *
 * Salts and IV: the KDF salt is random (16 bytes) for every key derivation (new vault, passphrase change,
 * KDF upgrade, restore). Every write draws a random 16-byte writeSalt (giving that write its own AES key via
 * HKDF, without re-running the slow KDF or keeping the passphrase) and a random 12-byte IV.
 *
 * Pure module: no browser globals beyond WebCrypto (globalThis.crypto) and WebAssembly (via hash-wasm).
 */
import { argon2id } from 'hash-wasm';
import { z } from 'zod';
import { VaultError } from './errors';

export const ENVELOPE_FORMAT = 'discreet-vault';
export const ENVELOPE_VERSION = 2;
/** The first envelope version: no write salt (AES key = HKDF with the empty salt). Opened, never written. */
const ENVELOPE_VERSION_1 = 1;

export interface Argon2idParams {
  name: 'argon2id';
  memoryKiB: number;
  iterations: number;
  parallelism: number;
}
export interface Pbkdf2Params {
  name: 'pbkdf2-sha256';
  iterations: number;
}
export type KdfParams = Argon2idParams | Pbkdf2Params;
/** KDF params as stored: with the (base64) salt. */
export type KdfHeader = KdfParams & { salt: string };

export const DEFAULT_ARGON2ID: Readonly<Argon2idParams> = Object.freeze({
  name: 'argon2id',
  memoryKiB: 64 * 1024,
  iterations: 3,
  parallelism: 1,
});
export const DEFAULT_PBKDF2: Readonly<Pbkdf2Params> = Object.freeze({ name: 'pbkdf2-sha256', iterations: 600_000 });

/** Deliberately weak params, for tests only (a real vault never uses these unless a caller passes them). */
export const TEST_KDF = Object.freeze({
  argon2id: Object.freeze({ name: 'argon2id', memoryKiB: 1024, iterations: 1, parallelism: 1 }) as Readonly<Argon2idParams>,
  pbkdf2: Object.freeze({ name: 'pbkdf2-sha256', iterations: 1000 }) as Readonly<Pbkdf2Params>,
});

const SALT_BYTES = 16;
const WRITE_SALT_BYTES = 16;
const IV_BYTES = 12;
const KEY_BYTES = 32;
const TAG_BYTES = 16;
/** Refuse envelopes larger than this before doing any work (a hostile backup file must not exhaust memory). */
const MAX_ENVELOPE_CHARS = 512 * 1024 * 1024;

// ---------------------------------------------------------------------------------------------- base64

const B64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export function toBase64(bytes: Uint8Array): string {
  let s = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) s += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(s);
}

/** Strict: canonical standard base64 only; anything else is 'corrupt'. */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  if (!B64.test(text)) throw new VaultError('corrupt');
  const bin = atob(text);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  // Reject non-canonical encodings (stray bits in the padding) so every accepted text maps to one byte string.
  if (toBase64(out) !== text) throw new VaultError('corrupt');
  return out;
}

const b64Bytes = (min: number, max: number = min) =>
  z
    .string()
    .max(Math.ceil(max / 3) * 4 + 4)
    .refine((s) => {
      if (!B64.test(s)) return false;
      const pad = s.endsWith('==') ? 2 : s.endsWith('=') ? 1 : 0;
      const n = (s.length / 4) * 3 - pad;
      return n >= min && n <= max;
    });

// ---------------------------------------------------------------------------------------------- schema

const Argon2idHeaderSchema = z.strictObject({
  name: z.literal('argon2id'),
  // Bounds keep a hostile file from making us allocate gigabytes or loop for hours.
  memoryKiB: z.number().int().min(1024).max(1024 * 1024),
  iterations: z.number().int().min(1).max(64),
  parallelism: z.number().int().min(1).max(16),
  salt: b64Bytes(SALT_BYTES),
});
const Pbkdf2HeaderSchema = z.strictObject({
  name: z.literal('pbkdf2-sha256'),
  iterations: z.number().int().min(1000).max(50_000_000),
  salt: b64Bytes(SALT_BYTES),
});
const KdfHeaderSchema = z.discriminatedUnion('name', [Argon2idHeaderSchema, Pbkdf2HeaderSchema]);

const EnvelopeV1Schema = z.strictObject({
  format: z.literal(ENVELOPE_FORMAT),
  envelopeVersion: z.literal(ENVELOPE_VERSION_1),
  kdf: KdfHeaderSchema,
  keyCheck: b64Bytes(32),
  iv: b64Bytes(IV_BYTES),
  ciphertext: b64Bytes(TAG_BYTES, MAX_ENVELOPE_CHARS),
  checksum: b64Bytes(32),
});
const EnvelopeV2Schema = z.strictObject({
  format: z.literal(ENVELOPE_FORMAT),
  envelopeVersion: z.literal(ENVELOPE_VERSION),
  kdf: KdfHeaderSchema,
  writeSalt: b64Bytes(WRITE_SALT_BYTES),
  keyCheck: b64Bytes(32),
  iv: b64Bytes(IV_BYTES),
  ciphertext: b64Bytes(TAG_BYTES, MAX_ENVELOPE_CHARS),
  checksum: b64Bytes(32),
});
const EnvelopeSchema = z.discriminatedUnion('envelopeVersion', [EnvelopeV1Schema, EnvelopeV2Schema]);
/** A parsed envelope: the current version 2 (with writeSalt) or a legacy version 1 (without). */
export type Envelope = z.infer<typeof EnvelopeSchema>;
export type EnvelopeV1 = z.infer<typeof EnvelopeV1Schema>;
export type EnvelopeV2 = z.infer<typeof EnvelopeV2Schema>;

/**
 * Parses envelope text. 'unknown-version' for an envelope from a newer Discreet, 'corrupt' for anything
 * that is not a well-formed envelope (including a wrong checksum). Never throws anything but VaultError.
 */
export async function parseEnvelope(text: unknown): Promise<Envelope> {
  if (typeof text !== 'string' || text.length > MAX_ENVELOPE_CHARS) throw new VaultError('corrupt');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new VaultError('corrupt');
  }
  if (
    raw &&
    typeof raw === 'object' &&
    (raw as { format?: unknown }).format === ENVELOPE_FORMAT &&
    typeof (raw as { envelopeVersion?: unknown }).envelopeVersion === 'number' &&
    Number.isInteger((raw as { envelopeVersion: number }).envelopeVersion) &&
    (raw as { envelopeVersion: number }).envelopeVersion > ENVELOPE_VERSION
  ) {
    throw new VaultError('unknown-version');
  }
  const parsed = EnvelopeSchema.safeParse(raw);
  if (!parsed.success) throw new VaultError('corrupt');
  const env = parsed.data;
  if ((await checksumOf(env)) !== env.checksum) throw new VaultError('corrupt');
  return env;
}

/** The stored KDF params (with salt) of an envelope text, or a VaultError. */
export async function envelopeKdf(text: unknown): Promise<KdfHeader> {
  return (await parseEnvelope(text)).kdf;
}

// ---------------------------------------------------------------------------------------------- helpers

const enc = new TextEncoder();

function subtle(): SubtleCrypto {
  const s = globalThis.crypto?.subtle;
  if (!s) throw new VaultError('internal');
  return s;
}

function randomBytes(n: number): Uint8Array<ArrayBuffer> {
  return globalThis.crypto.getRandomValues(new Uint8Array(n));
}

/** What identifies an envelope's header: its version, KDF header and (version 2) write salt. */
type HeaderInput = { envelopeVersion: 1; kdf: KdfHeader } | { envelopeVersion: 2; kdf: KdfHeader; writeSalt: string };

/**
 * The authenticated header (AES-GCM AAD), serialised in one fixed order so it cannot depend on JSON key order.
 * Version 1: [format, 1, kdf…, salt] (byte-for-byte what version 1 used). Version 2: [format, 2, kdf…, salt, writeSalt].
 */
function headerBytes(h: HeaderInput): Uint8Array<ArrayBuffer> {
  const { kdf } = h;
  const fields: (string | number)[] =
    kdf.name === 'argon2id'
      ? [ENVELOPE_FORMAT, h.envelopeVersion, kdf.name, kdf.memoryKiB, kdf.iterations, kdf.parallelism, kdf.salt]
      : [ENVELOPE_FORMAT, h.envelopeVersion, kdf.name, kdf.iterations, kdf.salt];
  if (h.envelopeVersion === ENVELOPE_VERSION) fields.push(h.writeSalt);
  return enc.encode(JSON.stringify(fields));
}

/** The header the key check covers: the version-1 header of the key's KDF, in every envelope version. */
function keyHeaderBytes(kdf: KdfHeader): Uint8Array<ArrayBuffer> {
  return headerBytes({ envelopeVersion: ENVELOPE_VERSION_1, kdf });
}

function concat(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

const KEY_CHECK_LABEL = enc.encode('discreet-vault/key-check/v1\0');

type Unchecked<E> = E extends Envelope ? Omit<E, 'checksum'> : never;

async function checksumOf(env: Unchecked<Envelope>): Promise<string> {
  const data = concat(headerBytes(env), enc.encode(`\0${env.keyCheck}\0${env.iv}\0${env.ciphertext}`));
  return toBase64(new Uint8Array(await subtle().digest('SHA-256', data)));
}

/**
 * Recomputes the (unkeyed) checksum of an envelope object. Used by tests to simulate deliberate tampering,
 * which the key check and AES-GCM must catch on their own.
 */
export async function withFreshChecksum(env: Unchecked<Envelope> & { checksum?: string }): Promise<Envelope> {
  const { checksum: _ignored, ...rest } = env;
  return { ...rest, checksum: await checksumOf(rest as Unchecked<Envelope>) } as Envelope;
}

// ---------------------------------------------------------------------------------------------- KDF

/** True when Argon2id (WebAssembly) can run here. */
export function argon2idAvailable(): boolean {
  return typeof WebAssembly === 'object' && typeof WebAssembly.instantiate === 'function';
}

/** The params for a new key: Argon2id when WebAssembly is available (or as asked), else PBKDF2. */
export function defaultKdfParams(preference: 'auto' | 'argon2id' | 'pbkdf2-sha256' = 'auto'): KdfParams {
  if (preference === 'pbkdf2-sha256') return { ...DEFAULT_PBKDF2 };
  if (preference === 'argon2id') return { ...DEFAULT_ARGON2ID };
  return argon2idAvailable() ? { ...DEFAULT_ARGON2ID } : { ...DEFAULT_PBKDF2 };
}

export function newKdfHeader(params: KdfParams): KdfHeader {
  const salt = toBase64(randomBytes(SALT_BYTES));
  return params.name === 'argon2id'
    ? { name: 'argon2id', memoryKiB: params.memoryKiB, iterations: params.iterations, parallelism: params.parallelism, salt }
    : { name: 'pbkdf2-sha256', iterations: params.iterations, salt };
}

/**
 * True when stored params are weaker than the target, so the vault should be re-encrypted on unlock.
 * PBKDF2 → Argon2id counts as an upgrade; Argon2id is never "upgraded" down to PBKDF2.
 */
export function kdfIsWeaker(stored: KdfParams, target: KdfParams): boolean {
  if (stored.name === 'argon2id' && target.name === 'argon2id') {
    return stored.memoryKiB < target.memoryKiB || stored.iterations < target.iterations;
  }
  if (stored.name === 'pbkdf2-sha256' && target.name === 'pbkdf2-sha256') return stored.iterations < target.iterations;
  return stored.name === 'pbkdf2-sha256' && target.name === 'argon2id';
}

async function deriveMaster(passphrase: string, kdf: KdfHeader): Promise<Uint8Array<ArrayBuffer>> {
  const password = enc.encode(passphrase.normalize('NFC'));
  const salt = fromBase64(kdf.salt);
  if (kdf.name === 'argon2id') {
    if (!argon2idAvailable()) throw new VaultError('kdf-unavailable');
    try {
      const out = await argon2id({
        password,
        salt,
        parallelism: kdf.parallelism,
        iterations: kdf.iterations,
        memorySize: kdf.memoryKiB,
        hashLength: KEY_BYTES,
        outputType: 'binary',
      });
      return new Uint8Array(out);
    } catch {
      // hash-wasm fails when WebAssembly is blocked (e.g. a CSP without 'wasm-unsafe-eval').
      throw new VaultError('kdf-unavailable');
    } finally {
      password.fill(0);
    }
  }
  try {
    const base = await subtle().importKey('raw', password, 'PBKDF2', false, ['deriveBits']);
    const bits = await subtle().deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations: kdf.iterations }, base, KEY_BYTES * 8);
    return new Uint8Array(bits);
  } catch (e) {
    throw e instanceof VaultError ? e : new VaultError('internal');
  } finally {
    password.fill(0);
  }
}

// ---------------------------------------------------------------------------------------------- keys

/** The exported form of a derived key, for memory-only session storage (chrome.storage.session). */
export interface ExportedVaultKey {
  kdf: KdfHeader;
  /** base64 of the 32-byte KDF output. */
  master: string;
}

const AES_INFO = 'discreet-vault/aes-256-gcm/v1';
const CHECK_INFO = 'discreet-vault/key-check/v1';
const hkdfParams = (salt: Uint8Array<ArrayBuffer>, info: string): HkdfParams => ({ name: 'HKDF', hash: 'SHA-256', salt, info: enc.encode(info) });

const ExportedVaultKeySchema = z.strictObject({ kdf: KdfHeaderSchema, master: b64Bytes(KEY_BYTES) });

/**
 * A derived vault key: the master as a non-extractable HKDF CryptoKey (each write derives its own AES-GCM
 * key from it with that write's salt) and a non-extractable HMAC key-check CryptoKey, bound to the KDF
 * header (salt) they came from. Only a key created with `exportable: true` keeps the raw master bytes, so that the
 * background can park them in memory-only session storage and survive a service-worker restart.
 */
export class VaultKey {
  private constructor(
    readonly kdf: KdfHeader,
    private readonly base: CryptoKey,
    private readonly check: CryptoKey,
    private readonly raw: Uint8Array | null,
  ) {}

  static async fromMaster(master: Uint8Array<ArrayBuffer>, kdf: KdfHeader, exportable: boolean): Promise<VaultKey> {
    if (master.length !== KEY_BYTES) throw new VaultError('corrupt');
    const s = subtle();
    const base = await s.importKey('raw', master, 'HKDF', false, ['deriveKey']);
    const check = await s.deriveKey(hkdfParams(new Uint8Array(0), CHECK_INFO), base, { name: 'HMAC', hash: 'SHA-256', length: 256 }, false, ['sign', 'verify']);
    const raw = exportable ? master.slice() : null;
    master.fill(0);
    return new VaultKey({ ...kdf }, base, check, raw);
  }

  /** Derives the key from a passphrase (slow by design: this is the KDF). */
  static async derive(passphrase: string, kdf: KdfHeader, options: { exportable?: boolean } = {}): Promise<VaultKey> {
    const master = await deriveMaster(passphrase, kdf);
    return VaultKey.fromMaster(master, kdf, options.exportable ?? false);
  }

  /** Re-imports an exported key (after a service-worker restart). */
  static async import(exported: unknown): Promise<VaultKey> {
    const parsed = ExportedVaultKeySchema.safeParse(exported);
    if (!parsed.success) throw new VaultError('corrupt');
    return VaultKey.fromMaster(fromBase64(parsed.data.master), parsed.data.kdf, true);
  }

  get exportable(): boolean {
    return this.raw !== null;
  }

  /** The raw key for memory-only session storage. Throws for a non-exportable key. */
  export(): ExportedVaultKey {
    if (!this.raw) throw new VaultError('internal');
    return { kdf: { ...this.kdf }, master: toBase64(this.raw) };
  }

  /** @internal */ async keyCheck(): Promise<string> {
    const sig = await subtle().sign('HMAC', this.check, concat(KEY_CHECK_LABEL, keyHeaderBytes(this.kdf)));
    return toBase64(new Uint8Array(sig));
  }

  /** @internal constant-time comparison through WebCrypto. */
  async verifyKeyCheck(value: string): Promise<boolean> {
    return subtle().verify('HMAC', this.check, fromBase64(value), concat(KEY_CHECK_LABEL, keyHeaderBytes(this.kdf)));
  }

  /**
   * @internal The AES-256-GCM key for one envelope: HKDF(master, salt = write salt, AES info). Version 1
   * (no write salt) uses the empty salt, as version 1 always did.
   */
  private async aesKey(writeSalt: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
    return subtle().deriveKey(hkdfParams(writeSalt, AES_INFO), this.base, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  }

  /** @internal Encrypts one write (version 2): a fresh write salt must be passed in `header`. */
  async encrypt(header: HeaderInput & { envelopeVersion: 2 }, iv: Uint8Array<ArrayBuffer>, data: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
    const aes = await this.aesKey(fromBase64(header.writeSalt));
    return new Uint8Array(await subtle().encrypt({ name: 'AES-GCM', iv, additionalData: headerBytes(header), tagLength: 128 }, aes, data));
  }

  /** @internal Decrypts an envelope of either version (the header carries the version and write salt). */
  async decrypt(header: HeaderInput, iv: Uint8Array<ArrayBuffer>, data: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
    const aes = await this.aesKey(header.envelopeVersion === ENVELOPE_VERSION ? fromBase64(header.writeSalt) : new Uint8Array(0));
    return new Uint8Array(await subtle().decrypt({ name: 'AES-GCM', iv, additionalData: headerBytes(header), tagLength: 128 }, aes, data));
  }
}

function sameKdf(a: KdfHeader, b: KdfHeader): boolean {
  return new TextDecoder().decode(keyHeaderBytes(a)) === new TextDecoder().decode(keyHeaderBytes(b));
}

// ---------------------------------------------------------------------------------------------- seal / open

/**
 * Encrypts a plaintext string under the key, with a fresh random write salt (hence a fresh AES key) and a
 * fresh random IV. Always writes the current envelope version. Returns the envelope as JSON text.
 */
export async function seal(key: VaultKey, plaintext: string): Promise<string> {
  try {
    const header = { envelopeVersion: ENVELOPE_VERSION, kdf: { ...key.kdf }, writeSalt: toBase64(randomBytes(WRITE_SALT_BYTES)) } as const;
    const iv = randomBytes(IV_BYTES);
    const ct = await key.encrypt(header, iv, enc.encode(plaintext));
    const env = await withFreshChecksum({
      format: ENVELOPE_FORMAT,
      envelopeVersion: ENVELOPE_VERSION,
      kdf: header.kdf,
      writeSalt: header.writeSalt,
      keyCheck: await key.keyCheck(),
      iv: toBase64(iv),
      ciphertext: toBase64(ct),
    });
    return JSON.stringify(env);
  } catch (e) {
    throw e instanceof VaultError ? e : new VaultError('internal');
  }
}

async function decryptWith(key: VaultKey, env: Envelope): Promise<string> {
  if (!sameKdf(key.kdf, env.kdf) || !(await key.verifyKeyCheck(env.keyCheck))) throw new VaultError('wrong-passphrase');
  let plain: Uint8Array;
  try {
    plain = await key.decrypt(env, fromBase64(env.iv), fromBase64(env.ciphertext));
  } catch {
    // The key is right (the check passed), so a failing tag means the ciphertext, IV, write salt or header was altered.
    throw new VaultError('corrupt');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(plain);
  } catch {
    throw new VaultError('corrupt');
  } finally {
    plain.fill(0);
  }
}

/**
 * Opens envelope text with a passphrase: returns the plaintext and the derived key (for later writes).
 * Errors: 'corrupt' | 'unknown-version' | 'wrong-passphrase' | 'kdf-unavailable'. Never anything but VaultError.
 */
export async function openWithPassphrase(
  text: unknown,
  passphrase: string,
  options: { exportable?: boolean } = {},
): Promise<{ plaintext: string; key: VaultKey; envelope: Envelope }> {
  try {
    const envelope = await parseEnvelope(text);
    const key = await VaultKey.derive(passphrase, envelope.kdf, options);
    return { plaintext: await decryptWith(key, envelope), key, envelope };
  } catch (e) {
    throw e instanceof VaultError ? e : new VaultError('corrupt');
  }
}

/** Opens envelope text with an already derived key. 'wrong-passphrase' when the key does not fit. */
export async function openWithKey(text: unknown, key: VaultKey): Promise<{ plaintext: string; envelope: Envelope }> {
  try {
    const envelope = await parseEnvelope(text);
    return { plaintext: await decryptWith(key, envelope), envelope };
  } catch (e) {
    throw e instanceof VaultError ? e : new VaultError('corrupt');
  }
}
