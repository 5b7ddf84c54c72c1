import { Router, type Response } from 'express';
import type { Measure, MeasureId } from '../../core/measures/measure';
import { suppressWindow } from '../../core/outcomes/suppress';
import type {
  CreditComparison,
  LearnerOutcomesResponse,
  MeasureSummary,
} from '../../core/wire/outcomes';
import type { Learner } from '../auth/session-routes';
import { caseForRecord, type CaseLibrary } from '../library/case-library';
import type { OutcomeReader, OutcomeRun, StoredComparison } from './stored-comparison';

/** What the dashboards say about a measure; the rest of `Measure` (evaluate) is the job's. */
export type MeasureDescription = Pick<
  Measure,
  'id' | 'label' | 'simplification' | 'lowerIsBetter' | 'basis'
>;

export interface OutcomeViewDeps {
  outcomes: OutcomeReader;
  library: CaseLibrary;
  measures: readonly MeasureDescription[];
  /** The configured windows (OUTCOMES_BEFORE_DAYS / _AFTER_DAYS), shown before any run. */
  windows: LearnerOutcomesResponse['windows'];
}

/** The last run as the responses carry it: when, how far back and forward, from what. */
export function runSummary(
  run: OutcomeRun | undefined,
  configured: LearnerOutcomesResponse['windows'],
): Pick<LearnerOutcomesResponse, 'computedAt' | 'population' | 'windows'> {
  if (run === undefined) return { computedAt: null, population: null, windows: configured };
  return {
    computedAt: run.computedAt,
    population: { patients: run.patients, source: run.source },
    windows: { beforeDays: run.beforeDays, afterDays: run.afterDays },
  };
}

/**
 * A stored comparison as it may leave the server: counts suppressed (core/outcomes/suppress.ts)
 * and the case's title from the library — the exact version credited, else any version of it.
 * Undefined for a measure the app no longer describes (a row from an older release).
 */
export function presentComparison(
  row: StoredComparison,
  deps: Pick<OutcomeViewDeps, 'library' | 'measures'>,
): CreditComparison | undefined {
  if (!deps.measures.some((m) => m.id === row.measureId)) return undefined;
  const credited = caseForRecord(deps.library, row.caseId, row.caseVersion);
  return {
    creditId: row.creditId,
    caseId: row.caseId,
    caseTitle: credited?.title ?? { en: row.caseId, es: row.caseId },
    creditedAt: row.creditedAt,
    measureId: row.measureId,
    before: suppressWindow(row.before),
    after: suppressWindow(row.after),
  };
}

/** The measures the comparisons name, in the app's order, described for the screen. */
export function measureSummaries(
  measures: readonly MeasureDescription[],
  used: Iterable<MeasureId>,
): MeasureSummary[] {
  const ids = new Set(used);
  return measures
    .filter((m) => ids.has(m.id))
    .map(({ id, label, simplification, lowerIsBetter, basis }) => ({
      id,
      label,
      simplification,
      lowerIsBetter,
      basis,
    }));
}

/**
 * `GET /outcomes` (issue 8, "your learning and your measures"): the signed-in clinician's own
 * credits beside their rates before and after, never anyone else's. Mounted behind
 * `requireSession`, which names the learner and their tenant.
 */
export function outcomeRoutes(deps: OutcomeViewDeps): Router {
  const routes = Router();
  routes.get('/outcomes', async (_req, res: Response) => {
    const learner = res.locals.learner as Learner;
    const [rows, run] = await Promise.all([
      deps.outcomes.forLearner(learner.tenant.id, learner.fhirUser),
      deps.outcomes.lastRun(learner.tenant.id),
    ]);
    // The reader is asked for this learner only; the filter keeps that true whatever it returns.
    const own = rows.filter(
      (r) => r.tenantId === learner.tenant.id && r.learner === learner.fhirUser,
    );
    const comparisons = own.flatMap((row) => presentComparison(row, deps) ?? []);
    const body: LearnerOutcomesResponse = {
      ...runSummary(run, deps.windows),
      measures: measureSummaries(
        deps.measures,
        comparisons.map((c) => c.measureId),
      ),
      comparisons,
    };
    res.set('Cache-Control', 'no-store').json(body);
  });
  return routes;
}
