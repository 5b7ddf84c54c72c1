import { leafCriteria, type ValueSetExpansion } from '../micro-case/library-problems';
import type { MicroCase } from '../micro-case/micro-case-schema';
import type { PatientContext } from '../patient-context';
import {
  evaluateCriterion,
  type EvaluationScope,
  type FhirPathEvaluator,
} from './evaluate-criterion';
import type { Evidence } from './evidence';
import { PatientIndex } from './patient-index';

/** What the learner did with a case recently; it lowers that case's rank, never hides it. */
export interface LearnerHistoryEntry {
  caseId: string;
  outcome: 'completed' | 'dismissed';
  at: string;
}

export interface CaseMatch {
  caseId: string;
  version: string;
  score: number;
  /** Facts from the chart that made the case match, strongest and newest first. */
  evidence: Evidence[];
  /** The learner's own history that lowered the rank, if any. */
  lowered?: LearnerHistoryEntry['outcome'];
}

export interface MatchInput {
  cases: readonly MicroCase[];
  valueSets: readonly ValueSetExpansion[];
  context: Pick<
    PatientContext,
    'patient' | 'encounter' | 'conditions' | 'observations' | 'medications'
  >;
  history?: readonly LearnerHistoryEntry[];
  now?: Date;
  fhirPath?: FhirPathEvaluator;
  /** An index built earlier for the same context, to match again without re-indexing. */
  index?: PatientIndex;
}

const KIND_WEIGHT: Record<string, number> = {
  observation: 2,
  trend: 2.5,
  medication: 1.5,
  condition: 1,
  fhirpath: 1,
};
const HISTORY_WINDOW_MS = { completed: 30 * 86_400_000, dismissed: 90 * 86_400_000 };
const HISTORY_FACTOR = { completed: 0.3, dismissed: 0.1 };

/** Indexes value sets once for many matches (the library changes far less often than patients). */
export function indexValueSets(
  valueSets: readonly ValueSetExpansion[],
): EvaluationScope['valueSets'] {
  return new Map(
    valueSets.map((vs) => [
      vs.url,
      {
        title: vs.title ?? vs.url,
        codes: new Set(
          (vs.expansion?.contains ?? []).flatMap((c) =>
            c.system && c.code ? [`${c.system}|${c.code}`] : [],
          ),
        ),
      },
    ]),
  );
}

function score(kinds: Map<string, string>, evidence: Evidence[], now: Date): number {
  const strength = evidence.reduce(
    (sum, e) => sum + (KIND_WEIGHT[kinds.get(e.criterionId) ?? ''] ?? 0.25),
    0,
  );
  const newest = Math.max(
    ...evidence.map((e) => (e.date ? Date.parse(e.date) : NaN)).filter((t) => !Number.isNaN(t)),
    -Infinity,
  );
  const ageHours = Number.isFinite(newest)
    ? Math.max(0, (now.getTime() - newest) / 3_600_000)
    : Infinity;
  const recency = Number.isFinite(ageHours) ? 2 * Math.exp(-ageHours / 72) : 0;
  return strength + recency;
}

/**
 * Ranks the cases whose trigger matches this patient now, each with the chart facts that made
 * it match. Pure: the same inputs give the same answer on the client and the server.
 */
export function matchCases(input: MatchInput): CaseMatch[] {
  const now = input.now ?? new Date();
  const scope: EvaluationScope = {
    index: input.index ?? new PatientIndex(input.context),
    valueSets: indexValueSets(input.valueSets),
    now,
    ...(input.fhirPath && { fhirPath: input.fhirPath }),
  };
  const matches: CaseMatch[] = [];
  for (const microCase of input.cases) {
    const result = evaluateCriterion(microCase.trigger, scope);
    if (!result.matched) continue;
    const kinds = new Map(leafCriteria(microCase.trigger).map((leaf) => [leaf.id, leaf.kind]));
    let value = score(kinds, result.evidence, now);
    const recent = (input.history ?? []).find(
      (h) =>
        h.caseId === microCase.id &&
        now.getTime() - Date.parse(h.at) < HISTORY_WINDOW_MS[h.outcome],
    );
    if (recent) value *= HISTORY_FACTOR[recent.outcome];
    // Two criteria can be met by the same result (a rise both ≥ 0.3 mg/dL and ≥ 1.5×): say it once.
    const unique = [
      ...new Map(result.evidence.map((e) => [`${e.resource ?? ''}|${e.reason.en}`, e])).values(),
    ];
    const evidence = unique.sort(
      (a, b) =>
        (KIND_WEIGHT[kinds.get(b.criterionId) ?? ''] ?? 0) -
        (KIND_WEIGHT[kinds.get(a.criterionId) ?? ''] ?? 0),
    );
    matches.push({
      caseId: microCase.id,
      version: microCase.version,
      score: Number(value.toFixed(3)),
      evidence,
      ...(recent && { lowered: recent.outcome }),
    });
  }
  return matches.sort((a, b) => b.score - a.score || a.caseId.localeCompare(b.caseId));
}
