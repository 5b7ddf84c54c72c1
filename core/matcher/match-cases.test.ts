import type { Observation } from 'fhir/r4';
import { expect, test } from 'vitest';
import type { Criterion } from '../micro-case/trigger-schema';
import { evaluateFhirPath } from './fhirpath-evaluator';
import { matchCases } from './match-cases';
import {
  NOW,
  caseWith,
  condition,
  hoursAgo,
  lab,
  order,
  patient,
  valueSets,
} from './test-fixtures';

const VS = 'https://example.org/ValueSet/';
const lactateHigh: Criterion = {
  kind: 'observation',
  id: 'lactate',
  valueSet: `${VS}lactate`,
  within: { hours: 24 },
  which: 'latest',
  comparator: '>=',
  value: 2,
  unit: 'mmol/L',
};

function run(
  trigger: Criterion,
  chart: {
    observations?: Observation[];
    conditions?: ReturnType<typeof condition>[];
    medications?: ReturnType<typeof order>[];
  },
) {
  return matchCases({
    cases: [caseWith('case', trigger)],
    valueSets,
    context: {
      patient,
      conditions: chart.conditions ?? [],
      observations: chart.observations ?? [],
      medications: chart.medications ?? [],
    },
    now: NOW,
    fhirPath: evaluateFhirPath,
  });
}

test('a high lactate matches with a reason naming the value, date and threshold', () => {
  const [match] = run(lactateHigh, {
    observations: [lab('l1', '2524-7', 4.1, 'mmol/L', '2026-11-26T08:00:00Z')],
  });
  expect(match?.evidence).toEqual([
    {
      criterionId: 'lactate',
      resource: 'Observation/l1',
      date: '2026-11-26T08:00:00Z',
      value: 4.1,
      unit: 'mmol/L',
      reason: {
        en: 'Lactate 4.1 mmol/L on 2026-11-26 ≥ 2 mmol/L',
        es: 'Lactate 4.1 mmol/L el 2026-11-26 ≥ 2 mmol/L',
      },
    },
  ]);
});

test('only the latest value counts when which is latest', () => {
  const observations = [
    lab('old', '2524-7', 4.1, 'mmol/L', hoursAgo(10)),
    lab('new', '2524-7', 1.1, 'mmol/L', hoursAgo(1)),
  ];
  expect(run(lactateHigh, { observations })).toEqual([]);
  expect(run({ ...lactateHigh, which: 'any' }, { observations })[0]?.evidence[0]?.resource).toBe(
    'Observation/old',
  );
});

test.each([
  ['entered in error', lab('x', '2524-7', 4.1, 'mmol/L', hoursAgo(1), 'entered-in-error')],
  ['cancelled', lab('x', '2524-7', 4.1, 'mmol/L', hoursAgo(1), 'cancelled')],
  ['without a value', lab('x', '2524-7', undefined, 'mmol/L', hoursAgo(1))],
  ['in an unknown unit', lab('x', '2524-7', 4.1, 'furlongs', hoursAgo(1))],
  ['outside the window', lab('x', '2524-7', 4.1, 'mmol/L', hoursAgo(30))],
  ['in the future', lab('x', '2524-7', 4.1, 'mmol/L', hoursAgo(-24))],
  [
    'without a date',
    { ...lab('x', '2524-7', 4.1, 'mmol/L', hoursAgo(1)), effectiveDateTime: undefined },
  ],
  ['without a code', { ...lab('x', '2524-7', 4.1, 'mmol/L', hoursAgo(1)), code: {} }],
  [
    'with a malformed quantity',
    { ...lab('x', '2524-7', 4.1, 'mmol/L', hoursAgo(1)), valueQuantity: { value: Number.NaN } },
  ],
])('an observation %s never matches', (_label, observation) => {
  expect(run(lactateHigh, { observations: [observation] })).toEqual([]);
});

test('a creatinine in µmol/L is converted before it is compared', () => {
  const trigger: Criterion = {
    kind: 'observation',
    id: 'creatinine',
    valueSet: `${VS}creatinine`,
    within: { hours: 24 },
    which: 'latest',
    comparator: '>=',
    value: 1.2,
    unit: 'mg/dL',
    molarMass: 113.12,
  };
  const [match] = run(trigger, { observations: [lab('c', '14682-9', 106, 'umol/L', hoursAgo(2))] });
  expect(match).toBeUndefined();
  const [high] = run(trigger, { observations: [lab('c', '14682-9', 177, 'umol/L', hoursAgo(2))] });
  expect(high?.evidence[0]?.reason.en).toBe(
    `Creatinine 2.002 mg/dL (177 µmol/L) on ${hoursAgo(2).slice(0, 10)} ≥ 1.2 mg/dL`,
  );
});

test('a creatinine rise of 0.3 mg/dL within 48 hours is a trend match, across units', () => {
  const trigger: Criterion = {
    kind: 'trend',
    id: 'rise',
    valueSet: `${VS}creatinine`,
    within: { hours: 48 },
    unit: 'mg/dL',
    molarMass: 113.12,
    riseAtLeast: 0.3,
  };
  const observations = [
    lab('a', '2160-0', 1.0, 'mg/dL', hoursAgo(43)),
    lab('b', '14682-9', 106.1, 'umol/L', hoursAgo(20)),
    lab('c', '2160-0', 1.5, 'mg/dL', hoursAgo(1)),
  ];
  const [match] = run(trigger, { observations });
  expect(match?.evidence[0]?.reason.en).toBe(
    `Creatinine rose 1 → 1.5 mg/dL in 42 h (by ${hoursAgo(1).slice(0, 10)})`,
  );
  expect(
    run(trigger, {
      observations: [
        lab('a', '2160-0', 1.5, 'mg/dL', hoursAgo(43)),
        lab('c', '2160-0', 1.0, 'mg/dL', hoursAgo(1)),
      ],
    }),
  ).toEqual([]);
});

test('active conditions match; resolved, refuted and entered-in-error ones do not', () => {
  const trigger: Criterion = { kind: 'condition', id: 'sepsis', valueSet: `${VS}sepsis` };
  expect(
    run(trigger, { conditions: [condition('A41.9', 'active')] })[0]?.evidence[0]?.reason,
  ).toEqual({
    en: 'Sepsis (ICD-10-CM A41.9) on the problem list',
    es: 'Sepsis (CIE-10-MC A41.9) en la lista de problemas',
  });
  for (const c of [
    condition('A41.9', 'resolved'),
    condition('A41.9', 'active', 'refuted'),
    condition('A41.9', 'active', 'entered-in-error'),
  ]) {
    expect(run(trigger, { conditions: [c] })).toEqual([]);
  }
});

test('an absent medication matches only when no active order from the value set exists', () => {
  const trigger: Criterion = {
    kind: 'medication',
    id: 'no-anticoagulant',
    valueSet: `${VS}anticoagulants`,
    present: false,
  };
  expect(run(trigger, {})[0]?.evidence[0]?.reason.en).toBe('No active order for Anticoagulants');
  expect(run(trigger, { medications: [order('855332')] })).toEqual([]);
  expect(run(trigger, { medications: [order('855332', 'stopped')] })).toHaveLength(1);
});

test('all, any and not combine criteria', () => {
  const sepsis: Criterion = { kind: 'condition', id: 'sepsis', valueSet: `${VS}sepsis` };
  const chart = {
    conditions: [condition('A41.9', 'active')],
    observations: [lab('l', '2524-7', 1.0, 'mmol/L', hoursAgo(1))],
  };
  expect(run({ kind: 'all', of: [sepsis, lactateHigh] }, chart)).toEqual([]);
  expect(run({ kind: 'any', of: [sepsis, lactateHigh] }, chart)).toHaveLength(1);
  expect(
    run({ kind: 'all', of: [sepsis, { kind: 'not', criterion: lactateHigh }] }, chart),
  ).toHaveLength(1);
});

test('age, sex and FHIRPath criteria read the patient', () => {
  expect(run({ kind: 'age', id: 'age', min: 65 }, {})[0]?.evidence[0]?.reason.en).toBe('Age 67');
  expect(run({ kind: 'age', id: 'age', max: 40 }, {})).toEqual([]);
  expect(run({ kind: 'sex', id: 'sex', is: 'male' }, {})).toEqual([]);
  const fhirPath: Criterion = {
    kind: 'fhirpath',
    id: 'fp',
    expression: "entry.resource.ofType(Patient).where(gender = 'female').exists()",
    description: { en: 'Female patient', es: 'Paciente mujer' },
  };
  expect(run(fhirPath, {})[0]?.evidence[0]?.reason.en).toBe('Female patient');
  expect(run({ ...fhirPath, expression: 'entry.resource.ofType(Patient).where(' }, {})).toEqual([]);
});

test('a recent completion or dismissal lowers the case below a fresh one', () => {
  const chart = { observations: [lab('l', '2524-7', 4.1, 'mmol/L', hoursAgo(1))] };
  const matches = matchCases({
    cases: [
      caseWith('a-done', lactateHigh),
      caseWith('b-fresh', lactateHigh),
      caseWith('c-dismissed', lactateHigh),
    ],
    valueSets,
    context: { patient, conditions: [], observations: chart.observations, medications: [] },
    now: NOW,
    history: [
      { caseId: 'a-done', outcome: 'completed', at: hoursAgo(24) },
      { caseId: 'c-dismissed', outcome: 'dismissed', at: hoursAgo(24 * 30) },
    ],
  });
  expect(matches.map((m) => [m.caseId, m.lowered])).toEqual([
    ['b-fresh', undefined],
    ['a-done', 'completed'],
    ['c-dismissed', 'dismissed'],
  ]);
});

test('fresher data ranks a case higher than the same facts days old', () => {
  const trigger: Criterion = { ...lactateHigh, within: { days: 10 } };
  const scoreAt = (hours: number): number =>
    run(trigger, { observations: [lab('l', '2524-7', 4.1, 'mmol/L', hoursAgo(hours))] })[0]!.score;
  expect(scoreAt(1)).toBeGreaterThan(scoreAt(24 * 3));
  expect(scoreAt(24 * 3)).toBeGreaterThan(scoreAt(24 * 9));
});

test('a blood-pressure panel is tested on its component and named after it', () => {
  const panel: Observation = {
    resourceType: 'Observation',
    id: 'bp',
    status: 'final',
    code: { coding: [{ system: 'http://loinc.org', code: '85354-9' }], text: 'Blood pressure' },
    effectiveDateTime: hoursAgo(1),
    component: [
      {
        code: {
          coding: [
            { system: 'http://loinc.org', code: '8480-6', display: 'Systolic blood pressure' },
          ],
        },
        valueQuantity: {
          value: 152,
          unit: 'mm[Hg]',
          system: 'http://unitsofmeasure.org',
          code: 'mm[Hg]',
        },
      },
      {
        code: {
          coding: [
            { system: 'http://loinc.org', code: '8462-4', display: 'Diastolic blood pressure' },
          ],
        },
        valueQuantity: {
          value: 84,
          unit: 'mm[Hg]',
          system: 'http://unitsofmeasure.org',
          code: 'mm[Hg]',
        },
      },
    ],
  };
  const systolic: Criterion = {
    kind: 'observation',
    id: 'sbp',
    valueSet: 'https://example.org/ValueSet/bp',
    within: { days: 1 },
    which: 'latest',
    comparator: '>=',
    value: 140,
    unit: 'mm[Hg]',
    component: '8480-6',
  };
  expect(run(systolic, { observations: [panel] })[0]?.evidence[0]?.reason.en).toBe(
    `Systolic blood pressure 152 mmHg on ${hoursAgo(1).slice(0, 10)} ≥ 140 mmHg`,
  );
  expect(run({ ...systolic, component: '8462-4', value: 90 }, { observations: [panel] })).toEqual(
    [],
  );
});

test('one result that meets two criteria is given as one reason', () => {
  const rise: Criterion = {
    kind: 'trend',
    id: 'rise',
    valueSet: 'https://example.org/ValueSet/creatinine',
    within: { hours: 48 },
    unit: 'mg/dL',
    riseAtLeast: 0.3,
  };
  const observations = [
    lab('a', '2160-0', 1.0, 'mg/dL', hoursAgo(40)),
    lab('b', '2160-0', 1.6, 'mg/dL', hoursAgo(1)),
  ];
  const [match] = run(
    {
      kind: 'all',
      of: [rise, { ...rise, id: 'ratio', riseAtLeast: undefined, ratioAtLeast: 1.5 }],
    },
    { observations },
  );
  expect(match?.evidence.map((e) => e.resource)).toEqual(['Observation/b']);
});
