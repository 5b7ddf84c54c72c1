import { afterAll, beforeAll, expect, test } from 'vitest';
import { cdsServiceResponseSchema, type CdsCard } from '../../../core/cds-hooks/card';
import { cdsFeedbackRatesSchema } from '../../../core/cds-hooks/feedback';
import { CDS_SERVICE_IDS, OVERRIDE_REASON_SYSTEM } from '../../../core/cds-hooks/service-ids';
import {
  callCds,
  patientViewRequest,
  persona,
  serviceUrl,
  signCdsJwt,
  startCdsStack,
  type CdsStack,
} from './cds-test-client';

let cds: CdsStack;
beforeAll(async () => {
  cds = await startCdsStack({ ADMIN_TOKEN });
});
afterAll(() => cds.close());

const id = CDS_SERVICE_IDS.patientView;
const ADMIN_TOKEN = 'admin-token-for-the-feedback-conformance-suite';

async function cardsFor(topic: string, userId: string): Promise<CdsCard[]> {
  const response = await callCds(cds, id, patientViewRequest(cds, persona(cds, topic), { userId }));
  return cdsServiceResponseSchema.parse(await response.json()).cards;
}

function overridden(card: string, code = 'not-relevant'): Record<string, unknown> {
  return {
    feedback: [
      {
        card,
        outcome: 'overridden',
        overrideReason: {
          reason: { system: OVERRIDE_REASON_SYSTEM, code },
          userComment: 'seen it',
        },
        outcomeTimestamp: '2026-11-26T10:00:00Z',
      },
    ],
  };
}

const feedbackRows = (card: string) =>
  cds.stack.db.selectFrom('cds_feedback').selectAll().where('card_uuid', '=', card).execute();

test('§Feedback: an override is stored once however often it is reported', async () => {
  const [card] = await cardsFor('cap', 'Practitioner/feedback-a');
  if (!card) throw new Error('no CAP card');
  const statuses = [
    (await callCds(cds, id, overridden(card.uuid), { feedback: true })).status,
    (await callCds(cds, id, overridden(card.uuid), { feedback: true })).status,
  ];
  expect(statuses).toEqual([200, 200]);
  const rows = await feedbackRows(card.uuid);
  expect(rows).toMatchObject([
    {
      outcome: 'overridden',
      reason_code: 'not-relevant',
      case_id: 'cap-empiric-therapy-duration',
      learner: `${cds.fhirServer}/Practitioner/feedback-a`,
    },
  ]);
});

test('§Feedback: "not relevant" keeps the case off that clinician’s cards, not another’s', async () => {
  const [card] = await cardsFor('sepsis', 'Practitioner/feedback-b');
  if (!card) throw new Error('no sepsis card');
  await callCds(cds, id, overridden(card.uuid), { feedback: true });
  const again = await cardsFor('sepsis', 'Practitioner/feedback-b');
  const colleague = await cardsFor('sepsis', 'Practitioner/feedback-c');
  expect(again.map((c) => c.source.topic?.code)).not.toContain('sepsis');
  expect(colleague.map((c) => c.source.topic?.code)).toContain('sepsis');
});

test('§Feedback: a case the clinician completed in the last 30 days gets no card', async () => {
  const learner = `${cds.fhirServer}/Practitioner/feedback-d`;
  const tenant = await cds.stack.tenants.findByIss(cds.fhirServer);
  await cds.stack.db
    .insertInto('ledger')
    .values({
      id: crypto.randomUUID(),
      tenant_id: tenant?.id ?? '',
      learner,
      attempt_id: crypto.randomUUID(),
      case_id: 't2dm-intensify-cardiorenal',
      case_version: '1.0.0',
      encounter: 'Encounter/x',
      encounter_version: null,
      awarded: 1,
      amount: 0.5,
      format: 'internet-poc',
      credit_type: 'AMA PRA Category 1',
      denials: '[]',
      score: 1,
      recorded_at: new Date(Date.now() - 5 * 86_400_000).toISOString(),
      credit_day: '2026-11-21',
      resources: '[]',
      receipt: '',
      prev_hash: '',
      hash: crypto.randomUUID(),
    })
    .execute();
  expect(await cardsFor('t2dm', 'Practitioner/feedback-d')).toEqual([]);
  expect(await cardsFor('t2dm', 'Practitioner/feedback-e')).toHaveLength(1);
});

test('§Feedback: feedback on a card we never issued is acknowledged and not stored', async () => {
  const unknown = crypto.randomUUID();
  const response = await callCds(cds, id, overridden(unknown), { feedback: true });
  expect(response.status).toBe(200);
  expect(await feedbackRows(unknown)).toEqual([]);
});

test('§Feedback: feedback sent to another service’s endpoint is not attributed', async () => {
  const [card] = await cardsFor('htn', 'Practitioner/feedback-f');
  if (!card) throw new Error('no HTN card');
  const response = await callCds(cds, CDS_SERVICE_IDS.orderSelect, overridden(card.uuid), {
    feedback: true,
  });
  expect(response.status).toBe(200);
  expect(await feedbackRows(card.uuid)).toEqual([]);
});

test('§Feedback: an accepted card without suggestions is taken, its time kept in UTC', async () => {
  const [card] = await cardsFor('aki', 'Practitioner/feedback-g');
  if (!card) throw new Error('no AKI card');
  const response = await callCds(
    cds,
    id,
    {
      feedback: [
        { card: card.uuid, outcome: 'accepted', outcomeTimestamp: '2026-11-26T10:00:00.000+01:00' },
      ],
    },
    { feedback: true },
  );
  expect(response.status).toBe(200);
  expect(await feedbackRows(card.uuid)).toMatchObject([
    { outcome: 'accepted', outcome_at: '2026-11-26T09:00:00.000Z' },
  ]);
});

test('§Feedback: an outcome outside accepted/overridden is refused, naming the field', async () => {
  const response = await callCds(
    cds,
    id,
    {
      feedback: [
        { card: crypto.randomUUID(), outcome: 'ignored', outcomeTimestamp: '2026-11-26T10:00:00Z' },
      ],
    },
    { feedback: true },
  );
  expect(response.status).toBe(400);
  const body = (await response.json()) as { issue: { expression: string[] }[] };
  expect(body.issue[0]?.expression).toEqual(['feedback.0.outcome']);
});

test('§Trusting CDS Clients: the feedback endpoint wants its own URL as aud', async () => {
  const token = await signCdsJwt(cds, { key: cds.keys.es384, aud: serviceUrl(cds, id) });
  const response = await callCds(cds, id, overridden(crypto.randomUUID()), {
    feedback: true,
    token,
  });
  expect(response.status).toBe(401);
});

test('admins see acceptance and dismissal rates per case, each card counted once', async () => {
  const [first] = await cardsFor('copd', 'Practitioner/feedback-h');
  const [second] = await cardsFor('copd', 'Practitioner/feedback-i');
  if (!first || !second) throw new Error('no COPD cards');
  await callCds(cds, id, overridden(first.uuid, 'already-known'), { feedback: true });
  await callCds(cds, id, overridden(first.uuid, 'already-known'), { feedback: true });
  const response = await fetch(
    `${cds.stack.appUrl}/api/admin/cds-feedback?iss=${encodeURIComponent(cds.fhirServer)}&days=30`,
    { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } },
  );
  const rates = cdsFeedbackRatesSchema.parse(await response.json()).cases;
  expect(rates.find((r) => r.caseId === 'copd-inhaled-therapy-review')).toEqual({
    caseId: 'copd-inhaled-therapy-review',
    issued: 2,
    accepted: 0,
    dismissed: 1,
    acceptanceRate: 0,
    dismissalRate: 0.5,
  });
});

test('the rates need the administrator token', async () => {
  const response = await fetch(
    `${cds.stack.appUrl}/api/admin/cds-feedback?iss=${encodeURIComponent(cds.fhirServer)}`,
    { headers: { authorization: 'Bearer not-the-admin-token' } },
  );
  expect(response.status).toBe(401);
  const body = (await response.json()) as {
    issue: { details: { coding: { code: string }[]; text: string } }[];
  };
  expect(body.issue[0]?.details).toMatchObject({
    coding: [{ code: 'SESSION_INVALID' }],
    text: 'An administrator token is required',
  });
});
