import { sign } from 'node:crypto';
import type { Credit } from '../../core/wire/completion';
import type { AppKeys } from '../auth/app-keys';

const base64url = (data: string | Uint8Array): string => Buffer.from(data).toString('base64url');

/**
 * A compact JWS over the credit and its ledger hash; anyone can verify it with the app's JWKS.
 * ES256 with node:crypto and the key imported once (RFC 7518 §3.4: the signature is R‖S, which
 * `dsaEncoding: 'ieee-p1363'` gives): synchronous, so signing inside the ledger transaction adds
 * no trip through the WebCrypto job queue.
 */
export function signReceipt(keys: AppKeys, credit: Credit, learner: string, hash: string): string {
  const header = base64url(
    JSON.stringify({ alg: keys.alg, kid: keys.kid, typ: 'chartside-receipt+jws' }),
  );
  const payload = base64url(JSON.stringify({ ...credit, learner, ledgerHash: hash }));
  const signingInput = `${header}.${payload}`;
  const signature = sign('sha256', Buffer.from(signingInput), {
    key: keys.privateKeyObject,
    dsaEncoding: 'ieee-p1363',
  });
  return `${signingInput}.${signature.toString('base64url')}`;
}
