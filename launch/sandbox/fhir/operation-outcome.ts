import type { OperationOutcome } from 'fhir/r4';

type IssueCode = OperationOutcome['issue'][number]['code'];

/** A one-issue OperationOutcome, the error body every FHIR endpoint answers with. */
export function outcome(code: IssueCode, diagnostics: string): OperationOutcome {
  return { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code, diagnostics }] };
}
