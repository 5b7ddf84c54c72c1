import express from 'express';
import type { AddressInfo } from 'node:net';
import { expect, test } from 'vitest';
import { learnerOutcomesResponseSchema, SUPPRESSED } from '../../core/wire/outcomes';
import type { Learner } from '../auth/session-routes';
import { createLogger } from '../http/logger';
import { renderError } from '../http/render-error';
import { forEachStore } from '../store/test-stores';
import type { Tenant } from '../tenants/tenant-store';
import { OutcomeStore } from './outcome-store';
import { outcomeRoutes } from './outcome-routes';
import {
  ADA,
  BEN,
  comparison,
  library,
  measures,
  run,
  TENANT,
  windows,
} from './test-support/dashboard-fixtures';

/** The route behind a stand-in for requireSession: the test names who is signed in. */
async function serve(outcomes: OutcomeStore) {
  const app = express();
  app.use((req, res, next) => {
    const [tenantId = '', fhirUser = ''] = (req.get('x-test-learner') ?? '').split(' ');
    res.locals.learner = { fhirUser, tenant: { id: tenantId } as Tenant } satisfies Learner;
    next();
  });
  app.use('/api', outcomeRoutes({ outcomes, library, measures, windows }));
  app.use(renderError(createLogger('silent')));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/outcomes`;
  return {
    as: async (tenantId: string, learner: string) => {
      const response = await fetch(url, {
        headers: { 'x-test-learner': `${tenantId} ${learner}` },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
      return learnerOutcomesResponseSchema.parse(await response.json());
    },
    [Symbol.asyncDispose]: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      }),
  };
}

forEachStore('GET /api/outcomes', (store) => {
  test('a clinician sees their own comparisons with labels, case titles and intervals', async () => {
    const outcomes = new OutcomeStore(await store.open());
    await outcomes.replaceForTenant(run(), [
      comparison(),
      comparison({
        measureId: 'CMS165',
        counts: [
          [120, 200],
          [130, 190],
        ],
      }),
    ]);
    await using app = await serve(outcomes);

    const body = await app.as(TENANT, ADA);

    expect(body).toMatchObject({
      computedAt: '2026-11-26T14:00:00.000Z',
      population: { patients: 912, source: 'bulk' },
      windows: { beforeDays: 180, afterDays: 180 },
    });
    expect(body.measures.map((m) => [m.id, m.label.en, m.lowerIsBetter])).toEqual([
      ['CMS122', 'CMS122-like: HbA1c > 9 % (poor control)', true],
      ['CMS165', 'CMS165-like: blood pressure controlled (< 140/90)', false],
    ]);
    const [diabetes] = body.comparisons;
    expect(diabetes?.caseTitle.en).toBe(
      'Type 2 diabetes above goal on metformin: choosing the next agent',
    );
    expect(diabetes?.before).toMatchObject({ numerator: 81, denominator: 263 });
    expect(diabetes?.before.ciLow?.toFixed(4)).toBe('0.2553');
    expect(diabetes?.before.ciHigh?.toFixed(4)).toBe('0.3662');
    expect(diabetes?.after.rate).toBeCloseTo(52 / 240, 10);
  });

  test('learner B never sees learner A’s rows, and another tenant’s rows never appear', async () => {
    const outcomes = new OutcomeStore(await store.open());
    await outcomes.replaceForTenant(run(), [
      comparison({ creditId: 'ada-credit' }),
      comparison({ learner: BEN, creditId: 'ben-credit' }),
    ]);
    // The same fhirUser URL at another EHR is another person's record.
    await outcomes.replaceForTenant(run('tenant-b'), [
      comparison({ tenantId: 'tenant-b', creditId: 'other-ehr-credit' }),
    ]);
    await using app = await serve(outcomes);

    const credits = async (tenantId: string, learner: string) =>
      (await app.as(tenantId, learner)).comparisons.map((c) => c.creditId);
    expect(await credits(TENANT, ADA)).toEqual(['ada-credit']);
    expect(await credits(TENANT, BEN)).toEqual(['ben-credit']);
    expect(await credits('tenant-b', ADA)).toEqual(['other-ehr-credit']);
    expect(await credits('tenant-c', ADA)).toEqual([]);
  });

  test('small counts leave the server as "<11", never as numbers', async () => {
    const outcomes = new OutcomeStore(await store.open());
    await outcomes.replaceForTenant(run(), [
      comparison({
        counts: [
          [7, 150],
          [3, 9],
        ],
      }),
    ]);
    await using app = await serve(outcomes);

    const [row] = (await app.as(TENANT, ADA)).comparisons;

    expect(row?.before).toMatchObject({ numerator: SUPPRESSED, denominator: 150, rate: null });
    expect(row?.after).toMatchObject({
      numerator: SUPPRESSED,
      denominator: SUPPRESSED,
      ciLow: null,
      ciHigh: null,
    });
  });

  test('before the job has run: no time, no population, no comparisons, the configured windows', async () => {
    await using app = await serve(new OutcomeStore(await store.open()));

    expect(await app.as(TENANT, ADA)).toEqual({
      computedAt: null,
      population: null,
      windows: { beforeDays: 90, afterDays: 60 },
      measures: [],
      comparisons: [],
    });
  });
});
