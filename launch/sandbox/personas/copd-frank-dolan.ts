import { Chart, type Persona } from './builders';
import { cc, LAB } from './codes';
import { DX, TRIGGER_DX, VISIT } from './codes-dx';
import { RX } from './codes-rx';
import { STAFF } from './staff';

/** COPD after a hospitalised pneumonia, on ICS/LABA, still smoking, eosinophils 340/µL. */
export function copdFrankDolan(now: Date): Persona {
  const c = new Chart(now, 'frank-dolan');
  c.patient({
    given: ['Francis', 'Xavier'],
    family: 'Dolan',
    gender: 'male',
    age: 68,
    birthdayDaysAgo: 250,
    mrn: 'SB-100110',
  });
  c.encounter({
    class: 'IMP',
    type: VISIT.admission,
    start: { days: 122 },
    end: { days: 118 },
    reason: DX.pneumonia,
    clinician: STAFF.internist,
  });
  c.encounter({
    class: 'AMB',
    type: VISIT.followUp,
    start: { minutes: 35 },
    reason: cc('COPD follow-up after hospital admission for pneumonia'),
    clinician: STAFF.internist,
  });

  c.condition(TRIGGER_DX.copd, { onset: { years: 8 } });
  c.condition(DX.smokesDaily, { onset: { years: 45 } });
  c.condition(DX.osteoporosis, { onset: { years: 3 } });
  c.condition(DX.hyperlipidemia, { onset: { years: 10 } });
  c.condition(DX.pneumonia, {
    onset: { days: 122 },
    status: 'resolved',
    abated: { days: 100 },
    diagnosis: true,
  });

  c.vitals({ days: 121 }, { bp: [138, 84], hr: 104, rr: 26, temp: 38.4, spo2: 87 });
  c.lab(LAB.wbc, 14.6, '10*3/uL', { at: { days: 121, hours: 20 }, low: 4.5, high: 11 });

  const draw = { days: 8, hours: 2 };
  c.lab(LAB.fev1Fvc, 58, '%', { at: draw, category: 'procedure', low: 70 });
  c.lab(LAB.wbc, 8.2, '10*3/uL', { at: draw, low: 4.5, high: 11 });
  c.lab(LAB.eosinophils, 0.34, '10*3/uL', { at: draw, high: 0.5 });
  c.lab(LAB.hemoglobin, 16.1, 'g/dL', { at: draw, low: 13.5, high: 17.5 });
  c.lab(LAB.sodium, 139, 'mmol/L', { at: draw, low: 136, high: 145 });
  c.lab(LAB.bicarbonate, 29, 'mmol/L', { at: draw, low: 22, high: 29 });
  c.lab(LAB.creatinine, 0.9, 'mg/dL', { at: draw, low: 0.7, high: 1.3 });

  c.vitals(
    { minutes: 30 },
    { bp: [132, 80], hr: 88, rr: 20, temp: 36.6, spo2: 92, weight: 70, height: 178, bmi: 22.1 },
  );

  c.med(RX.albuterolMdi, {
    dosage: '2 puffs every 4–6 hours as needed for breathlessness',
    authored: { years: 5 },
  });
  c.med(RX.fluticasoneSalmeterol, {
    dosage: '1 inhalation twice daily',
    authored: { years: 2 },
  });
  c.med(RX.alendronate, {
    dosage: '10 mg by mouth once daily before breakfast',
    authored: { years: 3 },
  });
  c.med(RX.simvastatin, { dosage: '20 mg by mouth at bedtime', authored: { years: 9 } });

  return c.persona({
    topic: 'copd',
    summary:
      '68 y · Clinic · COPD, FEV₁/FVC 0.58, eosinophils 340/µL, pneumonia 4 months ago on ICS',
  });
}
