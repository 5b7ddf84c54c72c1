import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Identifier, Resource } from 'fhir/r4';
import {
  collectJson,
  collectNdjson,
  errorMessage,
  type CollectedEntry,
  type SkippedInput,
} from './collect-entries';
import { resolveReferences, type UnresolvedReferences } from './resolve-references';

export type { SkippedInput } from './collect-entries';
export type { UnresolvedReferences } from './resolve-references';

export interface FhirDirectorySummary {
  /** `*.json` and `*.ndjson` files read. */
  files: number;
  resources: number;
  byType: Record<string, number>;
  /** Entries not kept: the same `Type/id` again, or a conditional create that matched. */
  duplicates: number;
  referencesRewritten: number;
  unresolvedReferences: UnresolvedReferences;
  skipped: SkippedInput[];
}

export interface FhirDirectoryLoad {
  resources: Resource[];
  summary: FhirDirectorySummary;
}

const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;
const READ_AHEAD = 4;

/** Loads every FHIR resource under `dir` (Bundles of any type, single resources, NDJSON). */
export async function loadFhirDirectory(dir: string): Promise<Resource[]> {
  return (await loadFhirDirectoryWithSummary(dir)).resources;
}

/**
 * Loads `*.json` (a Bundle or one resource) and `*.ndjson` (one resource per line) files under
 * `dir` and its subfolders, gives every resource an id and rewrites references to `Type/id`
 * (FHIR R4 §2.1.0.3). Files that are not FHIR are listed in `summary.skipped`, never thrown.
 */
export async function loadFhirDirectoryWithSummary(dir: string): Promise<FhirDirectoryLoad> {
  const files = (await readdir(dir, { recursive: true }))
    .filter((name) => name.endsWith('.json') || name.endsWith('.ndjson'))
    .sort();
  const skipped: SkippedInput[] = [];
  const entries: CollectedEntry[] = [];
  // Read a few files ahead so disk reads overlap JSON parsing without holding every file at once.
  const reads: (Promise<string> | undefined)[] = [];
  const startRead = (i: number): void => {
    const file = files[i];
    if (file !== undefined) reads[i] = readFile(join(dir, file), 'utf8');
  };
  for (let i = 0; i < READ_AHEAD; i++) startRead(i);
  for (const [i, file] of files.entries()) {
    startRead(i + READ_AHEAD);
    let text: string;
    try {
      text = (await reads[i]) ?? '';
    } catch (error) {
      skipped.push({ file, error: errorMessage(error) });
      continue;
    } finally {
      reads[i] = undefined;
    }
    if (file.endsWith('.ndjson')) collectNdjson(text, file, entries, skipped);
    else collectJson(text, file, entries, skipped);
  }

  const { resources, duplicates, fullUrls } = keepEntries(entries, skipped);
  const resolution = resolveReferences(resources, fullUrls);
  const byType: Record<string, number> = {};
  for (const { resourceType } of resources) byType[resourceType] = (byType[resourceType] ?? 0) + 1;
  const summary: FhirDirectorySummary = {
    files: files.length,
    resources: resources.length,
    byType,
    duplicates,
    referencesRewritten: resolution.rewritten,
    unresolvedReferences: resolution.unresolved,
    skipped,
  };
  return { resources, summary };
}

/**
 * Assigns ids and keeps the first resource per `Type/id`. Like a server processing the bundles in
 * file order, a conditional create (`ifNoneExist: identifier=…`) that matches a resource already
 * kept is not kept again: its fullUrl points at the existing one (FHIR R4 §3.1.0.8).
 */
function keepEntries(entries: CollectedEntry[], skipped: SkippedInput[]) {
  const kept = new Map<string, Resource>();
  const fullUrls = new Map<string, string>();
  const identifiers = new Map<string, string>();
  let duplicates = 0;
  for (const entry of entries) {
    const { resource } = entry;
    if (resource.id !== undefined && !FHIR_ID.test(resource.id)) {
      skipped.push({ file: entry.origin, error: `invalid id "${resource.id}"` });
      continue;
    }
    resource.id ??= idFromFullUrl(entry.fullUrl, resource.resourceType) ?? deterministicId(entry);
    const existing = entry.ifNoneExist
      ? identifiers.get(conditionKey(resource.resourceType, entry.ifNoneExist))
      : undefined;
    const key = existing ?? `${resource.resourceType}/${resource.id}`;
    if (entry.fullUrl) fullUrls.set(entry.fullUrl, key);
    if (kept.has(key)) {
      duplicates += 1;
      continue;
    }
    kept.set(key, resource);
    const list = (resource as { identifier?: Identifier | Identifier[] }).identifier;
    for (const { system, value } of Array.isArray(list) ? list : list ? [list] : []) {
      const condition = `identifier=${system ?? ''}|${value ?? ''}`;
      identifiers.set(conditionKey(resource.resourceType, condition), key);
    }
  }
  return { resources: [...kept.values()], duplicates, fullUrls };
}

function conditionKey(resourceType: string, condition: string): string {
  let decoded = condition;
  try {
    decoded = decodeURIComponent(condition);
  } catch {
    // Not percent-encoded after all: compare it as written.
  }
  return `${resourceType}?${decoded}`;
}

function idFromFullUrl(fullUrl: string | undefined, resourceType: string): string | undefined {
  if (!fullUrl) return undefined;
  const uuid = /^urn:uuid:([A-Za-z0-9\-.]{1,64})$/.exec(fullUrl)?.[1];
  if (uuid) return uuid;
  const pattern = new RegExp(`(?:^|/)${resourceType}/([A-Za-z0-9\\-.]{1,64})(?:/_history/[^/]+)?$`);
  return pattern.exec(fullUrl)?.[1];
}

/** Same directory, same ids: a hash of where the resource was found, shaped like a UUID. */
function deterministicId(entry: CollectedEntry): string {
  const hex = createHash('sha256').update(entry.origin).digest('hex');
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    hex.slice(12, 16),
    hex.slice(16, 20),
    hex.slice(20, 32),
  ].join('-');
}
