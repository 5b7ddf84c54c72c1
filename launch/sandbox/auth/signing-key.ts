import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  publicJwk: JWK;
}

/**
 * The sandbox's RS256 signing key, generated on first run under `dataDir` and reused after,
 * so tokens survive a restart. Never committed (data/ is ignored).
 */
export async function loadOrCreateSigningKey(dataDir: string, name: string): Promise<SigningKey> {
  const file = join(dataDir, `${name}.private.jwk.json`);
  let privateJwk: JWK;
  try {
    privateJwk = JSON.parse(await readFile(file, 'utf8')) as JWK;
  } catch {
    const { privateKey } = await generateKeyPair('RS256', {
      extractable: true,
      modulusLength: 2048,
    });
    privateJwk = { ...(await exportJWK(privateKey)), kid: crypto.randomUUID(), alg: 'RS256' };
    await mkdir(dataDir, { recursive: true });
    await writeFile(file, JSON.stringify(privateJwk), { mode: 0o600 });
  }
  const privateKey = (await importJWK(privateJwk, 'RS256')) as CryptoKey;
  const { kty, n, e, kid, alg } = privateJwk;
  const publicJwk: JWK = { kty, n, e, kid, alg, use: 'sig' };
  const publicKey = (await importJWK(publicJwk, 'RS256')) as CryptoKey;
  return { kid: kid ?? name, privateKey, publicKey, publicJwk };
}
