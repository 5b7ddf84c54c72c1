import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { BackendClient } from './backend-clients';
import { ClientAssertionVerifier } from './client-assertion';

const TOKEN_URL = 'http://localhost:4000/auth/token';

interface Key {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

async function makeKey(): Promise<Key> {
  const kid = crypto.randomUUID();
  const { privateKey, publicKey } = await generateKeyPair('ES384');
  return { kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'ES384' } };
}

function sign(
  clientId: string,
  key: Key,
  claims: { exp?: number; jti?: string; aud?: string | string[] } = {},
): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: 'ES384', kid: key.kid, typ: 'JWT' })
    .setIssuer(clientId)
    .setSubject(clientId)
    .setAudience(claims.aud ?? TOKEN_URL)
    .setJti(claims.jti ?? crypto.randomUUID())
    .setExpirationTime(claims.exp ?? Math.floor(Date.now() / 1000) + 120)
    .sign(key.privateKey);
}

let server: Server;
let jwksUri: string;
let served: JWK[] = [];
let fetches = 0;
let inline: Key;
let remote: Key;

beforeAll(async () => {
  inline = await makeKey();
  remote = await makeKey();
  served = [remote.publicJwk];
  server = createServer((_req, res) => {
    fetches += 1;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: served }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  jwksUri = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function verifier(cooldownMs = 60_000): ClientAssertionVerifier {
  const clients: BackendClient[] = [
    { clientId: 'inline', jwks: { keys: [inline.publicJwk as never] }, scope: 'system/*.rs' },
    { clientId: 'remote', jwksUri, scope: 'system/Patient.rs' },
  ];
  return new ClientAssertionVerifier({
    clients,
    tokenUrl: TOKEN_URL,
    refetchCooldownMs: cooldownMs,
  });
}

test('an assertion signed by an inline registered key identifies its client', async () => {
  const client = await verifier().verify(await sign('inline', inline));
  expect(client.clientId).toBe('inline');
});

test('exp may be five minutes ahead, not more', async () => {
  const now = Math.floor(Date.now() / 1000);
  const check = verifier();
  await expect(
    check.verify(await sign('inline', inline, { exp: now + 300 })),
  ).resolves.toBeDefined();
  await expect(check.verify(await sign('inline', inline, { exp: now + 400 }))).rejects.toThrow(
    'exp is more than five minutes in the future',
  );
});

test('aud must be the token URL itself, not a list holding it', async () => {
  await expect(
    verifier().verify(await sign('inline', inline, { aud: [TOKEN_URL, 'http://evil'] })),
  ).rejects.toThrow('aud must be exactly the token endpoint URL');
});

test('a forged assertion does not use up the jti of a genuine one', async () => {
  const check = verifier();
  const forger = await makeKey();
  const jti = crypto.randomUUID();
  await expect(
    check.verify(await sign('inline', { ...forger, kid: inline.kid }, { jti })),
  ).rejects.toThrow('the signature does not verify with the registered key');
  await expect(check.verify(await sign('inline', inline, { jti }))).resolves.toBeDefined();
  await expect(check.verify(await sign('inline', inline, { jti }))).rejects.toThrow(
    'jti was already used',
  );
});

test('a jti is remembered per client: another client may use the same value', async () => {
  const check = verifier();
  const jti = crypto.randomUUID();
  await check.verify(await sign('inline', inline, { jti }));
  await expect(check.verify(await sign('remote', remote, { jti }))).resolves.toBeDefined();
});

test('a JWKS URL is fetched once, and again for an unknown kid only after the cooldown', async () => {
  served = [remote.publicJwk];
  const patient = verifier(60_000);
  const eager = verifier(0);
  const before = fetches;
  await patient.verify(await sign('remote', remote));
  await patient.verify(await sign('remote', remote));
  await eager.verify(await sign('remote', remote));
  expect(fetches - before).toBe(2);
  const rotated = await makeKey();
  served = [remote.publicJwk, rotated.publicJwk];
  // Inside the cooldown an unknown kid does not make the sandbox fetch again.
  await expect(patient.verify(await sign('remote', rotated))).rejects.toThrow(
    'no registered key matches the kid and alg',
  );
  expect(fetches - before).toBe(2);
  await expect(eager.verify(await sign('remote', rotated))).resolves.toBeDefined();
  expect(fetches - before).toBe(3);
  served = [remote.publicJwk];
});

test('a JWKS URL that does not answer refuses the client', async () => {
  const check = new ClientAssertionVerifier({
    clients: [{ clientId: 'gone', jwksUri: 'http://127.0.0.1:9/jwks.json', scope: 'system/*.rs' }],
    tokenUrl: TOKEN_URL,
  });
  await expect(check.verify(await sign('gone', remote))).rejects.toThrow(
    "the assertion could not be verified against the client's keys",
  );
});

test('a token that is not a JWT is refused without details', async () => {
  await expect(verifier().verify('not-a-jwt')).rejects.toThrow(
    'client_assertion is not a signed JWT',
  );
});
