import { HttpResponse, delay, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { completionResponseSchema, type CompletionRequest } from '../../core/wire/completion';
import { RECEIPT, creditFor, refusal } from '../credits/test-support/credit-api';
import { ChartsideError } from '../errors/chartside-error';
import { createSession, fetchTranscript, submitCompletion } from './api-client';
import { requestJson } from './api-request';

const server = setupServer();
beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
});
afterEach(() => {
  server.resetHandlers();
});
afterAll(() => {
  server.close();
});

const ID_TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJkci0xIn0.signature';
const completion: CompletionRequest = {
  attemptId: '6f1c2a4e-8b7d-4c3a-9e2f-1a2b3c4d5e6f',
  caseId: 'sepsis-hour-one',
  caseVersion: '1.0.0',
  patient: 'pat-1',
  encounter: 'Encounter/enc-1',
  answers: [{ questionId: 'q1', optionId: 'a' }],
  reflection: {
    clinicalQuestion: 'Fluids for lactate 4.1?',
    sourcesConsulted: ['ssc-2021'],
    applicationToPractice: 'Re-measure lactate.',
  },
  startedAt: '2026-11-26T10:00:00.000Z',
  finishedAt: '2026-11-26T10:07:00.000Z',
  fhirAccessToken: 'ehr-access-token-4b9d1e',
};

async function failureOf(promise: Promise<unknown>): Promise<ChartsideError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof ChartsideError)) throw new Error('expected a ChartsideError');
  return error;
}

const answerCompletion = (response: () => Response) => {
  server.use(http.post('*/api/completions', response));
};

test('createSession posts the iss and id_token and parses the session', async () => {
  let received: unknown;
  server.use(
    http.post('*/api/session', async ({ request }) => {
      received = await request.json();
      return HttpResponse.json({
        sessionToken: 'app-session-token',
        expiresAt: '2026-11-26T11:00:00.000Z',
        fhirUser: 'https://ehr.test/fhir/Practitioner/dr-1',
      });
    }),
  );

  const session = await createSession({ iss: 'https://ehr.test/fhir', idToken: ID_TOKEN });

  expect(received).toEqual({ iss: 'https://ehr.test/fhir', idToken: ID_TOKEN });
  expect(session.sessionToken).toBe('app-session-token');
});

test("a session refused with 401 carries the server's code", async () => {
  server.use(http.post('*/api/session', () => refusal(401, 'TENANT_NOT_REGISTERED')));

  const error = await failureOf(createSession({ iss: 'https://ehr.test/fhir', idToken: ID_TOKEN }));

  expect(error.code).toBe('TENANT_NOT_REGISTERED');
  expect(error.message).toBe('POST /api/session answered HTTP 401 TENANT_NOT_REGISTERED');
});

test('submitCompletion sends the session token and the body, and parses the credit', async () => {
  let authorization: string | null = null;
  let body: unknown;
  server.use(
    http.post('*/api/completions', async ({ request }) => {
      authorization = request.headers.get('authorization');
      body = await request.json();
      return HttpResponse.json({ credit: creditFor(completion), receipt: RECEIPT });
    }),
  );

  const response = await submitCompletion('app-session-token', completion);

  expect(authorization).toBe('Bearer app-session-token');
  expect(body).toEqual(completion);
  expect(response.credit.amount).toBe(0.5);
  expect(response.receipt).toBe(RECEIPT);
});

test.each([
  [422, 'CASE_UNKNOWN', 'CASE_UNKNOWN'],
  [422, 'ANSWERS_INVALID', 'ANSWERS_INVALID'],
  [403, 'ENCOUNTER_NOT_ACCESSIBLE', 'ENCOUNTER_NOT_ACCESSIBLE'],
  [403, 'ENCOUNTER_PATIENT_MISMATCH', 'ENCOUNTER_PATIENT_MISMATCH'],
  [401, 'SESSION_INVALID', 'SESSION_INVALID'],
  [502, 'EHR_UNREACHABLE', 'EHR_UNREACHABLE'],
  [400, 'REQUEST_INVALID', 'REQUEST_REFUSED'],
  [500, 'INTERNAL', 'SERVER_UNAVAILABLE'],
  [429, 'RATE_LIMITED', 'SERVER_UNAVAILABLE'],
])('HTTP %i %s becomes %s', async (status, serverCode, code) => {
  answerCompletion(() => refusal(status, serverCode));

  const error = await failureOf(submitCompletion('app-session-token', completion));

  expect(error.code).toBe(code);
  expect(error.message).toBe(`POST /api/completions answered HTTP ${status} ${serverCode}`);
});

test('a 401 without an OperationOutcome is SESSION_INVALID, a bare 503 SERVER_UNAVAILABLE', async () => {
  answerCompletion(() => new HttpResponse(null, { status: 401 }));
  expect((await failureOf(submitCompletion('t', completion))).code).toBe('SESSION_INVALID');

  answerCompletion(() => new HttpResponse('<html>busy</html>', { status: 503 }));
  const error = await failureOf(submitCompletion('t', completion));
  expect(error.code).toBe('SERVER_UNAVAILABLE');
  expect(error.message).toBe('POST /api/completions answered HTTP 503');
});

test('a network failure is SERVER_UNAVAILABLE', async () => {
  answerCompletion(() => HttpResponse.error());

  const error = await failureOf(submitCompletion('t', completion));

  expect(error.code).toBe('SERVER_UNAVAILABLE');
  expect(error.message).toBe('The Chartside server could not be reached (POST /api/completions)');
});

test('a server that does not answer in time is SERVER_UNAVAILABLE', async () => {
  server.use(
    http.get('*/api/slow', async () => {
      await delay('infinite');
      return HttpResponse.json({});
    }),
  );

  const error = await failureOf(
    requestJson({
      method: 'GET',
      path: '/api/slow',
      schema: completionResponseSchema,
      what: 'credit',
      timeoutMs: 50,
    }),
  );

  expect(error.code).toBe('SERVER_UNAVAILABLE');
});

test('an answer that does not fit the schema is SERVER_INVALID, naming the field', async () => {
  answerCompletion(() =>
    HttpResponse.json({ credit: { ...creditFor(completion), amount: 'half' }, receipt: RECEIPT }),
  );

  const error = await failureOf(submitCompletion('t', completion));

  expect(error.code).toBe('SERVER_INVALID');
  expect(error.message).toMatch(
    /^POST \/api\/completions answered an invalid credit at credit\.amount: /,
  );
});

test('a completion that does not fit the wire schema is refused before any request', async () => {
  const error = await failureOf(
    submitCompletion('t', { ...completion, encounter: 'enc-1', fhirAccessToken: 'short' }),
  );

  expect(error.code).toBe('REQUEST_REFUSED');
  expect(error.message).toMatch(/^The completion cannot be sent: encounter: /);
  expect(error.message).not.toContain('short');
});

test('fetchTranscript asks for the period with the session token and parses the list', async () => {
  let url = '';
  let authorization: string | null = null;
  server.use(
    http.get('*/api/credits', ({ request }) => {
      url = request.url;
      authorization = request.headers.get('authorization');
      return HttpResponse.json({
        period: { from: '2026-01-01', to: '2026-12-31' },
        total: 0.5,
        credits: [creditFor(completion)],
      });
    }),
  );

  const transcript = await fetchTranscript('app-session-token', {
    from: '2026-01-01',
    to: '2026-12-31',
  });

  expect(new URL(url).search).toBe('?from=2026-01-01&to=2026-12-31');
  expect(authorization).toBe('Bearer app-session-token');
  expect(transcript.total).toBe(0.5);
  expect(transcript.credits[0]?.caseId).toBe('sepsis-hour-one');
});
