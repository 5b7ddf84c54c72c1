import { minutesAgo } from './panel-chart';
import { DRUG_CLASS, PANEL_DX, PANEL_RX, VISIT } from './panel-codes';
import { heartFailureTherapy, heartFailureWorkup } from './panel-episodes';
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

/** A patient of the cardiologist: mostly heart failure with an LVEF, often hypertension. */
export function cardiologyPatient(p: PanelPatient): void {
  const { rng, chart } = p;
  const heartFailure = rng.chance(0.7);
  const hypertensive = rng.chance(0.6);
  const diabetic = rng.chance(0.2);
  if (heartFailure) {
    problem(p, rng.chance(0.7) ? PANEL_DX.hfref : PANEL_DX.hfUnspecified, rng.int(1, 8));
  }
  if (hypertensive) problem(p, PANEL_DX.htn, rng.int(2, 25));
  if (diabetic) problem(p, PANEL_DX.t2dmUncomplicated, rng.int(1, 15));
  if (rng.chance(0.3)) problem(p, PANEL_DX.ischemicHeartDisease, rng.int(1, 10));

  const visits: Visit[] = visitDays(rng, rng.int(2, 6)).map((day, i) => {
    const visit = encounter(p, day, 40, {
      class: 'AMB',
      type: VISIT.followUp,
      reason: heartFailure ? PANEL_DX.hfref : PANEL_DX.htn,
    });
    vitals(p, visit.start - 5, hypertensive, i === 0);
    if (diabetic) hba1c(p, visit.start - 15);
    if (i === 0) {
      kidneyLabs(p, visit.start - 15);
      if (heartFailure) heartFailureWorkup(p, visit.start - 30);
    }
    return visit;
  });
  const first = visits[0];
  if (first === undefined) return;
  const authored = minutesAgo(first.start - 25);
  if (hypertensive) {
    chart.med(rng.pick(DRUG_CLASS.hfNeutralAntihypertensives), {
      dosage: 'One tablet by mouth once daily',
      authored,
      clinician: p.clinician,
    });
  }
  if (heartFailure) {
    chart.med(PANEL_RX.furosemide, {
      dosage: '40 mg by mouth once daily',
      authored,
      clinician: p.clinician,
    });
    heartFailureTherapy(p, visits);
  }
}
