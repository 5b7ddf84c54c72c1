/**
 * A card's `absolute` link (CDS Hooks 2.0.1 §Link) is the way to a case for EHRs that drop
 * `appContext`: `/launch?iss=…#case={caseId}`. The fragment never reaches a server; the launch
 * page keeps the case id for this tab until the app has signed in, and forgets it on any launch
 * without one, so a case named once never follows the clinician into the next chart.
 */
const LINKED_CASE_KEY = 'chartside:linked-case';
const CASE_ID = /^[a-z0-9][a-z0-9-]{0,99}$/;

type SessionStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Called by the launch page with `location.hash`: remembers `#case=…`, or forgets an old one. */
export function rememberLinkedCase(hash: string, storage: SessionStore): void {
  const caseId = new URLSearchParams(hash.replace(/^#/, '')).get('case');
  if (caseId !== null && CASE_ID.test(caseId)) storage.setItem(LINKED_CASE_KEY, caseId);
  else storage.removeItem(LINKED_CASE_KEY);
}

/** The case the launch link named, if any. */
export function linkedCaseId(storage: SessionStore): string | undefined {
  const caseId = storage.getItem(LINKED_CASE_KEY);
  return caseId !== null && CASE_ID.test(caseId) ? caseId : undefined;
}
