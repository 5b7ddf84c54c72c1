import express, { Router } from 'express';
import type { LearnerProfile } from '../../core/learner/learner-profile';
import { variantForMastery } from '../../core/learner/pick-variant';
import {
  profileUpdateSchema,
  reviewRequestSchema,
  type DueReviewsResponse,
  type LearnerHistoryResponse,
  type PointStatesResponse,
  type ProfileResponse,
  type ProfileUpdate,
} from '../../core/wire/learner';
import type { Learner } from '../auth/session-routes';
import { clinicianHistory } from '../cds-hooks/clinician-history';
import { CdsFeedbackStore } from '../cds-hooks/feedback-store';
import { invalidRequest } from '../http/app-error';
import type { LedgerStore } from '../credits/ledger-store';
import type { CaseLibrary } from '../library/case-library';
import type { Database } from '../store/database';
import { exportLearnerData, learnerKey, resetLearnerData } from './learner-data';
import { ProfileStore } from './profile-store';
import { answerReview, dueReviewsFor } from './review-answers';
import type { ReviewStore } from './review-store';

export interface LearnerRoutesDeps {
  db: Database;
  reviews: ReviewStore;
  ledger: LedgerStore;
  library: CaseLibrary;
}

/**
 * The stored profile for an update: the consent keeps its time unless the learner changed it
 * (ACCME Standard 2: we can show when permission to report was given or withdrawn).
 */
function applyUpdate(current: LearnerProfile, update: ProfileUpdate, now: Date): LearnerProfile {
  const { consentToReport, ...fields } = update;
  const unchanged = (current.reportingConsent?.given ?? false) === consentToReport;
  const consent = unchanged
    ? current.reportingConsent
    : { given: consentToReport, at: now.toISOString() };
  return { ...fields, ...(consent && { reportingConsent: consent }) };
}

/** The learner's own profile and spaced review (issue 9); every route sits behind `requireSession`. */
export function learnerRoutes(deps: LearnerRoutesDeps): Router {
  const routes = Router();
  const profiles = new ProfileStore(deps.db);
  const now = (): Date => new Date();
  const learnerOf = (res: express.Response): Learner => res.locals.learner as Learner;
  routes.get('/profile', async (_req, res) => {
    const body: ProfileResponse = await profiles.get(learnerKey(learnerOf(res)));
    res.set('Cache-Control', 'no-store').json(body);
  });
  routes.put('/profile', express.json({ limit: '16kb' }), async (req, res) => {
    const parsed = profileUpdateSchema.safeParse(req.body);
    if (!parsed.success) throw invalidRequest(parsed.error);
    const key = learnerKey(learnerOf(res));
    const at = now();
    const { profile } = await profiles.get(key);
    const body: ProfileResponse = await profiles.put(
      key,
      applyUpdate(profile, parsed.data, at),
      at,
    );
    res.set('Cache-Control', 'no-store').json(body);
  });
  routes.get('/profile/export', async (_req, res) => {
    const data = await exportLearnerData({ ...deps, profiles }, learnerOf(res), now());
    res
      .set('Cache-Control', 'no-store')
      .set('Content-Disposition', 'attachment; filename="chartside-my-data.json"')
      .json(data);
  });
  routes.delete('/profile', async (_req, res) => {
    const body = await resetLearnerData(deps.db, learnerKey(learnerOf(res)));
    res.set('Cache-Control', 'no-store').json(body);
  });
  routes.get('/reviews/due', async (_req, res) => {
    const body: DueReviewsResponse = { reviews: await dueReviewsFor(deps, learnerOf(res), now()) };
    res.set('Cache-Control', 'no-store').json(body);
  });
  const feedback = new CdsFeedbackStore(deps.db);
  routes.get('/history', async (_req, res) => {
    const learner = learnerOf(res);
    const who = { tenantId: learner.tenant.id, learner: learner.fhirUser };
    const body: LearnerHistoryResponse = {
      history: await clinicianHistory(deps.db, feedback, who, now()),
    };
    res.set('Cache-Control', 'no-store').json(body);
  });
  routes.get('/reviews/points', async (_req, res) => {
    const cards = await deps.reviews.cards(learnerKey(learnerOf(res)));
    const at = now();
    const body: PointStatesResponse = {
      points: cards.map((c) => ({
        teachingPoint: c.teachingPoint,
        lastCorrect: c.lastCorrect,
        lastAnsweredAt: c.lastAnsweredAt,
        due: c.card.due,
        variant: variantForMastery(c, at),
      })),
    };
    res.set('Cache-Control', 'no-store').json(body);
  });
  routes.post('/reviews', express.json({ limit: '4kb' }), async (req, res) => {
    const parsed = reviewRequestSchema.safeParse(req.body);
    if (!parsed.success) throw invalidRequest(parsed.error);
    const body = await answerReview(deps, learnerOf(res), parsed.data, now());
    res.set('Cache-Control', 'no-store').json(body);
  });
  return routes;
}
