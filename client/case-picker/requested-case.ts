import { z } from 'zod';

const appContextSchema = z.looseObject({
  caseId: z.string().min(1),
  /** A refresher card's teaching point: that refresher opens, not the whole case. */
  review: z.string().min(1).optional(),
});

function parseAppContext(appContext: string | undefined) {
  if (appContext === undefined) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(appContext);
  } catch {
    return undefined;
  }
  const parsed = appContextSchema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}

/**
 * The case a CDS Hooks card asked to open: its SMART link's `appContext` (CDS Hooks 2.0.1
 * §Link), passed through by the EHR as a JSON string `{"caseId": "…"}`. Anything else is ignored.
 */
export function requestedCaseId(appContext: string | undefined): string | undefined {
  const parsed = parseAppContext(appContext);
  return parsed?.review === undefined ? parsed?.caseId : undefined;
}

/**
 * The teaching point a CDS Hooks refresher card asked to review (`appContext` `review`, issue 9):
 * the app shows that refresher first instead of opening the case.
 */
export function requestedReview(appContext: string | undefined): string | undefined {
  return parseAppContext(appContext)?.review;
}
