import type { Logger } from 'pino';
import type { PatientRecord } from '../../../core/measures/measure';
import type { AppKeys } from '../../auth/app-keys';
import { AppError } from '../../http/app-error';
import { BackendTokenClient, type BackendTenant } from './backend-token';
import { bulkExport, type BulkPolling } from './bulk-export';
import { readCapabilities } from './capabilities';
import { POPULATION_TYPES, PopulationGrouper, type PopulationCounts } from './group-by-patient';
import type { EhrHttp } from './http';
import { searchPopulation, type SearchLimits } from './paged-search';

export interface PullOptions {
  timeoutMs: number;
  polling: BulkPolling;
  search: SearchLimits;
  /** Use paged search even where `$export` is offered (to compare both, or to work around an EHR). */
  forceSearch: boolean;
}

export const DEFAULT_PULL_OPTIONS: PullOptions = {
  timeoutMs: 30_000,
  polling: { minDelayMs: 1_000, maxDelayMs: 120_000, deadlineMs: 60 * 60_000 },
  search: { pageSize: 200, maxPages: 500, concurrency: 4 },
  forceSearch: false,
};

export interface PulledPopulation {
  records: PatientRecord[];
  source: 'bulk' | 'search';
  counts: PopulationCounts;
  /** Record types the EHR does not offer (left empty in every record). */
  unavailableTypes: string[];
}

/**
 * The population of one EHR for the outcomes job: the patients with an encounter since `since`
 * and everything the measures read about them, by Bulk Data `$export` where the EHR offers it
 * and by paged FHIR search otherwise, with a SMART Backend Services token. Logs counts only.
 */
export async function pullPopulation(input: {
  tenant: BackendTenant;
  keys: AppKeys;
  since: Date;
  fetch?: typeof fetch;
  logger: Logger;
  options?: Partial<PullOptions>;
}): Promise<PulledPopulation> {
  const options = { ...DEFAULT_PULL_OPTIONS, ...input.options };
  const http: EhrHttp = { fetch: input.fetch ?? fetch, timeoutMs: options.timeoutMs };
  const iss = input.tenant.iss;
  const tokens = new BackendTokenClient(input.keys, http);
  const accessToken = (): Promise<string> => tokens.accessToken(input.tenant);
  const started = performance.now();
  await accessToken();
  const capabilities = await readCapabilities(http, iss);
  const bulk = capabilities.systemExport && !options.forceSearch;
  const offered = bulk ? capabilities.types : capabilities.searchable;
  for (const required of ['Patient', 'Encounter']) {
    if (!offered.has(required)) {
      throw new AppError(
        'EHR_MISCONFIGURED',
        502,
        `The EHR does not offer ${required} ${bulk ? 'in $export' : 'search'}`,
      );
    }
  }
  const types = POPULATION_TYPES.filter((type) => offered.has(type));
  const grouper = new PopulationGrouper();
  if (bulk) {
    const resources = bulkExport({
      iss,
      types,
      accessToken,
      http,
      polling: options.polling,
      ...(input.tenant.backendServices?.fileOrigins && {
        fileOrigins: input.tenant.backendServices.fileOrigins,
      }),
      onMessages: ({ warning, information }) => {
        if (warning + information > 0)
          input.logger.info({ warning, information }, 'the export reported messages');
      },
    });
    for await (const resource of resources) grouper.add(resource);
  } else {
    const perPatient = types.filter((type) => type !== 'Patient' && type !== 'Encounter');
    const resources = await searchPopulation({
      iss,
      since: input.since,
      types: perPatient,
      accessToken,
      http,
      limits: options.search,
    });
    for (const resource of resources) grouper.add(resource);
  }
  const { records, counts } = grouper.finish(input.since);
  const unavailableTypes = POPULATION_TYPES.filter((type) => !offered.has(type));
  const source = bulk ? 'bulk' : 'search';
  input.logger.info(
    { source, ...counts, unavailableTypes, ms: Math.round(performance.now() - started) },
    'population pulled',
  );
  return { records, source, counts, unavailableTypes };
}
