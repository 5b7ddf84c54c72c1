import { ChartsideError } from '../errors/chartside-error';
import { API_TIMEOUT_MS, apiUrl } from '../lib/api-request';

/**
 * `GET /api/credits/{id}/certificate` with the app session: the certificate PDF of one of the
 * learner's own credits. Network trouble, timeouts, 408, 429 and 5xx are SERVER_UNAVAILABLE
 * (try again), a 401 is SESSION_INVALID (open Chartside again), any other refusal
 * REQUEST_REFUSED, and an answer that is not a PDF SERVER_INVALID.
 */
export async function fetchCertificate(sessionToken: string, creditId: string): Promise<Blob> {
  const path = `/api/credits/${encodeURIComponent(creditId)}/certificate`;
  const label = 'GET /api/credits/{id}/certificate';
  const controller = new AbortController();
  const timer = setTimeout(() => {
    controller.abort();
  }, API_TIMEOUT_MS);
  try {
    let response: Response;
    let pdf: Blob;
    try {
      response = await fetch(apiUrl(path), {
        headers: { accept: 'application/pdf', authorization: `Bearer ${sessionToken}` },
        signal: controller.signal,
      });
      pdf = await response.blob();
    } catch (error) {
      throw new ChartsideError('SERVER_UNAVAILABLE', `${label} could not be reached`, {
        cause: error,
      });
    }
    const detail = `${label} answered HTTP ${response.status}`;
    if (response.status === 401) throw new ChartsideError('SESSION_INVALID', detail);
    if (response.status >= 500 || response.status === 408 || response.status === 429) {
      throw new ChartsideError('SERVER_UNAVAILABLE', detail);
    }
    if (!response.ok) throw new ChartsideError('REQUEST_REFUSED', detail);
    const type = response.headers.get('content-type') ?? '';
    if (!type.startsWith('application/pdf')) {
      throw new ChartsideError(
        'SERVER_INVALID',
        `${label} answered ${type || 'no type'}, not a PDF`,
      );
    }
    return pdf.type === 'application/pdf' ? pdf : new Blob([pdf], { type: 'application/pdf' });
  } finally {
    clearTimeout(timer);
  }
}
