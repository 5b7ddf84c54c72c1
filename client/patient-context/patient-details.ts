import type { HumanName, Patient } from 'fhir/r4';
import { hasCode } from './codeable-text';

const IDENTIFIER_TYPE = 'http://terminology.hl7.org/CodeSystem/v2-0203';

/**
 * The name to show: `text` if the EHR wrote one, else first given name and family name, as
 * EHR banners (and the sandbox chart) show it; the official name is preferred.
 */
export function patientName(patient: Patient): string | undefined {
  const names = patient.name ?? [];
  const chosen = names.find((name) => name.use === 'official' && nameText(name)) ?? names[0];
  return chosen === undefined ? undefined : nameText(chosen);
}

function nameText(name: HumanName): string | undefined {
  const text = name.text ?? [name.given?.[0] ?? '', name.family ?? ''].join(' ');
  const trimmed = text.replace(/\s+/g, ' ').trim();
  return trimmed === '' ? undefined : trimmed;
}

/** The medical record number: an identifier typed `MR` (HL7 v2 table 0203). */
export function medicalRecordNumber(patient: Patient): string | undefined {
  return patient.identifier?.find(
    (identifier) => hasCode(identifier.type, IDENTIFIER_TYPE, 'MR') && identifier.value,
  )?.value;
}
