import type {
  Bundle,
  Condition,
  Encounter,
  MedicationRequest,
  Observation,
  Patient,
  Resource,
} from 'fhir/r4';
import { HttpResponse, http, type HttpHandler } from 'msw';

/** A small FHIR R4 server for tests, served by msw at FHIR_BASE. */
export const FHIR_BASE = 'https://ehr.test/fhir';
export const PATIENT_ID = 'pat-1';
export const ENCOUNTER_ID = 'enc-1';
export const ACCESS_TOKEN = 'test-access-token';

const subject = { reference: `Patient/${PATIENT_ID}` };
const fhirJson = { 'content-type': 'application/fhir+json' };

export const patient: Patient = {
  resourceType: 'Patient',
  id: PATIENT_ID,
  name: [{ use: 'official', family: 'Okafor', given: ['Ada'] }],
  gender: 'female',
  birthDate: '1958-03-12',
};

export const encounter: Encounter = {
  resourceType: 'Encounter',
  id: ENCOUNTER_ID,
  status: 'in-progress',
  class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'EMER' },
  subject,
  period: { start: '2025-01-14T08:30:00Z' },
};

export const condition = (id: string, reference = subject.reference): Condition => ({
  resourceType: 'Condition',
  id,
  subject: { reference },
  code: { text: `Condition ${id}` },
});

export const labObservation = (id: string, date: string): Observation => ({
  resourceType: 'Observation',
  id,
  status: 'final',
  category: [{ coding: [{ code: 'laboratory' }] }],
  code: { coding: [{ system: 'http://loinc.org', code: id }], text: `Lab ${id}` },
  subject,
  effectiveDateTime: date,
  valueQuantity: { value: 1, unit: 'mmol/L' },
});

export const bloodPressure: Observation = {
  resourceType: 'Observation',
  id: 'bp-1',
  status: 'final',
  category: [{ coding: [{ code: 'vital-signs' }] }],
  code: { coding: [{ system: 'http://loinc.org', code: '85354-9' }] },
  subject,
  effectiveDateTime: '2025-01-14T09:00:00Z',
};

export const medication: MedicationRequest = {
  resourceType: 'MedicationRequest',
  id: 'med-1',
  status: 'active',
  intent: 'order',
  subject,
  medicationCodeableConcept: { text: 'Metformin 500 mg tablet' },
};

/** A searchset page; `next` is an absolute URL on FHIR_BASE when given. */
export function searchset(resources: Resource[], next?: string): Bundle {
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    ...(next === undefined ? {} : { link: [{ relation: 'next', url: `${FHIR_BASE}/${next}` }] }),
    entry: resources.map((resource) => ({ resource, search: { mode: 'match' } })),
  };
}

/** Every request the fake server answered, as path + query, for assertions. */
export const served: string[] = [];

function answer(body: Resource, request: Request, status = 200) {
  const url = new URL(request.url);
  served.push(`${url.pathname.replace('/fhir/', '')}${url.search}`);
  if (request.headers.get('authorization') !== `Bearer ${ACCESS_TOKEN}`) {
    return HttpResponse.json({ resourceType: 'OperationOutcome', issue: [] }, { status: 401 });
  }
  return HttpResponse.json(body, { status, headers: fhirJson });
}

/** The happy chart: one patient, labs over four pages (the client must stop after three). */
export const chartHandlers: HttpHandler[] = [
  http.get(`${FHIR_BASE}/Patient/${PATIENT_ID}`, ({ request }) => answer(patient, request)),
  http.get(`${FHIR_BASE}/Encounter/${ENCOUNTER_ID}`, ({ request }) => answer(encounter, request)),
  http.get(`${FHIR_BASE}/Condition`, ({ request }) =>
    answer(searchset([condition('c-1'), condition('c-2')]), request),
  ),
  http.get(`${FHIR_BASE}/Observation`, ({ request }) => {
    const params = new URL(request.url).searchParams;
    if (params.get('category') === 'vital-signs')
      return answer(searchset([bloodPressure]), request);
    if (params.get('category') === 'imaging') return answer(searchset([]), request);
    const page = Number(params.get('page') ?? '1');
    const next = `Observation?patient=Patient/${PATIENT_ID}&category=laboratory&page=${page + 1}`;
    return answer(
      searchset([labObservation(`lab-${page}`, `2025-01-1${page}T06:00:00Z`)], next),
      request,
    );
  }),
  http.get(`${FHIR_BASE}/MedicationRequest`, ({ request }) =>
    answer(searchset([medication]), request),
  ),
];
