import type { fhirclient } from 'fhirclient/lib/types';

/**
 * Chartside reads the chart once per launch and never refreshes the access token behind the
 * clinician's back: an expired or revoked token means "relaunch from the chart".
 */
export const NO_REFRESH: fhirclient.FhirOptions = { useRefreshToken: false };
