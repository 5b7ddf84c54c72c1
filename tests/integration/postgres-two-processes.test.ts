import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { loadCaseLibrary } from '../../server/library/case-library';
import { testDatabaseUrl } from '../../server/store/test-stores';
import { startAppCluster, type AppCluster } from '../support/app-cluster';
import { completionBody } from '../support/completion-body';
import { learnerSession } from '../support/learner-session';

const skipReason = 'skipped: set TEST_DATABASE_URL=postgres://… to run';
let cluster: AppCluster | undefined;

beforeAll(async () => {
  if (testDatabaseUrl === undefined) return;
  cluster = await startAppCluster(testDatabaseUrl, { CREDIT_UNREVIEWED_CONTENT: 'allow' });
}, 60_000);
afterAll(() => cluster?.close());

test.skipIf(testDatabaseUrl === undefined)(
  `two app processes writing completions to one PostgreSQL keep one valid ledger chain${testDatabaseUrl === undefined ? ` (${skipReason})` : ''}`,
  { timeout: 120_000 },
  async () => {
    const { sandbox, publicUrl, appUrls, env } = cluster!;
    const [first, second] = appUrls as [string, string];
    const sepsis = (
      await loadCaseLibrary({ casesDir: 'cases', valueSetsDir: 'fhir-profiles/valuesets' })
    ).cases.find((c) => c.topic === 'sepsis')!;
    const learner = await learnerSession({ sandbox, appUrl: publicUrl }, 'maria-santos');
    const submit = async (appUrl: string, attemptId: string): Promise<string> => {
      const response = await fetch(`${appUrl}/api/completions`, {
        method: 'POST',
        headers: learner.headers,
        body: JSON.stringify(completionBody(sepsis, learner, { attemptId })),
      });
      expect(response.status, await response.clone().text()).toBe(200);
      return ((await response.json()) as { credit: { id: string } }).credit.id;
    };

    // 60 attempts, each sent to both processes at the same moment.
    const attempts = Array.from({ length: 60 }, () => crypto.randomUUID());
    const answers = await Promise.all(
      attempts.map((attemptId) =>
        Promise.all([submit(first, attemptId), submit(second, attemptId)]),
      ),
    );
    for (const [fromFirst, fromSecond] of answers) expect(fromFirst).toBe(fromSecond);

    const transcript = (await (
      await fetch(`${second}/api/credits`, { headers: learner.headers })
    ).json()) as { credits: { attemptId: string }[] };
    expect(transcript.credits.map((c) => c.attemptId).sort()).toEqual([...attempts].sort());

    const verify = spawnSync(
      process.execPath,
      ['node_modules/tsx/dist/cli.mjs', 'scripts/ledger-verify.ts'],
      { env, encoding: 'utf8' },
    );
    expect(verify.status, verify.stderr).toBe(0);
    expect(verify.stdout).toBe('Ledger verified: 60 rows, chain and receipts intact.\n');
  },
);
