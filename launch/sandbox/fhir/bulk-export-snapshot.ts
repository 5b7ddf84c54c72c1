import type { MemoryRepository } from '@medplum/fhir-router';
import type { Resource } from 'fhir/r4';
import { linkedPatientId } from './patient-compartment';

type SearchableType = Parameters<MemoryRepository['search']>[0]['resourceType'];

/** Which resources of the Patient compartment an export covers. */
export type PatientFilter =
  | { kind: 'none' }
  /** Patient/$export: every resource tied to some patient. */
  | { kind: 'all-patients' }
  /** Group/[id]/$export: resources of these patients only. */
  | { kind: 'members'; patientIds: ReadonlySet<string> };

export interface SnapshotRequest {
  types: readonly string[];
  /** Epoch ms: only resources whose meta.lastUpdated is at or after it. */
  since?: number;
  patients: PatientFilter;
  /** The most resources one NDJSON file holds. */
  fileLimit: number;
}

export interface ExportFile {
  type: string;
  /** Position among the files of its type, from 1. */
  part: number;
  count: number;
  /** The file's content: one resource per line, each line ending in `\n`. */
  ndjson: string;
}

export interface Snapshot {
  transactionTime: string;
  files: ExportFile[];
}

/**
 * Reads what an export returns and writes its NDJSON files (Bulk Data Access IG 2.0.0 §Response -
 * Complete Status: one type per file, split at `fileLimit`). Each type is read with one
 * unpaged MemoryRepository search: paging with `_count`/`_offset` would scan and copy every match
 * again for each page. Types are read one after another, yielding between them, so the sandbox
 * keeps answering; a resource written meanwhile may appear, and since `transactionTime` is taken
 * before the first read, the next `_since=transactionTime` export never misses it.
 */
export async function takeSnapshot(
  repo: MemoryRepository,
  request: SnapshotRequest,
  cancelled: () => boolean = () => false,
): Promise<Snapshot> {
  const transactionTime = new Date().toISOString();
  const files: ExportFile[] = [];
  for (const type of request.types) {
    if (cancelled()) break;
    const bundle = await repo.search({ resourceType: type as SearchableType });
    const lines: string[] = [];
    for (const entry of bundle.entry ?? []) {
      const resource = entry.resource as Resource | undefined;
      if (resource && included(resource, request)) lines.push(JSON.stringify(resource));
    }
    for (let at = 0; at < lines.length; at += request.fileLimit) {
      const part = lines.slice(at, at + request.fileLimit);
      files.push({
        type,
        part: at / request.fileLimit + 1,
        count: part.length,
        ndjson: `${part.join('\n')}\n`,
      });
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { transactionTime, files };
}

function included(resource: Resource, request: SnapshotRequest): boolean {
  if (request.since !== undefined) {
    const lastUpdated = Date.parse(resource.meta?.lastUpdated ?? '');
    // §_since: a resource without a last-updated time may be returned whatever `_since` says.
    if (!Number.isNaN(lastUpdated) && lastUpdated < request.since) return false;
  }
  const { patients } = request;
  if (patients.kind === 'none') return true;
  const patientId = linkedPatientId(resource);
  if (patientId === undefined) return false;
  return patients.kind === 'all-patients' || patients.patientIds.has(patientId);
}
