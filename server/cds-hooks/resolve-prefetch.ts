import type {
  Bundle,
  Condition,
  Encounter,
  MedicationRequest,
  Observation,
  Patient,
  Resource,
} from 'fhir/r4';
import type { FhirAuthorization } from '../../core/cds-hooks/service-request';
import type { PatientContext } from '../../core/patient-context';
import { fetchFhirRead, fetchFhirSearch } from './fetch-fhir';
import { CdsPrefetchError } from './prefetch-error';
import { PREFETCH_TEMPLATES, renderTemplate, type PrefetchKey } from './prefetch-templates';

export type ChartContext = Pick<
  PatientContext,
  'patient' | 'encounter' | 'conditions' | 'observations' | 'medications'
>;

export interface PrefetchInput {
  context: { patientId: string; encounterId?: string | undefined };
  prefetch: Readonly<Record<string, unknown>> | undefined;
  fhirServer: string | undefined;
  fhirAuthorization: FhirAuthorization | undefined;
}

type Slot = { found: true; resources: Resource[]; next?: string } | { found: false };

const READ_TYPE: Partial<Record<PrefetchKey, string>> = {
  patient: 'Patient',
  encounter: 'Encounter',
};
const SEARCH_TYPE: Partial<Record<PrefetchKey, string>> = {
  conditions: 'Condition',
  labs: 'Observation',
  vitals: 'Observation',
  imaging: 'Observation',
  medications: 'MedicationRequest',
};

/**
 * Reads the chart from the request's prefetch as it arrives in practice (CDS Hooks 2.0.1
 * §Prefetch Template): a key may be missing (the EHR could not fetch it), `null` (no data), an
 * OperationOutcome (an error in place of data), or a Bundle with OperationOutcome entries or a
 * `next` page. What is missing is fetched from `fhirServer` with `fhirAuthorization`; without
 * it the call fails with CdsPrefetchError. Resources of another patient are dropped.
 */
export async function resolvePrefetch(input: PrefetchInput): Promise<ChartContext> {
  const { patientId } = input.context;
  const keys = (Object.keys(PREFETCH_TEMPLATES) as PrefetchKey[]).filter(
    (key) => key !== 'encounter' || input.context.encounterId !== undefined,
  );
  const slots = new Map(keys.map((key) => [key, readSlot(key, input.prefetch?.[key])]));
  const missing = keys.filter((key) => !slots.get(key)?.found);
  const auth = input.fhirAuthorization;
  const server = input.fhirServer;
  if (missing.length > 0 && (auth === undefined || server === undefined))
    throw new CdsPrefetchError(missing);

  const resources = new Map<PrefetchKey, Resource[]>();
  const fetchKey = async (key: PrefetchKey, token: string, base: string): Promise<Resource[]> => {
    const slot = slots.get(key);
    const url = slot?.found ? slot.next : renderTemplate(PREFETCH_TEMPLATES[key], input.context);
    if (url === undefined) return [];
    const type = READ_TYPE[key];
    if (type !== undefined) {
      const resource = await fetchFhirRead(base, url, token);
      return resource?.resourceType === type ? [resource] : [];
    }
    const fetched = await fetchFhirSearch(base, url, token);
    const first = slot?.found ? slot.resources : [];
    return [...first, ...fetched.filter((r) => r.resourceType === SEARCH_TYPE[key])];
  };
  await Promise.all(
    keys.map(async (key) => {
      const slot = slots.get(key);
      if (slot?.found && (slot.next === undefined || !auth || !server)) {
        resources.set(key, slot.resources);
      } else if (auth && server) {
        try {
          resources.set(key, await fetchKey(key, auth.access_token, server));
        } catch (error) {
          throw error instanceof CdsPrefetchError ? new CdsPrefetchError([key]) : error;
        }
      }
    }),
  );

  const owned = <T extends Resource>(key: PrefetchKey): T[] =>
    (resources.get(key) ?? []).filter((r) => belongsTo(r, patientId)) as T[];
  const patient = (resources.get('patient') ?? []).find(
    (r): r is Patient => r.resourceType === 'Patient' && r.id === patientId,
  );
  const encounter = owned<Encounter>('encounter').find((e) => e.id === input.context.encounterId);
  return {
    patient: patient ?? { resourceType: 'Patient', id: patientId },
    ...(encounter && { encounter }),
    conditions: owned<Condition>('conditions'),
    observations: [
      ...owned<Observation>('labs'),
      ...owned<Observation>('vitals'),
      ...owned<Observation>('imaging'),
    ],
    medications: owned<MedicationRequest>('medications'),
  };
}

function readSlot(key: PrefetchKey, value: unknown): Slot {
  if (value === null) return { found: true, resources: [] };
  if (typeof value !== 'object') return { found: false };
  const resource = value as Resource;
  const readType = READ_TYPE[key];
  if (readType !== undefined) {
    if (resource.resourceType === readType) return { found: true, resources: [resource] };
    // Some clients answer a read template with a searchset holding the one resource.
    const inBundle =
      resource.resourceType === 'Bundle'
        ? (resource as Bundle).entry?.find((e) => e.resource?.resourceType === readType)?.resource
        : undefined;
    return inBundle ? { found: true, resources: [inBundle] } : { found: false };
  }
  if (resource.resourceType !== 'Bundle') return { found: false };
  const bundle = resource as Bundle;
  const matches = (bundle.entry ?? []).flatMap((entry) =>
    entry.resource &&
    entry.resource.resourceType === SEARCH_TYPE[key] &&
    (entry.search?.mode === undefined || entry.search.mode === 'match')
      ? [entry.resource]
      : [],
  );
  const next = bundle.link?.find((link) => link.relation === 'next')?.url;
  return { found: true, resources: matches, ...(next !== undefined && { next }) };
}

function belongsTo(resource: Resource, patientId: string): boolean {
  if (resource.resourceType === 'Patient') return resource.id === patientId;
  const subject = (resource as { subject?: { reference?: string } }).subject?.reference;
  return subject === `Patient/${patientId}` || subject?.endsWith(`/Patient/${patientId}`) === true;
}
