import { compactVerify } from 'jose';
import type { AppKeys } from '../auth/app-keys';
import { GENESIS_HASH, ledgerHash } from './ledger-hash';
import type { LedgerStore } from './ledger-store';

/**
 * Checks the whole ledger: each row's hash over its content and the previous hash, the chain
 * unbroken from genesis, and every receipt signed by the app key over that row's hash.
 * Returns the problems found (empty when the ledger is intact).
 */
export async function verifyLedger(ledger: LedgerStore, keys: AppKeys): Promise<string[]> {
  const problems: string[] = [];
  let previous = GENESIS_HASH;
  for (const row of await ledger.all()) {
    const { seq, hash, receipt, ...entry } = row;
    if (entry.prev_hash !== previous)
      problems.push(`row ${seq}: chain broken (prev_hash does not match row ${seq - 1})`);
    if (ledgerHash(entry) !== hash) problems.push(`row ${seq}: content does not match its hash`);
    try {
      const { payload } = await compactVerify(receipt, keys.publicKey);
      const signed = JSON.parse(new TextDecoder().decode(payload)) as {
        ledgerHash?: string;
        id?: string;
      };
      if (signed.ledgerHash !== hash || signed.id !== entry.id)
        problems.push(`row ${seq}: receipt is for other content`);
    } catch {
      problems.push(`row ${seq}: receipt signature invalid`);
    }
    previous = hash;
  }
  return problems;
}
