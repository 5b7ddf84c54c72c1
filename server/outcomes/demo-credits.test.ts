import { expect, test } from 'vitest';
import { z } from 'zod';
import type { Tenant } from '../tenants/tenant-store';
import { demoAttemptId, seedDemoCredits } from './demo-credits';
import { seedSandboxDemoCredits } from './sandbox-demo-credits';

test('a demo attempt id is a UUID fixed by tenant, clinician and case', () => {
  const id = demoAttemptId('t1', 'dr-amara-osei', 't2dm-intensify-cardiorenal');
  expect(z.uuid().safeParse(id).success).toBe(true);
  expect(demoAttemptId('t1', 'dr-amara-osei', 't2dm-intensify-cardiorenal')).toBe(id);
  expect(
    new Set([
      id,
      demoAttemptId('t2', 'dr-amara-osei', 't2dm-intensify-cardiorenal'),
      demoAttemptId('t1', 'pa-marcus-reed', 't2dm-intensify-cardiorenal'),
      demoAttemptId('t1', 'dr-amara-osei', 'htn-uncontrolled-intensify'),
    ]).size,
  ).toBe(4);
});

test('demo credits are refused for any EHR but the sandbox, before anything is read', async () => {
  const read: string[] = [];
  const tenant = { id: 't1', iss: 'https://ehr.example.org/fhir', vendor: 'epic' } as Tenant;
  await expect(
    seedDemoCredits({
      tenant,
      learning: [{ clinicianId: 'x', caseId: 'c', daysAgo: 120, encounterId: 'e' }],
      deps: {} as never,
      proveEncounter: (id) => {
        read.push(id);
        return Promise.reject(new Error('not reached'));
      },
    }),
  ).rejects.toThrow(/sandbox EHR only/);
  expect(read).toEqual([]);
});

test('without a sandbox, or with SANDBOX_DEMO_CREDITS=off, nothing is seeded', async () => {
  const never = new Proxy(
    {},
    {
      get: () => {
        throw new Error('touched');
      },
    },
  ) as never;
  const base = { tenants: never, ledger: never, library: never, keys: never, learning: [] };
  const credit = {
    yearlyCap: 20,
    allowUnreviewedContent: true,
    appVersion: '1',
    provider: { reference: 'Organization/x', display: 'x' },
  };
  await expect(
    seedSandboxDemoCredits({
      ...base,
      config: { sandbox: undefined, sandboxDemoCredits: true, credit },
    }),
  ).resolves.toBeUndefined();
  await expect(
    seedSandboxDemoCredits({
      ...base,
      config: {
        sandbox: { publicUrl: 'http://localhost:4000', clientId: 'c' },
        sandboxDemoCredits: false,
        credit,
      },
    }),
  ).resolves.toBeUndefined();
});
