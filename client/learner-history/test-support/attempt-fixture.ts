import type { CompletionResponse } from '../../../core/wire/completion';
import type { FinishedAttempt } from '../finished-attempt';

/** A finished sepsis attempt as the player records it. */
export const finishedAttempt = (overrides: Partial<FinishedAttempt> = {}): FinishedAttempt => ({
  attemptId: '6f1c2a4e-8b7d-4c3a-9e2f-1a2b3c4d5e6f',
  caseId: 'sepsis-hour-one',
  caseVersion: '1.0.0',
  encounterId: 'enc-1',
  openedFrom: 'card',
  matchedCriteria: ['lactate'],
  language: 'en',
  startedAt: '2026-11-26T10:00:00.000Z',
  finishedAt: '2026-11-26T10:07:00.000Z',
  answers: [{ questionId: 'q1', optionId: 'a', correct: true }],
  reflection: {
    clinicalQuestion: 'Fluids?',
    sourcesConsulted: ['ssc-2021'],
    applicationToPractice: 'Re-measure lactate.',
  },
  ...overrides,
});

/** The server's answer recording `finishedAttempt()`. */
export const recordedResponse: CompletionResponse = {
  credit: {
    id: 'credit-1',
    attemptId: finishedAttempt().attemptId,
    caseId: 'sepsis-hour-one',
    caseVersion: '1.0.0',
    awarded: true,
    amount: 0.5,
    creditType: 'AMA PRA Category 1 Credit',
    format: 'internet-poc',
    denials: [],
    score: 1,
    recordedAt: '2026-11-26T10:08:00.000Z',
    encounter: { reference: 'https://ehr.test/fhir/Encounter/enc-1' },
  },
  receipt: 'header.payload.signature',
};
