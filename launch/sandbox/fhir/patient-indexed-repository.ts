import {
  getSearchParameter,
  matchesSearchRequest,
  Operator,
  type SearchRequest,
  type WithId,
} from '@medplum/core';
import { MemoryRepository } from '@medplum/fhir-router';
import type { Bundle, Resource } from '@medplum/fhirtypes';

/**
 * The in-memory FHIR repository with an index from `subject` to resources, because
 * MemoryRepository.search scans (and evaluates FHIRPath on) every resource of the type: with the
 * generated panel's ~20,000 resources a chart's `Observation?subject=…` went from ~20 ms to
 * ~200 ms. Searches that filter `subject` on one Patient read only that patient's resources;
 * every other search, and any sorted one, is MemoryRepository's own.
 */
export class PatientIndexedRepository extends MemoryRepository {
  /** `Patient/{id}` → resourceType → ids. */
  private readonly bySubject = new Map<string, Map<string, Set<string>>>();
  /** `Type/id` → the subject it is indexed under. */
  private readonly subjectOf = new Map<string, string>();

  override async createResource<T extends Resource>(resource: T): Promise<WithId<T>> {
    const created = await super.createResource(resource);
    this.unindex(created.resourceType, created.id);
    const subject = (created as { subject?: { reference?: string } }).subject?.reference;
    if (subject?.startsWith('Patient/') === true) {
      const types = this.bySubject.get(subject) ?? new Map<string, Set<string>>();
      this.bySubject.set(subject, types);
      const ids = types.get(created.resourceType) ?? new Set<string>();
      types.set(created.resourceType, ids);
      ids.add(created.id);
      this.subjectOf.set(`${created.resourceType}/${created.id}`, subject);
    }
    return created;
  }

  override async deleteResource(resourceType: string, id: string): Promise<void> {
    await super.deleteResource(resourceType, id);
    this.unindex(resourceType, id);
  }

  override async search<T extends Resource>(request: SearchRequest<T>): Promise<Bundle<WithId<T>>> {
    const subject = indexedSubject(request);
    if (subject === undefined) return super.search(request);
    const ids = this.bySubject.get(subject)?.get(request.resourceType) ?? new Set<string>();
    const matches: WithId<T>[] = [];
    for (const id of ids) {
      const resource = await this.readResource<WithId<T>>(request.resourceType, id);
      if (matchesSearchRequest(resource, request)) matches.push(resource);
    }
    const offset = request.offset ?? 0;
    const page = matches.slice(
      offset,
      request.count === undefined ? undefined : offset + request.count,
    );
    return {
      resourceType: 'Bundle',
      type: 'searchset',
      ...(page.length > 0 ? { entry: page.map((resource) => ({ resource })) } : {}),
      total: matches.length,
    };
  }

  private unindex(resourceType: string, id: string): void {
    const key = `${resourceType}/${id}`;
    const subject = this.subjectOf.get(key);
    if (subject === undefined) return;
    this.bySubject.get(subject)?.get(resourceType)?.delete(id);
    this.subjectOf.delete(key);
  }
}

/**
 * The one Patient a search is confined to, when the index can answer it exactly: an unsorted
 * search with `subject=Patient/{id}` where the type's `subject` parameter is plain `<Type>.subject`.
 */
function indexedSubject(request: SearchRequest): string | undefined {
  if (request.sortRules !== undefined && request.sortRules.length > 0) return undefined;
  const filter = request.filters?.find(
    (f) => f.code === 'subject' && f.operator === Operator.EQUALS,
  );
  if (filter === undefined || !/^Patient\/[^,]+$/.test(filter.value)) return undefined;
  const param = getSearchParameter(request.resourceType, 'subject');
  return param?.expression === `${request.resourceType}.subject` ? filter.value : undefined;
}
