import { readFileSync } from 'node:fs';
import express, { Router, type Response } from 'express';
import { z } from 'zod';
import type { ChartSuggestions } from '../cds/chart-suggestions';
import { SUGGESTIONS_PATH, SUGGESTIONS_SCRIPT_PATH } from './layout';

/** Served as a same-origin file: the chart's CSP allows no inline script. */
const SCRIPT = readFileSync(new URL('./suggestions-script.js', import.meta.url), 'utf8');

const cardParams = z.object({ viewId: z.uuid(), cardId: z.coerce.number().int().min(0) });
const openBody = z.object({ link: z.number().int().min(0) });
const dismissBody = z.object({ reason: z.number().int().min(0).optional() });

function notFound(res: Response): void {
  res.status(404).json({ error: 'This suggestion is no longer available. Reload the chart.' });
}

/**
 * The chart's CDS cards for its script: `GET {view}` the cards, `POST {view}/cards/{id}/open`
 * a smart link's launch, `POST {view}/cards/{id}/dismiss` with an override reason.
 */
export function suggestionsRoutes(suggestions: ChartSuggestions): Router {
  const router = Router();
  router.get(SUGGESTIONS_SCRIPT_PATH, (_req, res) => {
    res.type('text/javascript').set('Cache-Control', 'no-cache').send(SCRIPT);
  });
  router.get(`${SUGGESTIONS_PATH}/:viewId`, async (req, res) => {
    const view = await suggestions.cards(req.params.viewId);
    if (!view) {
      notFound(res);
      return;
    }
    res.set('Cache-Control', 'no-store').json(view);
  });
  router.post(
    `${SUGGESTIONS_PATH}/:viewId/cards/:cardId/open`,
    express.json(),
    async (req, res) => {
      const params = cardParams.safeParse(req.params);
      const body = openBody.safeParse(req.body);
      const appSrc =
        params.success && body.success
          ? await suggestions.open(params.data.viewId, params.data.cardId, body.data.link)
          : undefined;
      if (appSrc === undefined) {
        notFound(res);
        return;
      }
      res.json({ appSrc });
    },
  );
  router.post(
    `${SUGGESTIONS_PATH}/:viewId/cards/:cardId/dismiss`,
    express.json(),
    async (req, res) => {
      const params = cardParams.safeParse(req.params);
      const body = dismissBody.safeParse(req.body);
      if (!params.success || !body.success) {
        notFound(res);
        return;
      }
      const { viewId, cardId } = params.data;
      const result = await suggestions.dismiss(viewId, cardId, body.data.reason);
      if (result === 'unknown') {
        notFound(res);
        return;
      }
      res.json({ feedbackSent: result === 'sent' });
    },
  );
  return router;
}
