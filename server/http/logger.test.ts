import type { AddressInfo } from 'node:net';
import express, { Router } from 'express';
import pino from 'pino';
import { expect, test } from 'vitest';
import { requestLogger } from './logger';

test('each request is logged once with its full path, never its query', async () => {
  const lines: Record<string, unknown>[] = [];
  const logger = pino(
    { level: 'info' },
    {
      write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>),
    },
  );
  const app = express();
  app.use(requestLogger(logger));
  const mounted = Router();
  mounted.get('/chartside-patient-view', (_req, res) => res.json({ cards: [] }));
  app.use('/cds-services', mounted);
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  const response = await fetch(
    `http://127.0.0.1:${port}/cds-services/chartside-patient-view?code=secret`,
  );
  expect(response.status).toBe(200);
  await new Promise((resolve) => server.close(resolve));
  expect(lines.map(({ method, path, status }) => ({ method, path, status }))).toEqual([
    { method: 'GET', path: '/cds-services/chartside-patient-view', status: 200 },
  ]);
  expect(JSON.stringify(lines)).not.toContain('secret');
});
