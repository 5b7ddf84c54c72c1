import { minutesAgo } from './panel-chart';
import { DRUG_CLASS, PANEL_DX, PANEL_RX, VISIT } from './panel-codes';
import { heartFailureTherapy, heartFailureWorkup, inpatientStay } from './panel-episodes';
import {
  encounter,
  hba1c,
  kidneyLabs,
  problem,
  visitDays,
  vitals,
  type PanelPatient,
  type Visit,
} from './panel-visits';

/** Keeps a stay from overlapping a clinic visit, so orders link to the right encounter. */
const CLEAR_DAYS = 6;

/**
 * A patient of the internist (primary care and hospital medicine): diabetes and hypertension
 * common, some heart failure, and hospital stays where opioids are ordered.
 */
export function internistPatient(p: PanelPatient): void {
  const { rng, chart } = p;
  const diabetic = rng.chance(0.45);
  const hypertensive = rng.chance(0.55);
  const heartFailure = rng.chance(0.08);
  if (diabetic)
    problem(p, rng.chance(0.5) ? PANEL_DX.t2dm : PANEL_DX.t2dmUncomplicated, rng.int(1, 15));
  if (hypertensive)
    problem(p, rng.chance(0.8) ? PANEL_DX.htn : PANEL_DX.htnSnomedOnly, rng.int(1, 20));
  if (heartFailure) problem(p, PANEL_DX.hfref, rng.int(1, 6));
  if (rng.chance(0.35)) problem(p, PANEL_DX.hyperlipidemia, rng.int(1, 12));
  if (rng.chance(0.2)) problem(p, PANEL_DX.obesity, rng.int(1, 10));

  const days = visitDays(rng, rng.int(2, 6));
  const visits: Visit[] = [];
  const stayDays = stayDaysAvoiding(p, days);
  // Encounters are added oldest first; the persona builder numbers them in that order.
  for (const day of [...days, ...stayDays].sort((a, b) => b - a)) {
    if (stayDays.includes(day)) {
      inpatientStay(p, day, hypertensive);
      continue;
    }
    const visit = encounter(p, day, 30, {
      class: 'AMB',
      type: visits.length === 0 ? VISIT.checkUp : VISIT.followUp,
      reason: diabetic ? PANEL_DX.t2dm : hypertensive ? PANEL_DX.htn : PANEL_DX.hyperlipidemia,
    });
    visits.push(visit);
    vitals(p, visit.start - 5, hypertensive, visits.length === 1);
    if (diabetic) hba1c(p, visit.start - 15);
    if (visits.length === 1) {
      kidneyLabs(p, visit.start - 15);
      if (heartFailure) heartFailureWorkup(p, visit.start - 20);
    }
  }
  const first = visits[0];
  if (first === undefined) return;
  const authored = minutesAgo(first.start - 25);
  const clinician = p.clinician;
  if (diabetic) {
    chart.med(PANEL_RX.metformin, { dosage: '500 mg by mouth twice daily', authored, clinician });
  }
  if (hypertensive) {
    // Heart-failure patients get their RAAS inhibitor (or not) from heartFailureTherapy alone.
    const choices = heartFailure
      ? DRUG_CLASS.hfNeutralAntihypertensives
      : DRUG_CLASS.antihypertensives;
    chart.med(rng.pick(choices), { dosage: 'One tablet by mouth once daily', authored, clinician });
  }
  if (heartFailure) heartFailureTherapy(p, visits);
}

/** Zero to two stay days, each at least CLEAR_DAYS from every visit and from each other. */
function stayDaysAvoiding(p: PanelPatient, visitDays: readonly number[]): number[] {
  const { rng } = p;
  const wanted = rng.chance(0.5) ? (rng.chance(0.3) ? 2 : 1) : 0;
  const taken = [...visitDays];
  const stays: number[] = [];
  for (let attempt = 0; attempt < 12 && stays.length < wanted; attempt += 1) {
    const day = rng.int(8, 300);
    if (taken.every((d) => Math.abs(d - day) > CLEAR_DAYS)) {
      stays.push(day);
      taken.push(day);
    }
  }
  return stays;
}
