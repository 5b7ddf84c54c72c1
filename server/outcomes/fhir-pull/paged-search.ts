import { z } from 'zod';
import { AppError } from '../../http/app-error';
import { onFhirOrigin } from './fhir-origin';
import { patientIdOf } from './group-by-patient';
import { discard, fhirGet, type EhrHttp } from './http';
import type { FhirResource } from './ndjson';

export interface SearchLimits {
  /** `_count` asked for each page (the server may give fewer). */
  pageSize: number;
  /** Pages followed per search at most: a server that links forever cannot keep the job forever. */
  maxPages: number;
  /** Patients read at the same time. */
  concurrency: number;
}

export interface PopulationSearch {
  iss: string;
  /** Patients with an encounter on or after this instant make up the population. */
  since: Date;
  /** Types besides Patient and Encounter to read per patient (those the EHR can search). */
  types: readonly string[];
  accessToken: () => Promise<string>;
  http: EhrHttp;
  limits: SearchLimits;
}

const bundleSchema = z.looseObject({
  resourceType: z.literal('Bundle'),
  link: z.array(z.looseObject({ relation: z.string(), url: z.string() })).optional(),
  entry: z
    .array(
      z.looseObject({
        resource: z.looseObject({ resourceType: z.string(), id: z.string().min(1) }).optional(),
      }),
    )
    .optional(),
});

function failed(message: string): AppError {
  return new AppError('FHIR_SEARCH_FAILED', 502, message);
}

async function getJson(search: PopulationSearch, url: URL, what: string): Promise<unknown> {
  const authorization = `Bearer ${await search.accessToken()}`;
  let response: Response;
  try {
    response = await fhirGet(search.http, url, { accept: 'application/fhir+json', authorization });
  } catch {
    throw failed(`The EHR did not answer the ${what}`);
  }
  if (response.status !== 200) {
    discard(response);
    throw failed(`The EHR refused the ${what} (HTTP ${response.status})`);
  }
  return response.json().catch(() => undefined);
}

/**
 * Every match of one search, page after page (FHIR R4 §3.1.1.5.5 paging: `next` links), each
 * page checked to be on the FHIR server's origin and within `maxPages`. Entries of other types
 * (an OperationOutcome, `_include`s) are left out.
 */
export async function searchAll(
  search: PopulationSearch,
  resourceType: string,
  params: Record<string, string>,
): Promise<FhirResource[]> {
  const url = new URL(`${search.iss}/${resourceType}`);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  url.searchParams.set('_count', String(search.limits.pageSize));
  const found: FhirResource[] = [];
  let next: URL | undefined = url;
  for (let page = 1; next !== undefined; page += 1) {
    if (page > search.limits.maxPages) {
      throw failed(`The ${resourceType} search has more than ${search.limits.maxPages} pages`);
    }
    const bundle = bundleSchema.safeParse(await getJson(search, next, `${resourceType} search`));
    if (!bundle.success) throw failed(`The ${resourceType} search did not return a Bundle`);
    for (const entry of bundle.data.entry ?? []) {
      if (entry.resource?.resourceType === resourceType) found.push(entry.resource);
    }
    const link = bundle.data.link?.find((candidate) => candidate.relation === 'next')?.url;
    next = link === undefined ? undefined : onFhirOrigin(link, search.iss, 'FHIR_LINK_OFF_ORIGIN');
  }
  return found;
}

/**
 * The population by plain FHIR search, for EHRs without `$export`: the patients with an
 * encounter since `since`, then each patient's record read with bounded concurrency.
 */
export async function searchPopulation(search: PopulationSearch): Promise<FhirResource[]> {
  const recent = await searchAll(search, 'Encounter', { date: `ge${search.since.toISOString()}` });
  const patientIds = new Set<string>();
  for (const encounter of recent) {
    const id = patientIdOf(encounter);
    if (id !== undefined) patientIds.add(id);
  }
  const resources: FhirResource[] = [];
  const queue = [...patientIds];
  const worker = async (): Promise<void> => {
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      resources.push(...(await readPatient(search, id)));
    }
  };
  await Promise.all(Array.from({ length: search.limits.concurrency }, worker));
  return resources;
}

async function readPatient(search: PopulationSearch, id: string): Promise<FhirResource[]> {
  const patient = await getJson(
    search,
    new URL(`${search.iss}/Patient/${encodeURIComponent(id)}`),
    'Patient read',
  );
  const parsed = z.looseObject({ resourceType: z.literal('Patient'), id: z.literal(id) });
  if (!parsed.safeParse(patient).success)
    throw failed('The Patient read did not return the patient');
  const records = [patient as FhirResource];
  for (const type of ['Encounter', ...search.types]) {
    records.push(...(await searchAll(search, type, { patient: `Patient/${id}` })));
  }
  return records;
}
