import { screen } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';

// jsdom has no CSS.escape, which user-event's arrow-key walk through a radio group calls.
if (typeof window.CSS === 'undefined') {
  Object.assign(window, {
    CSS: { escape: (value: string) => value.replace(/[^\w-]/g, (char) => `\\${char}`) },
  });
}

/** Presses Tab until `target` has focus, the way a keyboard user gets there. */
export async function tabTo(user: UserEvent, target: Element, maxPresses = 60): Promise<void> {
  for (let press = 0; press < maxPresses; press += 1) {
    if (document.activeElement === target) return;
    await user.tab();
  }
  if (document.activeElement !== target) {
    throw new Error(`${maxPresses} presses of Tab did not reach ${target.outerHTML.slice(0, 80)}`);
  }
}

/**
 * Answers the question on screen with the keyboard: Tab into its radio group, arrow keys to
 * the option, Tab to "Check answer", Enter.
 */
export async function answerWithKeyboard(
  user: UserEvent,
  optionIndex: number,
  checkName = 'Check answer',
): Promise<void> {
  const [first] = screen.getAllByRole('radio');
  if (first === undefined) throw new Error('No question on screen');
  await tabTo(user, first);
  await user.keyboard(optionIndex === 0 ? ' ' : '{ArrowDown}'.repeat(optionIndex));
  await tabTo(user, screen.getByRole('button', { name: checkName }));
  await user.keyboard('{Enter}');
}

/** Tab to a button by its accessible name and press Enter. */
export async function pressButton(user: UserEvent, name: string | RegExp): Promise<void> {
  await tabTo(user, screen.getByRole('button', { name }));
  await user.keyboard('{Enter}');
}
