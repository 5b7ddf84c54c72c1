import type { FhirPathEvaluator } from '../../core/matcher/evaluate-criterion';
import { leafCriteria } from '../../core/micro-case/library-problems';
import type { MicroCase } from '../../core/micro-case/micro-case-schema';

/** Whether any case trigger needs FHIRPath (the only reason to download fhirpath.js). */
export function usesFhirPath(cases: readonly MicroCase[]): boolean {
  return cases.some((microCase) =>
    leafCriteria(microCase.trigger).some((leaf) => leaf.kind === 'fhirpath'),
  );
}

/** fhirpath.js and its R4 model, in their own chunk, loaded only when a trigger needs them. */
export async function loadFhirPathEvaluator(): Promise<FhirPathEvaluator> {
  const module = await import('../../core/matcher/fhirpath-evaluator');
  return module.evaluateFhirPath;
}
