import { CompactSign } from 'jose';
import type { Credit } from '../../core/wire/completion';
import type { AppKeys } from '../auth/app-keys';

/** A compact JWS over the credit and its ledger hash; anyone can verify it with the app's JWKS. */
export async function signReceipt(
  keys: AppKeys,
  credit: Credit,
  learner: string,
  hash: string,
): Promise<string> {
  const payload = new TextEncoder().encode(
    JSON.stringify({ ...credit, learner, ledgerHash: hash }),
  );
  return new CompactSign(payload)
    .setProtectedHeader({ alg: keys.alg, kid: keys.kid, typ: 'chartside-receipt+jws' })
    .sign(keys.privateKey);
}
