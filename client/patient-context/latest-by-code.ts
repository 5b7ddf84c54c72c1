import type { Observation } from 'fhir/r4';
import { conceptKey } from './codeable-text';
import { compareNewestFirst } from './observation-time';

/** The newest observation of each test (by code), newest first. */
export function latestByCode(observations: readonly Observation[]): Observation[] {
  const latest = new Map<string, Observation>();
  for (const observation of [...observations].sort(compareNewestFirst)) {
    const key = conceptKey(observation.code) ?? observation.id ?? String(latest.size);
    if (!latest.has(key)) latest.set(key, observation);
  }
  return [...latest.values()];
}
