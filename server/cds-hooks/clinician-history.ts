import type { LearnerHistoryEntry } from '../../core/matcher/match-cases';
import type { Database } from '../store/database';
import type { CdsFeedbackStore } from './feedback-store';

/**
 * How long a clinician's own history keeps a case off the cards: the windows in which the
 * matcher lowers it (a completion for 30 days, a dismissal for 90).
 */
export const QUIET_DAYS = { completed: 30, dismissed: 90 } as const;

/**
 * The clinician's recent completions (from the credit ledger) and card dismissals (from CDS
 * feedback), in the matcher's history form.
 */
export async function clinicianHistory(
  db: Database,
  feedback: CdsFeedbackStore,
  who: { tenantId: string; learner: string },
  now: Date,
): Promise<LearnerHistoryEntry[]> {
  const since = (days: number): Date => new Date(now.getTime() - days * 86_400_000);
  const [completed, dismissed] = await Promise.all([
    db
      .selectFrom('ledger')
      .select(['case_id', (eb) => eb.fn.max('recorded_at').as('at')])
      .where('tenant_id', '=', who.tenantId)
      .where('learner', '=', who.learner)
      .where('recorded_at', '>=', since(QUIET_DAYS.completed).toISOString())
      .groupBy('case_id')
      .execute(),
    feedback.dismissals(who.tenantId, who.learner, since(QUIET_DAYS.dismissed)),
  ]);
  return [
    ...completed.map((row): LearnerHistoryEntry => ({
      caseId: row.case_id,
      outcome: 'completed',
      at: row.at,
    })),
    ...dismissed,
  ];
}
