import { z } from 'zod';
import { creditSchema } from '../../core/wire/completion';
import { finishedAttemptSchema } from './finished-attempt';

/** A finished attempt the server recorded: its credit (awarded or not) and the signed receipt. */
export const recordedCreditSchema = z.object({
  attemptId: z.uuid(),
  credit: creditSchema,
  receipt: z.string(),
});
export type RecordedCredit = z.infer<typeof recordedCreditSchema>;

/**
 * A finished attempt the server refused for good (e.g. ENCOUNTER_NOT_ACCESSIBLE): it earns no
 * credit and is never sent again, but it stays on this device as the learner's own record.
 */
export const refusedAttemptSchema = z.object({
  attempt: finishedAttemptSchema,
  /** The stable error code of the refusal. */
  code: z.string().min(1),
  at: z.iso.datetime(),
});
export type RefusedAttempt = z.infer<typeof refusedAttemptSchema>;
