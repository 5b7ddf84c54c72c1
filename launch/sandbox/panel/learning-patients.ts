import { minutesAgo, daysToMinutes } from './panel-chart';
import { LAB, PANEL_DX, PANEL_RX, VISIT } from './panel-codes';
import { heartFailureWorkup } from './panel-episodes';
import { PANEL_LEARNING_DAYS_AGO, type PanelLearning } from './panel-learning';
import { sepsisVisit } from './sepsis-episode';
import { encounter, kidneyLabs, problem, type PanelPatient, type Visit } from './panel-visits';

/*
 * The patients behind PANEL_LEARNING: each one's first encounter (so its id is
 * `<patient>-encounter-1`) is on the learning day and carries what the case's trigger asks for,
 * as of that day. Later visits show the (synthetic) change after the learning.
 */

const DAY = PANEL_LEARNING_DAYS_AGO;
/** Learning encounters start one hour before the learning day's `now`-relative instant. */
const OFFSET = 60;

function clinic(p: PanelPatient, day: number, reason = PANEL_DX.htn, offset?: number): Visit {
  return encounter(p, day, 30, { class: 'AMB', type: VISIT.followUp, reason }, offset);
}

function bp(p: PanelPatient, visit: Visit, systolic: number, diastolic: number): void {
  p.chart.vitals(minutesAgo(visit.start - 5), {
    bp: [systolic, diastolic],
    hr: 78,
    weight: p.weightKg,
  });
}

/** t2dm-intensify-cardiorenal: type 2 diabetes, latest HbA1c > 9 %, adult. */
function diabetesPatient(p: PanelPatient): void {
  const { chart } = p;
  problem(p, PANEL_DX.t2dm, 9);
  const learning = clinic(p, DAY, PANEL_DX.t2dm, OFFSET);
  const before = clinic(p, 250, PANEL_DX.t2dm);
  const after = clinic(p, 30, PANEL_DX.t2dm);
  for (const [visit, a1c] of [
    [before, 9.4],
    [learning, 9.8],
    [after, 8.1],
  ] as const) {
    bp(p, visit, 128, 78);
    chart.lab(LAB.hba1c, a1c, '%', { at: minutesAgo(visit.start - 15), low: 4, high: 5.6 });
  }
  kidneyLabs(p, learning.start - 15);
  chart.lab(LAB.uacr, 48, 'mg/g', { at: minutesAgo(learning.start - 15), high: 30 });
  chart.med(PANEL_RX.metformin, { dosage: '500 mg by mouth twice daily', authored: { years: 4 } });
}

/** htn-uncontrolled-intensify: hypertension, office visit, latest BP ≥ 140/90. */
function hypertensionPatient(p: PanelPatient): void {
  problem(p, PANEL_DX.htn, 11);
  const learning = clinic(p, DAY, PANEL_DX.htn, OFFSET);
  bp(p, clinic(p, 260), 150, 92);
  bp(p, learning, 158, 94);
  bp(p, clinic(p, 35), 134, 82);
  p.chart.med(PANEL_RX.lisinopril, { dosage: '10 mg by mouth once daily', authored: { years: 3 } });
}

/** opioids-acute-pain-benzodiazepine in hospital: an opioid ordered while a benzodiazepine is active. */
function inpatientOpioidPatient(p: PanelPatient): void {
  const { chart } = p;
  problem(p, PANEL_DX.anxiety, 6);
  chart.med(PANEL_RX.alprazolam, { dosage: '0.5 mg by mouth twice daily', authored: { years: 2 } });
  const stay = encounter(
    p,
    DAY,
    daysToMinutes(3),
    { class: 'IMP', type: VISIT.admission, reason: PANEL_DX.ribFracture },
    OFFSET,
  );
  chart.condition(PANEL_DX.ribFracture, {
    onset: minutesAgo(stay.start - 30),
    diagnosis: true,
    status: 'resolved',
    abated: minutesAgo(stay.end),
  });
  bp(p, stay, 136, 84);
  chart.med(PANEL_RX.oxycodoneApap, {
    dosage: 'One tablet by mouth every 6 hours as needed for pain',
    authored: minutesAgo(stay.start - 120),
    status: 'completed',
    category: 'inpatient',
    clinician: p.clinician,
    reason: 'Rib fracture pain',
  });
  chart.med(PANEL_RX.lorazepam, {
    dosage: '1 mg by mouth at night as needed',
    authored: minutesAgo(stay.start - 180),
    status: 'completed',
    category: 'inpatient',
    clinician: p.clinician,
    reason: 'Anxiety',
  });
  bp(p, clinic(p, 40, PANEL_DX.anxiety), 128, 80);
}

/** hfref-gdmt-four-pillars: heart failure, LVEF ≤ 40 %, no ACEi/ARB/ARNI. */
function heartFailurePatient(p: PanelPatient): void {
  const { chart } = p;
  problem(p, PANEL_DX.hfref, 3);
  const learning = clinic(p, DAY, PANEL_DX.hfref, OFFSET);
  const before = clinic(p, 230, PANEL_DX.hfref);
  const after = clinic(p, 45, PANEL_DX.hfref);
  heartFailureWorkup(p, learning.start - 20, true);
  for (const visit of [before, learning, after]) bp(p, visit, 118, 72);
  const clinician = p.clinician;
  chart.med(PANEL_RX.furosemide, {
    dosage: '40 mg by mouth once daily',
    authored: minutesAgo(before.start - 20),
    clinician,
  });
  chart.med(PANEL_RX.metoprolol50, {
    dosage: '50 mg by mouth once daily',
    authored: minutesAgo(before.start - 20),
    clinician,
  });
  chart.med(PANEL_RX.sacubitrilValsartan, {
    dosage: 'One tablet by mouth twice daily',
    authored: minutesAgo(after.start - 20),
    clinician,
  });
}

/** sepsis-hour-1-bundle: sepsis with onset in the visit and a lactate ≥ 2 mmol/L. */
function sepsisPatient(p: PanelPatient): void {
  sepsisVisit(p, DAY, false, { startOffsetMinutes: OFFSET, miss: 'antibiotic-late' });
}

/** opioids-acute-pain-benzodiazepine in the emergency department. */
function emergencyOpioidPatient(p: PanelPatient): void {
  const { chart } = p;
  chart.med(PANEL_RX.alprazolam, {
    dosage: '0.5 mg by mouth twice daily',
    authored: { days: 400 },
  });
  const visit = encounter(
    p,
    DAY,
    300,
    { class: 'EMER', type: VISIT.emergency, reason: PANEL_DX.clavicleFracture },
    OFFSET,
  );
  chart.condition(PANEL_DX.clavicleFracture, {
    onset: minutesAgo(visit.start - 20),
    diagnosis: true,
    status: 'resolved',
    abated: minutesAgo(visit.end),
  });
  bp(p, visit, 132, 84);
  chart.med(PANEL_RX.hydrocodoneApap, {
    dosage: 'One tablet by mouth every 6 hours as needed for pain, up to 3 days',
    authored: minutesAgo(visit.start - 150),
    status: 'completed',
    category: 'outpatient',
    clinician: p.clinician,
    reason: 'Clavicle fracture pain',
  });
}

const BUILDERS: Record<string, (p: PanelPatient) => void> = {
  'dr-amara-osei/t2dm-intensify-cardiorenal': diabetesPatient,
  'dr-amara-osei/htn-uncontrolled-intensify': hypertensionPatient,
  'dr-amara-osei/opioids-acute-pain-benzodiazepine': inpatientOpioidPatient,
  'dr-lena-kowalski/hfref-gdmt-four-pillars': heartFailurePatient,
  'pa-marcus-reed/sepsis-hour-1-bundle': sepsisPatient,
  'pa-marcus-reed/opioids-acute-pain-benzodiazepine': emergencyOpioidPatient,
};

/** Writes the chart of the patient behind one PANEL_LEARNING entry. */
export function learningPatient(p: PanelPatient, entry: PanelLearning): void {
  const build = BUILDERS[`${entry.clinicianId}/${entry.caseId}`];
  if (build === undefined)
    throw new Error(`No learning patient for ${entry.clinicianId}/${entry.caseId}`);
  build(p);
}
