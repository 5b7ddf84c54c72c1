import type { MedicationRequest } from 'fhir/r4';
import { codingKeys } from '../matcher/patient-index';
import { attributedEncounters, isAcuteEncounter, patientRef, refersTo } from './attribution';
import type { Measure, MeasureEpisode } from './measure';
import type { MeasureCodes } from './measure-codes';
import { ageWithin, conceptName, instant } from './measure-values';
import { indexRecord } from './record-index';

/** Which drug an order is, for "two different opioids": its first code in the value set. */
const drugKey = (m: MedicationRequest, codes: ReadonlySet<string>): string =>
  codingKeys(m.medicationCodeableConcept)
    .filter((key) => codes.has(key))
    .sort()[0] ?? '';

/**
 * CMS506-like, Safe Use of Opioids – Concurrent Prescribing. Inverse, encounter-based.
 * Denominator: the clinician's inpatient or emergency encounters ending in the period, patient
 * ≥ 18 at the encounter start, with an opioid order linked to the encounter
 * (MedicationRequest.encounter). Numerator: the encounter also has a benzodiazepine order, or
 * orders for two or more different opioids (different codes).
 */
export function cms506(codes: MeasureCodes): Measure {
  return {
    id: 'CMS506',
    label: {
      en: 'CMS506-like: opioid with a benzodiazepine or a second opioid',
      es: 'Similar a CMS506: opioide con benzodiacepina o con otro opioide',
    },
    simplification: {
      en: 'Simpler than CMS506: counts any opioid and benzodiazepine orders linked to the inpatient or emergency encounter, not only the prescriptions at discharge; only encounters with an opioid enter (officially a benzodiazepine alone also does); two orders with different codes count as two opioids even if the drug is the same; no exclusions (cancer, palliative or hospice care).',
      es: 'Más simple que CMS506: cuenta cualquier orden de opioide y de benzodiacepina vinculada al encuentro de hospitalización o urgencias, no solo las recetas al alta; solo entran encuentros con un opioide (oficialmente también basta una benzodiacepina); dos órdenes con códigos distintos cuentan como dos opioides aunque sea el mismo fármaco; sin exclusiones (cáncer, cuidados paliativos u hospicio).',
    },
    lowerIsBetter: true,
    basis: 'encounter',
    evaluate(record, context): MeasureEpisode[] {
      const index = indexRecord(record);
      const end = context.period.end.getTime();
      // Orders dated after the period end are not counted; undated ones linked to the encounter are.
      const orders = (drugs: ReadonlySet<string>) =>
        index.medicationRequests.find(drugs).filter((m) => (instant(m.authoredOn) ?? 0) < end);
      const opioids = orders(codes.opioid);
      if (opioids.length === 0) return [];
      const benzodiazepines = orders(codes.benzodiazepine);
      const patient = patientRef(record);
      return attributedEncounters(record, context, 'end').flatMap((encounter) => {
        const started = instant(encounter.period?.start);
        if (!isAcuteEncounter(encounter) || !encounter.id || started === undefined) return [];
        if (!ageWithin(record.patient, new Date(started), 18)) return [];
        const target = `Encounter/${encounter.id}`;
        const here = opioids.filter((m) => refersTo(m.encounter, target));
        if (here.length === 0) return [];
        const benzo = benzodiazepines.find((m) => refersTo(m.encounter, target));
        const distinct = new Set(here.map((m) => drugKey(m, codes.opioid)));
        const names = here.map((m) => conceptName(m.medicationCodeableConcept)).join(', ');
        const reason = benzo
          ? `Opioid (${names}) with a benzodiazepine (${conceptName(benzo.medicationCodeableConcept)})`
          : distinct.size >= 2
            ? `${String(distinct.size)} different opioids (${names})`
            : `One opioid (${names}), no benzodiazepine`;
        return [
          {
            subject: target,
            patient,
            inNumerator: benzo !== undefined || distinct.size >= 2,
            reason,
          },
        ];
      });
    },
  };
}
