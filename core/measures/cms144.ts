import type { Measure } from './measure';
import type { MeasureCodes } from './measure-codes';
import { hfrefTherapy } from './hfref-therapy';

/**
 * CMS144-like, Heart Failure: beta-blocker therapy for LVEF ≤ 40 % (bisoprolol, carvedilol or
 * metoprolol succinate, value set hfref-beta-blockers). The official eCQM needs two visits with
 * the clinician, counts hospital discharges separately and lets documented reasons (e.g.
 * bradycardia, hypotension, heart block, asthma) remove a patient.
 */
export function cms144(codes: MeasureCodes): Measure {
  return hfrefTherapy(codes, codes.betaBlocker, 'evidence-based beta-blocker', {
    id: 'CMS144',
    label: {
      en: 'CMS144-like: beta-blocker for HF with LVEF ≤ 40 %',
      es: 'Similar a CMS144: betabloqueante en IC con FEVI ≤ 40 %',
    },
    simplification: {
      en: 'Simpler than CMS144: any period instead of the calendar year, one encounter of any kind with you instead of two qualifying visits, no separate count at hospital discharge, and no exceptions for documented reasons (bradycardia, hypotension, heart block, asthma, allergy, refusal). Counts bisoprolol, carvedilol or metoprolol succinate ordered in the period or still active at its end.',
      es: 'Más simple que CMS144: cualquier periodo en lugar del año calendario, un encuentro de cualquier tipo con usted en lugar de dos visitas válidas, sin cómputo aparte al alta hospitalaria y sin excepciones por motivos documentados (bradicardia, hipotensión, bloqueo cardiaco, asma, alergia, rechazo). Cuenta bisoprolol, carvedilol o metoprolol succinato ordenados en el periodo o aún activos al final.',
    },
  });
}
