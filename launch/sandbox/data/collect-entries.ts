import type { Bundle, Resource } from 'fhir/r4';

/** A file (or one line of an NDJSON file) that was not loaded, and why. */
export interface SkippedInput {
  file: string;
  error: string;
}

/** One resource found in a file, with what its Bundle entry said about it. */
export interface CollectedEntry {
  resource: Resource;
  fullUrl?: string;
  /** `Bundle.entry.request.ifNoneExist`: a conditional create (FHIR R4 §3.1.0.8). */
  ifNoneExist?: string;
  /** `file#entry` or `file:line`: where it came from, the seed of a deterministic id. */
  origin: string;
}

const RESOURCE_TYPE = /^[A-Z][A-Za-z]+$/;

/** Collects the resource or Bundle in a `.json` file; records why the file is skipped if not FHIR. */
export function collectJson(
  text: string,
  file: string,
  entries: CollectedEntry[],
  skipped: SkippedInput[],
): void {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    skipped.push({ file, error: `not valid JSON: ${errorMessage(error)}` });
    return;
  }
  const error = collect(value, file, entries);
  if (error) skipped.push({ file, error });
}

/** Collects one resource per line of an `.ndjson` file (FHIR Bulk Data format); bad lines are skipped. */
export function collectNdjson(
  text: string,
  file: string,
  entries: CollectedEntry[],
  skipped: SkippedInput[],
): void {
  for (const [i, line] of text.split('\n').entries()) {
    if (line.trim() === '') continue;
    const where = `${file}:${i + 1}`;
    try {
      const error = collect(JSON.parse(line), where, entries);
      if (error) skipped.push({ file: where, error });
    } catch (error) {
      skipped.push({ file: where, error: `not valid JSON: ${errorMessage(error)}` });
    }
  }
}

/** Adds the resource, or a Bundle's entries (recursively); returns why `value` is not FHIR. */
function collect(
  value: unknown,
  origin: string,
  entries: CollectedEntry[],
  context: Omit<CollectedEntry, 'resource' | 'origin'> = {},
): string | undefined {
  const resourceType = (value as { resourceType?: unknown } | null)?.resourceType;
  if (typeof resourceType !== 'string' || !RESOURCE_TYPE.test(resourceType)) {
    return 'not a FHIR resource or Bundle: no "resourceType"';
  }
  if (resourceType !== 'Bundle') {
    entries.push({ resource: value as Resource, origin, ...context });
    return undefined;
  }
  const errors: string[] = [];
  for (const [i, entry] of ((value as Bundle).entry ?? []).entries()) {
    // Entries without a resource (DELETE requests, responses) carry nothing to load.
    if (!entry.resource) continue;
    const error = collect(entry.resource, `${origin}#${i}`, entries, {
      ...(entry.fullUrl ? { fullUrl: entry.fullUrl } : {}),
      ...(entry.request?.ifNoneExist ? { ifNoneExist: entry.request.ifNoneExist } : {}),
    });
    if (error) errors.push(`entry ${i}: ${error}`);
  }
  return errors.length > 0 ? errors.join('; ') : undefined;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
