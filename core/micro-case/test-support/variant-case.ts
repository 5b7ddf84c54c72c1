import { caseWith } from '../../matcher/test-fixtures';
import type { MicroCase, QuestionBody } from '../micro-case-schema';

const text = (en: string) => ({ en, es: `${en} (es)` });

/** A variant body whose option ids start with `prefix`; its first option is the correct one. */
export function variantBody(prefix: string): QuestionBody {
  return {
    prompt: text(`${prefix} prompt`),
    options: [1, 2, 3].map((n) => ({
      id: `${prefix}-o${n}`,
      text: text(`${prefix} option ${n}`),
      correct: n === 1,
      feedback: text(`${prefix} feedback ${n}`),
      citations: ['c'],
    })),
  };
}

/**
 * The test case (core/matcher/test-fixtures) with an easier and a harder version of q1; q2 and
 * q3 have none. Standard options are o1 (correct), o2, o3; variants' are easy-o1 (correct)… and
 * hard-o1 (correct)….
 */
export function caseWithVariants(id = 'variant-case'): MicroCase {
  const c = caseWith(id, { kind: 'age', id: 'age', min: 0 });
  const [first, ...others] = c.questions;
  if (!first) throw new Error('the test case has questions');
  return {
    ...c,
    questions: [
      { ...first, variants: { easier: variantBody('easy'), harder: variantBody('hard') } },
      ...others,
    ],
  };
}
