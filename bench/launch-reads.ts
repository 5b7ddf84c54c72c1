import { startStack } from '../tests/support/stack';
import { launchTokens } from '../tests/support/smart-client';
import { report, sideBySide } from './measure';

/**
 * The reads the app makes when it opens in a chart, against the real sandbox EHR over loopback
 * HTTP, beside a baseline of the same number of trivial requests; and the launch-config lookup.
 */
export async function benchLaunchReads(): Promise<void> {
  const stack = await startStack();
  try {
    const patient = stack.sandbox.patients[0];
    if (!patient) throw new Error('the sandbox has no patients');
    const { accessToken } = await launchTokens(stack.sandbox, stack.appUrl, {
      patient: patient.id,
      ...(patient.encounterId !== undefined && { encounter: patient.encounterId }),
      practitioner: stack.sandbox.practitioners[0]?.id ?? '',
    });
    const headers = { authorization: `Bearer ${accessToken}` };
    const base = stack.sandbox.urls.fhirBaseUrl;
    const ref = `Patient/${patient.id}`;
    const contextReads = [
      `${base}/Patient/${patient.id}`,
      `${base}/Encounter/${patient.encounterId ?? ''}`,
      `${base}/Condition?patient=${ref}&clinical-status=active,recurrence,relapse&_count=50`,
      `${base}/Observation?patient=${ref}&category=laboratory&_sort=-date&_count=50`,
      `${base}/Observation?patient=${ref}&category=vital-signs&_sort=-date&_count=50`,
      `${base}/MedicationRequest?patient=${ref}&status=active&_count=50`,
    ];
    const fetchAll = async (urls: string[]): Promise<void> => {
      await Promise.all(urls.map(async (url) => (await fetch(url, { headers })).arrayBuffer()));
    };
    report(
      'Patient context at launch (6 parallel FHIR reads, sandbox EHR, loopback)',
      await sideBySide(
        200,
        { name: 'launch reads', run: () => fetchAll(contextReads) },
        {
          name: 'baseline: 6 × GET /fhir/metadata',
          run: () => fetchAll(contextReads.map(() => `${base}/metadata`)),
        },
      ),
    );
    report(
      'Launch config lookup (app server, SQLite tenant registry)',
      await sideBySide(
        500,
        {
          name: 'GET /api/launch-config',
          run: async () => {
            await (
              await fetch(`${stack.appUrl}/api/launch-config?iss=${encodeURIComponent(base)}`)
            ).arrayBuffer();
          },
        },
        {
          name: 'baseline: GET /healthz',
          run: async () => {
            await (await fetch(`${stack.appUrl}/healthz`)).arrayBuffer();
          },
        },
      ),
    );
  } finally {
    await stack.close();
  }
}
