import { Chart, type Persona } from './builders';
import { cc, LAB, RESULT } from './codes';
import { DX, TRIGGER_DX, VISIT } from './codes-dx';
import { RX } from './codes-rx';
import { STAFF } from './staff';

/** Sepsis: ED visit with a urinary source, hypotension and lactate 4.1 mmol/L drawn hours ago. */
export function sepsisMariaSantos(now: Date): Persona {
  const c = new Chart(now, 'maria-santos');
  c.patient({
    given: ['Maria', 'Luisa'],
    family: 'Santos',
    gender: 'female',
    age: 67,
    birthdayDaysAgo: 140,
    mrn: 'SB-100101',
  });
  c.encounter({
    class: 'AMB',
    type: VISIT.followUp,
    start: { days: 120, hours: 2 },
    end: { days: 120, hours: 1 },
    reason: DX.hyperlipidemia,
    clinician: STAFF.internist,
  });
  c.encounter({
    class: 'EMER',
    type: VISIT.emergency,
    start: { hours: 4 },
    reason: cc('Fever, confusion and right flank pain for two days'),
    clinician: STAFF.emergencyPa,
  });

  c.condition(DX.hyperlipidemia, { onset: { years: 9 } });
  c.condition(TRIGGER_DX.htnSnomedOnly, { onset: { years: 12 } });
  c.condition(DX.kneeOsteoarthritis, { onset: { years: 5 } });
  c.condition(DX.ecoliUti, { onset: { days: 250 }, status: 'resolved', abated: { days: 240 } });
  c.condition(DX.recurrentUti, { onset: { years: 3 }, status: 'inactive' });
  c.condition(TRIGGER_DX.sepsis, { onset: { hours: 3 }, diagnosis: true });
  c.condition(cc('Acute pyelonephritis, suspected source of sepsis'), {
    onset: { hours: 3 },
    diagnosis: true,
  });

  // Outpatient baseline four months ago.
  c.vitals({ days: 120, hours: 2 }, { bp: [128, 76], hr: 74, weight: 71.5, height: 158 });
  c.lab(LAB.creatinine, 0.9, 'mg/dL', { at: { days: 120, hours: 2 }, low: 0.5, high: 1.1 });
  c.lab(LAB.ldl, 96, 'mg/dL', { at: { days: 120, hours: 2 }, high: 100 });

  // ED triage, then after the first litre of crystalloid.
  c.vitals({ hours: 4 }, { bp: [88, 52], hr: 118, rr: 24, temp: 38.9, spo2: 94, weight: 71 });
  c.vitals({ hours: 1 }, { bp: [96, 58], hr: 106, rr: 21, temp: 38.3, spo2: 96 });

  const draw = { hours: 3, minutes: 40 };
  c.lab(LAB.lactate, 4.1, 'mmol/L', { at: draw, low: 0.5, high: 2.2, interpretation: 'HH' });
  c.lab(LAB.wbc, 18.2, '10*3/uL', { at: draw, low: 4.5, high: 11 });
  c.lab(LAB.hemoglobin, 12.1, 'g/dL', { at: draw, low: 12, high: 16 });
  c.lab(LAB.platelets, 138, '10*3/uL', { at: draw, low: 150, high: 400 });
  c.lab(LAB.sodium, 134, 'mmol/L', { at: draw, low: 136, high: 145 });
  c.lab(LAB.potassium, 4.1, 'mmol/L', { at: draw, low: 3.5, high: 5.1 });
  c.lab(LAB.bicarbonate, 18, 'mmol/L', { at: draw, low: 22, high: 29 });
  c.lab(LAB.bun, 31, 'mg/dL', { at: draw, low: 7, high: 20 });
  c.lab(LAB.creatinine, 1.6, 'mg/dL', { at: draw, low: 0.5, high: 1.1 });
  c.lab(LAB.glucose, 164, 'mg/dL', { at: draw, low: 70, high: 99 });
  c.result(LAB.urineNitrite, RESULT.nitritePositive, { at: draw, interpretation: 'A' });
  c.result(LAB.urineLeukEsterase, RESULT.leukocytesOnePlus, { at: draw, interpretation: 'A' });
  // Two sets drawn before antibiotics; no growth reported yet.
  c.noValue(LAB.bloodCulture, { at: draw, note: 'Two sets collected before antibiotics.' });

  c.med(RX.lisinopril, { dosage: '10 mg by mouth once daily', authored: { years: 4 } });
  c.med(RX.simvastatin, { dosage: '20 mg by mouth at bedtime', authored: { years: 8 } });
  c.med(RX.piperacillinTazobactam, {
    dosage: '4.5 g IV every 6 hours',
    authored: { hours: 3, minutes: 20 },
    category: 'inpatient',
    clinician: STAFF.emergencyPa,
    reason: 'Sepsis, suspected urinary source',
  });
  c.med(cc("Lactated Ringer's solution IV bolus"), {
    dosage: '2,100 mL IV over 1 hour (30 mL/kg)',
    authored: { hours: 3, minutes: 30 },
    category: 'inpatient',
    clinician: STAFF.emergencyPa,
    reason: 'Hypotension and lactate ≥ 4 mmol/L',
  });

  return c.persona({
    topic: 'sepsis',
    summary: '67 y · ED · suspected sepsis (urinary source), BP 88/52, lactate 4.1 mmol/L',
  });
}
