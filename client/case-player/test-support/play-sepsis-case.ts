import { screen } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { answerWithKeyboard, pressButton } from './keyboard';

/**
 * From the picker to the key points of the fixture sepsis case, keyboard only: questions 1
 * and 3 right, question 2 wrong.
 */
export async function playSepsisCaseToKeyPoints(user: UserEvent, names = ENGLISH): Promise<void> {
  await screen.findByRole('button', { name: names.start });
  await pressButton(user, names.start);
  for (const [index, option] of [0, 0, 2].entries()) {
    await screen.findByRole('heading', { name: names.question(index + 1) });
    await answerWithKeyboard(user, option, names.check);
    await pressButton(user, index < 2 ? names.next : names.keyPoints);
  }
}

const ENGLISH = {
  start: 'Start case: Sepsis: the first hour',
  question: (n: number) => `Question ${n} of 3`,
  check: 'Check answer',
  next: 'Next question',
  keyPoints: 'See key points',
};

export const SPANISH: typeof ENGLISH = {
  start: 'Empezar caso: Sepsis: la primera hora',
  question: (n: number) => `Pregunta ${n} de 3`,
  check: 'Comprobar respuesta',
  next: 'Siguiente pregunta',
  keyPoints: 'Ver puntos clave',
};
