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

export type LaunchParameters = z.infer<typeof launchRequestSchema>['parameters'];

interface LaunchDeps {
  state: AuthorizationState;
  repo: MemoryRepository;
}

/**
 * Registers an EHR launch once its patient, encounter and practitioner are known here: what the
 * launch API does, shared with the chart's CDS cards. Answers the launch id or what is unknown.
 */
export async function createCheckedLaunch(
  deps: LaunchDeps,
  parameters: LaunchParameters,
): Promise<{ launchId: string } | { unknown: 'patient or encounter' | 'practitioner' }> {
  const { patient, encounter, practitioner, appContext } = parameters;
  const exists = async (type: string, id: string | undefined): Promise<boolean> =>
    id === undefined ||
    (await deps.repo.readResource(type, id).then(
      () => true,
      () => false,
    ));
  if (!(await exists('Patient', patient)) || !(await exists('Encounter', encounter))) {
    return { unknown: 'patient or encounter' };
  }
  if (!(await exists('Practitioner', practitioner))) return { unknown: 'practitioner' };
  const launchId = deps.state.createLaunch({
    patient,
    ...(encounter !== undefined && { encounter }),
    ...(practitioner !== undefined && { practitioner }),
    ...(appContext !== undefined && { appContext }),
  });
  return { launchId };
}

/**
 * `POST /fhir/_services/smart/Launch` → `{launch_id}`: how a CDS client (or a test) creates an
 * EHR launch for a card's smart link (DESIGN.md §3; the SMART sandbox launch API).
 */
export function launchApiRoute(deps: LaunchDeps): RequestHandler {
  return async (req, res) => {
    const parsed = launchRequestSchema.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json(outcome('invalid', z.prettifyError(parsed.error)));
      return;
    }
    const launch = await createCheckedLaunch(deps, parsed.data.parameters);
    if ('unknown' in launch) {
      const message =
        launch.unknown === 'practitioner' ? 'Unknown practitioner' : 'Unknown patient or encounter';
      res.status(400).json(outcome('not-found', message));
      return;
    }
    res.status(201).json({ launch_id: launch.launchId });
  };
}
