import type { Condition, Encounter, MedicationRequest, Observation, Patient } from 'fhir/r4';
import type Client from 'fhirclient/lib/Client';
import type { PatientContext } from '../../core/patient-context';
import { ChartsideError } from '../errors/chartside-error';
import { compareNewestFirst } from '../patient-context/observation-time';
import { classifyReadFailure, type ReadFailure } from './classify-read-failure';
import { assertOwnedByPatient } from './patient-ownership';
import { readLaunchContext } from './read-launch-context';
import { readResource } from './read-resource';
import { DEFAULT_SEARCH_LIMITS, searchResources, type SearchLimits } from './search-resources';

/** Observation categories read at launch: what the chart summary and the case triggers use. */
const OBSERVATION_CATEGORIES = ['laboratory', 'vital-signs', 'imaging'] as const;

export interface LoadPatientContextOptions {
  limits?: SearchLimits;
  /** Clock in milliseconds, for the token expiry check. */
  now?: () => number;
}

interface FailedRead {
  resourceType: string;
  failure: ReadFailure;
  reason: unknown;
}

/**
 * Reads the patient in context once per launch (SMART App Launch 2.2 §2.0.7): Patient,
 * Encounter, active Conditions, recent lab and vital-sign Observations and active
 * MedicationRequests, in parallel. Throws a ChartsideError (SESSION_EXPIRED, LAUNCH_MISSING,
 * PATIENT_MISMATCH, FHIR_UNAVAILABLE); a type the server refuses (403) is listed in
 * `unavailable` instead.
 */
export async function loadPatientContext(
  client: Client,
  options: LoadPatientContextOptions = {},
): Promise<PatientContext> {
  const launch = readLaunchContext(client);
  assertTokenUsable(client, (options.now ?? Date.now)());
  const limits = options.limits ?? DEFAULT_SEARCH_LIMITS;
  // The sandbox server (and the spec's examples) match reference searches as `Patient/{id}`.
  const patientParam = `patient=${encodeURIComponent(`Patient/${launch.patientId}`)}`;
  const count = `_count=50`;
  const { encounterId } = launch;

  const [patient, encounter, conditions, medications, ...observationsByCategory] =
    await Promise.allSettled([
      readResource<Patient>(client, 'Patient', launch.patientId),
      encounterId === undefined
        ? Promise.resolve(undefined)
        : readResource<Encounter>(client, 'Encounter', encounterId),
      searchResources<Condition>(
        client,
        'Condition',
        `${patientParam}&clinical-status=active,recurrence,relapse&${count}`,
        limits,
      ),
      searchResources<MedicationRequest>(
        client,
        'MedicationRequest',
        `${patientParam}&status=active&${count}`,
        limits,
      ),
      // One search per category so that many labs never crowd out the vitals or an echo's LVEF.
      ...OBSERVATION_CATEGORIES.map((category) =>
        searchResources<Observation>(
          client,
          'Observation',
          `${patientParam}&category=${category}&_sort=-date&${count}`,
          limits,
        ),
      ),
    ]);

  const failed: FailedRead[] = [];
  const valueOf = <T>(resourceType: string, result: PromiseSettledResult<T>, fallback: T): T => {
    if (result.status === 'fulfilled') return result.value;
    failed.push({
      resourceType,
      failure: classifyReadFailure(result.reason),
      reason: result.reason,
    });
    return fallback;
  };
  const context: PatientContext = {
    launch,
    patient: valueOf('Patient', patient, { resourceType: 'Patient', id: launch.patientId }),
    conditions: valueOf('Condition', conditions, []),
    observations: observationsByCategory
      .flatMap((result) => valueOf('Observation', result, []))
      .sort(compareNewestFirst),
    medications: valueOf('MedicationRequest', medications, []),
    unavailable: [],
  };
  const encounterResource = valueOf('Encounter', encounter, undefined);
  if (encounterResource !== undefined) context.encounter = encounterResource;

  // Safety first: data of another patient is never shown, whatever else went wrong.
  assertBelongsToLaunch(context, launch.encounterId, client.state.serverUrl);
  throwFirst(failed, 'session', 'SESSION_EXPIRED', 'The FHIR server no longer accepts the token');
  throwFirst(failed, 'unreachable', 'FHIR_UNAVAILABLE', 'The FHIR server could not be reached');
  context.unavailable = [...new Set(failed.map((read) => read.resourceType))];
  return context;
}

function assertBelongsToLaunch(
  context: PatientContext,
  encounterId: string | undefined,
  serverUrl: string,
): void {
  const { patient, encounter, launch } = context;
  if (patient.id !== launch.patientId) {
    throw new ChartsideError('PATIENT_MISMATCH', 'The Patient read is not the patient in context');
  }
  if (encounter !== undefined && encounter.id !== encounterId) {
    throw new ChartsideError('PATIENT_MISMATCH', 'The Encounter read is not the one in context');
  }
  assertOwnedByPatient(
    [
      ...(encounter === undefined ? [] : [encounter]),
      ...context.conditions,
      ...context.observations,
      ...context.medications,
    ],
    launch.patientId,
    serverUrl,
  );
}

function throwFirst(
  failed: readonly FailedRead[],
  failure: ReadFailure,
  code: 'SESSION_EXPIRED' | 'FHIR_UNAVAILABLE',
  message: string,
): void {
  const read = failed.find((candidate) => candidate.failure === failure);
  if (read !== undefined) {
    throw new ChartsideError(code, `${message} (${read.resourceType} read)`, {
      cause: read.reason,
    });
  }
}

/**
 * An access token past its expiry (fhirclient's `expiresAt`, from `expires_in`) ends the
 * session: the clinician relaunches from the chart, which also re-checks the patient in context.
 */
function assertTokenUsable(client: Client, nowMs: number): void {
  const { expiresAt } = client.state;
  if (expiresAt !== undefined && expiresAt <= nowMs / 1000) {
    throw new ChartsideError('SESSION_EXPIRED', 'The access token has expired');
  }
}
