/** `npm run bench`: every benchmark, each against a baseline run side by side. */
import { benchCdsHooks } from './cds-hooks';
import { benchCompletions } from './completions';
import { benchLaunchReads } from './launch-reads';
import { benchMatcher } from './matcher';
import { benchOutcomes } from './outcomes';

await benchLaunchReads();
await benchMatcher();
await benchCompletions();
await benchCdsHooks();
await benchOutcomes();
