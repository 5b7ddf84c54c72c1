import {
  learnerProfileSchema,
  type ReportingIdentifiers,
} from '../../core/learner/learner-profile';
import { isParticipation } from '../../core/credits/credit-policy';
import type { ParsFormat, ParsSummary } from '../../core/wire/admin';
import type { Database } from '../store/database';
import type { ParsColumns, ParsField } from './pars-columns';

export interface ParsQuery {
  /** First and last credit day included (`YYYY-MM-DD`, the learner's local day). */
  from: string;
  to: string;
}

export interface ParsReport {
  summary: ParsSummary;
  rows: Record<ParsField, string>[];
}

type Reportable = Required<Pick<ReportingIdentifiers, 'firstName' | 'lastName'>> &
  ReportingIdentifiers & { birthMonth: number; birthDay: number };

/** The learner's identifiers when a board can match them: a name, board id or NPI, birth day. */
function reportable(reporting: ReportingIdentifiers): Reportable | undefined {
  const { firstName, lastName, birthMonth, birthDay, boardId, npi } = reporting;
  if (firstName === undefined || lastName === undefined) return undefined;
  if (birthMonth === undefined || birthDay === undefined) return undefined;
  if (boardId === undefined && npi === undefined) return undefined;
  return { ...reporting, firstName, lastName, birthMonth, birthDay };
}

/**
 * The awarded completions of a period as PARS learner data (DOMAIN.md "Continuing-education
 * credit"), from the ledger and the learners' profiles. Only physicians' credit (not the
 * participation of other professions) of learners whose profile says they consent to report is
 * listed (ACCME Standard 2); the others are counted, never named. No
 * patient, encounter or answer leaves: only who, when and what credit.
 */
export async function parsReport(db: Database, query: ParsQuery): Promise<ParsReport> {
  const credits = await db
    .selectFrom('ledger')
    .leftJoin('learner_profiles', (join) =>
      join
        .onRef('learner_profiles.tenant_id', '=', 'ledger.tenant_id')
        .onRef('learner_profiles.learner', '=', 'ledger.learner'),
    )
    .select([
      'ledger.case_id',
      'ledger.credit_day',
      'ledger.credit_type',
      'ledger.amount',
      'learner_profiles.profile',
      'learner_profiles.report_consent',
    ])
    .where('ledger.awarded', '=', 1)
    .where('ledger.credit_day', '>=', query.from)
    .where('ledger.credit_day', '<=', query.to)
    .orderBy('ledger.credit_day')
    .orderBy('ledger.seq')
    .execute();
  const summary: ParsSummary = {
    included: 0,
    noConsent: 0,
    missingIdentifiers: 0,
    participation: 0,
  };
  const rows: ParsReport['rows'] = [];
  for (const credit of credits) {
    // PARS learner credit data is physicians' CME credit; participation is not reported there.
    if (isParticipation(credit.credit_type)) {
      summary.participation += 1;
      continue;
    }
    const profile =
      credit.profile === null
        ? undefined
        : learnerProfileSchema.parse(JSON.parse(credit.profile) as unknown);
    // Both must agree: the indexed column and the consent stamped inside the profile.
    if (credit.report_consent !== 1 || profile?.reportingConsent?.given !== true) {
      summary.noConsent += 1;
      continue;
    }
    const learner = reportable(profile.reporting);
    if (learner === undefined) {
      summary.missingIdentifiers += 1;
      continue;
    }
    summary.included += 1;
    rows.push({
      boardId: learner.boardId ?? '',
      npi: learner.npi ?? '',
      firstName: learner.firstName,
      lastName: learner.lastName,
      birthMonth: String(learner.birthMonth),
      birthDay: String(learner.birthDay),
      completionDate: credit.credit_day,
      creditType: credit.credit_type,
      creditAmount: String(credit.amount),
      activityId: credit.case_id,
    });
  }
  return { summary, rows };
}

/** One CSV field (RFC 4180 §2): quoted when it holds a comma, a quote or a line break. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** One TSV field (IANA text/tab-separated-values): tabs and line breaks cannot occur in one. */
export function tsvField(value: string): string {
  return value.replace(/[\t\r\n]+/g, ' ');
}

/** The report as a file: a header line, then one line per completion, CRLF line ends. */
export function renderParsFile(
  rows: ParsReport['rows'],
  columns: ParsColumns,
  format: ParsFormat,
): string {
  const [field, separator] = format === 'csv' ? [csvField, ','] : [tsvField, '\t'];
  const line = (values: string[]): string => `${values.map(field).join(separator)}\r\n`;
  return (
    line(columns.map(([, header]) => header)) +
    rows.map((row) => line(columns.map(([name]) => row[name]))).join('')
  );
}
