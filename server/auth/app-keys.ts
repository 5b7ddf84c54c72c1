import { createPrivateKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';

/** SMART App Launch 2.2 §Client Authentication: Asymmetric — EHRs must accept ES384 and RS384. */
export const CLIENT_ASSERTION_ALGORITHMS = ['ES384', 'RS384'] as const;
export type ClientAssertionAlgorithm = (typeof CLIENT_ASSERTION_ALGORITHMS)[number];

/** A key the app signs `private_key_jwt` client assertions with; its public half is in the JWKS. */
export interface ClientAssertionKey {
  kid: string;
  alg: ClientAssertionAlgorithm;
  privateKey: CryptoKey;
}

/** The app's own signing key: session tokens and receipts; its public half is at /.well-known/jwks.json. */
export interface AppKeys {
  kid: string;
  alg: 'ES256';
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  /** The private key as a node:crypto KeyObject, imported once: receipts are signed synchronously. */
  privateKeyObject: KeyObject;
  /**
   * Keys for SMART Backend Services client assertions: one key per purpose, and EHRs take only
   * ES384/RS384 (not the session key's ES256). Absent when a deployment does not provide one.
   */
  clientAssertion: Partial<Record<ClientAssertionAlgorithm, ClientAssertionKey>>;
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
    clientAssertion: {},
    jwks: { keys: [publicJwk] },
  };
}

/** RFC 7518 §3.3: RSA keys for RS384 are at least 2048 bits. */
const MIN_RSA_MODULUS_BYTES = 256;

function publicHalf(alg: ClientAssertionAlgorithm, privateJwk: JWK): JWK & { kid: string } {
  const { kty, crv, x, y, n, e, kid } = privateJwk;
  if (kid === undefined) throw new Error(`The ${alg} client-assertion key must have a kid`);
  if (alg === 'ES384') {
    if (kty !== 'EC' || crv !== 'P-384' || privateJwk.d === undefined) {
      throw new Error('The ES384 client-assertion key must be an EC P-384 private JWK');
    }
    return { kty, crv, x, y, kid, alg, use: 'sig' };
  }
  if (kty !== 'RSA' || n === undefined || privateJwk.d === undefined) {
    throw new Error('The RS384 client-assertion key must be an RSA private JWK');
  }
  if (Buffer.from(n, 'base64url').length < MIN_RSA_MODULUS_BYTES) {
    throw new Error('The RS384 client-assertion key must have a modulus of at least 2048 bits');
  }
  return { kty, n, e, kid, alg, use: 'sig' };
}

async function clientAssertionKey(
  alg: ClientAssertionAlgorithm,
  privateJwk: JWK,
): Promise<{ key: ClientAssertionKey; publicJwk: JWK }> {
  const publicJwk = publicHalf(alg, privateJwk);
  const privateKey = (await importJWK(privateJwk, alg)) as CryptoKey;
  return { key: { kid: publicJwk.kid, alg, privateKey }, publicJwk };
}

/** Node's JSON.parse error quotes the input: a key must not reach a log that way. */
function parseJwk(alg: ClientAssertionAlgorithm, text: string): JWK {
  try {
    return JSON.parse(text) as JWK;
  } catch {
    throw new Error(`The ${alg} client-assertion key is not a JSON Web Key`);
  }
}

/** Reads the development key from DATA_DIR, or generates it there (mode 0600) on first run. */
async function loadOrCreateClientJwk(alg: ClientAssertionAlgorithm, dataDir: string): Promise<JWK> {
  const file = join(dataDir, `app-client-${alg.toLowerCase()}.private.jwk.json`);
  try {
    return parseJwk(alg, await readFile(file, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const { privateKey } = await generateKeyPair(alg, { extractable: true, modulusLength: 2048 });
  const jwk: JWK = { ...(await exportJWK(privateKey)), kid: crypto.randomUUID(), alg };
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, JSON.stringify(jwk), { mode: 0o600 });
  return jwk;
}

/**
 * Adds the client-assertion keys to `keys` and their public halves to its JWKS. A key given as a
 * JWK (deployments) wins; in development (no app key given either) missing ones are generated
 * under DATA_DIR; a deployment that gives none simply has no Backend Services key.
 */
async function withClientAssertionKeys(
  keys: AppKeys,
  options: {
    dataDir: string;
    generate: boolean;
    jwks: Partial<Record<ClientAssertionAlgorithm, string>>;
  },
): Promise<AppKeys> {
  for (const alg of CLIENT_ASSERTION_ALGORITHMS) {
    const given = options.jwks[alg];
    let privateJwk: JWK | undefined;
    if (given !== undefined) privateJwk = parseJwk(alg, given);
    else if (options.generate) privateJwk = await loadOrCreateClientJwk(alg, options.dataDir);
    if (privateJwk === undefined) continue;
    const { key, publicJwk } = await clientAssertionKey(alg, privateJwk);
    keys.clientAssertion[alg] = key;
    keys.jwks.keys.push(publicJwk);
  }
  return keys;
}

/**
 * Loads the signing key from APP_SIGNING_KEY (a private JWK, for deployments: from a secret
 * store or file) or, in development, generates one under DATA_DIR on first run; likewise the
 * ES384 and RS384 client-assertion keys (`clientAssertionJwks`, private JWKs with a kid).
 */
export async function loadAppKeys(options: {
  dataDir: string;
  privateJwk?: string;
  clientAssertionJwks?: Partial<Record<ClientAssertionAlgorithm, string>>;
}): Promise<AppKeys> {
  const clientKeys = {
    dataDir: options.dataDir,
    generate: options.privateJwk === undefined,
    jwks: options.clientAssertionJwks ?? {},
  };
  return withClientAssertionKeys(await loadSessionKey(options), clientKeys);
}

async function loadSessionKey(options: { dataDir: string; privateJwk?: string }): Promise<AppKeys> {
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
