import type { CodeableConcept } from 'fhir/r4';
import type { ClinicianId } from './staff';
import type { Ago } from './time';

export interface PatientSpec {
  given: string[];
  family: string;
  gender: 'male' | 'female';
  age: number;
  /** Days since the last birthday (0–364): keeps the age fixed whenever the sandbox starts. */
  birthdayDaysAgo: number;
  mrn: string;
}

export interface EncounterSpec {
  class: 'EMER' | 'IMP' | 'AMB';
  type: CodeableConcept;
  start: Ago;
  /** Absent for the open (in-progress) encounter. */
  end?: Ago;
  reason: CodeableConcept;
  clinician: ClinicianId;
}

export interface ConditionSpec {
  onset: Ago;
  status?: 'active' | 'resolved' | 'inactive';
  abated?: Ago;
  /** An encounter diagnosis (linked to the encounter open at onset) rather than a problem. */
  diagnosis?: boolean;
}

export interface MedSpec {
  dosage: string;
  authored: Ago;
  status?: 'active' | 'stopped' | 'completed';
  category?: 'inpatient' | 'outpatient' | 'community';
  clinician?: ClinicianId;
  reason?: string;
}
