import type { Bundle, Resource } from 'fhir/r4';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { cdsServiceResponseSchema } from '../../../core/cds-hooks/card';
import { CDS_SERVICE_IDS } from '../../../core/cds-hooks/service-ids';
import { launchTokens } from '../../support/smart-client';
import {
  callCds,
  patientViewRequest,
  persona,
  personaPrefetch,
  startCdsStack,
  type CdsStack,
} from './cds-test-client';

let cds: CdsStack;
let accessToken: string;
beforeAll(async () => {
  cds = await startCdsStack();
  const who = persona(cds, 'sepsis');
  ({ accessToken } = await launchTokens(cds.stack.sandbox, cds.stack.appUrl, {
    patient: who.id,
    encounter: who.encounterId,
    practitioner: cds.stack.sandbox.practitioners[0]?.id ?? '',
  }));
});
afterAll(() => cds.close());

const outcome = {
  resourceType: 'OperationOutcome',
  issue: [{ severity: 'error', code: 'timeout' }],
};
const auth = (token: string): Record<string, unknown> => ({
  fhirAuthorization: {
    access_token: token,
    token_type: 'Bearer',
    expires_in: 300,
    scope: 'patient/*.rs',
    subject: 'chartside',
  },
});

interface PrefetchCase {
  section: string;
  name: string;
  /** Changes the sepsis persona's full prefetch; `undefined` sends none. */
  prefetch: (full: Record<string, Resource>) => Record<string, unknown> | undefined;
  authorized: boolean;
  status: 200 | 412;
  /** Whether the sepsis card comes back. */
  sepsisCard?: boolean;
}

const without = (full: Record<string, Resource>, key: string): Record<string, unknown> =>
  Object.fromEntries(Object.entries(full).filter(([k]) => k !== key));

/** CDS Hooks 2.0.1 §Prefetch Template and §FHIR Resource Access, as prefetch arrives in practice. */
const CASES: PrefetchCase[] = [
  {
    section: '§Prefetch Template',
    name: 'every key satisfied needs no FHIR access',
    prefetch: (f) => f,
    authorized: false,
    status: 200,
    sepsisCard: true,
  },
  {
    section: '§Prefetch Template',
    name: 'a missing key without fhirAuthorization is 412',
    prefetch: (f) => without(f, 'labs'),
    authorized: false,
    status: 412,
  },
  {
    section: '§Prefetch Template',
    name: 'no prefetch at all without fhirAuthorization is 412',
    prefetch: () => undefined,
    authorized: false,
    status: 412,
  },
  {
    section: '§FHIR Resource Access',
    name: 'a missing key is fetched from fhirServer with fhirAuthorization',
    prefetch: (f) => without(f, 'labs'),
    authorized: true,
    status: 200,
    sepsisCard: true,
  },
  {
    section: '§FHIR Resource Access',
    name: 'no prefetch at all is fetched from fhirServer with fhirAuthorization',
    prefetch: () => undefined,
    authorized: true,
    status: 200,
    sepsisCard: true,
  },
  {
    section: '§Prefetch Template',
    name: 'a null key means no data (no lactate: no sepsis card)',
    prefetch: (f) => ({ ...f, labs: null }),
    authorized: false,
    status: 200,
    sepsisCard: false,
  },
  {
    section: '§Prefetch Template',
    name: 'an OperationOutcome in place of a key counts as missing (412)',
    prefetch: (f) => ({ ...f, labs: outcome }),
    authorized: false,
    status: 412,
  },
  {
    section: '§FHIR Resource Access',
    name: 'an OperationOutcome in place of a key is fetched with fhirAuthorization',
    prefetch: (f) => ({ ...f, labs: outcome }),
    authorized: true,
    status: 200,
    sepsisCard: true,
  },
  {
    section: '§Prefetch Template',
    name: 'OperationOutcome entries in a searchset are not matches',
    prefetch: (f) => {
      const labs = f.labs as Bundle;
      return {
        ...f,
        labs: {
          ...labs,
          entry: [...(labs.entry ?? []), { resource: outcome, search: { mode: 'outcome' } }],
        },
      };
    },
    authorized: false,
    status: 200,
    sepsisCard: true,
  },
];

test.each(CASES.map((c) => [`${c.section}: ${c.name}`, c] as const))('%s', async (_name, c) => {
  const who = persona(cds, 'sepsis');
  const body = {
    ...patientViewRequest(cds, who, { prefetch: c.prefetch(personaPrefetch(who)) }),
    ...(c.authorized && auth(accessToken)),
  };
  const response = await callCds(cds, CDS_SERVICE_IDS.patientView, body);
  expect(response.status).toBe(c.status);
  if (c.status === 412) {
    const issue = (
      (await response.json()) as { issue: { details: { coding: { code: string }[] } }[] }
    ).issue[0];
    expect(issue?.details.coding[0]?.code).toBe('CDS_PREFETCH_UNAVAILABLE');
    return;
  }
  const { cards } = cdsServiceResponseSchema.parse(await response.json());
  expect(cards.some((card) => card.source.topic?.code === 'sepsis')).toBe(c.sepsisCard);
});

test('§Prefetch Template: a paged searchset is completed from its next link with fhirAuthorization', async () => {
  const who = persona(cds, 'sepsis');
  const next = `${cds.fhirServer}/Observation?patient=Patient/${who.id}&category=laboratory&_sort=-date&_count=100`;
  const firstPage: Bundle = {
    resourceType: 'Bundle',
    type: 'searchset',
    link: [{ relation: 'next', url: next }],
    entry: [],
  };
  const prefetch = { ...personaPrefetch(who), labs: firstPage };
  const ask = async (authorized: boolean): Promise<boolean> => {
    const body = {
      ...patientViewRequest(cds, who, { prefetch }),
      ...(authorized && auth(accessToken)),
    };
    const { cards } = cdsServiceResponseSchema.parse(
      await (await callCds(cds, CDS_SERVICE_IDS.patientView, body)).json(),
    );
    return cards.some((card) => card.source.topic?.code === 'sepsis');
  };
  // Without a token the first page is all there is; with one, the rest is read.
  expect([await ask(false), await ask(true)]).toEqual([false, true]);
});

test('§FHIR Resource Access: a token the FHIR server refuses is 412', async () => {
  const who = persona(cds, 'sepsis');
  const body = {
    ...patientViewRequest(cds, who, { prefetch: without(personaPrefetch(who), 'labs') }),
    ...auth('not-a-token'),
  };
  expect((await callCds(cds, CDS_SERVICE_IDS.patientView, body)).status).toBe(412);
});

test('§Calling a CDS Service: fhirAuthorization without fhirServer is refused', async () => {
  const who = persona(cds, 'sepsis');
  const request = Object.fromEntries(
    Object.entries(patientViewRequest(cds, who)).filter(([key]) => key !== 'fhirServer'),
  );
  const response = await callCds(cds, CDS_SERVICE_IDS.patientView, {
    ...request,
    ...auth(accessToken),
  });
  expect(response.status).toBe(400);
});

test('resources of another patient in the prefetch are ignored', async () => {
  const sepsis = persona(cds, 'sepsis');
  const nobody = cds.personas.find((p) => p.topic === null);
  if (!nobody) throw new Error('no persona without a topic');
  const theirs = personaPrefetch(sepsis);
  const prefetch = { ...personaPrefetch(nobody), conditions: theirs.conditions, labs: theirs.labs };
  const response = await callCds(
    cds,
    CDS_SERVICE_IDS.patientView,
    patientViewRequest(cds, nobody, { prefetch }),
  );
  expect(await response.json()).toEqual({ cards: [] });
});
