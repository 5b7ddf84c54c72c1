import type { QuestionVariant } from '../../core/micro-case/question-variants';

/** The learner's answer to one question, checked once: the first try is the one that counts. */
export interface Answer {
  questionId: string;
  optionId: string;
  correct: boolean;
  /** The version of the question the learner was shown (picked by mastery). */
  variant: QuestionVariant;
}

export type AttemptStep =
  | { kind: 'question'; index: number }
  | { kind: 'wrap-up' } // key points, then the point-of-care reflection
  | { kind: 'done' };

export interface AttemptProgress {
  step: AttemptStep;
  answers: Answer[];
}

export type AttemptAction =
  { type: 'check'; answer: Answer } | { type: 'next'; questionCount: number } | { type: 'finish' };

export const ATTEMPT_START: AttemptProgress = { step: { kind: 'question', index: 0 }, answers: [] };

/** Where the learner is in a case: questions one at a time, then wrap-up, then done. */
export function advanceAttempt(state: AttemptProgress, action: AttemptAction): AttemptProgress {
  switch (action.type) {
    case 'check':
      if (
        state.step.kind !== 'question' ||
        state.answers.some((answer) => answer.questionId === action.answer.questionId)
      ) {
        return state;
      }
      return { ...state, answers: [...state.answers, action.answer] };
    case 'next': {
      if (state.step.kind !== 'question') return state;
      const index = state.step.index + 1;
      return {
        ...state,
        step: index < action.questionCount ? { kind: 'question', index } : { kind: 'wrap-up' },
      };
    }
    case 'finish':
      return state.step.kind === 'wrap-up' ? { ...state, step: { kind: 'done' } } : state;
  }
}
