import { matchCases } from '../../core/matcher/match-cases';
import { teachingPointsOf } from '../../core/learner/teaching-points';
import type { MicroCase } from '../../core/micro-case/micro-case-schema';
import type { SelectInput } from './select-cases';

export interface ReviewSuggestion {
  teachingPoint: string;
  /** The case whose question tests the point, and that this patient's chart matches. */
  microCase: MicroCase;
}

/**
 * The due teaching point worth a refresher card for THIS patient (issue 9: "in a CDS card only
 * when the patient in front of the clinician makes them relevant"): the longest-overdue point
 * whose case the app's matcher matches on this chart. A case completed recently still counts —
 * spaced review exists to bring such points back — but one whose card the clinician dismissed
 * does not, and neither do the cases already on a card (playing the case rates its points).
 * `due` is the clinician's due points, longest overdue first (ReviewStore.cards with dueBy).
 */
export function selectReview(
  input: Omit<SelectInput, 'order'>,
  due: readonly { teachingPoint: string }[],
  carded: ReadonlySet<string>,
): ReviewSuggestion | undefined {
  if (due.length === 0) return undefined;
  const matched = new Set(
    matchCases({
      cases: input.library.cases,
      valueSets: input.library.valueSets,
      context: input.chart,
      history: input.history,
      now: input.now,
      ...(input.fhirPath && { fhirPath: input.fhirPath }),
    })
      .filter((match) => match.lowered !== 'dismissed' && !carded.has(match.caseId))
      .map((match) => match.caseId),
  );
  for (const { teachingPoint } of due) {
    // A point shared by several cases: any of them that fits this patient makes it relevant.
    const microCase = input.library.cases.find(
      (c) => matched.has(c.id) && teachingPointsOf(c).includes(teachingPoint),
    );
    if (microCase) return { teachingPoint, microCase };
  }
  return undefined;
}
