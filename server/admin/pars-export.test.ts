import { expect, test } from 'vitest';
import { forEachStore } from '../store/test-stores';
import { DEFAULT_PARS_COLUMNS, parsColumnsSchema } from './pars-columns';
import { csvField, parsReport, renderParsFile, tsvField } from './pars-export';
import { awardedCredit, reportingProfile, saveProfile } from './test-support/pars-fixtures';

const ADA = 'https://ehr.test/fhir/Practitioner/ada';
const BEN = 'https://ehr.test/fhir/Practitioner/ben';
const CY = 'https://ehr.test/fhir/Practitioner/cy';
const DEE = 'https://ehr.test/fhir/Practitioner/dee';

forEachStore('PARS report', (store) => {
  test('only consenting learners with full identifiers are listed; the others are counted', async () => {
    const db = await store.open();
    await saveProfile(db, ADA, reportingProfile(true));
    await saveProfile(db, BEN, reportingProfile(false, { first: 'Ben', last: 'Withheld' }));
    const { lastName, birthMonth, birthDay, npi, boardId } = reportingProfile(true).reporting;
    const noFirstName = { lastName, birthMonth, birthDay, npi, boardId };
    await saveProfile(db, CY, { ...reportingProfile(true), reporting: noFirstName });
    for (const learner of [ADA, BEN, CY, DEE])
      await awardedCredit(db, { learner, day: '2026-11-10' });
    await awardedCredit(db, { learner: ADA, day: '2026-11-11', awarded: false });
    await awardedCredit(db, { learner: ADA, day: '2026-12-01' });

    const report = await parsReport(db, { from: '2026-11-01', to: '2026-11-30' });
    expect(report.summary).toEqual({
      included: 1,
      noConsent: 2,
      missingIdentifiers: 1,
      participation: 0,
    });
    expect(report.rows).toEqual([
      {
        boardId: 'ABIM-123',
        npi: '1234567893',
        firstName: 'Ada',
        lastName: 'Lovelace',
        birthMonth: '3',
        birthDay: '14',
        completionDate: '2026-11-10',
        creditType: 'AMA PRA Category 1 Credit',
        creditAmount: '0.5',
        activityId: 'sepsis-hour-one',
      },
    ]);
    const file = renderParsFile(report.rows, DEFAULT_PARS_COLUMNS, 'csv');
    expect(file).not.toMatch(/Patient|Encounter|secret|Withheld/);
  });

  test('participation of other professions is counted, never listed: PARS reports physicians’ credit', async () => {
    const db = await store.open();
    await saveProfile(db, ADA, reportingProfile(true));
    await awardedCredit(db, { learner: ADA, day: '2026-11-10' });
    await awardedCredit(db, {
      learner: ADA,
      day: '2026-11-12',
      caseId: 'aki-kdigo-recognition',
      creditType: 'Participation in an AMA PRA Category 1 Credit activity',
    });
    const report = await parsReport(db, { from: '2026-11-01', to: '2026-11-30' });
    expect(report.summary).toMatchObject({ included: 1, participation: 1 });
    expect(report.rows.map((row) => row.activityId)).toEqual(['sepsis-hour-one']);
  });

  test('a profile whose consent column and stamped consent disagree is left out', async () => {
    const db = await store.open();
    await saveProfile(db, ADA, reportingProfile(true));
    await db.updateTable('learner_profiles').set({ report_consent: 0 }).execute();
    await awardedCredit(db, { learner: ADA, day: '2026-11-10' });
    const report = await parsReport(db, { from: '2026-11-10', to: '2026-11-10' });
    expect([report.summary.noConsent, report.rows]).toEqual([1, []]);
  });
});

test('a CSV field with a comma, a quote or a line break is quoted with doubled quotes (RFC 4180)', () => {
  expect(['plain', 'a,b', 'say "hi"', 'two\nlines', 'cr\rhere'].map(csvField)).toEqual([
    'plain',
    '"a,b"',
    '"say ""hi"""',
    '"two\nlines"',
    '"cr\rhere"',
  ]);
});

test('a TSV field loses its tabs and line breaks', () => {
  expect(tsvField('a\tb\r\nc')).toBe('a b c');
});

test('the file has a header line and CRLF line ends, in the configured columns and order', () => {
  const columns = parsColumnsSchema.parse('{"lastName":"Surname","boardId":"ABIM ID"}');
  const row = {
    ...Object.fromEntries(DEFAULT_PARS_COLUMNS.map(([f]) => [f, ''])),
    lastName: 'O\'Brien, "Jr"',
    boardId: 'B-1',
  } as Parameters<typeof renderParsFile>[0][number];
  expect(renderParsFile([row], columns, 'csv')).toBe(
    'Surname,ABIM ID\r\n"O\'Brien, ""Jr""",B-1\r\n',
  );
  expect(renderParsFile([row], columns, 'tsv')).toBe('Surname\tABIM ID\r\nO\'Brien, "Jr"\tB-1\r\n');
});

test('PARS_COLUMNS refuses unknown fields and text that is not JSON', () => {
  const problems = (text: string) =>
    parsColumnsSchema.safeParse(text).error?.issues.map((i) => i.message);
  expect(problems('{"ssn":"SSN"}')).toContain('Unrecognized key: "ssn"');
  expect(problems('{npi')).toEqual(['not JSON: give {"field": "Header", …}']);
  expect(parsColumnsSchema.parse(undefined)).toBe(DEFAULT_PARS_COLUMNS);
});
