import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { afterEach, expect, test, vi } from 'vitest';
import type { LearnerExport, ProfileResponse } from '../../core/wire/learner';
import { App } from '../app';
import { PROFILE_URL, serveLibrary } from '../case-picker/test-support/library-server';
import { matchingContext } from '../case-picker/test-support/library-fixture';
import { fakeCreditAccess, SESSION_TOKEN } from '../credits/test-support/fake-credit-access';
import type { PractitionerPrefill } from '../fhir/read-practitioner';
import { renderInLanguage } from '../i18n/test-support/render-in-language';
import { settlePatientContext } from '../patient-context/use-patient-context';

const server = serveLibrary();
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const saved = (profile: Partial<ProfileResponse['profile']> = {}): ProfileResponse => ({
  profile: { gaps: [], reporting: {}, ...profile },
  updatedAt: '2026-11-20T09:00:00.000Z',
});

function renderApp(options: { language?: string; prefill?: PractitionerPrefill } = {}) {
  const load = () => Promise.resolve(matchingContext());
  const { prefill } = options;
  return renderInLanguage(
    <App
      firstLoad={settlePatientContext(load())}
      reload={load}
      access={fakeCreditAccess()}
      {...(prefill === undefined ? {} : { practitioner: () => Promise.resolve(prefill) })}
    />,
    options.language,
  );
}

/** Answers PUT /api/profile as the server would, recording what was sent. */
function acceptSaves(sent: unknown[]) {
  server.use(
    http.put(PROFILE_URL, async ({ request }) => {
      const body = (await request.json()) as Record<string, unknown>;
      sent.push(body);
      const { consentToReport, ...fields } = body;
      return HttpResponse.json({
        profile: {
          ...fields,
          ...(consentToReport === true && {
            reportingConsent: { given: true, at: '2026-11-26T10:00:00.000Z' },
          }),
        },
        updatedAt: '2026-11-26T10:00:00.000Z',
      });
    }),
  );
}

async function openProfile() {
  const user = userEvent.setup();
  renderApp();
  await user.click(await screen.findByRole('button', { name: 'My profile' }));
  const page = await screen.findByRole('region', { name: 'My profile' });
  await within(page).findByRole('group', { name: 'Your role' });
  return { user, page };
}

test('My profile edits role, gaps, identifiers and consent, and saves them', async () => {
  const sent: unknown[] = [];
  acceptSaves(sent);
  const { user, page } = await openProfile();
  expect(document.activeElement).toBe(within(page).getByRole('heading', { name: 'My profile' }));

  await user.selectOptions(within(page).getByLabelText('Profession'), 'Physician (MD or DO)');
  await user.selectOptions(within(page).getByLabelText('Specialty'), 'Cardiology');
  const gaps = within(page).getByRole('group', { name: 'Topics you want to work on' });
  await user.click(within(gaps).getByRole('checkbox', { name: 'Atrial fibrillation' }));
  await user.click(within(gaps).getByRole('checkbox', { name: 'Sepsis' }));
  const consent = within(page).getByRole('checkbox', {
    name: 'Report my credit to my certifying board',
  });
  expect(consent.getAttribute('aria-describedby')).toBeTruthy();
  const statement = document.getElementById(consent.getAttribute('aria-describedby') ?? '');
  expect(statement?.textContent).toMatch(/PARS.*board ID or NPI.*No patient information/);
  await user.click(consent);
  expect(within(page).getByText(/To be reported, your first and last name/)).toBeTruthy();
  await user.type(within(page).getByLabelText('First name'), 'Ada');
  await user.type(within(page).getByLabelText('Last name'), 'Lovelace');
  await user.type(within(page).getByLabelText('NPI (10 digits)'), '1234567893');
  await user.selectOptions(within(page).getByLabelText('Birth month'), 'March');
  await user.selectOptions(within(page).getByLabelText('Birth day'), '14');
  await user.click(within(page).getByRole('button', { name: 'Save profile' }));

  expect(await within(page).findByText('Your profile is saved.')).toBeTruthy();
  expect(sent).toEqual([
    {
      profession: 'physician',
      specialty: 'cardiology',
      roleSource: 'learner',
      gaps: ['sepsis', 'afib'],
      reporting: {
        firstName: 'Ada',
        lastName: 'Lovelace',
        npi: '1234567893',
        birthMonth: 3,
        birthDay: 14,
      },
      consentToReport: true,
    },
  ]);
});

test('choosing a profession other than physician says the credit is participation', async () => {
  const { user, page } = await openProfile();
  const profession = within(page).getByLabelText('Profession');
  expect(profession.getAttribute('aria-describedby')).toBeNull();
  await user.selectOptions(profession, 'Nurse practitioner');
  const hint = document.getElementById(profession.getAttribute('aria-describedby') ?? '');
  expect(hint?.textContent).toBe(
    'AMA PRA Category 1 Credit is for physicians (MD, DO): your completed cases earn a certificate of participation instead.',
  );
  await user.selectOptions(profession, 'Physician (MD or DO)');
  expect(profession.getAttribute('aria-describedby')).toBeNull();
});

test('a wrong NPI and an impossible birthday are flagged as alerts and nothing is sent', async () => {
  const sent: unknown[] = [];
  acceptSaves(sent);
  const { user, page } = await openProfile();

  await user.type(within(page).getByLabelText('NPI (10 digits)'), '1234567890');
  await user.selectOptions(within(page).getByLabelText('Birth month'), 'February');
  await user.selectOptions(within(page).getByLabelText('Birth day'), '30');
  await user.click(within(page).getByRole('button', { name: 'Save profile' }));

  const alerts = within(page)
    .getAllByRole('alert')
    .map((a) => a.textContent);
  expect(alerts).toEqual([
    'Check the NPI: it has 10 digits and the last one is a check digit.',
    'Give both the birth month and the birth day, as a day that exists.',
    'Some answers need a correction before your profile can be saved.',
  ]);
  expect(within(page).getByLabelText('NPI (10 digits)').getAttribute('aria-invalid')).toBe('true');
  expect(sent).toEqual([]);
});

test('the EHR prefills name, NPI and role; a kept role is saved as coming from the EHR', async () => {
  const sent: unknown[] = [];
  acceptSaves(sent);
  const user = userEvent.setup();
  renderApp({
    prefill: { firstName: 'Ada', lastName: 'Lovelace', npi: '1234567893', specialty: 'nephrology' },
  });
  await user.click(await screen.findByRole('button', { name: 'My profile' }));
  const page = await screen.findByRole('region', { name: 'My profile' });

  await waitFor(() => {
    expect(within(page).getByLabelText<HTMLInputElement>('First name').value).toBe('Ada');
  });
  const specialty = within(page).getByLabelText<HTMLSelectElement>('Specialty');
  expect(specialty.value).toBe('nephrology');
  expect(specialty.getAttribute('aria-describedby')).toBeTruthy();
  expect(within(page).getByText('Filled in from your EHR. Change it if it is wrong.')).toBeTruthy();
  await user.click(within(page).getByRole('button', { name: 'Save profile' }));
  await within(page).findByText('Your profile is saved.');
  expect(sent[0]).toMatchObject({
    specialty: 'nephrology',
    roleSource: 'practitioner-role',
    reporting: { firstName: 'Ada', lastName: 'Lovelace', npi: '1234567893' },
    consentToReport: false,
  });
});

test('a failed save says so in an alert', async () => {
  server.use(http.put(PROFILE_URL, () => new HttpResponse(null, { status: 503 })));
  const { user, page } = await openProfile();
  await user.click(within(page).getByRole('button', { name: 'Save profile' }));
  expect((await within(page).findByRole('alert')).textContent).toBe(
    'Your profile could not be saved. Check your connection and try again.',
  );
});

test('"Download my data" saves the export as a JSON file', async () => {
  const exported = { exportedAt: '2026-11-26T10:00:00.000Z', marker: 'mine' };
  server.use(
    http.get('*/api/profile/export', ({ request }) =>
      request.headers.get('authorization') === `Bearer ${SESSION_TOKEN}`
        ? HttpResponse.json({
            ...exported,
            learner: {
              fhirUser: 'https://ehr.test/fhir/Practitioner/dr-ada',
              tenant: { name: 'EHR', iss: 'https://ehr.test/fhir' },
            },
            profile: { gaps: [], reporting: {} },
            profileUpdatedAt: null,
            reviewCards: [],
            reviewAnswers: [],
            credits: [],
            cdsCards: [],
            cdsFeedback: [],
            kept: [],
          } satisfies LearnerExport & { marker: string })
        : new HttpResponse(null, { status: 401 }),
    ),
  );
  const blobs: Blob[] = [];
  vi.stubGlobal(
    'URL',
    Object.assign(URL, {
      createObjectURL: (blob: Blob) => {
        blobs.push(blob);
        return 'blob:my-data';
      },
      revokeObjectURL: () => undefined,
    }),
  );
  const clicked = vi
    .spyOn(HTMLAnchorElement.prototype, 'click')
    .mockImplementation(() => undefined);
  const { user, page } = await openProfile();
  await user.click(within(page).getByRole('button', { name: 'Download my data' }));

  await waitFor(() => {
    expect(blobs).toHaveLength(1);
  });
  const file = JSON.parse(await blobs[0]!.text()) as Record<string, unknown>;
  expect(file.exportedAt).toBe(exported.exportedAt);
  expect(clicked).toHaveBeenCalledTimes(1);
  clicked.mockRestore();
});

test('"Reset my profile" asks first, says the credit record is kept, then erases', async () => {
  const deletes: string[] = [];
  server.use(
    http.delete(PROFILE_URL, ({ request }) => {
      deletes.push(request.url);
      return HttpResponse.json({
        deleted: { profile: true, reviewCards: 2, reviewAnswers: 3 },
        kept: [{ record: 'credit-ledger', reason: 'accreditation record' }],
      });
    }),
  );
  const { user, page } = await openProfile();
  await user.click(within(page).getByRole('button', { name: 'Reset my profile' }));
  expect(within(page).getByText(/Your credits and completions are kept/)).toBeTruthy();
  await user.click(within(page).getByRole('button', { name: 'Cancel' }));
  expect(deletes).toEqual([]);

  await user.click(within(page).getByRole('button', { name: 'Reset my profile' }));
  await user.click(within(page).getByRole('button', { name: 'Yes, reset my profile' }));
  expect(
    await within(page).findByText(
      'Your profile and review history are erased. Your credit record is kept.',
    ),
  ).toBeTruthy();
  expect(deletes).toHaveLength(1);
});

test('a learner without a profile is asked once; "Not now" is remembered', async () => {
  server.use(
    http.get(PROFILE_URL, () =>
      HttpResponse.json({ profile: { gaps: [], reporting: {} }, updatedAt: null }),
    ),
  );
  const user = userEvent.setup();
  renderApp();
  const prompt = await screen.findByRole('region', { name: 'Make suggestions fit you' });
  await user.click(within(prompt).getByRole('button', { name: 'Not now' }));
  expect(screen.queryByRole('region', { name: 'Make suggestions fit you' })).toBeNull();

  cleanup();
  renderApp();
  await screen.findByRole('article', { name: 'Sepsis: the first hour' });
  expect(screen.queryByRole('region', { name: 'Make suggestions fit you' })).toBeNull();
});

test('"Set up my profile" opens the profile; "Back to suggestions" returns to the picker', async () => {
  server.use(
    http.get(PROFILE_URL, () =>
      HttpResponse.json({ profile: { gaps: [], reporting: {} }, updatedAt: null }),
    ),
  );
  const user = userEvent.setup();
  renderApp({ language: 'es' });
  const prompt = await screen.findByRole('region', { name: 'Adapte las sugerencias a usted' });
  await user.click(within(prompt).getByRole('button', { name: 'Configurar mi perfil' }));
  const page = await screen.findByRole('region', { name: 'Mi perfil' });
  expect(screen.queryByRole('article', { name: 'Sepsis: la primera hora' })).toBeNull();
  await user.click(within(page).getByRole('button', { name: 'Volver a las sugerencias' }));
  expect(await screen.findByRole('article', { name: 'Sepsis: la primera hora' })).toBeTruthy();
  expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Mi perfil' }));
});

test('a saved profile is shown as saved, with when consent was given', async () => {
  server.use(
    http.get(PROFILE_URL, () =>
      HttpResponse.json(
        saved({
          specialty: 'cardiology',
          gaps: ['afib'],
          reporting: { boardId: 'ABIM-1' },
          reportingConsent: { given: true, at: '2026-11-02T09:00:00.000Z' },
        }),
      ),
    ),
  );
  const { page } = await openProfile();
  expect(within(page).getByLabelText<HTMLSelectElement>('Specialty').value).toBe('cardiology');
  expect(within(page).getByRole('checkbox', { name: 'Atrial fibrillation' })).toHaveProperty(
    'checked',
    true,
  );
  expect(within(page).getByLabelText<HTMLInputElement>('Board ID').value).toBe('ABIM-1');
  expect(within(page).getByText('You gave permission on Nov 2, 2026.')).toBeTruthy();
});
