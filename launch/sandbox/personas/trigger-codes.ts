import { SYSTEM } from './codes';

/** Trigger codes per topic as 'system|code', from shared/CONTENT.md and the Synthea data. */
const set = (system: string, codes: string[]): string[] => codes.map((c) => `${system}|${c}`);
const S = (...codes: string[]) => set(SYSTEM.snomed, codes);
const I = (...codes: string[]) => set(SYSTEM.icd10, codes);
export const L = (...codes: string[]) => set(SYSTEM.loinc, codes);
export const R = (...codes: string[]) => set(SYSTEM.rxnorm, codes);

export const CODES = {
  sepsisDx: [...I('A41.9', 'R65.20', 'R65.21'), ...S('91302008', '76571007')],
  lactate: L('2524-7', '32693-4'),
  bloodCulture: L('600-7'),
  capDx: [...S('385093006', '233604007'), ...I('J18.9', 'J15.9')],
  procalcitonin: L('33959-8'),
  t2dmDx: [...S('44054006'), ...I('E11.9', 'E11.65')],
  hba1c: L('4548-4', '17856-6'),
  kidneyTests: L('9318-7', '62238-1'),
  diabetesDrugs: R('861007', '1488569', '1545658'),
  htnDx: [...S('59621000', '38341003'), ...I('I10')],
  afibDx: [...S('49436004'), ...I('I48.91', 'I48.0', 'I48.19', 'I48.20')],
  anticoagulants: R('1364445', '1232086', '1037045', '855332', '854255'),
  hfrefDx: [...S('84114007', '703272007'), ...I('I50.9', 'I50.22', 'I50.20')],
  lvef: L('10230-1'),
  ntProBnp: L('33762-6'),
  aceiArbArni: R('314076', '197886'),
  akiDx: [...I('N17.9'), ...S('14669001')],
  creatinineMass: L('2160-0'),
  creatinineMoles: L('14682-9'),
  // Opioid clinical drugs seen in the Synthea data (CDC opioid value sets are ingredient-based).
  opioids: R('1049221', '835603', '856987', '857005', '1049504', '1860154', '1860491', '245134'),
  opioidUseDisorderDx: I('F11.20'),
  benzodiazepines: R('308048', '197901'),
  asthmaDx: [...S('195967001'), ...I('J45.909')],
  saba: R('745679', '745752', '351136'),
  inhaledSteroids: R('896001', '896019', '895994', '896209'),
  copdDx: [...S('13645005'), ...I('J44.9', 'J44.1')],
  asbDx: I('R82.71', 'N39.0'),
  urineCulture: L('630-4'),
  antibiotics: R('309309', '562251', '308182', '1665021', '248656', '1659149', '1807513'),
  vteDx: [...S('128053003', '59282003'), ...I('I26.99', 'I82.409')],
} as const;
