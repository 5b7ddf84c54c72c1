import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { createSandbox, type Sandbox } from '../../launch/sandbox/sandbox-app';
import { loadSandboxConfig } from '../../launch/sandbox/sandbox-config';

export const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

export interface TestKey {
  alg: 'ES384' | 'RS384';
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

export async function makeKey(
  alg: 'ES384' | 'RS384',
  kid: string = crypto.randomUUID(),
): Promise<TestKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg);
  return { alg, kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg } };
}

/** A backend client's JWKS on a loopback port; `keys` may be changed to rotate. */
export interface JwksHost {
  url: string;
  keys: JWK[];
  /** How many times the JWKS was fetched. */
  fetches: number;
}

export interface BackendSandbox {
  sandbox: Sandbox;
  url: string;
  tokenUrl: string;
  fhirBaseUrl: string;
  jwks: Record<string, JwksHost>;
  close(): Promise<void>;
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://localhost:${(server.address() as AddressInfo).port}`;
}

/**
 * A sandbox EHR on a loopback port with backend clients registered by JWKS URL, each JWKS served
 * by a small HTTP server of its own, as a backend app would publish it.
 */
export async function startBackendSandbox(
  clients: { clientId: string; scope: string; keys: TestKey[] }[],
  env: NodeJS.ProcessEnv = {},
): Promise<BackendSandbox> {
  const servers: Server[] = [];
  const jwks: Record<string, JwksHost> = {};
  for (const client of clients) {
    const host: JwksHost = { url: '', keys: client.keys.map((k) => k.publicJwk), fetches: 0 };
    const server = createServer((_req, res) => {
      host.fetches += 1;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: host.keys }));
    });
    host.url = `${await listen(server)}/.well-known/jwks.json`;
    servers.push(server);
    jwks[client.clientId] = host;
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'chartside-backend-'));
  const sandboxServer = createServer();
  const url = await listen(sandboxServer);
  const sandbox = await createSandbox(
    loadSandboxConfig({
      ...env,
      SANDBOX_PUBLIC_URL: url,
      PUBLIC_URL: 'http://localhost:3999',
      DATA_DIR: dataDir,
      SANDBOX_BACKEND_CLIENTS: JSON.stringify(
        clients.map((c) => ({
          clientId: c.clientId,
          scope: c.scope,
          jwksUri: jwks[c.clientId]!.url,
        })),
      ),
    }),
  );
  sandboxServer.on('request', sandbox.app);
  servers.push(sandboxServer);
  return {
    sandbox,
    url,
    tokenUrl: `${sandbox.urls.oidcIssuer}/token`,
    fhirBaseUrl: sandbox.urls.fhirBaseUrl,
    jwks,
    async close() {
      for (const server of servers) {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface AssertionOptions {
  clientId: string;
  key: TestKey;
  aud: string;
  /** Seconds from now; 240 by default. */
  expiresIn?: number;
  jti?: string;
  header?: Record<string, unknown>;
  omitExp?: boolean;
}

/** A client assertion as SMART Backend Services clients sign it (iss = sub = client id). */
export async function signAssertion(options: AssertionOptions): Promise<string> {
  const jwt = new SignJWT({})
    .setProtectedHeader({
      alg: options.key.alg,
      kid: options.key.kid,
      typ: 'JWT',
      ...options.header,
    })
    .setIssuer(options.clientId)
    .setSubject(options.clientId)
    .setAudience(options.aud)
    .setJti(options.jti ?? crypto.randomUUID());
  if (!options.omitExp)
    jwt.setExpirationTime(Math.floor(Date.now() / 1000) + (options.expiresIn ?? 240));
  return jwt.sign(options.key.privateKey);
}

/** Posts a client_credentials token request with the given form fields. */
export async function requestToken(
  tokenUrl: string,
  fields: Record<string, string>,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', ...fields }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** A system access token for the client, through the real token endpoint. */
export async function systemToken(
  stack: BackendSandbox,
  clientId: string,
  key: TestKey,
  scope: string,
): Promise<string> {
  const assertion = await signAssertion({ clientId, key, aud: stack.tokenUrl });
  const { status, body } = await requestToken(stack.tokenUrl, {
    client_assertion_type: ASSERTION_TYPE,
    client_assertion: assertion,
    scope,
  });
  if (status !== 200) throw new Error(`token request failed: ${JSON.stringify(body)}`);
  return body.access_token as string;
}
