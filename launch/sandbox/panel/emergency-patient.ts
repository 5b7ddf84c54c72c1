import type { CodeableConcept } from 'fhir/r4';
import { minutesAgo } from './panel-chart';
import { DRUG_CLASS, PANEL_DX, PANEL_RX, VISIT } from './panel-codes';
import { opioidOrder } from './panel-episodes';
import { encounter, problem, visitDays, vitals, type PanelPatient } from './panel-visits';
import { sepsisVisit } from './sepsis-episode';

const INJURIES: readonly CodeableConcept[] = [
  PANEL_DX.ankleSprain,
  PANEL_DX.clavicleFracture,
  PANEL_DX.ribFracture,
  PANEL_DX.chronicLowBackPain,
];
const ILLNESSES: readonly CodeableConcept[] = [
  PANEL_DX.acuteBronchitis,
  PANEL_DX.viralSinusitis,
  PANEL_DX.pharyngitis,
];

/**
 * A patient seen by the emergency PA: two to four emergency visits in the year, injuries (often
 * with an opioid for the pain), minor illnesses, and for some a sepsis episode.
 */
export function emergencyPatient(p: PanelPatient): void {
  const { rng, chart } = p;
  const hypertensive = rng.chance(0.3);
  if (hypertensive) problem(p, PANEL_DX.htnSnomedOnly, rng.int(1, 20));
  if (rng.chance(0.15)) {
    // A benzodiazepine from another prescriber, still active: the opioid case's concern.
    problem(p, PANEL_DX.anxiety, rng.int(1, 10));
    chart.med(rng.pick(DRUG_CLASS.benzodiazepines), {
      dosage: 'One tablet by mouth twice daily as needed',
      authored: { days: rng.int(370, 900) },
    });
  }
  const days = visitDays(rng, rng.int(2, 4));
  const septic = rng.chance(0.5) ? rng.int(0, days.length - 1) : -1;
  days.forEach((day, i) => {
    if (i === septic) {
      sepsisVisit(p, day, hypertensive);
      return;
    }
    const injured = rng.chance(0.55);
    const reason = rng.pick(injured ? INJURIES : ILLNESSES);
    const visit = encounter(p, day, rng.int(240, 420), {
      class: 'EMER',
      type: VISIT.emergency,
      reason,
    });
    chart.condition(reason, {
      onset: minutesAgo(visit.start - 30),
      diagnosis: true,
      status: 'resolved',
      abated: minutesAgo(visit.end),
    });
    vitals(p, visit.start - 10, hypertensive, true);
    if (injured && rng.chance(0.75)) opioidOrder(p, visit, 'outpatient');
    else {
      chart.med(rng.chance(0.5) ? PANEL_RX.ibuprofen : PANEL_RX.acetaminophen, {
        dosage: 'One tablet by mouth every 6 hours as needed',
        authored: minutesAgo(visit.start - 60),
        status: 'completed',
        category: 'outpatient',
        clinician: p.clinician,
      });
    }
  });
}
