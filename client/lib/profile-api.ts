import {
  learnerExportSchema,
  profileResetResponseSchema,
  profileResponseSchema,
  profileUpdateSchema,
  type LearnerExport,
  type ProfileResetResponse,
  type ProfileResponse,
  type ProfileUpdate,
} from '../../core/wire/learner';
import { ChartsideError } from '../errors/chartside-error';
import { describeIssues, requestJson } from './api-request';

/** `GET /api/profile`: the learner's profile; `updatedAt` null when they never saved one. */
export function fetchProfile(sessionToken: string, signal?: AbortSignal): Promise<ProfileResponse> {
  return requestJson({
    method: 'GET',
    path: '/api/profile',
    sessionToken,
    schema: profileResponseSchema,
    what: 'profile',
    ...(signal === undefined ? {} : { signal }),
  });
}

/** `PUT /api/profile`: the whole profile; the server stamps when consent changed. */
export function saveProfile(sessionToken: string, update: ProfileUpdate): Promise<ProfileResponse> {
  const checked = profileUpdateSchema.safeParse(update);
  if (!checked.success) {
    return Promise.reject(
      new ChartsideError(
        'REQUEST_REFUSED',
        `The profile cannot be sent: ${describeIssues(checked.error)}`,
      ),
    );
  }
  return requestJson({
    method: 'PUT',
    path: '/api/profile',
    sessionToken,
    body: checked.data,
    schema: profileResponseSchema,
    what: 'profile',
  });
}

/** `GET /api/profile/export`: everything Chartside holds about the learner. */
export function fetchMyData(sessionToken: string): Promise<LearnerExport> {
  return requestJson({
    method: 'GET',
    path: '/api/profile/export',
    sessionToken,
    schema: learnerExportSchema,
    what: 'data export',
  });
}

/** `DELETE /api/profile`: erases the profile and review state; the credit ledger is kept. */
export function resetProfile(sessionToken: string): Promise<ProfileResetResponse> {
  return requestJson({
    method: 'DELETE',
    path: '/api/profile',
    sessionToken,
    schema: profileResetResponseSchema,
    what: 'profile reset',
  });
}
