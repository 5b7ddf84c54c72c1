import type { MeasureId } from '../../../core/measures/measure';
import { STAFF, type ClinicianId } from '../personas/staff';

/*
 * SYNTHETIC DEMO DATA, NOT EVIDENCE. The generated panel shows a practice change after each
 * clinician's point-of-care learning only because the tables below tell the generator to make
 * one. Nothing here was observed in real patients or says that micro-cases change care.
 */

/** The day (before the sandbox's `now`) on which each clinician completes the learning below. */
export const PANEL_LEARNING_DAYS_AGO = 120;

/** Days before the learning date that the demo's "before" period covers. */
export const PANEL_BEFORE_DAYS = 180;

export interface PanelLearning {
  clinicianId: ClinicianId;
  /** A case id in cases/. */
  caseId: string;
  /** The case's qualityMeasures this credit is compared on. */
  measureIds: readonly MeasureId[];
  daysAgo: number;
  /** The generated encounter, on that day, whose patient triggers the case. */
  encounterId: string;
}

/** Patient number (1-based) of each learning entry's patient: the panel's first patients. */
export const learningPatientId = (index: number): string => panelPatientId(index + 1);
export const panelPatientId = (n: number): string => `panel-${String(n).padStart(4, '0')}`;
/** Each learning patient's first encounter is the learning encounter (ChartCore numbering). */
const learningEncounterId = (index: number): string => `${learningPatientId(index)}-encounter-1`;

const ENTRIES: readonly Omit<PanelLearning, 'daysAgo' | 'encounterId'>[] = [
  { clinicianId: STAFF.internist, caseId: 't2dm-intensify-cardiorenal', measureIds: ['CMS122'] },
  { clinicianId: STAFF.internist, caseId: 'htn-uncontrolled-intensify', measureIds: ['CMS165'] },
  {
    clinicianId: STAFF.internist,
    caseId: 'opioids-acute-pain-benzodiazepine',
    measureIds: ['CMS506'],
  },
  {
    clinicianId: STAFF.cardiologist,
    caseId: 'hfref-gdmt-four-pillars',
    measureIds: ['CMS135', 'CMS144'],
  },
  { clinicianId: STAFF.emergencyPa, caseId: 'sepsis-hour-1-bundle', measureIds: ['SEP-1'] },
  {
    clinicianId: STAFF.emergencyPa,
    caseId: 'opioids-acute-pain-benzodiazepine',
    measureIds: ['CMS506'],
  },
];

/** Which credit the demo records for whom, and at which generated encounter. */
export const PANEL_LEARNING: readonly PanelLearning[] = ENTRIES.map((entry, index) => ({
  ...entry,
  daysAgo: PANEL_LEARNING_DAYS_AGO,
  encounterId: learningEncounterId(index),
}));

export interface CareRate {
  clinicianId: ClinicianId;
  measureId: MeasureId;
  /** What a numerator member is, in the measure's own direction. */
  numerator: string;
  /** Chance that a denominator member is in the numerator before / after the learning date. */
  before: number;
  after: number;
}

const I = STAFF.internist;
const C = STAFF.cardiologist;
const P = STAFF.emergencyPa;

/** SYNTHETIC: made-up rates for the demo dashboards (see the note at the top of this file). */
export const PANEL_CARE_RATES: readonly CareRate[] = [
  { clinicianId: I, measureId: 'CMS122', numerator: 'HbA1c > 9 %', before: 0.35, after: 0.2 },
  { clinicianId: I, measureId: 'CMS165', numerator: 'BP < 140/90', before: 0.55, after: 0.7 },
  { clinicianId: I, measureId: 'CMS506', numerator: 'opioid + benzo', before: 0.3, after: 0.12 },
  { clinicianId: I, measureId: 'CMS135', numerator: 'ACEi/ARB/ARNI', before: 0.7, after: 0.7 },
  { clinicianId: I, measureId: 'CMS144', numerator: 'beta-blocker', before: 0.6, after: 0.6 },
  { clinicianId: C, measureId: 'CMS122', numerator: 'HbA1c > 9 %', before: 0.25, after: 0.25 },
  { clinicianId: C, measureId: 'CMS165', numerator: 'BP < 140/90', before: 0.6, after: 0.6 },
  { clinicianId: C, measureId: 'CMS135', numerator: 'ACEi/ARB/ARNI', before: 0.75, after: 0.75 },
  { clinicianId: C, measureId: 'CMS144', numerator: 'beta-blocker', before: 0.55, after: 0.8 },
  { clinicianId: P, measureId: 'CMS165', numerator: 'BP < 140/90', before: 0.5, after: 0.5 },
  { clinicianId: P, measureId: 'SEP-1', numerator: 'bundle met', before: 0.4, after: 0.65 },
  { clinicianId: P, measureId: 'CMS506', numerator: 'opioid + benzo', before: 0.3, after: 0.1 },
];

/** The numerator chance for `clinicianId` and `measureId` on a day `daysAgo` before now. */
export function careRate(clinicianId: ClinicianId, measureId: MeasureId, daysAgo: number): number {
  const rate = PANEL_CARE_RATES.find(
    (r) => r.clinicianId === clinicianId && r.measureId === measureId,
  );
  if (rate === undefined) throw new Error(`No panel care rate for ${clinicianId} ${measureId}`);
  return daysAgo > PANEL_LEARNING_DAYS_AGO ? rate.before : rate.after;
}
