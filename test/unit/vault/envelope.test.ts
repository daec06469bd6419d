import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_ARGON2ID,
  ENVELOPE_VERSION,
  DEFAULT_PBKDF2,
  TEST_KDF,
  VaultKey,
  defaultKdfParams,
  fromBase64,
  kdfIsWeaker,
  newKdfHeader,
  openWithKey,
  openWithPassphrase,
  parseEnvelope,
  seal,
  toBase64,
  withFreshChecksum,
  type Envelope,
  type EnvelopeV2,
  type KdfParams,
} from '../../../src/vault/envelope';
import { VaultError } from '../../../src/vault/errors';

const PASS = 'correct horse battery staple 42';
const SECRET = JSON.stringify({ clients: [{ name: 'Anneke de Vries', email: 'anneke@example.nl' }] });

/**
 * Version-1 envelopes (no write salt; AES key = HKDF with the empty salt), made with the version-1 code
 * before the write salt was introduced. They must keep opening (existing vaults and backups).
 */
const V1_PBKDF2_SECRET =
  '{"format":"discreet-vault","envelopeVersion":1,"kdf":{"name":"pbkdf2-sha256","iterations":1000,"salt":"jG7VBNA0DgIjY1RBC9EUWQ=="},"keyCheck":"+e3ZGWQi9prt8DJzNJjG2XPHFGapxh4f2PKa/93w4TU=","iv":"0hIOBNO6vecTwXNX","ciphertext":"g4fSgP99JlUnj0oL2/dz9Ca5wQWlSJHiWcPiE/5ydTEByJmkT4xntCRYe+rKviFuEWxegkDKCsBjcvQicMurbJUIlMmpm4+NJp59mAvxD7cDoHiH","checksum":"PneWfLXXNOZRW8iedHzhnX+RBU+F7faY2kHpihTwwl8="}';
const V1_ARGON2ID_TEXT = 'v1 argon2id fixture';
const V1_ARGON2ID =
  '{"format":"discreet-vault","envelopeVersion":1,"kdf":{"name":"argon2id","memoryKiB":1024,"iterations":1,"parallelism":1,"salt":"MJKs6CDfqHi6l7vMrhIWcQ=="},"keyCheck":"sTZGJz9kWXwk4hldnwOtgXoJoMKcq6CS9QLRFwAjKG8=","iv":"BLk/70RnMudMxS8B","ciphertext":"CaUKEcNMtSIxedoM467A2LlljyUttmDAnJF5rwDogIcfmTY=","checksum":"yy+k3Rk6yuRjgvOGSLhBUJUQjcY4TCIHo9jiUHrFG/o="}';

async function sealed(params: KdfParams = TEST_KDF.argon2id, plaintext = SECRET) {
  const key = await VaultKey.derive(PASS, newKdfHeader(params));
  return seal(key, plaintext);
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'no error';
  } catch (e) {
    if (!(e instanceof VaultError)) return `non-VaultError: ${String(e)}`;
    return e.code;
  }
}

describe('envelope defaults', () => {
  it('uses Argon2id 64 MiB / 3 iterations / parallelism 1, and PBKDF2-SHA256 with at least 600,000 iterations', () => {
    expect(DEFAULT_ARGON2ID).toEqual({ name: 'argon2id', memoryKiB: 65536, iterations: 3, parallelism: 1 });
    expect(DEFAULT_PBKDF2.name).toBe('pbkdf2-sha256');
    expect(DEFAULT_PBKDF2.iterations).toBeGreaterThanOrEqual(600_000);
    expect(defaultKdfParams('auto')).toEqual(DEFAULT_ARGON2ID); // WebAssembly exists under Node
    expect(defaultKdfParams('pbkdf2-sha256')).toEqual(DEFAULT_PBKDF2);
  });
});

describe('envelope round trip', () => {
  for (const params of [TEST_KDF.argon2id, TEST_KDF.pbkdf2]) {
    it(`encrypts and decrypts with ${params.name}`, async () => {
      const text = await sealed(params);
      expect(text).not.toContain('Anneke');
      expect(text).not.toContain('anneke@example.nl');
      const env = JSON.parse(text) as Envelope;
      expect(env.format).toBe('discreet-vault');
      expect(ENVELOPE_VERSION).toBe(2);
      expect(env.envelopeVersion).toBe(2);
      expect(env.kdf).toMatchObject(params);
      expect(fromBase64(env.kdf.salt)).toHaveLength(16);
      expect(fromBase64((env as EnvelopeV2).writeSalt)).toHaveLength(16);
      expect(fromBase64(env.iv)).toHaveLength(12);
      const { plaintext } = await openWithPassphrase(text, PASS);
      expect(plaintext).toBe(SECRET);
    });
  }

  it('uses a fresh write salt and a fresh IV on every write, and a fresh KDF salt on every new key', async () => {
    const key = await VaultKey.derive(PASS, newKdfHeader(TEST_KDF.argon2id));
    const a = JSON.parse(await seal(key, SECRET)) as EnvelopeV2;
    const b = JSON.parse(await seal(key, SECRET)) as EnvelopeV2;
    expect(a.writeSalt).not.toBe(b.writeSalt);
    expect(a.iv).not.toBe(b.iv);
    expect(a.ciphertext).not.toBe(b.ciphertext);
    // Same key: same KDF salt and same key check (it proves the passphrase, independent of the write).
    expect(a.kdf.salt).toBe(b.kdf.salt);
    expect(a.keyCheck).toBe(b.keyCheck);
    expect((await openWithKey(JSON.stringify(a), key)).plaintext).toBe(SECRET);
    expect((await openWithKey(JSON.stringify(b), key)).plaintext).toBe(SECRET);
    const c = JSON.parse(await sealed()) as Envelope;
    expect(c.kdf.salt).not.toBe(a.kdf.salt);
  });

  it('binds each ciphertext to its write salt: swapping write salts between two writes is rejected', async () => {
    const key = await VaultKey.derive(PASS, newKdfHeader(TEST_KDF.pbkdf2));
    const a = JSON.parse(await seal(key, SECRET)) as EnvelopeV2;
    const b = JSON.parse(await seal(key, SECRET)) as EnvelopeV2;
    const swapped = await withFreshChecksum({ ...a, writeSalt: b.writeSalt });
    expect(await codeOf(openWithKey(JSON.stringify(swapped), key))).toBe('corrupt');
    expect(await codeOf(openWithPassphrase(JSON.stringify(swapped), PASS))).toBe('corrupt');
  });

  it('accepts the passphrase in either Unicode normal form', async () => {
    const key = await VaultKey.derive('wachtwoord-café-2026', newKdfHeader(TEST_KDF.pbkdf2));
    const text = await seal(key, SECRET);
    expect((await openWithPassphrase(text, 'wachtwoord-cafe\u0301-2026')).plaintext).toBe(SECRET);
  });

  it('tells a wrong passphrase apart from damage', async () => {
    const text = await sealed();
    expect(await codeOf(openWithPassphrase(text, 'not the passphrase'))).toBe('wrong-passphrase');
  });

  it('exports a key only when asked to, and the re-imported key opens the vault', async () => {
    const text = await sealed();
    const { key } = await openWithPassphrase(text, PASS, { exportable: true });
    const exported = key.export();
    const again = await VaultKey.import(JSON.parse(JSON.stringify(exported)));
    expect((await openWithKey(text, again)).plaintext).toBe(SECRET);
    const { key: closed } = await openWithPassphrase(text, PASS);
    expect(() => closed.export()).toThrow(VaultError);
    // A key for another vault (other salt) does not open it.
    const other = await VaultKey.derive(PASS, newKdfHeader(TEST_KDF.argon2id));
    expect(await codeOf(openWithKey(text, other))).toBe('wrong-passphrase');
  });

  it('reports an envelope from a newer version as unknown-version', async () => {
    for (const version of [ENVELOPE_VERSION + 1, 99]) {
      const env = JSON.parse(await sealed());
      env.envelopeVersion = version;
      expect(await codeOf(openWithPassphrase(JSON.stringify(env), PASS))).toBe('unknown-version');
      expect(await codeOf(parseEnvelope(JSON.stringify(await withFreshChecksum(env))))).toBe('unknown-version');
      // Also a version-1-shaped envelope claiming a newer version.
      const v1 = { ...JSON.parse(V1_ARGON2ID), envelopeVersion: version };
      expect(await codeOf(openWithPassphrase(JSON.stringify(v1), PASS))).toBe('unknown-version');
    }
  });
});

describe('key derivation per write (independent re-implementation with plain WebCrypto)', () => {
  async function decryptManually(text: string, master: Uint8Array<ArrayBuffer>, hkdfSalt: Uint8Array<ArrayBuffer>, aad: unknown[]) {
    const env = JSON.parse(text) as Envelope;
    const base = await crypto.subtle.importKey('raw', master, 'HKDF', false, ['deriveKey']);
    const aes = await crypto.subtle.deriveKey(
      { name: 'HKDF', hash: 'SHA-256', salt: hkdfSalt, info: new TextEncoder().encode('discreet-vault/aes-256-gcm/v1') },
      base,
      { name: 'AES-GCM', length: 256 },
      false,
      ['decrypt'],
    );
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64(env.iv), additionalData: new TextEncoder().encode(JSON.stringify(aad)), tagLength: 128 },
      aes,
      fromBase64(env.ciphertext),
    );
    return new TextDecoder().decode(plain);
  }

  it('version 2: AES key = HKDF(master, salt = writeSalt, AES info); AAD = header with the write salt', async () => {
    const key = await VaultKey.derive(PASS, newKdfHeader(TEST_KDF.pbkdf2), { exportable: true });
    const master = fromBase64(key.export().master);
    const text = await seal(key, SECRET);
    const env = JSON.parse(text) as EnvelopeV2;
    if (env.kdf.name !== 'pbkdf2-sha256') throw new Error('expected pbkdf2');
    const aad = ['discreet-vault', 2, env.kdf.name, env.kdf.iterations, env.kdf.salt, env.writeSalt];
    expect(await decryptManually(text, master, fromBase64(env.writeSalt), aad)).toBe(SECRET);
    // Not the empty salt (the version-1 key), and not without the write salt in the AAD.
    await expect(decryptManually(text, master, new Uint8Array(0), aad)).rejects.toThrow();
    await expect(decryptManually(text, master, fromBase64(env.writeSalt), aad.slice(0, -1))).rejects.toThrow();
  });

  it('version 1: AES key = HKDF(master, empty salt, AES info); AAD = header without a write salt', async () => {
    const { key } = await openWithPassphrase(V1_PBKDF2_SECRET, PASS, { exportable: true });
    const env = JSON.parse(V1_PBKDF2_SECRET) as Envelope;
    if (env.kdf.name !== 'pbkdf2-sha256') throw new Error('expected pbkdf2');
    const aad = ['discreet-vault', 1, env.kdf.name, env.kdf.iterations, env.kdf.salt];
    expect(await decryptManually(V1_PBKDF2_SECRET, fromBase64(key.export().master), new Uint8Array(0), aad)).toBe(SECRET);
  });
});

describe('version-1 envelopes (before the write salt)', () => {
  it('still open with the passphrase and with the derived key, for both KDFs', async () => {
    for (const [text, expected] of [
      [V1_PBKDF2_SECRET, SECRET],
      [V1_ARGON2ID, V1_ARGON2ID_TEXT],
    ] as const) {
      const { plaintext, key, envelope } = await openWithPassphrase(text, PASS, { exportable: true });
      expect(plaintext).toBe(expected);
      expect(envelope.envelopeVersion).toBe(1);
      expect('writeSalt' in envelope).toBe(false);
      expect((await openWithKey(text, key)).plaintext).toBe(expected);
      const reimported = await VaultKey.import(JSON.parse(JSON.stringify(key.export())));
      expect((await openWithKey(text, reimported)).plaintext).toBe(expected);
      expect(await codeOf(openWithPassphrase(text, 'not the passphrase'))).toBe('wrong-passphrase');
    }
  });

  it('the next write after opening a version-1 envelope is version 2 and opens with the same key and passphrase', async () => {
    const { key } = await openWithPassphrase(V1_PBKDF2_SECRET, PASS);
    const next = JSON.parse(await seal(key, SECRET)) as EnvelopeV2;
    const old = JSON.parse(V1_PBKDF2_SECRET) as Envelope;
    expect(next.envelopeVersion).toBe(2);
    expect(fromBase64(next.writeSalt)).toHaveLength(16);
    expect(next.kdf).toEqual(old.kdf); // same key: same KDF salt and params
    expect(next.keyCheck).toBe(old.keyCheck); // the key check does not depend on the version or the write
    expect((await openWithKey(JSON.stringify(next), key)).plaintext).toBe(SECRET);
    expect((await openWithPassphrase(JSON.stringify(next), PASS)).plaintext).toBe(SECRET);
  });

  it('refuses mixed shapes: version 1 with a write salt, version 2 without one', async () => {
    const v1 = JSON.parse(V1_PBKDF2_SECRET) as Envelope;
    const v2 = JSON.parse(await sealed(TEST_KDF.pbkdf2)) as EnvelopeV2;
    const v1WithSalt = await withFreshChecksum({ ...v1, writeSalt: v2.writeSalt } as unknown as Envelope);
    const { writeSalt: _w, ...v2NoSalt } = v2;
    const v2WithoutSalt = await withFreshChecksum(v2NoSalt as unknown as Envelope);
    // A version-2 envelope relabelled as version 1 (write salt dropped): the AES key and AAD differ.
    const downgraded = await withFreshChecksum({ ...v2NoSalt, envelopeVersion: 1 } as unknown as Envelope);
    expect(await codeOf(openWithPassphrase(JSON.stringify(v1WithSalt), PASS))).toBe('corrupt');
    expect(await codeOf(openWithPassphrase(JSON.stringify(v2WithoutSalt), PASS))).toBe('corrupt');
    expect(await codeOf(openWithPassphrase(JSON.stringify(downgraded), PASS))).toBe('corrupt');
    // And a version-1 envelope relabelled as version 2 with some write salt.
    const upgraded = await withFreshChecksum({ ...v1, envelopeVersion: 2, writeSalt: v2.writeSalt } as unknown as Envelope);
    expect(await codeOf(openWithPassphrase(JSON.stringify(upgraded), PASS))).toBe('corrupt');
  });

  it('rejects a write salt that is not exactly 16 bytes of canonical base64', async () => {
    const env = JSON.parse(await sealed(TEST_KDF.pbkdf2, 'x')) as EnvelopeV2;
    const bad = [
      toBase64(new Uint8Array(15)),
      toBase64(new Uint8Array(17)),
      toBase64(new Uint8Array(0)),
      'AAAAAAAAAAAAAAAAAAAAAB==', // non-canonical padding bits
      'AAAAAAAAAAAAAAAAAAAAAA', // missing padding
      42,
      null,
    ];
    for (const writeSalt of bad) {
      const candidate = await withFreshChecksum({ ...env, writeSalt } as unknown as Envelope);
      expect(await codeOf(openWithPassphrase(JSON.stringify(candidate), PASS)), String(writeSalt)).toBe('corrupt');
    }
  });
});

describe('tampering', () => {
  function flipByteIn(b64: string, pos: number): string {
    const bytes = fromBase64(b64);
    bytes[pos] = bytes[pos]! ^ 0x01;
    return toBase64(bytes);
  }

  type Field = 'salt' | 'writeSalt' | 'iv' | 'ciphertext' | 'keyCheck';
  const FIELDS: Field[] = ['salt', 'writeSalt', 'iv', 'ciphertext', 'keyCheck'];
  const V1_FIELDS: Field[] = ['salt', 'iv', 'ciphertext', 'keyCheck'];
  const get = (e: Envelope, f: Field): string => {
    if (f === 'salt') return e.kdf.salt;
    if (f === 'writeSalt') {
      if (e.envelopeVersion !== 2) throw new Error('no write salt in a version-1 envelope');
      return e.writeSalt;
    }
    return e[f];
  };
  const put = (e: Envelope, f: Field, v: string): Envelope =>
    f === 'salt' ? { ...e, kdf: { ...e.kdf, salt: v } } : ({ ...e, [f]: v } as Envelope);

  it('the loops below cover every binary field of both envelope versions', async () => {
    const v2 = JSON.parse(await sealed(TEST_KDF.pbkdf2, 'x')) as Envelope;
    const binary = (e: Envelope) => Object.keys(e).filter((k) => !['format', 'envelopeVersion', 'kdf', 'checksum'].includes(k));
    expect(binary(v2).sort()).toEqual(FIELDS.filter((f) => f !== 'salt').sort());
    expect(binary(JSON.parse(V1_ARGON2ID) as Envelope).sort()).toEqual(V1_FIELDS.filter((f) => f !== 'salt').sort());
  });

  it('rejects a flipped byte at every position of salt, write salt, IV, ciphertext and key check (damage: corrupt)', async () => {
    const env = JSON.parse(await sealed(TEST_KDF.argon2id, 'kort')) as Envelope;
    for (const field of FIELDS) {
      const n = fromBase64(get(env, field)).length;
      for (let pos = 0; pos < n; pos++) {
        const bad = put(env, field, flipByteIn(get(env, field), pos));
        expect(await codeOf(openWithPassphrase(JSON.stringify(bad), PASS)), `${field}[${pos}]`).toBe('corrupt');
      }
    }
  });

  it('rejects a flipped byte even when the attacker recomputes the checksum (key check and AES-GCM catch it)', async () => {
    const env = JSON.parse(await sealed(TEST_KDF.pbkdf2, 'kort')) as Envelope;
    const key = await VaultKey.derive(PASS, env.kdf);
    for (const field of FIELDS) {
      const n = fromBase64(get(env, field)).length;
      for (let pos = 0; pos < n; pos++) {
        const bad = await withFreshChecksum(put(env, field, flipByteIn(get(env, field), pos)));
        const code = await codeOf(openWithPassphrase(JSON.stringify(bad), PASS));
        // Salt or key check altered: indistinguishable from a wrong passphrase. Write salt, IV or ciphertext:
        // the key check still passes, so it is reported as damage.
        const expected = field === 'salt' || field === 'keyCheck' ? 'wrong-passphrase' : 'corrupt';
        expect(code, `${field}[${pos}]`).toBe(expected);
        if (field !== 'salt') expect(await codeOf(openWithKey(JSON.stringify(bad), key)), `key: ${field}[${pos}]`).toBe(expected);
      }
    }
  });

  it('version-1 envelopes: a flipped byte anywhere is rejected, with or without a recomputed checksum', async () => {
    for (const text of [V1_ARGON2ID, V1_PBKDF2_SECRET]) {
      const env = JSON.parse(text) as Envelope;
      for (const field of V1_FIELDS) {
        const n = fromBase64(get(env, field)).length;
        for (let pos = 0; pos < n; pos++) {
          const bad = put(env, field, flipByteIn(get(env, field), pos));
          expect(await codeOf(openWithPassphrase(JSON.stringify(bad), PASS)), `${field}[${pos}]`).toBe('corrupt');
          const refreshed = await withFreshChecksum(bad);
          expect(await codeOf(openWithPassphrase(JSON.stringify(refreshed), PASS)), `fresh ${field}[${pos}]`).toBe(
            field === 'salt' || field === 'keyCheck' ? 'wrong-passphrase' : 'corrupt',
          );
        }
      }
    }
  });

  it('detects changed KDF params (they are authenticated), with or without a recomputed checksum', async () => {
    const env = JSON.parse(await sealed(TEST_KDF.argon2id, 'kort')) as Envelope;
    if (env.kdf.name !== 'argon2id') throw new Error('expected argon2id');
    const variants: Envelope[] = [
      { ...env, kdf: { ...env.kdf, iterations: 2 } },
      { ...env, kdf: { ...env.kdf, memoryKiB: 2048 } },
      { ...env, kdf: { ...env.kdf, parallelism: 2 } },
      { ...env, kdf: { name: 'pbkdf2-sha256', iterations: 1000, salt: env.kdf.salt } },
    ];
    for (const v of variants) {
      expect(await codeOf(openWithPassphrase(JSON.stringify(v), PASS))).toBe('corrupt');
      const refreshed = await withFreshChecksum(v);
      expect(['wrong-passphrase', 'corrupt']).toContain(await codeOf(openWithPassphrase(JSON.stringify(refreshed), PASS)));
    }
  });

  it('rejects every single-character change and every truncation of the envelope text', async () => {
    const text = await sealed(TEST_KDF.pbkdf2, 'x');
    for (let i = 0; i < text.length; i++) {
      const c = text[i] === 'A' ? 'B' : 'A';
      const bad = text.slice(0, i) + c + text.slice(i + 1);
      expect(['corrupt', 'unknown-version'], `pos ${i}`).toContain(await codeOf(parseEnvelope(bad)));
    }
    for (let n = 0; n < text.length; n += 7) expect(await codeOf(parseEnvelope(text.slice(0, n)))).toBe('corrupt');
  });

  it('rejects absurd KDF params from a hostile file before running the KDF', async () => {
    const env = JSON.parse(await sealed()) as Envelope;
    const huge = await withFreshChecksum({ ...env, kdf: { ...env.kdf, memoryKiB: 64 * 1024 * 1024 } as Envelope['kdf'] });
    expect(await codeOf(openWithPassphrase(JSON.stringify(huge), PASS))).toBe('corrupt');
  });
});

describe('fuzzing', () => {
  it('random strings and random JSON never decrypt and never throw anything but VaultError', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.json(), fc.jsonValue().map((v) => JSON.stringify(v))), async (text) => {
        const code = await codeOf(openWithPassphrase(text, PASS));
        expect(['corrupt', 'unknown-version']).toContain(code);
      }),
      { numRuns: 300 },
    );
  });

  it('random bytes in every binary field never decrypt and never throw anything but VaultError', async () => {
    const env = JSON.parse(await sealed(TEST_KDF.pbkdf2, 'x')) as Envelope;
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ minLength: 16, maxLength: 16 }),
        fc.option(fc.uint8Array({ minLength: 16, maxLength: 16 })),
        fc.uint8Array({ minLength: 12, maxLength: 12 }),
        fc.uint8Array({ minLength: 0, maxLength: 80 }),
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.boolean(),
        async (salt, writeSalt, iv, ct, check, fresh) => {
          const candidate = {
            ...env,
            kdf: { ...env.kdf, salt: toBase64(salt) },
            ...(writeSalt ? { writeSalt: toBase64(writeSalt) } : {}),
            iv: toBase64(iv),
            ciphertext: toBase64(ct),
            keyCheck: toBase64(check),
          } as Envelope;
          const text = JSON.stringify(fresh ? await withFreshChecksum(candidate) : candidate);
          expect(['corrupt', 'wrong-passphrase']).toContain(await codeOf(openWithPassphrase(text, PASS)));
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('KDF upgrade rule', () => {
  it('treats lower memory/iterations and PBKDF2 as weaker than the defaults, never Argon2id as weaker than PBKDF2', () => {
    expect(kdfIsWeaker(TEST_KDF.argon2id, DEFAULT_ARGON2ID)).toBe(true);
    expect(kdfIsWeaker(DEFAULT_ARGON2ID, DEFAULT_ARGON2ID)).toBe(false);
    expect(kdfIsWeaker(TEST_KDF.pbkdf2, DEFAULT_PBKDF2)).toBe(true);
    expect(kdfIsWeaker(DEFAULT_PBKDF2, DEFAULT_ARGON2ID)).toBe(true);
    expect(kdfIsWeaker(DEFAULT_ARGON2ID, DEFAULT_PBKDF2)).toBe(false);
  });
});
