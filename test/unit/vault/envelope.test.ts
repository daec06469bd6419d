import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_ARGON2ID,
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
  type KdfParams,
} from '../../../src/vault/envelope';
import { VaultError } from '../../../src/vault/errors';

const PASS = 'correct horse battery staple 42';
const SECRET = JSON.stringify({ clients: [{ name: 'Anneke de Vries', email: 'anneke@example.nl' }] });

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
      expect(env.envelopeVersion).toBe(1);
      expect(env.kdf).toMatchObject(params);
      expect(fromBase64(env.kdf.salt)).toHaveLength(16);
      expect(fromBase64(env.iv)).toHaveLength(12);
      const { plaintext } = await openWithPassphrase(text, PASS);
      expect(plaintext).toBe(SECRET);
    });
  }

  it('uses a fresh IV on every write and a fresh salt on every new key', async () => {
    const key = await VaultKey.derive(PASS, newKdfHeader(TEST_KDF.argon2id));
    const a = JSON.parse(await seal(key, SECRET)) as Envelope;
    const b = JSON.parse(await seal(key, SECRET)) as Envelope;
    expect(a.iv).not.toBe(b.iv);
    expect(a.ciphertext).not.toBe(b.ciphertext);
    const c = JSON.parse(await sealed()) as Envelope;
    expect(c.kdf.salt).not.toBe(a.kdf.salt);
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
    const env = JSON.parse(await sealed());
    env.envelopeVersion = 2;
    expect(await codeOf(openWithPassphrase(JSON.stringify(env), PASS))).toBe('unknown-version');
  });
});

describe('tampering', () => {
  function flipByteIn(b64: string, pos: number): string {
    const bytes = fromBase64(b64);
    bytes[pos] = bytes[pos]! ^ 0x01;
    return toBase64(bytes);
  }

  type Field = 'salt' | 'iv' | 'ciphertext' | 'keyCheck';
  const get = (e: Envelope, f: Field) => (f === 'salt' ? e.kdf.salt : e[f]);
  const put = (e: Envelope, f: Field, v: string): Envelope =>
    f === 'salt' ? { ...e, kdf: { ...e.kdf, salt: v } } : { ...e, [f]: v };

  it('rejects a flipped byte at every position of salt, IV, ciphertext and key check (damage: corrupt)', async () => {
    const env = JSON.parse(await sealed(TEST_KDF.argon2id, 'kort')) as Envelope;
    for (const field of ['salt', 'iv', 'ciphertext', 'keyCheck'] as Field[]) {
      const n = fromBase64(get(env, field)).length;
      for (let pos = 0; pos < n; pos++) {
        const bad = put(env, field, flipByteIn(get(env, field), pos));
        expect(await codeOf(openWithPassphrase(JSON.stringify(bad), PASS)), `${field}[${pos}]`).toBe('corrupt');
      }
    }
  });

  it('rejects a flipped byte even when the attacker recomputes the checksum (key check and AES-GCM catch it)', async () => {
    const env = JSON.parse(await sealed(TEST_KDF.pbkdf2, 'kort')) as Envelope;
    for (const field of ['salt', 'iv', 'ciphertext', 'keyCheck'] as Field[]) {
      const n = fromBase64(get(env, field)).length;
      for (let pos = 0; pos < n; pos++) {
        const bad = await withFreshChecksum(put(env, field, flipByteIn(get(env, field), pos)));
        const code = await codeOf(openWithPassphrase(JSON.stringify(bad), PASS));
        // Salt or key check altered: indistinguishable from a wrong passphrase. IV or ciphertext: the key
        // check still passes, so it is reported as damage.
        expect(code, `${field}[${pos}]`).toBe(field === 'salt' || field === 'keyCheck' ? 'wrong-passphrase' : 'corrupt');
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
        fc.uint8Array({ minLength: 12, maxLength: 12 }),
        fc.uint8Array({ minLength: 0, maxLength: 80 }),
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.boolean(),
        async (salt, iv, ct, check, fresh) => {
          const candidate = { ...env, kdf: { ...env.kdf, salt: toBase64(salt) }, iv: toBase64(iv), ciphertext: toBase64(ct), keyCheck: toBase64(check) };
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
