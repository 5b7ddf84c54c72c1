import type { Extension, Questionnaire, QuestionnaireItem } from 'fhir/r4';
import type { LocalizedText } from '../micro-case/localized-text';
import type { MicroCase, Question, QuestionBody } from '../micro-case/micro-case-schema';
import {
  questionBody,
  variantLinkId,
  variantsOf,
  type QuestionVariant,
} from '../micro-case/question-variants';
import {
  citationArtifact,
  computableName,
  localizedPrimitive,
  publicationStatus,
} from './case-artifacts';
import {
  caseCanonical,
  caseQuestionnaireUrl,
  CHARTSIDE_FHIR,
  EXTENSION,
  PROFILE,
} from './canonical';

/** CodeSystem of the library's clinical topics (fhir-profiles/terminology/topic.codesystem.json). */
export const TOPIC_SYSTEM = `${CHARTSIDE_FHIR}/CodeSystem/topic`;

/** The link ids of the point-of-care reflection the completion answers (buildCompletionResponse). */
export const REFLECTION_LINK_IDS = {
  group: 'poc-reflection',
  clinicalQuestion: 'clinical-question',
  sourceConsulted: 'source-consulted',
  applicationToPractice: 'application-to-practice',
} as const;

const labelled = (text: LocalizedText): Pick<QuestionnaireItem, 'text' | '_text'> => {
  const { value, element } = localizedPrimitive(text);
  return { text: value, _text: { extension: element } };
};

/** How a variant item says which question it stands in for, and at what difficulty. */
const VARIANT_PREFIX: Record<Exclude<QuestionVariant, 'standard'>, LocalizedText> = {
  easier: { en: 'Easier version', es: 'Versión más sencilla' },
  harder: { en: 'Harder version', es: 'Versión más difícil' },
};

function choiceItem(
  microCase: MicroCase,
  linkId: string,
  body: QuestionBody,
  required: boolean,
): QuestionnaireItem {
  const byId = new Map(microCase.citations.map((c) => [c.id, c]));
  return {
    linkId,
    type: 'choice',
    required,
    ...labelled(body.prompt),
    answerOption: body.options.map((option) => {
      const feedback = localizedPrimitive(option.feedback);
      const display = localizedPrimitive(option.text);
      const extension: Extension[] = [
        { url: EXTENSION.correctOption, valueBoolean: option.correct },
        {
          url: EXTENSION.optionFeedback,
          valueString: feedback.value,
          _valueString: { extension: feedback.element },
        },
        ...option.citations.flatMap((id) => {
          const citation = byId.get(id);
          return citation
            ? [{ url: EXTENSION.citation, valueRelatedArtifact: citationArtifact(citation) }]
            : [];
        }),
      ];
      return {
        extension,
        valueCoding: {
          system: caseCanonical(microCase.id, microCase.version),
          code: option.id,
          display: display.value,
          _display: { extension: display.element },
        },
      };
    }),
  };
}

/**
 * A question and its difficulty variants as sibling items: the standard one under the question
 * id, each variant under `{questionId}.{variant}`. The learner answers exactly one of them, which
 * R4 cannot express, so a question with variants marks none of its items required (the server's
 * grading checks one answer per question).
 */
function questionItems(microCase: MicroCase, question: Question): QuestionnaireItem[] {
  const variants = variantsOf(question);
  return variants.flatMap((variant) => {
    const body = questionBody(question, variant);
    if (!body) return [];
    const item = choiceItem(
      microCase,
      variantLinkId(question.id, variant),
      body,
      variants.length === 1,
    );
    if (variant === 'standard') return [item];
    const prefix = localizedPrimitive(VARIANT_PREFIX[variant]);
    return [{ ...item, prefix: prefix.value, _prefix: { extension: prefix.element } }];
  });
}

function reflectionItem(microCase: MicroCase): QuestionnaireItem {
  const ids = REFLECTION_LINK_IDS;
  return {
    linkId: ids.group,
    type: 'group',
    ...labelled({ en: 'Point-of-care reflection', es: 'Reflexión en el punto de atención' }),
    item: [
      {
        linkId: ids.clinicalQuestion,
        type: 'text',
        required: true,
        ...labelled({ en: 'Your clinical question', es: 'Su pregunta clínica' }),
        initial: [{ valueString: microCase.clinicalQuestion.en }],
      },
      {
        linkId: ids.sourceConsulted,
        type: 'string',
        required: true,
        repeats: true,
        ...labelled({ en: 'Sources consulted', es: 'Fuentes consultadas' }),
      },
      {
        linkId: ids.applicationToPractice,
        type: 'text',
        required: true,
        ...labelled({ en: 'Application to practice', es: 'Aplicación a la práctica' }),
      },
    ],
  };
}

/**
 * A micro-case as a FHIR R4 Questionnaire (DOMAIN.md "FHIR R4 model"): a view generated from the
 * case JSON, never edited by hand. Canonical `…/Questionnaire/{id}` + the case's semver version is
 * what completions (`questionnaire`) and Provenance (`entity`) reference.
 */
export function buildCaseQuestionnaire(microCase: MicroCase): Questionnaire {
  const title = localizedPrimitive(microCase.title);
  return {
    resourceType: 'Questionnaire',
    id: microCase.id,
    meta: { profile: [PROFILE.caseQuestionnaire] },
    language: 'en',
    extension: microCase.citations.map((c) => ({
      url: EXTENSION.citation,
      valueRelatedArtifact: citationArtifact(c),
    })),
    url: caseQuestionnaireUrl(microCase.id),
    version: microCase.version,
    name: computableName(microCase.id),
    title: title.value,
    _title: { extension: title.element },
    status: publicationStatus(microCase.disclosure.reviewers),
    date: microCase.disclosure.contentValidityReviewed,
    publisher: 'Chartside',
    description: microCase.cardSummary.en,
    lastReviewDate: microCase.disclosure.contentValidityReviewed,
    useContext: [
      {
        code: {
          system: 'http://terminology.hl7.org/CodeSystem/usage-context-type',
          code: 'focus',
        },
        valueCodeableConcept: { coding: [{ system: TOPIC_SYSTEM, code: microCase.topic }] },
      },
    ],
    item: [
      { linkId: 'stem', type: 'display', ...labelled(microCase.stem.text) },
      ...microCase.questions.flatMap((q) => questionItems(microCase, q)),
      reflectionItem(microCase),
    ],
  };
}
