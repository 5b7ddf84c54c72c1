import type { Bundle } from 'fhir/r4';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  cardAppContextSchema,
  cdsServiceResponseSchema,
  type CdsCard,
} from '../../../core/cds-hooks/card';
import { CDS_SERVICE_IDS } from '../../../core/cds-hooks/service-ids';
import type { MicroCase } from '../../../core/micro-case/micro-case-schema';
import { loadCaseLibrary } from '../../../server/library/case-library';
import { completionBody } from '../../support/completion-body';
import { learnerSession, type LearnerSession } from '../../support/learner-session';
import {
  callCds,
  patientViewRequest,
  persona,
  personaPrefetch,
  startCdsStack,
  type CdsStack,
} from './cds-test-client';

/**
 * Issue 9: a due teaching point comes back as a CDS card only when the patient in front of the
 * clinician matches that point's case — and the card is a CDS Hooks 2.0.1 card like any other.
 */
let cds: CdsStack;
let aki: MicroCase;
let clinician: LearnerSession;
/** The clinician's CDS `userId`: their fhirUser relative to the EHR's FHIR base. */
let userId: string;
const POINT = 'aki-kdigo-recognition:definition';

beforeAll(async () => {
  cds = await startCdsStack();
  const library = await loadCaseLibrary({
    casesDir: 'cases',
    valueSetsDir: 'fhir-profiles/valuesets',
  });
  aki = library.cases.find((c) => c.id === 'aki-kdigo-recognition')!;
  // The clinician completed the AKI case earlier from Walter's chart, missing its first question.
  clinician = await learnerSession(cds.stack, 'walter-novak');
  userId = clinician.fhirUser.slice(cds.fhirServer.length + 1);
  const body = completionBody(aki, clinician);
  const definition = aki.questions[0]!;
  (body.answers as { optionId: string }[])[0]!.optionId = definition.options.find(
    (o) => !o.correct,
  )!.id;
  const response = await fetch(`${cds.stack.appUrl}/api/completions`, {
    method: 'POST',
    headers: clinician.headers,
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
});
afterAll(() => cds.close());

/** Time passing, as the review store sees it: the missed point falls due. */
const makeDue = (): Promise<unknown> =>
  cds.stack.db
    .updateTable('review_cards')
    .set({ due: new Date(Date.now() - 60_000).toISOString() })
    .where('learner', '=', clinician.fhirUser)
    .where('teaching_point', '=', POINT)
    .execute();

async function cardsFor(
  topic: string,
  who = userId,
  prefetch?: Record<string, unknown>,
): Promise<{ cards: CdsCard[]; hookInstance: string }> {
  const request = patientViewRequest(cds, persona(cds, topic), {
    userId: who,
    ...(prefetch && { prefetch }),
  });
  const response = await callCds(cds, CDS_SERVICE_IDS.patientView, request);
  expect(response.status).toBe(200);
  return {
    cards: cdsServiceResponseSchema.parse(await response.json()).cards,
    hookInstance: String(request.hookInstance),
  };
}
const isRefresher = (card: CdsCard): boolean => card.summary.startsWith('2-min refresher:');
const contextOf = (card: CdsCard) => {
  const smart = card.links?.find((l) => l.type === 'smart');
  return cardAppContextSchema.parse(
    JSON.parse(smart?.type === 'smart' ? (smart.appContext ?? '') : ''),
  );
};

test('nothing due: no refresher card (and the case completed recently gets no card either)', async () => {
  const { cards } = await cardsFor('aki');
  expect(cards.filter(isRefresher)).toEqual([]);
  expect(cards.map((c) => c.source.topic?.code)).not.toContain('aki');
});

test('a due point and a patient who matches its case: one refresher card', async () => {
  await makeDue();
  const { cards, hookInstance } = await cardsFor('aki');
  const refreshers = cards.filter(isRefresher);
  expect(refreshers).toHaveLength(1);
  const [card] = refreshers;
  expect(card).toMatchObject({
    summary: '2-min refresher: AKI — due for review',
    indicator: 'info',
    source: { topic: { code: 'aki' } },
  });
  expect(contextOf(card!)).toEqual({
    caseId: aki.id,
    version: aki.version,
    hookInstance,
    cardUuid: card!.uuid,
    review: POINT,
  });
  // Recorded like any card: feedback on it can be attributed (CDS Hooks 2.0.1 §Feedback).
  const issued = await cds.stack.db
    .selectFrom('cds_cards')
    .selectAll()
    .where('uuid', '=', card!.uuid)
    .executeTakeFirst();
  expect(issued).toMatchObject({ case_id: aki.id, learner: clinician.fhirUser });
});

test('the same due point and a patient who does not match its case: no refresher card', async () => {
  await makeDue();
  for (const topic of ['sepsis', 'cap', 'asb']) {
    const { cards } = await cardsFor(topic);
    expect(cards.filter(isRefresher), topic).toEqual([]);
    expect(cards.length, topic).toBeGreaterThan(0);
  }
});

test('another clinician with nothing due gets the case card, never this clinician’s refresher', async () => {
  await makeDue();
  const { cards } = await cardsFor('aki', 'Practitioner/someone-else');
  expect(cards.filter(isRefresher)).toEqual([]);
  expect(cards[0]?.source.topic?.code).toBe('aki');
});

test('§CDS Service Response: within two cards, the best new case comes first, then the refresher', async () => {
  await makeDue();
  // Walter's chart with the sepsis and CAP patients' problems, labs and orders added to it.
  const [host, ...others] = ['aki', 'sepsis', 'cap'].map((topic) => persona(cds, topic));
  if (!host) throw new Error('no personas');
  const moved = (bundle: unknown): Bundle =>
    JSON.parse(
      JSON.stringify(bundle).replaceAll(/"Patient\/[a-z-]+"/g, `"Patient/${host.id}"`),
    ) as Bundle;
  const prefetch: Record<string, unknown> = { ...personaPrefetch(host) };
  for (const key of ['conditions', 'labs', 'vitals', 'medications']) {
    prefetch[key] = {
      resourceType: 'Bundle',
      type: 'searchset',
      entry: [host, ...others].flatMap((p) => moved(personaPrefetch(p)[key]).entry ?? []),
    };
  }
  const { cards: withoutReview } = await cardsFor('aki', 'Practitioner/someone-else', prefetch);
  expect(withoutReview.filter(isRefresher)).toEqual([]);
  expect(withoutReview).toHaveLength(2);
  const { cards } = await cardsFor('aki', userId, prefetch);
  expect(cards).toHaveLength(2);
  expect(isRefresher(cards[0]!)).toBe(false);
  expect(cards[0]!.source.topic?.code).not.toBe('aki');
  expect(contextOf(cards[1]!).review).toBe(POINT);
});

test('§Card Attributes, §Link, §Use of JSON: the refresher card follows the rules every card does', async () => {
  await makeDue();
  const { cards } = await cardsFor('aki');
  const card = cards.find(isRefresher)!;
  expect(card.summary.length).toBeLessThan(140);
  expect(card.uuid).toMatch(
    /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
  );
  expect(card.source.label).toMatch(/^Chartside/);
  expect(card.source.url).toMatch(/^https:\/\//);
  expect(card.overrideReasons?.map((r) => r.code)).toContain('not-relevant');
  expect(card.links?.filter((l) => l.type === 'smart')).toHaveLength(1);
  const smart = card.links!.find((l) => l.type === 'smart')!;
  expect(smart.url).toBe(`${cds.stack.appUrl}/launch`);
  const absolute = card.links!.find((l) => l.type === 'absolute')!;
  expect(absolute).not.toHaveProperty('appContext');
  expect(absolute.url).toBe(`${cds.stack.appUrl}/launch?iss=${encodeURIComponent(cds.fhirServer)}`);
  expect(JSON.stringify(card)).not.toMatch(/null|""|\[\]|\{\}/);
});
