import express from 'express';
import type { AddressInfo } from 'node:net';
import { expect, test } from 'vitest';
import { PARS_SUMMARY_HEADERS } from '../../core/wire/admin';
import { createLogger } from '../http/logger';
import { renderError } from '../http/render-error';
import type { Database } from '../store/database';
import { forEachStore } from '../store/test-stores';
import { AuditStore } from './audit-store';
import { DEFAULT_PARS_COLUMNS } from './pars-columns';
import { ALL_TENANTS, parsRoute } from './pars-route';
import { requireAdmin } from './require-admin';
import { awardedCredit, reportingProfile, saveProfile } from './test-support/pars-fixtures';

const TOKEN = 'an-admin-token-of-at-least-thirty-two-characters';
const ADMIN = { authorization: `Bearer ${TOKEN}`, 'x-admin-actor': 'Dana' };

async function serve(db: Database) {
  const app = express();
  const audit = new AuditStore(db);
  app.get('/pars', requireAdmin(TOKEN), parsRoute({ db, audit, columns: DEFAULT_PARS_COLUMNS }));
  app.use(renderError(createLogger('silent')));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/pars`;
  return {
    audit,
    get: (query: string, headers: Record<string, string> = ADMIN) =>
      fetch(`${url}?${query}`, { headers }),
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

forEachStore('PARS export route', (store) => {
  test('the file lists the consenting learner, counts the other, and the export is audited', async () => {
    const db = await store.open();
    await saveProfile(db, 'ada', reportingProfile(true));
    await saveProfile(db, 'ben', reportingProfile(false));
    await awardedCredit(db, { learner: 'ada', day: '2026-11-10' });
    await awardedCredit(db, { learner: 'ben', day: '2026-11-10' });
    await using app = await serve(db);

    const response = await app.get('from=2026-11-01&to=2026-11-30&format=tsv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/tab-separated-values/);
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="pars-2026-11-01-to-2026-11-30.tsv"',
    );
    expect(response.headers.get(PARS_SUMMARY_HEADERS.included)).toBe('1');
    expect(response.headers.get(PARS_SUMMARY_HEADERS.noConsent)).toBe('1');
    expect(response.headers.get(PARS_SUMMARY_HEADERS.participation)).toBe('0');
    const lines = (await response.text()).split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^ABIM-123\t1234567893\tAda\tLovelace\t3\t14\t2026-11-10\t/);
    expect(lines.join('\n')).not.toMatch(/Patient|Encounter/);

    const [entry] = await app.audit.list({ tenantId: ALL_TENANTS });
    expect(entry).toMatchObject({
      actor: 'api:Dana',
      action: 'report.exported',
      changes: {
        report: { to: 'pars' },
        period: { to: '2026-11-01..2026-11-30' },
        included: { to: 1 },
        leftOutNoConsent: { to: 1 },
      },
    });
  });

  test('CSV is the default format', async () => {
    await using app = await serve(await store.open());
    const response = await app.get('from=2026-11-01&to=2026-11-30');
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(await response.text()).toMatch(/^Board ID,NPI,First Name,Last Name,/);
  });

  test.each([
    ['to=2026-11-30', 'from'],
    ['from=2026-11-01', 'to'],
    ['from=11/01/2026&to=2026-11-30', 'from'],
    ['from=2026-02-30&to=2026-03-01', 'from'],
    ['from=2026-11-01&to=2026-11-30&format=xlsx', 'format'],
    ['from=2026-12-01&to=2026-11-30', 'from'],
  ])('%s is refused with REQUEST_INVALID naming %s', async (query, field) => {
    const db = await store.open();
    await using app = await serve(db);
    expect(await problemOf(await app.get(query))).toEqual([400, 'REQUEST_INVALID', field]);
    expect(await app.audit.list()).toEqual([]);
  });

  test('without the admin token nothing is exported and nothing audited', async () => {
    const db = await store.open();
    await using app = await serve(db);
    const response = await app.get('from=2026-11-01&to=2026-11-30', {});
    expect((await problemOf(response)).slice(0, 2)).toEqual([401, 'SESSION_INVALID']);
    expect(await app.audit.list()).toEqual([]);
  });
});
