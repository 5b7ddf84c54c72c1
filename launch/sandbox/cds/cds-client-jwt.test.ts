import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createSandbox } from '../sandbox-app';
import { loadSandboxConfig } from '../sandbox-config';
import { signCdsClientJwt } from './cds-client-jwt';
import { loadOrCreateCdsClientKey, type CdsClientKey } from './cds-client-key';

const SERVICE_URL = 'https://app.test/cds-services/chartside-patient-view';
let dataDir: string;
let server: Server;
let sandboxUrl: string;
let key: CdsClientKey;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'sandbox-cds-key-'));
  server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  sandboxUrl = `http://localhost:${(server.address() as AddressInfo).port}`;
  const sandbox = await createSandbox(
    loadSandboxConfig({ SANDBOX_PUBLIC_URL: sandboxUrl, DATA_DIR: dataDir }),
  );
  server.on('request', sandbox.app);
  key = await loadOrCreateCdsClientKey(dataDir);
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  rmSync(dataDir, { recursive: true, force: true });
});

test('a CDS call JWT verifies with the JWKS the sandbox serves at its jku', async () => {
  const jwt = await signCdsClientJwt(key, { issuer: sandboxUrl, audience: SERVICE_URL });
  const header = decodeProtectedHeader(jwt);
  expect(header).toEqual({
    alg: 'ES384',
    kid: key.kid,
    typ: 'JWT',
    jku: `${sandboxUrl}/cds-client/jwks.json`,
  });
  const jwks = createRemoteJWKSet(new URL(header.jku!));
  const { payload } = await jwtVerify(jwt, jwks, {
    issuer: sandboxUrl,
    audience: SERVICE_URL,
    algorithms: ['ES384'],
    typ: 'JWT',
  });
  expect(payload.jti).toMatch(/^[0-9a-f-]{36}$/);
  expect(payload.exp! - payload.iat!).toBeLessThanOrEqual(300);
  expect(payload.exp! - payload.iat!).toBeGreaterThan(0);
});

test('every JWT has a fresh jti', async () => {
  const sign = () => signCdsClientJwt(key, { issuer: sandboxUrl, audience: SERVICE_URL });
  const jwts = await Promise.all([sign(), sign(), sign()]);
  expect(new Set(jwts.map((jwt) => decodeJwt(jwt).jti)).size).toBe(3);
});

test('the served JWKS holds only the public P-384 key', async () => {
  const response = await fetch(`${sandboxUrl}/cds-client/jwks.json`);
  expect(response.headers.get('access-control-allow-origin')).toBe('*');
  const { keys } = (await response.json()) as { keys: Record<string, string>[] };
  expect(keys).toHaveLength(1);
  expect(keys[0]).toMatchObject({
    kty: 'EC',
    crv: 'P-384',
    alg: 'ES384',
    use: 'sig',
    kid: key.kid,
  });
  expect(keys[0]).not.toHaveProperty('d');
});

test('the key is generated once and reused from the data directory', async () => {
  const again = await loadOrCreateCdsClientKey(dataDir);
  expect(again.publicJwk).toEqual(key.publicJwk);
});

test('a JWT signed for one URL does not verify for another', async () => {
  const jwt = await signCdsClientJwt(key, { issuer: sandboxUrl, audience: SERVICE_URL });
  const jwks = createRemoteJWKSet(new URL(`${sandboxUrl}/cds-client/jwks.json`));
  await expect(
    jwtVerify(jwt, jwks, { issuer: sandboxUrl, audience: `${SERVICE_URL}/feedback` }),
  ).rejects.toThrow('unexpected "aud" claim value');
});
