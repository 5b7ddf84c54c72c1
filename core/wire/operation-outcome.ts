import { z } from 'zod';

/** The subset of FHIR R4 OperationOutcome our APIs answer errors with. */
export const operationOutcomeSchema = z.object({
  resourceType: z.literal('OperationOutcome'),
  issue: z
    .array(
      z.object({
        severity: z.enum(['fatal', 'error', 'warning', 'information']),
        code: z.string(),
        details: z
          .object({
            coding: z.array(z.object({ system: z.string(), code: z.string() })).optional(),
            text: z.string().optional(),
          })
          .optional(),
        diagnostics: z.string().optional(),
        expression: z.array(z.string()).optional(),
      }),
    )
    .min(1),
});
export type OperationOutcomeBody = z.infer<typeof operationOutcomeSchema>;

/** CodeSystem for our stable error codes inside OperationOutcome.issue.details. */
export const ERROR_CODE_SYSTEM = 'https://chartside.dev/fhir/CodeSystem/error-code';

/** The stable error code carried by an OperationOutcome, if any. */
export function errorCodeOf(outcome: OperationOutcomeBody): string | undefined {
  return outcome.issue[0]?.details?.coding?.find((c) => c.system === ERROR_CODE_SYSTEM)?.code;
}
