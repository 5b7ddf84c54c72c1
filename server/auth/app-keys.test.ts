import { generateKeyPairSync, type JsonWebKey } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, jwtVerify, createLocalJWKSet, SignJWT } from 'jose';
import { afterEach, expect, test } from 'vitest';
import { loadAppKeys } from './app-keys';

const dirs: string[] = [];
function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'chartside-keys-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function privateJwk(alg: 'ES256' | 'ES384' | 'RS384') {
  const { privateKey } = await generateKeyPair(alg, { extractable: true, modulusLength: 2048 });
  return { ...(await exportJWK(privateKey)), kid: `${alg}-given` };
}

/** jose will not make a key this weak; node:crypto will, as an old key file might be. */
function weakRsaJwk(): JsonWebKey {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
  return { ...privateKey.export({ format: 'jwk' }), kid: 'weak' };
}

const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi'];

test('in development the ES384 and RS384 client-assertion keys are generated beside the app key, mode 0600', async () => {
  const dir = dataDir();
  const keys = await loadAppKeys({ dataDir: dir });
  expect(readdirSync(dir).sort()).toEqual([
    'app-client-es384.private.jwk.json',
    'app-client-rs384.private.jwk.json',
    'app-signing-key.private.jwk.json',
  ]);
  for (const file of readdirSync(dir)) expect(statSync(join(dir, file)).mode & 0o777).toBe(0o600);
  expect(keys.clientAssertion.ES384?.alg).toBe('ES384');
  expect(keys.clientAssertion.RS384?.alg).toBe('RS384');
  expect(keys.clientAssertion.ES384?.kid).toMatch(/^[0-9a-f-]{36}$/);
  expect(keys.clientAssertion.RS384?.kid).toMatch(/^[0-9a-f-]{36}$/);
});

test('the JWKS publishes the session key first, then the public halves with alg and use "sig"', async () => {
  const keys = await loadAppKeys({ dataDir: dataDir() });
  expect(keys.jwks.keys.map((key) => [key.kid, key.alg, key.use, key.kty, key.crv])).toEqual([
    [keys.kid, 'ES256', 'sig', 'EC', 'P-256'],
    [keys.clientAssertion.ES384?.kid, 'ES384', 'sig', 'EC', 'P-384'],
    [keys.clientAssertion.RS384?.kid, 'RS384', 'sig', 'RSA', undefined],
  ]);
  for (const key of keys.jwks.keys) {
    for (const member of PRIVATE_MEMBERS) expect(key).not.toHaveProperty(member);
  }
  const rsa = keys.jwks.keys[2]!;
  expect(Buffer.from(rsa.n!, 'base64url').length).toBeGreaterThanOrEqual(256);
});

test('a restart reuses every generated key (same kids, same signatures verify)', async () => {
  const dir = dataDir();
  const first = await loadAppKeys({ dataDir: dir });
  const second = await loadAppKeys({ dataDir: dir });
  expect(second.jwks).toEqual(first.jwks);
  const jwt = await new SignJWT({})
    .setProtectedHeader({ alg: 'RS384', kid: first.clientAssertion.RS384!.kid })
    .sign(first.clientAssertion.RS384!.privateKey);
  await expect(jwtVerify(jwt, createLocalJWKSet(second.jwks))).resolves.toBeDefined();
});

test('keys given as JWKs are used as given and nothing is written', async () => {
  const es384 = await privateJwk('ES384');
  const rs384 = await privateJwk('RS384');
  const keys = await loadAppKeys({
    dataDir: '/nonexistent',
    privateJwk: JSON.stringify(await privateJwk('ES256')),
    clientAssertionJwks: { ES384: JSON.stringify(es384), RS384: JSON.stringify(rs384) },
  });
  expect(keys.kid).toBe('ES256-given');
  expect(keys.clientAssertion.ES384?.kid).toBe('ES384-given');
  expect(keys.clientAssertion.RS384?.kid).toBe('RS384-given');
  expect(keys.jwks.keys.map((key) => key.kid)).toEqual([
    'ES256-given',
    'ES384-given',
    'RS384-given',
  ]);
});

test('a deployment that gives only the app key has no client-assertion key and an unchanged JWKS', async () => {
  const keys = await loadAppKeys({
    dataDir: '/nonexistent',
    privateJwk: JSON.stringify(await privateJwk('ES256')),
  });
  expect(keys.clientAssertion).toEqual({});
  expect(keys.jwks.keys).toHaveLength(1);
  expect(keys.jwks.keys[0]).toMatchObject({ kid: 'ES256-given', alg: 'ES256', use: 'sig' });
});

test('a key of the wrong kind or size is refused', async () => {
  const base = { dataDir: '/nonexistent', privateJwk: JSON.stringify(await privateJwk('ES256')) };
  await expect(
    loadAppKeys({
      ...base,
      clientAssertionJwks: { ES384: JSON.stringify(await privateJwk('ES256')) },
    }),
  ).rejects.toThrow('The ES384 client-assertion key must be an EC P-384 private JWK');
  await expect(
    loadAppKeys({
      ...base,
      clientAssertionJwks: { RS384: JSON.stringify(weakRsaJwk()) },
    }),
  ).rejects.toThrow('The RS384 client-assertion key must have a modulus of at least 2048 bits');
  const publicOnly: Record<string, unknown> = await privateJwk('ES384');
  delete publicOnly.d;
  await expect(
    loadAppKeys({ ...base, clientAssertionJwks: { ES384: JSON.stringify(publicOnly) } }),
  ).rejects.toThrow('The ES384 client-assertion key must be an EC P-384 private JWK');
  const noKid: Record<string, unknown> = await privateJwk('RS384');
  delete noKid.kid;
  await expect(
    loadAppKeys({ ...base, clientAssertionJwks: { RS384: JSON.stringify(noKid) } }),
  ).rejects.toThrow('The RS384 client-assertion key must have a kid');
});

test('a key that is not JSON is refused without quoting it', async () => {
  const secret = 'not-json-SECRET-MATERIAL';
  const error = await loadAppKeys({
    dataDir: '/nonexistent',
    privateJwk: JSON.stringify(await privateJwk('ES256')),
    clientAssertionJwks: { RS384: secret },
  }).then(
    () => new Error('expected a refusal'),
    (caught: unknown) => caught as Error,
  );
  expect(error.message).toBe('The RS384 client-assertion key is not a JSON Web Key');
  expect(String(error.stack)).not.toContain('SECRET');
});

test('serialising the keys (as a careless log would) shows no private key material', async () => {
  const es384 = await privateJwk('ES384');
  const rs384 = await privateJwk('RS384');
  const keys = await loadAppKeys({
    dataDir: '/nonexistent',
    privateJwk: JSON.stringify(await privateJwk('ES256')),
    clientAssertionJwks: { ES384: JSON.stringify(es384), RS384: JSON.stringify(rs384) },
  });
  const text = JSON.stringify(keys);
  expect(text).not.toContain(es384.d);
  expect(text).not.toContain(rs384.d);
  expect(text).not.toContain(rs384.p);
});
