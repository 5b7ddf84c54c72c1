import { Chart, type Persona } from './builders';
import { cc, LAB } from './codes';
import { DX, TRIGGER_DX, VISIT } from './codes-dx';
import { RX } from './codes-rx';
import { STAFF } from './staff';

/** Atrial fibrillation, CHA2DS2-VASc 3, on aspirin only: warfarin was stopped after a fall. */
export function afibHaroldBecker(now: Date): Persona {
  const c = new Chart(now, 'harold-becker');
  c.patient({
    given: ['Harold', 'James'],
    family: 'Becker',
    gender: 'male',
    age: 78,
    birthdayDaysAgo: 300,
    mrn: 'SB-100105',
  });
  c.encounter({
    class: 'AMB',
    type: VISIT.followUp,
    start: { days: 180, hours: 1 },
    end: { days: 180 },
    reason: TRIGGER_DX.afib,
    clinician: STAFF.cardiologist,
  });
  c.encounter({
    class: 'AMB',
    type: VISIT.followUp,
    start: { minutes: 40 },
    reason: cc('Atrial fibrillation follow-up; occasional palpitations'),
    clinician: STAFF.cardiologist,
  });

  c.condition(TRIGGER_DX.afib, { onset: { years: 2, days: 60 } });
  c.condition(TRIGGER_DX.htnSnomedOnly, { onset: { years: 15 } });
  c.condition(DX.hyperlipidemiaSnomedOnly, { onset: { years: 12 } });
  c.condition(DX.kneeOsteoarthritis, { onset: { years: 9 } });
  c.condition(DX.anemia, { onset: { years: 3 }, status: 'resolved', abated: { years: 2 } });

  c.vitals({ days: 180, hours: 1 }, { bp: [132, 80], hr: 84, weight: 85, height: 175 });
  c.lab(LAB.hemoglobin, 12.9, 'g/dL', { at: { days: 180, hours: 1 }, low: 13.5, high: 17.5 });

  const draw = { days: 14, hours: 4 };
  c.lab(LAB.hemoglobin, 13.6, 'g/dL', { at: draw, low: 13.5, high: 17.5 });
  c.lab(LAB.platelets, 212, '10*3/uL', { at: draw, low: 150, high: 400 });
  c.lab(LAB.creatinine, 1.1, 'mg/dL', { at: draw, low: 0.7, high: 1.3 });
  c.lab(LAB.egfr, 64, 'mL/min/{1.73_m2}', { at: draw, low: 60 });
  c.lab(LAB.potassium, 4.4, 'mmol/L', { at: draw, low: 3.5, high: 5.1 });
  c.lab(LAB.sodium, 139, 'mmol/L', { at: draw, low: 136, high: 145 });
  c.lab(LAB.alt, 21, 'U/L', { at: draw, low: 7, high: 56 });

  c.vitals({ minutes: 35 }, { bp: [136, 78], hr: 92, rr: 16, spo2: 96, weight: 84, height: 175 });

  c.med(RX.warfarin, {
    dosage: '5 mg by mouth once daily (stopped after a fall; patient declined restarting)',
    authored: { years: 2, days: 50 },
    status: 'stopped',
    clinician: STAFF.cardiologist,
  });
  c.med(RX.aspirin, {
    dosage: '81 mg by mouth once daily',
    authored: { years: 1, days: 200 },
    clinician: STAFF.cardiologist,
  });
  c.med(RX.metoprolol50, {
    dosage: '50 mg by mouth once daily',
    authored: { years: 2, days: 50 },
    clinician: STAFF.cardiologist,
  });
  c.med(RX.rosuvastatin, { dosage: '5 mg by mouth once daily', authored: { years: 10 } });

  return c.persona({
    topic: 'afib',
    summary: '78 y · Cardiology clinic · atrial fibrillation, CHA₂DS₂-VASc 3, aspirin only',
  });
}
