import { afibHaroldBecker } from './afib-harold-becker';
import { akiWalterNovak } from './aki-walter-novak';
import { asbEleanorPrice } from './asb-eleanor-price';
import { asthmaAishaKhan } from './asthma-aisha-khan';
import { capJamesWhitfield } from './cap-james-whitfield';
import { copdFrankDolan } from './copd-frank-dolan';
import { hfrefGloriaRamirez } from './hfref-gloria-ramirez';
import { htnDeniseWalker } from './htn-denise-walker';
import { noTopicLucasMoreno } from './no-topic-lucas-moreno';
import { noTopicPriyaNair } from './no-topic-priya-nair';
import { opioidsKevinObrien } from './opioids-kevin-obrien';
import type { Persona } from './persona';
import { sepsisMariaSantos } from './sepsis-maria-santos';
import { t2dmRobertChen } from './t2dm-robert-chen';
import { vteSamuelOkafor } from './vte-samuel-okafor';

export type { Persona } from './persona';
export { buildStaff, STAFF } from './staff';

const PERSONAS: readonly ((now: Date) => Persona)[] = [
  sepsisMariaSantos,
  capJamesWhitfield,
  t2dmRobertChen,
  htnDeniseWalker,
  afibHaroldBecker,
  hfrefGloriaRamirez,
  akiWalterNovak,
  opioidsKevinObrien,
  asthmaAishaKhan,
  copdFrankDolan,
  asbEleanorPrice,
  vteSamuelOkafor,
  noTopicLucasMoreno,
  noTopicPriyaNair,
];

/**
 * The sandbox EHR's synthetic patients, one or more per topic of shared/CONTENT.md plus two who
 * match none. Every date is relative to `now`, so the triggers hold whenever the sandbox starts.
 */
export function buildPersonas(now: Date): Persona[] {
  return PERSONAS.map((build) => build(now));
}
