import type { MedicationRequest } from 'fhir/r4';
import { z } from 'zod';
import type { CdsServiceResponse } from '../../core/cds-hooks/card';
import {
  cdsServiceRequestSchema,
  encounterStartContextSchema,
  orderSelectContextSchema,
  patientViewContextSchema,
  type HookContext,
} from '../../core/cds-hooks/service-request';
import type { CdsServiceId } from '../../core/cds-hooks/service-ids';
import { evaluateFhirPath } from '../../core/matcher/fhirpath-evaluator';
import { invalidRequest } from '../http/app-error';
import { AppError } from '../http/app-error';
import type { CaseLibrary } from '../library/case-library';
import type { ReviewStore } from '../learners/review-store';
import type { Database } from '../store/database';
import { buildCard } from './build-card';
import { buildReviewCard } from './build-review-card';
import { clinicianHistory } from './clinician-history';
import type { CdsFeedbackStore } from './feedback-store';
import type { IssuedCard, IssuedCardStore } from './issued-card-store';
import { resolvePrefetch } from './resolve-prefetch';
import { MAX_CARDS, selectCases, type SelectInput } from './select-cases';
import { selectReview } from './select-review';
import { CDS_SERVICES } from './services';
import type { TrustedCall } from './verify-cds-jwt';

export interface CdsHookDeps {
  library: CaseLibrary;
  valueSetCodes: SelectInput['valueSetCodes'];
  db: Database;
  cards: IssuedCardStore;
  feedback: CdsFeedbackStore;
  /** The clinicians' FSRS cards: a due point whose case fits this patient gets a refresher card. */
  reviews: ReviewStore;
  publicUrl: string;
  now?: () => Date;
}

const CONTEXT_SCHEMA = {
  'patient-view': patientViewContextSchema,
  'encounter-start': encounterStartContextSchema,
  'order-select': orderSelectContextSchema,
} as const;

/** Due points looked at per call: the longest overdue first, as the app's refresher lists them. */
const DUE_LIMIT = 20;

/** Cards go to clinicians; a patient or proxy viewing the record gets none. */
const CLINICIAN = /^(Practitioner|PractitionerRole)\//;

function parseContext(hook: keyof typeof CONTEXT_SCHEMA, context: unknown): HookContext {
  const parsed = CONTEXT_SCHEMA[hook].safeParse(context);
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0];
  throw new AppError('REQUEST_INVALID', 400, z.prettifyError(parsed.error), [
    ['context', ...(first?.path ?? []).map(String)].join('.'),
  ]);
}

/** Draft MedicationRequests count as active orders placed now (CDS Hooks Library order-select). */
function draftMedications(context: HookContext, now: Date): MedicationRequest[] {
  return (context.draftOrders?.entry ?? []).flatMap((entry) => {
    const resource = entry.resource as MedicationRequest | undefined;
    if (resource?.resourceType !== 'MedicationRequest' || resource.id === undefined) return [];
    return [
      {
        ...resource,
        status: 'active',
        authoredOn: resource.authoredOn ?? now.toISOString(),
        subject: { reference: `Patient/${context.patientId}` },
      },
    ];
  });
}

/**
 * Answers one hook call (CDS Hooks 2.0.1 §Calling a CDS Service): the chart from prefetch (or
 * the EHR's FHIR server), the app's matcher, at most two cards — new cases, or the best new case
 * and a due refresher this patient makes relevant — each recorded for feedback.
 */
export async function answerHook(
  serviceId: CdsServiceId,
  body: unknown,
  trusted: TrustedCall,
  deps: CdsHookDeps,
): Promise<CdsServiceResponse> {
  const parsed = cdsServiceRequestSchema.safeParse(body);
  if (!parsed.success) throw invalidRequest(parsed.error);
  const request = parsed.data;
  const { hook } = CDS_SERVICES[serviceId];
  if (request.hook !== hook)
    throw new AppError('REQUEST_INVALID', 400, `This service answers ${hook}`, ['hook']);
  const context = parseContext(hook as keyof typeof CONTEXT_SCHEMA, request.context);
  if (!CLINICIAN.test(context.userId)) return { cards: [] };

  const now = deps.now?.() ?? new Date();
  const who = { tenantId: trusted.tenant.id, learner: `${trusted.tenant.iss}/${context.userId}` };
  // order-select is about the order being signed: no refresher interrupts it.
  const reviewable = hook !== 'order-select';
  const [chart, history, due] = await Promise.all([
    resolvePrefetch({
      context,
      prefetch: request.prefetch,
      fhirServer: request.fhirServer,
      fhirAuthorization: request.fhirAuthorization,
    }),
    clinicianHistory(deps.db, deps.feedback, who, now),
    reviewable ? deps.reviews.cards(who, { dueBy: now, limit: DUE_LIMIT }) : [],
  ]);
  const select = {
    library: deps.library,
    valueSetCodes: deps.valueSetCodes,
    chart,
    history,
    now,
    fhirPath: evaluateFhirPath,
  };
  const suggestions = selectCases({
    ...select,
    ...(context.selections && {
      order: { drafts: draftMedications(context, now), selected: new Set(context.selections) },
    }),
  });
  const review = selectReview(
    select,
    due,
    new Set(suggestions.slice(0, MAX_CARDS - 1).map((s) => s.microCase.id)),
  );
  const issued: IssuedCard[] = [];
  const issue = (microCase: { id: string; version: string }): string => {
    const uuid = crypto.randomUUID();
    issued.push({
      uuid,
      ...who,
      serviceId,
      caseId: microCase.id,
      caseVersion: microCase.version,
      hookInstance: request.hookInstance,
      issuedAt: now.toISOString(),
    });
    return uuid;
  };
  // Precedence within MAX_CARDS: the best new case keeps the first card (a new point-of-care
  // cycle, the one that earns credit); a due refresher this patient makes relevant takes the
  // next, ahead of a second new case — it is what the clinician already began to learn.
  const cases = review ? suggestions.slice(0, MAX_CARDS - 1) : suggestions;
  const cards = cases.map(({ microCase, reasons }) => {
    const uuid = issue(microCase);
    return buildCard({
      microCase,
      reasons,
      hookInstance: request.hookInstance,
      uuid,
      publicUrl: deps.publicUrl,
      tenantIss: trusted.tenant.iss,
      now,
    });
  });
  if (review) {
    cards.push(
      buildReviewCard({
        ...review,
        hookInstance: request.hookInstance,
        uuid: issue(review.microCase),
        publicUrl: deps.publicUrl,
        tenantIss: trusted.tenant.iss,
      }),
    );
  }
  await deps.cards.record(issued);
  return { cards };
}
