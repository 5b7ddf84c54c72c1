import type { CdsDiscovery, CdsService } from '../../core/cds-hooks/discovery';
import { CDS_SERVICE_IDS, type CdsServiceId } from '../../core/cds-hooks/service-ids';
import { PREFETCH_TEMPLATES } from './prefetch-templates';

const USAGE =
  'Register the EHR with Chartside as a tenant with this CDS client (iss, jku or JWKS, ES384/RS384). ' +
  'Cards link to the Chartside SMART app registered for the same EHR.';

/** The services of the discovery response (CDS Hooks 2.0.1 §Discovery), by id. */
export const CDS_SERVICES: Record<CdsServiceId, CdsService> = {
  [CDS_SERVICE_IDS.patientView]: {
    id: CDS_SERVICE_IDS.patientView,
    hook: 'patient-view',
    title: 'Chartside: a guideline micro-case for this patient',
    description:
      'When a chart opens, suggests the 5–10 minute guideline micro-case that fits this patient now ' +
      '(at most two), with the chart facts that made it fit; completing it earns CME credit.',
    prefetch: { ...PREFETCH_TEMPLATES },
    usageRequirements: USAGE,
  },
  [CDS_SERVICE_IDS.encounterStart]: {
    id: CDS_SERVICE_IDS.encounterStart,
    hook: 'encounter-start',
    title: 'Chartside: a guideline micro-case for this encounter',
    description:
      'When an encounter starts, suggests the guideline micro-case that fits this patient now, as on patient-view.',
    prefetch: { ...PREFETCH_TEMPLATES },
    usageRequirements: USAGE,
  },
  [CDS_SERVICE_IDS.orderSelect]: {
    id: CDS_SERVICE_IDS.orderSelect,
    hook: 'order-select',
    title: 'Chartside: the micro-case about what is being ordered',
    description:
      'When a medication is selected, suggests the guideline micro-case about that order: a new opioid ' +
      'with a benzodiazepine, an anticoagulant or atrial fibrillation without one, an antibiotic for ' +
      'bacteriuria without symptoms, and the other cases whose trigger the order meets.',
    prefetch: { ...PREFETCH_TEMPLATES },
    usageRequirements: USAGE,
  },
};

export function isCdsServiceId(id: string): id is CdsServiceId {
  return Object.hasOwn(CDS_SERVICES, id);
}

export const CDS_DISCOVERY: CdsDiscovery = { services: Object.values(CDS_SERVICES) };
