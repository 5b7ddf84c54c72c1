import type { CompletionRequest } from '../../core/wire/completion';
import type { FinishedAttempt } from '../learner-history/finished-attempt';

/**
 * The `POST /api/completions` body for a finished attempt. The patient is the current launch's
 * (the device never stores patient ids); an attempt from another launch is then refused by the
 * server's encounter check, which is the point. The access token goes into this body only.
 */
export function completionRequest(
  attempt: FinishedAttempt & { encounterId: string },
  patientId: string,
  fhirAccessToken: string,
): CompletionRequest {
  const { encounterId } = attempt;
  return {
    attemptId: attempt.attemptId,
    caseId: attempt.caseId,
    caseVersion: attempt.caseVersion,
    patient: patientId,
    encounter: encounterId.startsWith('Encounter/') ? encounterId : `Encounter/${encounterId}`,
    answers: attempt.answers.map(({ questionId, optionId, variant }) => ({
      questionId,
      optionId,
      // The server grades against the variant shown; standard is the default it assumes.
      ...(variant !== undefined && variant !== 'standard' && { variant }),
    })),
    reflection: attempt.reflection,
    startedAt: attempt.startedAt,
    finishedAt: attempt.finishedAt,
    fhirAccessToken,
  };
}
