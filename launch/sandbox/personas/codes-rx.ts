import { cc, rxnorm } from './codes';

/*
 * RxNorm clinical drugs. Source per line: trigger (CONTENT.md), synthea (seen with this display
 * in the Synthea bundles), ecqm (VSAC eCQM expansion), fda (openFDA NDC → RxCUI).
 */
export const RX = {
  // trigger codes
  metformin: cc(
    'Metformin 500 mg tablet',
    rxnorm('861007', 'metformin hydrochloride 500 MG Oral Tablet'),
  ), // trigger, fda
  enoxaparin: cc(
    'Enoxaparin 100 mg/mL injection',
    rxnorm('854255', 'enoxaparin sodium 100 MG/ML Injectable Solution'), // trigger, ecqm
  ),
  warfarin: cc('Warfarin 5 mg tablet', rxnorm('855332', 'Warfarin Sodium 5 MG Oral Tablet')), // trigger, synthea
  // antibiotics (ecqm)
  piperacillinTazobactam: cc(
    'Piperacillin-tazobactam 4.5 g IV',
    rxnorm('1659149', 'piperacillin 4000 MG / tazobactam 500 MG Injection'),
  ),
  vancomycin: cc('Vancomycin 1 g IV', rxnorm('1807513', 'vancomycin 1000 MG Injection')),
  ceftriaxone: cc('Ceftriaxone 1 g IV', rxnorm('1665021', 'ceftriaxone 1000 MG Injection')),
  azithromycin: cc(
    'Azithromycin 500 mg tablet',
    rxnorm('248656', 'azithromycin 500 MG Oral Tablet'),
  ),
  ciprofloxacin: cc(
    'Ciprofloxacin 500 mg tablet',
    rxnorm('309309', 'ciprofloxacin 500 MG Oral Tablet'),
  ), // synthea
  // cardiovascular (synthea unless noted)
  lisinopril: cc('Lisinopril 10 mg tablet', rxnorm('314076', 'lisinopril 10 MG Oral Tablet')),
  lisinoprilHctz: cc(
    'Lisinopril-hydrochlorothiazide 20/12.5 mg tablet',
    rxnorm('197886', 'hydrochlorothiazide 12.5 MG / lisinopril 20 MG Oral Tablet'),
  ),
  amlodipine: cc('Amlodipine 5 mg tablet', rxnorm('197361', 'Amlodipine 5 MG Oral Tablet')),
  hctz: cc(
    'Hydrochlorothiazide 25 mg tablet',
    rxnorm('310798', 'Hydrochlorothiazide 25 MG Oral Tablet'),
  ),
  metoprolol50: cc(
    'Metoprolol succinate ER 50 mg tablet',
    rxnorm('866436', '24 HR metoprolol succinate 50 MG Extended Release Oral Tablet'),
  ),
  metoprolol100: cc(
    'Metoprolol succinate ER 100 mg tablet',
    rxnorm('866412', '24 HR metoprolol succinate 100 MG Extended Release Oral Tablet'),
  ),
  furosemide: cc('Furosemide 40 mg tablet', rxnorm('313988', 'furosemide 40 MG Oral Tablet')), // ecqm
  furosemideIv: cc(
    'Furosemide 10 mg/mL injection',
    rxnorm('1719286', '10 ML Furosemide 10 MG/ML Injection'),
  ),
  aspirin: cc('Aspirin 81 mg tablet', rxnorm('243670', 'aspirin 81 MG Oral Tablet')),
  atorvastatin: cc('Atorvastatin 80 mg tablet', rxnorm('259255', 'Atorvastatin 80 MG Oral Tablet')),
  simvastatin: cc('Simvastatin 20 mg tablet', rxnorm('312961', 'Simvastatin 20 MG Oral Tablet')),
  rosuvastatin: cc(
    'Rosuvastatin 5 mg tablet',
    rxnorm('859424', 'rosuvastatin calcium 5 MG Oral Tablet'),
  ),
  // analgesics (synthea)
  oxycodoneApap: cc(
    'Oxycodone-acetaminophen 5/325 mg tablet',
    rxnorm('1049221', 'Acetaminophen 325 MG / oxyCODONE Hydrochloride 5 MG Oral Tablet'),
  ),
  ibuprofen: cc('Ibuprofen 200 mg tablet', rxnorm('310965', 'Ibuprofen 200 MG Oral Tablet')),
  naproxen: cc(
    'Naproxen sodium 220 mg tablet',
    rxnorm('849574', 'Naproxen sodium 220 MG Oral Tablet'),
  ),
  acetaminophen: cc(
    'Acetaminophen 325 mg tablet',
    rxnorm('313782', 'Acetaminophen 325 MG Oral Tablet'),
  ),
  // psychiatric (ecqm)
  alprazolam: cc('Alprazolam 0.5 mg tablet', rxnorm('308048', 'alprazolam 0.5 MG Oral Tablet')),
  lorazepam: cc('Lorazepam 1 mg tablet', rxnorm('197901', 'lorazepam 1 MG Oral Tablet')),
  sertraline: cc('Sertraline 50 mg tablet', rxnorm('312941', 'sertraline 50 MG Oral Tablet')),
  donepezil: cc(
    'Donepezil 10 mg tablet',
    rxnorm('997223', 'Donepezil hydrochloride 10 MG Oral Tablet'), // synthea
  ),
  // respiratory (synthea)
  albuterolMdi: cc(
    'Albuterol 90 mcg/actuation inhaler',
    rxnorm('745679', '200 ACTUAT Albuterol 0.09 MG/ACTUAT Metered Dose Inhaler'),
  ),
  fluticasoneMdi: cc(
    'Fluticasone propionate 110 mcg/actuation inhaler (Flovent)',
    rxnorm(
      '896001',
      '120 ACTUAT fluticasone propionate 0.11 MG/ACTUAT Metered Dose Inhaler [Flovent]',
    ),
  ),
  fluticasoneSalmeterol: cc(
    'Fluticasone-salmeterol 250/50 mcg inhaler',
    rxnorm(
      '896209',
      '60 ACTUAT Fluticasone propionate 0.25 MG/ACTUAT / salmeterol 0.05 MG/ACTUAT Dry Powder Inhaler',
    ),
  ),
  // other (synthea)
  alendronate: cc(
    'Alendronate 10 mg tablet',
    rxnorm('904419', 'Alendronic acid 10 MG Oral Tablet'),
  ),
  levonorgestrelIud: cc(
    'Levonorgestrel IUD (Mirena)',
    rxnorm('807283', 'Mirena 52 MG Intrauterine System'),
  ),
} as const;
