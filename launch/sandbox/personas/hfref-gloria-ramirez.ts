import { Chart, type Persona } from './builders';
import { cc, LAB } from './codes';
import { DX, TRIGGER_DX, VISIT } from './codes-dx';
import { RX } from './codes-rx';
import { STAFF } from './staff';

/**
 * HFrEF: admitted with decompensation, LVEF 30 %, on a beta-blocker and loop diuretic but no
 * ACEi/ARB/ARNI (lisinopril stopped for cough), MRA or SGLT2i. Today's creatinine came back in
 * µmol/L: 106 µmol/L is 1.2 mg/dL, no acute kidney injury once the units are converted.
 */
export function hfrefGloriaRamirez(now: Date): Persona {
  const c = new Chart(now, 'gloria-ramirez');
  c.patient({
    given: ['Gloria', 'Inés'],
    family: 'Ramirez',
    gender: 'female',
    age: 72,
    birthdayDaysAgo: 12,
    mrn: 'SB-100106',
  });
  c.encounter({
    class: 'AMB',
    type: VISIT.followUp,
    start: { days: 150, hours: 1 },
    end: { days: 150 },
    reason: TRIGGER_DX.hfref,
    clinician: STAFF.cardiologist,
  });
  c.encounter({
    class: 'IMP',
    type: VISIT.admission,
    start: { days: 2, hours: 3 },
    reason: cc('Worsening shortness of breath, orthopnoea and leg swelling'),
    clinician: STAFF.cardiologist,
  });

  c.condition(TRIGGER_DX.hfref, { onset: { years: 3 } });
  c.condition(DX.ischemicHeartDisease, { onset: { years: 5 } });
  c.condition(DX.historyOfMi, { onset: { years: 5 } });
  c.condition(TRIGGER_DX.htn, { onset: { years: 14 } });
  c.condition(DX.ckdStage2, { onset: { years: 2 } });
  c.condition(DX.anemia, { onset: { years: 1 } });
  c.condition(cc('Acute on chronic systolic heart failure'), {
    onset: { days: 2 },
    diagnosis: true,
  });

  const clinic = { days: 150, hours: 1 };
  c.vitals(clinic, { bp: [124, 74], hr: 72, weight: 73.4, height: 160 });
  c.lab(LAB.lvef, 35, '%', { at: { years: 1 }, category: 'imaging', low: 50 });
  c.lab(LAB.creatinine, 1.0, 'mg/dL', { at: clinic, low: 0.5, high: 1.1 });

  const admit = { days: 2, hours: 2 };
  c.vitals(
    { days: 2, hours: 3 },
    { bp: [148, 88], hr: 102, rr: 24, temp: 36.8, spo2: 91, weight: 78.2 },
  );
  c.lab(LAB.ntProBnp, 3850, 'pg/mL', { at: admit, high: 125 });
  c.lab(LAB.creatinine, 1.1, 'mg/dL', { at: admit, low: 0.5, high: 1.1 });
  c.lab(LAB.bun, 28, 'mg/dL', { at: admit, low: 7, high: 20 });
  c.lab(LAB.sodium, 134, 'mmol/L', { at: admit, low: 136, high: 145 });
  c.lab(LAB.potassium, 4.6, 'mmol/L', { at: admit, low: 3.5, high: 5.1 });
  c.lab(LAB.hemoglobin, 11.2, 'g/dL', { at: admit, low: 12, high: 16 });
  c.lab(LAB.lvef, 30, '%', { at: { days: 1, hours: 5 }, category: 'imaging', low: 50 });

  c.vitals({ hours: 2 }, { bp: [122, 70], hr: 84, rr: 18, temp: 36.7, spo2: 95, weight: 75.9 });
  const today = { hours: 4 };
  c.lab(LAB.creatinineSi, 106, 'umol/L', {
    at: today,
    low: 44,
    high: 97,
    note: 'Reported in SI units by the reference laboratory.',
  });
  c.lab(LAB.potassium, 4.2, 'mmol/L', { at: today, low: 3.5, high: 5.1 });
  c.lab(LAB.sodium, 136, 'mmol/L', { at: today, low: 136, high: 145 });

  c.med(RX.lisinopril, {
    dosage: '10 mg by mouth once daily (stopped: dry cough)',
    authored: { years: 3 },
    status: 'stopped',
    clinician: STAFF.cardiologist,
  });
  c.med(RX.metoprolol100, {
    dosage: '100 mg by mouth once daily',
    authored: { years: 3 },
    clinician: STAFF.cardiologist,
  });
  c.med(RX.furosemide, { dosage: '40 mg by mouth once daily', authored: { years: 3 } });
  c.med(RX.aspirin, { dosage: '81 mg by mouth once daily', authored: { years: 5 } });
  c.med(RX.atorvastatin, { dosage: '80 mg by mouth once daily', authored: { years: 5 } });
  c.med(RX.furosemideIv, {
    dosage: '40 mg IV twice daily',
    authored: { days: 2, hours: 1 },
    category: 'inpatient',
    clinician: STAFF.cardiologist,
    reason: 'Volume overload',
  });

  return c.persona({
    topic: 'hfref',
    summary: '72 y · Inpatient · HFrEF, LVEF 30 %, NT-proBNP 3,850, no ACEi/ARB/ARNI',
  });
}
