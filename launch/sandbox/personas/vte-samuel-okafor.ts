import { Chart, type Persona } from './builders';
import { cc, LAB } from './codes';
import { DX, TRIGGER_DX, VISIT } from './codes-dx';
import { RX } from './codes-rx';
import { STAFF } from './staff';

/** VTE: left popliteal DVT on ultrasound after a long-haul flight, enoxaparin just started. */
export function vteSamuelOkafor(now: Date): Persona {
  const c = new Chart(now, 'samuel-okafor');
  c.patient({
    given: ['Samuel', 'Chidi'],
    family: 'Okafor',
    gender: 'male',
    age: 52,
    birthdayDaysAgo: 330,
    mrn: 'SB-100112',
  });
  c.encounter({
    class: 'AMB',
    type: VISIT.checkUp,
    start: { days: 300, hours: 1 },
    end: { days: 300 },
    reason: cc('Annual check-up'),
    clinician: STAFF.internist,
  });
  c.encounter({
    class: 'EMER',
    type: VISIT.emergency,
    start: { hours: 3 },
    reason: cc('Left calf pain and swelling for three days after a 14-hour flight'),
    clinician: STAFF.emergencyPa,
  });

  c.condition(DX.obesity, { onset: { years: 15 } });
  c.condition(DX.hyperlipidemiaSnomedOnly, { onset: { years: 5 } });
  c.condition(DX.kneeOsteoarthritis, { onset: { years: 2 } });
  c.condition(DX.viralSinusitis, {
    onset: { days: 500 },
    status: 'resolved',
    abated: { days: 490 },
  });
  c.condition(TRIGGER_DX.dvt, { onset: { hours: 1 }, diagnosis: true });

  const checkUp = { days: 300, hours: 1 };
  c.vitals(checkUp, { bp: [128, 80], hr: 70, weight: 110, height: 183, bmi: 32.8 });
  c.lab(LAB.ldl, 138, 'mg/dL', { at: checkUp, high: 100 });
  c.lab(LAB.glucose, 97, 'mg/dL', { at: checkUp, low: 70, high: 99 });

  c.vitals(
    { hours: 3 },
    {
      bp: [136, 84],
      hr: 88,
      rr: 16,
      temp: 37.0,
      spo2: 98,
      weight: 112,
      height: 183,
      bmi: 33.4,
      pain: 5,
    },
  );

  const draw = { hours: 2, minutes: 30 };
  c.lab(LAB.dDimer, 2450, 'ng/mL{FEU}', { at: draw, high: 500 });
  c.lab(LAB.hemoglobin, 14.8, 'g/dL', { at: draw, low: 13.5, high: 17.5 });
  c.lab(LAB.platelets, 245, '10*3/uL', { at: draw, low: 150, high: 400 });
  c.lab(LAB.creatinine, 1.0, 'mg/dL', { at: draw, low: 0.7, high: 1.3 });
  c.lab(LAB.egfr, 88, 'mL/min/{1.73_m2}', { at: draw, low: 60 });
  c.result(
    cc('Venous duplex ultrasound, left leg'),
    'Occlusive thrombus in the left popliteal and posterior tibial veins.',
    { at: { hours: 1, minutes: 15 }, category: 'imaging', interpretation: 'A' },
  );

  c.med(RX.rosuvastatin, { dosage: '5 mg by mouth once daily', authored: { years: 4 } });
  c.med(RX.naproxen, {
    dosage: '220 mg by mouth twice daily as needed for knee pain',
    authored: { years: 1 },
  });
  c.med(RX.enoxaparin, {
    dosage: '110 mg (1 mg/kg) subcutaneously every 12 hours',
    authored: { minutes: 50 },
    category: 'outpatient',
    clinician: STAFF.emergencyPa,
    reason: 'Deep vein thrombosis, left leg',
  });

  return c.persona({
    topic: 'vte',
    summary:
      '52 y · ED · left popliteal DVT after a long flight, D-dimer 2,450, enoxaparin started',
  });
}
