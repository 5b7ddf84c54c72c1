import type { Encounter } from '@medplum/fhirtypes';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { signAccessToken } from '../auth/access-token';
import { loadOrCreateSigningKey } from '../auth/signing-key';
import { createSandbox, type Sandbox } from '../sandbox-app';
import { loadSandboxConfig } from '../sandbox-config';
import { PANEL_LEARNING } from './panel-learning';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function sandboxWith(env: NodeJS.ProcessEnv): Promise<{ sandbox: Sandbox; dataDir: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'chartside-panel-'));
  dirs.push(dataDir);
  const sandbox = await createSandbox(
    loadSandboxConfig({ ...env, PUBLIC_URL: 'http://localhost:3999', DATA_DIR: dataDir }),
  );
  return { sandbox, dataDir };
}

async function get(sandbox: Sandbox, path: string, token?: string): Promise<Response> {
  const server = sandbox.app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as { port: number };
  try {
    return await fetch(`http://127.0.0.1:${port}${path}`, {
      headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
    });
  } finally {
    server.closeAllConnections();
    server.close();
  }
}

test('the panel size and seed come from the environment: 300 and 1 by default', () => {
  const defaults = loadSandboxConfig({});
  expect([defaults.panelSize, defaults.panelSeed]).toEqual([300, 1]);
  const set = loadSandboxConfig({ SANDBOX_PANEL_SIZE: '0', SANDBOX_PANEL_SEED: '42' });
  expect([set.panelSize, set.panelSeed]).toEqual([0, 42]);
});

test.each([
  ['SANDBOX_PANEL_SIZE', '5'],
  ['SANDBOX_PANEL_SIZE', '-1'],
  ['SANDBOX_PANEL_SIZE', '2001'],
  ['SANDBOX_PANEL_SIZE', 'many'],
  ['SANDBOX_PANEL_SEED', '-3'],
  ['SANDBOX_PANEL_SEED', '1.5'],
])('%s=%s is refused at start, naming the variable', (name, value) => {
  expect(() => loadSandboxConfig({ [name]: value })).toThrow(
    new RegExp(`Invalid sandbox configuration[\\s\\S]*${name}`),
  );
});

test('the sandbox seeds the panel, keeps it off the patient list and counts it there', async () => {
  const { sandbox, dataDir } = await sandboxWith({
    SANDBOX_PANEL_SIZE: '10',
    SANDBOX_PANEL_SEED: '4',
  });
  expect(sandbox.panelSummary.patients).toBe(30);
  expect(sandbox.patients.some((p) => p.id.startsWith('panel-'))).toBe(false);
  const learning = PANEL_LEARNING[0];
  const encounter = await sandbox.repo.readResource<Encounter>(
    'Encounter',
    learning?.encounterId ?? '',
  );
  expect(encounter.participant?.[0]?.individual?.reference).toBe(
    `Practitioner/${learning?.clinicianId}`,
  );

  const page = await (await get(sandbox, '/')).text();
  expect(page).toContain('The EHR also holds 30 generated panel');
  expect(page).not.toContain('panel-0001');

  const key = await loadOrCreateSigningKey(dataDir, 'sandbox-ehr-signing-key');
  const token = await signAccessToken(
    key,
    sandbox.urls.fhirBaseUrl,
    {
      sub: 'Practitioner/dr-amara-osei',
      client_id: 'chartside-sandbox',
      patient: 'panel-0005',
      scope: 'patient/*.rs',
    },
    60,
  );
  const response = await get(sandbox, '/fhir/MedicationAdministration?patient=panel-0005', token);
  const bundle = (await response.json()) as { total: number };
  expect(response.status).toBe(200);
  expect(bundle.total).toBeGreaterThan(0);
});

test('SANDBOX_PANEL_SIZE=0 seeds no panel and says nothing about one', async () => {
  const { sandbox } = await sandboxWith({ SANDBOX_PANEL_SIZE: '0' });
  expect(sandbox.panelSummary.patients).toBe(0);
  await expect(sandbox.repo.readResource('Patient', 'panel-0001')).rejects.toThrow();
  expect(await (await get(sandbox, '/')).text()).not.toContain('generated panel');
});
