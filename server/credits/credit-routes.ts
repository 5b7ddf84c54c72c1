import express, { Router } from 'express';
import { completionRequestSchema, type TranscriptResponse } from '../../core/wire/completion';
import type { Learner } from '../auth/session-routes';
import { isParticipation } from '../../core/credits/credit-policy';
import { AppError, invalidRequest } from '../http/app-error';
import { caseForRecord } from '../library/case-library';
import { renderCertificate } from './certificate';
import { creditOf, recordCompletion, type CompletionDeps } from './record-completion';

const isoDay = /^\d{4}-\d{2}-\d{2}$/;

/** Learner credit API; every route sits behind `requireSession`. */
export function creditRoutes(deps: CompletionDeps): Router {
  const routes = Router();
  routes.post('/completions', express.json({ limit: '64kb' }), async (req, res) => {
    const parsed = completionRequestSchema.safeParse(req.body);
    if (!parsed.success) throw invalidRequest(parsed.error);
    const learner = res.locals.learner as Learner;
    res.set('Cache-Control', 'no-store').json(await recordCompletion(deps, learner, parsed.data));
  });
  routes.get('/credits', async (req, res) => {
    const learner = res.locals.learner as Learner;
    const year = new Date().toISOString().slice(0, 4);
    const from = typeof req.query.from === 'string' ? req.query.from : `${year}-01-01`;
    const to = typeof req.query.to === 'string' ? req.query.to : `${year}-12-31`;
    if (!isoDay.test(from) || !isoDay.test(to)) {
      throw new AppError('REQUEST_INVALID', 400, 'from and to are dates like 2026-01-31', [
        isoDay.test(from) ? 'to' : 'from',
      ]);
    }
    const rows = await deps.ledger.listCredits(learner.tenant.id, learner.fhirUser, { from, to });
    const credits = rows.map(creditOf);
    // The total is AMA PRA credit; participation (other professions) is counted apart.
    const sum = (participation: boolean): number =>
      credits
        .filter((c) => isParticipation(c.creditType) === participation)
        .reduce((total, c) => total + c.amount, 0);
    const body: TranscriptResponse = {
      period: { from, to },
      total: sum(false),
      ...(sum(true) > 0 && { participationTotal: sum(true) }),
      credits,
    };
    res.set('Cache-Control', 'no-store').json(body);
  });
  routes.get('/credits/:id', async (req, res) => {
    const learner = res.locals.learner as Learner;
    const row = await deps.ledger.findCredit(learner.tenant.id, learner.fhirUser, req.params.id);
    if (!row) throw new AppError('NOT_FOUND', 404, 'No such credit for you');
    res.set('Cache-Control', 'no-store').json({
      credit: creditOf(row),
      receipt: row.receipt,
      resources: JSON.parse(row.resources) as unknown,
    });
  });
  routes.get('/credits/:id/certificate', async (req, res) => {
    const learner = res.locals.learner as Learner;
    const row = await deps.ledger.findCredit(learner.tenant.id, learner.fhirUser, req.params.id);
    if (!row) throw new AppError('NOT_FOUND', 404, 'No such credit for you');
    const credit = creditOf(row);
    // The version credited, as it taught: a certificate outlives content updates.
    const microCase = caseForRecord(deps.library, credit.caseId, credit.caseVersion);
    const pdf = await renderCertificate({
      credit,
      caseTitle: microCase?.title.en ?? credit.caseId,
      learner: learner.fhirUser,
      provider: deps.settings.provider.display,
      unreviewedContent: (microCase?.disclosure.reviewers.length ?? 0) === 0,
    });
    res
      .type('application/pdf')
      .set('Content-Disposition', `inline; filename="chartside-${credit.id}.pdf"`)
      .set('Cache-Control', 'no-store')
      .send(pdf);
  });
  return routes;
}
