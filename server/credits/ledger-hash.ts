import { createHash } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { LedgerTable } from '../store/schema';

export type LedgerEntry = Omit<Insertable<LedgerTable>, 'seq' | 'hash' | 'receipt'>;

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with keys sorted at every level, so the same entry always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** SHA-256 over the previous row's hash and this row's content: altering any row breaks the chain. */
export function ledgerHash(entry: LedgerEntry): string {
  return createHash('sha256')
    .update(`${entry.prev_hash}\n${canonicalJson(entry)}`)
    .digest('hex');
}
