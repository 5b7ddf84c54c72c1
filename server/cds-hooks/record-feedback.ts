import { cdsFeedbackSchema } from '../../core/cds-hooks/feedback';
import type { CdsServiceId } from '../../core/cds-hooks/service-ids';
import { invalidRequest } from '../http/app-error';
import type { CdsFeedbackStore } from './feedback-store';
import type { IssuedCardStore } from './issued-card-store';
import type { TrustedCall } from './verify-cds-jwt';

export interface FeedbackDeps {
  cards: IssuedCardStore;
  feedback: CdsFeedbackStore;
  now?: () => Date;
}

/**
 * Stores feedback on our cards (CDS Hooks 2.0.1 §Feedback). Feedback is best-effort: an entry for
 * a card we did not issue to this tenant through this service is acknowledged and ignored, as a
 * retry could never make it attributable. Any `overridden` outcome is a dismissal for that
 * clinician and case; `userComment` free text is not kept (it may name the patient).
 */
export async function recordFeedback(
  serviceId: CdsServiceId,
  body: unknown,
  trusted: TrustedCall,
  deps: FeedbackDeps,
): Promise<{ stored: number; ignored: number }> {
  const parsed = cdsFeedbackSchema.safeParse(body);
  if (!parsed.success) throw invalidRequest(parsed.error);
  const receivedAt = deps.now?.() ?? new Date();
  let stored = 0;
  for (const entry of parsed.data.feedback) {
    const card = await deps.cards.find(entry.card);
    if (card?.tenantId !== trusted.tenant.id || card.serviceId !== serviceId) continue;
    await deps.feedback.record(card, entry, receivedAt);
    stored += 1;
  }
  return { stored, ignored: parsed.data.feedback.length - stored };
}
