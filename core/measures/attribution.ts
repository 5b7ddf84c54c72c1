import type { Encounter, Reference } from 'fhir/r4';
import { codingKeys } from '../matcher/patient-index';
import { ACUTE_CLASSES } from './measure-codes';
import type { MeasureContext, PatientRecord } from './measure';
import { inPeriod, instant } from './measure-values';

/**
 * A reference to `target` (`Type/id`), relative or absolute (`https://ehr/fhir/Type/id`): bulk
 * exports and paged searches may write either.
 */
export function refersTo(reference: Reference | undefined, target: string): boolean {
  const ref = reference?.reference;
  return ref !== undefined && (ref === target || ref.endsWith(`/${target}`));
}

const VOID_ENCOUNTER = new Set<Encounter['status']>(['entered-in-error', 'cancelled']);

/** The encounter lists the clinician as a participant and took place (not cancelled or void). */
export function isClinicianEncounter(encounter: Encounter, practitioner: string): boolean {
  return (
    !VOID_ENCOUNTER.has(encounter.status) &&
    (encounter.participant ?? []).some((p) => refersTo(p.individual, practitioner))
  );
}

/** Inpatient or emergency encounter (Encounter.class IMP or EMER, v3 ActCode). */
export const isAcuteEncounter = (encounter: Encounter): boolean =>
  codingKeys({ coding: [encounter.class] }).some((key) => ACUTE_CLASSES.has(key));

/**
 * The clinician's encounters whose `period.start` (or, for measures counted at discharge,
 * `period.end`) lies in the measure period [start, end). A patient-based measure needs one; an
 * encounter-based measure counts each.
 */
export function attributedEncounters(
  record: PatientRecord,
  context: MeasureContext,
  by: 'start' | 'end' = 'start',
): Encounter[] {
  return record.encounters.filter((encounter) => {
    const at = instant(by === 'start' ? encounter.period?.start : encounter.period?.end);
    return (
      at !== undefined &&
      inPeriod(at, context.period) &&
      isClinicianEncounter(encounter, context.practitioner)
    );
  });
}

/** `Patient/{id}` of the record, for episodes. */
export const patientRef = (record: PatientRecord): string => `Patient/${record.patient.id ?? ''}`;
