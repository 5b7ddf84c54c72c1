import { HttpResponse, http, type HttpHandler } from 'msw';
import type { CompletionRequest, Credit } from '../../../core/wire/completion';
import { ERROR_CODE_SYSTEM } from '../../../core/wire/operation-outcome';

export const COMPLETIONS_URL = '*/api/completions';
export const CREDITS_URL = '*/api/credits';

/** One `POST /api/completions` as the server received it. */
export interface CompletionCall {
  authorization: string | null;
  body: CompletionRequest;
}

export const RECEIPT = 'eyJhbGciOiJFUzI1NiJ9.eyJjcmVkaXQiOiJ0ZXN0In0.c2lnbmF0dXJl';

/** The credit the server answers for a completion: 0.5 internet point-of-care, awarded. */
export function creditFor(
  body: Pick<CompletionRequest, 'attemptId' | 'caseId'>,
  overrides: Partial<Credit> = {},
): Credit {
  return {
    id: `credit-${body.attemptId.slice(0, 8)}`,
    attemptId: body.attemptId,
    caseId: body.caseId,
    caseVersion: '1.0.0',
    awarded: true,
    amount: 0.5,
    creditType: 'AMA PRA Category 1 Credit',
    format: 'internet-poc',
    denials: [],
    score: 0.67,
    recordedAt: '2026-11-26T10:08:00.000Z',
    encounter: { reference: 'https://ehr.test/fhir/Encounter/enc-1/_history/3' },
    ...overrides,
  };
}

/** An OperationOutcome error with the server's stable code. */
export function refusal(status: number, code: string): Response {
  return HttpResponse.json(
    {
      resourceType: 'OperationOutcome',
      issue: [
        {
          severity: 'error',
          code: 'forbidden',
          details: { coding: [{ system: ERROR_CODE_SYSTEM, code }], text: `Refused: ${code}` },
        },
      ],
    },
    { status },
  );
}

/** `POST /api/completions`, answered by `answer`; every call is pushed onto `calls`. */
export function completions(
  calls: CompletionCall[],
  answer: (body: CompletionRequest) => Response = (body) =>
    HttpResponse.json({ credit: creditFor(body), receipt: RECEIPT }),
): HttpHandler {
  return http.post(COMPLETIONS_URL, async ({ request }) => {
    const body = (await request.json()) as CompletionRequest;
    calls.push({ authorization: request.headers.get('authorization'), body });
    return answer(body);
  });
}
