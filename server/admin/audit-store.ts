import { auditEntrySchema, type AuditEntry } from '../../core/wire/admin';
import type { Database } from '../store/database';

export type AuditRecord = Omit<AuditEntry, 'id' | 'at'>;

/** The admin audit log: who changed which registration, when, and what changed. */
export class AuditStore {
  constructor(private readonly db: Database) {}

  /**
   * Appends an entry. Its time is after the tenant's previous entry even within one millisecond,
   * so a tenant's log reads in the order its changes were made (they lock the tenant's row).
   */
  async record(entry: AuditRecord, now = new Date()): Promise<AuditEntry> {
    const last = await this.db
      .selectFrom('admin_audit')
      .select((eb) => eb.fn.max('at').as('at'))
      .where('tenant_id', '=', entry.tenantId)
      .executeTakeFirst();
    const previous = last?.at ?? undefined;
    const after = previous === undefined ? 0 : Date.parse(previous) + 1;
    const at = new Date(Math.max(now.getTime(), after)).toISOString();
    const stored: AuditEntry = { ...entry, id: crypto.randomUUID(), at };
    await this.db
      .insertInto('admin_audit')
      .values({
        id: stored.id,
        at: stored.at,
        actor: stored.actor,
        action: stored.action,
        tenant_id: stored.tenantId,
        iss: stored.iss,
        changes: JSON.stringify(stored.changes),
      })
      .execute();
    return stored;
  }

  /** Newest first; one tenant's entries when `tenantId` is given. */
  async list(options: { tenantId?: string; limit?: number } = {}): Promise<AuditEntry[]> {
    let query = this.db.selectFrom('admin_audit').selectAll();
    if (options.tenantId !== undefined) query = query.where('tenant_id', '=', options.tenantId);
    const rows = await query
      .orderBy('at', 'desc')
      .orderBy('id')
      .limit(options.limit ?? 100)
      .execute();
    return rows.map((row) =>
      auditEntrySchema.parse({
        id: row.id,
        at: row.at,
        actor: row.actor,
        action: row.action,
        tenantId: row.tenant_id,
        iss: row.iss,
        changes: JSON.parse(row.changes) as unknown,
      }),
    );
  }
}
