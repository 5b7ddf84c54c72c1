/** `npm run cases:schema`: regenerates cases/schema/micro-case.schema.json from core's zod schema. */
import { writeFileSync } from 'node:fs';
import { caseJsonSchema } from '../core/micro-case/case-json-schema';

writeFileSync(
  'cases/schema/micro-case.schema.json',
  `${JSON.stringify(caseJsonSchema(), null, 2)}\n`,
);
process.stdout.write('cases/schema/micro-case.schema.json written\n');
