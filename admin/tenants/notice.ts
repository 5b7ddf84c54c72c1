import type { DiscoveryWarning } from '../../core/wire/admin';

/** What the last action did, shown on the page it led to. */
export interface Notice {
  text: string;
  warnings?: DiscoveryWarning[];
}
