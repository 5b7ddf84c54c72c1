import { expect, test } from 'vitest';
import { libraryProblems } from './library-problems';
import { microCaseSchema } from './micro-case-schema';
import { questionBody, variantLinkId, variantsOf } from './question-variants';
import { caseWithVariants, variantBody } from './test-support/variant-case';

const issuesOf = (json: unknown): string[] => {
  const parsed = microCaseSchema.safeParse(json);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

test('a question may carry an easier and a harder version, each a full single-best-answer body', () => {
  const c = caseWithVariants();
  expect(issuesOf(c)).toEqual([]);
  const q1 = c.questions[0]!;
  expect(variantsOf(q1)).toEqual(['standard', 'easier', 'harder']);
  expect(variantsOf(c.questions[1]!)).toEqual(['standard']);
  expect(questionBody(q1, 'harder')?.options[0]?.id).toBe('hard-o1');
  expect(questionBody(c.questions[1]!, 'harder')).toBeUndefined();
});

test('a variant with two correct options, too few options or a missing translation is refused', () => {
  const twoCorrect = caseWithVariants();
  twoCorrect.questions[0]!.variants!.harder!.options[1]!.correct = true;
  expect(issuesOf(twoCorrect)).toEqual([
    'questions.0.variants.harder: a single-best-answer question has exactly one correct option',
  ]);
  const short = caseWithVariants();
  short.questions[0]!.variants!.easier!.options.pop();
  expect(issuesOf(short).join()).toMatch(/^questions\.0\.variants\.easier\.options:/);
  const english = caseWithVariants() as unknown as {
    questions: { variants: { easier: { prompt: Record<string, string> } } }[];
  };
  delete english.questions[0]!.variants.easier.prompt.es;
  expect(issuesOf(english).join()).toMatch(/^questions\.0\.variants\.easier\.prompt\.es:/);
});

test('a variant cannot name its own teaching point or id: it keeps the question’s', () => {
  const c = caseWithVariants() as unknown as { questions: { variants: Record<string, object> }[] };
  c.questions[0]!.variants.harder = { ...variantBody('hard'), teachingPoint: 'another-point' };
  expect(issuesOf(c).join()).toMatch(
    /questions\.0\.variants\.harder: Unrecognized key: "teachingPoint"/,
  );
  const unknownLevel = caseWithVariants() as unknown as {
    questions: { variants: Record<string, object> }[];
  };
  unknownLevel.questions[0]!.variants.expert = variantBody('expert');
  expect(issuesOf(unknownLevel).join()).toMatch(/Unrecognized key: "expert"/);
});

test('library problems: option ids repeated across a question and its variants, unknown citations', () => {
  const c = caseWithVariants('clash');
  c.questions[0]!.variants!.harder!.options[1]!.id = 'o2';
  c.questions[0]!.variants!.easier!.options[2]!.citations = ['nowhere'];
  expect(libraryProblems([c], [])).toEqual([
    'clash: questions[0].variants.easier.options[2] cites unknown "nowhere"',
    'clash: questions[0].variants.harder repeats option id "o2"',
  ]);
  expect(libraryProblems([caseWithVariants()], [])).toEqual([]);
});

test('a variant’s FHIR link id cannot collide with a question id: a dot is not in a slug', () => {
  expect(variantLinkId('q1')).toBe('q1');
  expect(variantLinkId('q1', 'standard')).toBe('q1');
  expect(variantLinkId('q1', 'harder')).toBe('q1.harder');
  expect(microCaseSchema.shape.id.safeParse('q1.harder').success).toBe(false);
});
