import { useEffect, useMemo, useState } from 'react';
import type { FhirPathEvaluator } from '../../core/matcher/evaluate-criterion';
import {
  matchCases,
  type CaseMatch,
  type LearnerHistoryEntry,
} from '../../core/matcher/match-cases';
import type { PatientContext } from '../../core/patient-context';
import type { LibraryResponse } from '../../core/wire/library';
import { loadFhirPathEvaluator, usesFhirPath } from './load-fhirpath-evaluator';

type FhirPathState = { status: 'loading' } | { status: 'done'; evaluator?: FhirPathEvaluator };

/**
 * The library ranked for this patient and learner, on this device: the chart never leaves the
 * browser to be matched. Undefined until the library, the history and (if a trigger needs it)
 * the FHIRPath engine are there; if that engine fails to load, its criteria simply do not match.
 */
export function useCaseMatches(
  library: LibraryResponse | undefined,
  context: PatientContext,
  history: readonly LearnerHistoryEntry[] | undefined,
): CaseMatch[] | undefined {
  const needsFhirPath = library !== undefined && usesFhirPath(library.cases);
  const [fhirPath, setFhirPath] = useState<FhirPathState>({ status: 'loading' });
  useEffect(() => {
    if (!needsFhirPath) return;
    let current = true;
    loadFhirPathEvaluator().then(
      (evaluator) => {
        if (current) setFhirPath({ status: 'done', evaluator });
      },
      () => {
        if (current) setFhirPath({ status: 'done' });
      },
    );
    return () => {
      current = false;
    };
  }, [needsFhirPath]);
  const evaluatorReady = !needsFhirPath || fhirPath.status === 'done';
  const evaluator = fhirPath.status === 'done' ? fhirPath.evaluator : undefined;
  return useMemo(() => {
    if (library === undefined || history === undefined || !evaluatorReady) return undefined;
    return matchCases({
      cases: library.cases,
      valueSets: library.valueSets,
      context,
      history,
      ...(evaluator === undefined ? {} : { fhirPath: evaluator }),
    });
  }, [library, context, history, evaluatorReady, evaluator]);
}
