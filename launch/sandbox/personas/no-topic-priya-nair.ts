import { Chart, type Persona } from './builders';
import { cc, icd10, LAB } from './codes';
import { DX, VISIT } from './codes-dx';
import { RX } from './codes-rx';
import { STAFF } from './staff';

/** No topic: a healthy adult at her annual wellness visit; every value in range. */
export function noTopicPriyaNair(now: Date): Persona {
  const c = new Chart(now, 'priya-nair');
  c.patient({
    given: ['Priya'],
    family: 'Nair',
    gender: 'female',
    age: 38,
    birthdayDaysAgo: 120,
    mrn: 'SB-100114',
  });
  c.encounter({
    class: 'AMB',
    type: VISIT.checkUp,
    start: { minutes: 30 },
    reason: cc(
      'Annual wellness visit',
      icd10('Z00.00', 'Encounter for general adult medical examination without abnormal findings'),
    ),
    clinician: STAFF.internist,
  });

  c.condition(DX.allergicRhinitis, { onset: { years: 15 } });
  c.condition(DX.normalPregnancy, {
    onset: { years: 5 },
    status: 'resolved',
    abated: { years: 4, days: 90 },
  });
  c.condition(DX.pharyngitis, { onset: { days: 700 }, status: 'resolved', abated: { days: 690 } });

  c.vitals(
    { minutes: 25 },
    { bp: [116, 74], hr: 68, rr: 14, temp: 36.6, spo2: 99, weight: 61, height: 163, bmi: 23 },
  );

  // Pre-visit labs drawn three days ago.
  const draw = { days: 3, hours: 2 };
  c.lab(LAB.wbc, 6.2, '10*3/uL', { at: draw, low: 4.5, high: 11 });
  c.lab(LAB.hemoglobin, 13.4, 'g/dL', { at: draw, low: 12, high: 16 });
  c.lab(LAB.platelets, 250, '10*3/uL', { at: draw, low: 150, high: 400 });
  c.lab(LAB.cholesterol, 178, 'mg/dL', { at: draw, high: 200 });
  c.lab(LAB.hdl, 62, 'mg/dL', { at: draw, low: 40 });
  c.lab(LAB.ldl, 96, 'mg/dL', { at: draw, high: 100 });
  c.lab(LAB.triglycerides, 88, 'mg/dL', { at: draw, high: 150 });
  c.lab(LAB.glucose, 86, 'mg/dL', { at: draw, low: 70, high: 99 });
  c.lab(LAB.creatinine, 0.7, 'mg/dL', { at: draw, low: 0.5, high: 1.1 });
  c.lab(LAB.alt, 18, 'U/L', { at: draw, low: 7, high: 56 });
  c.lab(LAB.albumin, 4.4, 'g/dL', { at: draw, low: 3.5, high: 5 });

  c.med(RX.levonorgestrelIud, {
    dosage: 'Intrauterine system, replace after 8 years',
    authored: { years: 4 },
  });

  return c.persona({
    topic: null,
    summary: '38 y · Clinic · annual wellness visit, healthy (matches no topic)',
  });
}
