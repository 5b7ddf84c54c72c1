import type { Selectable } from 'kysely';
import type { Database } from '../store/database';
import type { CdsCardsTable } from '../store/schema';
import { GroupCommit } from '../store/group-commit';

export interface IssuedCard {
  uuid: string;
  tenantId: string;
  /** Absolute FHIR URL of the clinician the card was shown to (the ledger's learner form). */
  learner: string;
  serviceId: string;
  caseId: string;
  caseVersion: string;
  hookInstance: string;
  issuedAt: string;
}

/**
 * Cards Chartside answered with. Feedback names only the card's uuid (CDS Hooks 2.0.1
 * §Feedback), so this is how a dismissal is attributed to a clinician and a case.
 */
export class IssuedCardStore {
  constructor(
    private readonly db: Database,
    private readonly commit = new GroupCommit(db),
  ) {}

  async record(cards: readonly IssuedCard[]): Promise<void> {
    if (cards.length === 0) return;
    await this.commit.run((trx) =>
      trx
        .insertInto('cds_cards')
        .values(
          cards.map((card) => ({
            uuid: card.uuid,
            tenant_id: card.tenantId,
            learner: card.learner,
            service_id: card.serviceId,
            case_id: card.caseId,
            case_version: card.caseVersion,
            hook_instance: card.hookInstance,
            issued_at: card.issuedAt,
          })),
        )
        .execute(),
    );
  }

  async find(uuid: string): Promise<IssuedCard | undefined> {
    const row = await this.db
      .selectFrom('cds_cards')
      .selectAll()
      .where('uuid', '=', uuid)
      .executeTakeFirst();
    return row && toIssuedCard(row);
  }
}

function toIssuedCard(row: Selectable<CdsCardsTable>): IssuedCard {
  return {
    uuid: row.uuid,
    tenantId: row.tenant_id,
    learner: row.learner,
    serviceId: row.service_id,
    caseId: row.case_id,
    caseVersion: row.case_version,
    hookInstance: row.hook_instance,
    issuedAt: row.issued_at,
  };
}
