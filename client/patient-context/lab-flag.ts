import type { Observation, Quantity } from 'fhir/r4';

export type LabFlag = 'high' | 'low';

const HIGH_CODES = new Set(['H', 'HH', 'HU']);
const LOW_CODES = new Set(['L', 'LL', 'LU']);

/**
 * High or low against the result's own reference range (FHIR R4 Observation.referenceRange),
 * comparing only quantities in the same unit; without a usable range, the lab's interpretation
 * code (v3 ObservationInterpretation H/L) is used.
 */
export function labFlag(observation: Observation): LabFlag | undefined {
  const value = observation.valueQuantity;
  const range = observation.referenceRange?.[0];
  if (value?.value !== undefined && range !== undefined) {
    if (isBelow(value, range.low)) return 'low';
    if (isAbove(value, range.high)) return 'high';
    if (comparable(value, range.low) || comparable(value, range.high)) return undefined;
  }
  const codes = (observation.interpretation ?? []).flatMap((concept) =>
    (concept.coding ?? []).map((coding) => coding.code),
  );
  if (codes.some((code) => code !== undefined && HIGH_CODES.has(code))) return 'high';
  if (codes.some((code) => code !== undefined && LOW_CODES.has(code))) return 'low';
  return undefined;
}

function comparable(value: Quantity, bound: Quantity | undefined): bound is Quantity {
  if (bound?.value === undefined || value.value === undefined) return false;
  const valueUnit = value.code ?? value.unit;
  const boundUnit = bound.code ?? bound.unit;
  return valueUnit === undefined || boundUnit === undefined || valueUnit === boundUnit;
}

function isBelow(value: Quantity, low: Quantity | undefined): boolean {
  return comparable(value, low) && (value.value ?? 0) < (low.value ?? 0);
}

function isAbove(value: Quantity, high: Quantity | undefined): boolean {
  return comparable(value, high) && (value.value ?? 0) > (high.value ?? 0);
}
