import type { CodeableConcept, Quantity } from 'fhir/r4';
import { cc, SYSTEM } from './codes';

const HL7 = 'http://terminology.hl7.org/CodeSystem';

/** A concept from an HL7 terminology code system (http://terminology.hl7.org/CodeSystem/<cs>). */
export function hl7(cs: string, code: string, display: string): CodeableConcept {
  return cc(display, { system: `${HL7}/${cs}`, code, display });
}

/** HL7 v3 ObservationInterpretation codes used by the personas. */
export const INTERPRETATION = {
  H: 'High',
  L: 'Low',
  N: 'Normal',
  HH: 'Critical high',
  LL: 'Critical low',
  A: 'Abnormal',
  POS: 'Positive',
  NEG: 'Negative',
} as const;

export type Interpretation = keyof typeof INTERPRETATION;

export function interpretation(flag: Interpretation): CodeableConcept[] {
  return [hl7('v3-ObservationInterpretation', flag, INTERPRETATION[flag])];
}

const UNIT_DISPLAY: Record<string, string> = { 'umol/L': 'µmol/L', '10*3/uL': '10³/µL' };

/** A UCUM quantity: `unit` is the UCUM code; the human unit differs only where UCUM is cryptic. */
export function quantity(value: number, unit: string): Quantity {
  return { value, unit: UNIT_DISPLAY[unit] ?? unit, system: SYSTEM.ucum, code: unit };
}
