import fhirpath from 'fhirpath';
import r4 from 'fhirpath/fhir-context/r4';
import type { FhirPathEvaluator } from './evaluate-criterion';

/** HL7's fhirpath.js with the R4 model, for trigger criteria the primitives cannot express. */
export const evaluateFhirPath: FhirPathEvaluator = (resource, expression) =>
  fhirpath.evaluate(resource, expression, undefined, r4) as unknown[];
