import type { Encounter } from 'fhir/r4';
import { expect, test } from 'vitest';
import type { Measure, MeasureEpisode, PatientRecord } from '../measures/measure';
import {
  CODE,
  condition,
  encounter as measureEncounter,
  ME,
  measure,
  observation,
  patient,
  record as measureRecord,
} from '../measures/test-fixtures';
import { computeBeforeAfter, practitionerOf, type BeforeAfterInput } from './before-after';

const BASE = 'https://ehr.example.org/fhir';
const DAY = 86_400_000;
const T = new Date('2026-06-01T00:00:00.000Z').getTime();
const at = (ms: number): string => new Date(ms).toISOString();

/**
 * A stand-in measure, encounter-based: every encounter starting in the period that lists the
 * clinician is an episode; it is in the numerator when the encounter is finished.
 */
const fake: Measure = {
  id: 'CMS506',
  label: { en: 'Fake', es: 'Falsa' },
  simplification: { en: 'A test double', es: 'Un doble de prueba' },
  lowerIsBetter: false,
  basis: 'encounter',
  evaluate(record, { practitioner, period }): MeasureEpisode[] {
    return record.encounters
      .filter((e) => {
        const start = new Date(e.period?.start ?? '').getTime();
        const listed = (e.participant ?? []).some((p) =>
          [practitioner, `${BASE}/${practitioner}`].includes(p.individual?.reference ?? ''),
        );
        return listed && start >= period.start.getTime() && start < period.end.getTime();
      })
      .map((e) => ({
        subject: `Encounter/${e.id ?? ''}`,
        patient: `Patient/${record.patient.id ?? ''}`,
        inNumerator: e.status === 'finished',
        reason: e.status,
      }));
  },
};

let encounterSeq = 0;
function encounter(ms: number, practitioner: string, finished = true): Encounter {
  encounterSeq += 1;
  return {
    resourceType: 'Encounter',
    id: `e${String(encounterSeq)}`,
    status: finished ? 'finished' : 'cancelled',
    class: { code: 'AMB' },
    period: { start: at(ms) },
    participant: [{ individual: { reference: practitioner } }],
  };
}

function record(id: string, encounters: Encounter[]): PatientRecord {
  return {
    patient: { resourceType: 'Patient', id },
    encounters,
    conditions: [],
    observations: [],
    medicationRequests: [],
    medicationAdministrations: [],
  };
}

function input(overrides: Partial<BeforeAfterInput> = {}): BeforeAfterInput {
  return {
    fhirBase: BASE,
    credits: [
      {
        creditId: 'credit-1',
        learner: `${BASE}/Practitioner/ana`,
        caseId: 'case-a',
        caseVersion: '1.0.0',
        recordedAt: at(T),
      },
    ],
    caseMeasures: new Map([['case-a', ['CMS506', 'NOT-A-MEASURE', 'CMS122']]]),
    measures: [fake],
    records: [],
    windows: { beforeDays: 10, afterDays: 10 },
    asOf: new Date(T + 100 * DAY),
    ...overrides,
  };
}

test('an episode at T − beforeDays counts before, one at exactly T counts after', () => {
  const ana = 'Practitioner/ana';
  const records = [
    record('p1', [
      encounter(T - 10 * DAY - 1, ana), // just outside before
      encounter(T - 10 * DAY, ana), // first instant of before
      encounter(T - 1, ana, false), // last instant of before, not in the numerator
    ]),
    record('p2', [
      encounter(T, ana), // first instant of after
      encounter(T + 10 * DAY - 1, ana, false), // last instant of after
      encounter(T + 10 * DAY, ana), // just outside after
      encounter(T, 'Practitioner/ben'), // another clinician's care
    ]),
  ];
  const { comparisons, skipped } = computeBeforeAfter(input({ records }));
  expect(skipped).toEqual({ notPractitioner: 0, afterAsOf: 0 });
  // Only CMS506 has a measure here: an unknown id and a measure not given are ignored.
  expect(comparisons).toEqual([
    {
      learner: `${BASE}/Practitioner/ana`,
      creditId: 'credit-1',
      caseId: 'case-a',
      caseVersion: '1.0.0',
      creditedAt: at(T),
      measureId: 'CMS506',
      before: { periodStart: at(T - 10 * DAY), periodEnd: at(T), numerator: 1, denominator: 2 },
      after: { periodStart: at(T), periodEnd: at(T + 10 * DAY), numerator: 1, denominator: 2 },
    },
  ]);
});

test('the after window ends at asOf when the credit is recent', () => {
  const ana = `${BASE}/Practitioner/ana`; // participants may be absolute on the tenant's base
  const records = [
    record('p1', [encounter(T + 4 * DAY, ana), encounter(T + 5 * DAY, ana), encounter(T, ana)]),
  ];
  const [row] = computeBeforeAfter(input({ records, asOf: new Date(T + 5 * DAY) })).comparisons;
  expect(row?.after).toEqual({
    periodStart: at(T),
    periodEnd: at(T + 5 * DAY),
    numerator: 2,
    denominator: 2,
  });
  expect(row?.before.denominator).toBe(0);
});

test('a learner who is not a Practitioner of this FHIR base is skipped and counted', () => {
  const credit = input().credits[0];
  if (!credit) throw new Error('no credit');
  const credits = [
    { ...credit, creditId: 'c2', learner: `${BASE}/Patient/ana` },
    { ...credit, creditId: 'c3', learner: 'https://other.example.org/fhir/Practitioner/ana' },
    {
      ...credit,
      creditId: 'c4',
      learner: `${BASE}/Practitioner/ana`,
      recordedAt: at(T + 200 * DAY),
    },
    { ...credit, creditId: 'c5', caseId: 'case-without-measures' },
  ];
  const records = [record('p1', [encounter(T - DAY, 'Practitioner/ana')])];
  expect(computeBeforeAfter(input({ credits, records }))).toEqual({
    comparisons: [],
    skipped: { notPractitioner: 2, afterAsOf: 1 },
  });
});

test('the measure reads only the records of the credited clinician, once per window', () => {
  const records = [
    record('p1', [encounter(T - DAY, 'Practitioner/ana'), encounter(T - DAY, 'Practitioner/ana')]),
    ...Array.from({ length: 50 }, (_, i) =>
      record(`q${String(i)}`, [encounter(T, 'Practitioner/ben')]),
    ),
    record('p2', [encounter(T + DAY, 'Practitioner/ana/_history/3')]),
  ];
  const seen: string[] = [];
  const counting: Measure = {
    ...fake,
    evaluate: (r, context) => {
      seen.push(r.patient.id ?? '');
      return fake.evaluate(r, context);
    },
  };
  const [row] = computeBeforeAfter(input({ records, measures: [counting] })).comparisons;
  expect(seen.sort()).toEqual(['p1', 'p1', 'p2', 'p2']);
  expect([row?.before.denominator, row?.after.denominator]).toEqual([2, 0]);
});

test('practitionerOf accepts relative and same-base references only', () => {
  expect(practitionerOf(`${BASE}/Practitioner/dr-lee.1`, BASE)).toBe('Practitioner/dr-lee.1');
  expect(practitionerOf('Practitioner/x/_history/2', BASE)).toBe('Practitioner/x');
  expect(practitionerOf(`${BASE}/PractitionerRole/x`, BASE)).toBeUndefined();
  expect(practitionerOf('https://evil.example.org/fhir/Practitioner/x', BASE)).toBeUndefined();
  expect(practitionerOf(`${BASE}/Practitioner/`, BASE)).toBeUndefined();
  expect(practitionerOf(`${BASE}/Practitioner/a/b`, BASE)).toBeUndefined();
});

test('with the real CMS122-like measure, the latest HbA1c of each window decides', () => {
  const cms122 = measure('CMS122');
  const credited = '2026-07-01T00:00:00.000Z';
  const records = [
    // Before: HbA1c 9.4 % (poor control); after: 7.0 % (controlled).
    measureRecord(
      patient('1970-05-05'),
      condition(CODE.diabetes, { onset: '2020-01-01' }),
      measureEncounter({ start: '2026-03-01T09:00:00Z' }),
      observation(CODE.hba1c, { value: 9.4, at: '2026-03-01T09:30:00Z', unit: '%' }),
      measureEncounter({ start: '2026-09-01T09:00:00Z' }),
      observation(CODE.hba1c, { value: 7.0, at: '2026-09-01T09:30:00Z', unit: '%' }),
    ),
  ];
  const { comparisons } = computeBeforeAfter(
    input({
      credits: [
        {
          creditId: 'credit-1',
          learner: `${BASE}/${ME}`,
          caseId: 'case-a',
          caseVersion: '1.0.0',
          recordedAt: credited,
        },
      ],
      measures: [cms122],
      records,
      windows: { beforeDays: 180, afterDays: 180 },
      asOf: new Date('2026-11-26T00:00:00.000Z'),
    }),
  );
  expect(comparisons.map((c) => [c.measureId, c.before, c.after])).toEqual([
    [
      'CMS122',
      {
        periodStart: '2026-01-02T00:00:00.000Z',
        periodEnd: credited,
        numerator: 1,
        denominator: 1,
      },
      {
        periodStart: credited,
        periodEnd: '2026-11-26T00:00:00.000Z',
        numerator: 0,
        denominator: 1,
      },
    ],
  ]);
});
