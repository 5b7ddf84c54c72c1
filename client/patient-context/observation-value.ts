import type { Observation, ObservationComponent, Quantity } from 'fhir/r4';
import type { FhirFormatters } from '../i18n/format-fhir';
import { hasCode } from './codeable-text';

const LOINC = 'http://loinc.org';
/** LOINC codes of the FHIR R4 vital-signs blood pressure profile (§8.1 vitalsigns). */
export const BLOOD_PRESSURE_PANEL = '85354-9';
const SYSTOLIC = '8480-6';
const DIASTOLIC = '8462-4';

/** UCUM codes that EHRs often send as the unit text, as clinicians write them. */
const UCUM_DISPLAY: Record<string, string> = {
  'mm[Hg]': 'mmHg',
  Cel: '°C',
  '[degF]': '°F',
  'kg/m2': 'kg/m²',
  '[lb_av]': 'lb',
  '[in_i]': 'in',
};

function unitText(quantity: Quantity): string | undefined {
  const unit = quantity.unit ?? quantity.code;
  return unit === undefined ? undefined : (UCUM_DISPLAY[unit] ?? unit);
}

export function isBloodPressure(observation: Observation): boolean {
  return hasCode(observation.code, LOINC, BLOOD_PRESSURE_PANEL);
}

/**
 * The result as a clinician writes it: "4.1 mmol/L", "128/82 mmHg" for a blood pressure
 * panel (from its systolic and diastolic components), or the coded/string value.
 */
export function observationValue(
  observation: Observation,
  format: FhirFormatters,
): string | undefined {
  if (isBloodPressure(observation)) return bloodPressure(observation, format);
  if (observation.valueQuantity !== undefined) {
    return quantity(observation.valueQuantity, format);
  }
  if (observation.valueInteger !== undefined) return format.number(observation.valueInteger);
  return (
    observation.valueString ??
    observation.valueCodeableConcept?.text ??
    observation.valueCodeableConcept?.coding?.find((coding) => coding.display)?.display
  );
}

function bloodPressure(observation: Observation, format: FhirFormatters): string | undefined {
  const systolic = componentQuantity(observation.component, SYSTOLIC);
  const diastolic = componentQuantity(observation.component, DIASTOLIC);
  if (systolic?.value === undefined || diastolic?.value === undefined) return undefined;
  const unit = unitText(systolic) ?? unitText(diastolic);
  const pair = `${format.number(systolic.value)}/${format.number(diastolic.value)}`;
  return unit === undefined ? pair : `${pair} ${unit}`;
}

function componentQuantity(
  components: readonly ObservationComponent[] | undefined,
  code: string,
): Quantity | undefined {
  return components?.find((component) => hasCode(component.code, LOINC, code))?.valueQuantity;
}

function quantity(value: Quantity, format: FhirFormatters): string | undefined {
  if (value.value === undefined) return undefined;
  const unit = unitText(value);
  const comparator = value.comparator ?? '';
  const number = `${comparator}${format.number(value.value)}`;
  return unit === undefined ? number : `${number} ${unit}`;
}
