import type { Bundle, Provenance, Questionnaire, QuestionnaireResponse } from 'fhir/r4';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { PROFILE } from '../../core/fhir/canonical';
import type { MicroCase } from '../../core/micro-case/micro-case-schema';
import type { LibraryResponse } from '../../core/wire/library';
import { loadCaseLibrary, type LoadedCaseLibrary } from '../../server/library/case-library';
import { completionBody } from '../support/completion-body';
import { responseProblems, validateFhir } from '../support/fhir-validation';
import { learnerSession, type LearnerSession } from '../support/learner-session';
import { startStack, type Stack } from '../support/stack';

// A clinician finishes the sepsis case offline on version 1.0.0; before the device is back
// online the server is updated and teaches 1.1.0. The finished case must still earn its credit.
let stack: Stack;
let library: LoadedCaseLibrary;
let current: MicroCase;
let published: MicroCase;

beforeAll(async () => {
  stack = await startStack({ env: { CREDIT_UNREVIEWED_CONTENT: 'allow' } });
  library = await loadCaseLibrary({ casesDir: 'cases', valueSetsDir: 'fhir-profiles/valuesets' });
  current = library.cases.find((c) => c.id === 'sepsis-hour-1-bundle')!;
  published = library.archived.find((c) => c.id === current.id && c.version === '1.0.0')!;
});
afterAll(() => stack.close());

async function complete(
  learner: LearnerSession,
  body: Record<string, unknown>,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${stack.appUrl}/api/completions`, {
    method: 'POST',
    headers: learner.headers,
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function readFhir<T>(path: string, headers: Record<string, string> = {}): Promise<T> {
  const response = await fetch(`${stack.appUrl}/fhir/${path}`, { headers });
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}

test('the library keeps 1.0.0 of the sepsis case beside the 1.1.0 it teaches now', () => {
  expect(current.version).toBe('1.1.0');
  expect(published.questions.some((q) => q.variants !== undefined)).toBe(false);
  expect(current.questions.some((q) => q.variants !== undefined)).toBe(true);
});

test('an attempt finished on the earlier version earns its credit, graded and traced to that version', async () => {
  const learner = await learnerSession(stack, 'maria-santos');
  const { status, body } = await complete(learner, completionBody(published, learner));
  expect(status).toBe(200);
  const credit = body.credit as {
    id: string;
    awarded: boolean;
    score: number;
    caseVersion: string;
  };
  expect(credit).toMatchObject({ awarded: true, score: 1, caseVersion: '1.0.0' });

  const provenance = (
    await readFhir<Bundle>(`Provenance?target=Basic/${credit.id}`, learner.headers)
  ).entry![0]!.resource as Provenance;
  const canonical = `https://chartside.dev/fhir/Questionnaire/${published.id}|1.0.0`;
  expect(provenance.entity?.map((e) => e.what.reference)).toContain(canonical);

  // What the credit names resolves publicly to the version the learner answered.
  const found = await readFhir<Bundle>(`Questionnaire?url=${encodeURIComponent(canonical)}`);
  expect(found.total).toBe(1);
  const questionnaire = found.entry![0]!.resource as Questionnaire;
  expect(questionnaire).toMatchObject({
    id: `${published.id}-1.0.0`,
    version: '1.0.0',
    status: 'retired',
  });
  expect(validateFhir(questionnaire, PROFILE.caseQuestionnaire)).toEqual([]);
  const completionRef = provenance.target.find((t) =>
    t.reference?.startsWith('QuestionnaireResponse/'),
  )!.reference!;
  const completion = await readFhir<QuestionnaireResponse>(completionRef, learner.headers);
  expect(completion.questionnaire).toBe(canonical);
  expect(responseProblems(completion, questionnaire)).toEqual([]);
  expect(await readFhir<Questionnaire>(`Questionnaire/${published.id}-1.0.0`)).toEqual(
    questionnaire,
  );
});

test('the earlier version is graded as it was: a variant only 1.1.0 has is refused, with nothing stored', async () => {
  const learner = await learnerSession(stack, 'maria-santos', 1);
  const withVariant = current.questions.find((q) => q.variants?.easier)!;
  const easierOption = withVariant.variants!.easier!.options.find((o) => o.correct)!;
  const answers = published.questions.map((q) => ({
    questionId: q.id,
    optionId: q.options.find((o) => o.correct)!.id,
    ...(q.id === withVariant.id && { optionId: easierOption.id, variant: 'easier' }),
  }));
  const refused = await complete(learner, completionBody(published, learner, { answers }));
  expect(refused.status).toBe(422);
  expect(JSON.stringify(refused.body)).toContain('ANSWERS_INVALID');
  // The same answers on the version that has the variant are fine.
  const accepted = await complete(
    learner,
    completionBody(current, learner, { answers, caseVersion: current.version }),
  );
  expect(accepted.status).toBe(200);
});

test('only current versions are suggested and taught; earlier ones are listed as retired', async () => {
  const served = (await (await fetch(`${stack.appUrl}/api/library`)).json()) as LibraryResponse;
  expect(served.cases.map((c) => `${c.id}@${c.version}`).sort()).toEqual(
    library.cases.map((c) => `${c.id}@${c.version}`).sort(),
  );
  const retired = await readFhir<Bundle>('Questionnaire?status=retired');
  expect(retired.entry?.map((e) => (e.resource as Questionnaire).version)).toEqual(
    library.archived.map((c) => c.version),
  );
  expect(library.archived.length).toBeGreaterThan(0);
  const all = await readFhir<Bundle>('Questionnaire');
  expect(all.total).toBe(library.cases.length + library.archived.length);
});
