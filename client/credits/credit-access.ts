import type { SessionResponse } from '../../core/wire/session';

/**
 * What recording credit needs from the launch, and nothing else: the app session (made once
 * per launch from the EHR's id_token) and the EHR access token, read at the moment a
 * completion is sent and never kept (DESIGN.md §4: tokens are never stored).
 */
export interface CreditAccess {
  /**
   * This launch's app session. Made once; made again only after a transient failure or once
   * it has expired. Rejects with a ChartsideError.
   */
  session: () => Promise<SessionResponse>;
  /** The EHR access token of this launch, or undefined once it has expired. */
  fhirAccessToken: () => Promise<string | undefined>;
}
