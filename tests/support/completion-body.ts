import type { MicroCase } from '../../core/micro-case/micro-case-schema';

export interface LaunchedLearner {
  patient: string;
  encounter: string;
  accessToken: string;
}

/**
 * A valid `POST /api/completions` body for `microCase` as the launched learner would send it:
 * every question answered with its correct option, the point-of-care cycle documented.
 */
export function completionBody(
  microCase: MicroCase,
  learner: LaunchedLearner,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    attemptId: crypto.randomUUID(),
    caseId: microCase.id,
    caseVersion: microCase.version,
    patient: learner.patient,
    encounter: learner.encounter,
    answers: microCase.questions.map((q) => ({
      questionId: q.id,
      optionId: (q.options.find((o) => o.correct) ?? q.options[0])?.id ?? '',
    })),
    reflection: {
      clinicalQuestion: 'Which hour-1 elements does this patient still need?',
      sourcesConsulted: [microCase.citations[0]?.id ?? ''],
      applicationToPractice: 'Repeat the lactate within 2–4 hours when the first is raised.',
    },
    startedAt: new Date(Date.now() - 6 * 60_000).toISOString(),
    finishedAt: new Date().toISOString(),
    fhirAccessToken: learner.accessToken,
    ...overrides,
  };
}
