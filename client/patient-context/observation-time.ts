import type { Observation } from 'fhir/r4';

/** The clinically relevant time of an observation (effective[x], else issued), as written. */
export function observationTime(observation: Observation): string | undefined {
  return (
    observation.effectiveDateTime ??
    observation.effectiveInstant ??
    observation.effectivePeriod?.start ??
    observation.issued
  );
}

/** Newest first; observations without a time go last. */
export function compareNewestFirst(a: Observation, b: Observation): number {
  return timestampOf(b) - timestampOf(a);
}

function timestampOf(observation: Observation): number {
  const time = observationTime(observation);
  const parsed = time === undefined ? Number.NaN : Date.parse(time);
  return Number.isNaN(parsed) ? Number.NEGATIVE_INFINITY : parsed;
}
