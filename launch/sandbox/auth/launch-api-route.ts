import type { MemoryRepository } from '@medplum/fhir-router';
import type { RequestHandler } from 'express';
import { z } from 'zod';
import { outcome } from '../fhir/operation-outcome';
import type { AuthorizationState } from './authorization-state';

const launchRequestSchema = z.object({
  launchUrl: z.url().optional(),
  parameters: z.object({
    patient: z.string().min(1),
    encounter: z.string().min(1).optional(),
    practitioner: z.string().min(1).optional(),
    appContext: z.string().max(4096).optional(),
  }),
});

/**
 * `POST /fhir/_services/smart/Launch` → `{launch_id}`: how a CDS client (or a test) creates an
 * EHR launch for a card's smart link (DESIGN.md §3; the SMART sandbox launch API).
 */
export function launchApiRoute(deps: {
  state: AuthorizationState;
  repo: MemoryRepository;
}): RequestHandler {
  return async (req, res) => {
    const parsed = launchRequestSchema.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json(outcome('invalid', z.prettifyError(parsed.error)));
      return;
    }
    const { patient, encounter, practitioner, appContext } = parsed.data.parameters;
    const exists = async (type: string, id: string | undefined): Promise<boolean> =>
      id === undefined ||
      (await deps.repo.readResource(type, id).then(
        () => true,
        () => false,
      ));
    if (!(await exists('Patient', patient)) || !(await exists('Encounter', encounter))) {
      res.status(400).json(outcome('not-found', 'Unknown patient or encounter'));
      return;
    }
    if (!(await exists('Practitioner', practitioner))) {
      res.status(400).json(outcome('not-found', 'Unknown practitioner'));
      return;
    }
    const launchId = deps.state.createLaunch({
      patient,
      ...(encounter !== undefined && { encounter }),
      ...(practitioner !== undefined && { practitioner }),
      ...(appContext !== undefined && { appContext }),
    });
    res.status(201).json({ launch_id: launchId });
  };
}
