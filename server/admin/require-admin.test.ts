import * as crypto from 'node:crypto';
import express from 'express';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { createLogger } from '../http/logger';
import { renderError } from '../http/render-error';
import { adminActor, adminTokenMatches, requireAdmin } from './require-admin';

vi.mock('node:crypto', async (importOriginal) => {
  const original = await importOriginal<typeof crypto>();
  return { ...original, timingSafeEqual: vi.fn(original.timingSafeEqual) };
});

const TOKEN = 'an-admin-token-of-at-least-thirty-two-characters';
let url: string;
let close: () => void;

beforeAll(async () => {
  const app = express();
  app.use('/on', requireAdmin(TOKEN), (_req, res) =>
    res.json({ actor: res.locals.adminActor as string }),
  );
  app.use('/off', requireAdmin(undefined), (_req, res) => res.json({}));
  app.use(renderError(createLogger('silent')));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
afterAll(() => close());

test('every presented token is compared as a 32-byte digest, whatever its length', () => {
  const compare = vi.mocked(crypto.timingSafeEqual);
  compare.mockClear();
  for (const presented of ['', 'a', TOKEN.slice(0, -1), `${TOKEN}x`, TOKEN]) {
    adminTokenMatches(presented, TOKEN);
  }
  expect(compare).toHaveBeenCalledTimes(5);
  for (const [a, b] of compare.mock.calls) {
    expect([(a as Buffer).length, (b as Buffer).length]).toEqual([32, 32]);
  }
});

test('only the exact token matches: no prefix, extension or empty token', () => {
  expect(adminTokenMatches(TOKEN, TOKEN)).toBe(true);
  expect(adminTokenMatches(TOKEN.slice(0, -1), TOKEN)).toBe(false);
  expect(adminTokenMatches(`${TOKEN}x`, TOKEN)).toBe(false);
  expect(adminTokenMatches('', TOKEN)).toBe(false);
});

test('without ADMIN_TOKEN the admin API does not exist', async () => {
  const response = await fetch(`${url}/off`, { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(response.status).toBe(404);
});

test('a wrong or missing token is refused with an OperationOutcome', async () => {
  const attempts: Record<string, string>[] = [
    {},
    { authorization: 'Bearer wrong' },
    { authorization: TOKEN },
  ];
  for (const headers of attempts) {
    const response = await fetch(`${url}/on`, { headers });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({
      issue: [
        {
          details: {
            coding: [{ code: 'SESSION_INVALID' }],
            text: 'An administrator token is required',
          },
        },
      ],
    });
  }
});

test('the right token passes and the actor names the person when they say who they are', async () => {
  const response = await fetch(`${url}/on`, {
    headers: { authorization: `Bearer ${TOKEN}`, 'x-admin-actor': 'Dana Analyst' },
  });
  expect(await response.json()).toEqual({ actor: 'api:Dana Analyst' });
});

test('an actor name with control or markup characters falls back to the token', () => {
  expect(adminActor(undefined)).toBe('api:admin-token');
  expect(adminActor('<script>')).toBe('api:admin-token');
  expect(adminActor('x'.repeat(101))).toBe('api:admin-token');
});
