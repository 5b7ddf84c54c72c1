import { Chart, type Persona } from './builders';
import { cc, LAB } from './codes';
import { DX, TRIGGER_DX, VISIT } from './codes-dx';
import { RX } from './codes-rx';
import { STAFF } from './staff';

/** Type 2 diabetes: HbA1c 9.8 % on metformin alone, albuminuria, no SGLT2i or GLP-1 RA. */
export function t2dmRobertChen(now: Date): Persona {
  const c = new Chart(now, 'robert-chen');
  c.patient({
    given: ['Robert', 'Wei'],
    family: 'Chen',
    gender: 'male',
    age: 54,
    birthdayDaysAgo: 210,
    mrn: 'SB-100103',
  });
  c.encounter({
    class: 'AMB',
    type: VISIT.followUp,
    start: { days: 182, hours: 1 },
    end: { days: 182 },
    reason: TRIGGER_DX.t2dm,
    clinician: STAFF.internist,
  });
  c.encounter({
    class: 'AMB',
    type: VISIT.followUp,
    start: { minutes: 30 },
    reason: cc('Diabetes follow-up: HbA1c above goal'),
    clinician: STAFF.internist,
  });

  c.condition(TRIGGER_DX.t2dm, { onset: { years: 7 } });
  c.condition(DX.microalbuminuriaT2dm, { onset: { years: 1 } });
  c.condition(DX.obesity, { onset: { years: 12 } });
  c.condition(DX.hyperlipidemia, { onset: { years: 7 } });
  c.condition(DX.prediabetes, { onset: { years: 10 }, status: 'resolved', abated: { years: 7 } });
  c.condition(DX.viralSinusitis, {
    onset: { days: 400 },
    status: 'resolved',
    abated: { days: 390 },
  });

  const before = { days: 182, hours: 1 };
  c.vitals(before, { bp: [126, 78], hr: 76, weight: 102.5, height: 176, bmi: 33.1 });
  c.lab(LAB.hba1c, 8.9, '%', { at: before, low: 4, high: 5.6 });
  c.lab(LAB.creatinine, 0.9, 'mg/dL', { at: before, low: 0.7, high: 1.3 });
  c.lab(LAB.uacr, 41, 'mg/g', { at: before, high: 30 });

  // Pre-visit labs drawn at an outpatient lab five days ago.
  const draw = { days: 5, hours: 2 };
  c.lab(LAB.hba1c, 9.8, '%', { at: draw, low: 4, high: 5.6 });
  c.lab(LAB.glucose, 212, 'mg/dL', { at: draw, low: 70, high: 99 });
  c.lab(LAB.creatinine, 1.0, 'mg/dL', { at: draw, low: 0.7, high: 1.3 });
  c.lab(LAB.egfrCkdEpi, 86, 'mL/min/{1.73_m2}', { at: draw, low: 60 });
  c.lab(LAB.uacr, 48, 'mg/g', { at: draw, high: 30 });
  c.lab(LAB.potassium, 4.3, 'mmol/L', { at: draw, low: 3.5, high: 5.1 });
  c.lab(LAB.sodium, 139, 'mmol/L', { at: draw, low: 136, high: 145 });
  c.lab(LAB.cholesterol, 196, 'mg/dL', { at: draw, high: 200 });
  c.lab(LAB.ldl, 118, 'mg/dL', { at: draw, high: 100 });
  c.lab(LAB.hdl, 38, 'mg/dL', { at: draw, low: 40 });
  c.lab(LAB.triglycerides, 238, 'mg/dL', { at: draw, high: 150 });

  c.vitals({ minutes: 25 }, { bp: [128, 78], hr: 78, rr: 14, weight: 104, height: 176, bmi: 33.6 });

  c.med(RX.metformin, {
    dosage: '1,000 mg (2 tablets) by mouth twice daily with meals',
    authored: { years: 6 },
  });
  c.med(RX.lisinopril, { dosage: '10 mg by mouth once daily', authored: { years: 1 } });
  c.med(RX.simvastatin, { dosage: '20 mg by mouth at bedtime', authored: { years: 6 } });

  return c.persona({
    topic: 't2dm',
    summary: '54 y · Clinic · type 2 diabetes, HbA1c 9.8 % on metformin alone, uACR 48 mg/g',
  });
}
