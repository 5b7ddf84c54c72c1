import { cc, icd10, snomed } from './codes';

/*
 * Diagnoses. Trigger codes come from shared/CONTENT.md (ICD-10-CM titles from the CMS tabular
 * list); other SNOMED codes were seen with these displays in the Synthea bundles. Some
 * conditions carry both systems, some only one, as real charts do.
 */

/** Trigger diagnoses, one or two codings each. */
export const TRIGGER_DX = {
  sepsis: cc(
    'Sepsis',
    icd10('A41.9', 'Sepsis, unspecified organism'),
    snomed('91302008', 'Sepsis (disorder)'),
  ),
  cap: cc(
    'Community-acquired pneumonia',
    snomed('385093006'),
    icd10('J18.9', 'Pneumonia, unspecified organism'),
  ),
  t2dm: cc(
    'Type 2 diabetes mellitus with hyperglycemia',
    snomed('44054006', 'Diabetes mellitus type 2 (disorder)'),
    icd10('E11.65', 'Type 2 diabetes mellitus with hyperglycemia'),
  ),
  htn: cc(
    'Essential hypertension',
    snomed('59621000', 'Essential hypertension (disorder)'),
    icd10('I10', 'Essential (primary) hypertension'),
  ),
  htnSnomedOnly: cc('Hypertension', snomed('38341003', 'Hypertension')),
  afib: cc(
    'Atrial fibrillation',
    snomed('49436004', 'Atrial fibrillation'),
    icd10('I48.91', 'Unspecified atrial fibrillation'),
  ),
  hfref: cc(
    'Heart failure with reduced ejection fraction',
    snomed('703272007'),
    icd10('I50.22', 'Chronic systolic (congestive) heart failure'),
  ),
  aki: cc(
    'Acute kidney injury',
    icd10('N17.9', 'Acute kidney failure, unspecified'),
    snomed('14669001'),
  ),
  asthma: cc(
    'Asthma',
    snomed('195967001', 'Asthma (disorder)'),
    icd10('J45.909', 'Unspecified asthma, uncomplicated'),
  ),
  copd: cc(
    'Chronic obstructive pulmonary disease',
    snomed('13645005'),
    icd10('J44.9', 'Chronic obstructive pulmonary disease, unspecified'),
  ),
  bacteriuria: cc('Bacteriuria', icd10('R82.71', 'Bacteriuria')),
  dvt: cc(
    'Deep vein thrombosis, left leg',
    snomed('128053003'),
    icd10(
      'I82.409',
      'Acute embolism and thrombosis of unspecified deep veins of unspecified lower extremity',
    ),
  ),
} as const;

/** Everyday comorbidities and past problems (synthea unless noted). */
export const DX = {
  hyperlipidemia: cc(
    'Hyperlipidemia',
    snomed('55822004', 'Hyperlipidemia (disorder)'),
    icd10('E78.5', 'Hyperlipidemia, unspecified'),
  ),
  hyperlipidemiaSnomedOnly: cc('Hyperlipidemia', snomed('55822004', 'Hyperlipidemia (disorder)')),
  obesity: cc('Obesity (BMI 30+)', snomed('162864005', 'Body mass index 30+ - obesity (finding)')),
  prediabetes: cc('Prediabetes', snomed('714628002', 'Prediabetes (finding)')),
  microalbuminuriaT2dm: cc(
    'Microalbuminuria due to type 2 diabetes',
    snomed('90781000119102', 'Microalbuminuria due to type 2 diabetes mellitus (disorder)'),
  ),
  kneeOsteoarthritis: cc(
    'Osteoarthritis of knee',
    snomed('239873007', 'Osteoarthritis of knee (disorder)'),
  ),
  chronicLowBackPain: cc(
    'Chronic low back pain',
    snomed('278860009', 'Chronic low back pain (finding)'),
  ),
  ribFracture: cc('Fracture of rib', snomed('33737001', 'Fracture of rib')),
  // ICD-10-CM only: no SNOMED code for it was seen in any source used here
  anxiety: cc('Generalized anxiety disorder', icd10('F41.1', 'Generalized anxiety disorder')),
  ischemicHeartDisease: cc(
    'Ischemic heart disease',
    snomed('414545008', 'Ischemic heart disease (disorder)'),
  ),
  historyOfMi: cc(
    'History of myocardial infarction',
    snomed('399211009', 'History of myocardial infarction (situation)'),
  ),
  ckdStage2: cc(
    'Chronic kidney disease stage 2',
    snomed('431856006', 'Chronic kidney disease stage 2 (disorder)'),
  ),
  anemia: cc('Anemia', snomed('271737000', 'Anemia (disorder)')),
  ecoliUti: cc(
    'Escherichia coli urinary tract infection',
    snomed('301011002', 'Escherichia coli urinary tract infection'),
  ),
  recurrentUti: cc(
    'Recurrent urinary tract infection',
    snomed('197927001', 'Recurrent urinary tract infection (disorder)'),
  ),
  alzheimers: cc("Alzheimer's disease", snomed('26929004', "Alzheimer's disease (disorder)")),
  osteoporosis: cc('Osteoporosis', snomed('64859006', 'Osteoporosis (disorder)')),
  smokesDaily: cc('Smokes tobacco daily', snomed('449868002', 'Smokes tobacco daily')),
  allergicRhinitis: cc(
    'Perennial allergic rhinitis',
    snomed('446096008', 'Perennial allergic rhinitis'),
  ),
  dustMiteAllergy: cc('House dust mite allergy', snomed('232350006', 'House dust mite allergy')),
  acuteBronchitis: cc('Acute bronchitis', snomed('10509002', 'Acute bronchitis (disorder)')),
  viralSinusitis: cc('Viral sinusitis', snomed('444814009', 'Viral sinusitis (disorder)')),
  pharyngitis: cc(
    'Acute viral pharyngitis',
    snomed('195662009', 'Acute viral pharyngitis (disorder)'),
  ),
  pneumonia: cc('Pneumonia', snomed('233604007', 'Pneumonia')),
  ankleSprain: cc('Sprain of ankle', snomed('44465007', 'Sprain of ankle')),
  clavicleFracture: cc('Fracture of clavicle', snomed('58150001', 'Fracture of clavicle')),
  normalPregnancy: cc('Normal pregnancy', snomed('72892002', 'Normal pregnancy (finding)')),
  chronicPain: cc('Chronic pain', snomed('82423001', 'Chronic pain (finding)')),
} as const;

/** Encounter types (synthea). */
export const VISIT = {
  emergency: cc(
    'Emergency department visit',
    snomed('50849002', 'Emergency room admission (procedure)'),
  ),
  admission: cc('Hospital admission', snomed('32485007', 'Hospital admission (procedure)')),
  checkUp: cc('Annual wellness visit', snomed('185349003', 'Encounter for check up (procedure)')),
  problem: cc('Office visit', snomed('185347001', 'Encounter for problem (procedure)')),
  followUp: cc('Follow-up visit', snomed('390906007', 'Follow-up encounter (procedure)')),
  symptom: cc('Urgent care visit', snomed('185345009', 'Encounter for symptom (procedure)')),
} as const;
