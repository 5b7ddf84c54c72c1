import { screen } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { answerWithKeyboard, pressButton, tabTo } from './keyboard';

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

/** The whole sepsis case, with an application to practice, up to "Finish case" pressed. */
export async function finishSepsisCase(user: UserEvent, names = ENGLISH): Promise<void> {
  await playSepsisCaseToKeyPoints(user, names);
  await tabTo(user, screen.getByRole('textbox', { name: names.application }));
  await user.keyboard('Re-measure lactate within 2 hours.');
  await pressButton(user, names.finish);
}

const ENGLISH = {
  start: 'Start case: Sepsis: the first hour',
  question: (n: number) => `Question ${n} of 3`,
  check: 'Check answer',
  next: 'Next question',
  keyPoints: 'See key points',
  application: '3. Application to practice',
  finish: 'Finish case',
};

export const SPANISH: typeof ENGLISH = {
  start: 'Empezar caso: Sepsis: la primera hora',
  question: (n: number) => `Pregunta ${n} de 3`,
  check: 'Comprobar respuesta',
  next: 'Siguiente pregunta',
  keyPoints: 'Ver puntos clave',
  application: '3. Aplicación a la práctica',
  finish: 'Terminar caso',
};
