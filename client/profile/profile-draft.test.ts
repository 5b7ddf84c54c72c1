import { expect, test } from 'vitest';
import { EMPTY_PROFILE } from '../../core/learner/learner-profile';
import { draftOf, isReportable, updateOf } from './profile-draft';

test('what the learner saved wins over what the EHR says', () => {
  const draft = draftOf(
    {
      profession: 'nurse-practitioner',
      gaps: ['copd'],
      reporting: { firstName: 'Ada', npi: '1234567893' },
    },
    { firstName: 'Adeline', lastName: 'Lovelace', npi: '1245319599', specialty: 'cardiology' },
  );
  expect(draft).toMatchObject({
    profession: 'nurse-practitioner',
    specialty: '',
    fromEhr: {},
    firstName: 'Ada',
    lastName: 'Lovelace',
    npi: '1234567893',
  });
});

test('an empty draft saves as the empty profile without consent', () => {
  expect(updateOf(draftOf(EMPTY_PROFILE))).toEqual({
    ok: true,
    update: { gaps: [], reporting: {}, consentToReport: false },
  });
});

test('a role changed from the EHR’s is saved as the learner’s own', () => {
  const draft = draftOf(EMPTY_PROFILE, { profession: 'physician', specialty: 'cardiology' });
  const kept = updateOf(draft);
  const changed = updateOf({ ...draft, specialty: 'nephrology' });
  expect(kept.ok && kept.update.roleSource).toBe('practitioner-role');
  expect(changed.ok && changed.update.roleSource).toBe('learner');
});

test('identifiers are trimmed, and a spaced NPI is read as its digits', () => {
  const result = updateOf({
    ...draftOf(EMPTY_PROFILE),
    firstName: '  Ada ',
    npi: '123 456 7893',
    boardId: ' ',
  });
  expect(result.ok && result.update.reporting).toEqual({ firstName: 'Ada', npi: '1234567893' });
});

test('each invalid identifier names its own field', () => {
  const result = updateOf({
    ...draftOf(EMPTY_PROFILE),
    npi: '1234567890',
    boardId: 'ABIM 12',
    birthMonth: '4',
    lastName: 'x'.repeat(101),
  });
  expect(result).toEqual({
    ok: false,
    errors: { npi: 'npi', boardId: 'boardId', birthDay: 'birthDay', lastName: 'name' },
  });
});

test('reporting needs a name, a birth month and day, and a board id or an NPI', () => {
  const full = {
    ...draftOf(EMPTY_PROFILE),
    firstName: 'Ada',
    lastName: 'Lovelace',
    birthMonth: '3',
    birthDay: '14',
    boardId: 'ABIM-1',
  };
  expect(isReportable(full)).toBe(true);
  expect(isReportable({ ...full, boardId: '' })).toBe(false);
  expect(isReportable({ ...full, boardId: '', npi: '1234567893' })).toBe(true);
  expect(isReportable({ ...full, birthDay: '' })).toBe(false);
});
