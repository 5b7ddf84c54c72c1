import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { LEARNER_SPECIALTIES, type LearnerSpecialty } from '../../core/learner/learner-profile';
import { reasonWords } from '../../core/learner/ranking-reasons';
import { loadCaseLibrary } from '../../server/library/case-library';
import { freshPage, launchChromium } from '../support/chromium';
import { startStack, type Stack } from '../support/stack';

let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack(), launchChromium()]);
});
afterAll(async () => {
  await browser.close();
  await stack.close();
});

async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .include('iframe[title="Chartside"]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

test('a new learner sets their specialty in My profile and the suggestion says why it moved', async () => {
  const { cases } = await loadCaseLibrary({
    casesDir: 'cases',
    valueSetsDir: 'fhir-profiles/valuesets',
  });
  const page = await freshPage(browser);
  await page.goto(`${stack.sandboxUrl}/chart/maria-santos`);
  const app = page.getByTitle('Chartside').contentFrame();

  const top = app.getByRole('article').first();
  await top.waitFor();
  const title = (await top.getByRole('heading', { level: 3 }).textContent()) ?? '';
  const suggested = cases.find((c) => c.title.en === title);
  const specialty = suggested?.specialties.find((s): s is LearnerSpecialty =>
    (LEARNER_SPECIALTIES as readonly string[]).includes(s),
  );
  expect(specialty).toBeDefined();
  const why = app.getByRole('button', { name: `Why am I seeing this? (${title})` });
  await why.click();
  await app
    .getByText(/ranked on the chart alone/)
    .first()
    .waitFor();

  const prompt = app.getByRole('region', { name: 'Make suggestions fit you' });
  await prompt.getByRole('button', { name: 'Set up my profile' }).click();
  const profile = app.getByRole('region', { name: 'My profile' });
  await profile.getByLabel('Specialty').selectOption(specialty ?? '');
  expect(await axeViolations(page)).toEqual([]);
  await profile.getByRole('button', { name: 'Save profile' }).click();
  await profile.getByText('Your profile is saved.').waitFor();
  await profile.getByRole('button', { name: 'Back to suggestions' }).click();

  const whyAgain = app.getByRole('button', { name: `Why am I seeing this? (${title})` });
  if ((await whyAgain.getAttribute('aria-expanded')) !== 'true') await whyAgain.click();
  await app.getByText(reasonWords.specialtyFit(specialty!).text.en).waitFor();
  expect(await axeViolations(page)).toEqual([]);
});
