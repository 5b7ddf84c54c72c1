import { cc, icd10, LAB, rxnorm, snomed, VITAL } from '../personas/codes';
import { DX, TRIGGER_DX, VISIT } from '../personas/codes-dx';
import { RX } from '../personas/codes-rx';

/*
 * The codes the generated panel uses: the personas' checked constants where they exist, and a
 * few more codings copied with their displays from the library's value-set expansions
 * (fhir-profiles/valuesets/<id>.json, named per line). panel-codes.test.ts asserts that every
 * coding the generator emits is in one of those expansions or in the persona code lists.
 */

export { LAB, VITAL, VISIT };

export const PANEL_DX = {
  t2dm: TRIGGER_DX.t2dm,
  // t2dm-diagnoses
  t2dmUncomplicated: cc(
    'Type 2 diabetes mellitus',
    snomed('44054006', 'Diabetes mellitus type 2 (disorder)'),
    icd10('E11.9', 'Type 2 diabetes mellitus without complications'),
  ),
  htn: TRIGGER_DX.htn,
  htnSnomedOnly: TRIGGER_DX.htnSnomedOnly,
  hfref: TRIGGER_DX.hfref,
  // hfref-diagnoses
  hfUnspecified: cc(
    'Chronic heart failure',
    snomed('88805009', 'Chronic congestive heart failure (disorder)'),
    icd10('I50.9', 'Heart failure, unspecified'),
  ),
  sepsis: TRIGGER_DX.sepsis,
  // sepsis-diagnoses
  septicShock: cc(
    'Septic shock',
    icd10('R65.21', 'Severe sepsis with septic shock'),
    snomed('76571007', 'Septic shock'),
  ),
  ...DX,
} as const;

export const PANEL_RX = {
  metformin: RX.metformin,
  lisinopril: RX.lisinopril,
  amlodipine: RX.amlodipine,
  hctz: RX.hctz,
  atorvastatin: RX.atorvastatin,
  simvastatin: RX.simvastatin,
  furosemide: RX.furosemide,
  // hfref-acei-arb-arni
  losartan: cc('Losartan 50 mg tablet', rxnorm('979492', 'losartan potassium 50 MG Oral Tablet')),
  sacubitrilValsartan: cc(
    'Sacubitril-valsartan 49/51 mg tablet',
    rxnorm('1656349', 'sacubitril 49 MG / valsartan 51 MG Oral Tablet'),
  ),
  metoprolol50: RX.metoprolol50,
  metoprolol100: RX.metoprolol100,
  // hfref-beta-blockers
  carvedilol: cc('Carvedilol 12.5 mg tablet', rxnorm('200032', 'carvedilol 12.5 MG Oral Tablet')),
  bisoprolol: cc(
    'Bisoprolol 5 mg tablet',
    rxnorm('854905', 'bisoprolol fumarate 5 MG Oral Tablet'),
  ),
  oxycodoneApap: RX.oxycodoneApap,
  // opioids-analgesics
  tramadol: cc(
    'Tramadol 50 mg tablet',
    rxnorm('835603', 'tramadol hydrochloride 50 MG Oral Tablet'),
  ),
  hydrocodoneApap: cc(
    'Hydrocodone-acetaminophen 5/325 mg tablet',
    rxnorm('857002', 'acetaminophen 325 MG / hydrocodone bitartrate 5 MG Oral Tablet'),
  ),
  lorazepam: RX.lorazepam,
  alprazolam: RX.alprazolam,
  // opioids-benzodiazepines
  diazepam: cc('Diazepam 5 mg tablet', rxnorm('197591', 'diazepam 5 MG Oral Tablet')),
  ibuprofen: RX.ibuprofen,
  acetaminophen: RX.acetaminophen,
  piperacillinTazobactam: RX.piperacillinTazobactam,
  vancomycin: RX.vancomycin,
  ceftriaxone: RX.ceftriaxone,
} as const;

/** Drug choices by class, for variety within a class the measures count as one. */
export const DRUG_CLASS = {
  raasInhibitors: [PANEL_RX.lisinopril, PANEL_RX.losartan, PANEL_RX.sacubitrilValsartan],
  betaBlockers: [
    PANEL_RX.metoprolol50,
    PANEL_RX.metoprolol100,
    PANEL_RX.carvedilol,
    PANEL_RX.bisoprolol,
  ],
  antihypertensives: [PANEL_RX.lisinopril, PANEL_RX.amlodipine, PANEL_RX.hctz, PANEL_RX.losartan],
  /** Not counted by the heart-failure measures, so heart-failure patients' rates stay as set. */
  hfNeutralAntihypertensives: [PANEL_RX.amlodipine, PANEL_RX.hctz],
  statins: [PANEL_RX.atorvastatin, PANEL_RX.simvastatin],
  opioids: [PANEL_RX.oxycodoneApap, PANEL_RX.tramadol, PANEL_RX.hydrocodoneApap],
  benzodiazepines: [PANEL_RX.lorazepam, PANEL_RX.alprazolam, PANEL_RX.diazepam],
  sepsisAntibiotics: [PANEL_RX.piperacillinTazobactam, PANEL_RX.ceftriaxone],
} as const;
