import { createHash } from 'node:crypto';
import type { MicroCase } from '../../core/micro-case/micro-case-schema';
import {
  completionRequestSchema,
  type CompletionRequest,
  type Credit,
} from '../../core/wire/completion';
import type { VerifiedEncounter } from '../credits/read-encounter';
import {
  creditOf,
  recordProvenCompletion,
  type CompletionDeps,
} from '../credits/record-completion';
import { AppError } from '../http/app-error';
import type { Tenant } from '../tenants/tenant-store';

const DAY_MS = 86_400_000;

/** One entry of the sandbox panel's learning table (launch/sandbox/panel/panel-learning.ts). */
export interface DemoLearning {
  clinicianId: string;
  caseId: string;
  daysAgo: number;
  encounterId: string;
}

/** The encounter read from the EHR, and the patient it belongs to. */
export type EncounterProof = (
  encounterId: string,
) => Promise<{ encounter: VerifiedEncounter; patientId: string }>;

export interface DemoCreditsResult {
  /** Credits recorded by this call. */
  recorded: number;
  /** Credits a previous call had recorded already. */
  existing: number;
  credits: Credit[];
}

/**
 * The sandbox panel's demo credits: each clinician of the learning table completes the case
 * `daysAgo` days back at the generated encounter, with the case's correct answers and a
 * reflection, through the real completion path (grading, credit policy, FHIR resources,
 * Provenance, hash chain, receipt) — so the outcomes dashboards have a before and an after.
 * Synthetic data on a sandbox only; the attempt ids are derived from tenant, clinician and case,
 * so a rerun returns the credits already recorded.
 */
export async function seedDemoCredits(input: {
  tenant: Tenant;
  learning: readonly DemoLearning[];
  deps: Omit<CompletionDeps, 'clock'>;
  proveEncounter: EncounterProof;
  now?: Date;
}): Promise<DemoCreditsResult> {
  const { tenant, deps } = input;
  // The registration `npm start` makes for the local sandbox (server/tenants/register-tenants.ts).
  if (tenant.vendor !== 'smart-sandbox')
    throw new Error(`Demo credits are for the sandbox EHR only, not ${tenant.iss}`);
  const now = input.now ?? new Date();
  const result: DemoCreditsResult = { recorded: 0, existing: 0, credits: [] };
  for (const entry of input.learning) {
    const learner = { fhirUser: `${tenant.iss}/Practitioner/${entry.clinicianId}`, tenant };
    const attemptId = demoAttemptId(tenant.id, entry.clinicianId, entry.caseId);
    const microCase = latestCase(deps.library.cases, entry.caseId);
    const previous = await deps.ledger.findAttempt(tenant.id, learner.fhirUser, attemptId);
    if (previous) {
      result.existing += 1;
      result.credits.push(creditOf(previous));
      continue;
    }
    const { encounter, patientId } = await input.proveEncounter(entry.encounterId);
    const recordedAt = new Date(now.getTime() - entry.daysAgo * DAY_MS);
    // Parsed as the completion route parses a request body.
    const request: CompletionRequest = completionRequestSchema.parse({
      attemptId,
      caseId: microCase.id,
      caseVersion: microCase.version,
      patient: patientId,
      encounter: `Encounter/${entry.encounterId}`,
      answers: microCase.questions.map((q) => ({
        questionId: q.id,
        optionId: q.options.find((o) => o.correct)?.id ?? '',
      })),
      reflection: {
        clinicalQuestion: microCase.clinicalQuestion.en,
        sourcesConsulted: microCase.citations.slice(0, 1).map((c) => c.id),
        applicationToPractice:
          'Sandbox demo credit for the generated panel: synthetic, not a clinician’s reflection.',
      },
      startedAt: new Date(recordedAt.getTime() - 6 * 60_000).toISOString(),
      finishedAt: new Date(recordedAt.getTime() - 60_000).toISOString(),
      // Never read: the encounter is proven by `proveEncounter`, and no clinician token exists.
      fhirAccessToken: 'sandbox-demo-credit',
    });
    const response = await recordProvenCompletion(
      { ...deps, clock: () => recordedAt },
      learner,
      request,
      () => Promise.resolve(encounter),
    );
    result.recorded += 1;
    result.credits.push(response.credit);
  }
  return result;
}

/** A UUID (version 8, RFC 9562) derived from tenant, clinician and case: the same on a rerun. */
export function demoAttemptId(tenantId: string, clinicianId: string, caseId: string): string {
  const hex = createHash('sha256')
    .update(`chartside-demo-credit\n${tenantId}\n${clinicianId}\n${caseId}`)
    .digest('hex');
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function latestCase(cases: readonly MicroCase[], caseId: string): MicroCase {
  const versions = cases.filter((c) => c.id === caseId);
  const latest = versions.sort((a, b) =>
    b.version.localeCompare(a.version, 'en', { numeric: true }),
  )[0];
  if (!latest) throw new AppError('CASE_UNKNOWN', 422, `No case ${caseId} in the library`);
  return latest;
}
