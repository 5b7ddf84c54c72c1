import { createPrivateKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';

/** The app's own signing key: session tokens and receipts; its public half is at /.well-known/jwks.json. */
export interface AppKeys {
  kid: string;
  alg: 'ES256';
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  /** The private key as a node:crypto KeyObject, imported once: receipts are signed synchronously. */
  privateKeyObject: KeyObject;
  jwks: { keys: JWK[] };
}

async function fromPrivateJwk(privateJwk: JWK): Promise<AppKeys> {
  const { kty, crv, x, y, kid } = privateJwk;
  if (kty !== 'EC' || crv !== 'P-256' || kid === undefined) {
    throw new Error('The app signing key must be an EC P-256 private JWK with a kid');
  }
  const publicJwk: JWK = { kty, crv, x, y, kid, alg: 'ES256', use: 'sig' };
  return {
    kid,
    alg: 'ES256',
    privateKey: (await importJWK(privateJwk, 'ES256')) as CryptoKey,
    publicKey: (await importJWK(publicJwk, 'ES256')) as CryptoKey,
    privateKeyObject: createPrivateKey({ key: privateJwk as JsonWebKey, format: 'jwk' }),
    jwks: { keys: [publicJwk] },
  };
}

/**
 * Loads the signing key from APP_SIGNING_KEY (a private JWK, for deployments: from a secret
 * store or file) or, in development, generates one under DATA_DIR on first run.
 */
export async function loadAppKeys(options: {
  dataDir: string;
  privateJwk?: string;
}): Promise<AppKeys> {
  if (options.privateJwk !== undefined)
    return fromPrivateJwk(JSON.parse(options.privateJwk) as JWK);
  const file = join(options.dataDir, 'app-signing-key.private.jwk.json');
  try {
    return await fromPrivateJwk(JSON.parse(await readFile(file, 'utf8')) as JWK);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  const jwk: JWK = { ...(await exportJWK(privateKey)), kid: crypto.randomUUID() };
  await mkdir(options.dataDir, { recursive: true });
  await writeFile(file, JSON.stringify(jwk), { mode: 0o600 });
  return fromPrivateJwk(jwk);
}
