import { z } from 'zod';

const appContextSchema = z.looseObject({ caseId: z.string().min(1) });

/**
 * The case a CDS Hooks card asked to open: its SMART link's `appContext` (CDS Hooks 2.0.1
 * §Link), passed through by the EHR as a JSON string `{"caseId": "…"}`. Anything else is ignored.
 */
export function requestedCaseId(appContext: string | undefined): string | undefined {
  if (appContext === undefined) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(appContext);
  } catch {
    return undefined;
  }
  const parsed = appContextSchema.safeParse(json);
  return parsed.success ? parsed.data.caseId : undefined;
}
