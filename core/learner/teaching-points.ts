import type { MicroCase, Question } from '../micro-case/micro-case-schema';

/**
 * A teaching point's id: the question's `teachingPoint` when the author shared one between
 * questions, otherwise `{caseId}:{questionId}` (a colon never occurs in a slug, so the two
 * kinds cannot collide). One FSRS review card per point, not per case (DOMAIN.md, spaced review).
 */
export function teachingPointOf(
  caseId: string,
  question: Pick<Question, 'id' | 'teachingPoint'>,
): string {
  return question.teachingPoint ?? `${caseId}:${question.id}`;
}

/** The distinct teaching points a case tests, in question order. */
export function teachingPointsOf(microCase: MicroCase): string[] {
  return [...new Set(microCase.questions.map((q) => teachingPointOf(microCase.id, q)))];
}

export interface TeachingPointQuestion {
  teachingPoint: string;
  microCase: MicroCase;
  question: Question;
}

/** The question that tests `teachingPoint` (the first, when several do), or undefined. */
export function questionFor(
  cases: readonly MicroCase[],
  teachingPoint: string,
): TeachingPointQuestion | undefined {
  for (const microCase of cases)
    for (const question of microCase.questions)
      if (teachingPointOf(microCase.id, question) === teachingPoint)
        return { teachingPoint, microCase, question };
  return undefined;
}
