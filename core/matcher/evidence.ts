import type { LocalizedText } from '../micro-case/localized-text';

/** One fact from the chart that satisfied a trigger criterion. */
export interface Evidence {
  criterionId: string;
  /** `Observation/abc`, when the fact is a resource. */
  resource?: string;
  /** ISO date-time of the fact (effective, onset, authored), when it has one. */
  date?: string;
  /** The value in the criterion's unit, when one was compared. */
  value?: number;
  unit?: string;
  /** Why it matched, in every content language: "Lactate 4.1 mmol/L on 2026-11-25 ≥ 2 mmol/L". */
  reason: LocalizedText;
}

export interface Evaluation {
  matched: boolean;
  evidence: Evidence[];
}

export const NO_MATCH: Evaluation = { matched: false, evidence: [] };
