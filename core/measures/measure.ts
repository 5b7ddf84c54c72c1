import type {
  Condition,
  Encounter,
  MedicationAdministration,
  MedicationRequest,
  Observation,
  Patient,
} from 'fhir/r4';
import type { LocalizedText } from '../micro-case/localized-text';

/**
 * The quality measures the library's cases serve, computed by us from FHIR R4 data. Each is
 * simpler than the official specification and says how (`simplification`, shown on screen as
 * "CMS122-like: …"). Pure functions: no I/O, no clock — the period is given.
 */

/** Ids as the cases name them in `qualityMeasures[].id`, so a credit links to its measures. */
export const MEASURE_IDS = ['CMS122', 'CMS165', 'CMS135', 'CMS144', 'CMS506', 'SEP-1'] as const;
export type MeasureId = (typeof MEASURE_IDS)[number];

/** Everything the measures read about one patient (from Bulk Data `$export` or paged search). */
export interface PatientRecord {
  patient: Patient;
  encounters: readonly Encounter[];
  conditions: readonly Condition[];
  observations: readonly Observation[];
  medicationRequests: readonly MedicationRequest[];
  medicationAdministrations: readonly MedicationAdministration[];
}

/** A half-open period [start, end). */
export interface MeasurePeriod {
  start: Date;
  end: Date;
}

export interface MeasureContext {
  /**
   * The clinician whose care is measured, as the EHR data references them: `Practitioner/{id}`.
   * A patient (patient-based measures) or an encounter (encounter-based) is attributed to the
   * clinician when an encounter in the period lists them in `Encounter.participant.individual`.
   */
  practitioner: string;
  period: MeasurePeriod;
}

/** One member of the denominator (after exclusions): a patient or an encounter. */
export interface MeasureEpisode {
  /** `Patient/{id}` for patient-based measures, `Encounter/{id}` for encounter-based ones. */
  subject: string;
  /** `Patient/{id}` in both cases. */
  patient: string;
  inNumerator: boolean;
  /** Plain words why, naming the value and date: "Latest HbA1c 9.4 % on 2026-05-02 > 9 %". */
  reason: string;
}

export interface Measure {
  id: MeasureId;
  /** Short on-screen name, e.g. "CMS122-like: HbA1c > 9 % (poor control)". */
  label: LocalizedText;
  /** How ours differs from the official specification, shown on screen beside the numbers. */
  simplification: LocalizedText;
  /** True for inverse measures (CMS122, CMS506): a lower rate is better care. */
  lowerIsBetter: boolean;
  basis: 'patient' | 'encounter';
  /** Denominator members for this clinician and period; an empty array when none. */
  evaluate(record: PatientRecord, context: MeasureContext): MeasureEpisode[];
}
