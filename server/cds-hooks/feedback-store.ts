import type { CdsFeedbackEntry } from '../../core/cds-hooks/feedback';
import type { LearnerHistoryEntry } from '../../core/matcher/match-cases';
import type { Database } from '../store/database';
import type { IssuedCard } from './issued-card-store';

export interface CaseFeedbackRates {
  caseId: string;
  /** Cards issued for the case. */
  issued: number;
  accepted: number;
  dismissed: number;
  /** Shares of issued cards, 0–1. */
  acceptanceRate: number;
  dismissalRate: number;
}

/**
 * CDS Hooks feedback (2.0.1 §Feedback), stored idempotently: the same report for the same card,
 * outcome and time is one row however often it arrives.
 */
export class CdsFeedbackStore {
  constructor(private readonly db: Database) {}

  async record(card: IssuedCard, entry: CdsFeedbackEntry, receivedAt: Date): Promise<void> {
    await this.db
      .insertInto('cds_feedback')
      .values({
        card_uuid: card.uuid,
        outcome: entry.outcome,
        outcome_at: new Date(entry.outcomeTimestamp).toISOString(),
        tenant_id: card.tenantId,
        learner: card.learner,
        case_id: card.caseId,
        reason_system: entry.overrideReason?.reason?.system ?? null,
        reason_code: entry.overrideReason?.reason?.code ?? null,
        received_at: receivedAt.toISOString(),
      })
      .onConflict((oc) => oc.columns(['card_uuid', 'outcome', 'outcome_at']).doNothing())
      .execute();
  }

  /** The clinician's dismissals since `since`, newest per case, as matcher history. */
  async dismissals(tenantId: string, learner: string, since: Date): Promise<LearnerHistoryEntry[]> {
    const rows = await this.db
      .selectFrom('cds_feedback')
      .select(['case_id', (eb) => eb.fn.max('outcome_at').as('at')])
      .where('tenant_id', '=', tenantId)
      .where('learner', '=', learner)
      .where('outcome', '=', 'overridden')
      .where('outcome_at', '>=', since.toISOString())
      .groupBy('case_id')
      .execute();
    return rows.map((row) => ({ caseId: row.case_id, outcome: 'dismissed', at: row.at }));
  }

  /** Acceptance and dismissal per case for one tenant, over cards issued since `since`. */
  async ratesByCase(tenantId: string, since: Date): Promise<CaseFeedbackRates[]> {
    const issued = await this.db
      .selectFrom('cds_cards')
      .select(['case_id', (eb) => eb.fn.countAll<number | string | bigint>().as('n')])
      .where('tenant_id', '=', tenantId)
      .where('issued_at', '>=', since.toISOString())
      .groupBy('case_id')
      .execute();
    const outcomes = await this.db
      .selectFrom('cds_feedback')
      .innerJoin('cds_cards', 'cds_cards.uuid', 'cds_feedback.card_uuid')
      .select([
        'cds_cards.case_id as case_id',
        'cds_feedback.outcome as outcome',
        (eb) => eb.fn.count<number | string | bigint>('cds_feedback.card_uuid').distinct().as('n'),
      ])
      .where('cds_cards.tenant_id', '=', tenantId)
      .where('cds_cards.issued_at', '>=', since.toISOString())
      .groupBy(['cds_cards.case_id', 'cds_feedback.outcome'])
      .execute();
    const count = (caseId: string, outcome: string): number =>
      Number(outcomes.find((o) => o.case_id === caseId && o.outcome === outcome)?.n ?? 0);
    return issued
      .map((row) => {
        const total = Number(row.n);
        const accepted = count(row.case_id, 'accepted');
        const dismissed = count(row.case_id, 'overridden');
        return {
          caseId: row.case_id,
          issued: total,
          accepted,
          dismissed,
          acceptanceRate: total === 0 ? 0 : accepted / total,
          dismissalRate: total === 0 ? 0 : dismissed / total,
        };
      })
      .sort((a, b) => a.caseId.localeCompare(b.caseId));
  }
}
