/** Chartside's CDS Hooks services (DESIGN.md §3); the sandbox EHR and tests call them by these ids. */
export const CDS_SERVICE_IDS = {
  patientView: 'chartside-patient-view',
  encounterStart: 'chartside-encounter-start',
  orderSelect: 'chartside-order-select',
} as const;

export type CdsServiceId = (typeof CDS_SERVICE_IDS)[keyof typeof CDS_SERVICE_IDS];

/** Our override reasons (CDS Hooks 2.0.1 §Reasons for rejecting a card). */
export const OVERRIDE_REASON_SYSTEM = 'https://chartside.dev/fhir/CodeSystem/cds-override-reason';

export const OVERRIDE_REASONS = [
  { code: 'not-relevant', display: 'Not relevant to this patient' },
  { code: 'already-known', display: 'Already know this' },
  { code: 'no-time', display: 'No time now' },
] as const;

/** Card topics (`source.topic`): one code per library topic, in this system. */
export const CARD_TOPIC_SYSTEM = 'https://chartside.dev/fhir/CodeSystem/topic';
