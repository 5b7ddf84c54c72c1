import { creditTypeFor, decideCredit } from '../../core/credits/credit-policy';
import { gradeAttempt } from '../../core/credits/grade-attempt';
import {
  buildCompletionResponse,
  buildCreditAward,
  buildCreditProvenance,
  type CreditRecord,
} from '../../core/fhir/credit-resources';
import type { LearnerProfession } from '../../core/learner/learner-profile';
import type { MicroCase } from '../../core/micro-case/micro-case-schema';
import type { CompletionRequest, CompletionResponse, Credit } from '../../core/wire/completion';
import type { AppKeys } from '../auth/app-keys';
import type { Learner } from '../auth/session-routes';
import { AppError } from '../http/app-error';
import { requireCaseVersion, type CaseLibrary } from '../library/case-library';
import type { LedgerRow, LedgerStore } from './ledger-store';
import { readEncounter, type VerifiedEncounter } from './read-encounter';
import { signReceipt } from './receipt';

export interface CreditSettings {
  yearlyCap: number;
  allowUnreviewedContent: boolean;
  appVersion: string;
  provider: { reference: string; display: string };
}

export interface CompletionDeps {
  ledger: LedgerStore;
  library: CaseLibrary;
  keys: AppKeys;
  settings: CreditSettings;
  /** When the attempt is recorded; the current time unless given (the sandbox's demo credits). */
  clock?: () => Date;
  /**
   * The learner's profession from their profile, which decides AMA PRA credit (physicians) or
   * participation (other professions); without it, every learner's claim is a physician's.
   */
  professionOf?: (learner: Learner) => Promise<LearnerProfession | undefined>;
  /** Told of each recorded attempt once it is committed (spaced review rates its points). */
  onRecorded?: (attempt: {
    learner: Learner;
    microCase: MicroCase;
    attemptId: string;
    answers: CompletionRequest['answers'];
    recordedAt: Date;
  }) => Promise<void>;
}

export function creditOf(row: LedgerRow): Credit {
  return {
    id: row.id,
    attemptId: row.attempt_id,
    caseId: row.case_id,
    caseVersion: row.case_version,
    awarded: row.awarded === 1,
    amount: row.amount,
    creditType: row.credit_type,
    format: row.format as Credit['format'],
    denials: JSON.parse(row.denials) as string[],
    score: row.score,
    recordedAt: row.recorded_at,
    encounter: {
      reference: row.encounter,
      ...(row.encounter_version !== null && { versionId: row.encounter_version }),
    },
  };
}

/**
 * Records a finished attempt (DESIGN.md §4): a repeated attempt id returns what was recorded;
 * otherwise the encounter is proven with the clinician's token, the answers graded here, the
 * credit policy applied, and completion, award and Provenance written in one transaction.
 */
export function recordCompletion(
  deps: CompletionDeps,
  learner: Learner,
  request: CompletionRequest,
): Promise<CompletionResponse> {
  return recordProvenCompletion(deps, learner, request, () =>
    readEncounter(learner.tenant.iss, request.encounter, request.patient, request.fhirAccessToken),
  );
}

/**
 * `recordCompletion` with the encounter proven by `proveEncounter`, called only for an attempt
 * not recorded before. Only the sandbox's demo credits call it directly: they prove the encounter
 * with the app's own Backend Services access, as no clinician token exists for them.
 */
export async function recordProvenCompletion(
  deps: CompletionDeps,
  learner: Learner,
  request: CompletionRequest,
  proveEncounter: () => Promise<VerifiedEncounter>,
): Promise<CompletionResponse> {
  const previous = await deps.ledger.findAttempt(
    learner.tenant.id,
    learner.fhirUser,
    request.attemptId,
  );
  if (previous) return { credit: creditOf(previous), receipt: previous.receipt };
  const microCase = requireCaseVersion(deps.library, request.caseId, request.caseVersion);
  const grade = gradeAttempt(microCase, request.answers);
  if (grade.invalid.length > 0) {
    throw new AppError(
      'ANSWERS_INVALID',
      422,
      `Unanswered or unknown answers for: ${grade.invalid.join(', ')}`,
      ['answers'],
    );
  }
  const encounter = await proveEncounter();
  const profession = await deps.professionOf?.(learner);
  const recordedAt = deps.clock?.() ?? new Date();
  const day = recordedAt.toISOString().slice(0, 10);
  const row = await deps.ledger.append(
    {
      tenantId: learner.tenant.id,
      learner: learner.fhirUser,
      attemptId: request.attemptId,
      caseId: microCase.id,
      day,
      year: day.slice(0, 4),
    },
    (counts, prevHash) => {
      const decision = decideCredit({
        microCase,
        grade,
        reflection: request.reflection,
        ...counts,
        yearlyCap: deps.settings.yearlyCap,
        now: recordedAt,
        allowUnreviewedContent: deps.settings.allowUnreviewedContent,
        ...(profession !== undefined && { profession }),
      });
      const id = crypto.randomUUID();
      const record: CreditRecord = {
        completionId: crypto.randomUUID(),
        awardId: id,
        provenanceId: crypto.randomUUID(),
        caseId: microCase.id,
        caseVersion: microCase.version,
        learner: learner.fhirUser,
        encounter: encounter.reference,
        answers: request.answers,
        reflection: request.reflection,
        startedAt: request.startedAt,
        finishedAt: request.finishedAt,
        recordedAt: recordedAt.toISOString(),
        award: decision.awarded
          ? { amount: decision.amount, format: decision.format, creditType: decision.creditType }
          : undefined,
        appVersion: deps.settings.appVersion,
        provider: deps.settings.provider,
      };
      const completion = buildCompletionResponse(record);
      const award = record.award ? buildCreditAward({ ...record, award: record.award }) : undefined;
      const targets = [
        ...(award ? [`Basic/${award.id ?? ''}`] : []),
        `QuestionnaireResponse/${record.completionId}`,
      ];
      const provenance = buildCreditProvenance(record, targets);
      const entry = {
        id,
        tenant_id: learner.tenant.id,
        learner: learner.fhirUser,
        attempt_id: request.attemptId,
        case_id: microCase.id,
        case_version: microCase.version,
        encounter: encounter.reference,
        encounter_version: encounter.versionId ?? null,
        awarded: decision.awarded ? 1 : 0,
        amount: decision.awarded ? decision.amount : 0,
        format: microCase.credit.format,
        credit_type: decision.awarded ? decision.creditType : creditTypeFor(profession),
        denials: JSON.stringify(decision.awarded ? [] : decision.denials),
        score: grade.score,
        recorded_at: record.recordedAt,
        credit_day: day,
        resources: JSON.stringify([completion, ...(award ? [award] : []), provenance]),
        prev_hash: prevHash,
      };
      return {
        entry,
        receipt: (hash: string) =>
          signReceipt(
            deps.keys,
            creditOf({ ...entry, seq: 0, hash, receipt: '' }),
            learner.fhirUser,
            hash,
          ),
      };
    },
  );
  await deps.onRecorded?.({
    learner,
    microCase,
    attemptId: request.attemptId,
    answers: request.answers,
    recordedAt: new Date(row.recorded_at),
  });
  return { credit: creditOf(row), receipt: row.receipt };
}
