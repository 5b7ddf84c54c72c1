import AxeBuilder from '@axe-core/playwright';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { loadCaseLibrary, type CaseLibrary } from '../../server/library/case-library';
import { freshPage, launchChromium } from '../support/chromium';
import { startStack, type Stack } from '../support/stack';

let stack: Stack;
let browser: Browser;
let library: CaseLibrary;

beforeAll(async () => {
  [stack, browser, library] = await Promise.all([
    startStack(),
    launchChromium(),
    loadCaseLibrary({ casesDir: 'cases', valueSetsDir: 'fhir-profiles/valuesets' }),
  ]);
});
afterAll(async () => {
  await browser.close();
  await stack.close();
});

async function openApp(page: Page, patientId: string): Promise<FrameLocator> {
  await page.goto(`${stack.sandboxUrl}/chart/${patientId}`);
  return page.getByTitle('Chartside').contentFrame();
}

const titleOf = (topic: string): string => library.cases.find((c) => c.topic === topic)!.title.en;

test('every persona chart suggests the case of its topic first, with the reasons', async () => {
  const page = await freshPage(browser);
  for (const persona of stack.sandbox.patients.filter((p) => p.topic)) {
    const app = await openApp(page, persona.id);
    const top = app.getByRole('article', { name: titleOf(persona.topic!) });
    await top.waitFor();
    const reasons = top.getByRole('list', { name: 'Why this case' }).getByRole('listitem');
    expect(await reasons.count(), persona.id).toBeGreaterThan(0);
  }
  await page.close();
});

/** Presses Tab until the control named `name` has focus (bounded, so a lost focus fails the test). */
async function tabTo(
  page: Page,
  app: FrameLocator,
  role: 'button' | 'radio' | 'textbox',
  name: string | RegExp,
): Promise<void> {
  const target = app.getByRole(role, { name }).first();
  await target.waitFor();
  for (let presses = 0; presses < 60; presses += 1) {
    const focused = await target.evaluate(
      (element: { ownerDocument: { activeElement: unknown } }) =>
        element === element.ownerDocument.activeElement,
    );
    if (focused) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${role} "${String(name)}"`);
}

test('a clinician completes a case with the keyboard alone', async () => {
  const page = await freshPage(browser);
  const app = await openApp(page, 'maria-santos');
  const sepsis = library.cases.find((c) => c.topic === 'sepsis')!;
  await app.getByRole('article', { name: sepsis.title.en }).waitFor();
  await page.getByRole('heading', { level: 1 }).first().focus();

  await tabTo(page, app, 'button', `Start case: ${sepsis.title.en}`);
  await page.keyboard.press('Enter');
  for (const [index, question] of sepsis.questions.entries()) {
    await app
      .getByRole('heading', { name: `Question ${index + 1} of ${sepsis.questions.length}` })
      .waitFor();
    await tabTo(page, app, 'radio', question.options[0]!.text.en);
    await page.keyboard.press('Space');
    await tabTo(page, app, 'button', 'Check answer');
    await page.keyboard.press('Enter');
    await app.getByRole('heading', { name: /^(Correct|Incorrect)$/ }).waitFor();
    const last = index === sepsis.questions.length - 1;
    await tabTo(page, app, 'button', last ? 'See key points' : 'Next question');
    await page.keyboard.press('Enter');
  }
  await app.getByRole('heading', { name: 'Key points' }).waitFor();
  await tabTo(page, app, 'textbox', /Application to practice/);
  await page.keyboard.type('Repeat the lactate within 2–4 hours when the first one is raised.');
  await tabTo(page, app, 'button', 'Finish case');
  await page.keyboard.press('Enter');
  await app.getByRole('heading', { name: 'Case complete' }).waitFor();
  const results = await new AxeBuilder({ page })
    .include('iframe[title="Chartside"]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
  await page.close();
});
