import { z } from 'zod';
import { microCaseSchema } from './micro-case-schema';

/** JSON Schema of a case file, generated from the zod schema (the one definition) for editors. */
export function caseJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(microCaseSchema, { io: 'input', unrepresentable: 'any' }),
    $id: 'https://chartside.dev/schema/micro-case.schema.json',
    title: 'Chartside micro-case',
  };
}
