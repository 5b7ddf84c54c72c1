import { Chart, type Persona } from './builders';
import { cc, LAB } from './codes';
import { DX, TRIGGER_DX, VISIT } from './codes-dx';
import { RX } from './codes-rx';
import { STAFF } from './staff';

/** AKI: creatinine 1.0 → 1.5 mg/dL within 48 h after gastroenteritis, on ACEi + thiazide + NSAID. */
export function akiWalterNovak(now: Date): Persona {
  const c = new Chart(now, 'walter-novak');
  c.patient({
    given: ['Walter'],
    family: 'Novak',
    gender: 'male',
    age: 70,
    birthdayDaysAgo: 95,
    mrn: 'SB-100107',
  });
  c.encounter({
    class: 'AMB',
    type: VISIT.followUp,
    start: { days: 120, hours: 1 },
    end: { days: 120 },
    reason: TRIGGER_DX.htn,
    clinician: STAFF.internist,
  });
  c.encounter({
    class: 'IMP',
    type: VISIT.admission,
    start: { hours: 47 },
    reason: cc('Vomiting and diarrhoea for three days, unable to keep fluids down'),
    clinician: STAFF.internist,
  });

  c.condition(TRIGGER_DX.htn, { onset: { years: 11 } });
  c.condition(DX.kneeOsteoarthritis, { onset: { years: 6 } });
  c.condition(DX.chronicPain, { onset: { years: 4 } });
  c.condition(DX.hyperlipidemia, { onset: { years: 9 } });
  c.condition(cc('Acute viral gastroenteritis'), { onset: { hours: 46 }, diagnosis: true });
  c.condition(TRIGGER_DX.aki, { onset: { hours: 2 }, diagnosis: true });

  const clinic = { days: 120, hours: 1 };
  c.vitals(clinic, { bp: [134, 82], hr: 70, weight: 83, height: 178 });
  c.lab(LAB.creatinine, 0.9, 'mg/dL', { at: clinic, low: 0.7, high: 1.3 });
  c.lab(LAB.potassium, 4.3, 'mmol/L', { at: clinic, low: 3.5, high: 5.1 });

  const series: [number, number, number, number][] = [
    // hours ago, creatinine mg/dL, BUN mg/dL, potassium mmol/L
    [46, 1.0, 18, 4.6],
    [22, 1.2, 26, 5.0],
    [3, 1.5, 34, 5.4],
  ];
  for (const [hours, creatinine, bun, potassium] of series) {
    c.lab(LAB.creatinine, creatinine, 'mg/dL', { at: { hours }, low: 0.7, high: 1.3 });
    c.lab(LAB.bun, bun, 'mg/dL', { at: { hours }, low: 7, high: 20 });
    c.lab(LAB.potassium, potassium, 'mmol/L', { at: { hours }, low: 3.5, high: 5.1 });
  }
  c.lab(LAB.sodium, 135, 'mmol/L', { at: { hours: 3 }, low: 136, high: 145 });
  c.lab(LAB.bicarbonate, 20, 'mmol/L', { at: { hours: 3 }, low: 22, high: 29 });
  c.lab(LAB.hemoglobin, 15.2, 'g/dL', { at: { hours: 46 }, low: 13.5, high: 17.5 });

  c.vitals({ hours: 46 }, { bp: [104, 62], hr: 98, rr: 18, temp: 37.4, spo2: 97, weight: 80.5 });
  c.vitals({ hours: 1 }, { bp: [112, 68], hr: 88, rr: 16, temp: 37.0, spo2: 97, weight: 81.2 });

  c.med(RX.lisinoprilHctz, { dosage: '1 tablet by mouth once daily', authored: { years: 5 } });
  c.med(RX.ibuprofen, {
    dosage: '400 mg (2 tablets) by mouth three times daily for knee pain',
    authored: { years: 1 },
  });
  c.med(RX.simvastatin, { dosage: '20 mg by mouth at bedtime', authored: { years: 8 } });
  c.med(cc('0.9 % sodium chloride IV infusion'), {
    dosage: '125 mL/h IV',
    authored: { hours: 45 },
    category: 'inpatient',
  });

  return c.persona({
    topic: 'aki',
    summary: '70 y · Inpatient · AKI, creatinine 1.0 → 1.5 mg/dL in 43 h, on ACEi + NSAID',
  });
}
