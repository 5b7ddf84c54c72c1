import type { Condition, Encounter, MedicationRequest, Observation, Patient } from 'fhir/r4';

/** What the EHR said about the launch in its token response (SMART App Launch 2.2 §2.0.7). */
export interface LaunchContext {
  /** `patient` from the token response: everything rendered must belong to this patient. */
  patientId: string;
  encounterId?: string;
  /** Show our own patient banner unless the EHR says `false`. */
  needPatientBanner: boolean;
  /** Raw `fhirUser` claim (absolute or relative to the FHIR base). */
  fhirUser?: string;
  /** `appContext` string as passed through from a CDS Hooks card, when the EHR supports it. */
  appContext?: string;
  /** Scopes actually granted (may be fewer than requested). */
  grantedScopes: string[];
}

/** The patient in context, read once per launch; the matcher and the UI both work from this. */
export interface PatientContext {
  launch: LaunchContext;
  patient: Patient;
  encounter?: Encounter;
  /** Active (clinical-status active/recurrence/relapse) conditions. */
  conditions: Condition[];
  /** Recent laboratory and vital-sign observations, newest first. */
  observations: Observation[];
  /** Active medication requests. */
  medications: MedicationRequest[];
  /** Resource types that could not be read (not granted, or the server refused), for an honest UI. */
  unavailable: string[];
}
