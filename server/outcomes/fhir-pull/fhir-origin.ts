import { AppError, type ErrorCode } from '../../http/app-error';

/**
 * The one rule for where the bearer token may go: a URL the EHR hands us (a status URL, an output
 * file, a `next` link) is used only when it is on the tenant's FHIR origin, so a tampered or
 * misconfigured response cannot send our token elsewhere. Checked before any request is made.
 */
export function onFhirOrigin(
  url: string,
  iss: string,
  code: Extract<ErrorCode, 'BULK_OUTPUT_OFF_ORIGIN' | 'FHIR_LINK_OFF_ORIGIN'>,
): URL {
  let target: URL;
  try {
    target = new URL(url, `${iss}/`);
  } catch {
    throw new AppError(code, 502, 'The EHR returned a link that is not a URL');
  }
  const fhirOrigin = new URL(iss).origin;
  if (target.origin !== fhirOrigin) {
    throw new AppError(
      code,
      502,
      `The EHR returned a link to ${target.protocol === 'http:' || target.protocol === 'https:' ? target.origin : target.protocol}, outside its FHIR server ${fhirOrigin}: no request was made`,
    );
  }
  return target;
}
