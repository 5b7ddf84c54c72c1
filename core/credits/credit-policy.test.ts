import { expect, test } from 'vitest';
import { caseWith } from '../matcher/test-fixtures';
import type { MicroCase } from '../micro-case/micro-case-schema';
import { creditTypeCode, decideCredit, type CreditContext } from './credit-policy';
import { gradeAttempt } from './grade-attempt';

const reviewed = (() => {
  const c = caseWith('c', { kind: 'age', id: 'age', min: 0 });
  c.disclosure.reviewers = [
    { name: 'A Reviewer', role: 'Physician reviewer', financialRelationships: 'none' },
  ];
  return c;
})();

const base: CreditContext = {
  microCase: reviewed,
  grade: gradeAttempt(reviewed, []),
  reflection: {
    clinicalQuestion: 'What does this patient need now?',
    sourcesConsulted: ['c'],
    applicationToPractice: 'I will reassess the lactate within 2 hours.',
  },
  creditsForCaseToday: 0,
  creditThisYear: 0,
  yearlyCap: 20,
  now: new Date('2026-11-26T12:00:00Z'),
};

test('a documented point-of-care cycle earns 0.5 AMA PRA Category 1 Credit whatever the score', () => {
  expect(decideCredit(base)).toEqual({
    awarded: true,
    amount: 0.5,
    format: 'internet-poc',
    creditType: 'AMA PRA Category 1 Credit',
  });
});

test.each([
  ['physician', 'AMA PRA Category 1 Credit'],
  ['physician-assistant', 'Participation in an AMA PRA Category 1 Credit activity'],
  ['nurse-practitioner', 'Participation in an AMA PRA Category 1 Credit activity'],
  ['nurse', 'Participation in an AMA PRA Category 1 Credit activity'],
  ['pharmacist', 'Participation in an AMA PRA Category 1 Credit activity'],
  ['other', 'Participation in an AMA PRA Category 1 Credit activity'],
] as const)('a %s receives %s (only MD and DO receive AMA PRA credit)', (profession, type) => {
  expect(decideCredit({ ...base, profession })).toMatchObject({
    awarded: true,
    amount: 0.5,
    creditType: type,
  });
});

test('a participation record follows the same rules as a credit: no cycle, none', () => {
  const incomplete = { ...base.reflection, applicationToPractice: '' };
  expect(decideCredit({ ...base, profession: 'nurse', reflection: incomplete })).toEqual({
    awarded: false,
    denials: ['REFLECTION_INCOMPLETE'],
  });
});

test('the ledger display maps back to its FHIR code; older rows are AMA PRA credit', () => {
  expect(creditTypeCode('Participation in an AMA PRA Category 1 Credit activity')).toBe(
    'ama-pra-1-participation',
  );
  expect(creditTypeCode('AMA PRA Category 1 Credit')).toBe('ama-pra-1');
});

test.each([
  [
    'no application to practice',
    { reflection: { ...base.reflection, applicationToPractice: '  ' } },
    'REFLECTION_INCOMPLETE',
  ],
  [
    'no source consulted',
    { reflection: { ...base.reflection, sourcesConsulted: [] } },
    'REFLECTION_INCOMPLETE',
  ],
  [
    'a source the case does not cite',
    { reflection: { ...base.reflection, sourcesConsulted: ['made-up'] } },
    'REFLECTION_INCOMPLETE',
  ],
  [
    'a second credit for the case the same day',
    { creditsForCaseToday: 1 },
    'ALREADY_CREDITED_TODAY',
  ],
  ['the yearly cap', { creditThisYear: 19.75 }, 'YEARLY_CAP_REACHED'],
  [
    'content past its review date',
    { now: new Date('2027-11-27T00:00:00Z') },
    'CONTENT_REVIEW_EXPIRED',
  ],
] as const)('%s earns no credit', (_label, change, denial) => {
  const decision = decideCredit({ ...base, ...change });
  expect(decision).toEqual({ awarded: false, denials: [denial] });
});

test('content no clinician has reviewed earns no credit unless a sandbox allows it', () => {
  const draft = caseWith('draft', { kind: 'age', id: 'age', min: 0 });
  expect(decideCredit({ ...base, microCase: draft })).toEqual({
    awarded: false,
    denials: ['CONTENT_NOT_REVIEWED'],
  });
  expect(decideCredit({ ...base, microCase: draft, allowUnreviewedContent: true })).toMatchObject({
    awarded: true,
  });
});

test('enduring material needs the pass mark, graded on the server from first answers', () => {
  const enduring: MicroCase = {
    ...reviewed,
    credit: { format: 'enduring', amount: 0.25, passMark: 0.66 },
  };
  const right = enduring.questions.map((q) => ({
    questionId: q.id,
    optionId: q.options.find((o) => o.correct)!.id,
  }));
  const wrong = enduring.questions.map((q) => ({
    questionId: q.id,
    optionId: q.options.find((o) => !o.correct)!.id,
  }));
  expect(
    decideCredit({ ...base, microCase: enduring, grade: gradeAttempt(enduring, right) }),
  ).toMatchObject({ awarded: true, amount: 0.25 });
  expect(
    decideCredit({ ...base, microCase: enduring, grade: gradeAttempt(enduring, wrong) }),
  ).toEqual({ awarded: false, denials: ['BELOW_PASS_MARK'] });
});

test('grading counts the first answer per question and flags unknown options', () => {
  const [q1, q2] = reviewed.questions;
  const grade = gradeAttempt(reviewed, [
    { questionId: q1!.id, optionId: q1!.options.find((o) => o.correct)!.id },
    { questionId: q1!.id, optionId: 'second-try-ignored' },
    { questionId: q2!.id, optionId: 'no-such-option' },
  ]);
  expect(grade).toEqual({
    correct: 1,
    total: 3,
    score: 1 / 3,
    invalid: [q2!.id, reviewed.questions[2]!.id],
  });
});
