import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';

/** The JWKS path the sandbox's CDS Hooks JWTs name in their `jku` header. */
export const CDS_CLIENT_JWKS_PATH = '/cds-client/jwks.json';

export interface CdsClientKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

/**
 * The ES384 (P-384) key the sandbox signs its CDS Hooks calls with (CDS Hooks 2.0.1 §Trusting
 * CDS Clients), generated on first run under `dataDir` and reused after, like the RS256 key.
 */
export async function loadOrCreateCdsClientKey(dataDir: string): Promise<CdsClientKey> {
  const file = join(dataDir, 'sandbox-cds-client-key.private.jwk.json');
  let privateJwk: JWK;
  try {
    privateJwk = JSON.parse(await readFile(file, 'utf8')) as JWK;
  } catch {
    const { privateKey } = await generateKeyPair('ES384', { extractable: true });
    privateJwk = { ...(await exportJWK(privateKey)), kid: crypto.randomUUID(), alg: 'ES384' };
    await mkdir(dataDir, { recursive: true });
    await writeFile(file, JSON.stringify(privateJwk), { mode: 0o600 });
  }
  const privateKey = (await importJWK(privateJwk, 'ES384')) as CryptoKey;
  const { kty, crv, x, y, kid, alg } = privateJwk;
  const publicJwk: JWK = { kty, crv, x, y, kid, alg, use: 'sig' };
  return { kid: kid ?? 'sandbox-cds-client', privateKey, publicJwk };
}
