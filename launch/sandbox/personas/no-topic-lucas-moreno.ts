import { Chart, type Persona } from './builders';
import { cc, LAB } from './codes';
import { DX, VISIT } from './codes-dx';
import { RX } from './codes-rx';
import { STAFF } from './staff';

/** No topic: an ankle sprain in urgent care; normal vitals and labs, no trigger code anywhere. */
export function noTopicLucasMoreno(now: Date): Persona {
  const c = new Chart(now, 'lucas-moreno');
  c.patient({
    given: ['Lucas'],
    family: 'Moreno',
    gender: 'male',
    age: 29,
    birthdayDaysAgo: 20,
    mrn: 'SB-100113',
  });
  c.encounter({
    class: 'AMB',
    type: VISIT.checkUp,
    start: { days: 365, hours: 1 },
    end: { days: 365 },
    reason: cc('Annual check-up'),
    clinician: STAFF.internist,
  });
  c.encounter({
    class: 'AMB',
    type: VISIT.symptom,
    start: { minutes: 35 },
    reason: cc('Right ankle inversion injury playing football'),
    clinician: STAFF.emergencyPa,
  });

  c.condition(DX.clavicleFracture, {
    onset: { years: 11 },
    status: 'resolved',
    abated: { years: 10 },
  });
  c.condition(DX.viralSinusitis, {
    onset: { days: 380 },
    status: 'resolved',
    abated: { days: 370 },
  });
  c.condition(DX.ankleSprain, { onset: { minutes: 25 }, diagnosis: true });

  const checkUp = { days: 365, hours: 1 };
  c.vitals(checkUp, { bp: [118, 74], hr: 64, weight: 77, height: 180, bmi: 23.8 });
  c.lab(LAB.cholesterol, 172, 'mg/dL', { at: checkUp, high: 200 });
  c.lab(LAB.hdl, 52, 'mg/dL', { at: checkUp, low: 40 });
  c.lab(LAB.ldl, 98, 'mg/dL', { at: checkUp, high: 100 });
  c.lab(LAB.triglycerides, 110, 'mg/dL', { at: checkUp, high: 150 });
  c.lab(LAB.glucose, 88, 'mg/dL', { at: checkUp, low: 70, high: 99 });
  c.lab(LAB.hemoglobin, 15.1, 'g/dL', { at: checkUp, low: 13.5, high: 17.5 });

  c.vitals({ minutes: 30 }, { bp: [122, 76], hr: 72, rr: 14, temp: 36.8, spo2: 99, pain: 6 });
  c.result(cc('X-ray, right ankle, three views'), 'No fracture. Lateral soft-tissue swelling.', {
    at: { minutes: 20 },
    category: 'imaging',
    interpretation: 'N',
  });

  c.med(RX.naproxen, {
    dosage: '440 mg (2 tablets) by mouth twice daily with food for 5 days',
    authored: { minutes: 10 },
    category: 'outpatient',
    clinician: STAFF.emergencyPa,
  });
  c.med(RX.acetaminophen, {
    dosage: '650 mg by mouth every 6 hours as needed for pain',
    authored: { minutes: 10 },
    category: 'outpatient',
    clinician: STAFF.emergencyPa,
  });

  return c.persona({
    topic: null,
    summary: '29 y · Urgent care · right ankle sprain (matches no topic)',
  });
}
