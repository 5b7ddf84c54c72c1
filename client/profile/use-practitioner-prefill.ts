import { useEffect, useRef, useState } from 'react';
import type { PractitionerPrefill } from '../fhir/read-practitioner';

/**
 * What the EHR says about the learner, read once and only when first wanted (the profile is
 * opened): a launch that never opens it costs the EHR no request.
 */
export function usePractitionerPrefill(
  read: (() => Promise<PractitionerPrefill>) | undefined,
  wanted: boolean,
): PractitionerPrefill | undefined {
  const [prefill, setPrefill] = useState<PractitionerPrefill | undefined>(undefined);
  const started = useRef(false);
  useEffect(() => {
    if (!wanted || started.current || read === undefined) return;
    started.current = true;
    read().then(setPrefill, () => undefined);
  }, [wanted, read]);
  return prefill;
}
