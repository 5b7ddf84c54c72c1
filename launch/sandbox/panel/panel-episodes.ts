import type { CodeableConcept } from 'fhir/r4';
import { PANEL_LEARNING_DAYS_AGO } from './panel-learning';
import { daysToMinutes, minutesAgo } from './panel-chart';
import { DRUG_CLASS, LAB, PANEL_DX, VISIT } from './panel-codes';
import { encounter, rateAt, vitals, type PanelPatient, type Visit } from './panel-visits';

const LEARNING_MINUTES = daysToMinutes(PANEL_LEARNING_DAYS_AGO);

/**
 * Heart-failure drugs the measures look for (CMS135 ACEi/ARB/ARNI, CMS144 beta-blocker). Whether
 * the patient takes one before and after the learning date follows the care-rate table; a drug,
 * once started, is renewed at every later visit (the last order active, earlier ones completed).
 */
export function heartFailureTherapy(p: PanelPatient, visits: readonly Visit[]): void {
  for (const [measureId, drugs, dosage] of [
    ['CMS135', DRUG_CLASS.raasInhibitors, 'One tablet by mouth twice daily'],
    ['CMS144', DRUG_CLASS.betaBlockers, 'One tablet by mouth once daily'],
  ] as const) {
    const before = rateAt(p, measureId, LEARNING_MINUTES + 1);
    const after = rateAt(p, measureId, LEARNING_MINUTES - 1);
    if (after < before) throw new Error(`Panel rates for ${measureId} may only rise or stay flat`);
    const onBefore = p.rng.chance(before);
    const startsAfter = !onBefore && p.rng.chance((after - before) / (1 - before));
    const first = onBefore
      ? 0
      : startsAfter
        ? visits.findIndex((v) => v.start < LEARNING_MINUTES)
        : -1;
    if (first < 0) continue;
    const drug = p.rng.pick(drugs);
    visits.slice(first).forEach((visit, i, renewals) => {
      p.chart.med(drug, {
        dosage,
        authored: minutesAgo(visit.start - 20),
        status: i === renewals.length - 1 ? 'active' : 'completed',
        category: 'outpatient',
        clinician: p.clinician,
      });
    });
  }
}

/** An opioid ordered in an acute encounter; a benzodiazepine joins it per the table (CMS506). */
export function opioidOrder(
  p: PanelPatient,
  visit: Visit,
  category: 'inpatient' | 'outpatient',
): void {
  const authored = visit.start - p.rng.int(60, 180);
  p.chart.med(p.rng.pick(DRUG_CLASS.opioids), {
    dosage: 'One tablet by mouth every 6 hours as needed for pain, up to 3 days',
    authored: minutesAgo(authored),
    status: 'completed',
    category,
    clinician: p.clinician,
    reason: 'Acute pain',
  });
  if (p.rng.chance(rateAt(p, 'CMS506', visit.start))) {
    p.chart.med(p.rng.pick(DRUG_CLASS.benzodiazepines), {
      dosage: 'One tablet by mouth at night as needed',
      authored: minutesAgo(authored - 15),
      status: 'completed',
      category,
      clinician: p.clinician,
      reason: 'Anxiety or muscle spasm',
    });
  }
}

/** An echocardiogram LVEF (≤ 40 % for most, preserved for some) and an NT-proBNP. */
export function heartFailureWorkup(
  p: PanelPatient,
  minutes: number,
  reduced = p.rng.chance(0.85),
): void {
  const at = minutesAgo(minutes);
  const lvef = reduced ? p.rng.int(15, 40) : p.rng.int(45, 62);
  p.chart.lab(LAB.lvef, lvef, '%', { at, category: 'imaging', low: 50 });
  p.chart.lab(LAB.ntProBnp, p.rng.int(300, 6000), 'pg/mL', { at, high: 125 });
}

const STAY_REASONS: readonly CodeableConcept[] = [
  PANEL_DX.pneumonia,
  PANEL_DX.ribFracture,
  PANEL_DX.clavicleFracture,
  PANEL_DX.chronicLowBackPain,
];

/** A 2–4 day hospital stay `day` days ago, usually with an opioid for pain. */
export function inpatientStay(p: PanelPatient, day: number, hypertensive: boolean): Visit {
  const reason = p.rng.pick(STAY_REASONS);
  const stay = encounter(p, day, daysToMinutes(p.rng.int(2, 4)), {
    class: 'IMP',
    type: VISIT.admission,
    reason,
  });
  p.chart.condition(reason, {
    onset: minutesAgo(stay.start - 30),
    diagnosis: true,
    status: 'resolved',
    abated: minutesAgo(stay.end),
  });
  vitals(p, stay.start - 20, hypertensive, true);
  const at = minutesAgo(stay.start - 60);
  p.chart.lab(LAB.wbc, p.rng.decimal(4.5, 15), '10*3/uL', { at, low: 4.5, high: 11 });
  p.chart.lab(LAB.hemoglobin, p.rng.decimal(10, 16), 'g/dL', { at, low: 12, high: 17 });
  if (p.rng.chance(0.85)) opioidOrder(p, stay, 'inpatient');
  return stay;
}
