import type { Observation } from 'fhir/r4';

/**
 * FHIR observation-category `laboratory` or `vital-signs`, matched on the code alone, as a
 * token search without a system matches it.
 */
export function hasCategory(observation: Observation, category: 'laboratory' | 'vital-signs') {
  return (observation.category ?? []).some((concept) =>
    (concept.coding ?? []).some((coding) => coding.code === category),
  );
}
