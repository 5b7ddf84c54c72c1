import type { RequestHandler } from 'express';
import { z } from 'zod';
import { PARS_FORMATS, PARS_SUMMARY_HEADERS } from '../../core/wire/admin';
import { AppError, invalidRequest } from '../http/app-error';
import type { Database } from '../store/database';
import type { AuditStore } from './audit-store';
import type { ParsColumns } from './pars-columns';
import { parsReport, renderParsFile } from './pars-export';

/** A calendar day that exists: `2026-02-30` is refused, not rolled over to March. */
const calendarDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date (YYYY-MM-DD)')
  .refine(
    (day) => {
      const date = new Date(`${day}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(day);
    },
    { error: 'no such day' },
  );

const parsQuerySchema = z.object({
  from: calendarDay,
  to: calendarDay,
  format: z.enum(PARS_FORMATS).default('csv'),
});

const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8; header=present',
  tsv: 'text/tab-separated-values; charset=utf-8',
} as const;

/** The audit log's tenant for reports that span every EHR. */
export const ALL_TENANTS = '*';

/**
 * `GET /reports/pars`: the period's awarded completions of consenting learners as a PARS upload
 * file, counts of those left out in its headers; each export is written to the audit log.
 */
export function parsRoute(deps: {
  db: Database;
  audit: AuditStore;
  columns: ParsColumns;
}): RequestHandler {
  return async (req, res) => {
    const parsed = parsQuerySchema.safeParse(req.query);
    if (!parsed.success) throw invalidRequest(parsed.error);
    const { from, to, format } = parsed.data;
    if (from > to)
      throw new AppError('REQUEST_INVALID', 400, 'from must not be after to', ['from']);
    const { summary, rows } = await parsReport(deps.db, { from, to });
    await deps.audit.record({
      actor: res.locals.adminActor as string,
      action: 'report.exported',
      tenantId: ALL_TENANTS,
      iss: '',
      changes: {
        report: { to: 'pars' },
        period: { to: `${from}..${to}` },
        format: { to: format },
        included: { to: summary.included },
        leftOutNoConsent: { to: summary.noConsent },
        leftOutMissingIdentifiers: { to: summary.missingIdentifiers },
        leftOutParticipation: { to: summary.participation },
      },
    });
    res
      .set('Content-Type', CONTENT_TYPES[format])
      .set('Content-Disposition', `attachment; filename="pars-${from}-to-${to}.${format}"`)
      .set(PARS_SUMMARY_HEADERS.included, String(summary.included))
      .set(PARS_SUMMARY_HEADERS.noConsent, String(summary.noConsent))
      .set(PARS_SUMMARY_HEADERS.missingIdentifiers, String(summary.missingIdentifiers))
      .set(PARS_SUMMARY_HEADERS.participation, String(summary.participation))
      .send(renderParsFile(rows, deps.columns, format));
  };
}
