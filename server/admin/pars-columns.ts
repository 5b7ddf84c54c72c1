import { z } from 'zod';

/**
 * The learner data a PARS upload takes for one completion (ACCME PARS learner data, DOMAIN.md
 * "Continuing-education credit"): who (board id or NPI, name, birth month and day), when, what
 * credit. Nothing about a patient.
 */
export const PARS_FIELDS = [
  'boardId',
  'npi',
  'firstName',
  'lastName',
  'birthMonth',
  'birthDay',
  'completionDate',
  'creditType',
  'creditAmount',
  'activityId',
] as const;
export type ParsField = (typeof PARS_FIELDS)[number];

/** Field → column header, in column order. */
export type ParsColumns = readonly (readonly [ParsField, string])[];

/** The columns when PARS_COLUMNS is unset (README "Report credit to the boards (PARS)"). */
export const DEFAULT_PARS_COLUMNS: ParsColumns = [
  ['boardId', 'Board ID'],
  ['npi', 'NPI'],
  ['firstName', 'First Name'],
  ['lastName', 'Last Name'],
  ['birthMonth', 'Birth Month'],
  ['birthDay', 'Birth Day'],
  ['completionDate', 'Completion Date'],
  ['creditType', 'Credit Type'],
  ['creditAmount', 'Credit Amount'],
  ['activityId', 'Activity ID'],
];

const header = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[^\t\r\n]+$/, 'one line, no tabs');

/**
 * PARS_COLUMNS: a JSON object `{"field": "Header", …}`; its key order is the column order and
 * fields left out are not exported. Unset: DEFAULT_PARS_COLUMNS.
 */
export const parsColumnsSchema = z
  .string()
  .optional()
  .transform((text, ctx): unknown => {
    if (text === undefined || text.trim() === '') return undefined;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'not JSON: give {"field": "Header", …}' });
      return z.NEVER;
    }
  })
  .pipe(
    z
      .partialRecord(z.enum(PARS_FIELDS), header)
      .refine((m) => Object.keys(m).length > 0, { error: 'name at least one column' })
      .optional(),
  )
  .transform((mapping): ParsColumns =>
    mapping === undefined
      ? DEFAULT_PARS_COLUMNS
      : // Key order is column order; the record's keys were checked against PARS_FIELDS.
        (Object.entries(mapping) as [ParsField, string][]),
  );
