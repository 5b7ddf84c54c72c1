import express from 'express';
import type { AddressInfo } from 'node:net';
import { expect, test } from 'vitest';
import { tenantRegistrationSchema } from '../../core/tenant';
import { adminOutcomesResponseSchema } from '../../core/wire/outcomes';
import { createLogger } from '../http/logger';
import { renderError } from '../http/render-error';
import { OutcomeStore } from '../outcomes/outcome-store';
import {
  ADA,
  BEN,
  comparison,
  library,
  measures,
  run,
  windows,
} from '../outcomes/test-support/dashboard-fixtures';
import type { Database } from '../store/database';
import { forEachStore } from '../store/test-stores';
import { TenantStore } from '../tenants/tenant-store';
import { AuditStore } from './audit-store';
import { csvCell, OUTCOMES_CSV_HEADER, outcomesReportRoutes } from './outcomes-report';
import { ALL_TENANTS } from './pars-route';
import { requireAdmin } from './require-admin';
import { reportingProfile, saveProfile } from './test-support/pars-fixtures';

const TOKEN = 'an-admin-token-of-at-least-thirty-two-characters';
const ADMIN = { authorization: `Bearer ${TOKEN}`, 'x-admin-actor': 'Dana' };

const registration = (iss: string, name: string) =>
  tenantRegistrationSchema.parse({ iss, name, clientId: 'chartside', scope: 'launch openid' });

/** Two EHRs with outcomes: Ada (named in her profile) and Ben at the first, Ada at the second. */
async function seed(db: Database) {
  const tenants = new TenantStore(db);
  const north = await tenants.upsert(registration('https://north.example.org/fhir', 'North'));
  const south = await tenants.upsert(registration('https://south.example.org/fhir', 'South'));
  const outcomes = new OutcomeStore(db);
  await outcomes.replaceForTenant(run(north.id), [
    comparison({ tenantId: north.id, creditId: 'ada-1' }),
    comparison({ tenantId: north.id, creditId: 'ada-1', measureId: 'CMS165' }),
    comparison({
      tenantId: north.id,
      learner: BEN,
      creditId: 'ben-1',
      counts: [
        [3, 40],
        [495, 500],
      ],
    }),
  ]);
  await outcomes.replaceForTenant(run(south.id), [
    comparison({ tenantId: south.id, creditId: 'south-1' }),
  ]);
  await saveProfile(db, ADA, reportingProfile(false), north.id);
  return { north, south, outcomes };
}

async function serve(db: Database, outcomes: OutcomeStore) {
  const app = express();
  const audit = new AuditStore(db);
  const tenants = new TenantStore(db);
  app.use(
    '/api/admin',
    requireAdmin(TOKEN),
    outcomesReportRoutes({ outcomes, library, measures, windows, db, tenants, audit }),
  );
  app.use(renderError(createLogger('silent')));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/admin`;
  return {
    audit,
    get: (path: string, headers: Record<string, string> = ADMIN) =>
      fetch(`${base}${path}`, { headers }),
    [Symbol.asyncDispose]: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      }),
  };
}

async function problemOf(response: Response): Promise<[number, unknown, unknown]> {
  const body = (await response.json()) as {
    issue: { details: { coding: { code: string }[] }; expression?: string[] }[];
  };
  const issue = body.issue[0];
  return [response.status, issue?.details.coding[0]?.code, issue?.expression?.[0]];
}

forEachStore('admin outcomes report', (store) => {
  test('every clinician’s rows, with names from profiles, filtered by EHR and measure', async () => {
    const db = await store.open();
    const { north, south, outcomes } = await seed(db);
    await using app = await serve(db, outcomes);

    const all = adminOutcomesResponseSchema.parse(await (await app.get('/outcomes')).json());
    expect(
      all.comparisons.map((c) => [c.tenantId, c.creditId, c.measureId, c.learnerName]),
    ).toEqual(
      expect.arrayContaining([
        [north.id, 'ada-1', 'CMS122', 'Ada Lovelace'],
        [north.id, 'ada-1', 'CMS165', 'Ada Lovelace'],
        [north.id, 'ben-1', 'CMS122', null],
        [south.id, 'south-1', 'CMS122', null],
      ]),
    );
    expect(all.comparisons).toHaveLength(4);

    const southOnly = await (await app.get(`/outcomes?tenant=${south.id}`)).json();
    expect(adminOutcomesResponseSchema.parse(southOnly).comparisons.map((c) => c.creditId)).toEqual(
      ['south-1'],
    );
    const bp = adminOutcomesResponseSchema.parse(
      await (await app.get(`/outcomes?tenant=${north.id}&measure=CMS165`)).json(),
    );
    expect(bp.comparisons.map((c) => [c.creditId, c.measureId])).toEqual([['ada-1', 'CMS165']]);
    expect(bp.measures.map((m) => m.id)).toEqual(['CMS165']);
    expect(bp.population).toEqual({ patients: 912, source: 'bulk' });
  });

  test('an unknown measure or EHR is refused with a stable code naming the parameter', async () => {
    const db = await store.open();
    const { outcomes } = await seed(db);
    await using app = await serve(db, outcomes);

    expect(await problemOf(await app.get('/outcomes?measure=CMS999'))).toEqual([
      400,
      'REQUEST_INVALID',
      'measure',
    ]);
    expect(await problemOf(await app.get('/outcomes?tenant=nope'))).toEqual([
      404,
      'TENANT_NOT_REGISTERED',
      'tenant',
    ]);
    expect(await problemOf(await app.get('/reports/outcomes.csv?measure=x'))).toEqual([
      400,
      'REQUEST_INVALID',
      'measure',
    ]);
    expect(await app.audit.list()).toEqual([]);
  });

  test('the CSV: RFC 4180, "<11" for hidden counts, no patient data, and the download audited', async () => {
    const db = await store.open();
    const { north, outcomes } = await seed(db);
    await using app = await serve(db, outcomes);

    const response = await app.get(`/reports/outcomes.csv?tenant=${north.id}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="chartside-outcomes.csv"',
    );
    const text = await response.text();
    expect(text.endsWith('\r\n')).toBe(true);
    const lines = text.split('\r\n').slice(0, -1);
    expect(lines[0]).toBe(OUTCOMES_CSV_HEADER.join(','));
    expect(lines[0]).toBe(
      'tenant,clinician,measure,case,credited at,before period,before numerator,before denominator,' +
        'before rate,before CI,after period,after numerator,after denominator,after rate,after CI',
    );
    expect(lines).toHaveLength(4);
    expect(lines).toContain(
      'North,Ada Lovelace,CMS122,Type 2 diabetes above goal on metformin: choosing the next agent,' +
        '2026-07-29T10:00:00.000Z,2026-01-30/2026-07-29,81,263,0.3080,0.2553 to 0.3662,' +
        '2026-07-29/2026-11-26,52,240,0.2167,0.1692 to 0.2730',
    );
    // Ben: 3 of 40 before, 495 of 500 after (5 who did not meet it) — both hidden.
    const ben = lines.find((line) => line.includes(BEN));
    expect(ben?.split(',').slice(6, 10)).toEqual(['<11', '40', '', '']);
    expect(ben?.split(',').slice(11, 15)).toEqual(['<11', '500', '', '']);
    expect(text).not.toMatch(/Patient|Encounter|495|,3,/);

    const [entry] = await app.audit.list({ tenantId: north.id });
    expect(entry).toMatchObject({
      actor: 'api:Dana',
      action: 'report.exported',
      iss: 'https://north.example.org/fhir',
      changes: { report: { to: 'outcomes' }, rows: { to: 3 } },
    });
  });

  test('a report of every EHR is audited under all tenants', async () => {
    const db = await store.open();
    const { outcomes } = await seed(db);
    await using app = await serve(db, outcomes);

    expect((await app.get('/reports/outcomes.csv?measure=CMS122')).status).toBe(200);

    expect(await app.audit.list({ tenantId: ALL_TENANTS })).toMatchObject([
      { action: 'report.exported', changes: { measure: { to: 'CMS122' }, rows: { to: 3 } } },
    ]);
  });

  test('without the admin token nothing is reported and nothing audited', async () => {
    const db = await store.open();
    const { outcomes } = await seed(db);
    await using app = await serve(db, outcomes);

    for (const path of ['/outcomes', '/reports/outcomes.csv'])
      expect((await problemOf(await app.get(path, {}))).slice(0, 2)).toEqual([
        401,
        'SESSION_INVALID',
      ]);
    expect(await app.audit.list()).toEqual([]);
  });

  test('a clinician id from the EHR cannot start a spreadsheet formula', async () => {
    const db = await store.open();
    const tenants = new TenantStore(db);
    const north = await tenants.upsert(registration('https://north.example.org/fhir', 'North'));
    const outcomes = new OutcomeStore(db);
    const attack = '=HYPERLINK("https://evil.example.org","open")';
    await outcomes.replaceForTenant(run(north.id), [
      comparison({ tenantId: north.id, learner: attack }),
    ]);
    await using app = await serve(db, outcomes);

    const [, row] = (await (await app.get('/reports/outcomes.csv')).text()).split('\r\n');

    expect(row).toMatch(
      /^North,"'=HYPERLINK\(""https:\/\/evil\.example\.org"",""open""\)",CMS122,/,
    );
  });
});

test.each([
  ['=1+1', "'=1+1"],
  ['+1', "'+1"],
  ['-2+3', "'-2+3"],
  ['@SUM(A1)', "'@SUM(A1)"],
  ['\tx', "'\tx"],
  ['Smith, Jo', '"Smith, Jo"'],
  ['say "hi"', '"say ""hi"""'],
  ['<11', '<11'],
  ['0.2553 to 0.3662', '0.2553 to 0.3662'],
])('csvCell(%j) is %j', (value, cell) => {
  expect(csvCell(value)).toBe(cell);
});
