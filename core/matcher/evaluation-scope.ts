import type { Criterion } from '../micro-case/trigger-schema';
import type { PatientIndex } from './patient-index';

/** Evaluates FHIRPath over a Bundle of the patient's resources; injected to keep core light. */
export type FhirPathEvaluator = (resource: unknown, expression: string) => unknown[];

export interface EvaluationScope {
  index: PatientIndex;
  /** Value set canonical URL → its `system|code` keys and title. */
  valueSets: ReadonlyMap<string, { codes: ReadonlySet<string>; title: string }>;
  now: Date;
  fhirPath?: FhirPathEvaluator;
}

export type Leaf<K extends Criterion['kind']> = Extract<Criterion, { kind: K }>;

/** The `system|code` keys of a criterion's value set (empty when the library lacks it). */
export function criterionCodes(scope: EvaluationScope, url: string): ReadonlySet<string> {
  return scope.valueSets.get(url.split('|')[0] ?? '')?.codes ?? new Set();
}

/** The date part of an ISO date-time, as reasons show it. */
export const day = (date: string | undefined): string => (date ?? '').slice(0, 10);
