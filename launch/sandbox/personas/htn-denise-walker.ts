import { Chart, type Persona } from './builders';
import { cc, LAB } from './codes';
import { DX, TRIGGER_DX, VISIT } from './codes-dx';
import { RX } from './codes-rx';
import { STAFF } from './staff';

/**
 * Hypertension: BP 152/94 and 150/92 today on two drugs. A later normal reading was entered on
 * the wrong chart and marked entered-in-error, so only a status-aware reader sees the truth.
 */
export function htnDeniseWalker(now: Date): Persona {
  const c = new Chart(now, 'denise-walker');
  c.patient({
    given: ['Denise', 'Marie'],
    family: 'Walker',
    gender: 'female',
    age: 61,
    birthdayDaysAgo: 75,
    mrn: 'SB-100104',
  });
  c.encounter({
    class: 'AMB',
    type: VISIT.followUp,
    start: { days: 91, hours: 1 },
    end: { days: 91 },
    reason: TRIGGER_DX.htn,
    clinician: STAFF.internist,
  });
  c.encounter({
    class: 'AMB',
    type: VISIT.followUp,
    start: { minutes: 25 },
    reason: cc('Blood pressure follow-up after adding amlodipine'),
    clinician: STAFF.internist,
  });

  c.condition(TRIGGER_DX.htn, { onset: { years: 6 } });
  c.condition(DX.prediabetes, { onset: { years: 2 } });
  c.condition(DX.hyperlipidemia, { onset: { years: 4 } });
  c.condition(DX.obesity, { onset: { years: 8 } });
  c.condition(DX.kneeOsteoarthritis, { onset: { years: 3 } });
  c.condition(DX.pharyngitis, {
    onset: { years: 2, days: 10 },
    status: 'resolved',
    abated: { years: 2 },
  });

  c.vitals({ days: 91, hours: 1 }, { bp: [148, 92], hr: 80, weight: 83, height: 165, bmi: 30.5 });

  const draw = { days: 7, hours: 3 };
  c.lab(LAB.sodium, 140, 'mmol/L', { at: draw, low: 136, high: 145 });
  c.lab(LAB.potassium, 3.6, 'mmol/L', { at: draw, low: 3.5, high: 5.1 });
  c.lab(LAB.creatinine, 0.9, 'mg/dL', { at: draw, low: 0.5, high: 1.1 });
  c.lab(LAB.egfr, 72, 'mL/min/{1.73_m2}', { at: draw, low: 60 });
  c.lab(LAB.glucose, 104, 'mg/dL', { at: draw, low: 70, high: 99 });
  c.lab(LAB.uacr, 22, 'mg/g', { at: draw, high: 30 });
  c.lab(LAB.ldl, 142, 'mg/dL', { at: draw, high: 100 });

  c.vitals({ minutes: 20 }, { bp: [152, 94], hr: 76, rr: 14, weight: 82, height: 165, bmi: 30.1 });
  c.vitals({ minutes: 12 }, { bp: [150, 92] });
  c.vitals({ minutes: 5 }, { bp: [118, 72], hr: 64 }, 'entered-in-error');

  c.med(RX.hctz, { dosage: '25 mg by mouth once daily', authored: { years: 5 } });
  c.med(RX.amlodipine, { dosage: '5 mg by mouth once daily', authored: { days: 91 } });
  c.med(RX.naproxen, {
    dosage: '220 mg by mouth twice daily as needed for knee pain',
    authored: { years: 1 },
  });

  return c.persona({
    topic: 'htn',
    summary: '61 y · Clinic · hypertension, BP 152/94 on hydrochlorothiazide + amlodipine',
  });
}
