import type { BundleEntry, Resource } from 'fhir/r4';

type Dated = Record<string, unknown> & {
  effectivePeriod?: { start?: string };
  period?: { start?: string };
};

/** The clinically relevant date of a resource, as the R4 `date` search parameters define it. */
export function resourceDate(resource: Resource): string | undefined {
  const r = resource as unknown as Dated;
  const candidates = [
    r.effectiveDateTime,
    r.effectiveInstant,
    r.effectivePeriod?.start,
    r.onsetDateTime,
    r.recordedDate,
    r.authoredOn,
    r.period?.start,
    r.issued,
    r.date,
  ];
  return candidates.find((value): value is string => typeof value === 'string');
}

/**
 * Sorts search results by date in code. @medplum/fhir-router's in-memory `_sort=date` evaluates
 * the multi-type `date` expression per resource and takes seconds on a Synthea-sized patient.
 * Undated resources go last either way.
 */
export function sortByDate(entries: BundleEntry[], descending: boolean): BundleEntry[] {
  const keyed = entries.map((entry) => ({
    entry,
    time: entry.resource ? Date.parse(resourceDate(entry.resource) ?? '') : NaN,
  }));
  keyed.sort((a, b) => {
    if (Number.isNaN(a.time)) return Number.isNaN(b.time) ? 0 : 1;
    if (Number.isNaN(b.time)) return -1;
    return descending ? b.time - a.time : a.time - b.time;
  });
  return keyed.map(({ entry }) => entry);
}
