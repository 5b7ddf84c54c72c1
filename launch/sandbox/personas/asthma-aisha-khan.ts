import { Chart, type Persona } from './builders';
import { cc, LAB } from './codes';
import { DX, TRIGGER_DX, VISIT } from './codes-dx';
import { RX } from './codes-rx';
import { STAFF } from './staff';

/** Asthma on a SABA alone: the inhaled steroid lapsed, ED visit for an attack two months ago. */
export function asthmaAishaKhan(now: Date): Persona {
  const c = new Chart(now, 'aisha-khan');
  c.patient({
    given: ['Aisha'],
    family: 'Khan',
    gender: 'female',
    age: 24,
    birthdayDaysAgo: 45,
    mrn: 'SB-100109',
  });
  c.encounter({
    class: 'EMER',
    type: VISIT.emergency,
    start: { days: 61, hours: 4 },
    end: { days: 61, hours: 1 },
    reason: cc('Asthma attack: wheeze and chest tightness after a cold'),
    clinician: STAFF.emergencyPa,
  });
  c.encounter({
    class: 'AMB',
    type: VISIT.problem,
    start: { minutes: 20 },
    reason: cc('Wheeze and night cough; using her reliever most days'),
    clinician: STAFF.internist,
  });

  c.condition(TRIGGER_DX.asthma, { onset: { years: 10 } });
  c.condition(DX.allergicRhinitis, { onset: { years: 10 } });
  c.condition(DX.dustMiteAllergy, { onset: { years: 8 } });
  c.condition(DX.acuteBronchitis, {
    onset: { days: 400 },
    status: 'resolved',
    abated: { days: 385 },
  });

  const attack = { days: 61, hours: 4 };
  c.vitals(attack, { bp: [124, 78], hr: 112, rr: 26, temp: 37.2, spo2: 92 });
  c.vitals({ days: 61, hours: 2 }, { hr: 94, rr: 18, spo2: 97 });
  c.lab(LAB.wbc, 9.4, '10*3/uL', { at: attack, low: 4.5, high: 11 });
  c.lab(LAB.eosinophils, 0.48, '10*3/uL', { at: attack, high: 0.5 });
  c.lab(LAB.hemoglobin, 13.1, 'g/dL', { at: attack, low: 12, high: 16 });

  c.vitals(
    { minutes: 15 },
    { bp: [112, 70], hr: 84, rr: 18, temp: 36.7, spo2: 97, weight: 63, height: 165 },
  );

  c.med(RX.fluticasoneMdi, {
    dosage: '2 puffs twice daily (stopped by patient when she felt well)',
    authored: { years: 3 },
    status: 'stopped',
  });
  c.med(RX.albuterolMdi, {
    dosage: '2 puffs every 4–6 hours as needed for wheeze',
    authored: { days: 61, hours: 2 },
    clinician: STAFF.emergencyPa,
  });

  return c.persona({
    topic: 'asthma',
    summary: '24 y · Clinic · asthma on albuterol alone (SABA-only), ED visit 2 months ago',
  });
}
