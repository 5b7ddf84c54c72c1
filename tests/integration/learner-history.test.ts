import { afterAll, beforeAll, expect, test } from 'vitest';
import { learnerHistoryResponseSchema } from '../../core/wire/learner';
import { loadCaseLibrary } from '../../server/library/case-library';
import { completionBody } from '../support/completion-body';
import { learnerSession } from '../support/learner-session';
import { startStack, type Stack } from '../support/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ env: { CREDIT_UNREVIEWED_CONTENT: 'allow' } });
});
afterAll(() => stack.close());

const history = async (headers: Record<string, string>) => {
  const response = await fetch(`${stack.appUrl}/api/history`, { headers });
  expect(response.status).toBe(200);
  return learnerHistoryResponseSchema.parse(await response.json()).history;
};

test('the learner history names the cases this learner completed, and only this learner', async () => {
  const sepsis = (
    await loadCaseLibrary({ casesDir: 'cases', valueSetsDir: 'fhir-profiles/valuesets' })
  ).cases.find((c) => c.topic === 'sepsis')!;
  const [learner, colleague] = await Promise.all([
    learnerSession(stack, 'maria-santos'),
    learnerSession(stack, 'maria-santos', 1),
  ]);
  expect(await history(learner.headers)).toEqual([]);

  const completed = await fetch(`${stack.appUrl}/api/completions`, {
    method: 'POST',
    headers: learner.headers,
    body: JSON.stringify(completionBody(sepsis, learner)),
  });
  expect(completed.status).toBe(200);

  expect(await history(learner.headers)).toEqual([
    { caseId: sepsis.id, outcome: 'completed', at: expect.any(String) as string },
  ]);
  expect(await history(colleague.headers)).toEqual([]);
});

test('the learner history needs a session', async () => {
  const response = await fetch(`${stack.appUrl}/api/history`);
  expect(response.status).toBe(401);
});
