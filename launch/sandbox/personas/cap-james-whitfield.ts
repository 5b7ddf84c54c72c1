import { Chart, type Persona } from './builders';
import { cc, LAB } from './codes';
import { DX, TRIGGER_DX, VISIT } from './codes-dx';
import { RX } from './codes-rx';
import { STAFF } from './staff';

/** Community-acquired pneumonia: admitted this morning, hypoxic, on ceftriaxone + azithromycin. */
export function capJamesWhitfield(now: Date): Persona {
  const c = new Chart(now, 'james-whitfield');
  c.patient({
    given: ['James', 'Arthur'],
    family: 'Whitfield',
    gender: 'male',
    age: 58,
    birthdayDaysAgo: 30,
    mrn: 'SB-100102',
  });
  c.encounter({
    class: 'AMB',
    type: VISIT.checkUp,
    start: { days: 200, hours: 3 },
    end: { days: 200, hours: 2 },
    reason: cc('Annual check-up'),
    clinician: STAFF.internist,
  });
  c.encounter({
    class: 'IMP',
    type: VISIT.admission,
    start: { hours: 6 },
    reason: cc('Fever, productive cough and shortness of breath for four days'),
    clinician: STAFF.internist,
  });

  c.condition(DX.hyperlipidemiaSnomedOnly, { onset: { years: 6 } });
  c.condition(DX.obesity, { onset: { years: 10 } });
  c.condition(DX.prediabetes, { onset: { years: 2 } });
  c.condition(DX.acuteBronchitis, {
    onset: { years: 2, days: 20 },
    status: 'resolved',
    abated: { years: 2 },
  });
  c.condition(TRIGGER_DX.cap, { onset: { hours: 5 }, diagnosis: true });

  c.vitals({ days: 200, hours: 3 }, { bp: [126, 80], hr: 72, weight: 97, height: 180, bmi: 29.9 });
  c.lab(LAB.glucose, 108, 'mg/dL', { at: { days: 200, hours: 3 }, low: 70, high: 99 });
  c.lab(LAB.ldl, 124, 'mg/dL', { at: { days: 200, hours: 3 }, high: 100 });

  c.vitals({ hours: 6 }, { bp: [134, 82], hr: 104, rr: 24, temp: 38.6, spo2: 90, weight: 98 });
  c.vitals({ hours: 2 }, { bp: [128, 78], hr: 96, rr: 20, temp: 37.9, spo2: 94 });

  const draw = { hours: 5, minutes: 30 };
  c.lab(LAB.wbc, 15.8, '10*3/uL', { at: draw, low: 4.5, high: 11 });
  c.lab(LAB.hemoglobin, 14.2, 'g/dL', { at: draw, low: 13.5, high: 17.5 });
  c.lab(LAB.platelets, 262, '10*3/uL', { at: draw, low: 150, high: 400 });
  c.lab(LAB.sodium, 137, 'mmol/L', { at: draw, low: 136, high: 145 });
  c.lab(LAB.potassium, 4.2, 'mmol/L', { at: draw, low: 3.5, high: 5.1 });
  c.lab(LAB.bun, 18, 'mg/dL', { at: draw, low: 7, high: 20 });
  c.lab(LAB.creatinine, 1.0, 'mg/dL', { at: draw, low: 0.7, high: 1.3 });
  c.lab(LAB.glucose, 132, 'mg/dL', { at: draw, low: 70, high: 99 });
  c.lab(LAB.procalcitonin, 0.9, 'ng/mL', { at: draw, high: 0.1 });
  c.lab(LAB.lactate, 1.4, 'mmol/L', { at: draw, low: 0.5, high: 2.2 });
  c.result(cc('Chest X-ray, two views'), 'Right lower lobe consolidation; no effusion.', {
    at: { hours: 5 },
    category: 'imaging',
    interpretation: 'A',
  });

  c.med(RX.rosuvastatin, { dosage: '5 mg by mouth once daily', authored: { years: 5 } });
  c.med(RX.ceftriaxone, {
    dosage: '1 g IV every 24 hours',
    authored: { hours: 4, minutes: 45 },
    category: 'inpatient',
    reason: 'Community-acquired pneumonia',
  });
  c.med(RX.azithromycin, {
    dosage: '500 mg by mouth once daily',
    authored: { hours: 4, minutes: 45 },
    category: 'inpatient',
    reason: 'Community-acquired pneumonia',
  });
  c.med(RX.acetaminophen, {
    dosage: '650 mg by mouth every 6 hours as needed for fever',
    authored: { hours: 4, minutes: 40 },
    category: 'inpatient',
  });

  return c.persona({
    topic: 'cap',
    summary: '58 y · Inpatient · community-acquired pneumonia, SpO₂ 90 %, procalcitonin 0.9',
  });
}
