import type { MedicationRequest } from 'fhir/r4';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { cdsServiceResponseSchema } from '../../../core/cds-hooks/card';
import { CDS_SERVICE_IDS } from '../../../core/cds-hooks/service-ids';
import {
  callCds,
  patientViewRequest,
  persona,
  personaPrefetch,
  startCdsStack,
  type CdsStack,
} from './cds-test-client';

let cds: CdsStack;
beforeAll(async () => {
  cds = await startCdsStack();
});
afterAll(() => cds.close());

const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const DRUGS = {
  oxycodone: ['1049221', 'acetaminophen 325 MG / oxycodone hydrochloride 5 MG Oral Tablet'],
  dabigatran: ['1037045', 'dabigatran etexilate 150 MG Oral Capsule'],
  ciprofloxacin: ['309309', 'ciprofloxacin 500 MG Oral Tablet'],
  ondansetron: ['312086', 'ondansetron 4 MG Oral Tablet'],
} as const;

function draft(patientId: string, drug: keyof typeof DRUGS): MedicationRequest {
  const [code, display] = DRUGS[drug];
  return {
    resourceType: 'MedicationRequest',
    id: `draft-${drug}`,
    status: 'draft',
    intent: 'order',
    subject: { reference: `Patient/${patientId}` },
    medicationCodeableConcept: { coding: [{ system: RXNORM, code, display }], text: display },
  };
}

async function orderSelect(topic: string, drug: keyof typeof DRUGS): Promise<string[]> {
  const who = persona(cds, topic);
  const order = draft(who.id, drug);
  const response = await callCds(cds, CDS_SERVICE_IDS.orderSelect, {
    hook: 'order-select',
    hookInstance: crypto.randomUUID(),
    fhirServer: cds.fhirServer,
    context: {
      userId: 'Practitioner/test-clinician',
      patientId: who.id,
      encounterId: who.encounterId,
      selections: [`MedicationRequest/${order.id ?? ''}`],
      draftOrders: { resourceType: 'Bundle', type: 'collection', entry: [{ resource: order }] },
    },
    prefetch: personaPrefetch(who),
  });
  expect(response.status).toBe(200);
  const { cards } = cdsServiceResponseSchema.parse(await response.json());
  return cards.map((card) => `${card.source.topic?.code ?? ''}: ${card.summary}`);
}

/** order-select (CDS Hooks Library 1.0): the case about what is being ordered. */
const ORDERS: { name: string; topic: string; drug: keyof typeof DRUGS; expected: RegExp | null }[] =
  [
    {
      name: 'an opioid with a benzodiazepine on board suggests the opioid case',
      topic: 'opioids',
      drug: 'oxycodone',
      expected: /^opioids: Ordering acetaminophen 325 MG \/ oxycodone/,
    },
    {
      name: 'an anticoagulant for untreated AF suggests the AF case',
      topic: 'afib',
      drug: 'dabigatran',
      expected: /^afib: Ordering dabigatran/,
    },
    {
      name: 'another order for an AF patient without an anticoagulant suggests the AF case',
      topic: 'afib',
      drug: 'ondansetron',
      expected: /^afib: No active order for an anticoagulant/,
    },
    {
      name: 'an antibiotic for bacteriuria without symptoms suggests the ASB case',
      topic: 'asb',
      drug: 'ciprofloxacin',
      expected: /^asb: Ordering ciprofloxacin/,
    },
    {
      name: 'an order unrelated to the patient’s case suggests nothing',
      topic: 'sepsis',
      drug: 'ondansetron',
      expected: null,
    },
  ];

test.each(ORDERS.map((o) => [o.name, o] as const))('order-select: %s', async (_name, o) => {
  const cards = await orderSelect(o.topic, o.drug);
  if (o.expected === null) expect(cards).toEqual([]);
  else expect(cards[0]).toMatch(o.expected);
});

test('encounter-start: answers like patient-view for the encounter in context', async () => {
  const who = persona(cds, 'sepsis');
  const response = await callCds(cds, CDS_SERVICE_IDS.encounterStart, {
    ...patientViewRequest(cds, who),
    hook: 'encounter-start',
  });
  const { cards } = cdsServiceResponseSchema.parse(await response.json());
  expect(cards[0]?.source.topic?.code).toBe('sepsis');
});

test('encounter-start: a context without encounterId is refused, naming the field', async () => {
  const who = persona(cds, 'sepsis');
  const request = patientViewRequest(cds, who);
  const response = await callCds(cds, CDS_SERVICE_IDS.encounterStart, {
    ...request,
    hook: 'encounter-start',
    context: { userId: 'Practitioner/test-clinician', patientId: who.id },
  });
  expect(response.status).toBe(400);
  const outcome = (await response.json()) as {
    issue: { expression: string[]; details: { coding: { code: string }[] } }[];
  };
  expect(outcome.issue[0]?.expression).toEqual(['context.encounterId']);
  expect(outcome.issue[0]?.details.coding[0]?.code).toBe('REQUEST_INVALID');
});

test('§Calling a CDS Service: a hook other than the service’s is refused', async () => {
  const who = persona(cds, 'sepsis');
  const response = await callCds(cds, CDS_SERVICE_IDS.patientView, {
    ...patientViewRequest(cds, who),
    hook: 'order-sign',
  });
  expect(response.status).toBe(400);
});

test.each(['Patient/maria-santos', 'RelatedPerson/daughter'])(
  'patient-view: a user who is not a practitioner (%s) gets no card',
  async (userId) => {
    const who = persona(cds, 'sepsis');
    const response = await callCds(
      cds,
      CDS_SERVICE_IDS.patientView,
      patientViewRequest(cds, who, { userId }),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ cards: [] });
  },
);

test('patient-view: a PractitionerRole user is a clinician and gets the card', async () => {
  const who = persona(cds, 'sepsis');
  const response = await callCds(
    cds,
    CDS_SERVICE_IDS.patientView,
    patientViewRequest(cds, who, { userId: 'PractitionerRole/test-role' }),
  );
  const { cards } = cdsServiceResponseSchema.parse(await response.json());
  expect(cards).toHaveLength(1);
});
