import { Chart, type Persona } from './builders';
import { cc, LAB, RESULT, VITAL } from './codes';
import { DX, TRIGGER_DX, VISIT } from './codes-dx';
import { RX } from './codes-rx';
import { STAFF } from './staff';

/**
 * Asymptomatic bacteriuria: a fall at her care home, afebrile, no urinary symptoms; the urine
 * culture sent by the home grew E. coli and an antibiotic was ordered.
 */
export function asbEleanorPrice(now: Date): Persona {
  const c = new Chart(now, 'eleanor-price');
  c.patient({
    given: ['Eleanor', 'May'],
    family: 'Price',
    gender: 'female',
    age: 84,
    birthdayDaysAgo: 160,
    mrn: 'SB-100111',
  });
  c.encounter({
    class: 'EMER',
    type: VISIT.emergency,
    start: { hours: 3 },
    reason: cc('Fall at her care home, no injury found; staff thought her a little more confused'),
    clinician: STAFF.emergencyPa,
  });

  c.condition(DX.alzheimers, { onset: { years: 6 } });
  c.condition(DX.osteoporosis, { onset: { years: 10 } });
  c.condition(TRIGGER_DX.htnSnomedOnly, { onset: { years: 20 } });
  c.condition(DX.recurrentUti, { onset: { years: 4 }, status: 'inactive' });
  c.condition(TRIGGER_DX.bacteriuria, { onset: { hours: 1 }, diagnosis: true });

  c.result(LAB.urineCulture, 'Greater than 100,000 colony forming units per mL Escherichia coli', {
    at: { days: 3 },
    interpretation: 'POS',
    note: 'Collected at the care home; no urinary symptoms documented.',
  });

  // The first pulse oximeter reading failed (cold fingers); a second probe read 96 %.
  c.noValue(VITAL.spo2, {
    at: { hours: 3 },
    category: 'vital-signs',
    status: 'final',
    absent: 'error',
  });
  c.vitals({ hours: 3 }, { bp: [134, 76], hr: 78, rr: 16, temp: 36.8, weight: 58 });
  c.vitals({ hours: 2, minutes: 50 }, { spo2: 96 });
  c.vitals({ minutes: 30 }, { bp: [130, 74], hr: 74, temp: 36.7, spo2: 97 });

  const draw = { hours: 2, minutes: 30 };
  c.result(LAB.urineNitrite, RESULT.nitritePositive, { at: draw, interpretation: 'A' });
  c.result(LAB.urineLeukEsterase, RESULT.leukocytesOnePlus, { at: draw, interpretation: 'A' });
  c.lab(LAB.wbc, 7.8, '10*3/uL', { at: draw, low: 4.5, high: 11 });
  c.lab(LAB.hemoglobin, 12.4, 'g/dL', { at: draw, low: 12, high: 16 });
  c.lab(LAB.sodium, 138, 'mmol/L', { at: draw, low: 136, high: 145 });
  c.lab(LAB.creatinine, 0.8, 'mg/dL', { at: draw, low: 0.5, high: 1.1 });
  c.lab(LAB.glucose, 102, 'mg/dL', { at: draw, low: 70, high: 99 });

  c.med(RX.donepezil, { dosage: '10 mg by mouth at bedtime', authored: { years: 5 } });
  c.med(RX.alendronate, {
    dosage: '10 mg by mouth once daily before breakfast',
    authored: { years: 8 },
  });
  c.med(RX.amlodipine, { dosage: '5 mg by mouth once daily', authored: { years: 6 } });
  c.med(RX.ciprofloxacin, {
    dosage: '500 mg by mouth twice daily for 7 days',
    authored: { minutes: 40 },
    category: 'outpatient',
    clinician: STAFF.emergencyPa,
    reason: 'Positive urine culture',
  });

  return c.persona({
    topic: 'asb',
    summary: '84 y · ED · fall, no urinary symptoms, urine culture E. coli, ciprofloxacin ordered',
  });
}
