import type { AppKeys } from '../auth/app-keys';
import type { AppConfig } from '../config';
import type { LedgerStore } from '../credits/ledger-store';
import { AppError } from '../http/app-error';
import { ehrGet } from '../http/ehr-get';
import type { CaseLibrary } from '../library/case-library';
import type { TenantStore } from '../tenants/tenant-store';
import {
  seedDemoCredits,
  type DemoCreditsResult,
  type DemoLearning,
  type EncounterProof,
} from './demo-credits';
import { BackendTokenClient } from './fhir-pull/backend-token';

/**
 * Proves an encounter by reading it from the EHR with the app's Backend Services token (the
 * demo credits have no clinician session): it must exist and name its patient.
 */
export function encounterProofWithToken(
  iss: string,
  accessToken: () => Promise<string>,
): EncounterProof {
  return async (encounterId) => {
    const response = await ehrGet(
      `${iss}/Encounter/${encodeURIComponent(encounterId)}`,
      { authorization: `Bearer ${await accessToken()}`, accept: 'application/fhir+json' },
      { timeoutMs: 10_000, maxBytes: 1024 * 1024 },
    );
    const body = response.json as
      | {
          resourceType?: string;
          id?: string;
          subject?: { reference?: string };
          meta?: { versionId?: string };
        }
      | undefined;
    const patient = /^(?:.*\/)?Patient\/([A-Za-z0-9.-]{1,64})$/.exec(
      body?.subject?.reference ?? '',
    );
    if (
      response.status !== 200 ||
      body?.resourceType !== 'Encounter' ||
      body.id !== encounterId ||
      !patient?.[1]
    ) {
      throw new AppError(
        'ENCOUNTER_NOT_ACCESSIBLE',
        403,
        `The sandbox did not return Encounter/${encounterId}`,
      );
    }
    const versionId = body.meta?.versionId;
    return {
      patientId: patient[1],
      encounter: {
        id: encounterId,
        ...(versionId !== undefined && { versionId }),
        reference: `${iss}/Encounter/${encounterId}${versionId === undefined ? '' : `/_history/${versionId}`}`,
      },
    };
  };
}

/**
 * The demo credits where the app runs with the local sandbox (`npm start`, the test stack):
 * nothing when no sandbox is configured or SANDBOX_DEMO_CREDITS=off.
 */
export async function seedSandboxDemoCredits(input: {
  config: Pick<AppConfig, 'sandbox' | 'sandboxDemoCredits' | 'credit'>;
  tenants: TenantStore;
  ledger: LedgerStore;
  library: CaseLibrary;
  keys: AppKeys;
  learning: readonly DemoLearning[];
  fetch?: typeof fetch;
  now?: Date;
}): Promise<DemoCreditsResult | undefined> {
  const { config } = input;
  if (config.sandbox === undefined || !config.sandboxDemoCredits) return undefined;
  const tenant = await input.tenants.findByIss(`${config.sandbox.publicUrl}/fhir`);
  if (!tenant) throw new Error('The sandbox EHR is not registered yet: start the app server first');
  const tokens = new BackendTokenClient(input.keys, input.fetch && { fetch: input.fetch });
  return seedDemoCredits({
    tenant,
    learning: input.learning,
    deps: {
      ledger: input.ledger,
      library: input.library,
      keys: input.keys,
      settings: config.credit,
    },
    proveEncounter: encounterProofWithToken(tenant.iss, () => tokens.accessToken(tenant)),
    ...(input.now && { now: input.now }),
  });
}
