import type { MicroCase } from '../micro-case/micro-case-schema';
import { questionBody, type QuestionVariant } from '../micro-case/question-variants';

/** The learner's first answer to each question: what grading and the pass mark count. */
export interface AnswerChoice {
  questionId: string;
  optionId: string;
  /** The version of the question the learner was shown; absent means `standard`. */
  variant?: QuestionVariant | undefined;
}

export interface Grade {
  correct: number;
  total: number;
  /** correct / total, 0–1. */
  score: number;
  /**
   * Questions left unanswered, answered in a variant the question does not have, or with an
   * option that variant does not have (another variant's option included).
   */
  invalid: string[];
}

/**
 * Grades an attempt from the case definition alone; whatever score the client computed is
 * ignored. Each answer is graded against the variant it names, and every variant of a question
 * is worth the same: mastery picks the difficulty, not the credit (issue 9).
 */
export function gradeAttempt(microCase: MicroCase, answers: readonly AnswerChoice[]): Grade {
  const chosen = new Map<string, AnswerChoice>();
  for (const answer of answers)
    if (!chosen.has(answer.questionId)) chosen.set(answer.questionId, answer);
  let correct = 0;
  const invalid: string[] = [];
  for (const question of microCase.questions) {
    const answer = chosen.get(question.id);
    const body = answer && questionBody(question, answer.variant ?? 'standard');
    const option = body?.options.find((o) => o.id === answer?.optionId);
    if (!option) invalid.push(question.id);
    else if (option.correct) correct += 1;
  }
  const total = microCase.questions.length;
  return { correct, total, score: total === 0 ? 0 : correct / total, invalid };
}
