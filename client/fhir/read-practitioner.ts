import type { CodeableConcept, HumanName, Practitioner, PractitionerRole } from 'fhir/r4';
import type Client from 'fhirclient/lib/Client';
import {
  LEARNER_PROFESSIONS,
  LEARNER_SPECIALTIES,
  type LearnerProfession,
  type LearnerSpecialty,
} from '../../core/learner/learner-profile';
import { isValidNpi } from '../../core/learner/npi';
import { specialtyOfCodings } from '../../core/learner/specialty-codes';
import { readLaunchContext } from './read-launch-context';
import { readResource } from './read-resource';
import { searchResources } from './search-resources';

/** The US NPI identifier system (US Core Practitioner). */
export const NPI_SYSTEM = 'http://hl7.org/fhir/sid/us-npi';

/** What the EHR says about the learner, to prefill their profile; every field may be missing. */
export interface PractitionerPrefill {
  firstName?: string;
  lastName?: string;
  npi?: string;
  /** From PractitionerRole, only when the launch was granted it. */
  profession?: LearnerProfession;
  specialty?: LearnerSpecialty;
}

/** `Practitioner/{id}` of the fhirUser claim, only when it names this FHIR server. */
export function practitionerIdOf(
  fhirUser: string | undefined,
  serverUrl: string,
): string | undefined {
  if (fhirUser === undefined) return undefined;
  const base = serverUrl.replace(/\/*$/, '/');
  const relative = fhirUser.startsWith(base) ? fhirUser.slice(base.length) : fhirUser;
  return /^Practitioner\/([A-Za-z0-9\-.]{1,64})$/.exec(relative)?.[1];
}

/** SMART scopes (v1 `.read`, v2 with `s`) that allow searching PractitionerRole. */
export function allowsPractitionerRoleSearch(scopes: readonly string[]): boolean {
  return scopes.some((scope) =>
    /^(user|system)\/(PractitionerRole|\*)\.(read|\*|c?r?u?d?s)$/.test(scope),
  );
}

const normalized = (text: string): string =>
  text
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');

/**
 * A concept whose text or display is one of our slugs spelled out ("Internal medicine",
 * "Nurse practitioner"). Only specialties have a code table (NUCC, core/learner/specialty-codes.ts).
 */
function slugOf<T extends string>(concepts: CodeableConcept[], slugs: readonly T[]): T | undefined {
  for (const concept of concepts) {
    const words = [concept.text, ...(concept.coding ?? []).map((c) => c.display)];
    for (const word of words) {
      const match = word === undefined ? undefined : slugs.find((s) => s === normalized(word));
      if (match !== undefined && match !== 'other') return match;
    }
  }
  return undefined;
}

function nameOf(
  names: HumanName[] | undefined,
): Pick<PractitionerPrefill, 'firstName' | 'lastName'> {
  const name = names?.find((n) => n.use === 'official') ?? names?.[0];
  const first = name?.given?.[0]?.trim();
  const last = name?.family?.trim();
  return { ...(first ? { firstName: first } : {}), ...(last ? { lastName: last } : {}) };
}

const quietly = <T>(read: Promise<T>): Promise<T | undefined> =>
  read.then(
    (value) => value,
    () => undefined,
  );

/**
 * Reads the learner's Practitioner (name, NPI) and, when the launch's scope allows, their
 * PractitionerRole (profession, specialty). Never fails: what cannot be read (401/403/404,
 * network) is simply not prefilled and the learner chooses.
 */
export async function readPractitionerPrefill(client: Client): Promise<PractitionerPrefill> {
  const context = await quietly(Promise.resolve().then(() => readLaunchContext(client)));
  const id = practitionerIdOf(context?.fhirUser, client.state.serverUrl);
  if (id === undefined) return {};
  const practitioner = await quietly(readResource<Practitioner>(client, 'Practitioner', id));
  const npi = practitioner?.identifier?.find((i) => i.system === NPI_SYSTEM)?.value?.trim();
  const prefill: PractitionerPrefill = {
    ...nameOf(practitioner?.name),
    ...(npi !== undefined && isValidNpi(npi) ? { npi } : {}),
  };
  if (!allowsPractitionerRoleSearch(context?.grantedScopes ?? [])) return prefill;
  const roles = await quietly(
    searchResources<PractitionerRole>(
      client,
      'PractitionerRole',
      `practitioner=${encodeURIComponent(id)}`,
      { maxPages: 1, maxResources: 20 },
    ),
  );
  const active = (roles ?? []).filter((role) => role.active !== false);
  const profession = slugOf(
    active.flatMap((r) => r.code ?? []),
    LEARNER_PROFESSIONS,
  );
  const specialties = active.flatMap((r) => r.specialty ?? []);
  // A NUCC taxonomy code first (what US EHRs send), else the written name.
  const specialty =
    specialtyOfCodings(specialties.flatMap((concept) => concept.coding ?? [])) ??
    slugOf(specialties, LEARNER_SPECIALTIES);
  return {
    ...prefill,
    ...(profession === undefined ? {} : { profession }),
    ...(specialty === undefined ? {} : { specialty }),
  };
}
