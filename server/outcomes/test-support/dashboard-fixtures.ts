import { loadCaseLibrary } from '../../library/case-library';
import type { MeasureDescription } from '../outcome-routes';
import type { OutcomeRun, StoredComparison } from '../stored-comparison';

/** The real library: case titles come from it. */
export const library = await loadCaseLibrary({
  casesDir: 'cases',
  valueSetsDir: 'fhir-profiles/valuesets',
});

/** Two measures described as the dashboards need them (the job's `evaluate` is not used). */
export const measures: MeasureDescription[] = [
  {
    id: 'CMS122',
    label: {
      en: 'CMS122-like: HbA1c > 9 % (poor control)',
      es: 'Similar a CMS122: HbA1c > 9 % (mal control)',
    },
    simplification: {
      en: 'Latest HbA1c in the period only; no GMI, no exclusions for hospice or frailty.',
      es: 'Solo la última HbA1c del periodo; sin GMI ni exclusiones por cuidados paliativos o fragilidad.',
    },
    lowerIsBetter: true,
    basis: 'patient',
  },
  {
    id: 'CMS165',
    label: {
      en: 'CMS165-like: blood pressure controlled (< 140/90)',
      es: 'Similar a CMS165: presión arterial controlada (< 140/90)',
    },
    simplification: {
      en: 'Latest reading in the period; no exclusions.',
      es: 'Última lectura del periodo; sin exclusiones.',
    },
    lowerIsBetter: false,
    basis: 'patient',
  },
];

/** The windows configured, as OUTCOMES_BEFORE_DAYS / _AFTER_DAYS give them. */
export const windows = { beforeDays: 90, afterDays: 60 };

export const TENANT = 'tenant-a';
export const ADA = 'https://ehr.example.org/fhir/Practitioner/ada';
export const BEN = 'https://ehr.example.org/fhir/Practitioner/ben';

export const run = (tenantId = TENANT): OutcomeRun => ({
  tenantId,
  computedAt: '2026-11-26T14:00:00.000Z',
  beforeDays: 180,
  afterDays: 180,
  source: 'bulk',
  patients: 912,
});

/** One stored comparison; counts as [numerator, denominator] before and after. */
export function comparison(
  fields: Partial<StoredComparison> & {
    counts?: [[number, number], [number, number]];
  } = {},
): StoredComparison {
  const {
    counts = [
      [81, 263],
      [52, 240],
    ],
    ...rest
  } = fields;
  const [[bn, bd], [an, ad]] = counts;
  return {
    tenantId: TENANT,
    learner: ADA,
    creditId: 'credit-1',
    caseId: 't2dm-intensify-cardiorenal',
    caseVersion: '1.0.0',
    creditedAt: '2026-07-29T10:00:00.000Z',
    measureId: 'CMS122',
    before: {
      periodStart: '2026-01-30T10:00:00.000Z',
      periodEnd: '2026-07-29T10:00:00.000Z',
      numerator: bn,
      denominator: bd,
    },
    after: {
      periodStart: '2026-07-29T10:00:00.000Z',
      periodEnd: '2026-11-26T14:00:00.000Z',
      numerator: an,
      denominator: ad,
    },
    ...rest,
  };
}
