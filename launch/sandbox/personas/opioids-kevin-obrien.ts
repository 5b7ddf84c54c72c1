import { Chart, type Persona } from './builders';
import { cc, LAB } from './codes';
import { DX, VISIT } from './codes-dx';
import { RX } from './codes-rx';
import { STAFF } from './staff';

/** Opioids: new oxycodone order for a rib fracture while alprazolam is active. */
export function opioidsKevinObrien(now: Date): Persona {
  const c = new Chart(now, 'kevin-obrien');
  c.patient({
    given: ['Kevin', 'Patrick'],
    family: "O'Brien",
    gender: 'male',
    age: 45,
    birthdayDaysAgo: 180,
    mrn: 'SB-100108',
  });
  c.encounter({
    class: 'AMB',
    type: VISIT.followUp,
    start: { days: 240, hours: 1 },
    end: { days: 240 },
    reason: DX.anxiety,
    clinician: STAFF.internist,
  });
  c.encounter({
    class: 'AMB',
    type: VISIT.symptom,
    start: { minutes: 50 },
    reason: cc('Right chest wall pain after a fall from a ladder'),
    clinician: STAFF.emergencyPa,
  });

  c.condition(DX.anxiety, { onset: { years: 6 } });
  c.condition(DX.chronicLowBackPain, { onset: { years: 4 } });
  c.condition(DX.ankleSprain, {
    onset: { years: 3, days: 20 },
    status: 'resolved',
    abated: { years: 3 },
  });
  c.condition(DX.ribFracture, { onset: { minutes: 30 }, diagnosis: true });

  const visit = { days: 240, hours: 1 };
  c.vitals(visit, { bp: [128, 82], hr: 78, weight: 88, height: 182, bmi: 26.6 });
  c.lab(LAB.gad7, 12, '{score}', { at: visit, category: 'survey', interpretation: 'A' });
  c.lab(LAB.glucose, 94, 'mg/dL', { at: visit, low: 70, high: 99 });
  c.lab(LAB.creatinine, 0.9, 'mg/dL', { at: visit, low: 0.7, high: 1.3 });
  c.lab(LAB.alt, 28, 'U/L', { at: visit, low: 7, high: 56 });
  c.lab(LAB.cholesterol, 188, 'mg/dL', { at: visit, high: 200 });

  c.vitals({ minutes: 45 }, { bp: [138, 86], hr: 96, rr: 20, temp: 36.9, spo2: 97, pain: 8 });
  c.result(
    cc('Chest X-ray, rib series'),
    'Non-displaced fractures of right ribs 7 and 8; no pneumothorax.',
    {
      at: { minutes: 30 },
      category: 'imaging',
      interpretation: 'A',
    },
  );

  c.med(RX.sertraline, { dosage: '50 mg by mouth once daily', authored: { years: 3 } });
  c.med(RX.alprazolam, {
    dosage: '0.5 mg by mouth up to three times daily as needed for anxiety',
    authored: { days: 240 },
  });
  c.med(RX.oxycodoneApap, {
    dosage: '1 tablet by mouth every 6 hours as needed for severe pain; dispense 20',
    authored: { minutes: 10 },
    category: 'outpatient',
    clinician: STAFF.emergencyPa,
    reason: 'Rib fractures',
  });
  c.med(RX.ibuprofen, {
    dosage: '600 mg (3 tablets) by mouth every 8 hours with food',
    authored: { minutes: 10 },
    category: 'outpatient',
    clinician: STAFF.emergencyPa,
  });

  return c.persona({
    topic: 'opioids',
    summary: '45 y · Urgent care · rib fractures, new oxycodone order while on alprazolam',
  });
}
