import { minutesAgo } from './panel-chart';
import { DRUG_CLASS, LAB, PANEL_DX, PANEL_RX, VISIT } from './panel-codes';
import { encounter, rateAt, vitals, type PanelPatient, type Visit } from './panel-visits';

/** How a missed hour-1 bundle was missed (SEP-1-like: lactate, culture first, antibiotic ≤ 3 h). */
export type Miss =
  'lactate-late' | 'lactate-missing' | 'culture-after-antibiotic' | 'antibiotic-late';
const MISSES: readonly Miss[] = [
  'lactate-late',
  'lactate-missing',
  'culture-after-antibiotic',
  'antibiotic-late',
];

/** Minutes after time zero (sepsis onset) at which each bundle element happened. */
interface BundleTimes {
  lactate?: number;
  culture: number;
  antibiotic: number;
}

function bundleTimes(p: PanelPatient, miss: Miss | undefined): BundleTimes {
  const { rng } = p;
  const met: BundleTimes = {
    lactate: rng.int(-90, 150),
    culture: rng.int(10, 60),
    antibiotic: 0,
  };
  met.antibiotic = met.culture + rng.int(15, 100);
  switch (miss) {
    case undefined:
      return met;
    case 'lactate-late':
      return { ...met, lactate: rng.int(200, 360) };
    case 'lactate-missing':
      return { culture: met.culture, antibiotic: met.antibiotic };
    case 'culture-after-antibiotic':
      return { ...met, culture: met.antibiotic + rng.int(10, 60) };
    case 'antibiotic-late':
      return { ...met, antibiotic: rng.int(190, 380) };
  }
}

/**
 * An emergency visit `day` days ago with sepsis diagnosed at time zero. The bundle is met or
 * missed (in one of four ways) per the care-rate table; antibiotics are given as
 * MedicationAdministrations in the encounter, after an order.
 */
export function sepsisVisit(
  p: PanelPatient,
  day: number,
  hypertensive: boolean,
  fixed: { startOffsetMinutes?: number; miss?: Miss } = {},
): Visit {
  const { rng, chart } = p;
  const visit = encounter(
    p,
    day,
    rng.int(480, 600),
    { class: 'EMER', type: VISIT.emergency, reason: PANEL_DX.sepsis },
    fixed.startOffsetMinutes,
  );
  const timeZero = visit.start - rng.int(20, 60);
  chart.condition(rng.chance(0.8) ? PANEL_DX.sepsis : PANEL_DX.septicShock, {
    onset: minutesAgo(timeZero),
    diagnosis: true,
    status: 'resolved',
    abated: minutesAgo(visit.end),
  });
  vitals(p, visit.start - 5, hypertensive, true);
  const met = fixed.miss === undefined && rng.chance(rateAt(p, 'SEP-1', visit.start));
  const times = bundleTimes(p, met ? undefined : (fixed.miss ?? rng.pick(MISSES)));
  // Nothing before arrival: a lactate "before" time zero is drawn after the visit starts.
  const after = (offset: number): number => Math.min(timeZero - offset, visit.start - 2);
  if (times.lactate !== undefined) {
    chart.lab(LAB.lactate, rng.decimal(2.1, 6.5), 'mmol/L', {
      at: minutesAgo(after(times.lactate)),
      low: 0.5,
      high: 2.2,
    });
  }
  chart.result(LAB.bloodCulture, rng.chance(0.4) ? 'Escherichia coli' : 'No growth at 5 days', {
    at: minutesAgo(after(times.culture)),
  });
  const drug = rng.pick(DRUG_CLASS.sepsisAntibiotics);
  const given = after(times.antibiotic);
  chart.med(drug, {
    dosage: drug === PANEL_RX.ceftriaxone ? '2 g IV every 24 hours' : '4.5 g IV every 6 hours',
    authored: minutesAgo(given + 10),
    status: 'completed',
    category: 'inpatient',
    clinician: p.clinician,
    reason: 'Sepsis',
  });
  chart.administration({
    code: drug,
    minutesAgo: given,
    encounterId: visit.id,
    requestId: chart.lastId(),
    grams: drug === PANEL_RX.ceftriaxone ? 2 : 4.5,
  });
  return visit;
}
