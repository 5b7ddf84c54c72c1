import type { Condition, MedicationRequest } from 'fhir/r4';
import type { Criterion } from '../micro-case/trigger-schema';
import { conceptLabel, withinWindow } from './chart-values';
import { criterionCodes, day, type EvaluationScope, type Leaf } from './evaluation-scope';
import { NO_MATCH, type Evaluation, type Evidence } from './evidence';
import { evaluateObservation, evaluateTrend } from './observation-criteria';

export type { EvaluationScope, FhirPathEvaluator } from './evaluation-scope';

const SYSTEM_NAME: Record<string, { en: string; es: string }> = {
  'http://snomed.info/sct': { en: 'SNOMED CT', es: 'SNOMED CT' },
  'http://hl7.org/fhir/sid/icd-10-cm': { en: 'ICD-10-CM', es: 'CIE-10-MC' },
};
const CLASS_NAME: Record<string, { en: string; es: string }> = {
  EMER: { en: 'emergency', es: 'urgencias' },
  IMP: { en: 'inpatient', es: 'hospitalización' },
  AMB: { en: 'ambulatory', es: 'ambulatorio' },
};

function evaluateCondition(c: Leaf<'condition'>, scope: EvaluationScope): Evaluation {
  const found = scope.index
    .find<Condition>('Condition', criterionCodes(scope, c.valueSet))
    .filter((condition) => {
      if (c.onsetWithin === undefined) return true;
      return withinWindow(
        condition.onsetDateTime ?? condition.recordedDate,
        c.onsetWithin,
        scope.now,
      );
    });
  const evidence = found.map((condition): Evidence => {
    const coding = condition.code?.coding?.find(
      (cd) => cd.system !== undefined && SYSTEM_NAME[cd.system],
    );
    const system = coding?.system ? SYSTEM_NAME[coding.system] : undefined;
    const code =
      system && coding?.code
        ? { en: ` (${system.en} ${coding.code})`, es: ` (${system.es} ${coding.code})` }
        : { en: '', es: '' };
    const label = conceptLabel(condition.code);
    return {
      criterionId: c.id,
      resource: `Condition/${condition.id ?? ''}`,
      date: condition.onsetDateTime ?? condition.recordedDate,
      reason: {
        en: `${label}${code.en} on the problem list`,
        es: `${label}${code.es} en la lista de problemas`,
      },
    };
  });
  return { matched: evidence.length > 0, evidence };
}

function evaluateMedication(c: Leaf<'medication'>, scope: EvaluationScope): Evaluation {
  const orders = scope.index
    .find<MedicationRequest>('MedicationRequest', criterionCodes(scope, c.valueSet))
    .filter(
      (m) =>
        c.authoredWithin === undefined || withinWindow(m.authoredOn, c.authoredWithin, scope.now),
    );
  if (!c.present) {
    if (orders.length > 0) return NO_MATCH;
    const title = scope.valueSets.get(c.valueSet.split('|')[0] ?? '')?.title ?? c.valueSet;
    const missing = c.absentLabel ?? { en: title, es: title };
    return {
      matched: true,
      evidence: [
        {
          criterionId: c.id,
          reason: {
            en: `No active order for ${missing.en}`,
            es: `Sin orden activa de ${missing.es}`,
          },
        },
      ],
    };
  }
  const evidence = orders.map((m): Evidence => {
    const label = conceptLabel(m.medicationCodeableConcept);
    return {
      criterionId: c.id,
      resource: `MedicationRequest/${m.id ?? ''}`,
      date: m.authoredOn,
      reason: {
        en: `Active order: ${label} (ordered ${day(m.authoredOn)})`,
        es: `Orden activa: ${label} (pedida el ${day(m.authoredOn)})`,
      },
    };
  });
  return { matched: evidence.length > 0, evidence };
}

function ageInYears(birthDate: string | undefined, now: Date): number | undefined {
  if (birthDate === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(birthDate)) return undefined;
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  const beforeBirthday =
    now.getUTCMonth() + 1 < m || (now.getUTCMonth() + 1 === m && now.getUTCDate() < d);
  return now.getUTCFullYear() - y - (beforeBirthday ? 1 : 0);
}

/** Evaluates one trigger criterion against the indexed patient; never throws on odd data. */
export function evaluateCriterion(criterion: Criterion, scope: EvaluationScope): Evaluation {
  switch (criterion.kind) {
    case 'all': {
      const results = criterion.of.map((c) => evaluateCriterion(c, scope));
      return results.every((r) => r.matched)
        ? { matched: true, evidence: results.flatMap((r) => r.evidence) }
        : NO_MATCH;
    }
    case 'any': {
      const matched = criterion.of.map((c) => evaluateCriterion(c, scope)).filter((r) => r.matched);
      return matched.length > 0
        ? { matched: true, evidence: matched.flatMap((r) => r.evidence) }
        : NO_MATCH;
    }
    case 'not':
      return evaluateCriterion(criterion.criterion, scope).matched
        ? NO_MATCH
        : { matched: true, evidence: [] };
    case 'condition':
      return evaluateCondition(criterion, scope);
    case 'observation':
      return evaluateObservation(criterion, scope);
    case 'trend':
      return evaluateTrend(criterion, scope);
    case 'medication':
      return evaluateMedication(criterion, scope);
    case 'encounter-class': {
      const code = scope.index.encounter?.class.code;
      if (code === undefined || !criterion.classes.includes(code)) return NO_MATCH;
      const name = CLASS_NAME[code] ?? { en: code, es: code };
      return {
        matched: true,
        evidence: [
          {
            criterionId: criterion.id,
            resource: `Encounter/${scope.index.encounter?.id ?? ''}`,
            reason: { en: `Current encounter: ${name.en}`, es: `Encuentro actual: ${name.es}` },
          },
        ],
      };
    }
    case 'age': {
      const age = ageInYears(scope.index.patient.birthDate, scope.now);
      if (
        age === undefined ||
        (criterion.min !== undefined && age < criterion.min) ||
        (criterion.max !== undefined && age > criterion.max)
      )
        return NO_MATCH;
      return {
        matched: true,
        evidence: [{ criterionId: criterion.id, reason: { en: `Age ${age}`, es: `Edad ${age}` } }],
      };
    }
    case 'sex': {
      if (scope.index.patient.gender !== criterion.is) return NO_MATCH;
      const es = criterion.is === 'female' ? 'femenino' : 'masculino';
      return {
        matched: true,
        evidence: [
          { criterionId: criterion.id, reason: { en: `Sex: ${criterion.is}`, es: `Sexo: ${es}` } },
        ],
      };
    }
    case 'fhirpath': {
      if (!scope.fhirPath) return NO_MATCH;
      try {
        const bundle = {
          resourceType: 'Bundle',
          type: 'collection',
          entry: scope.index.resources.map((resource) => ({ resource })),
        };
        const result = scope.fhirPath(bundle, criterion.expression);
        const truthy = result.length > 0 && !(result.length === 1 && result[0] === false);
        return truthy
          ? {
              matched: true,
              evidence: [{ criterionId: criterion.id, reason: criterion.description }],
            }
          : NO_MATCH;
      } catch {
        return NO_MATCH;
      }
    }
  }
}
