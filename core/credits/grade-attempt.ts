import type { MicroCase } from '../micro-case/micro-case-schema';

/** The learner's first answer to each question: what grading and the pass mark count. */
export interface AnswerChoice {
  questionId: string;
  optionId: string;
}

export interface Grade {
  correct: number;
  total: number;
  /** correct / total, 0–1. */
  score: number;
  /** Questions left unanswered or answered with an option the case does not have. */
  invalid: string[];
}

/** Grades an attempt from the case definition alone; whatever score the client computed is ignored. */
export function gradeAttempt(microCase: MicroCase, answers: readonly AnswerChoice[]): Grade {
  const chosen = new Map<string, string>();
  for (const answer of answers)
    if (!chosen.has(answer.questionId)) chosen.set(answer.questionId, answer.optionId);
  let correct = 0;
  const invalid: string[] = [];
  for (const question of microCase.questions) {
    const option = question.options.find((o) => o.id === chosen.get(question.id));
    if (!option) invalid.push(question.id);
    else if (option.correct) correct += 1;
  }
  const total = microCase.questions.length;
  return { correct, total, score: total === 0 ? 0 : correct / total, invalid };
}
