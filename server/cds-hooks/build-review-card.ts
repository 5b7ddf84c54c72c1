import type { CdsCard } from '../../core/cds-hooks/card';
import type { MicroCase } from '../../core/micro-case/micro-case-schema';
import { cardOverrideReasons, cardSource, clip, SUMMARY_MAX } from './build-card';

export interface ReviewCardInput {
  microCase: MicroCase;
  teachingPoint: string;
  hookInstance: string;
  uuid: string;
  publicUrl: string;
  /** The tenant's FHIR base: the absolute link relaunches from it. */
  tenantIss: string;
}

/** "6-min case: AKI — KDIGO …" → "AKI": what the case is about, as its card summary names it. */
function caseSubject(microCase: MicroCase): string {
  const head = microCase.cardSummary.en.split(' — ')[0] ?? microCase.title.en;
  return head.replace(/^\d+-min case:\s*/, '');
}

/** Summary for a refresher (CDS Hooks 2.0.1 §Card Attributes, < 140 characters). */
export function reviewSummary(microCase: MicroCase): string {
  const lead = '2-min refresher: ';
  const suffix = ' — due for review';
  return `${lead}${clip(caseSubject(microCase), SUMMARY_MAX - lead.length - suffix.length)}${suffix}`;
}

/**
 * A spaced-review card (issue 9; CDS Hooks 2.0.1 §Card Attributes, §Link): `info`, one question
 * on a teaching point the clinician learnt and FSRS says is due, offered only when this patient
 * matches the point's case. Its SMART link's `appContext` names the case and the point
 * (`review`), so the app opens that refresher; the absolute link opens the app, whose picker
 * lists the due refreshers, for EHRs that drop `appContext`. A refresher earns no credit.
 */
export function buildReviewCard(input: ReviewCardInput): CdsCard {
  const { microCase } = input;
  const appContext = JSON.stringify({
    caseId: microCase.id,
    version: microCase.version,
    hookInstance: input.hookInstance,
    cardUuid: input.uuid,
    review: input.teachingPoint,
  });
  return {
    uuid: input.uuid,
    summary: reviewSummary(microCase),
    detail: [
      `**Refresher from ${microCase.title.en}**`,
      '',
      'One question on a point you learnt before, due for spaced review now that this patient makes it relevant. Reviews earn no new credit.',
    ].join('\n'),
    indicator: 'info',
    source: cardSource(microCase),
    overrideReasons: cardOverrideReasons(),
    links: [
      {
        label: 'Open the 2-min refresher in Chartside',
        url: `${input.publicUrl}/launch`,
        type: 'smart',
        appContext,
      },
      {
        label: 'Open Chartside to see your due refreshers (if the app does not open)',
        url: `${input.publicUrl}/launch?iss=${encodeURIComponent(input.tenantIss)}`,
        type: 'absolute',
      },
    ],
  };
}
